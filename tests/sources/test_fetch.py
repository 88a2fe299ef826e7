"""Tests for frontline.sources.fetch and for URLs read by frontline.sources.ingest, against a local server (no internet)."""

from __future__ import annotations

import datetime as dt
import gzip
import importlib
import io
import json
import shutil
import socket
import ssl
import subprocess
import time
import tracemalloc

import httpx
import pytest
from click.testing import CliRunner
from webserver import Route, serve

import frontline
from frontline.cli import cli
from frontline.errors import FetchError, InputError
from frontline.export.results import validate
from frontline.sources.fetch import Fetched, Fetcher, FetchSettings, is_url
from frontline.sources.ingest import read_inputs
from frontline.sources.language import LanguageDetector

# frontline.sources.ingest the module (the package's 'ingest' attribute is the API function of that name)
ingest = importlib.import_module("frontline.sources.ingest")

HTML = "text/html; charset=utf-8"
ARTICLE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Drone strike cuts power in Kharkiv | Kyiv Ledger</title>
<meta property="og:title" content="Drone strike cuts power in Kharkiv">
<meta property="og:site_name" content="Kyiv Ledger">
<meta property="article:published_time" content="2024-03-14T08:30:00+02:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Drone strike cuts power in Kharkiv</h1>
<p>Russian drones struck an electricity substation in Kharkiv overnight, cutting power to about 200,000
households, the regional governor Oleh Syniehubov said on Thursday morning.</p>
<p>Ukraine's air force said it had shot down 17 of the 22 Shahed drones launched from the Kursk region.
Emergency crews were still working at the site, and repairs would take several days, the operator said.</p>
<p>Two workers were injured by debris, according to the city's mayor, who urged residents to limit their
use of electricity during the evening hours while the grid was being restored.</p>
</article>
<footer>&copy; 2019 Kyiv Ledger. All rights reserved.</footer>
</body></html>
"""
# No date in the metadata, only a copyright year in the footer: the page has no known date.
UNDATED = ARTICLE.replace('<meta property="article:published_time" content="2024-03-14T08:30:00+02:00">\n', "")
PLAIN = ("Ukrainian forces repelled an attack near Avdiivka on Friday, the General Staff said. "
         "Three soldiers were wounded in the fighting, according to the statement.\n")
CP1251 = ARTICLE.replace('<meta charset="utf-8">', '<meta charset="windows-1251">').replace(
    "Kyiv Ledger</title>", "Kyiv Ledger – Київ</title>")


def routes() -> dict[str, Route]:
    return {
        "/article.html": Route(ARTICLE.encode(), headers={"Content-Type": HTML}),
        "/undated.html": Route(UNDATED.encode(), headers={"Content-Type": HTML}),
        "/plain.txt": Route(PLAIN.encode(), headers={"Content-Type": "text/plain"}),
        "/cp1251.html": Route(CP1251.encode("cp1251"), headers={"Content-Type": "text/html"}),
        "/moved": Route(status=301, headers={"Location": "/article.html"}),
        "/loop": Route(status=302, headers={"Location": "/loop"}),
        "/to-nowhere": Route(status=302, headers={"Location": "ftp://files.example/x"}),
        "/missing": Route(b"gone", status=404, headers={"Content-Type": "text/plain"}),
        "/broken": Route(b"oops", status=500, headers={"Content-Type": "text/plain"}),
        "/slow": Route(ARTICLE.encode(), headers={"Content-Type": HTML}, delay=1.5),
        "/doc.pdf": Route(b"%PDF-1.7\n...", headers={"Content-Type": "application/pdf"}),
        "/rss": Route(b"<rss/>", headers={"Content-Type": "application/rss+xml"}),
        "/photo": Route(b"\x89PNG....", headers={"Content-Type": "image/png"}),
        "/pdf-as-html": Route(b"%PDF-1.7\n\x00\x01binary", headers={"Content-Type": "text/html"}),
        "/big": Route(headers={"Content-Type": HTML}, stream_bytes=2 * 2**20),
        "/huge-declared": Route(headers={"Content-Type": HTML}, stream_bytes=50 * 2**20),
        "/huge-undeclared": Route(headers={"Content-Type": HTML}, stream_bytes=50 * 2**20, declare_length=False),
        "/gzipped.html": Route(gzip.compress(ARTICLE.encode()), headers={"Content-Type": HTML,
                                                                          "Content-Encoding": "gzip"}),
        # 50 MiB of spaces compressed to about 50 KiB
        "/bomb.html": Route(gzip.compress(b" " * 50 * 2**20), headers={"Content-Type": HTML, "Content-Encoding": "gzip"}),
        "/brotli.html": Route(b"...", headers={"Content-Type": HTML, "Content-Encoding": "br"}),
    }


@pytest.fixture(scope="module")
def server():
    with serve(routes()) as srv:
        yield srv


@pytest.fixture()
def fetcher():
    # a timeout far above the local server's answers, so a loaded machine does not turn them into timeouts;
    # test_timeout has its own short one
    with Fetcher(FetchSettings(allow_private=True, read_timeout=5.0, max_bytes=2**20)) as f:
        yield f


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


def read_urls(urls, detector, fetcher, published=None):
    return list(read_inputs(urls, published, detector=detector, fetcher=fetcher))


# --- the Fetcher --------------------------------------------------------------------------------------

def test_fetch_good_page(server, fetcher):
    got = fetcher.fetch(server.url("/article.html"))
    assert (got.url, got.content_type, got.charset) == (server.url("/article.html"), "text/html", "utf-8")
    assert got.body == ARTICLE.encode()


def test_redirect_is_followed_and_final_url_kept(server, fetcher):
    got = fetcher.fetch(server.url("/moved"))
    assert got.url == server.url("/article.html")


def test_errors_name_the_url_and_what_to_do(server, fetcher):
    def error(path: str) -> str:
        with pytest.raises(FetchError) as info:
            fetcher.fetch(server.url(path))
        assert info.value.url == server.url(path)
        return str(info.value)

    assert error("/missing") == (f"{server.url('/missing')}: the server answered 404 Not Found: the page does not "
                                 "exist (any more); check the address")
    assert error("/broken") == (f"{server.url('/broken')}: the server answered 500 Internal Server Error: the "
                                "server failed; try again later")
    assert error("/loop") == (f"{server.url('/loop')}: more than 5 redirects (last to {server.url('/loop')}), "
                              "probably a redirect loop: open the address in a browser to see where it leads")
    assert error("/doc.pdf") == (f"{server.url('/doc.pdf')}: the server sent a PDF (application/pdf), not a web "
                                 "page: frontline reads HTML and plain-text pages; save the article's text and pass "
                                 "it as a .txt file")
    assert error("/photo") == (f"{server.url('/photo')}: the server sent an image (image/png), not a web page: "
                               "frontline reads HTML and plain-text pages; save the article's text and pass it as a "
                               ".txt file")
    assert error("/rss") == (f"{server.url('/rss')}: the server sent XML (application/rss+xml), not a web page: if "
                             "it is an RSS or Atom feed, pass it with --feed (feeds=[...])")
    assert error("/to-nowhere") == (f"{server.url('/to-nowhere')}: redirected to ftp://files.example/x: unsupported "
                                    "scheme 'ftp': frontline fetches http:// and https:// addresses; pass files as "
                                    "paths")


def test_timeout(server):
    started = time.monotonic()
    with pytest.raises(FetchError) as info, Fetcher(FetchSettings(allow_private=True, read_timeout=0.5)) as fetcher:
        fetcher.fetch(server.url("/slow"))
    assert time.monotonic() - started < 1.4
    assert str(info.value) == (f"{server.url('/slow')}: no answer within 0.5 s: the server is too slow; try again "
                               "later or raise --timeout")


def test_oversize_streamed_body_is_abandoned_at_the_cap(server, fetcher):
    with pytest.raises(FetchError) as info:
        fetcher.fetch(server.url("/big"))     # 2 MiB declared, over the 1 MiB cap: refused before reading
    assert str(info.value) == (f"{server.url('/big')}: too large (declared as 2.0 MiB; the limit is 1 MiB): "
                               "frontline stopped reading; raise --max-size if this really is one article")
    with pytest.raises(FetchError) as info:
        fetcher.fetch(server.url("/huge-undeclared"))
    assert str(info.value) == (f"{server.url('/huge-undeclared')}: too large (the limit is 1 MiB): frontline "
                               "stopped reading; raise --max-size if this really is one article")


class CountingTransport(httpx.BaseTransport):
    """Counts the body bytes the client takes off the wire."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.read = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        counter = self

        class Counted(httpx.SyncByteStream):
            def __iter__(self):
                for chunk in response.stream:
                    counter.read += len(chunk)
                    yield chunk

            def close(self) -> None:
                response.stream.close()

        return httpx.Response(response.status_code, headers=response.headers, stream=Counted(),
                              extensions=response.extensions)


