"""Headlines: title-case lines, where capitals no longer mark names and verbs look like nouns.

"First Committee Approves New Resolution on Lethal Autonomous Weapons" capitalises every
word, so a name grown over capitalised words would swallow the verb. The model's own
lemmatizer tables tell which words English uses only as verbs ('approve', 'enforce',
'announce'); in a headline those end a name.
"""

from __future__ import annotations

from functools import cached_property

from spacy.language import Language
from spacy.tokens import Span, Token

_MIN_TITLE_WORDS = 3
_TITLE_SHARE = 0.7
_SMALL_WORDS = 4  # articles, prepositions and conjunctions stay lower case in title case
_SMALL_POS = frozenset(("ADP", "CCONJ", "SCONJ", "DET"))


def is_title_case(sent: Span) -> bool:
    """Tell whether a line is written in title case: most of its longer words capitalised, the
    names of countries and bodies aside (a sentence full of them is still a sentence), and no
    full stop or colon at its end. The model's own entity labels are no help here: it tags runs of
    capitalised words as organisations or people."""
    if sent.text.rstrip().endswith((".", ":")):
        return False  # a full stop ends a sentence, a colon introduces what follows ('X said:')
    words = title_words(sent, with_names=False)
    if len(words) < _MIN_TITLE_WORDS:
        # a short line mostly of names ('Nokia Signs AI Deal with Peru'): its names count too
        words = title_words(sent, with_names=True)
    if len(words) < _MIN_TITLE_WORDS:
        return False
    capitalised = sum(1 for t in words if t.text[:1].isupper())
    return capitalised / len(words) >= _TITLE_SHARE


def title_words(sent: Span, *, with_names: bool) -> list[Token]:
    """The words title case would capitalise: four letters or more, and not a preposition or a
    conjunction, which may stay small at any length ('with', 'from'), as Chicago sets them."""
    return [
        t
        for t in sent
        if t.is_alpha
        and len(t) >= _SMALL_WORDS
        and (with_names or not t.ent_id_)
        and not (t.is_lower and t.pos_ in _SMALL_POS)
    ]


def in_headline(token: Token) -> bool:
    """Tell whether a token is in the first line of a text and that line is in title case."""
    sent = token.sent
    return sent.start == 0 and is_title_case(sent)


class VerbForms:
    """Which words the model's lemmatizer knows only as verbs ('approves' → 'approve')."""

    def __init__(self, nlp: Language) -> None:
        # Read on first use: a pipeline built from its config loads the lemmatizer's tables
        # after creating the components that ask for them.
        self.nlp = nlp

    def _index(self, pos: str) -> frozenset[str]:
        if "lemmatizer" not in self.nlp.pipe_names:
            return frozenset()
        index = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
        return frozenset(index.get(pos, []))

    @cached_property
    def verbs(self) -> frozenset[str]:
        return self._index("verb")

    @cached_property
    def nouns(self) -> frozenset[str]:
        return self._index("noun")

    def only_a_verb(self, token: Token) -> bool:
        """Tell whether a word is a form of a verb that English never uses as a noun."""
        lower = token.lower_
        bases = {lower}
        for suffix, replacement in (
            ("ies", "y"),
            ("es", ""),
            ("s", ""),
            ("ed", ""),
            ("ed", "e"),
            ("ing", ""),
            ("ing", "e"),
            ("d", ""),
        ):
            if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
                bases.add(lower[: -len(suffix)] + replacement)
        verbs = {b for b in bases if b in self.verbs}
        return bool(verbs) and not any(b in self.nouns for b in verbs)

    def headline_verb(self, token: Token) -> bool:
        """Tell whether a headline word is its verb: a word only used as a verb, or a present-tense
        form right after the name that is its subject ('Trump Signs', 'Meta Inks')."""
        if token.ent_type_ in ("GPE", "NORP", "LOC") or not in_headline(token):
            return False
        if token.pos_ in ("VERB", "AUX") or self.only_a_verb(token):
            return True
        lower = token.lower_
        previous = token.doc[token.i - 1] if token.i > token.sent.start else None
        if previous is None:
            return False
        if previous.lower_ == "to" and lower in self.verbs:
            return True  # 'Refuse To Sign AI Safety Pact': an infinitive
        doc = token.doc
        following = doc[token.i + 1 : token.i + 3]
        if len(following) == 2 and following[0].lower_ == "to" and following[1].lower_ in self.verbs:
            return lower in self.verbs  # 'US, UK Refuse To Sign …': a verb taking an infinitive
        # 'Trump Signs', 'Meta Inks': a present-tense verb right after the name that is its subject
        # 'Alphabet (GOOGL) Attends …', '…, Signs AI Deal': after a ticker or between two predicates
        after_a_name = (
            previous.ent_type_ in ("GPE", "ORG", "PERSON", "NORP")
            or previous.text in (",", ")")
            or (previous.pos_ == "PROPN" and previous.i == token.sent.start)  # 'Nokia Signs …'
        )
        if after_a_name and lower.endswith("s") and lower[:-1] in self.verbs:
            return True
        # 'UK and US Forge Historic Agreement': a plural subject's verb has no -s
        before = doc[token.i - 2] if token.i - 2 >= token.sent.start else None
        plural = before is not None and before.lower_ in ("and", "&") and previous.ent_type_ in ("GPE", "ORG")
        return plural and lower in self.verbs
