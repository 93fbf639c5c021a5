"""Take names apart: folded keys, distinctive words, places, ordinals and years, personal names.

Pure functions over strings; the vocabularies are data files (`data/vocabulary.json` here, and
the gazetteers of `accord.nlp.data`, read only), so the linker and the candidate generator
agree on what a name says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from accord.nlp.data import lexicon as nlp_lexicon
from accord.nlp.lexicon import ordinals as nlp_ordinals
from accord.record.names import fold_name
from accord.resolve.data import lexicon

_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True, slots=True)
class NameParts:
    """What a name of an agreement, event, organization or initiative says about its identity."""

    key: str  # the folded name
    distinctive: frozenset[str]  # words that are neither generic, places, ordinals nor years
    places: frozenset[str]  # folded place names inside it ("seoul", "bletchley park")
    ordinal: int | None
    years: frozenset[str]

    @property
    def signature(self) -> frozenset[str]:
        """Distinctive words and places: the words that tell two texts apart."""
        return self.distinctive | self.places


def _words(key: str) -> frozenset[str]:
    return lexicon.words("vocabulary.json", key)


def _nlp_data_lines(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a gazetteer of accord.nlp.data (tab-separated, # comments)."""
    return nlp_lexicon.rows(name)


@cache
def known_places() -> frozenset[str]:
    """Folded names of countries, their demonyms and capitals, and the cities of the gazetteer."""
    import pycountry

    found: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                found.add(fold_name(value))
    for row in _nlp_data_lines("countries.tsv"):
        for cell in row[1:4]:
            found.update(fold_name(v) for v in cell.split("|") if v.strip() and len(v.strip()) > 3)
    for row in _nlp_data_lines("cities.tsv"):
        found.add(fold_name(row[0]))
    found.update(_words("regions"))
    return frozenset(p for p in found if p)


@cache
def person_titles() -> tuple[tuple[str, ...], ...]:
    """Office titles and honorifics as folded word tuples, longest first, to strip from a person's name."""
    titles: set[str] = set()
    for name in ("titles.txt", "honorifics.txt", "leader_titles.txt"):
        titles.update(fold_name(row[0]) for row in _nlp_data_lines(name))
    titles.update({"president", "prime minister", "mr", "mrs", "ms", "dr", "sir", "dame", "king", "queen"})
    return tuple(sorted((tuple(t.split()) for t in titles if t), key=len, reverse=True))


def tokens(key: str) -> list[str]:
    return key.split()


@lru_cache(maxsize=65536)
def name_parts(name: str, kind: str, extra_places: frozenset[str] = frozenset()) -> NameParts:
    """Split an agreement's, event's or organization's name into what identifies it."""
    key = fold_name(name)
    words = tokens(key)
    places = _find_places(words, known_places() | extra_places)
    place_words = {w for p in places for w in p.split()}
    ordinals = nlp_ordinals()
    generic = _words("event_generic" if kind == "event" else "agreement_generic")
    if kind not in ("event", "agreement"):
        generic = frozenset()
    ordinal = next((ordinals[w] for w in words if w in ordinals), None)
    years = frozenset(w for w in words if _YEAR.fullmatch(w))
    distinctive = frozenset(
        w
        for w in words
        if w not in _words("stopwords")
        and w not in generic
        and w not in place_words
        and w not in ordinals
        and w not in years
        and not w.isdigit()
    )
    return NameParts(key, distinctive, frozenset(places), ordinal, years)


def _find_places(words: list[str], places: frozenset[str]) -> set[str]:
    """The longest place names (up to four words) found in a folded word sequence."""
    found: set[str] = set()
    i = 0
    while i < len(words):
        for size in (4, 3, 2, 1):
            phrase = " ".join(words[i : i + size])
            if len(words[i : i + size]) == size and phrase in places:
                found.add(phrase)
                i += size
                break
        else:
            i += 1
    return found


