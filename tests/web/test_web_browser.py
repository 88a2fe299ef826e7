"""The page as a person uses it: Playwright drives Debian's chromium against `frontline serve` on the sample corpus.

Needs /usr/bin/chromium (`.ci/run` installs it with apt-get; in CI its absence fails the run, elsewhere it
skips). Screenshots go to artefacts/screenshots/ (gitignored). FRONTLINE_WEB_TEST_URL runs the same tests
against a server you started yourself.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from frontline import api

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = os.environ.get("FRONTLINE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parent.parent.parent / "artefacts" / "screenshots"
READY = "body[data-ready]"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.loads(r.read())


def _wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"frontline serve exited with {proc.returncode}: {proc.stderr.read().decode()[-2000:]}")
        try:
            _get(f"{url}api/events?limit=1")
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"frontline serve did not answer at {url} within {timeout} s")


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline):
    """The base URL of a `frontline serve` on a store built from the sample corpus."""
    given = os.environ.get("FRONTLINE_WEB_TEST_URL")
    if given:
        yield given.rstrip("/") + "/"
        return
    pytest.importorskip("frontline.serve.app", reason="the REST API (issue 15) is not in this tree yet")
    db = tmp_path_factory.mktemp("web") / "sample.db"
    api.ingest([api.sample_corpus()], db, pipeline=pipeline)
    port = _free_port()
    exe = shutil.which("frontline", path=str(Path(sys.executable).parent)) or "frontline"
    proc = subprocess.Popen([exe, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_up(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium with apt-get")
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    """A fresh page that records console errors; screenshots itself at the end of the test."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{request.node.name}.png"))
    ctx.close()


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(READY, timeout=30_000)


def _settle(page) -> None:
    """Wait for the refresh an interaction started (it clears the ready flag first, then sets it)."""
    page.wait_for_function("() => document.body.dataset.ready === '1'", timeout=30_000)


