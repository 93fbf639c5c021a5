"""What every query shares: the live-fact filter, sources, and finding an entity from what a user typed."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from rapidfuzz import fuzz, process

from accord.record.kinds import LINK_COLUMNS
from accord.record.names import fold_name, is_country_code
from accord.resolve.kb import alias_key
from accord.resolve.names import person_name, persons_compatible
from accord.store.schema import (
    agreement_event_pairs,
    documents,
    evidence,
    fact_reviews,
    facts,
    kb_aliases,
    kb_entities,
    kb_meta,
    kb_tokens,
    live,
)


class NotFound(LookupError):
    """What the user asked for is not in the store; the message is one line for them."""


def outlet_key() -> sa.ColumnElement[Any]:
    """One value per independent source: the outlet, else the document itself."""
    return sa.func.coalesce(documents.c.outlet, documents.c.id)


@dataclass
class Source:
    """One document's support for a claim: where it is, who published it, and the sentence."""

    fact_id: int
    document_id: str
    source: str
    url: str | None
    title: str | None
    outlet: str | None
    date: str | None
    evidence: str | None
    start: int | None
    end: int | None
    value: str | None = None  # what this source says, where sources disagree (a stance, a count)

    @property
    def outlet_key(self) -> str:
        return self.outlet or self.document_id

    @property
    def label(self) -> str:
        """How a source is named to a reader: its outlet and title, else its URL; never the path
        it was read from (that stays in `source`, for the record)."""
        return document_label(self.title, self.outlet, self.url)


def document_label(title: str | None, outlet: str | None, url: str | None) -> str:
    """'outlet: title', 'outlet: URL' or 'title'; 'untitled document' when nothing names it."""
    named = title or url
    parts = [p for p in (outlet, named) if p]
    return ": ".join(parts) if parts else "untitled document"


def source_columns() -> list[Any]:
    return [
        facts.c.id.label("fact_id"),
        facts.c.document_id,
        documents.c.source,
        documents.c.url,
        documents.c.title,
        documents.c.outlet,
        sa.func.coalesce(facts.c.as_of, documents.c.published).label("date"),
        evidence.c.text.label("evidence"),
        evidence.c.start_char,
        evidence.c.end_char,
    ]


def joined() -> Any:
    """facts ⋈ documents ⟕ evidence."""
    return facts.join(documents, documents.c.id == facts.c.document_id).outerjoin(
        evidence, evidence.c.fact_id == facts.c.id
    )


def source_of(row: Any, value: str | None = None) -> Source:
    return Source(
        fact_id=row.fact_id,
        document_id=row.document_id,
        source=row.source,
        url=row.url,
        title=row.title,
        outlet=row.outlet,
        date=row.date,
        evidence=row.evidence,
        start=row.start_char,
        end=row.end_char,
        value=value,
    )


def distinct_outlets(sources: Iterable[Source]) -> int:
    return len({s.outlet_key for s in sources})


def first_seen(sources: Iterable[Source]) -> str | None:
    dates = [s.date for s in sources if s.date]
    return min(dates) if dates else None


def last_seen(sources: Iterable[Source]) -> str | None:
    dates = [s.date for s in sources if s.date]
    return max(dates) if dates else None


def dedupe_sources(sources: Iterable[Source]) -> list[Source]:
    """One source per fact (a fact with several evidence rows is still one source), oldest first."""
    seen: dict[int, Source] = {}
    for source in sources:
        seen.setdefault(source.fact_id, source)
    return sorted(seen.values(), key=lambda s: (s.date or "9999", s.source, s.fact_id))


@dataclass
class EntityRef:
    id: int
    kind: str
    key: str
    name: str
    aliases: list[str]
    attributes: dict[str, Any]
    registry_id: str | None = None  # the registry entry it is (accord.resolve.registry)
    document_id: str | None = None  # a description that stays with this one document

    @property
    def described(self) -> bool:
        """Named only by a description no registry entry fits: not a top-level row anywhere."""
        return self.document_id is not None

    @property
    def label(self) -> str:
        """A country by its code, anything else by its name."""
        return self.key if self.kind == "country" else self.name


