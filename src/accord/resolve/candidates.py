"""Candidate generation: the entities a mention may be, each with how well its names match.

Part two of three. Candidates come from the knowledge base by index (an equal folded name,
a shared distinctive word, the same place, the same event) and are scored on names alone
here, with rapidfuzz; the linker adds the evidence of events, dates and signatories.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from accord.record.names import fold_name
from accord.resolve.data import lexicon
from accord.resolve.kb import Entity, KnowledgeBase, alias_key
from accord.resolve.mentions import Mention
from accord.resolve.names import (
    NameParts,
    acronym,
    agreement_type_family,
    name_parts,
    person_name,
    persons_compatible,
)

# Name scores, 0-100.
EXACT = 100  # an equal folded name (not a generic one)
SAME_WORDS = 95  # equal distinctive words and places, same type
SAME_WORDS_OTHER_TYPE = 90  # 'Bletchley statement' and 'Bletchley Declaration'
CONTAINED = 85  # 'Seoul Declaration' in 'Seoul Declaration for safe, innovative and inclusive AI'
FUZZY_MIN = 90  # token-sort ratio from which two names match without other evidence


@dataclass(frozen=True, slots=True)
class Candidate:
    entity_id: int
    score: float
    reason: str


def parts_of(kind: str, names: list[str], extra_places: frozenset[str] = frozenset()) -> list[NameParts]:
    return [name_parts(n, kind, extra_places) for n in names]


def is_generic(parts: list[NameParts]) -> bool:
    """No name says which one: 'the declaration', 'joint statement', 'AI Summit'."""
    return all(not p.signature for p in parts)


def place_words(parts: list[NameParts]) -> set[str]:
    return {w for p in parts for place in p.places for w in place.split()}


def distinctive_words(parts: list[NameParts]) -> set[str]:
    return {w for p in parts for w in p.distinctive}


def names_veto(a: list[NameParts], b: list[NameParts]) -> str | None:
    """Why two sets of names cannot be one thing: different places, editions or years."""
    places_a, places_b = place_words(a), place_words(b)
    if places_a and places_b and not places_a & places_b:
        return "different places in the names"
    ordinals_a = {p.ordinal for p in a if p.ordinal}
    ordinals_b = {p.ordinal for p in b if p.ordinal}
    if ordinals_a and ordinals_b and not ordinals_a & ordinals_b:
        return "different editions"
    years_a = {y for p in a for y in p.years}
    years_b = {y for p in b for y in p.years}
    if years_a and years_b and not years_a & years_b:
        return "different years"
    return None


def name_score(
    mention_parts: list[NameParts],
    entity_parts: list[NameParts],
    mention_type: str | None = None,
    entity_type: str | None = None,
) -> tuple[float, str]:
    """How well two sets of names match, ignoring generic names, and why."""
    mine = [p for p in mention_parts if p.signature]
    theirs = [p for p in entity_parts if p.signature]
    if not mine or not theirs:
        return 0.0, "generic name"
    keys = {p.key for p in theirs}
    if any(p.key in keys for p in mine):
        return EXACT, "same name"
    same_type = (
        not mention_type
        or not entity_type
        or mention_type == entity_type
        or "other"
        in (
            mention_type,
            entity_type,
        )
    )
    best, why = 0.0, "names differ"
    for a in mine:
        for b in theirs:
            heads_a, heads_b = heads(a.key), heads(b.key)
            same_kind = same_type and (not heads_a or not heads_b or bool(heads_a & heads_b))
            score: float
            if a.signature == b.signature:
                score, reason = (
                    (SAME_WORDS, "same distinctive words")
                    if same_kind
                    else (
                        SAME_WORDS_OTHER_TYPE,
                        "same distinctive words, other type",
                    )
                )
            elif (
                same_kind
                and (a.signature < b.signature or b.signature < a.signature)
                and (a.places == b.places or not (a.places and b.places))
                and _contained_ok(a, b, typed=bool(mention_type and entity_type))
            ):
                score, reason = CONTAINED, "one name inside the other"
            else:
                ratio = fuzz.token_sort_ratio(a.key, b.key)
                score, reason = (ratio, "similar names") if ratio >= FUZZY_MIN else (0.0, "names differ")
            if score > best:
                best, why = score, reason
    return best, why


_HEADS = lexicon.words("vocabulary.json", "agreement_heads")


def heads(key: str) -> frozenset[str]:
    """The words naming what sort of text it is ('charter', 'statement'): one place's texts differ in them."""
    return frozenset(key.split()) & _HEADS