@pytest.mark.parametrize(("path", "least", "most"), [
    ("/huge-declared", 0, 0),
    ("/huge-undeclared", 10 * 2**20 + 1, 10 * 2**20 + 64 * 2**10),
])
def test_50_mib_page_is_not_read_whole(server, path, least, most):
    """With the default 10 MiB cap, a 50 MiB page fails: refused on its Content-Length before reading a byte,
    or abandoned within one chunk of the cap when it declares no length."""
    transport = CountingTransport()
    with httpx.Client(transport=transport) as client, pytest.raises(FetchError, match="too large"):
        Fetcher(FetchSettings(allow_private=True), client=client).fetch(server.url(path))
    assert least <= transport.read <= most


def test_gzip_is_decompressed_and_a_gzip_bomb_is_stopped_at_the_cap(server, fetcher):
    assert fetcher.fetch(server.url("/gzipped.html")).body == ARTICLE.encode()
    tracemalloc.start()
    try:
        with pytest.raises(FetchError) as info:
            fetcher.fetch(server.url("/bomb.html"))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(info.value).startswith(f"{server.url('/bomb.html')}: too large (the limit is 1 MiB):")
    assert peak < 8 * 2**20, peak       # the 1 MiB cap and its copies, not 50 MiB
    with pytest.raises(FetchError) as info:
        fetcher.fetch(server.url("/brotli.html"))
    assert str(info.value) == (f"{server.url('/brotli.html')}: the server compressed the answer with 'br', which "
                               "frontline does not read (it asks for gzip or deflate); save the page and pass it as "
                               "a file")


