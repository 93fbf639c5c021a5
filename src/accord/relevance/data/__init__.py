"""Data files of the relevance gate (read through importlib.resources)."""
