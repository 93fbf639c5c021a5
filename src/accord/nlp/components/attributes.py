"""The model's attribute rules (tag to part of speech, morphology, lemma exceptions), applied by lookup.

spaCy's `AttributeRuler` runs every rule through a `Matcher`: in the English model that is 179
patterns over every token, about 18 µs a token, the slowest stage after the tagger-parser-NER
networks (docs/benchmarks.md). Nearly all of its rules are one-token patterns on the tag, the
lowercase form or both, which a dictionary answers directly. `FastAttributeRuler` takes the
loaded ruler's own rules, answers those by lookup and leaves the rest (several tokens, the
dependency label, regular expressions) to a small `Matcher`, then applies every match in the
order the `AttributeRuler` does (by rule, then by position), so each token ends with the same
attributes (tests/nlp/test_nlp_attributes.py compares them on real text).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

_LOOKUP_KEYS = frozenset(("TAG", "LOWER"))


@Language.factory(
    "accord_attributes", assigns=["token.pos", "token.morph", "token.lemma"], requires=["token.tag"]
)
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.vocab)


def _values(value: Any) -> list[str] | None:
    """The strings a pattern value accepts ('NN', or {'IN': ['VBP', 'VBZ']}); None for anything else."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        return list(value["IN"])
    return None


class FastAttributeRuler:
    """An `AttributeRuler`'s rules, the one-token ones on tag and lowercase form by lookup."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.attrs: list[dict[int, Any]] = []
        self.indices: list[int] = []
        self.by_tag: dict[int, list[int]] = {}
        self.by_lower: dict[int, list[int]] = {}
        self.by_pair: dict[tuple[int, int], list[int]] = {}
        self.rest = Matcher(vocab)

    def take_rules(self, ruler: AttributeRuler) -> None:
        """Read a loaded ruler's rules (rule i was its i-th `add`, later rules winning)."""
        strings = self.vocab.strings
        self.attrs, self.indices = list(ruler.attrs), list(ruler.indices)
        for rule in range(len(ruler.attrs)):
            key = strings[str(rule)]
            _callback, patterns = ruler.matcher.get(key)
            for pattern in patterns:
                if not self.add_lookup(rule, pattern):
                    self.rest.add(key, [pattern])

    def add_lookup(self, rule: int, pattern: list[dict[str, Any]]) -> bool:
        """File a one-token pattern on tag and/or lowercase form under its keys; False otherwise."""
        if len(pattern) != 1 or not set(pattern[0]) <= _LOOKUP_KEYS or self.indices[rule] not in (0, -1):
            return False
        token = pattern[0]
        tags = _values(token["TAG"]) if "TAG" in token else [None]
        lowers = _values(token["LOWER"]) if "LOWER" in token else [None]
        if tags is None or lowers is None:
            return False
        strings = self.vocab.strings
        for tag in tags:
            for lower in lowers:
                if tag is not None and lower is not None:
                    self.by_pair.setdefault((strings.add(lower), strings.add(tag)), []).append(rule)
                elif tag is not None:
                    self.by_tag.setdefault(strings.add(tag), []).append(rule)
                elif lower is not None:
                    self.by_lower.setdefault(strings.add(lower), []).append(rule)
        return True

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[int, int, int]] = []
        by_tag, by_pair, by_lower = self.by_tag, self.by_pair, self.by_lower
        for k, (tag, lower) in enumerate(doc.to_array([TAG, LOWER]).tolist()):
            for rule in by_tag.get(tag, ()):
                found.append((rule, k, k + 1))
            for rule in by_pair.get((lower, tag), ()):
                found.append((rule, k, k + 1))
            for rule in by_lower.get(lower, ()):
                found.append((rule, k, k + 1))
        strings = self.vocab.strings
        for match_id, start, end in self.rest(doc, allow_missing=True):
            found.append((int(strings[match_id]), start, end))
        found.sort()
        for rule, start, end in found:
            index = self.indices[rule]
            set_token_attrs(doc[start + index] if index >= 0 else doc[end + index], self.attrs[rule])
        return doc


def use_fast_attribute_ruler(nlp: Language) -> None:
    """Put a `FastAttributeRuler` with the model's own rules in place of its `attribute_ruler`."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return  # a user's own component under that name is left alone
    fast = nlp.replace_pipe("attribute_ruler", "accord_attributes")
    fast.take_rules(ruler)  # type: ignore[attr-defined]
