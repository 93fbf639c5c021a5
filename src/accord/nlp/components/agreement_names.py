"""When two names of agreements name one agreement.

Outlets shorten and lengthen titles: "the EU AI Act", "the AI Act" and "the Artificial
Intelligence Act" are one law; "the Leaders' Declaration" is the summit's declaration
whatever else the story calls it; "UNESCO's Recommendation" is the "Recommendation on the
Ethics of AI". A name is read as its head noun ('Act'), its owners (the countries, places
and bodies it belongs to: 'EU', 'Seoul', 'Council of Europe') and its words (the rest, with
'artificial intelligence' as 'AI'). Two names with one head are one agreement when their
words nest and their owners do not disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from accord.nlp.cache import memo
from accord.nlp.data import lexicon
from accord.nlp.gazetteer import load_gazetteer
from accord.nlp.lexicon import cities, organisations

# Words that say nothing of which agreement a name names.
_FILLER = lexicon.words("agreement_names.json", "filler")
_MAX_OWNER_TOKENS = 4


@dataclass(frozen=True)
class AgreementName:
    head: str
    owners: frozenset[str]
    words: frozenset[str]


_READ_KEY = "accord.agreement_names.read"


def read_name(span: Span, head: str) -> AgreementName:
    """Split a name into its head, its owners and its words; a document's names are compared
    many times over (each description against each name), so each is read once."""
    read: dict[tuple[int, int, str], AgreementName] = memo(span.doc, _READ_KEY)
    key = (span.start, span.end, head)
    if key not in read:
        read[key] = _read_name(span, head)
    return read[key]


def _read_name(span: Span, head: str) -> AgreementName:
    owners, owner_tokens = _owners(span)
    words = set()
    tokens = [t for t in span if t.i not in owner_tokens]
    lowered = [t.lower_.strip("'’") for t in tokens]
    k = 0
    while k < len(tokens):
        word = lowered[k]
        if word == "artificial" and k + 1 < len(tokens) and lowered[k + 1] == "intelligence":
            words.add("ai")
            k += 2
            continue
        if tokens[k].is_alpha and word not in _FILLER and word != head:
            words.add(word)
        elif any(c.isdigit() for c in word) and "/" in word:
            words.add(word)  # a document symbol ('78/241') tells one resolution from another
        k += 1
    return AgreementName(head=head, owners=frozenset(owners), words=frozenset(words))


def _owners(span: Span) -> tuple[set[str], set[int]]:
    """The countries, places and bodies named inside a name, and the tokens they take."""
    gazetteer = load_gazetteer()
    orgs = organisations()
    places = cities()
    owners: set[str] = set()
    taken: set[int] = set()
    tokens = list(span)
    for token in tokens:
        # 'U.S.-Japan', 'US-China': a pair the tokenizer keeps as one word
        if "-" in token.text[1:-1]:
            for part in token.text.split("-"):
                key = gazetteer.country(part) or (orgs[part][0] if part in orgs else None)
                if key is not None:
                    owners.add(key)
                    taken.add(token.i)
    k = 0
    while k < len(tokens):
        if not tokens[k].text[:1].isupper():
            k += 1  # an owner's name starts with a capital: no lookups from a small word
            continue
        for length in range(min(_MAX_OWNER_TOKENS, len(tokens) - k), 0, -1):
            piece = span.doc[tokens[k].i : tokens[k].i + length]
            text = piece.text.strip("'’").removesuffix("'s").removesuffix("’s")
            key = gazetteer.country(text) or (orgs[text][0] if text in orgs else None)
            key = key or (text if text in places else None)
            if key is not None and text[:1].isupper():
                owners.add(key)
                taken.update(range(piece.start, piece.end))
                k += length
                break
        else:
            k += 1
    return owners, taken


def same_agreement(one: AgreementName, other: AgreementName) -> bool:
    """Tell whether two names with their heads, owners and words name one agreement."""
    if one.head != other.head:
        return False
    if not (one.words or one.owners) or not (other.words or other.owners):
        return True  # 'the Leaders' Declaration': a title that tells nothing apart
    if one.owners and other.owners and not (one.owners <= other.owners or other.owners <= one.owners):
        return False
    if not one.words and one.owners and not other.owners:
        return len(other.words) > 1  # 'Hiroshima Code' is the code named in full without a place
    if not other.words and other.owners and not one.owners:
        return len(one.words) > 1
    return one.words <= other.words or other.words <= one.words


def describes(description: AgreementName, name: AgreementName) -> bool:
    """Tell whether a description ('code of practice', 'the EU's new AI code of practice') fits a
    name the text gives ('Code of Practice'): one head, owners that agree, and the words of one
    all in the other. A description of its noun alone fits nothing."""
    if description.head != name.head or not description.words or not name.words:
        return False
    if description.owners and name.owners and not description.owners & name.owners:
        return False
    return description.words <= name.words or name.words <= description.words
