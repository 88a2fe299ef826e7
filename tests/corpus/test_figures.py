"""Copy marking reads any figure a text holds without raising (issue 25: '24.3.2022' in a photo caption stopped
whole runs), and fusion-free batches isolate each article: an odd one fails alone."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontline.corpus.copies import days, fingerprint, numbers
from frontline.corpus.marking import mark_copies
from frontline.mentions.dates import resolve

# digits of several scripts, the separators of many locales, signs and exponents
_PIECES = st.sampled_from(["0", "1", "2", "9", "\u0661", "\u06f2", "\u0967", "\uff13", "\U0001d7d0", ".", ",", " ",
                           "\u00a0", "\u202f", "'", "\u2019", "\u066b", "\u066c", "_", "-", "\u2013", "/", "e", "E",
                           "+", "\u2212", "\u00bd", "%", "^"])
_FIGURES = st.lists(_PIECES, min_size=1, max_size=40).map("".join)


@pytest.mark.parametrize("figure, kept", [
    ("24.3.2022", "24.3.2022"), ("1,200", "1200"), ("2,5", "2.5"), ("1.234.567", "1234567"), ("1,234.5", "1234.5"),
    ("1.234,5", "1234.5"), ("\u0661\u0662", "12"), ("1.2.3.4", "1.2.3.4"),
])
def test_each_figure_reads_as_one_canonical_string(figure, kept):
    assert numbers(f"Photo documented {figure} by the press service") == {kept}


def test_a_number_too_large_for_a_float_is_kept_as_written():
    assert numbers("9" * 400) == {"9" * 400}


@settings(max_examples=400, deadline=None)
@given(_FIGURES, _FIGURES)
def test_copy_marking_reads_any_figure(a, b):
    text = f"Russian forces shelled Kharkiv on {a} June, killing {b} people, documented {a}."
    numbers(text)
    days(text)
    fingerprint("x", text, published=dt.date(2022, 6, 25))


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["days", "weeks", "months", "years", "decades"]))
def test_a_date_outside_the_calendar_is_no_date_not_a_failure(n, unit):
    start, _, precision = resolve(f"{n} {unit} ago", dt.date(2022, 6, 25))
    assert start is None or dt.date.min <= start <= dt.date(2022, 6, 25)


def test_founded_3000_years_ago_does_not_fail_its_article(run):
    result = run("The town, founded 3000 years ago, was shelled by Russian forces on Tuesday.")
    assert result.article.status == "ok"


def test_one_article_that_breaks_copy_marking_fails_alone(run, monkeypatch):
    import frontline.corpus.marking as marking
    good = [run(f"Russian forces shelled {town} on Tuesday, the governor said.") for town in ("Kharkiv", "Sumy")]
    odd = run("Russian forces shelled Izium on Tuesday, the governor said.")
    real = marking.result_fingerprint

    def breaks_on_izium(result):
        if result.document is not None and "Izium" in result.document.text:
            raise ValueError("could not convert string to float: '24.3.2022'")
        return real(result)

    monkeypatch.setattr(marking, "result_fingerprint", breaks_on_izium)
    out = mark_copies([good[0], odd, good[1]])
    assert [r.article.status for r in out] == ["ok", "failed", "ok"]
    assert "stage 'copies' failed" in out[1].article.error and "24.3.2022" in out[1].article.error
    assert out[1].events == ()


def test_copy_marking_holds_a_chunk_of_text_not_a_count_of_articles(run, monkeypatch):
    """Issue 25: 60 one-megabyte JSONL lines peaked at 2.7 GB, 64 results (text and offset maps) held at once."""
    import dataclasses

    import frontline.corpus.marking as marking
    one = run("Russian forces shelled Kharkiv on Tuesday, the governor said.")
    big = dataclasses.replace(one.document, text="x" * (marking.COPY_CHUNK_CHARS // 3))
    results = [dataclasses.replace(one, document=big) for _ in range(10)]
    held: list[int] = []

    def counting(chunk, detector=None, *, index=None):
        held.append(sum(len(r.document.text) for r in chunk))
        return list(chunk)

    monkeypatch.setattr(marking, "mark_copies", counting)
    assert len(list(marking.mark_stream(iter(results), detector=None))) == 10
    assert max(held) <= marking.COPY_CHUNK_CHARS and len(held) >= 4