def test_private_addresses_are_refused_unless_allowed(server):
    asked = len(server.requests)
    with Fetcher() as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch(server.url("/article.html"))
    assert str(info.value) == (f"{server.url('/article.html')}: refused: '127.0.0.1' resolves to 127.0.0.1, a "
                               "loopback address; pass --allow-private (allow_private=True) to fetch from local or "
                               "private networks")
    assert len(server.requests) == asked      # refused before any request was sent


def test_every_resolved_address_is_checked_and_redirects_too():
    """A public-looking name that also resolves to a private address is refused; so is a redirect to one."""
    def resolve(host, port):
        return {"news.example": ["93.184.216.34", "10.0.0.7"]}.get(host, [host])

    with Fetcher(resolve=resolve) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch("http://news.example/a")
    assert str(info.value) == ("http://news.example/a: refused: 'news.example' resolves to 10.0.0.7, a private "
                               "address; pass --allow-private (allow_private=True) to fetch from local or private "
                               "networks")
    # The first hop goes to a public address (answered by a mock transport, no network), which redirects
    # to a link-local address: the second hop is refused before any request.
    seen: list[tuple[str, str]] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append((str(request.url), request.headers["Host"]))
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/"})

    with httpx.Client(transport=httpx.MockTransport(answer)) as client, pytest.raises(FetchError) as info:
        Fetcher(client=client, resolve=lambda host, port: ["93.184.216.34"] if host == "cdn.example" else [host]) \
            .fetch("http://cdn.example/story")
    assert str(info.value) == ("http://cdn.example/story: redirected to http://169.254.169.254/latest/: refused: "
                               "'169.254.169.254' resolves to 169.254.169.254, a link-local address; pass "
                               "--allow-private (allow_private=True) to fetch from local or private networks")
    # the request went to the checked address, under the host's name
    assert seen == [("http://93.184.216.34/story", "cdn.example")]


def test_connection_goes_to_the_checked_address_trying_each(server):
    """httpx never resolves the name itself: 'news.example' reaches the local server only through the resolver,
    whose first address has no listener (connection refused) and whose second is the server."""
    port = server.httpd.server_address[1]
    resolve = {"news.example": ["127.0.0.2", "127.0.0.1"]}.get
    with Fetcher(FetchSettings(allow_private=True), resolve=lambda host, _: resolve(host, [host])) as fetcher:
        got = fetcher.fetch(f"http://news.example:{port}/article.html")
    assert (got.url, got.body) == (f"http://news.example:{port}/article.html", ARTICLE.encode())
    assert server.hosts[-1] == f"news.example:{port}"


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to make a test certificate")
def test_https_connection_to_the_checked_address_keeps_the_name_for_sni_and_certificate(tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "2", "-subj", "/CN=news.example", "-addext", "subjectAltName=DNS:news.example"],
                   check=True, capture_output=True)
    with serve({"/a.html": Route(ARTICLE.encode(), headers={"Content-Type": HTML})}, tls=(str(cert), str(key))) as srv, \
            httpx.Client(verify=ssl.create_default_context(cafile=str(cert))) as client:
        port = srv.httpd.server_address[1]
        fetcher = Fetcher(FetchSettings(allow_private=True), client=client, resolve=lambda host, _: ["127.0.0.1"])
        assert fetcher.fetch(f"https://news.example:{port}/a.html").body == ARTICLE.encode()
        with pytest.raises(FetchError) as info:       # the certificate is for news.example only
            fetcher.fetch(f"https://other.example:{port}/a.html")
    assert str(info.value).startswith(f"https://other.example:{port}/a.html: the secure connection to "
                                      f"other.example:{port} failed (")
    assert str(info.value).endswith("): the site's certificate is not valid")


