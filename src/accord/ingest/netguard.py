"""Guard outgoing connections against SSRF: which addresses a fetch may reach, checked at connect time.

Every host name is resolved once, every address it resolves to is checked, and the connection
is then opened to one of those checked addresses (never to the name, which a second DNS lookup
could turn into another address: DNS rebinding). `GuardedBackend` does this inside httpcore, so
httpx still sends `Host:` and TLS SNI for the name and verifies the certificate against it.

Refused unless `allow_private=True`: loopback, private (RFC 1918), link-local, carrier-grade NAT
(100.64.0.0/10), unique-local (fc00::/7), site-local, multicast, broadcast, reserved,
documentation and benchmarking ranges, unspecified (`0.0.0.0`, `::`), and IPv6 addresses that
embed one of those IPv4 addresses (IPv4-mapped, 6to4, NAT64). Cloud metadata endpoints are refused
even with `allow_private=True`: no intranet article lives there, and reaching them is the usual
goal of an SSRF.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from typing import Any

import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# host, port -> the addresses it resolves to, as strings, in the order to try them.
Resolver = Callable[[str, int], Sequence[str]]

PRIVATE_HINT = "use --allow-private to fetch from private networks"

_V4 = ipaddress.IPv4Network
_V6 = ipaddress.IPv6Network

# Cloud metadata and host-agent endpoints: AWS/GCP/Azure/OpenStack/Oracle, AWS ECS and EKS,
# Alibaba, Azure's wire server, AWS's IPv6 endpoint. Refused even with allow_private.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",
        "169.254.170.2",
        "169.254.170.23",
        "169.254.169.123",
        "100.100.100.200",
        "168.63.129.16",
        "fd00:ec2::254",
        "fd00:ec2::23",
    )
)

# First match wins, so narrower ranges come before the ranges that contain them.
_V4_RANGES: tuple[tuple[_V4, str], ...] = tuple(
    (_V4(net), kind)
    for net, kind in (
        ("0.0.0.0/8", "unspecified (this-host) address"),
        ("127.0.0.0/8", "loopback address"),
        ("10.0.0.0/8", "private address"),
        ("172.16.0.0/12", "private address"),
        ("192.168.0.0/16", "private address"),
        ("100.64.0.0/10", "carrier-grade NAT address"),
        ("169.254.0.0/16", "link-local address"),
        ("192.0.0.0/24", "reserved (IETF protocol) address"),
        ("192.0.2.0/24", "documentation address"),
        ("198.51.100.0/24", "documentation address"),
        ("203.0.113.0/24", "documentation address"),
        ("198.18.0.0/15", "benchmarking address"),
        ("192.88.99.0/24", "reserved (6to4 relay) address"),
        ("224.0.0.0/4", "multicast address"),
        ("255.255.255.255/32", "broadcast address"),
        ("240.0.0.0/4", "reserved address"),
    )
)
_V6_RANGES: tuple[tuple[_V6, str], ...] = tuple(
    (_V6(net), kind)
    for net, kind in (
        ("::/128", "unspecified address"),
        ("::1/128", "loopback address"),
        ("::/96", "reserved (IPv4-compatible) address"),
        ("64:ff9b:1::/48", "private (local NAT64) address"),
        ("100::/64", "reserved (discard) address"),
        ("2001:db8::/32", "documentation address"),
        ("3fff::/20", "documentation address"),
        ("2001::/23", "reserved (IETF protocol) address"),
        ("fc00::/7", "unique-local address"),
        ("fe80::/10", "link-local address"),
        ("fec0::/10", "site-local address"),
        ("ff00::/8", "multicast address"),
    )
)
_NAT64 = _V6("64:ff9b::/96")


class AddressRefused(Exception):
    """A connection the policy does not allow; the message says which address and why."""

    def __init__(self, host: str, address: str, kind: str, *, lifted_by_flag: bool = True) -> None:
        shown = host if host == address else f"{host} resolves to {address}"
        hint = f" ({PRIVATE_HINT})" if lifted_by_flag else ""
        super().__init__(f"refused: {shown}, a {kind}{hint}")
        self.host = host
        self.address = address
        self.kind = kind


class ResolveError(Exception):
    """A host name that does not resolve (or not in time)."""


def parse_ip(host: str) -> IPAddress | None:
    """Read a host written as an IP address in any spelling a resolver accepts, else None.

    Besides the usual forms this reads `[::1]`, zone ids (`fe80::1%eth0`) and the inet_aton
    forms that getaddrinfo also accepts: `2130706433`, `0x7f000001`, `0177.0.0.1`, `127.1`.
    """
    text = host.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    text = text.split("%", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    return _inet_aton(text)


def _inet_aton(text: str) -> ipaddress.IPv4Address | None:
    parts = text.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    values: list[int] = []
    for part in parts:
        try:
            if part[:2].lower() == "0x":
                value = int(part[2:], 16) if part[2:] else 0
            elif len(part) > 1 and part.startswith("0"):
                value = int(part[1:], 8)
            else:
                value = int(part, 10) if part.isdigit() else -1
        except ValueError:
            return None
        if value < 0:
            return None
        values.append(value)
    *head, last = values
    if any(value > 255 for value in head) or last >= 256 ** (4 - len(head)):
        return None
    number = last
    for index, value in enumerate(head):
        number += value << (8 * (3 - index))
    return ipaddress.IPv4Address(number)


def address_kind(ip: IPAddress) -> str | None:
    """Name the kind of non-public address `ip` is ("loopback address", ...), or None if public."""
    if ip in METADATA_ADDRESSES:
        return "cloud metadata address"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            kind = address_kind(embedded)
            return f"{kind} (embedded in {ip})" if kind else None
        ranges: Iterable[tuple[Any, str]] = _V6_RANGES
    else:
        ranges = _V4_RANGES
    for network, kind in ranges:
        if ip in network:
            return kind
    return None if ip.is_global else "non-public address"


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv4-mapped, 6to4 or NAT64 address reaches."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_problem(ip: IPAddress, *, allow_private: bool = False) -> str | None:
    """Why the policy refuses `ip` (its kind), or None when a fetch may connect to it."""
    kind = address_kind(ip)
    if kind is None:
        return None
    if allow_private and not kind.startswith("cloud metadata"):
        return None
    return kind


def system_resolver(host: str, port: int) -> list[str]:
    """Resolve with getaddrinfo, keeping each address once, in the order the system prefers."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise ResolveError(f"cannot resolve {host} ({error})") from None
    addresses: list[str] = []
    for family, _type, _proto, _name, sockaddr in infos:
        if family in (socket.AF_INET, socket.AF_INET6) and sockaddr[0] not in addresses:
            addresses.append(str(sockaddr[0]))
    return addresses


