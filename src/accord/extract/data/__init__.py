"""Data files of the fact extractors, read through `accord.lexicon`."""

from accord.lexicon import Lexicon

lexicon = Lexicon(__name__)
