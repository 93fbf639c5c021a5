"""Ingest: turn article files into Documents whose text every later offset counts into."""

from accord.ingest.document import Document, IngestError
from accord.ingest.readers import read_path, read_paths

__all__ = ["Document", "IngestError", "read_path", "read_paths"]