@dataclass(frozen=True, slots=True)
class PersonName:
    key: str  # folded, titles removed
    words: tuple[str, ...]

    @property
    def surname(self) -> str:
        return self.words[-1] if self.words else ""

    @property
    def given(self) -> tuple[str, ...]:
        return self.words[:-1]

    @property
    def squashed(self) -> str:
        """Without spaces, so 'J. D. Vance' and 'JD Vance' meet."""
        return self.key.replace(" ", "")


@lru_cache(maxsize=65536)
def person_name(name: str) -> PersonName:
    """A person's name without the titles and honorifics put before it ('President Macron' → 'macron')."""
    words = tokens(fold_name(name))
    stripped = True
    while stripped and len(words) > 1:
        stripped = False
        for title in person_titles():
            if len(title) < len(words) and tuple(words[: len(title)]) == title:
                words = words[len(title) :]
                stripped = True
                break
        if words and words[0] == "of":
            words = words[1:]
            stripped = True
    return PersonName(" ".join(words), tuple(words))


def persons_compatible(a: PersonName, b: PersonName) -> bool:
    """Whether two personal names can be one person: same surname and given names that agree.

    Given names agree when one side has none ('Macron'), when they are equal, or when one is
    the other's initials ('J D' and 'JD' and 'James David').
    """
    if not a.words or not b.words:
        return False
    if a.key == b.key or (a.squashed == b.squashed and len(a.squashed) > 3):
        return True
    if a.surname != b.surname:
        return (len(a.words) == 1 and a.words[0] in b.words) or (len(b.words) == 1 and b.words[0] in a.words)
    if not a.given or not b.given:
        return True
    return _given_agree(a.given, b.given)


def _given_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    initials_a = "".join(w[0] for w in a)
    initials_b = "".join(w[0] for w in b)
    if "".join(a) in (initials_b, "".join(b)) or "".join(b) in (initials_a, "".join(a)):
        return True
    return (
        a[0] == b[0]
        or (len(a[0]) <= 2 and initials_b.startswith(a[0]))
        or (len(b[0]) <= 2 and initials_a.startswith(b[0]))
    )


@cache
def organisation_words() -> frozenset[str]:
    return frozenset(fold_name(row[0]) for row in _nlp_data_lines("organisation_words.txt")) | _words(
        "organisation_words"
    )


def looks_like_person(name: str) -> bool:
    """A personal name: two to five capitalised words (particles allowed), none an organisation's word."""
    raw = [w for w in re.split(r"\s+", name.strip()) if w]
    if not 2 <= len(raw) <= 5:
        return False
    particles = nlp_lexicon.words("people.json", "name_particles")
    folded = [fold_name(w) for w in raw]
    if any(f in organisation_words() for f in folded):
        return False
    return all(w[:1].isupper() or fold_name(w) in particles for w in raw)


def acronym(words: list[str]) -> str:
    """Initials of the words that are not stopwords ('Organisation for Economic Co-operation …' → 'oecd')."""
    return "".join(w[0] for w in words if w not in _words("stopwords"))


_SMALL_WORDS = lexicon.words("vocabulary.json", "small_words")


def title_case(name: str) -> bool:
    """A proper name ('AI Seoul Summit'), not a description ('Seoul conference', 'first AI Safety Summit')."""
    words = [w for w in name.replace(",", " ").split() if w.lower() not in _SMALL_WORDS]
    return bool(words) and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def proper_name(name: str, kind: str) -> bool:
    """A name of its own: written as a proper name and saying more than generic words ('Call to Action',
    'AI Paris Declaration'), not a description ('final declaration', 'agreement with UNESCO')."""
    return title_case(name) and bool(name_parts(name, kind).signature)


def agreement_type_family(kind: str | None) -> str | None:
    """'formal' for treaties, conventions, resolutions; 'soft' for declarations, statements, commitments."""
    if kind in _words("formal_agreement_types"):
        return "formal"
    if kind in _words("soft_agreement_types"):
        return "soft"
    return None