def resolve_checked(
    host: str,
    port: int,
    *,
    allow_private: bool = False,
    resolver: Resolver = system_resolver,
    timeout: float | None = None,
) -> list[str]:
    """Resolve `host` once and check every address; raise AddressRefused if any is not allowed.

    One bad address refuses the host: a name that resolves to a public and a private address is
    exactly what a rebinding attacker serves. Returns the addresses to connect to.
    """
    literal = parse_ip(host)
    if literal is not None:
        addresses = [str(literal)]
    else:
        addresses = list(_call_with_timeout(resolver, host, port, timeout))
        if not addresses:
            raise ResolveError(f"cannot resolve {host} (no addresses)")
    for address in addresses:
        ip = parse_ip(address)
        if ip is None:
            raise ResolveError(f"cannot resolve {host} (resolver returned {address!r})")
        kind = address_problem(ip, allow_private=allow_private)
        if kind is not None:
            raise AddressRefused(host, str(ip), kind, lifted_by_flag=not kind.startswith("cloud metadata"))
    return addresses


def _call_with_timeout(resolver: Resolver, host: str, port: int, timeout: float | None) -> Sequence[str]:
    """getaddrinfo has no timeout of its own: run it in a daemon thread and stop waiting in time."""
    if timeout is None:
        return resolver(host, port)
    future: Future[Sequence[str]] = Future()

    def run() -> None:
        try:
            future.set_result(resolver(host, port))
        except BaseException as error:
            future.set_exception(error)

    threading.Thread(target=run, name=f"resolve {host}", daemon=True).start()
    try:
        return future.result(timeout)
    except TimeoutError:
        raise ResolveError(f"cannot resolve {host} (no answer within {timeout:g} s)") from None


class GuardedBackend(httpcore.NetworkBackend):
    """An httpcore network backend that resolves, checks, and connects to the checked address.

    httpcore hands `connect_tcp` the URL's host name; this backend resolves it (once), refuses
    the connection if any address is not allowed, and asks the inner backend to connect to the
    address itself. httpcore then starts TLS with `server_hostname` set to the URL's host, so
    SNI and certificate verification still use the name. Unix sockets are refused outright.
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        resolver: Resolver = system_resolver,
        inner: httpcore.NetworkBackend | None = None,
    ) -> None:
        self.allow_private = allow_private
        self.resolver = resolver
        self.inner = inner or httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = resolve_checked(
                host, port, allow_private=self.allow_private, resolver=self.resolver, timeout=timeout
            )
        except ResolveError as error:
            raise httpcore.ConnectError(str(error)) from None
        last: Exception | None = None
        for address in addresses:
            try:
                return self.inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address, socket_options=socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                last = error
        assert last is not None
        raise last

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("refused: unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)