def test_bad_urls_and_unknown_hosts():
    def unknown(host, port):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    with Fetcher(resolve=unknown) as fetcher:
        for url, message in [
            ("ftp://files.example/a.txt", "unsupported scheme 'ftp': frontline fetches http:// and https:// "
                                          "addresses; pass files as paths"),
            ("http://", "no host name in the address: write it as https://host/path"),
            ("http://no-such-host.invalid/x", "cannot find the host 'no-such-host.invalid' (DNS lookup failed: "
                                              "name or service not known): check the address and the network "
                                              "connection"),
        ]:
            with pytest.raises(FetchError) as info:
                fetcher.fetch(url)
            assert str(info.value) == f"{url}: {message}"


def test_connection_refused():
    with socket.socket() as sock:     # a port that was free a moment ago and has no listener now
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    with Fetcher(FetchSettings(allow_private=True)) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch(url)
    assert str(info.value) == (f"{url}: could not connect to 127.0.0.1:{port} (connection refused): check the "
                               "address, or try again later")


def test_is_url():
    assert [is_url(v) for v in ("https://a.example/x", "HTTP://A", "ftp://x", "notes/a.html", "C:\\x.txt",
                                "http:/x")] == [True, True, True, False, False, False]


# --- URLs through read_inputs -------------------------------------------------------------------------

def test_page_title_date_outlet_and_url(server, fetcher, detector):
    (article,) = read_urls([server.url("/article.html")], detector, fetcher)
    assert (article.status, article.error) == ("ok", None)
    assert (article.path, article.url) == (None, server.url("/article.html"))
    assert article.title == "Drone strike cuts power in Kharkiv"
    assert article.source == "Kyiv Ledger"
    assert article.published == dt.date(2024, 3, 14)
    assert article.text.startswith("Drone strike cuts power in Kharkiv\nRussian drones struck an electricity "
                                   "substation in Kharkiv overnight")
    assert "All rights reserved" not in article.text and "Sport" not in article.text
    assert article.html == ARTICLE


def test_undated_page_takes_no_date_from_its_copyright_footer(server, fetcher, detector):
    (article,) = read_urls([server.url("/undated.html")], detector, fetcher, published=dt.date(2024, 5, 1))
    assert (article.status, article.published) == ("ok", dt.date(2024, 5, 1))
    (article,) = read_urls([server.url("/undated.html")], detector, fetcher)
    assert (article.status, article.published) == ("ok", None)


def test_plain_text_page_and_host_as_outlet(server, fetcher, detector):
    (article,) = read_urls([server.url("/plain.txt")], detector, fetcher)
    assert (article.status, article.text, article.source, article.title) == ("ok", PLAIN, "127.0.0.1", None)


def test_charset_from_meta_when_header_has_none(server, fetcher, detector):
    (article,) = read_urls([server.url("/cp1251.html")], detector, fetcher)
    assert article.status == "ok"
    assert article.html is not None and "Kyiv Ledger – Київ</title>" in article.html


@pytest.mark.parametrize(("body", "content_type", "charset", "text"), [
    ("<p>Київ</p>".encode("cp1251"), "text/html", "windows-1251", "<p>Київ</p>"),          # header
    ('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Москва</p>'.encode("koi8-r"),
     "text/html", None, '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>Москва</p>'),
    ("<p>Київ</p>".encode(), "text/html", "iso-8859-1", "<p>Київ</p>"),     # mislabelled UTF-8 stays UTF-8
    (b"<p>\x93Kyiv\x94</p>", "text/html", "iso-8859-1", "<p>\u201cKyiv\u201d</p>"),  # ISO-8859-1 read as cp1252
    (b"<p>caf\xe9</p>", "text/html", "no-such-charset", "<p>caf\u00e9</p>"),       # unknown label: the fallback
])
def test_page_charset(body, content_type, charset, text):
    assert ingest.decode_page(Fetched("http://x.example/", content_type, charset, body)) == text


