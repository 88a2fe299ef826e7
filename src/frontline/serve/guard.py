"""The REST server's outer wall: an ASGI middleware that caps what a request may send and sets the security
headers of every answer.

- A request body is read by the guard first, up to ``max_body`` bytes: a declared ``Content-Length`` over the
  cap is refused at once, an undeclared (chunked) body as soon as it passes the cap, so no request can make
  the server hold more than ``max_body`` bytes. The app then reads the buffered body as usual.
- A query string longer than ``max_query`` bytes is refused (414): every filter has a use far below it.
- Every answer carries ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY``, ``Referrer-Policy:
  no-referrer`` and a ``Content-Security-Policy`` that lets the page load only its own scripts and styles
  (inline ones too, which the API docs page needs) and images from itself or https map tiles.
- No CORS headers are ever added: a page on another origin cannot read the answers (the browser's default).
- With ``allowed_hosts``, a request whose ``Host`` header names another host is refused (400): a page on an
  attacker's domain that re-points its name at 127.0.0.1 (DNS rebinding) cannot read a local server.
  ``frontline serve`` always passes them (127.0.0.1, localhost and ::1 by default, plus ``--allowed-host``).
  Starlette's ``TrustedHostMiddleware`` does the same, but answers in plain text, not problem+json.

``check_token`` refuses a write token anyone could guess (empty, or shorter than ``MIN_TOKEN`` characters).

Refusals are ``application/problem+json`` like the app's own errors.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, Final

__all__ = ["Guard", "DEFAULT_HOSTS", "MAX_BODY_BYTES", "MAX_QUERY_BYTES", "MIN_TOKEN", "SECURITY_HEADERS",
           "check_token", "host_name"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: The largest request body accepted (a POST of articles): 10 MiB.
MAX_BODY_BYTES: Final = 10 * 2**20
#: The longest query string accepted.
MAX_QUERY_BYTES: Final = 4096
SECURITY_HEADERS: Final = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"content-security-policy", b"default-src 'self'; script-src 'self' 'unsafe-inline'; "
                                 b"style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
                                 b"connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
)


#: The shortest write token accepted: 16 characters (``secrets.token_urlsafe(16)`` gives 22).
MIN_TOKEN: Final = 16
#: The host names a server answers by default: this machine's own.
DEFAULT_HOSTS: Final = ("127.0.0.1", "localhost", "::1")


def check_token(token: str | None) -> None:
    """Refuse a write token that is empty or shorter than ``MIN_TOKEN`` characters (None: a read-only server).

    Raises:
        ValueError: the token is too short, with what to do.
    """
    if token is not None and len(token.strip()) < MIN_TOKEN:
        raise ValueError(f"the token must be at least {MIN_TOKEN} characters (an empty or short one is guessed); "
                         "make one with: python -c 'import secrets; print(secrets.token_urlsafe(24))', or leave "
                         "--token out for a read-only server")


def host_name(host: str) -> str:
    """The host name of a ``Host`` header, without its port, lower-cased ('[::1]:8000' -> '::1')."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].partition("]")[0]
    name, colon, port = host.rpartition(":")
    return name if colon and port.isdigit() and ":" not in name else host


class _TooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: ``Guard(app, max_body=..., max_query=..., allowed_hosts=...)`` (see the module doc)."""

    def __init__(self, app: ASGIApp, *, max_body: int = MAX_BODY_BYTES, max_query: int = MAX_QUERY_BYTES,
                 allowed_hosts: tuple[str, ...] | None = None) -> None:
        self.app, self.max_body, self.max_query = app, max_body, max_query
        self.allowed_hosts = None if allowed_hosts is None else frozenset(host_name(h) for h in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((n, v) for n, v in SECURITY_HEADERS if n not in present)]
            await send(message)

        if self.allowed_hosts is not None:
            host = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
            if host_name(host) not in self.allowed_hosts:
                await _refuse(send_with_headers, 400, "Unknown host",
                              "this server does not answer to that host name; start it with --allowed-host NAME "
                              "to add one")
                return
        if len(scope.get("query_string", b"")) > self.max_query:
            await _refuse(send_with_headers, 414, "URI Too Long",
                          f"the query string is longer than {self.max_query} bytes; ask for less at a time")
            return
        declared = dict(scope.get("headers", [])).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body:
            await _refuse(send_with_headers, 413, "Content Too Large", self._body_detail())
            return
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            try:
                body = await self._read_body(receive)
            except _TooLarge:
                await _refuse(send_with_headers, 413, "Content Too Large", self._body_detail())
                return
            receive = _replay(body, receive)
        await self.app(scope, receive, send_with_headers)

    def _body_detail(self) -> str:
        return f"the request body is larger than {self.max_body // 2**20} MiB; send the articles in smaller batches"

    async def _read_body(self, receive: Receive) -> bytes:
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                raise _TooLarge
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that gives the buffered body once, then whatever the connection says (a disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _refuse(send: Send, status: int, title: str, detail: str) -> None:
    body = json.dumps({"type": "about:blank", "title": title, "status": status, "detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/problem+json"),
                            (b"content-length", str(len(body)).encode()), (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
