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


# --- issue 25: one deadline per URL across its redirects, per feed and per run; feed entries fetched together ---

def _slow_redirects(hops: int, delay: float) -> dict:
    from webserver import Route
    routes = {f"/hop{i}": Route(status=302, headers={"Location": f"/hop{i + 1}"}, delay=delay) for i in range(hops)}
    routes[f"/hop{hops}"] = Route(b"<html><body><p>Shelling in Kharkiv.</p></body></html>",
                                  headers={"Content-Type": "text/html"})
    return routes


def test_the_deadline_covers_every_redirect_hop_of_one_url():
    """Each hop had its own deadline: six slow hops took six times the limit (303 s for one URL)."""
    from webserver import serve
    settings = FetchSettings(allow_private=True, read_timeout=5.0, total_timeout=1.5)
    with serve(_slow_redirects(4, 0.6)) as server, Fetcher(settings) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"took longer than 1.5 s .*redirects included"):
            fetcher.fetch(server.url("/hop0"))
        assert time.monotonic() - started < 2.5


def test_the_run_deadline_bounds_every_fetch_of_a_fetcher():
    from webserver import serve
    settings = FetchSettings(allow_private=True, read_timeout=5.0, total_timeout=10.0, run_timeout=1.0)
    with serve(_slow_redirects(1, 0.7)) as server, Fetcher(settings) as fetcher:
        fetcher.fetch(server.url("/hop0"))
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"run's 1 s for fetching were used up"):
            fetcher.fetch(server.url("/hop0"))
        assert time.monotonic() - started < 1.0


def _feed(server, n: int) -> str:
    items = "".join(f"<item><title>Story {i}</title><link>{server.url(f'/story{i}')}</link></item>" for i in range(n))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'


def _feed_server(n: int, delay: float):
    from webserver import Route, serve
    page = (b"<html><body><article><p>Russian forces shelled Kharkiv on Tuesday, the governor said. Two people "
            b"were wounded.</p></article></body></html>")
    routes = {f"/story{i}": Route(page, headers={"Content-Type": "text/html"}, delay=delay) for i in range(n)}
    routes["/feed.xml"] = Route(b"", headers={"Content-Type": "application/rss+xml"})
    server_cm = serve(routes)
    server = server_cm.__enter__()
    routes["/feed.xml"].body = _feed(server, n).encode()
    return server_cm, server


def test_feed_entries_are_fetched_concurrently_within_a_bound():
    from frontline.sources.ingest import read_inputs
    cm, server = _feed_server(8, 0.5)
    try:
        settings = FetchSettings(allow_private=True, concurrency=4)
        started = time.monotonic()
        with Fetcher(settings) as fetcher:
            records = list(read_inputs([], feeds=[server.url("/feed.xml")], fetcher=fetcher))
        took = time.monotonic() - started
    finally:
        cm.__exit__(None, None, None)
    assert len(records) == 8 and all(r.error is None or "not English" not in r.error for r in records)
    assert took < 8 * 0.5          # one at a time: 4 s; four at a time: about 1 s


def test_a_feed_has_one_deadline_for_all_its_entries():
    """A 3-entry feed of slow pages took 182 s; 50 entries could take hours."""
    from frontline.sources.ingest import read_inputs
    cm, server = _feed_server(6, 1.0)
    try:
        settings = FetchSettings(allow_private=True, concurrency=2, feed_timeout=1.5, read_timeout=5.0)
        started = time.monotonic()
        with Fetcher(settings) as fetcher:
            records = list(read_inputs([], feeds=[server.url("/feed.xml")], fetcher=fetcher))
        took = time.monotonic() - started
    finally:
        cm.__exit__(None, None, None)
    assert len(records) == 6
    late = [r for r in records if r.status == "failed"]
    assert late and all("feed's 1.5 s were used up" in r.error for r in late)
    assert took < 3.0
