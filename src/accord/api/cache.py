"""Rendered page bodies and JSON answers kept until the store changes: a hit costs one query.

A page's main section (never the header, which names the reviewer and holds a CSRF token)
is cached under its path and query string together with the store's version
(`accord.query.common.store_version`: the number of documents, the newest fact and review
ids and the knowledge base's meta rows). Any ingest, review or re-linking changes the version,
so no cached body is stale.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any


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
