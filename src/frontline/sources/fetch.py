"""Fetch web pages and feeds over HTTP(S) with limits: the network edge of the ingest stage.

A ``Fetcher`` holds one ``httpx.Client`` and its ``FetchSettings``; build it once, pass it in, close it
(``with Fetcher(settings) as fetcher: ...``). What it guards against:

- addresses that are not public: the host is resolved and every address it resolves to is checked
  (private, loopback, link-local, reserved, multicast, unspecified) before each request, redirects
  included, unless ``allow_private`` is set;
- slow servers (connect and read timeouts, and a deadline for the whole of one URL, its redirect hops and
  headers included: a watchdog shuts the connection down when it passes, so a server trickling one header
  byte a second, or six slow redirects, cannot hold a run; each request therefore asks for
  ``Connection: close``, so its socket is known). A caller may give a nearer deadline (a feed's, see
  ``frontline.sources.ingest``), and ``run_timeout`` bounds every fetch of one Fetcher;
- large bodies: a declared ``Content-Length`` over the cap is refused before reading, and the body is
  streamed and abandoned as soon as it passes the cap, so a huge page is never held in memory;
- redirect loops (at most ``max_redirects`` hops, followed by hand so each hop is checked);
- content that is not what was asked for (a PDF or an image where a web page or a feed was expected).

Every failure is a ``FetchError`` whose message names the URL, says what happened and what to do; httpx's
and the socket module's exceptions never leave this module.

The connection goes to the checked address itself (the host name is kept for the Host header, TLS SNI and
the certificate check), so a second DNS answer cannot send it elsewhere.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import re
import socket
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import httpx

from frontline.errors import FetchError

__all__ = ["Fetcher", "FetchSettings", "Fetched", "Kind", "is_url", "PAGE_TYPES", "FEED_TYPES"]

log = logging.getLogger(__name__)

Kind = Literal["page", "feed"]
Resolver = Callable[[str, int], list[str]]

PAGE_TYPES: frozenset[str] = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES: frozenset[str] = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                                        "application/xml", "text/xml"})
_ACCEPT = {"page": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8",
           "feed": "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.8"}
_WHAT = {"page": "a web page", "feed": "an RSS or Atom feed"}
_READS = {"page": "frontline reads HTML and plain-text pages", "feed": "frontline reads RSS and Atom feeds"}
# Named so the message says what the server sent instead of a bare media type.
_KNOWN_TYPES = {"application/pdf": "a PDF", "application/zip": "a ZIP archive", "application/json": "JSON",
                "application/octet-stream": "binary data", "application/msword": "a Word document"}
_SCHEMES = ("http", "https")
_URL_START = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(value: object) -> bool:
    """True for a string that starts with a scheme and '://' (http://, https://, ftp:// ...): an address, not a path.

    Other schemes than http(s) count too, so that 'ftp://host/x' fails as an unsupported address rather
    than as a missing file.
    """
    return isinstance(value, str) and _URL_START.match(value) is not None


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Limits for fetching.

    Attributes:
        connect_timeout: seconds to wait for a connection.
        read_timeout: seconds to wait for each piece of the answer.
        total_timeout: seconds for one URL, every redirect hop, headers and body included, so a server that
            trickles bytes or redirects slowly cannot hold a run.
        feed_timeout: seconds for one feed: the feed and all its entries' pages.
        run_timeout: seconds for all the fetching of one Fetcher (one run); None for no bound.
        concurrency: a feed's entries fetched at once (each on its own connection of the one client).
        max_bytes: the largest body read (after decompression); larger ones are abandoned while streaming.
        max_redirects: redirects followed before giving up.
        allow_private: fetch from private, loopback, link-local and reserved addresses too.
        user_agent: the User-Agent header sent.
    """

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    feed_timeout: float = 300.0
    run_timeout: float | None = None
    concurrency: int = 4
    max_bytes: int = 10 * 2**20
    max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = "frontline/0.1 (news event extraction)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A body that was fetched whole: where it ended up, what the server said it is, and its bytes."""

    url: str                    # the final URL, after redirects
    content_type: str | None    # media type, lower case, without parameters; None when the server sent none
    charset: str | None         # the charset parameter of Content-Type, if any
    body: bytes


class Fetcher:
    """Fetches pages and feeds with the limits of its settings; one ``httpx.Client`` per Fetcher.

    Args:
        settings: the limits; defaults when not given.
        client: an httpx client to use instead of building one, e.g. for its TLS or proxy configuration
            (the caller keeps and closes it); the settings' timeouts and User-Agent still apply.
        resolve: ``(host, port) -> [address, ...]``; the system resolver by default. Raises ``OSError``
            (``socket.gaierror``) when the host is unknown.
    """

    def __init__(self, settings: FetchSettings | None = None, *, client: httpx.Client | None = None,
                 resolve: Resolver | None = None) -> None:
        self.settings = settings or FetchSettings()
        s = self.settings
        self._timeout = httpx.Timeout(connect=s.connect_timeout, read=s.read_timeout, write=s.read_timeout,
                                      pool=s.connect_timeout)
        self._own_client = client is None
        self._client = client or httpx.Client()
        self._resolve = resolve or _system_resolve
        self._run_end = None if s.run_timeout is None else time.monotonic() + s.run_timeout

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP client (only when this Fetcher built it)."""
        if self._own_client:
            self._client.close()

    def fetch(self, url: str, kind: Kind = "page", *, deadline: float | None = None) -> Fetched:
        """Fetch one URL whole, following redirects, within the settings' limits.

        Args:
            url: an http:// or https:// URL.
            kind: ``page`` (HTML, XHTML or plain text) or ``feed`` (RSS, Atom or XML): the content types
                accepted and the Accept header sent.
            deadline: a ``time.monotonic()`` time by which the fetch must be done (a feed's), when nearer than
                the URL's own ``total_timeout`` and the Fetcher's ``run_timeout``.

        Raises:
            FetchError: the URL is malformed or refused, the host is unknown or unreachable, the server is
                too slow, answers with an error, redirects too often, or sends too much or the wrong type.
        """
        current = url
        end = _Deadline.nearest(self.settings, deadline, self._run_end)
        for hop in range(self.settings.max_redirects + 1):
            if end.passed():
                raise FetchError(url, f"{_via(url, current)}{end.message()}")
            target, addresses = self._check_url(current, url)
            try:
                fetched_or_next = self._get_any(target, addresses, url, kind, end)
            except httpx.TimeoutException as exc:
                raise _timeout_error(url, current, exc, self.settings) from None
            except httpx.HTTPError as exc:
                raise FetchError(url, _via(url, current) + _transport_reason(exc, target)) from None
            except httpx.InvalidURL as exc:
                raise FetchError(url, f"{_via(url, current)}not a valid web address ({exc}): check it") from None
            if isinstance(fetched_or_next, Fetched):
                return fetched_or_next
            log.debug("%s redirects to %s (hop %d)", current, fetched_or_next, hop + 1)
            current = fetched_or_next
        raise FetchError(url, f"{url}: more than {self.settings.max_redirects} redirects (last to {current}), probably a "
                              "redirect loop: open the address in a browser to see where it leads")

    def _check_url(self, current: str, url: str) -> tuple[httpx.URL, list[str]]:
        """Parse a URL, check its scheme and host, resolve the host and (unless allowed) check that every
        address is public; return the URL and the addresses to connect to."""
        try:
            target = httpx.URL(current)
        except (httpx.InvalidURL, ValueError) as exc:
            raise FetchError(url, f"{_via(url, current)}not a valid web address ({exc}): check it") from None
        if target.scheme not in _SCHEMES:
            raise FetchError(url, f"{_via(url, current)}unsupported scheme '{target.scheme or '(none)'}': frontline "
                                  "fetches http:// and https:// addresses; pass files as paths")
        if not target.host:
            raise FetchError(url, f"{_via(url, current)}no host name in the address: write it as https://host/path")
        port = target.port or (443 if target.scheme == "https" else 80)
        try:
            addresses = self._resolve(target.raw_host.decode("ascii"), port)
        except (OSError, UnicodeError) as exc:
            raise FetchError(url, f"{_via(url, current)}cannot find the host '{target.host}' (DNS lookup failed: "
                                  f"{_os_reason(exc)}): check the address and the network connection") from None
        if not self.settings.allow_private:
            for address in addresses:
                kind = _non_public_kind(address)
                if kind:
                    raise FetchError(url, f"{_via(url, current)}refused: '{target.host}' resolves to {address}, a "
                                          f"{kind} address; pass --allow-private (allow_private=True) to fetch from "
                                          "local or private networks")
        if not addresses:
            raise FetchError(url, f"{_via(url, current)}the host '{target.host}' has no address: check the address")
        return target, addresses

    def _get_any(self, target: httpx.URL, addresses: list[str], url: str, kind: Kind,
                 end: _Deadline) -> Fetched | str:
        """Request from each address in turn until one accepts the connection."""
        for address in addresses[:-1]:
            try:
                return self._get(target, address, url, kind, end)
            except httpx.ConnectError:
                log.debug("cannot connect to %s at %s; trying the next address", target.host, address)
        return self._get(target, addresses[-1], url, kind, end)

    def _get(self, target: httpx.URL, address: str, url: str, kind: Kind, end: _Deadline) -> Fetched | str:
        """One request to one checked address: the whole body, or the URL a redirect points to."""
        s = self.settings
        # The connection goes to the address that was checked, not to a second DNS answer (which could
        # point somewhere else: DNS rebinding); Host and, for TLS, SNI and the certificate check keep the
        # host name.
        host = target.raw_host.decode("ascii")
        # Connection: close, so every request opens its own connection and the watchdog knows its socket.
        headers = {"Accept": _ACCEPT[kind], "Accept-Encoding": "gzip, deflate", "Host": target.netloc.decode("ascii"),
                   "User-Agent": s.user_agent, "Connection": "close"}
        watchdog = _Watchdog(end.left())
        extensions: dict[str, Any] = {"sni_hostname": host} if target.scheme == "https" else {}
        extensions["trace"] = watchdog.trace
        pinned = target.copy_with(host=address.split("%", 1)[0])
        try:
            return self._exchange(pinned, headers, extensions, target, url, kind, end)
        except httpx.HTTPError:
            if watchdog.fired:
                raise FetchError(url, f"{_via(url, str(target))}{end.message()}") from None
            raise
        finally:
            watchdog.cancel()

    def _exchange(self, pinned: httpx.URL, headers: dict[str, str], extensions: dict, target: httpx.URL, url: str,
                  kind: Kind, end: _Deadline) -> Fetched | str:
        s = self.settings
        # Redirects are followed by hand (fetch), so each hop's address is checked; also with a given client.
        with self._client.stream("GET", pinned, headers=headers, extensions=extensions, timeout=self._timeout,
                                 follow_redirects=False) as response:
            where = _via(url, str(target))
            if response.is_redirect:
                location = response.headers.get("location", "")
                if not location.strip():
                    raise FetchError(url, f"{where}the server answered {_status(response)} without saying where to")
                return str(target.join(location.strip()))
            if response.status_code >= 400:
                raise FetchError(url, f"{where}the server answered {_status(response)}: "
                                      f"{_status_hint(response.status_code)}")
            if not 200 <= response.status_code < 300:
                raise FetchError(url, f"{where}the server answered {_status(response)} instead of the content: "
                                      "open the address in a browser to see what it sends")
            media_type, charset = _content_type(response.headers.get("content-type"))
            _check_type(url, where, media_type, kind)
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > s.max_bytes:
                raise FetchError(url, f"{where}{_too_large(s, f'declared as {int(declared) / 2**20:.1f} MiB; ')}")
            decompress = _decompressor(url, where, response.headers.get("content-encoding"))
            body = bytearray()
            for raw in response.iter_raw():
                # Bounded to one byte past the cap, so a small compressed bomb cannot expand in memory.
                body += decompress(raw, s.max_bytes + 1 - len(body)) if decompress else raw
                if len(body) > s.max_bytes:
                    raise FetchError(url, f"{where}{_too_large(s)}")
                if end.passed():
                    raise FetchError(url, f"{where}{end.message()}")
            return Fetched(url=str(target), content_type=media_type, charset=charset, body=bytes(body))


@dataclass(frozen=True, slots=True)
class _Deadline:
    """When a fetch must be done, and which limit set that time (for the message)."""

    at: float
    what: str

    @classmethod
    def nearest(cls, s: FetchSettings, feed: float | None, run: float | None) -> _Deadline:
        now = time.monotonic()
        found = cls(now + s.total_timeout, f"the download took longer than {s.total_timeout:g} s (the limit for one "
                                           "address, its redirects included): the server is too slow; try again later")
        if feed is not None and feed < found.at:
            found = cls(feed, f"the feed's {s.feed_timeout:g} s were used up before this page came: the servers "
                              "are too slow; try again later or read fewer entries (--max-entries)")
        if run is not None and run < found.at:
            found = cls(run, f"the run's {s.run_timeout:g} s for fetching were used up: try again later")
        return found

    def left(self) -> float:
        return max(0.0, self.at - time.monotonic())

    def passed(self) -> bool:
        return time.monotonic() > self.at

    def message(self) -> str:
        return self.what


class _Watchdog:
    """Shuts a request's connection down when its deadline passes, wherever the request is waiting.

    httpx's timeouts apply to each read, so a server sending a byte just within each one is never cut off;
    this deadline covers the whole exchange. The socket is learnt from httpcore's ``trace`` events when the
    connection is made (a duplicate of its descriptor is kept, so shutting it down works under TLS too);
    the blocked read then fails and ``fired`` tells that failure from a real one.
    """

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def trace(self, event: str, info: dict) -> None:
        if event != "connection.connect_tcp.complete":
            return
        raw = info.get("return_value")
        sock = raw.get_extra_info("socket") if raw is not None else None
        if sock is None:
            return
        with self._lock:
            if self._sock is None:
                self._sock = socket.socket(fileno=os.dup(sock.fileno()))
            if self.fired:        # the deadline passed while connecting
                self._shutdown()

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            self._shutdown()

    def _shutdown(self) -> None:
        if self._sock is not None:
            try:
                self._sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass            # already closed by the other side

    def cancel(self) -> None:
        self._timer.cancel()
        with self._lock:
            if self._sock is not None:
                self._sock.close()      # the duplicate only; httpx closes the connection itself
                self._sock = None


# --- helpers ------------------------------------------------------------------------------------------

def _system_resolve(host: str, port: int) -> list[str]:
    """The host's addresses in the system's order of preference, without repeats."""
    # an address is a str for the IPv4 and IPv6 families, the only ones a TCP lookup gives
    found = (str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
    return list(dict.fromkeys(found))


def _non_public_kind(address: str) -> str | None:
    """'loopback', 'private', ... for an address frontline must not fetch from by default; None when public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])     # drop an IPv6 zone ('fe80::1%eth0')
    if isinstance(ip, ipaddress.IPv6Address):
        # an IPv6 address that carries an IPv4 one reaches that address: IPv4-mapped (::ffff:127.0.0.1), 6to4
        # (2002:7f00:1::), Teredo (2001::/32, the client's address), NAT64 (64:ff9b::/96 and 64:ff9b:1::/48)
        for inner in _embedded_ipv4(ip):
            kind = _non_public_kind(str(inner))
            if kind:
                return kind
        if ip.ipv4_mapped:
            ip = ip.ipv4_mapped
    for kind, flag in (("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
                       ("unspecified", ip.is_unspecified), ("multicast", ip.is_multicast),
                       ("private", ip.is_private), ("reserved", ip.is_reserved)):
        if flag:
            return kind
    return None if ip.is_global else "non-public"


_NAT64 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (mapped, 6to4, Teredo server and client, NAT64)."""
    found = [a for a in (ip.ipv4_mapped, ip.sixtofour) if a is not None]
    if ip.teredo:
        found += list(ip.teredo)
    if any(ip in net for net in _NAT64):
        found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return found


def _decompressor(url: str, where: str, encoding: str | None) -> Callable[[bytes, int], bytes] | None:
    """A bounded ``(data, max_length) -> bytes`` decompressor for the Content-Encoding; None for none.

    httpx's own decoders expand each chunk whole (a 64 KiB gzip chunk can become 64 MiB), so the body is
    read raw and decompressed here with zlib's output limit. Only gzip and deflate are asked for.
    """
    encoding = (encoding or "identity").strip().lower()
    if encoding == "identity":
        return None
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"{where}the server compressed the answer with '{encoding}', which frontline does not "
                              "read (it asks for gzip or deflate); save the page and pass it as a file")
    decoder = zlib.decompressobj(32 + zlib.MAX_WBITS)     # 32: a gzip or a zlib header, detected

    def decompress(data: bytes, max_length: int) -> bytes:
        try:
            return decoder.decompress(data, max(max_length, 1))
        except zlib.error as exc:
            raise FetchError(url, f"{where}the server's compressed answer is broken ({exc}); try again later") from None

    return decompress


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header or not header.strip():
        return None, None
    media_type, *params = (part.strip() for part in header.split(";"))
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip(" \"'"):
            charset = value.strip(" \"'")
    return media_type.lower() or None, charset


def _check_type(url: str, where: str, media_type: str | None, kind: Kind) -> None:
    """Refuse content that is not the kind asked for; a missing Content-Type is let through to be sniffed."""
    if media_type is None:
        return
    accepted = PAGE_TYPES if kind == "page" else FEED_TYPES
    if media_type in accepted or (kind == "feed" and media_type.endswith("+xml")):
        return
    if kind == "page" and media_type in FEED_TYPES:
        raise FetchError(url, f"{where}the server sent XML ({media_type}), not a web page: if it is an RSS or Atom "
                              "feed, pass it with --feed (feeds=[...])")
    major = media_type.partition("/")[0]
    what = _KNOWN_TYPES.get(media_type) or {"image": "an image", "audio": "audio", "video": "a video"}.get(major)
    sent = f"{what} ({media_type})" if what else f"'{media_type}'"
    hint = "save the article's text and pass it as a .txt file" if kind == "page" else \
        "pass the address of the RSS or Atom feed itself"
    raise FetchError(url, f"{where}the server sent {sent}, not {_WHAT[kind]}: {_READS[kind]}; {hint}")


def _too_large(s: FetchSettings, declared: str = "") -> str:
    return (f"too large ({declared}the limit is {s.max_bytes / 2**20:g} MiB): frontline stopped reading; raise "
            "--max-size if this really is one article")


def _status(response: httpx.Response) -> str:
    return f"{response.status_code} {response.reason_phrase}".strip()


def _status_hint(code: int) -> str:
    if code in (404, 410):
        return "the page does not exist (any more); check the address"
    if code in (401, 403):
        return "the server does not let frontline read it (login or paywall); save the article's text and pass " \
               "it as a file"
    if code == 429:
        return "too many requests; wait and try again later"
    if code >= 500:
        return "the server failed; try again later"
    return "check the address"


def _via(url: str, current: str) -> str:
    """The message prefix: the URL, and the redirect target when the problem is there."""
    return f"{url}: " if current == url else f"{url}: redirected to {current}: "


def _timeout_error(url: str, current: str, exc: httpx.TimeoutException, s: FetchSettings) -> FetchError:
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchError(url, f"{_via(url, current)}no connection within {s.connect_timeout:g} s: the server is down "
                               "or unreachable; try again later")
    return FetchError(url, f"{_via(url, current)}no answer within {s.read_timeout:g} s: the server is too slow; try "
                           "again later or raise --timeout")


def _transport_reason(exc: httpx.HTTPError, target: httpx.URL) -> str:
    cause = exc.__context__ or exc.__cause__
    text = str(exc) or type(exc).__name__
    where = f"{target.host}:{target.port or (443 if target.scheme == 'https' else 80)}"
    if isinstance(exc, httpx.ConnectError):
        if "refused" in text.lower() or isinstance(cause, ConnectionRefusedError):
            return f"could not connect to {where} (connection refused): check the address, or try again later"
        if "certificate" in text.lower() or "ssl" in text.lower():
            return f"the secure connection to {where} failed ({text}): the site's certificate is not valid"
        return f"could not connect to {where} ({text}): check the address and the network connection"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the server at {where} broke off or sent a malformed answer ({text}); try again later"
    if isinstance(exc, httpx.DecodingError):
        return f"the server's answer could not be decompressed ({text})"
    return f"the request failed ({type(exc).__name__}: {text}); try again later"


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__
