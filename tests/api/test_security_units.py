"""The security primitives and the highlighter on their own."""

from __future__ import annotations

from accord.api.security import (
    RateLimiter,
    csrf_token,
    csrf_valid,
    session_reviewer,
    session_value,
)
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


def test_session_cookies_are_signed_and_expire() -> None:
    value = session_value("k1", "maria", now=1000.0)
    assert session_reviewer("k1", value, now=1001.0) == "maria"
    assert session_reviewer("k2", value, now=1001.0) is None  # another server's secret
    name, expires, signature = value.split(".")
    forged = f"{name}.{int(expires) + 10**6}.{signature}"
    assert session_reviewer("k1", forged, now=1001.0) is None
    assert session_reviewer("k1", value, now=1000.0 + 9 * 3600) is None
    assert session_reviewer("k1", "garbage", now=1001.0) is None


def test_csrf_token_belongs_to_its_cookie() -> None:
    token = csrf_token("k", "cookie-1")
    assert csrf_valid("k", "cookie-1", token)
    assert not csrf_valid("k", "cookie-2", token)
    assert not csrf_valid("k", None, token) and not csrf_valid("k", "cookie-1", "")


def test_highlight_cuts_overlapping_spans_and_keeps_the_text_whole() -> None:
    text = "Chile signed the Oslo Statement. Nothing else."
    segments = highlight(text, [(0, 32, "stance", 1), (17, 31, "agreement", 2), (99, 120, "quote", 3)])
    assert "".join(s.text for s in segments) == text
    middle = next(s for s in segments if s.text == "Oslo Statement")
    assert middle.kinds == ["stance", "agreement"] and middle.facts == [1, 2]
    assert segments[-1].kinds == [] and segments[-1].text == " Nothing else."
