"""The knowledge base: canonical entities with every name they go by, read and written through a connection.

Part one of three (scispacy's design): this module knows the tables (`kb_entities`,
`kb_aliases`, `kb_tokens` in `accord.store.schema`) and nothing about how names are matched;
`candidates` proposes entities for a mention and `linker` decides. Every lookup goes through
an index: aliases by (kind, folded name), entities by (kind, distinctive word), events by
(kind, place), and the evidence held in facts by their link columns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from accord.record.kinds import LINK_COLUMNS
from accord.record.names import fold_name
from accord.resolve.names import name_parts, person_name, title_case
from accord.store.schema import (
    agreement_event_pairs,
    facts,
    kb_aliases,
    kb_claims,
    kb_entities,
    kb_tokens,
    live,
)


@dataclass
class Entity:
    id: int
    kind: str
    key: str
    name: str
    attributes: dict[str, Any]
    aliases: list[str] = field(default_factory=list)  # every name, the display name first
    registry_id: str | None = None  # the registry entry it is
    document_id: str | None = None  # a description kept to one document

    @property
    def free(self) -> bool:
        """Open to clustering by names and evidence: no registry entry, no document's description."""
        return self.registry_id is None and self.document_id is None


def alias_key(kind: str, name: str) -> str:
    """How a name is looked up: a person's without titles ('President Macron' → 'macron'), else folded."""
    if kind == "country":
        return name
    return person_name(name).key if kind == "person" else fold_name(name)


def index_words(kind: str, name: str) -> set[str]:
    """The words under which a name is found again: a person's name words, else its signature."""
    if kind == "person":
        return set(person_name(name).words)
    if kind == "country":
        return set()
    parts = name_parts(name, kind)
    words = set(parts.signature)
    return words or {parts.key}


