"""The address classifier and DNS pinning: what a fetch may connect to, and that it connects there."""

from __future__ import annotations

import ipaddress

import httpcore
import pytest

from accord.ingest.netguard import (
    AddressRefused,
    GuardedBackend,
    ResolveError,
    address_kind,
    address_problem,
    parse_ip,
    resolve_checked,
)


def ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    return ipaddress.ip_address(text)


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.255.0.9", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.255", "private"),
        ("192.168.1.1", "private"),
        ("100.64.0.1", "carrier-grade NAT"),
        ("100.127.255.254", "carrier-grade NAT"),
        ("169.254.1.1", "link-local"),
        ("169.254.169.254", "cloud metadata"),
        ("100.100.100.200", "cloud metadata"),
        ("168.63.129.16", "cloud metadata"),
        ("0.0.0.0", "unspecified"),
        ("0.1.2.3", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("239.255.255.250", "multicast"),
        ("240.0.0.1", "reserved"),
        ("255.255.255.255", "broadcast"),
        ("192.0.2.10", "documentation"),
        ("198.18.0.1", "benchmarking"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "unique-local"),
        ("fd12:3456::1", "unique-local"),
        ("fd00:ec2::254", "cloud metadata"),
        ("ff02::1", "multicast"),
        ("fec0::1", "site-local"),
        ("2001:db8::1", "documentation"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("::ffff:169.254.169.254", "cloud metadata"),
        ("2002:7f00:1::", "loopback"),
        ("2002:a00:1::", "private"),
        ("64:ff9b::a00:1", "private"),
        ("::127.0.0.1", "reserved"),
    ],
)
def test_non_public_addresses_are_named(address: str, kind: str) -> None:
    found = address_kind(ip(address))
    assert found is not None and found.startswith(kind), found
    assert address_problem(ip(address)) == found


@pytest.mark.parametrize(
    "address",
    [
        "93.184.216.34",
        "8.8.8.8",
        "1.1.1.1",
        "100.63.255.255",
        "100.128.0.1",
        "172.32.0.1",
        "2606:4700:4700::1111",
        "2a00:1450:4001::200e",
        "::ffff:8.8.8.8",
        "2002:808:808::",
        "64:ff9b::808:808",
    ],
)
def test_public_addresses_pass(address: str) -> None:
    assert address_kind(ip(address)) is None
    assert address_problem(ip(address)) is None


def test_allow_private_lifts_everything_but_metadata() -> None:
    for address in ("127.0.0.1", "10.0.0.1", "100.64.0.1", "fc00::1", "::1", "0.0.0.0", "fe80::1"):
        assert address_problem(ip(address), allow_private=True) is None
    for address in ("169.254.169.254", "fd00:ec2::254", "::ffff:169.254.169.254"):
        assert address_problem(ip(address), allow_private=True) is not None


