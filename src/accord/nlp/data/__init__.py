"""Data files of the language pipeline and its components, read through `accord.lexicon`."""

from accord.lexicon import Lexicon

lexicon = Lexicon(__name__)
