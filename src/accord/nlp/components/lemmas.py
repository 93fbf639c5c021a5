"""Lemmas of the 'co-' verbs the tokenizer keeps whole ('co-hosted' → 'co-host').

The rule lemmatizer leaves such forms unknown. The model's attribute ruler could set them, but
its Matcher tries every pattern at every token, so each added pattern costs the whole
document again (24 forms added about 9 ms per article). Here the forms are found with one
array lookup per document and only the hits are touched.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc

from accord.nlp.lexicon import lexicon_setting


@Language.factory(
    "accord_hyphenated_lemmas",
    assigns=["token.lemma"],
    default_config={"lexicon": lexicon_setting("hyphenated_verbs.txt")},
)
def make_hyphenated_lemmas(nlp: Language, name: str, lexicon: Sequence[Sequence[str]]) -> HyphenatedLemmas:
    return HyphenatedLemmas(nlp, {row[0].strip(): row[1].strip() for row in lexicon})


class HyphenatedLemmas:
    """Set the lemma of every listed form; runs before the lemmatizer, which keeps lemmas already set."""

    def __init__(self, nlp: Language, forms: dict[str, str]) -> None:
        strings = nlp.vocab.strings
        self.forms = tuple(forms)  # the tokenizer keeps these whole (accord.nlp.pipeline)
        self.lemmas = {strings.add(form): lemma for form, lemma in forms.items()}
        self.keys = np.array(sorted(self.lemmas), dtype="uint64")

    def __call__(self, doc: Doc) -> Doc:
        lowers = doc.to_array(LOWER)
        for i in np.flatnonzero(np.isin(lowers, self.keys)):
            token = doc[int(i)]
            token.lemma_ = self.lemmas[token.lower]
        return doc
