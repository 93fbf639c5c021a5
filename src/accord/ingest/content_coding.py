"""Undo a response's Content-Encoding with a bound on every layer, a piece at a time.

httpx decodes each received chunk through every layer at once, so a few kilobytes of
`gzip, gzip` can become gigabytes in memory before a size cap counts a byte. Here each layer
inflates at most `PIECE` bytes per call (zlib's `max_length`), hands them to the next layer,
and counts what it produced: the first layer to pass `max_bytes` stops the download, so
memory holds a few pieces per layer whatever the compression ratio.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

PIECE = 64 * 1024
MAX_LAYERS = 3
IDENTITY = frozenset({"", "identity"})
_GZIP = frozenset({"gzip", "x-gzip"})
_DEFLATE = frozenset({"deflate"})


class CodingError(ValueError):
    """A body that cannot be decoded, with the reason; `too_large` when a layer passed the cap."""

    def __init__(self, reason: str, *, too_large: bool = False) -> None:
        super().__init__(reason)
        self.too_large = too_large


def codings_of(header: str | None) -> list[str]:
    """The codings a Content-Encoding header lists, in the order the server applied them."""
    names = [name.strip().lower() for name in (header or "").split(",")]
    return [name for name in names if name not in IDENTITY]


def check_codings(codings: list[str]) -> None:
    """Refuse what accord never asked for (br, zstd, …) and more than MAX_LAYERS layers."""
    unknown = [name for name in codings if name not in _GZIP | _DEFLATE]
    if unknown:
        raise CodingError(f"unsupported content encoding ({', '.join(unknown)})")
    if len(codings) > MAX_LAYERS:
        raise CodingError(f"{len(codings)} content encodings stacked (accord decodes at most {MAX_LAYERS})")


def decoded(raw: Iterable[bytes], codings: list[str], max_bytes: int) -> Iterator[bytes]:
    """The body under `codings`, in pieces; CodingError(too_large=True) past `max_bytes` at any layer."""
    check_codings(codings)
    stream: Iterable[bytes] = raw
    for name in reversed(codings):
        stream = _layer(stream, name, max_bytes)
    return iter(stream)


def _layer(chunks: Iterable[bytes], name: str, max_bytes: int) -> Iterator[bytes]:
    inflater = _Inflater(name)
    produced = 0
    for chunk in chunks:
        for piece in inflater.feed(chunk):
            produced += len(piece)
            if produced > max_bytes:
                raise CodingError("download aborted", too_large=True)
            yield piece
    for piece in inflater.finish():
        produced += len(piece)
        if produced > max_bytes:
            raise CodingError("download aborted", too_large=True)
        yield piece


class _Inflater:
    """One gzip or deflate layer; deflate is zlib-wrapped by the RFC, raw in some servers' hands."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._raw_fallback = name in _DEFLATE
        self._started = False
        self._z = zlib.decompressobj(16 + zlib.MAX_WBITS if name in _GZIP else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        if not data:
            return
        if self._raw_fallback and not self._started:
            self._started = True
            try:
                first = self._z.decompress(data, PIECE)
            except zlib.error:
                self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                first = self._inflate(data)
            self._raw_fallback = False
            if first:
                yield first
            yield from self._drain()
            return
        self._started = True
        piece = self._inflate(data)
        if piece:
            yield piece
        yield from self._drain()

    def finish(self) -> Iterator[bytes]:
        yield from self._drain()
        try:
            rest = self._z.flush()
        except zlib.error as error:
            raise CodingError(f"response could not be decompressed ({self.name}: {error})") from None
        if rest:
            yield rest

    def _drain(self) -> Iterator[bytes]:
        """What the input already given still holds: a piece at a time, until zlib has no more."""
        while True:
            tail = self._z.unconsumed_tail
            piece = self._inflate(tail)
            if piece:
                yield piece
            if not self._z.unconsumed_tail and len(piece) < PIECE:
                return

    def _inflate(self, data: bytes) -> bytes:
        try:
            return self._z.decompress(data, PIECE)
        except zlib.error as error:
            raise CodingError(f"response could not be decompressed ({self.name}: {error})") from None
