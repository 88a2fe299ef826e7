"""Tests for frontline.sources.feeds and feeds read by frontline.sources.ingest, against a local server (no internet)."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from test_fetch import ARTICLE, HTML, UNDATED
from webserver import Route, serve

from frontline.api import stored_results
from frontline.cli import cli
from frontline.errors import FetchError, InputError
from frontline.sources.feeds import FeedEntry, read_feed
from frontline.sources.fetch import Fetcher, FetchSettings
from frontline.sources.ingest import read_inputs
from frontline.sources.language import LanguageDetector

# The second entry's page does not exist; the first one's date is late evening in Kyiv, the next day in
# UTC+2 terms is what the publisher wrote: the local date (15 March) is kept, not the UTC one.
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Kyiv Ledger - War</title><link>{base}/</link><description>War news</description>
<item><title>Drone strike cuts power in Kharkiv</title><link>{base}/article.html</link>
  <pubDate>Fri, 15 Mar 2024 00:30:00 +0200</pubDate><description>A teaser that is not the article.</description></item>
<item><title>A story that was taken down</title><link>{base}/missing</link>
  <pubDate>Wed, 13 Mar 2024 10:00:00 +0200</pubDate></item>
<item><title>Undated page, dated entry</title><link>{base}/undated.html</link>
  <pubDate>Tue, 12 Mar 2024 09:15:00 GMT</pubDate></item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Front Notes</title><id>urn:front-notes</id><updated>2024-03-16T12:00:00Z</updated>
<entry><title>Relative link, updated only</title><link href="/undated.html"/><id>urn:1</id>
  <updated>2024-03-16T23:10:00-05:00</updated></entry>
<entry><title>No link at all</title><id>urn:2</id><updated>2024-03-16T08:00:00Z</updated></entry>
<entry><title>Same link again</title><link href="/undated.html"/><id>urn:3</id><updated>2024-03-15T08:00:00Z</updated></entry>
</feed>
"""
# Another story (its text differs, so its id does too), with no date and no site name in its metadata.
OTHER = UNDATED.replace('<meta property="og:site_name" content="Kyiv Ledger">\n', "").replace(
    "Two workers were injured", "Three workers were injured")
EMPTY = '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'


@pytest.fixture(scope="module")
def server():
    routes = {
        "/article.html": Route(ARTICLE.encode(), headers={"Content-Type": HTML}),
        "/undated.html": Route(OTHER.encode(), headers={"Content-Type": HTML}),
        "/empty.xml": Route(EMPTY.encode(), headers={"Content-Type": "application/rss+xml"}),
        "/not-a-feed.xml": Route(b"<html><body><p>hello</p></body></html>", headers={"Content-Type": "text/xml"}),
        "/page-as-feed": Route(ARTICLE.encode(), headers={"Content-Type": HTML}),
        "/gone.xml": Route(b"no", status=404, headers={"Content-Type": "text/plain"}),
    }
    with serve(routes) as srv:
        base = srv.url("")
        routes["/rss.xml"] = Route(RSS.format(base=base).encode(), headers={"Content-Type": "application/rss+xml"})
        routes["/atom.xml"] = Route(ATOM.encode(), headers={"Content-Type": "application/atom+xml; charset=utf-8"})
        yield srv


@pytest.fixture()
def fetcher():
    with Fetcher(FetchSettings(allow_private=True, read_timeout=2)) as f:
        yield f


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


def test_read_rss(server, fetcher):
    feed = read_feed(fetcher, server.url("/rss.xml"))
    assert (feed.url, feed.title, feed.total) == (server.url("/rss.xml"), "Kyiv Ledger - War", 3)
    assert feed.entries == (
        FeedEntry(1, server.url("/article.html"), "Drone strike cuts power in Kharkiv", dt.date(2024, 3, 15)),
        FeedEntry(2, server.url("/missing"), "A story that was taken down", dt.date(2024, 3, 13)),
        FeedEntry(3, server.url("/undated.html"), "Undated page, dated entry", dt.date(2024, 3, 12)),
    )


def test_read_atom_relative_links_updated_dates_and_repeats(server, fetcher):
    feed = read_feed(fetcher, server.url("/atom.xml"))
    assert (feed.title, feed.total) == ("Front Notes", 3)
    assert feed.entries == (
        FeedEntry(1, server.url("/undated.html"), "Relative link, updated only", dt.date(2024, 3, 16)),
        FeedEntry(2, None, "No link at all", dt.date(2024, 3, 16)),
    )


