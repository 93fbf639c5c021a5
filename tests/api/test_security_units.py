"""The security primitives and the highlighter on their own."""

from __future__ import annotations

from accord.api.security import RateLimiter, csrf_token, csrf_valid, same_origin
from accord.web.render import highlight


def test_rate_limiter_allows_the_limit_then_says_how_long_to_wait() -> None:
    now = [100.0]
    limiter = RateLimiter(2, 10.0, clock=lambda: now[0])
    assert limiter.hit("a") is None and limiter.hit("a") is None
    assert limiter.hit("a") == 10
    assert limiter.hit("b") is None  # per key
    now[0] = 104.5
    assert limiter.hit("a") == 6
    now[0] = 110.1
    assert limiter.hit("a") is None


def test_same_origin_reads_origin_then_referer_and_compares_host_and_port() -> None:
    assert same_origin("https://accord.example", None, "accord.example")
    assert same_origin("http://accord.example:8000", None, "accord.example:8000")  # TLS ended at a proxy
    assert same_origin(None, "http://accord.example/review", "accord.example")
    assert same_origin(None, None, "accord.example")  # no browser: the CSRF token decides
    assert not same_origin("https://evil.example", "http://accord.example/", "accord.example")
    assert not same_origin("http://accord.example:9000", None, "accord.example:8000")
    assert not same_origin("null", None, "accord.example")
    assert not same_origin(None, "not a url", "accord.example")


def test_csrf_token_belongs_to_its_cookie_and_session() -> None:
    token = csrf_token("k", "cookie-1")
    assert csrf_valid("k", "cookie-1", token)
    assert not csrf_valid("k", "cookie-2", token)
    assert not csrf_valid("k", None, token) and not csrf_valid("k", "cookie-1", "")
    signed_in = csrf_token("k", "cookie-1", "session-a")
    assert signed_in != token and csrf_valid("k", "cookie-1", signed_in, "session-a")
    assert not csrf_valid("k", "cookie-1", signed_in, "session-b")
    assert not csrf_valid("k", "cookie-1", token, "session-a")


def test_highlight_cuts_overlapping_spans_and_keeps_the_text_whole() -> None:
    text = "Chile signed the Oslo Statement. Nothing else."
    segments = highlight(text, [(0, 32, "stance", 1), (17, 31, "agreement", 2), (99, 120, "quote", 3)])
    assert "".join(s.text for s in segments) == text
    middle = next(s for s in segments if s.text == "Oslo Statement")
    assert middle.kinds == ["stance", "agreement"] and middle.facts == [1, 2]
    assert segments[-1].kinds == [] and segments[-1].text == " Nothing else."
