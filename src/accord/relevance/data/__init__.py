"""Data files of the relevance gate, read through `accord.lexicon`."""

from accord.lexicon import Lexicon

lexicon = Lexicon(__name__)
