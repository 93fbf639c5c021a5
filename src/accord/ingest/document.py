"""The document as every later stage sees it: plain text plus the metadata read with it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Document:
    """One article, reduced to the plain text that evidence offsets refer to.

    `text` is final: every character offset in a record counts into it, so nothing
    downstream may normalise it again.
    """

    text: str
    source: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    site: str | None = None

    @property
    def id(self) -> str:
        """Identify the document by its content, so the same text is the same document anywhere."""
        return "sha256:" + hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def stem(self) -> str:
        """Name the record file after the input file, as `--out DIR` and the referee expect."""
        name = self.source.rstrip("/").rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0] if "." in name else name


class IngestError(Exception):
    """A document that cannot be read, with a reason a user can act on."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
