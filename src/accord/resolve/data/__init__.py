"""Data files of entity resolution, read through `accord.lexicon`."""

from accord.lexicon import Lexicon

lexicon = Lexicon(__name__)