def _state(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def _on_map(page) -> int:
    """Events the map holds, in view or not."""
    return int(page.get_attribute("#map", "data-markers"))


def _shown_on_map(page) -> int:
    """Events drawn in view: single markers plus the counts written on cluster icons."""
    return page.evaluate("""() => {
        const single = document.querySelectorAll('path.ev-marker').length;
        const clustered = [...document.querySelectorAll('.marker-cluster span')].reduce((s, e) => s + Number(e.textContent), 0);
        return single + clustered; }""")


def _events(server: str, query: str = "") -> list[dict]:
    items, cursor = [], None
    while True:
        q = f"{query}&limit=1000" + (f"&cursor={cursor}" if cursor else "")
        page = _get(f"{server}api/events?{q.lstrip('&')}")
        items += page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            return items


def _precision(event: dict) -> str | None:
    """The location precision the page reads: a top-level location_precision if the API gives one, else location's."""
    return event.get("location_precision") or (event.get("location") or {}).get("precision")


def _located(server: str, query: str = "") -> int:
    """Events the map draws as points: those placed at a settlement (an area-only event is never a point)."""
    return sum(1 for e in _events(server, query) if _precision(e) == "settlement" and e["location"].get("lat") is not None)


def test_page_loads_without_console_errors_and_shows_the_events(page, server):
    _open(page, server)
    assert page.errors == []
    total = _get(f"{server}api/events?limit=1")["total"]
    assert total > 0
    assert page.text_content("#counts").startswith(f"{total} event")
    assert _on_map(page) == _located(server) > 0
    assert 0 < _shown_on_map(page) <= _on_map(page)
    assert page.locator("#event-list li").count() == min(total, 50)
    # the base map drew its oblasts, from the package, not a tile server
    assert page.locator("#map path.leaflet-interactive").count() >= 27


def _histogram_x(page, server: str, day: str) -> float:
    days = sorted(d["date"] for d in _get(f"{server}api/stats/histogram")["days"])
    first, last = days[0], days[-1]
    import datetime as dt
    n = (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days + 1
    i = (dt.date.fromisoformat(day) - dt.date.fromisoformat(first)).days
    box = page.locator("#histogram").bounding_box()
    pad_left, pad_right = 34, 8     # histogram.js PAD
    return box["x"] + pad_left + (i + 0.5) * (box["width"] - pad_left - pad_right) / n


def test_the_brush_filters_the_map_the_list_and_the_counts(page, server):
    _open(page, server)
    before = _on_map(page)
    box = page.locator("#histogram").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(_histogram_x(page, server, "2022-06-01"), y)
    page.mouse.down()
    page.mouse.move(_histogram_x(page, server, "2022-06-15"), y, steps=5)
    page.mouse.move(_histogram_x(page, server, "2022-06-30"), y, steps=5)
    page.mouse.up()
    _settle(page)
    state = _state(page)
    since, until = state["since"][0], state["until"][0]
    assert "2022-05-20" <= since <= "2022-06-10" and "2022-06-20" <= until <= "2022-07-10"
    total = _get(f"{server}api/events?limit=1&since={since}&until={until}")["total"]
    assert page.text_content("#counts").startswith(f"{total} event")
    after = _on_map(page)
    assert after == _located(server, f"since={since}&until={until}")
    assert 0 < after < before
    assert 0 < _shown_on_map(page) <= after
    assert page.errors == []


def test_play_steps_the_brushed_range_one_day_at_a_time(page, server):
    _open(page, f"{server}?since=2022-06-23&until=2022-06-24")
    page.click("#play")
    page.wait_for_function("() => new URLSearchParams(location.search).get('until') >= '2022-06-26'", timeout=30_000)
    page.click("#play")
    state = _state(page)
    assert state["since"][0] > "2022-06-23"
    assert page.errors == []


def test_a_facet_filters_the_markers_and_is_kept_in_the_url(page, server):
    _open(page, server)
    before = _on_map(page)
    page.check("#type-territory_captured")
    _settle(page)
    assert _state(page)["type"] == ["territory_captured"]
    after = _on_map(page)
    assert after == _located(server, "type=territory_captured")
    assert 0 < after < before
    assert 0 < _shown_on_map(page) <= after
    kinds = page.locator("#event-list li strong").all_text_contents()
    assert kinds and set(kinds) == {"territory captured"}
    # the URL is the view: reopening it gives the same filter
    _open(page, page.url)
    assert page.is_checked("#type-territory_captured")
    assert _on_map(page) == after


def test_clicking_a_marker_shows_its_sentence_highlighted_in_the_article(page, server):
    # zoomed in on Hirske (clustering ends at zoom 9), captures only
    _open(page, f"{server}?type=territory_captured&view=48.75,38.45,10")
    # a marker drawn inside the map and on top at its centre (the SVG overlay reaches beyond the map's box)
    point = page.evaluate("""() => {
        const box = document.querySelector('#map').getBoundingClientRect();
        for (const m of document.querySelectorAll('path.ev-marker')) {
            const r = m.getBoundingClientRect();
            const x = r.x + r.width / 2, y = r.y + r.height / 2;
            if (x > box.left && x < box.right && y > box.top && y < box.bottom && document.elementFromPoint(x, y) === m)
                return [x, y];
        }
        return null; }""")
    assert point, "no event marker in view"
    page.mouse.click(*point)
    page.wait_for_selector("mark.evidence")
    event_id = _state(page)["event"][0]
    event = _get(f"{server}api/events/{event_id}")
    sentence = event["evidence"]["sentence"]
    assert page.text_content("mark.evidence.main").strip() == sentence.strip()
    # every other sentence that told the event (its toll, the headline) is marked alike
    marked = [m.strip() for m in page.locator("mark.evidence").all_text_contents()]
    assert sorted(marked) == sorted(e["sentence"].strip() for e in [event["evidence"], *event.get("more_evidence", [])])
    # the mark sits inside the article's text, not beside it
    assert sentence in page.text_content(".article-text")
    assert len(page.text_content(".article-text")) > len(sentence) + 100
    claimant = event["claim"]["claimed_by"]
    assert page.text_content("dd.claimant").startswith(claimant["name"] if claimant else "the article")
    assert page.text_content("dd.modality") == event["claim"]["modality"]
    assert page.errors == []


def test_an_event_told_in_several_sentences_marks_each_of_them(page, server):
    # issue 28: the attack, its toll and the headline are one event; the Evidence tab marks every sentence of it
    told = [e for e in _get(f"{server}api/events?limit=1000")["items"] if e.get("more_evidence")]
    assert told, "the sample corpus has events told in several sentences"
    event = told[0]
    _open(page, f"{server}?event={event['event_id']}")
    page.wait_for_selector("mark.evidence.main")
    assert page.text_content("mark.evidence.main").strip() == event["evidence"]["sentence"].strip()
    marked = [m.strip() for m in page.locator(".article-text mark.evidence").all_text_contents()]
    assert sorted(marked) == sorted(e["sentence"].strip() for e in [event["evidence"], *event["more_evidence"]])
    assert page.errors == []


def test_the_control_layer_colours_hirske_ru_after_24_june_2022(page, server):
    _open(page, f"{server}?control=1&since=2022-06-01&until=2022-06-20&events=0")
    before = page.locator('path.ctl-marker[data-place="Hirske"]')
    assert before.count() == 0 or before.get_attribute("data-state") != "RU"
    _open(page, f"{server}?control=1&since=2022-06-25&until=2022-06-26&events=0")
    hirske = page.locator('path.ctl-marker[data-place="Hirske"]')
    assert hirske.get_attribute("data-state") == "RU"
    assert hirske.get_attribute("fill") == "#c0262d"
    hirske.click()
    page.wait_for_selector("#tab-place .timeline")
    text = page.text_content("#tab-place")
    assert "Hirske" in text and "held by Russia's side 2022-06-24" in text
    assert page.errors == []


def test_export_gives_the_current_filter_as_csv_and_geojson(page, server):
    import csv
    import io
    _open(page, f"{server}?type=armed_clash")
    total = _get(f"{server}api/events?limit=1&type=armed_clash")["total"]
    with page.expect_download() as d:
        page.click("#export-csv")
    rows = list(csv.DictReader(io.StringIO(Path(d.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == total > 0
    wanted = {e["event_id"] for e in _get(f"{server}api/events?limit=1000&type=armed_clash")["items"]}
    assert {r["event_id_cnty"] for r in rows} == wanted
    with page.expect_download() as d:
        page.click("#export-geojson")
    features = json.loads(Path(d.value.path()).read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["event_type"] for f in features} == {"armed_clash"}
    # a point for every event placed at a settlement, none for an area-only one (as the page draws them)
    at_settlement = {e["event_id"] for e in _events(server, "type=armed_clash")
                     if e.get("location") and e["location"].get("precision") == "settlement"}
    assert {f["properties"]["event_id"] for f in features if f["geometry"]} == at_settlement


def _marker_near(page, lat: float, lon: float, px: float = 4) -> list[str]:
    """Event markers and cluster icons drawn within px pixels of a map coordinate (reopened there at zoom 11)."""
    return page.evaluate("""([px]) => {
        const box = document.querySelector('#map').getBoundingClientRect();
        const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
        return [...document.querySelectorAll('path.ev-marker, .marker-cluster')].filter((m) => {
            const r = m.getBoundingClientRect();
            return Math.hypot(r.x + r.width / 2 - cx, r.y + r.height / 2 - cy) <= px; }).map((m) => m.className.baseVal ?? m.className); }""",
        [px])


def test_no_event_located_only_to_an_oblast_or_a_country_is_a_point(page, server):
    events = _events(server)
    coarse = [e for e in events if e.get("location") and _precision(e) != "settlement"]
    # the sample store holds country-level ('Ukraine', 'Russia') and oblast-level events, and a region ('Donbas')
    assert {"country", "admin1"} <= {_precision(e) for e in coarse}
    _open(page, server)
    # the map holds exactly the settlement-placed events as points; the header counts the three kinds
    placed = _located(server)
    assert _on_map(page) == placed
    unplaced = sum(1 for e in events if not e.get("location"))
    counts = page.locator("#counts")
    assert (counts.get_attribute("data-placed"), counts.get_attribute("data-coarse"), counts.get_attribute("data-unplaced")) \
        == (str(placed), str(len(coarse)), str(unplaced))
    assert f"{len(coarse)} only to an area" in page.text_content("#counts")
    # oblast-level events shade their oblast, with their count on it
    by_oblast: dict[str, int] = {}
    for e in coarse:
        if _precision(e) != "country" and e["location"].get("admin1"):
            by_oblast[e["location"]["admin1"]] = by_oblast.get(e["location"]["admin1"], 0) + 1
    assert by_oblast
    for oblast, n in by_oblast.items():
        assert page.locator(f'#map path.area-shape[data-area="{oblast}"]').count() >= 1
        assert page.text_content(f'.area-count[data-area="{oblast}"]').strip() == str(n)
    # a country or a region, which the map has no outline for, is counted in the panel
    panel = page.text_content("#area-panel")
    for e in coarse:
        if _precision(e) in ("country", "region"):
            assert e["location"]["name"] in panel
    assert page.get_attribute("#area-panel", "data-coarse") == str(len(coarse))
    # and nothing is drawn where an area-only event's coordinates (a centroid) lie, at any zoom a person uses
    spots = {(e["location"]["lat"], e["location"]["lon"]) for e in coarse if e["location"].get("lat") is not None}
    settlements = {(e["location"]["lat"], e["location"]["lon"]) for e in events if _precision(e) == "settlement"}
    for lat, lon in sorted(spots - settlements)[:6]:
        for zoom in (6, 11):
            _open(page, f"{server}?view={lat},{lon},{zoom}")
            page.wait_for_timeout(300)   # cluster icons are drawn after the ready flag
            assert _marker_near(page, lat, lon) == [], f"a marker at the area-only point {lat},{lon} (zoom {zoom})"
    assert page.errors == []


def test_markers_on_one_point_spread_out_on_click(page, server):
    # eleven sample events are located at Sievierodonetsk's one point; at zoom 11 they are one cluster
    events = [e for e in _events(server, "settlement=Sievierodonetsk") if _precision(e) == "settlement"]
    spots = {(e["location"]["lat"], e["location"]["lon"]) for e in events}
    assert len(spots) == 1 and len(events) > 5
    lat, lon = spots.pop()
    _open(page, f"{server}?view={lat},{lon},11")
    page.wait_for_timeout(300)
    cluster = page.locator(".marker-cluster").filter(has_text=str(len(events)))
    assert cluster.count() == 1
    cluster.click()
    page.wait_for_function(f"() => document.querySelectorAll('path.ev-marker').length >= {len(events)}", timeout=10_000)
    page.wait_for_timeout(400)   # the spiderfy animation
    centres = page.evaluate("""() => [...document.querySelectorAll('path.ev-marker')].map((m) => {
        const r = m.getBoundingClientRect(); return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)]; })""")
    assert len({tuple(c) for c in centres}) >= len(events), "the markers still sit on one another"
    # each one can be reached: a click on the last opens its evidence
    page.locator("path.ev-marker").last.click(force=True)
    page.wait_for_selector("mark.evidence")
    assert _state(page)["event"][0] in {e["event_id"] for e in events}
    assert page.errors == []


def test_the_zoom_button_follows_the_zoom_and_the_brush_label_says_the_filters_dates(page, server):
    # a brushed range ending after the last event of a type: ticking the type shortens the timeline under the
    # brush, which then reached past its end (the label said the type's last day, the URL the range's)
    import datetime as dt
    last = max(d["date"] for d in _get(f"{server}api/stats/histogram")["days"])
    kind, kind_last = next((k, m) for k in _get(f"{server}api/stats/facets")["type"]
                           if (m := max(d["date"] for d in _get(f"{server}api/stats/histogram?type={k}")["days"])) < last)
    since = (dt.date.fromisoformat(kind_last) - dt.timedelta(days=20)).isoformat()
    _open(page, f"{server}?since={since}&until={last}")
    page.click("#zoom")
    assert "on" in page.get_attribute("#zoom", "class") and "zoomed in" in page.text_content("#brush-label")
    page.check(f"#type-{kind}")
    _settle(page)
    zoomed = "zoomed in" in page.text_content("#brush-label")
    assert ("on" in (page.get_attribute("#zoom", "class") or "")) == zoomed
    assert page.get_attribute("#zoom", "aria-pressed") == str(zoomed).lower()
    state = _state(page)
    assert (state["since"][0], state["until"][0]) == (since, last)
    assert page.text_content("#brush-label").startswith(f"{since} – {last}")
    page.click("#zoom")
    assert "zoomed in" not in page.text_content("#brush-label") and "on" not in page.get_attribute("#zoom", "class")
    assert page.errors == []


def test_the_header_counts_the_articles_behind_the_filter(page, server):
    _open(page, f"{server}?type=territory_captured")
    articles = {e["article_id"] for e in _events(server, "type=territory_captured")}
    assert f"from {len(articles)} article" in page.text_content("#counts")
    _open(page, server)
    assert f"from {len({e['article_id'] for e in _events(server)})} article" in page.text_content("#counts")


def test_the_settlement_tab_links_name_each_events_type_date_and_place(page, server):
    _open(page, f"{server}?control=1&events=0&place=Hirske")
    page.wait_for_selector("#tab-place .state-events button")
    links = page.locator("#tab-place .state-events button").all_text_contents()
    assert links and not any(t.startswith("event ") for t in links)
    assert any(t.startswith("territory captured · 2022-06-") and t.endswith("Hirske") for t in links), links


def test_the_coverage_sparklines_fit_their_column(page, server):
    _open(page, server)
    page.click('#tabs button[data-tab="coverage"]')
    page.wait_for_selector("canvas.spark")
    # an outlet's name as long as a web address must not push the sparklines out of the panel
    page.evaluate("""() => { const td = document.querySelector('table.coverage tr:nth-child(2) td');
                            td.textContent = 'www.a-very-long-outlet-name-without-spaces.example.com'; }""")
    tab = page.locator("#tab-coverage")
    assert page.evaluate("() => { const t = document.querySelector('#tab-coverage'); return t.scrollWidth <= t.clientWidth; }")
    right = tab.bounding_box()["x"] + page.evaluate("() => document.querySelector('#tab-coverage').clientWidth")
    for box in (c.bounding_box() for c in page.locator("canvas.spark").all()):
        assert box["x"] >= tab.bounding_box()["x"] and box["x"] + box["width"] <= right and box["width"] >= 100


def test_at_800_px_nothing_covers_the_timeline(browser, server):
    ctx = browser.new_context(viewport={"width": 800, "height": 900})
    pg = ctx.new_page()
    try:
        _open(pg, server)
        timebar = pg.locator("#timebar").bounding_box()
        footer = pg.locator("#credits").bounding_box()
        assert footer["y"] >= timebar["y"] + timebar["height"]
        for other in ("#facets", "#side"):
            box = pg.locator(other).bounding_box()
            assert box["y"] >= timebar["y"] + timebar["height"]
        # the map keeps a usable height
        assert pg.locator("#map").bounding_box()["height"] > 400
    finally:
        ctx.close()


def test_the_background_tick_brings_retold_history_back(page, server):
    """Issue 28: the page shows the news by default (the API's default); the tick adds background=include."""
    _open(page, server)
    news = _get(f"{server}api/events?limit=1")["total"]
    every = _get(f"{server}api/events?limit=1&background=include")["total"]
    assert every > news > 0        # the sample articles retell history ('Russia invaded Ukraine on February 24')
    assert page.text_content("#counts").startswith(f"{news} event") and not page.is_checked("#facet-background")
    page.check("#facet-background")
    _settle(page)
    assert _state(page)["background"] == ["include"]
    assert page.text_content("#counts").startswith(f"{every} event")
    assert _on_map(page) == _located(server, "background=include")
    _open(page, page.url)          # the URL is the view
    assert page.is_checked("#facet-background") and page.text_content("#counts").startswith(f"{every} event")
    assert page.errors == []