def entities_by_id(
    connection: sa.Connection, ids: Iterable[int | None], *, aliases: bool = True
) -> dict[int, EntityRef]:
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    out: dict[int, EntityRef] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for row in connection.execute(sa.select(kb_entities).where(kb_entities.c.id.in_(chunk))):
            out[row.id] = EntityRef(
                row.id,
                row.kind,
                row.key,
                row.name,
                [],
                dict(row.attributes or {}),
                row.registry_id,
                row.document_id,
            )
        if not aliases:
            continue
        names = connection.execute(
            sa.select(kb_aliases.c.entity_id, kb_aliases.c.name)
            .where(kb_aliases.c.entity_id.in_(chunk))
            .order_by(kb_aliases.c.id)
        )
        for entity_id, name in names:
            ref = out.get(entity_id)
            if ref is not None and name != ref.name and name not in ref.aliases:
                ref.aliases.append(name)
    return out


def registered_entities(
    connection: sa.Connection, kind: str, registry_ids: Sequence[str]
) -> dict[str, EntityRef]:
    """The stored entities of some registry entries, by registry id (those the store has)."""
    if not registry_ids:
        return {}
    ids = connection.execute(
        sa.select(kb_entities.c.id).where(
            kb_entities.c.kind == kind, kb_entities.c.registry_id.in_(sorted(set(registry_ids)))
        )
    ).scalars()
    return {ref.registry_id: ref for ref in entities_by_id(connection, ids).values() if ref.registry_id}


def registered_links(
    connection: sa.Connection, kind: str, wanted: dict[str, list[int]], registry_names: Any
) -> Iterator[tuple[int, int | None, str]]:
    """(owner id, stored entity id or None, name) for registry entries `wanted` by owners: the
    store's entity where it has one, else the registry's name (`registry_names[id].name`)."""
    stored = registered_entities(connection, kind, list(wanted))
    for registry_id, owner_ids in wanted.items():
        found = stored.get(registry_id)
        name = found.name if found else registry_names[registry_id].name
        for owner_id in owner_ids:
            yield owner_id, (found.id if found else None), name


def agreement_event_links(
    connection: sa.Connection, ids: Sequence[int], by: str, *, aliases: bool = False
) -> list[tuple[int, EntityRef | None]]:
    """The live agreement_event facts of `ids` (agreements when `by` is 'agreement_id', events
    when 'event_id'), each pair once: (the id, the entity at the other end, None if gone)."""
    rows = connection.execute(agreement_event_pairs(by, ids)).all()
    refs = entities_by_id(connection, {row[1] for row in rows}, aliases=aliases)
    return [(row[0], refs.get(row[1])) for row in rows]


def find_entity(connection: sa.Connection, kinds: Sequence[str], text: str) -> EntityRef:
    """The entity a user means by a name: an alias first, then the closest name (rapidfuzz), else NotFound."""
    text = text.strip()
    if not text:
        raise NotFound(f"no {kinds[0]} named {text!r}")
    keys = {alias_key(kind, text) for kind in kinds}
    if "country" in kinds and is_country_code(text.upper()) and len(text) == 2:
        keys.add(text.upper())
    rows = connection.execute(
        sa.select(kb_aliases.c.entity_id, kb_aliases.c.kind).where(
            kb_aliases.c.kind.in_(kinds), kb_aliases.c.key.in_(sorted(keys))
        )
    ).all()
    exact = {r.entity_id for r in rows}
    # An exact name wins over a fuzzy one even when review has rejected all of its facts.
    ids = _with_live_facts(connection, exact) or exact
    if not ids and "person" in kinds:
        ids = _person_matches(connection, text)
    if not ids:
        ids = _closest(connection, kinds, text)
    if not ids:
        raise NotFound(f"no {_kind_words(kinds)} matches {text!r}")
    found = entities_by_id(connection, ids)
    # The most-cited entity when a name is shared.
    best = max(found.values(), key=lambda e: (_fact_count(connection, e), -e.id))
    return best