def test_max_entries(server, fetcher):
    feed = read_feed(fetcher, server.url("/rss.xml"), max_entries=2)
    assert ([e.number for e in feed.entries], feed.total) == ([1, 2], 3)


def test_feed_errors(server, fetcher):
    with pytest.raises(InputError) as info:
        read_feed(fetcher, server.url("/not-a-feed.xml"))
    assert str(info.value).startswith(f"{server.url('/not-a-feed.xml')}: not an RSS or Atom feed")
    with pytest.raises(FetchError) as info:
        read_feed(fetcher, server.url("/page-as-feed"))
    assert str(info.value) == (f"{server.url('/page-as-feed')}: the server sent 'text/html', not an RSS or Atom "
                               "feed: frontline reads RSS and Atom feeds; pass the address of the RSS or Atom feed "
                               "itself")
    with pytest.raises(FetchError, match="404 Not Found"):
        read_feed(fetcher, server.url("/gone.xml"))


def test_feed_entries_become_articles_and_a_404_entry_fails_alone(server, fetcher, detector):
    articles = list(read_inputs([], feeds=[server.url("/rss.xml")], detector=detector, fetcher=fetcher))
    assert [(a.status, a.url, a.title, a.published, a.source) for a in articles] == [
        ("ok", server.url("/article.html"), "Drone strike cuts power in Kharkiv", dt.date(2024, 3, 15),
         "Kyiv Ledger"),
        ("failed", server.url("/missing"), "A story that was taken down", dt.date(2024, 3, 13), "Kyiv Ledger - War"),
        ("ok", server.url("/undated.html"), "Undated page, dated entry", dt.date(2024, 3, 12), "Kyiv Ledger - War"),
    ]
    assert articles[1].error == (f"{server.url('/missing')}: the server answered 404 Not Found: the page does not "
                                 "exist (any more); check the address")
    assert articles[0].text.startswith("Drone strike cuts power in Kharkiv\nRussian drones struck")


def test_bad_feeds_are_records_and_the_run_goes_on(server, fetcher, detector):
    feeds = [server.url("/gone.xml"), server.url("/empty.xml"), "feeds/war.xml", server.url("/atom.xml")]
    articles = list(read_inputs([], feeds=feeds, detector=detector, fetcher=fetcher))
    assert [(a.status, a.path, a.url, a.error) for a in articles] == [
        ("failed", None, server.url("/gone.xml"), f"{server.url('/gone.xml')}: the server answered 404 Not Found: "
                                                  "the page does not exist (any more); check the address"),
        ("skipped", None, server.url("/empty.xml"), f"{server.url('/empty.xml')}: the feed has no entries"),
        ("failed", "feeds/war.xml", None, "feeds/war.xml: unsupported scheme '(none)': frontline fetches http:// "
                                          "and https:// addresses; pass files as paths"),
        ("ok", None, server.url("/undated.html"), None),
        ("failed", None, f"{server.url('/atom.xml')}#entry-2",
         f"{server.url('/atom.xml')}: entry 2 has no link to an article"),
    ]
    assert (articles[3].title, articles[3].published, articles[3].source) == (
        "Relative link, updated only", dt.date(2024, 3, 16), "Front Notes")
    assert (articles[4].title, articles[4].source) == ("No link at all", "Front Notes")


def test_default_fetcher_refuses_local_feeds(server, detector):
    (article,) = read_inputs([], feeds=[server.url("/rss.xml")], detector=detector)
    assert article.status == "failed" and "a loopback address; pass --allow-private" in article.error
    (article,) = read_inputs([], feeds=[server.url("/empty.xml")], detector=detector,
                             fetch_settings=FetchSettings(allow_private=True))
    assert article.status == "skipped"


def test_cli_ingest_feed(server, tmp_path):
    db = tmp_path / "web.db"
    res = CliRunner().invoke(cli, ["ingest", "--db", str(db), "--allow-private", "--max-entries", "3",
                                   "--feed", server.url("/rss.xml")])
    assert res.exit_code == 3, res.output
    assert res.stderr.startswith("3 articles read: 2 ok, 0 skipped, 1 failed;")
    stored = sorted((r.article.url, r.article.status, r.article.source) for r in stored_results(db))
    assert stored == [
        (server.url("/article.html"), "ok", "Kyiv Ledger"),
        (server.url("/missing"), "failed", "Kyiv Ledger - War"),
        (server.url("/undated.html"), "ok", "Kyiv Ledger - War"),
    ]
