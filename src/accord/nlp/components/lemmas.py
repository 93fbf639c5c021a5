"""Lemmas of the 'co-' verbs the tokenizer keeps whole ('co-hosted' → 'co-host').

The rule lemmatizer leaves such forms unknown. The model's attribute ruler could set them, but
its Matcher tries every pattern at every token, so each added pattern costs the whole
document again (24 forms added about 9 ms per article). Here the forms are found with one
array lookup per document and only the hits are touched.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc

from accord.nlp.lexicon import hyphenated_verbs


@Language.factory("accord_hyphenated_lemmas", assigns=["token.lemma"], requires=["token.text"])
def make_hyphenated_lemmas(nlp: Language, name: str) -> HyphenatedLemmas:
    return HyphenatedLemmas(nlp)


class HyphenatedLemmas:
    """Set the lemma of every listed form; runs before the lemmatizer, which keeps lemmas already set."""

    def __init__(self, nlp: Language) -> None:
        strings = nlp.vocab.strings
        self.lemmas = {strings.add(form): lemma for form, lemma in hyphenated_verbs().items()}
        self.keys = np.array(sorted(self.lemmas), dtype="uint64")

    def __call__(self, doc: Doc) -> Doc:
        lowers = doc.to_array(LOWER)
        for i in np.flatnonzero(np.isin(lowers, self.keys)):
            token = doc[int(i)]
            token.lemma_ = self.lemmas[token.lower]
        return doc
