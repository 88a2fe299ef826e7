"""Regression tests for frontline.sources.ingest on hostile input: unencodable text, escaping manifests, huge JSONL
lines, odd encodings and impossible dates. Each test failed before the fix it guards."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import tracemalloc
from pathlib import Path

import pytest

from frontline.sources.ingest import read_inputs
from frontline.sources.language import LanguageDetector

ingest = importlib.import_module("frontline.sources.ingest")

GOOD = ("Russian forces shelled the centre of Kharkiv on Tuesday night, damaging two apartment blocks, the "
        "regional governor said on Wednesday. Three civilians were wounded and taken to hospital.")
UKRAINIAN = ("Російські війська обстріляли Харків у вівторок увечері, пошкодивши два житлові будинки, повідомив "
             "голова обласної адміністрації. Троє цивільних поранені.")


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


def read_all(paths, detector, published=None):
    return list(read_inputs(paths, published, detector=detector))


def encodable(article) -> bool:
    """Every text field of a record encodes as strict UTF-8 (what JSON, CSV and SQLite need)."""
    for value in (article.text, article.html, article.path, article.url, article.title, article.source,
                  article.error, article.input_id):
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return False
    return True


# --- text that cannot be encoded ------------------------------------------------------------------------

def test_lone_surrogate_in_a_jsonl_line_is_replaced_not_kept(tmp_path, detector):
    path = tmp_path / "lines.jsonl"
    path.write_text(json.dumps({"text": GOOD + " \ud800", "title": "Kharkiv \udfff shelled",
                                "source": "Wire \ud83d"}) + "\n", encoding="ascii")
    (article,) = read_all([path], detector)
    assert article.status == "ok"
    assert encodable(article)
    assert article.text.endswith("\ufffd") and article.title == "Kharkiv \ufffd shelled"


def test_file_name_with_a_non_utf8_byte_is_read_and_named_encodably(tmp_path, detector):
    name = os.fsdecode(b"caf\xe9-report.txt")
    (tmp_path / name).write_text(GOOD, encoding="utf-8")
    (article,) = read_all([tmp_path], detector)
    assert article.status == "ok"
    assert encodable(article)
    assert article.path.endswith("caf\ufffd-report.txt")


def test_non_utf8_name_of_a_failed_file_is_encodable_too(tmp_path, detector):
    (tmp_path / os.fsdecode(b"\xff\xfe.txt")).write_bytes(b"")
    (article,) = read_all([tmp_path], detector)
    assert article.status == "failed" and encodable(article)


# --- manifests stay inside their folder -----------------------------------------------------------------

@pytest.fixture
def escaping_folder(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD.replace("Kharkiv", "Secretville"), encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "link.txt").symlink_to(secret)
    (folder / "ok.txt").write_text(GOOD, encoding="utf-8")
    lines = [{"file": "../secret.txt"}, {"file": str(secret)}, {"file": "link.txt", "title": "linked"},
             {"file": "sub/../ok.txt", "title": "fine"}]
    (folder / "manifest.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return folder


def test_manifest_cannot_read_files_outside_its_folder(escaping_folder, detector):
    records = read_all([escaping_folder], detector)
    assert not any("Secretville" in r.text for r in records)
    refused = [r for r in records if r.status == "failed" and "outside" in (r.error or "")]
    assert len(refused) == 3
    assert all("manifest" in r.error for r in refused)
    (ok,) = [r for r in records if r.status == "ok"]
    assert ok.title == "fine"


def test_a_link_in_a_folder_to_a_file_outside_it_is_not_read(tmp_path, detector):
    outside = tmp_path / "outside.txt"
    outside.write_text(GOOD.replace("Kharkiv", "Secretville"), encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "passwd.txt").symlink_to(outside)
    (article,) = read_all([folder], detector)
    assert article.status == "skipped" and "outside" in article.error and "Secretville" not in article.text


# --- limits per JSONL line, not per file ------------------------------------------------------------------

def test_jsonl_limit_is_per_line_so_valid_lines_of_a_large_file_come_out(tmp_path, detector, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 2000)
    monkeypatch.setattr(ingest, "MAX_LINE_BYTES", 2000)
    path = tmp_path / "big.jsonl"
    lines = [json.dumps({"id": str(i), "text": GOOD}) for i in range(10)]
    lines.insert(4, json.dumps({"id": "huge", "text": GOOD * 50}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = read_all([path], detector)
    assert [r.status for r in records].count("ok") == 10
    (huge,) = [r for r in records if r.status != "ok"]
    assert huge.status == "failed" and huge.path == f"{path}:5"
    assert "line 5 is too long" in huge.error and "split" in huge.error


def test_a_huge_jsonl_line_is_not_read_into_memory(tmp_path, detector):
    path = tmp_path / "huge.jsonl"
    with path.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"text": GOOD}) + "\n")
        f.write('{"text": "' + "x" * (6 * ingest.MAX_LINE_BYTES) + '"}\n')
        f.write(json.dumps({"text": GOOD}) + "\n")
    tracemalloc.start()
    try:
        records = read_all([path], detector)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [r.status for r in records] == ["ok", "failed", "ok"]
    assert peak < 3 * ingest.MAX_LINE_BYTES     # the 48 MiB line was never held whole


# --- encodings ---------------------------------------------------------------------------------------------

def test_minified_page_with_one_invalid_byte_is_read_not_called_binary(tmp_path, detector):
    nav = " ".join(["<a href='/uk'>Українська</a> <a href='/ru'>Русский</a> <a href='/en'>English</a>"] * 20)
    page = (f"<html><head><title>Kharkiv shelled</title></head><body><nav>{nav}</nav><article><h1>Kharkiv "
            f"shelled</h1><p>{GOOD}</p><p>{GOOD}</p></article></body></html>").encode("utf-8")
    path = tmp_path / "min.html"
    path.write_bytes(page.replace(b"<h1>", b"<h1>\xff", 1))
    (article,) = read_all([path], detector)
    assert article.status == "ok", article.error
    assert "Kharkiv" in article.text


def test_utf16_without_bom_is_decoded(tmp_path, detector):
    for codec in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(GOOD.encode(codec))
        (article,) = read_all([path], detector)
        assert (article.status, article.text) == ("ok", GOOD)


def test_windows_1251_text_is_decoded_as_cyrillic(tmp_path, detector):
    path = tmp_path / "cp1251.txt"
    path.write_bytes(UKRAINIAN.encode("cp1251"))
    (article,) = read_all([path], detector)
    assert (article.status, article.error) == ("skipped", "not English (looks like uk): frontline reads English articles; "
                                                 "translate it first")
    assert article.text == UKRAINIAN


def test_english_windows_1252_text_stays_windows_1252(tmp_path, detector):
    path = tmp_path / "cp1252.txt"
    text = GOOD.replace("governor", "governor’s office – “Kharkiv”")
    path.write_bytes(text.encode("cp1252"))
    (article,) = read_all([path], detector)
    assert (article.status, article.text) == ("ok", text)


# --- publication dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "1850-03-01"])
def test_impossible_publication_date_fails_the_article_with_a_clear_message(tmp_path, detector, published):
    path = tmp_path / "lines.jsonl"
    path.write_text(json.dumps({"text": GOOD, "published": published}) + "\n", encoding="utf-8")
    (article,) = read_all([path], detector)
    assert article.status == "failed"
    assert f"'published' {published} is not a plausible publication date" in article.error
    assert "YYYY-MM-DD" in article.error


def test_plausible_publication_date_is_kept(tmp_path, detector):
    path = tmp_path / "lines.jsonl"
    path.write_text(json.dumps({"text": GOOD, "published": "2014-05-02"}) + "\n", encoding="utf-8")
    (article,) = read_all([path], detector)
    assert (article.status, article.published) == ("ok", dt.date(2014, 5, 2))


def test_impossible_default_date_is_an_input_error():
    from frontline.errors import InputError

    with pytest.raises(InputError, match="not a plausible publication date"):
        read_inputs([Path("x.txt")], dt.date(1, 1, 1))


def test_a_file_that_grows_while_read_does_not_pass_the_size_cap(tmp_path):
    """Issue 25: the cap was checked by stat before reading, so a file written while read (here a FIFO, whose
    size is 0) was read whole."""
    import os
    import threading

    from frontline.sources.files import read_bytes
    fifo = tmp_path / "growing.txt"
    os.mkfifo(fifo)
    limit = 2**16

    def write() -> None:
        try:
            with open(fifo, "wb") as f:
                for _ in range(8):
                    f.write(b"x" * limit)
        except BrokenPipeError:
            pass                # the reader stopped at the cap: what should happen

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    got = read_bytes(fifo, limit)
    writer.join(timeout=10)
    assert isinstance(got, str) and got.startswith("file too large")


def test_a_nul_byte_in_a_manifest_file_name_fails_that_line_only(tmp_path):
    """Issue 25: a NUL in a manifest's 'file' raised ValueError and aborted the whole ingest."""
    import json

    from frontline.sources.ingest import read_inputs
    (tmp_path / "a.txt").write_text("Russian forces shelled Kharkiv on Tuesday, the governor said.", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(json.dumps({"file": "b\x00.txt"}) + "\n"
                                             + json.dumps({"file": "a.txt", "title": "A"}) + "\n", encoding="utf-8")
    records = list(read_inputs([tmp_path], fetch_settings=None))
    by_status = {r.status: r for r in records}
    assert by_status["failed"].error.startswith("manifest.jsonl line 1 names a file with a NUL character")
    assert by_status["ok"].title == "A"
