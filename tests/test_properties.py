"""Property tests over the whole path: bytes on disk -> read -> clean -> extract -> copies -> store -> export.

Inputs are real articles (the bundled samples) mutated at random: bytes flipped, inserted, deleted,
repeated or cut off, random Unicode (lone surrogates included) spliced in, wrapped as HTML or as a JSONL
line. Whatever comes in: no exception escapes, every offset lies inside its text, every output validates
against the schema and encodes as UTF-8, every id is unique, no CSV cell starts a formula, and the store
gives back what was written.

The number of examples is small in CI (``FRONTLINE_FUZZ_EXAMPLES``, default 5 a test); ``bench/fuzz.py``
runs the same properties for minutes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontline import api
from frontline.export.formats import FORMATS, write
from frontline.export.results import to_dict, validate
from frontline.sources.ingest import read_inputs
from frontline.sources.language import LanguageDetector
from frontline.store.sqlite import SqliteStore as Store

SAMPLES = sorted(api.sample_corpus().glob("*.txt"))
EXAMPLES = int(os.environ.get("FRONTLINE_FUZZ_EXAMPLES", "5"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


# --- strategies -----------------------------------------------------------------------------------------

def _splice(data: bytes, op: tuple) -> bytes:
    kind, where, arg = op
    i = int(where * len(data))
    if kind == "flip":
        return data[:i] + bytes([arg % 256]) + data[i + 1:]
    if kind == "insert":
        return data[:i] + arg + data[i:]
    if kind == "delete":
        return data[:i] + data[i + arg:]
    if kind == "repeat":
        return data[:i] + data[i:i + arg] * 3 + data[i:]
    return data[:i]           # truncate


OPS = st.one_of(
    st.tuples(st.just("flip"), st.floats(0, 1), st.integers(0, 255)),
    st.tuples(st.just("insert"), st.floats(0, 1), st.binary(max_size=40)),
    st.tuples(st.just("insert"), st.floats(0, 1),
              st.text(max_size=30).map(lambda t: t.encode("utf-8", "surrogatepass"))),
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 400)),
    st.tuples(st.just("repeat"), st.floats(0, 1), st.integers(1, 300)),
    st.tuples(st.just("truncate"), st.floats(0.05, 1), st.none()),
)


@st.composite
def article_file(draw) -> tuple[str, bytes]:
    """(file name suffix, bytes) of a mutated sample article."""
    data = draw(st.sampled_from(SAMPLES)).read_bytes()
    for op in draw(st.lists(OPS, max_size=6)):
        data = _splice(data, op)
    form = draw(st.sampled_from(["txt", "html", "jsonl", "jsonl-surrogate"]))
    if form == "html":
        text = data.decode("utf-8", "replace")
        paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
        return ".html", f"<html><head><title>t</title></head><body><article>{paragraphs}</article></body></html>".encode(
            "utf-8", "surrogatepass")
    if form.startswith("jsonl"):
        text = data.decode("utf-8", "replace")
        if form == "jsonl-surrogate":
            text += draw(st.sampled_from(["\ud800", "\udfff", "\udc80x"]))
        published = draw(st.sampled_from([None, "2022-06-25", "0001-01-01", "9999-12-31", "not a date", 20220625]))
        source = draw(st.sampled_from([None, "Example Wire", "=HYPERLINK(\"x\")", "@evil", "-1+2"]))
        return ".jsonl", (json.dumps({"text": text, "published": published, "source": source}) + "\n").encode("ascii")
    return ".txt", data


# --- the properties ----------------------------------------------------------------------------------------

def run_all(files: list[tuple[str, bytes]], pipeline, detector) -> None:
    """Write the files, run them through everything and check every property; raises AssertionError."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, (suffix, data) in enumerate(files):
            path = Path(tmp) / f"a{i}{suffix}"
            path.write_bytes(data)
            paths.append(path)
        raws = list(read_inputs(paths, None, detector=detector))
        results = api.mark_copies(list(pipeline.process_many(raws)), api._detector(pipeline))
        check_results(results)
        with Store(Path(tmp) / "f.db") as store:
            store.write_many(results)
            stored = list(store.results())
        check_results(stored)
        assert ({e.event_id for r in stored for e in r.events} == {e.event_id for r in results for e in r.events})


def check_results(results) -> None:
    for r in results:
        a = r.article
        assert a.status in ("ok", "failed", "skipped")
        assert a.status == "ok" or a.error, a
        doc = r.document
        if doc is not None:
            assert len(doc.offsets) == len(doc.text) + 1
            assert all(0 <= o <= len(doc.raw) for o in doc.offsets)
            spans = [(m.start, m.end) for m in (*r.mentions.places, *r.mentions.dates, *r.mentions.actors,
                                                 *r.mentions.quantities)]
            spans += [(e.evidence.char_start, e.evidence.char_end) for e in r.events]
            assert all(0 <= s <= e <= len(doc.text) for s, e in spans), spans
        for e in r.events:
            assert e.article_id == a.article_id
    article_ids = [r.article.article_id for r in results]
    event_ids = [e.event_id for r in results for e in r.events]
    assert len(article_ids) == len(set(article_ids)), article_ids
    assert len(event_ids) == len(set(event_ids))
    validate(to_dict(results, api.fuse_results(results)))
    for fmt in FORMATS:
        out = io.StringIO()
        write(results, fmt, out, api.fuse_results(results) if fmt == "json" else None)
        out.getvalue().encode("utf-8")            # strict: every format is valid UTF-8
        if fmt == "csv":
            for row in csv.reader(io.StringIO(out.getvalue(), newline="")):
                assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in row), row


@PROPERTY
@given(files=st.lists(article_file(), min_size=1, max_size=2))
def test_mutated_articles_go_through_everything(files, pipeline, detector):
    run_all(files, pipeline, detector)


@PROPERTY
@given(file=article_file())
def test_an_article_and_its_exact_copy_keep_ids_unique(file, pipeline, detector):
    run_all([file, file], pipeline, detector)


@PROPERTY
@given(text=st.text(st.characters(blacklist_categories=()), max_size=400))    # lone surrogates too
def test_any_text_string_is_a_result(text, pipeline):
    result = api.extract_text(text, pipeline=pipeline)
    check_results([result])
