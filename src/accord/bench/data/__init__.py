"""Data files of the benchmark (read through importlib.resources)."""
