"""The bad-input corpus run beside good articles through ``frontline ingest``, as a user runs it.

tests/data/bad holds the small bad inputs; scripts/make_bad_corpus.py adds the large ones, the links and a
non-UTF-8 file name to a copy of it; a local server adds a feed that never ends and redirects that never
end. Every good article must come out, every bad input must be a failed or skipped record whose message
says what is wrong and what to do (or, when frontline can read it after all, an ok article), no traceback,
and the summary line and exit code must say what happened.
"""

from __future__ import annotations

import os
import re
import runpy
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from webserver import Route, serve

from frontline.api import sample_corpus

HERE = Path(__file__).parent.parent
BAD = HERE / "data" / "bad"
SCRIPT = HERE.parent / "scripts" / "make_bad_corpus.py"
FIX = "(fix|check|pass|convert|split|give|write|translate|move|save|try|open|raise)"

# path (relative to the corpus copy; URLs by their path) -> (status, pattern of the message or None)
EXPECTED: dict[str, tuple[str, str | None]] = {
    "binary.txt": ("failed", rf"^binary file, not text: {FIX}"),
    "blank.txt": ("failed", rf"^empty file \(only whitespace\): .*{FIX}"),
    "empty.txt": ("failed", rf"^empty file: .*{FIX}"),
    "photo.txt": ("failed", rf"^binary file \(a PNG image\), not text: {FIX}"),
    "nul_bytes.txt": ("failed", rf"^binary file, not text: {FIX}"),
    "too_large.txt": ("failed", rf"^file too large .*: {FIX}"),
    "french.txt": ("skipped", rf"^not English \(looks like fr\): .*{FIX}"),
    "ukrainian.txt": ("skipped", rf"^not English \(looks like uk\): .*{FIX}"),
    "cp1251.txt": ("skipped", rf"^not English \(looks like uk\): .*{FIX}"),
    "notes.docx": ("skipped", r"^unsupported file type '\.docx': frontline reads \.txt"),
    "nested.html": ("failed", rf"^no article text found in the HTML page: {FIX}"),
    "dated_far_future.txt": ("failed", rf"'published' 9999-12-31 is not a plausible publication date .*: {FIX}"),
    "missing.txt": ("failed", rf"manifest.jsonl:2 but not found: {FIX}"),
    "manifest.jsonl:3": ("failed", rf"'\.\./articles/wire_kharkiv_strike\.txt', which is outside .*: .*{FIX}"),
    "manifest.jsonl:5": ("failed", rf"'/etc/passwd', which is outside .*: .*{FIX}"),
    "passwd.txt": ("skipped", rf"^a link to a file outside .*; {FIX}"),
    "loop_a.txt": ("skipped", rf"^a link that leads nowhere .*: {FIX}"),
    "loop_b.txt": ("skipped", rf"^a link that leads nowhere .*: {FIX}"),
    "lines.jsonl:2": ("failed", rf"line 2 is not valid JSON \(unterminated string .*\): {FIX}"),
    "huge_line.jsonl:2": ("failed", rf"line 2 is too long \(16 MiB; .*\): {FIX}"),
    "types.jsonl:1": ("failed", rf"line 1: 'text' is a number, not a string: {FIX}"),
    "types.jsonl:2": ("failed", rf"line 2: 'html' is an object, not a string: {FIX}"),
    "types.jsonl:4": ("failed", rf"line 4 is not a JSON object: {FIX}"),
    "types.jsonl:5": ("failed", rf"'published' 0001-01-01 is not a plausible publication date .*: {FIX}"),
    "types.jsonl:6": ("failed", rf"'published' 9999-12-31 is not a plausible publication date .*: {FIX}"),
    "/endless-feed": ("failed", rf"too large \(the limit is 1 MiB\): .*{FIX}"),
    "/loop-1": ("failed", rf"more than \d+ redirects .*: {FIX}"),
    # bad, but readable after all: they must come out as articles
    "good.txt": ("ok", None), "good.html": ("ok", None), "lines.jsonl:1": ("ok", None), "lines.jsonl:3": ("ok", None),
    "huge_line.jsonl:1": ("ok", None), "huge_line.jsonl:3": ("ok", None),
    "types.jsonl:3": ("ok", None),               # wrong types in metadata only: the metadata is ignored
    "types.jsonl:7": ("ok", None),               # a lone surrogate: replaced
    "minified.html": ("ok", None),               # one stray byte in UTF-8 on one line
    "truncated_utf8.txt": ("ok", None),          # the last character cut in half
    "utf16_nobom.txt": ("ok", None),
    "r\ufffdsum\ufffd.txt": ("ok", None),        # a file name with bytes that are not UTF-8
    "/article.html": ("ok", None),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(BAD, root / "bad", symlinks=True)
    runpy.run_path(str(SCRIPT))["make"](root / "bad")
    shutil.copytree(sample_corpus(), root / "good")
    return root


@pytest.fixture(scope="module")
def ingested(corpus):
    routes = {
        "/endless-feed": Route(headers={"Content-Type": "application/rss+xml"}, stream_bytes=2**40,
                               declare_length=False),
        "/loop-1": Route(status=302, headers={"Location": "/loop-2"}),
        "/loop-2": Route(status=302, headers={"Location": "/loop-1"}),
        # another story than good.html's, or the store would keep it once, as a copy of that file
        "/article.html": Route((BAD / "good.html").read_bytes().replace(b"Kherson", b"Mykolaiv"),
                               headers={"Content-Type": "text/html"}),
    }
    db = corpus / "out.db"
    with serve(routes) as server:
        args = [sys.executable, "-m", "frontline.cli", "ingest", "--db", str(db), "--published", "2024-01-05",
                "--allow-private", "--timeout", "5", "--max-size", "1", str(corpus / "good"), str(corpus / "bad"),
                server.url("/loop-1"), server.url("/article.html"), "--feed", server.url("/endless-feed")]
        done = subprocess.run(args, capture_output=True, timeout=900,
                              env=os.environ | {"PYTHONIOENCODING": "utf-8"})
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT path, url, status, error FROM articles").fetchall()
    finally:
        con.close()
    return done, rows, corpus


def _key(path: str | None, url: str | None, corpus: Path) -> str:
    if path is None:
        return re.sub(r"^https?://[^/]+", "", url or "")
    for folder in ("bad", "good"):
        prefix = f"{corpus / folder}/"
        if path.startswith(prefix):
            return path.removeprefix(prefix)
    return path


def test_every_bad_input_is_a_record_that_says_what_is_wrong_and_what_to_do(ingested):
    done, rows, corpus = ingested
    records = {_key(path, url, corpus): (status, error) for path, url, status, error in rows}
    samples = {p.name for p in sample_corpus().glob("*.txt")}
    for name, (status, pattern) in EXPECTED.items():
        assert name in records, f"no record for {name}"
        got_status, error = records[name]
        assert got_status == status, (name, got_status, error)
        if pattern is not None:
            assert re.search(pattern, error), (name, error)
    assert set(records) == set(EXPECTED) | samples


def test_every_good_article_comes_out_with_events(ingested):
    done, rows, corpus = ingested
    good = {_key(p, u, corpus): s for p, u, s, _ in rows if p and p.startswith(str(corpus / "good"))}
    assert good == {p.name: "ok" for p in sample_corpus().glob("*.txt")}
    con = sqlite3.connect(corpus / "out.db")
    try:
        assert con.execute("SELECT count(DISTINCT article_id) FROM events").fetchone()[0] >= len(good)
        assert con.execute("SELECT count(*) FROM fused_events").fetchone()[0] > 0
    finally:
        con.close()


def test_no_traceback_and_the_summary_and_exit_code_say_what_happened(ingested):
    done, rows, _ = ingested
    stderr = done.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    assert done.returncode == 3          # some inputs failed; the others were stored
    samples = len(list(sample_corpus().glob("*.txt")))
    counts = {s: sum(1 for status, _ in EXPECTED.values() if status == s) for s in ("ok", "skipped", "failed")}
    summary = (f"{len(EXPECTED) + samples} articles read: {counts['ok'] + samples} ok, {counts['skipped']} skipped, "
               f"{counts['failed']} failed;")
    assert len(rows) == len(EXPECTED) + samples
    assert summary in stderr, stderr[-3000:]
