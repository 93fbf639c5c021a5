"""The one error evaluation raises for input a user must fix."""

from __future__ import annotations


class EvalError(Exception):
    """Report bad gold input in one line that names the file, instead of a traceback."""