def _contained_ok(a: NameParts, b: NameParts, *, typed: bool) -> bool:
    """The shorter name keeps something of its own: two distinctive words, or a place in a typed name.

    'Seoul Declaration' is contained in 'Seoul Declaration for safe, innovative and inclusive AI'
    (both declarations), 'Kestrel Pact' is the short form 'Kestrel Pact on Robotics' begins with;
    a bare place is not enough for untyped names ('Paris AI Summit' is not 'Paris Peace Forum').
    """
    small, large = (a, b) if len(a.signature) < len(b.signature) else (b, a)
    short_form = bool(small.distinctive) and large.key.startswith(small.key + " ")
    return short_form or len(small.distinctive) >= 2 or (typed and bool(small.places))


def type_veto(mention_type: str | None, entity_type: str | None) -> bool:
    """A treaty, convention or resolution is not a declaration, statement or commitment."""
    a, b = agreement_type_family(mention_type), agreement_type_family(entity_type)
    return a is not None and b is not None and a != b


def fuzzy_ratio(a: str, b: str) -> float:
    return float(fuzz.token_sort_ratio(fold_name(a), fold_name(b)))


class CandidateGenerator:
    """Entities a mention may be, found by index and scored on names."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def by_names(self, mention: Mention) -> dict[int, Entity]:
        """Entities sharing a name or a distinctive word with the mention."""
        keys = {alias_key(mention.kind, n) for n in mention.names}
        exact = set().union(*self.kb.by_alias(mention.kind, keys).values()) if keys else set()
        if mention.kind == "person":
            words = {w for n in mention.names for w in person_name(n).words}
        else:
            words = {w for p in parts_of(mention.kind, mention.names) for w in p.signature}
            words |= {k for k in keys if " " not in k}
        near = self.kb.by_words(mention.kind, words)
        return self.kb.get(exact | near)

    def exact(self, mention: Mention) -> set[int]:
        """Entities with one of the mention's names that says which thing it is (no generic names)."""
        if mention.kind in ("event", "agreement"):
            names = [n for n in mention.names if name_parts(n, mention.kind).signature]
        else:
            names = mention.names
        keys = {alias_key(mention.kind, n) for n in names}
        return set().union(*self.kb.by_alias(mention.kind, keys).values()) if keys else set()

    def persons(self, mention: Mention) -> list[Candidate]:
        """Persons whose names agree with the mention's: the same person named more or less fully."""
        mine = [person_name(n) for n in mention.names]
        mine = [p for p in mine if p.words]
        out: list[Candidate] = []
        for entity in self.by_names(mention).values():
            theirs = [person_name(a) for a in entity.aliases]
            full = [t for t in theirs if len(t.words) > 1]
            best = 0.0
            for m in mine:
                if any(m.key == t.key for t in theirs):
                    best = max(best, EXACT)
                    continue
                agree = all(persons_compatible(m, t) for t in full) if len(m.words) > 1 else True
                if agree and any(persons_compatible(m, t) for t in theirs):
                    best = max(best, 90.0 if len(m.words) > 1 and full else 85.0)
                    continue
                ratio = max((fuzz.token_sort_ratio(m.key, t.key) for t in theirs), default=0.0)
                if ratio >= 92:
                    best = max(best, float(ratio) - 5)
            if best:
                out.append(Candidate(entity.id, best, "person name"))
        return sorted(out, key=lambda c: (-c.score, c.entity_id))

    def named(self, mention: Mention) -> list[Candidate]:
        """Organizations and initiatives: an equal name, an acronym of it, or a near-equal name."""
        out: list[Candidate] = []
        mine = [fold_name(n) for n in mention.names]
        for entity in self.by_names(mention).values():
            theirs = [fold_name(a) for a in entity.aliases]
            best = 0.0
            for m in mine:
                for t in theirs:
                    if m == t:
                        best = EXACT
                    elif _acronym_of(m, t) or _acronym_of(t, m):
                        best = max(best, 92.0)
                    else:
                        ratio = fuzz.token_sort_ratio(m, t)
                        if ratio >= 92:
                            best = max(best, float(ratio) - 5)
            if best:
                out.append(Candidate(entity.id, best, "name"))
        return sorted(out, key=lambda c: (-c.score, c.entity_id))


def _acronym_of(short: str, long: str) -> bool:
    return " " not in short and len(short) >= 2 and " " in long and short == acronym(long.split())
