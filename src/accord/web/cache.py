"""Rendered page bodies kept until the store changes: the heavy pages cost one query on a hit.

A page's main section (never the header, which names the reviewer and holds a CSRF token)
is cached under its path and query string together with the store's version: the number
of documents, the newest fact and review ids (a new or replaced document writes new facts)
and the knowledge base's meta rows (which `accord resolve` and the merged-claims refresh
rewrite). Any ingest, review or re-linking changes the version, so no cached body is stale.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import sqlalchemy as sa

from accord.store.schema import documents, fact_reviews, facts, kb_meta


def store_version(connection: sa.Connection) -> tuple[Any, ...]:
    """A value that changes whenever what the pages show can change; four index lookups."""
    doc_count = connection.execute(sa.select(sa.func.count()).select_from(documents)).scalar()
    newest_fact = connection.execute(sa.select(sa.func.max(facts.c.id))).scalar()
    newest_review = connection.execute(sa.select(sa.func.max(fact_reviews.c.id))).scalar()
    meta = tuple(
        connection.execute(sa.select(kb_meta.c.name, kb_meta.c.value).order_by(kb_meta.c.name)).all()
    )
    return (doc_count, newest_fact, newest_review, meta)


class PageCache:
    """A small LRU of (version, title, body) by page key, shared by the server's threads."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._items: OrderedDict[str, tuple[tuple[Any, ...], str, str]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, version: tuple[Any, ...]) -> tuple[str, str] | None:
        with self._lock:
            found = self._items.get(key)
            if found is None or found[0] != version:
                return None
            self._items.move_to_end(key)
            return found[1], found[2]

    def put(self, key: str, version: tuple[Any, ...], title: str, body: str) -> None:
        with self._lock:
            self._items[key] = (version, title, body)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
