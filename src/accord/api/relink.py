"""Move a corrected fact where it now belongs: the entities its corrected names stand for.

The queries find a fact by its link columns (`agreement_id`, `event_id`, `party_id`,
`person_id`, kept by the linker) and its indexed name columns; a correction that changed a
party or an agreement must change them too, or the matrix would still show the fact under the
old one. Only the columns fed by a changed field are recomputed: the others keep what the
linker decided with the whole document in view.

An agreement, an event and an organization must already be in the knowledge base (a reviewer
corrects to something known; a typo must not create an agreement), and the field takes that
entity's display name. A country is its ISO code (or EU); its entity is made on first use, as
the linker does. A person is linked when the knowledge base knows the name, else left unlinked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from accord.api.corrections import FIELD_TYPES, CorrectionError, shown
from accord.record.kinds import LINK_COLUMNS
from accord.resolve.kb import KnowledgeBase, alias_key
from accord.resolve.mentions import LINK_SOURCES
from accord.resolve.names import looks_like_person

PERSON_FIELDS = LINK_SOURCES["person_id"]
_LINKED = frozenset(field for sources in LINK_SOURCES.values() for field in sources)
_CHECKED = frozenset({"agreement", "event", "party", "country"})


def relinked(
    connection: sa.Connection, before: Mapping[str, Any], after: dict[str, Any]
) -> dict[str, int | None]:
    """The link columns a correction changes, and `after` with known entities' display names.

    Raises CorrectionError when a changed agreement, event or party names nothing known.
    """
    changed = {key for key in after if after.get(key) != before.get(key)}
    changed |= {key for key in before if key not in after}
    kb = KnowledgeBase(connection)
    found: dict[str, tuple[str, int | None]] = {}
    for key in changed:
        value = after.get(key)
        if isinstance(value, str) and (key in _LINKED or FIELD_TYPES.get(key) in _CHECKED):
            kind, entity_id, name = _entity(connection, kb, key, value)
            found[key] = (kind, entity_id)
            after[key] = name
    links: dict[str, int | None] = {}
    for column, sources in LINK_SOURCES.items():
        if not changed & set(sources):
            continue
        links[column] = _first_link(connection, kb, column, sources, after, found)
    return links


def _first_link(
    connection: sa.Connection,
    kb: KnowledgeBase,
    column: str,
    sources: tuple[str, ...],
    fields: Mapping[str, Any],
    found: Mapping[str, tuple[str, int | None]],
) -> int | None:
    """The column's entity: the first of its source fields that names one of the column's kinds."""
    wanted = {kind for kind, linked in LINK_COLUMNS.items() if linked == column}
    for key in sources:
        value = fields.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        if key in found:
            kind, entity_id = found[key]
        else:
            try:  # a field the correction left alone: linked if known, never refused
                kind, entity_id, _name = _entity(connection, kb, key, value)
            except CorrectionError:
                continue
        if kind in wanted and entity_id is not None:
            return entity_id
    return None


def _entity(
    connection: sa.Connection, kb: KnowledgeBase, key: str, value: str
) -> tuple[str, int | None, str]:
    """(entity kind, id or None, the name the field should hold) for one field's value."""
    field_type = FIELD_TYPES.get(key)
    if field_type in ("agreement", "event"):
        entity_id = _known(kb, field_type, value)
        if entity_id is None:
            raise CorrectionError(f"no {field_type} named {shown(value)} in the knowledge base")
        return field_type, entity_id, kb.get([entity_id])[entity_id].name
    if field_type in ("party", "country", "actor"):
        if _is_code(kb, value):
            return "country", _country(connection, kb, value), value
        if field_type == "country":
            raise CorrectionError(
                f"{key} is a country code (ISO 3166, e.g. FR; EU for the Union), not {shown(value)}"
            )
        entity_id = _known(kb, "organization", value)
        if entity_id is not None:
            return "organization", entity_id, kb.get([entity_id])[entity_id].name
        if field_type == "party":
            raise CorrectionError(
                f"no party {shown(value)}: a party is a country code (e.g. FR) or an organization "
                "the knowledge base knows"
            )
        if key not in PERSON_FIELDS or not looks_like_person(value):
            return "organization", None, value
    if key in PERSON_FIELDS:
        return "person", _known(kb, "person", value), value
    return "name", None, value


def _known(kb: KnowledgeBase, kind: str, name: str) -> int | None:
    ids = kb.by_alias(kind, [alias_key(kind, name)]).get(alias_key(kind, name))
    return min(ids) if ids else None


def _is_code(kb: KnowledgeBase, value: str) -> bool:
    """An ISO 3166-1 alpha-2 code, EU, or a code the knowledge base already has as a country."""
    if len(value) != 2 or not value.isascii() or not value.isupper():
        return False
    if value == "EU":
        return True
    import pycountry

    return pycountry.countries.get(alpha_2=value) is not None or _known(kb, "country", value) is not None


def _country(connection: sa.Connection, kb: KnowledgeBase, code: str) -> int:
    """A country's entity, made on first use inside the linkers' turn (PostgreSQL)."""
    if connection.dialect.name == "postgresql":
        from accord.resolve.linker import _PG_LOCK_KEY

        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_LOCK_KEY)))
    return kb.country(code)