def test_failed_urls_become_failed_records_and_reading_goes_on(server, fetcher, detector, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(PLAIN, encoding="utf-8")
    urls = [server.url("/missing"), "ftp://files.example/a", server.url("/pdf-as-html"), str(good),
            server.url("/article.html")]
    articles = read_urls(urls, detector, fetcher)
    assert [(a.status, a.path, a.url) for a in articles] == [
        ("failed", None, server.url("/missing")),
        ("failed", None, "ftp://files.example/a"),
        ("failed", None, server.url("/pdf-as-html")),
        ("ok", str(good), None),
        ("ok", None, server.url("/article.html")),
    ]
    assert articles[0].error.startswith(f"{server.url('/missing')}: the server answered 404 Not Found")
    assert articles[0].source == "127.0.0.1"
    assert articles[2].error == f"{server.url('/pdf-as-html')}: binary file (a PDF), not text: convert it to text, HTML or JSONL first"


def test_no_inputs_at_all_is_an_input_error():
    with pytest.raises(InputError, match="no input paths given"):
        read_inputs([], feeds=[])


def test_api_extract_urls_is_schema_valid(server, pipeline):
    results = frontline.extract([server.url("/article.html"), server.url("/missing")], allow_private=True,
                                pipeline=pipeline)
    out = io.StringIO()
    frontline.write(results, "json", out)
    payload = json.loads(out.getvalue())
    validate(payload)
    assert [(a["status"], a["url"], a["title"], a["source"], a["published"]) for a in payload["articles"]] == [
        ("ok", server.url("/article.html"), "Drone strike cuts power in Kharkiv", "Kyiv Ledger", "2024-03-14"),
        ("failed", server.url("/missing"), None, "127.0.0.1", None),
    ]
    assert any(e["event_type"] == "air_drone_strike" and e["location"] and e["location"]["name"] == "Kharkiv"
               for e in payload["events"])


def test_cli_extract_url_exits_3_when_one_fails(server):
    runner = CliRunner()
    refused = runner.invoke(cli, ["extract", server.url("/article.html")])
    assert refused.exit_code == 3, refused.output
    (article,) = json.loads(refused.stdout)["articles"]
    assert (article["status"], article["error"]) == (
        "failed", f"{server.url('/article.html')}: refused: '127.0.0.1' resolves to 127.0.0.1, a loopback address; "
                  "pass --allow-private (allow_private=True) to fetch from local or private networks")
    res = runner.invoke(cli, ["extract", "--allow-private", "--timeout", "5", "--max-size", "1",
                              server.url("/article.html"), server.url("/big")])
    assert res.exit_code == 3, res.output
    assert [(a["status"], a["title"], a["error"]) for a in json.loads(res.stdout)["articles"]] == [
        ("ok", "Drone strike cuts power in Kharkiv", None),
        ("failed", None, f"{server.url('/big')}: too large (declared as 2.0 MiB; the limit is 1 MiB): frontline "
                         "stopped reading; raise --max-size if this really is one article"),
    ]
    missing = runner.invoke(cli, ["extract"])
    assert missing.exit_code == 2 and "give inputs: PATHS (files, folders, URLs) and/or --feed URL" in missing.output


@pytest.mark.parametrize("address, kind", [
    ("2002:7f00:1::", "loopback"),                              # 6to4 of 127.0.0.1 (issue 25)
    ("2002:a00:7::1", "private"),                               # 6to4 of 10.0.0.7
    ("2002:a9fe:a9fe::", "link-local"),                         # 6to4 of 169.254.169.254 (cloud metadata)
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback"),       # Teredo, client 127.0.0.1
    ("64:ff9b::7f00:1", "loopback"),                            # NAT64 of 127.0.0.1
    ("64:ff9b::c0a8:101", "private"),                           # NAT64 of 192.168.1.1
    ("::ffff:10.0.0.1", "private"),                             # IPv4-mapped
])
def test_private_ipv4_inside_an_ipv6_address_is_refused(address, kind):
    with Fetcher(resolve=lambda host, port: [address]) as fetcher, pytest.raises(FetchError) as info:
        fetcher.fetch("http://news.example/a")
    assert f"resolves to {address}, a {kind} address" in str(info.value)


def test_a_public_6to4_address_is_fetched_as_any_other():
    from frontline.sources import fetch as fetch_module
    assert fetch_module._non_public_kind("2002:5db8:d822::1") is None       # 6to4 of 93.184.216.34