class KnowledgeBase:
    """Entities of one store, with a per-transaction cache of the ones already read."""

    def __init__(self, connection: sa.Connection) -> None:
        self.connection = connection
        self._cache: dict[int, Entity] = {}
        self._countries: dict[str, int] = {}
        self.touched: set[int] = set()  # agreements whose merged claims a merge changed

    # Reading -------------------------------------------------------------------------------

    def get(self, ids: Iterable[int]) -> dict[int, Entity]:
        wanted = {i for i in ids if i not in self._cache}
        if wanted:
            rows = self.connection.execute(sa.select(kb_entities).where(kb_entities.c.id.in_(sorted(wanted))))
            loaded = {
                row.id: Entity(
                    row.id,
                    row.kind,
                    row.key,
                    row.name,
                    dict(row.attributes or {}),
                    [row.name],
                    row.registry_id,
                    row.document_id,
                )
                for row in rows
            }
            names = self.connection.execute(
                sa.select(kb_aliases.c.entity_id, kb_aliases.c.name)
                .where(kb_aliases.c.entity_id.in_(sorted(loaded)))
                .order_by(kb_aliases.c.id)
            )
            for entity_id, name in names:
                entity = loaded[entity_id]
                if name not in entity.aliases:
                    entity.aliases.append(name)
            self._cache.update(loaded)
        return {i: self._cache[i] for i in ids if i in self._cache}

    def by_alias(self, kind: str, keys: Iterable[str]) -> dict[str, set[int]]:
        """Entity ids by folded name, for the names given."""
        wanted = sorted({k for k in keys if k})
        found: dict[str, set[int]] = defaultdict(set)
        if not wanted:
            return found
        query = sa.select(kb_aliases.c.key, kb_aliases.c.entity_id).where(
            kb_aliases.c.kind == kind, kb_aliases.c.key.in_(wanted)
        )
        for key, entity_id in self.connection.execute(query):
            found[key].add(entity_id)
        return found

    def by_words(self, kind: str, words: Iterable[str], limit: int = 200) -> set[int]:
        """Entities one of whose names has one of these words (blocking for fuzzy comparison)."""
        wanted = sorted(set(words))
        if not wanted:
            return set()
        query = (
            sa.select(kb_tokens.c.entity_id)
            .where(kb_tokens.c.kind == kind, kb_tokens.c.token.in_(wanted))
            .distinct()
            .limit(limit)
        )
        return set(self.connection.execute(query).scalars())

    def registered(self, kind: str, registry_id: str) -> int | None:
        """The entity of a registry entry, if one was made (by the (kind, registry_id) unique index)."""
        query = sa.select(kb_entities.c.id).where(
            kb_entities.c.kind == kind, kb_entities.c.registry_id == registry_id
        )
        return self.connection.execute(query).scalar()

    def events_at(self, place: str) -> set[int]:
        query = sa.select(kb_entities.c.id).where(kb_entities.c.kind == "event", kb_entities.c.place == place)
        return set(self.connection.execute(query).scalars())

    def agreements_at(self, event_ids: Iterable[int]) -> dict[int, set[int]]:
        """Agreement ids adopted at each event, as the stored (not rejected) agreement_event facts say."""
        return self._agreement_event_links("event_id", event_ids)

    def events_of(self, agreement_ids: Iterable[int]) -> dict[int, set[int]]:
        return self._agreement_event_links("agreement_id", agreement_ids)

    def _agreement_event_links(self, by: str, given: Iterable[int]) -> dict[int, set[int]]:
        ids = sorted(set(given))
        out: dict[int, set[int]] = defaultdict(set)
        if not ids:
            return out
        for key, other in self.connection.execute(agreement_event_pairs(by, ids)):
            out[key].add(other)
        return out

    def signatories(self, agreement_ids: Iterable[int]) -> dict[int, set[int]]:
        """Party ids that stored sources say signed each agreement."""
        ids = sorted(set(agreement_ids))
        out: dict[int, set[int]] = defaultdict(set)
        if not ids:
            return out
        query = (
            sa.select(facts.c.agreement_id, facts.c.party_id)
            .where(
                facts.c.agreement_id.in_(ids),
                facts.c.kind == "stance",
                facts.c.stance == "signed",
                facts.c.party_id.is_not(None),
                live(),
            )
            .distinct()
        )
        for agreement_id, party_id in self.connection.execute(query):
            out[agreement_id].add(party_id)
        return out

    def load_countries(self, codes: Iterable[str]) -> None:
        """Read the entities of many country codes at once (one query per record, not one per code)."""
        wanted = sorted(set(codes) - set(self._countries))
        for code, ids in self.by_alias("country", wanted).items():
            self._countries[code] = min(ids)

    def country(self, code: str) -> int:
        """The entity of a country code, made on first use."""
        if code in self._countries:
            return self._countries[code]
        found = self.by_alias("country", [code]).get(code)
        if found:
            entity_id = min(found)
        else:
            entity_id = self.create("country", country_name(code), key=code, names=[code])
        self._countries[code] = entity_id
        return entity_id

    # Writing -------------------------------------------------------------------------------

    def create(
        self,
        kind: str,
        name: str,
        *,
        key: str | None = None,
        names: Iterable[str] = (),
        attributes: dict[str, Any] | None = None,
        place: str | None = None,
        registry_id: str | None = None,
        document_id: str | None = None,
    ) -> int:
        base = key or fold_name(name) or name
        unique = self._free_key(kind, base)
        entity_id = self.connection.execute(
            sa.insert(kb_entities)
            .values(
                kind=kind,
                key=unique,
                name=name,
                attributes=attributes or {},
                place=place,
                registry_id=registry_id,
                document_id=document_id,
            )
            .returning(kb_entities.c.id)
        ).scalar_one()
        self._cache[entity_id] = Entity(
            entity_id, kind, unique, name, dict(attributes or {}), [name], registry_id, document_id
        )
        self.add_names(entity_id, [name, *names], _new=True)
        return entity_id

    def _free_key(self, kind: str, base: str) -> str:
        taken = set(
            self.connection.execute(
                sa.select(kb_entities.c.key).where(
                    kb_entities.c.kind == kind,
                    sa.or_(kb_entities.c.key == base, kb_entities.c.key.startswith(base + "#")),
                )
            ).scalars()
        )
        if base not in taken:
            return base
        n = 2
        while f"{base}#{n}" in taken:
            n += 1
        return f"{base}#{n}"

    def add_names(self, entity_id: int, names: Iterable[str], *, _new: bool = False) -> None:
        """Keep every name as an alias, its words as index words; a fuller name becomes the display name."""
        entity = self.get([entity_id])[entity_id]
        known = set() if _new else set(entity.aliases)
        fresh: dict[str, str] = {}
        for name in names:
            key = alias_key(entity.kind, name)
            if name and key and name not in known and name not in fresh:
                fresh[name] = key
        if not fresh:
            return
        self.connection.execute(
            sa.insert(kb_aliases),
            [{"entity_id": entity_id, "kind": entity.kind, "key": k, "name": n} for n, k in fresh.items()],
        )
        if entity.document_id is not None:
            # One document's description is never a candidate for another's names.
            entity.aliases.extend(n for n in fresh if n not in entity.aliases)
            return
        words = set().union(*(index_words(entity.kind, n) for n in fresh))
        present = set(
            self.connection.execute(
                sa.select(kb_tokens.c.token).where(kb_tokens.c.entity_id == entity_id)
            ).scalars()
        )
        new_words = sorted(words - present)
        if new_words:
            self.connection.execute(
                sa.insert(kb_tokens),
                [{"entity_id": entity_id, "kind": entity.kind, "token": w} for w in new_words],
            )
        for name in fresh:
            if name not in entity.aliases:
                entity.aliases.append(name)
        if entity.kind != "country" and entity.registry_id is None:
            fullest = max(entity.aliases, key=lambda a: (_fullness(entity.kind, a), -entity.aliases.index(a)))
            if fullest != entity.name:
                self.connection.execute(
                    sa.update(kb_entities).where(kb_entities.c.id == entity_id).values(name=fullest)
                )
                entity.name = fullest

    def set_attributes(self, entity_id: int, attributes: dict[str, Any], place: str | None = None) -> None:
        entity = self.get([entity_id])[entity_id]
        if attributes == entity.attributes and place is None:
            return
        values: dict[str, Any] = {"attributes": attributes}
        if place is not None:
            values["place"] = place
        self.connection.execute(sa.update(kb_entities).where(kb_entities.c.id == entity_id).values(**values))
        entity.attributes = dict(attributes)

    def merge(self, keep: int, drop: int) -> None:
        """Fold one entity into another: its facts, names and attributes move, the entity goes."""
        if keep == drop:
            return
        both = self.get([keep, drop])
        winner, loser = both[keep], both[drop]
        if loser.registry_id is not None and loser.registry_id != winner.registry_id:
            return  # two registry entries are two things, whatever a record calls them
        column = LINK_COLUMNS.get(winner.kind)
        if winner.kind == "agreement":
            self.touched.update((keep, drop))
        elif column == "party_id":
            self.touched.update(
                self.connection.execute(
                    sa.select(kb_claims.c.agreement_id).where(kb_claims.c.party_id == drop)
                ).scalars()
            )
        if column is not None:
            link = facts.c[column]
            self.connection.execute(sa.update(facts).where(link == drop).values({column: keep}))
        # A registry entry's place and dates are the registry's, whatever its new names said.
        merged = (
            winner.attributes
            if winner.registry_id is not None
            else merge_attributes(winner.kind, winner.attributes, loser.attributes)
        )
        self.connection.execute(sa.delete(kb_entities).where(kb_entities.c.id == drop))
        self._cache.pop(drop, None)
        self.set_attributes(keep, merged, place=_place_of(merged) if winner.kind == "event" else None)
        self.add_names(keep, loser.aliases)


def _fullness(kind: str, name: str) -> tuple[int, ...]:
    """How full a name is: persons by name words without titles, others by distinctive words, then length."""
    if kind == "person":
        return (len(person_name(name).words), len(name))
    parts = name_parts(name, kind)
    return (int(title_case(name)), len(parts.signature), len(name))


def merge_attributes(kind: str, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Attributes of two entities taken as one: an event's widest dates, the first place given."""
    out = dict(a)
    for key, value in b.items():
        if value in (None, "", []):
            continue
        if key == "start" and out.get("start"):
            out["start"] = min(out["start"], value)
        elif key == "end" and out.get("end"):
            out["end"] = max(out["end"], value)
        elif not out.get(key):
            out[key] = value
    return out


def _place_of(attributes: dict[str, Any]) -> str | None:
    city = attributes.get("city")
    return fold_name(city) if city else attributes.get("country")


def country_name(code: str) -> str:
    """A country's short name for display ('GB' → 'United Kingdom'; 'EU' → 'European Union')."""
    if code == "EU":
        return "European Union"
    import pycountry

    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        from accord.nlp.gazetteer import table_countries

        return table_countries().get(code, code)  # 'XK': Kosovo, which pycountry lacks
    return getattr(found, "common_name", None) or found.name
