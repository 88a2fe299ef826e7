"""Screenshots of the page as an analyst sees it, at 1440 and 800 px, for docs/WEB.md.

Drives Debian's chromium (``/usr/bin/chromium``) with Playwright against a running ``frontline serve``; writes
PNGs to ``artefacts/screenshots/`` and copies them to ``docs/img/``.

Run: ``frontline serve --db STORE --port 8626 &`` then
``.venv/bin/python scripts/web_screenshots.py --url http://127.0.0.1:8626/``
"""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "artefacts" / "screenshots"
DOCS = ROOT / "docs" / "img"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def _ready(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready]", state="attached", timeout=60_000)
    page.wait_for_timeout(800)   # cluster icons and labels are drawn just after the ready flag


def _spiderfy_largest(page: Page) -> None:
    """Click the cluster nearest the map's centre, which at zoom 9+ holds markers on one point: they spread out."""
    page.evaluate("""() => {
        const box = document.querySelector('#map').getBoundingClientRect();
        const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
        const near = [...document.querySelectorAll('.marker-cluster')].map((c) => {
            const r = c.getBoundingClientRect(); return [Math.hypot(r.x - cx, r.y - cy), c]; }).sort((a, b) => a[0] - b[0]);
        if (near.length) near[0][1].click(); }""")
    page.wait_for_timeout(800)


VIEWS = [
    # (file, width, path and query, what to do once ready)
    ("web-ucdp-1440.png", 1440, "", None),
    ("web-ucdp-800.png", 800, "", None),
    ("web-ucdp-1440-donbas-z9.png", 1440, "?view=48.59,38.0,10", _spiderfy_largest),
    ("web-ucdp-1440-settlement.png", 1440, "?control=1&place=Bakhmut&view=48.6,38.0,9", None),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8626/", help="the page of a running frontline serve")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    SHOTS.mkdir(parents=True, exist_ok=True)
    DOCS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=ARGS)
        for name, width, query, then in VIEWS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            _ready(page, args.url.rstrip("/") + "/" + query)
            if then:
                then(page)
            page.screenshot(path=str(SHOTS / name), full_page=width < 1000)
            shutil.copy(SHOTS / name, DOCS / name)
            print(f"{name}: {page.text_content('#counts')}")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