@pytest.mark.parametrize(
    ("spelling", "address"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("0x7F.0.0.1", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("127.0.1", "127.0.0.1"),
        ("0", "0.0.0.0"),
        ("3232235777", "192.168.1.1"),
        ("0xa9.0xfe.0xa9.0xfe", "169.254.169.254"),
        ("[::1]", "::1"),
        ("[::ffff:7f00:1]", "::ffff:127.0.0.1"),
        ("fe80::1%eth0", "fe80::1"),
    ],
)
def test_ip_spellings_are_read_as_the_resolver_would(spelling: str, address: str) -> None:
    assert parse_ip(spelling) == ip(address)


@pytest.mark.parametrize("name", ["example.com", "news.example", "1.2.3.4.5", "256.1.1.1", "08.1.1.1", ""])
def test_names_and_invalid_numbers_are_not_ips(name: str) -> None:
    assert parse_ip(name) is None


@pytest.mark.parametrize(
    "spelling", ["2130706433", "0x7f000001", "0177.0.0.1", "127.1", "[::ffff:127.0.0.1]"]
)
def test_literal_spellings_are_refused_without_asking_dns(spelling: str) -> None:
    def resolver(host: str, port: int) -> list[str]:
        raise AssertionError("an IP literal must not be resolved")

    with pytest.raises(AddressRefused, match="loopback"):
        resolve_checked(spelling, 80, resolver=resolver)


def test_every_resolved_address_is_checked() -> None:
    def resolver(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "10.0.0.5"]

    with pytest.raises(AddressRefused) as refused:
        resolve_checked("news.example", 443, resolver=resolver)
    assert refused.value.address == "10.0.0.5"
    assert "news.example resolves to 10.0.0.5, a private address" in str(refused.value)
    assert "--allow-private" in str(refused.value)


def test_metadata_is_refused_even_with_allow_private() -> None:
    def resolver(host: str, port: int) -> list[str]:
        return ["169.254.169.254"]

    with pytest.raises(AddressRefused, match="cloud metadata") as refused:
        resolve_checked("metadata.internal", 80, allow_private=True, resolver=resolver)
    assert "--allow-private" not in str(refused.value)


def test_unresolvable_and_slow_names_are_errors() -> None:
    with pytest.raises(ResolveError, match="no addresses"):
        resolve_checked("empty.example", 80, resolver=lambda host, port: [])

    import threading

    gate = threading.Event()

    def stuck(host: str, port: int) -> list[str]:
        gate.wait(5)
        return ["93.184.216.34"]

    try:
        with pytest.raises(ResolveError, match="no answer within"):
            resolve_checked("slow.example", 80, resolver=stuck, timeout=0.05)
    finally:
        gate.set()


class RecordingBackend(httpcore.NetworkBackend):
    """Stands in for the socket layer: records where it was asked to connect, connects nowhere."""

    def __init__(self, fail: set[str] | None = None) -> None:
        self.connected: list[tuple[str, int]] = []
        self.fail = fail or set()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # type: ignore[no-untyped-def]
        self.connected.append((host, port))
        if host in self.fail:
            raise httpcore.ConnectError(f"refused by {host}")
        return object()  # type: ignore[return-value]


def test_backend_connects_to_the_address_it_checked_after_one_lookup() -> None:
    """DNS pinning: one lookup, then the socket goes to that address, not to the name."""
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])  # a rebinding resolver: public, then loopback
    lookups: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        lookups.append(host)
        return next(answers)

    inner = RecordingBackend()
    backend = GuardedBackend(resolver=resolver, inner=inner)
    backend.connect_tcp("news.example", 443, timeout=1.0)
    assert lookups == ["news.example"]
    assert inner.connected == [("93.184.216.34", 443)]
    # The next connection resolves again, and is refused when the name now points inward.
    with pytest.raises(AddressRefused, match="loopback"):
        backend.connect_tcp("news.example", 443, timeout=1.0)
    assert inner.connected == [("93.184.216.34", 443)]


def test_backend_refuses_a_name_with_one_private_address_before_connecting() -> None:
    inner = RecordingBackend()
    backend = GuardedBackend(resolver=lambda host, port: ["93.184.216.34", "192.168.0.10"], inner=inner)
    with pytest.raises(AddressRefused, match=r"192\.168\.0\.10"):
        backend.connect_tcp("mixed.example", 80)
    assert inner.connected == []


def test_backend_tries_the_checked_addresses_in_order() -> None:
    inner = RecordingBackend(fail={"93.184.216.34"})
    backend = GuardedBackend(resolver=lambda host, port: ["93.184.216.34", "93.184.216.35"], inner=inner)
    backend.connect_tcp("two.example", 80)
    assert inner.connected == [("93.184.216.34", 80), ("93.184.216.35", 80)]


def test_backend_refuses_unix_sockets() -> None:
    with pytest.raises(httpcore.ConnectError, match="unix"):
        GuardedBackend(inner=RecordingBackend()).connect_unix_socket("/var/run/docker.sock")
