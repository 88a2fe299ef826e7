"""Export safety: no spreadsheet formula in any CSV text cell, and no unencodable text in any format."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
from test_export import ARTICLE, EVENTS

from frontline.export.acled import ACLED_COLUMNS
from frontline.export.formats import write
from frontline.models import ArticleResult, Party

HOSTILE = ("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)",
           "\tleading tab", "\rleading return")


@pytest.mark.parametrize("bad", HOSTILE)
def test_csv_text_cells_never_start_a_formula(bad):
    event = dataclasses.replace(EVENTS[0], initiator=Party(bad, "RU"), target=Party(bad, "UA"),
                                trigger=bad, evidence=dataclasses.replace(EVENTS[0].evidence, sentence=bad))
    article = dataclasses.replace(ARTICLE, source=bad, title=bad)
    out = io.StringIO()
    write([ArticleResult(article, events=(event,))], "csv", out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    assert set(row) == set(ACLED_COLUMNS)
    for column, value in row.items():
        assert value[:1] not in ("=", "+", "-", "@", "\t", "\r"), (column, value)
    shown = "'" + bad.replace("\r", "\n")      # a bare CR would split the row for other CSV readers
    assert row["source"] == shown and row["notes"] == shown and row["actor1"] == shown


def test_csv_numbers_are_left_as_numbers():
    event = dataclasses.replace(EVENTS[0], location=dataclasses.replace(EVENTS[0].location, lat=-33.5, lon=-70.1))
    out = io.StringIO()
    write([ArticleResult(ARTICLE, events=(event,))], "csv", out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert (row["latitude"], row["longitude"]) == ("-33.5", "-70.1")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "geojson", "csv"])
def test_every_format_writes_valid_utf8_even_from_unencodable_text(fmt):
    event = dataclasses.replace(EVENTS[0], evidence=dataclasses.replace(EVENTS[0].evidence, sentence="a \ud800 b"))
    article = dataclasses.replace(ARTICLE, title="t \udcff", path="caf\udce9.txt")
    out = io.StringIO()
    write([ArticleResult(article, events=(event,))], fmt, out)
    text = out.getvalue()
    text.encode("utf-8")
    assert "\ufffd" in text
    if fmt in ("json", "geojson"):
        json.loads(text)