def _person_matches(connection: sa.Connection, text: str) -> set[int]:
    """Persons whose names agree with the text ('President Macron' → Emmanuel Macron), found by name word."""
    wanted = person_name(text)
    if not wanted.words:
        return set()
    ids = set(
        connection.execute(
            sa.select(kb_tokens.c.entity_id)
            .where(kb_tokens.c.kind == "person", kb_tokens.c.token.in_(list(wanted.words)))
            .distinct()
        ).scalars()
    )
    refs = entities_by_id(connection, ids)
    matching = {
        ref.id
        for ref in refs.values()
        if any(persons_compatible(wanted, person_name(n)) for n in [ref.name, *ref.aliases])
    }
    return _with_live_facts(connection, matching)


def _closest(connection: sa.Connection, kinds: Sequence[str], text: str) -> set[int]:
    rows = connection.execute(
        sa.select(kb_aliases.c.entity_id, kb_aliases.c.key).where(kb_aliases.c.kind.in_(kinds))
    ).all()
    if not rows:
        return set()
    query = fold_name(text)
    by_key: dict[str, set[int]] = defaultdict(set)
    for entity_id, key in rows:
        by_key[key].add(entity_id)
    matches = process.extract(query, list(by_key), scorer=fuzz.WRatio, limit=5, score_cutoff=86)
    if not matches:
        return set()
    top = matches[0][1]
    ids = {i for key, score, _ in matches if score >= top - 0.01 for i in by_key[key]}
    return _with_live_facts(connection, ids)


def _with_live_facts(connection: sa.Connection, ids: set[int]) -> set[int]:
    """Only entities that some fact not rejected still links to."""
    if not ids:
        return set()
    entities = entities_by_id(connection, ids)
    out = set()
    for entity in entities.values():
        if _fact_count(connection, entity, limit=1):
            out.add(entity.id)
    return out


def _fact_count(connection: sa.Connection, entity: EntityRef, limit: int | None = None) -> int:
    column = link_column(entity.kind)
    if column is None:
        return 0
    query = sa.select(facts.c.id).where(column == entity.id, live())
    if limit:
        query = query.limit(limit)
    return len(connection.execute(query).all())


def link_column(kind: str) -> Any:
    """The facts column that links to entities of this kind, None for a kind no fact links to."""
    return facts.c[LINK_COLUMNS[kind]] if kind in LINK_COLUMNS else None


def _kind_words(kinds: Sequence[str]) -> str:
    return " or ".join(kinds)


def unlinked_documents(connection: sa.Connection) -> int:
    """Documents stored before the knowledge base existed (or before `accord resolve`), by their facts."""
    query = sa.select(sa.func.count(sa.distinct(facts.c.document_id))).where(
        facts.c.kind == "stance", facts.c.agreement_id.is_(None), live()
    )
    return int(connection.execute(query).scalar_one())


def as_plain(value: Any) -> Any:
    """Dataclasses, lists and dicts as JSON-ready values.

    Walks the fields itself: `dataclasses.asdict` deep-copies every value first, which made
    this conversion cost more than the query behind a page of facts."""
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, dict):
        return {k: as_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [as_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def store_version(connection: sa.Connection) -> tuple[Any, ...]:
    """A value that changes whenever what a query answers can change; four index lookups.

    A new or replaced document writes new facts; `accord resolve` and the merged-claims refresh
    rewrite the knowledge base's meta rows; a review adds a review row.
    """
    doc_count = connection.execute(sa.select(sa.func.count()).select_from(documents)).scalar()
    newest_fact = connection.execute(sa.select(sa.func.max(facts.c.id))).scalar()
    newest_review = connection.execute(sa.select(sa.func.max(fact_reviews.c.id))).scalar()
    meta = tuple(
        connection.execute(sa.select(kb_meta.c.name, kb_meta.c.value).order_by(kb_meta.c.name)).all()
    )
    return (doc_count, newest_fact, newest_review, meta)
