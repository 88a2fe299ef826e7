"""The fetch deadline covers the whole exchange, headers included: a server trickling its headers one byte at a
time cannot hold a run (a raw socket server on 127.0.0.1; no internet)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from frontline.errors import FetchError
from frontline.sources.fetch import Fetcher, FetchSettings


@contextmanager
def trickling_server(head: bytes, gap: float, body: bytes = b"") -> Iterator[str]:
    """Accepts connections and sends ``head`` one byte every ``gap`` seconds, then ``body``."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve_one(conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                for byte in head:
                    if stop.is_set():
                        return
                    conn.sendall(bytes([byte]))
                    time.sleep(gap)
                conn.sendall(body)
            except OSError:
                return

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            threading.Thread(target=serve_one, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/page.html"
    finally:
        stop.set()
        thread.join()
        listener.close()


def test_slow_headers_are_cut_by_the_total_deadline():
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Filler: " + b"a" * 400 + b"\r\n\r\n"
    settings = FetchSettings(allow_private=True, read_timeout=1.0, total_timeout=1.5)
    with trickling_server(head, gap=0.05) as url, Fetcher(settings) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"took longer than 1.5 s"):
            fetcher.fetch(url)
        assert time.monotonic() - started < 4


def test_slow_body_after_quick_headers_is_cut_too():
    body = b"<html>" + b"x" * 400
    head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    settings = FetchSettings(allow_private=True, read_timeout=1.0, total_timeout=1.0)
    with trickling_server(head, gap=0.001, body=b"") as url, Fetcher(settings) as fetcher:
        # headers come in about 0.1 s, then the body never does: the read timeout or the deadline ends it
        started = time.monotonic()
        with pytest.raises(FetchError):
            fetcher.fetch(url)
        assert time.monotonic() - started < 3


def test_a_fast_server_within_the_deadline_is_read_whole():
    body = b"<html><body><p>Hello</p></body></html>"
    head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    settings = FetchSettings(allow_private=True, read_timeout=1.0, total_timeout=3.0)
    with trickling_server(head, gap=0.0, body=body) as url, Fetcher(settings) as fetcher:
        for _ in range(3):      # the deadline of one fetch does not leak into the next
            assert fetcher.fetch(url).body == body
