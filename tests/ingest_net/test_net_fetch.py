"""The fetcher against a real HTTP server on 127.0.0.1: redirects, SSRF refusals, bounds, politeness."""

from __future__ import annotations

import dataclasses
import gzip
import shutil
import ssl
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from accord.ingest.fetch import USER_AGENT, Fetcher, FetchError, HostThrottle, retry_after_seconds
from net_support import PUBLIC_IP, TEST_CONFIG, FakeClock, LocalServer, LoopbackBackend, Reply, Seen, fake_dns

PAGE = "<html><head><title>Harbour page</title></head><body><p>Plain test page.</p></body></html>"


def public_fetcher(make_fetcher: Callable[..., Fetcher], **dns: list[str]) -> tuple[Fetcher, LoopbackBackend]:
    """A fetcher WITHOUT allow_private, for which news.example is a public site (the test server)."""
    backend = LoopbackBackend()
    config = dataclasses.replace(TEST_CONFIG, allow_private=False)
    table = {"news.example": [PUBLIC_IP], **dns}
    return make_fetcher(config, resolver=fake_dns(table), network_backend=backend), backend


# Pages and redirects --------------------------------------------------------------------------


def test_fetches_a_page_with_accords_user_agent(server: LocalServer, fetcher: Fetcher) -> None:
    server.route("/page", PAGE)
    result = fetcher.fetch(server.url("/page"))
    assert result.status == 200
    assert result.media_type == "text/html" and result.charset == "utf-8"
    assert result.content == PAGE.encode()
    page_request = next(seen for seen in server.requests if seen.path == "/page")
    assert page_request.headers["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("accord/") and "(+https://" in USER_AGENT


def test_follows_a_redirect_chain_itself(server: LocalServer, fetcher: Fetcher) -> None:
    server.route("/one", status=301, headers={"Location": "/two"})
    server.route("/two", status=302, headers={"Location": server.url("/three")})
    server.route("/three", status=307, headers={"Location": "four"})
    server.route("/four", PAGE)
    result = fetcher.fetch(server.url("/one"))
    assert result.url == server.url("/four")
    assert result.redirects == (server.url("/one"), server.url("/two"), server.url("/three"))
    assert result.requested_url == server.url("/one")


def test_too_many_redirects(server: LocalServer, fetcher: Fetcher) -> None:
    for hop in range(8):
        server.route(f"/hop{hop}", status=302, headers={"Location": f"/hop{hop + 1}"})
    with pytest.raises(FetchError, match=r"too many redirects \(more than 5\)"):
        fetcher.fetch(server.url("/hop0"))
    assert server.hits("/hop6") == 0


def test_redirect_loop_and_redirect_to_another_scheme(server: LocalServer, fetcher: Fetcher) -> None:
    server.route("/a", status=302, headers={"Location": "/b"})
    server.route("/b", status=302, headers={"Location": "/a"})
    server.route("/file", status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="redirect loop"):
        fetcher.fetch(server.url("/a"))
    with pytest.raises(FetchError, match="not an http"):
        fetcher.fetch(server.url("/file"))


def test_only_http_urls(fetcher: Fetcher) -> None:
    for url in ("file:///etc/passwd", "ftp://example.com/x", "gopher://x", "http:///nohost"):
        with pytest.raises(FetchError):
            fetcher.fetch(url)


# SSRF ------------------------------------------------------------------------------------------


def test_the_test_server_itself_is_refused_without_allow_private(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    server.route("/page", PAGE)
    fetcher = make_fetcher(dataclasses.replace(TEST_CONFIG, allow_private=False))
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1, a loopback address.*--allow-private"):
        fetcher.fetch(server.url("/page"))
    assert server.requests == []


def test_redirect_to_a_private_address_is_refused_without_the_flag(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    server.route("/story", status=302, headers={"Location": server.url("/admin", host="127.0.0.1")})
    server.route("/other", status=302, headers={"Location": f"http://intranet.example:{server.port}/admin"})
    server.route("/admin", "internal secrets")
    fetcher, backend = public_fetcher(make_fetcher, **{"intranet.example": ["10.0.0.7"]})
    url = f"http://news.example:{server.port}/story"
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1, a loopback address"):
        fetcher.fetch(url)
    with pytest.raises(
        FetchError, match=r"refused: intranet\.example resolves to 10\.0\.0\.7, a private address"
    ):
        fetcher.fetch(f"http://news.example:{server.port}/other")
    assert server.hits("/admin") == 0
    assert set(backend.asked) == {PUBLIC_IP}  # the socket layer never saw another address


def test_redirect_to_a_private_address_is_followed_with_the_flag(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    server.route("/story", status=302, headers={"Location": server.url("/admin")})
    server.route("/admin", PAGE)
    fetcher = make_fetcher(TEST_CONFIG, resolver=fake_dns({"news.example": ["127.0.0.1"]}))
    result = fetcher.fetch(f"http://news.example:{server.port}/story")
    assert result.url == server.url("/admin")


def test_a_name_that_resolves_to_loopback_is_refused_and_pinned(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    """The mocked resolver says local.example is 127.0.0.1: refused without the flag; with it, the
    connection goes to that address while the request still names the host."""
    server.route("/page", PAGE)
    dns = fake_dns({"local.example": ["127.0.0.1"]})
    guarded = make_fetcher(dataclasses.replace(TEST_CONFIG, allow_private=False), resolver=dns)
    with pytest.raises(FetchError, match=r"local\.example resolves to 127\.0\.0\.1, a loopback address"):
        guarded.fetch(f"http://local.example:{server.port}/page")
    assert server.requests == []

    allowed = make_fetcher(TEST_CONFIG, resolver=dns)
    result = allowed.fetch(f"http://local.example:{server.port}/page")
    assert result.content == PAGE.encode()
    assert server.requests[-1].headers["host"] == f"local.example:{server.port}"


def test_a_name_with_one_private_address_among_public_ones_is_refused(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    server.route("/page", PAGE)
    fetcher, backend = public_fetcher(make_fetcher, **{"mixed.example": [PUBLIC_IP, "192.168.1.20"]})
    with pytest.raises(FetchError, match=r"192\.168\.1\.20, a private address"):
        fetcher.fetch(f"http://mixed.example:{server.port}/page")
    assert backend.asked == []


def test_decimal_and_hex_hosts_are_refused(server: LocalServer, make_fetcher: Callable[..., Fetcher]) -> None:
    fetcher = make_fetcher(dataclasses.replace(TEST_CONFIG, allow_private=False))
    for host in ("2130706433", "0x7f000001", "127.1"):
        with pytest.raises(FetchError, match="loopback"):
            fetcher.fetch(f"http://{host}:{server.port}/")
    assert server.requests == []


# Bounds ----------------------------------------------------------------------------------------


def small_cap(make_fetcher: Callable[..., Fetcher]) -> Fetcher:
    return make_fetcher(dataclasses.replace(TEST_CONFIG, max_bytes=50_000))


def test_announced_oversized_response_is_refused(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    server.route("/big", b"<p>" + b"x" * 200_000)
    with pytest.raises(FetchError, match=r"larger than the 50,000-byte limit \(200,003 bytes announced\)"):
        small_cap(make_fetcher).fetch(server.url("/big"))


def test_streamed_oversized_response_is_aborted(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    server.route("/stream", b"<p>" + b"y" * 400_000, chunked_pieces=40)
    with pytest.raises(FetchError, match=r"larger than the 50,000-byte limit \(download aborted\)"):
        small_cap(make_fetcher).fetch(server.url("/stream"))


def test_gzip_bomb_is_aborted_by_its_decompressed_size(
    server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    bomb = gzip.compress(b" " * 20_000_000)
    assert len(bomb) < 50_000
    server.route("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="download aborted"):
        small_cap(make_fetcher).fetch(server.url("/bomb"))


def test_a_stalled_response_times_out(server: LocalServer, fetcher: Fetcher) -> None:
    server.route("/slow", PAGE, stall_after=20)
    with pytest.raises(FetchError, match=r"server stopped responding \(nothing received for 0.5 s\)"):
        fetcher.fetch(server.url("/slow"))


def test_a_server_that_answers_nothing_times_out(server: LocalServer, fetcher: Fetcher) -> None:
    def silent(seen: Seen) -> Reply:
        server.release.wait(10)
        return Reply(PAGE)

    server.handle("/silent", silent)
    with pytest.raises(FetchError, match="server stopped responding"):
        fetcher.fetch(server.url("/silent"))


def test_wrong_content_type_is_refused(server: LocalServer, fetcher: Fetcher) -> None:
    server.route("/image", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, content_type="image/png")
    server.route("/json", b'{"a": 1}', content_type="application/json")
    with pytest.raises(FetchError, match="unsupported content type image/png"):
        fetcher.fetch(server.url("/image"))
    with pytest.raises(FetchError, match="unsupported content type application/json"):
        fetcher.fetch(server.url("/json"))


def test_accepted_types(server: LocalServer, fetcher: Fetcher) -> None:
    for path, content_type in [
        ("/x1", "application/xhtml+xml"),
        ("/x2", "application/rss+xml; charset=utf-8"),
        ("/x3", "application/atom+xml"),
        ("/x4", "text/xml"),
        ("/x5", "text/plain; charset=windows-1252"),
    ]:
        server.route(path, "<x/>", content_type=content_type)
        assert fetcher.fetch(server.url(path)).media_type == content_type.split(";")[0]


def test_http_errors_are_reasons(server: LocalServer, fetcher: Fetcher) -> None:
    server.route("/gone", "gone", status=410, content_type="text/plain")
    with pytest.raises(FetchError, match=r"HTTP 410 \(Gone\)") as failed:
        fetcher.fetch(server.url("/gone"))
    assert failed.value.status == 410
    with pytest.raises(FetchError, match=r"HTTP 404 \(Not Found\)"):
        fetcher.fetch(server.url("/missing"))


# Retries ---------------------------------------------------------------------------------------


def sequence(*replies: Reply) -> Callable[[Seen], Reply]:
    queue = list(replies)
    return lambda _seen: queue.pop(0) if len(queue) > 1 else queue[0]


def test_429_then_success_honours_retry_after(
    server: LocalServer, fetcher: Fetcher, clock: FakeClock
) -> None:
    server.handle(
        "/busy", sequence(Reply("slow down", status=429, headers={"Retry-After": "7"}), Reply(PAGE))
    )
    result = fetcher.fetch(server.url("/busy"))
    assert result.content == PAGE.encode()
    assert server.hits("/busy") == 2
    assert clock.sleeps == [7.0]


def test_5xx_retries_back_off_exponentially(server: LocalServer, fetcher: Fetcher, clock: FakeClock) -> None:
    server.handle(
        "/flaky", sequence(Reply("", status=503), Reply("", status=502), Reply("", status=500), Reply(PAGE))
    )
    assert fetcher.fetch(server.url("/flaky")).status == 200
    assert clock.sleeps == [1.0, 2.0, 4.0]


def test_retries_are_bounded(server: LocalServer, fetcher: Fetcher, clock: FakeClock) -> None:
    server.route("/down", "", status=503)
    with pytest.raises(FetchError, match=r"HTTP 503 \(Service Unavailable\) after 4 attempts"):
        fetcher.fetch(server.url("/down"))
    assert server.hits("/down") == 4
    assert clock.sleeps == [1.0, 2.0, 4.0]


def test_a_retry_after_beyond_the_bound_is_not_waited_for(
    server: LocalServer, fetcher: Fetcher, clock: FakeClock
) -> None:
    server.route("/later", "", status=429, headers={"Retry-After": "3600"})
    with pytest.raises(FetchError, match="retry after 3600 s, longer than accord waits"):
        fetcher.fetch(server.url("/later"))
    assert clock.sleeps == []


def test_retry_after_as_a_date() -> None:
    from datetime import UTC, datetime

    now = datetime(2024, 5, 7, 10, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("Tue, 07 May 2024 10:00:30 GMT", now=now) == 30.0
    assert retry_after_seconds("Tue, 07 May 2024 09:00:00 GMT", now=now) == 0.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(" 12 ") == 12.0


# robots.txt and politeness ---------------------------------------------------------------------


def test_robots_disallow_is_honoured(server: LocalServer, fetcher: Fetcher, make_fetcher) -> None:  # type: ignore[no-untyped-def]
    server.route("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    server.route("/private/memo", PAGE)
    server.route("/public", PAGE)
    with pytest.raises(FetchError, match=r"disallowed by the site's robots\.txt"):
        fetcher.fetch(server.url("/private/memo"))
    assert fetcher.fetch(server.url("/public")).status == 200
    assert server.hits("/private/memo") == 0
    assert server.hits("/robots.txt") == 1  # cached per host

    rude = make_fetcher(dataclasses.replace(TEST_CONFIG, respect_robots=False))
    assert rude.fetch(server.url("/private/memo")).status == 200
    assert server.hits("/robots.txt") == 1


def test_robots_rules_for_accord_by_name(server: LocalServer, fetcher: Fetcher) -> None:
    server.route(
        "/robots.txt",
        "User-agent: accord\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
        content_type="text/plain",
    )
    server.route("/page", PAGE)
    with pytest.raises(FetchError, match=r"robots\.txt"):
        fetcher.fetch(server.url("/page"))


def test_robots_unavailable_means_stay_away(server: LocalServer, fetcher: Fetcher) -> None:
    server.route("/robots.txt", "", status=503)
    server.route("/page", PAGE)
    with pytest.raises(FetchError, match=r"robots.txt unavailable .*RFC 9309"):
        fetcher.fetch(server.url("/page"))
    assert server.hits("/page") == 0


def test_crawl_delay_and_per_host_delay(
    server: LocalServer, make_fetcher: Callable[..., Fetcher], clock: FakeClock
) -> None:
    server.route("/robots.txt", "User-agent: *\nCrawl-delay: 5\n", content_type="text/plain")
    server.route("/p", PAGE)
    fetcher = make_fetcher(dataclasses.replace(TEST_CONFIG, per_host_delay=1.0))
    for _ in range(3):
        fetcher.fetch(server.url("/p"))
    # robots.txt at t=0, the first page 1 s later (robots was read before the delay grew), then 5 s apart.
    assert clock.sleeps == [1.0, 5.0, 5.0]


def test_per_host_concurrency_limit() -> None:
    clock = FakeClock()
    throttle = HostThrottle(2, 0.0, clock=clock, sleeper=clock.sleep)
    inside = threading.Semaphore(0)
    release = threading.Event()
    third_entered = threading.Event()

    def occupy(flag: threading.Event | None = None) -> None:
        with throttle.slot("news.example:443"):
            if flag is not None:
                flag.set()
            inside.release()
            release.wait(10)

    threads = [threading.Thread(target=occupy) for _ in range(2)]
    for thread in threads:
        thread.start()
    assert inside.acquire(timeout=5) and inside.acquire(timeout=5)
    third = threading.Thread(target=occupy, args=(third_entered,))
    third.start()
    with throttle.slot("other.example:443"):  # another host is not held up
        pass
    assert not third_entered.wait(0.2)
    release.set()
    assert third_entered.wait(5)
    for thread in [*threads, third]:
        thread.join(5)


# TLS -------------------------------------------------------------------------------------------


def test_verification_cannot_be_turned_off() -> None:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with pytest.raises(ValueError, match="never fetches with certificate"):
        Fetcher(TEST_CONFIG, ssl_context=context)


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A throw-away CA and a certificate for news.test signed by it (openssl command line)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    (folder / "leaf.ext").write_text(
        "subjectAltName=DNS:news.test\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
        "keyUsage=digitalSignature\nauthorityKeyIdentifier=keyid\nsubjectKeyIdentifier=hash\n"
    )
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    ca_extensions = ["-addext", "basicConstraints=critical,CA:TRUE"]
    commands = [
        ["req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
         "-subj", "/CN=accord test CA", *ca_extensions],
        ["req", *ec, "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=news.test"],
        ["x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
         "-out", "leaf.pem", "-days", "2", "-extfile", "leaf.ext"],
    ]  # fmt: skip
    for command in commands:
        subprocess.run(["openssl", *command], cwd=folder, check=True, capture_output=True)
    return folder


@pytest.fixture
def tls_server(certificates: Path) -> Iterator[LocalServer]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificates / "leaf.pem", certificates / "leaf.key")
    local = LocalServer(tls=context).start()
    local.route("/page", PAGE)
    yield local
    local.stop()


def test_https_connects_to_the_pinned_address_and_verifies_the_name(
    tls_server: LocalServer, certificates: Path, make_fetcher: Callable[..., Fetcher]
) -> None:
    """Connected to 127.0.0.1, TLS still sends SNI for news.test and checks the certificate against it."""
    dns = fake_dns({"news.test": ["127.0.0.1"], "other.test": ["127.0.0.1"]})
    config = dataclasses.replace(TEST_CONFIG, ca_file=str(certificates / "ca.pem"))
    fetcher = make_fetcher(config, resolver=dns)
    result = fetcher.fetch(f"https://news.test:{tls_server.port}/page")
    assert result.content == PAGE.encode()
    assert tls_server.requests[-1].headers["host"] == f"news.test:{tls_server.port}"

    for url in (f"https://127.0.0.1:{tls_server.port}/page", f"https://other.test:{tls_server.port}/page"):
        with pytest.raises(FetchError, match="TLS certificate not valid"):
            fetcher.fetch(url)


def test_https_with_an_unknown_ca_is_refused(
    tls_server: LocalServer, make_fetcher: Callable[..., Fetcher]
) -> None:
    fetcher = make_fetcher(resolver=fake_dns({"news.test": ["127.0.0.1"]}))
    with pytest.raises(FetchError, match="TLS certificate not valid"):
        fetcher.fetch(f"https://news.test:{tls_server.port}/page")
