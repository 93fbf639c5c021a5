"""The fetcher's bounds against what the second outside review tried: stacked content encodings
that expand to gigabytes, and headers trickled one byte at a time."""

from __future__ import annotations

import dataclasses
import gzip
import itertools
import tracemalloc
import zlib
from collections.abc import Callable

import pytest

from accord.ingest.fetch import Fetcher, FetchError
from net_support import TEST_CONFIG, FakeClock, LocalServer

PAGE = b"<html><head><title>Harbour page</title></head><body><p>Plain test page.</p></body></html>"
CAP = 50_000


def gzip_of_spaces(size: int) -> bytes:
    """gzip of `size` spaces, made a megabyte at a time (the test never holds the spaces)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b" " * 1_000_000
    parts = [packer.compress(block) for _ in range(size // len(block))]
    return b"".join([*parts, packer.flush()])


def capped(make_fetcher: Callable[..., Fetcher], **changes: object) -> Fetcher:
    return make_fetcher(dataclasses.replace(TEST_CONFIG, max_bytes=CAP, **changes))


def test_stacked_gzip_bomb_is_stopped_before_it_expands(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    """Review defect 1: `gzip, gzip` of 200 MB is a few KB on the wire; httpx decoded every layer
    of a chunk at once, so the cap saw 200 MB only after they were in memory."""
    bomb = gzip.compress(gzip_of_spaces(200_000_000))
    assert len(bomb) < 5_000
    server.route("/bomb", bomb, headers={"Content-Encoding": "gzip, gzip"})
    fetcher = capped(make_fetcher)
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match=r"larger than the 50,000-byte limit \(download aborted\)"):
            fetcher.fetch(server.url("/bomb"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10_000_000, f"{peak:,} bytes allocated while refusing a {len(bomb):,}-byte bomb"


def test_each_layer_of_a_stacked_encoding_is_capped(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    """An inner layer that expands past the cap is refused even if the outer one stays small."""
    inner = gzip_of_spaces(5_000_000)
    server.route("/inner", zlib.compress(inner), headers={"Content-Encoding": "gzip, deflate"})
    with pytest.raises(FetchError, match="download aborted"):
        capped(make_fetcher).fetch(server.url("/inner"))


def test_stacked_and_single_encodings_of_a_page_decode_to_the_page(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    raw_deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    server.route("/gzip", gzip.compress(PAGE), headers={"Content-Encoding": "gzip"})
    server.route("/twice", gzip.compress(zlib.compress(PAGE)), headers={"Content-Encoding": "deflate, gzip"})
    server.route("/xgzip", gzip.compress(PAGE), headers={"Content-Encoding": "X-GZIP"})
    server.route(
        "/raw", raw_deflate.compress(PAGE) + raw_deflate.flush(), headers={"Content-Encoding": "deflate"}
    )
    server.route("/identity", PAGE, headers={"Content-Encoding": "identity"})
    server.route("/pieces", gzip.compress(PAGE * 200), headers={"Content-Encoding": "gzip"}, chunked_pieces=7)
    fetcher = capped(make_fetcher)
    for path in ("/gzip", "/twice", "/xgzip", "/raw", "/identity"):
        assert fetcher.fetch(server.url(path)).content == PAGE, path
    assert fetcher.fetch(server.url("/pieces")).content == PAGE * 200


def test_unknown_broken_or_too_many_encodings_are_reasons(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    server.route("/br", b"\x0b\x02\x80hello\x03", headers={"Content-Encoding": "br"})
    server.route("/broken", b"not gzip at all", headers={"Content-Encoding": "gzip"})
    nested = PAGE
    for _ in range(4):
        nested = gzip.compress(nested)
    server.route("/four", nested, headers={"Content-Encoding": "gzip, gzip, gzip, gzip"})
    fetcher = capped(make_fetcher)
    with pytest.raises(FetchError, match=r"unsupported content encoding \(br\)"):
        fetcher.fetch(server.url("/br"))
    with pytest.raises(FetchError, match="could not be decompressed"):
        fetcher.fetch(server.url("/broken"))
    with pytest.raises(FetchError, match="4 content encodings"):
        fetcher.fetch(server.url("/four"))


class TickingClock(FakeClock):
    """A clock that moves `tick` seconds every time it is read: deadlines pass after a number of
    reads, whatever the machine's speed."""

    def __init__(self, tick: float) -> None:
        super().__init__()
        self.tick = tick

    def __call__(self) -> float:
        with self._lock:
            self.now += self.tick
            return self.now


def test_headers_trickled_a_byte_at_a_time_hit_the_request_deadline(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    """Review defect 6: each byte reset the read timeout, so one URL could hold a fetch for hours.
    The server sends 600 header bytes 5 ms apart (never silent for the 0.5 s read timeout); the
    clock moves 0.25 s per reading, so a 5 s deadline passes after about 20 reads."""
    server.route("/trickle", PAGE, trickle_headers=600)
    clock = TickingClock(0.25)
    fetcher = make_fetcher(
        dataclasses.replace(TEST_CONFIG, download_timeout=5.0), clock=clock, sleeper=clock.sleep
    )
    with pytest.raises(FetchError, match=r"took longer than 5 s in all \(aborted\)"):
        fetcher.fetch(server.url("/trickle"))
    assert server.trickled < 300  # given up long before the headers ended


def test_a_fetch_within_the_deadline_is_not_disturbed(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    server.route("/page", PAGE)
    clock = TickingClock(0.01)
    fetcher = make_fetcher(
        dataclasses.replace(TEST_CONFIG, download_timeout=5.0), clock=clock, sleeper=clock.sleep
    )
    for _ in itertools.repeat(None, 3):
        assert fetcher.fetch(server.url("/page")).content == PAGE
