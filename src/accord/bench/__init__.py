"""Benchmark accord against plain spaCy on a generated corpus (`accord bench`, `python -m accord.bench`).

Nothing heavy is imported here, so that the runner can still hold BLAS to one thread
before numpy loads.
"""
