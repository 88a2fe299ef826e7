"""A local HTTP server for the fetch and feed tests: http.server in a thread on 127.0.0.1, ephemeral port.

Each route is a ``Route``: status, headers and body, or a body streamed in chunks (counting the bytes the
server managed to send), or a delay before answering. Nothing here touches the internet.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What the server answers on one path."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0                 # seconds to wait before answering
    stream_bytes: int = 0              # when > 0: send this many bytes of filler in 64 KiB chunks
    declare_length: bool = True        # with stream_bytes: send Content-Length (else end by closing)
    sent: int = 0                      # bytes of the streamed body the server managed to send


class LocalServer:
    """Routes by path; ``url(path)`` gives the address of a path on this server."""

    def __init__(self, routes: dict[str, Route], tls: tuple[str, str] | None = None) -> None:
        self.routes = routes
        self.scheme = "https" if tls else "http"
        self.requests: list[str] = []           # paths asked for, in order
        self.hosts: list[str] = []              # the Host header of each request
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"{self.scheme}://{host}:{port}{path}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # http.server's name
                server.requests.append(self.path)
                server.hosts.append(self.headers.get("Host", ""))
                route = server.routes.get(self.path)
                if route is None:
                    route = Route(b"not here", status=404, headers={"Content-Type": "text/plain"})
                if route.delay:
                    time.sleep(route.delay)
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.stream_bytes:
                    self._stream(route)
                    return
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    self.wfile.write(route.body)
                except OSError:      # the client gave up waiting (the timeout test): nothing to report
                    pass

            def _stream(self, route: Route) -> None:
                if route.declare_length:
                    self.send_header("Content-Length", str(route.stream_bytes))
                else:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
                try:
                    while route.sent < route.stream_bytes:
                        self.wfile.write(chunk)
                        self.wfile.flush()
                        route.sent += len(chunk)
                except OSError:      # the client hung up: exactly what the size cap should do
                    pass

            def log_message(self, format: str, *args: object) -> None:  # http.server's signature
                pass

        return Handler


@contextmanager
def serve(routes: dict[str, Route], tls: tuple[str, str] | None = None) -> Iterator[LocalServer]:
    """Run a LocalServer in a thread for the duration of the block; HTTPS with ``tls=(certfile, keyfile)``."""
    server = LocalServer(routes, tls)
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()
