"""Read article files into Documents, turning every way a file can be unusable into a stated reason."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from accord.ingest.decoding import NotText, declared_charset, decode
from accord.ingest.document import Document, IngestError
from accord.ingest.html import document_from_html
from accord.ingest.text import document_from_text

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_Builder = Callable[[str, str], Document]
_BUILDERS: dict[str, _Builder] = {
    ".txt": document_from_text,
    ".html": document_from_html,
    ".htm": document_from_html,
}
SUPPORTED_SUFFIXES = frozenset(_BUILDERS)
_SUPPORTED_LIST = ", ".join(sorted(SUPPORTED_SUFFIXES))


def read_path(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one article file, or raise IngestError saying why it cannot be read."""
    path = Path(path)
    source = str(path)
    build = _builder_for(path, source, max_bytes)
    data = _read_bytes(path, source, max_bytes)
    if not data.strip():
        raise IngestError(source, "empty file (only whitespace)")
    html = build is document_from_html
    try:
        content = decode(data, declared_charset(data) if html else None)
    except NotText as error:
        raise IngestError(source, str(error)) from None
    if not content.strip():
        raise IngestError(source, "empty file (only whitespace)")
    return build(content, source)


def read_paths(
    paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | IngestError]:
    """Read files and directory trees, yielding each failure in place so one bad file stops nothing."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from _read_directory(path, max_bytes)
        else:
            yield _attempt(path, max_bytes)


def expand_directory(root: Path) -> tuple[list[Path], list[IngestError]]:
    """List the article files under a directory, sorted, skipping hidden files and folders."""
    files: list[Path] = []
    errors: list[IngestError] = []

    def on_error(error: OSError) -> None:
        errors.append(IngestError(str(error.filename or root), _os_reason(error)))

    for folder, subfolders, names in os.walk(root, onerror=on_error):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        files.extend(
            Path(folder, name)
            for name in names
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES
        )
    return sorted(files), errors


def _read_directory(root: Path, max_bytes: int) -> Iterator[Document | IngestError]:
    files, errors = expand_directory(root)
    yield from errors
    if not files and not errors:
        yield IngestError(str(root), f"no {_SUPPORTED_LIST} files in this directory")
    for file in files:
        yield _attempt(file, max_bytes)


def _attempt(path: Path, max_bytes: int) -> Document | IngestError:
    try:
        return read_path(path, max_bytes=max_bytes)
    except IngestError as error:
        return error


def _builder_for(path: Path, source: str, max_bytes: int) -> _Builder:
    """Check what the path is before reading a byte: kind, extension, size."""
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        raise IngestError(source, "no such file") from None
    except OSError as error:
        raise IngestError(source, _os_reason(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(source, "is a directory (read_paths expands directories)")
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(source, "not a regular file")
    build = _BUILDERS.get(path.suffix.lower())
    if build is None:
        shown = path.suffix or "none"
        raise IngestError(source, f"unsupported extension ({shown}; expected {_SUPPORTED_LIST})")
    if info.st_size == 0:
        raise IngestError(source, "empty file")
    if info.st_size > max_bytes:
        raise IngestError(source, _too_large(info.st_size, max_bytes))
    return build


def _read_bytes(path: Path, source: str, max_bytes: int) -> bytes:
    """Read at most one byte past the cap, so a file that grew since stat is still refused."""
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise IngestError(source, _os_reason(error)) from None
    if len(data) > max_bytes:
        raise IngestError(source, _too_large(len(data), max_bytes))
    if not data:
        raise IngestError(source, "empty file")
    return data


def _too_large(size: int, max_bytes: int) -> str:
    return f"too large ({size:,} bytes; the limit is {max_bytes:,})"


def _os_reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "not readable (permission denied)"
    return f"not readable ({error.strerror or type(error).__name__})"
