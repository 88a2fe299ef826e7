"""Tests for frontline.sources.ingest: every kind of input, and bad inputs that must be reported, never raised."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
from pathlib import Path

import pytest

from frontline.errors import InputError
from frontline.models import RawArticle
from frontline.sources.ingest import read_inputs
from frontline.sources.language import LanguageDetector

# The package exports a function named 'ingest' (frontline.api.ingest) that shadows this submodule as an
# attribute of the package, so the module is fetched by name.
ingest = importlib.import_module("frontline.sources.ingest")

BAD = Path(__file__).parent.parent / "data" / "bad"
DEFAULT_DATE = dt.date(2020, 1, 1)


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector()


@pytest.fixture(scope="module")
def bad(detector: LanguageDetector) -> dict[str, RawArticle]:
    """The bad-inputs folder read once, keyed by path relative to it."""
    return {a.path.removeprefix(f"{BAD}/"): a for a in read_inputs([BAD], DEFAULT_DATE, detector=detector)}


def read_one(path: Path, detector: LanguageDetector, published: dt.date | None = None) -> RawArticle:
    (article,) = list(read_inputs([path], published, detector=detector))
    return article


# --- the bad-inputs folder ------------------------------------------------------------------------------

def test_bad_folder_statuses_and_errors(bad):
    # the folder's first inputs; the rest of the corpus is checked by test_bad_corpus.py
    first = {"binary.txt", "blank.txt", "empty.txt", "french.txt", "good.html", "good.txt", "lines.jsonl:1",
             "lines.jsonl:2", "lines.jsonl:3", "notes.docx", "ukrainian.txt", "missing.txt"}
    assert {name: (a.status, a.error) for name, a in bad.items() if name in first} == {
        "binary.txt": ("failed", "binary file, not text: convert it to text, HTML or JSONL first"),
        "blank.txt": ("failed", "empty file (only whitespace): nothing to read; check that it was saved whole"),
        "empty.txt": ("failed", "empty file: nothing to read; check that it was saved whole"),
        "french.txt": ("skipped", "not English (looks like fr): frontline reads English articles; translate it first"),
        "good.html": ("ok", None),
        "good.txt": ("ok", None),
        "lines.jsonl:1": ("ok", None),
        "lines.jsonl:2": ("failed", f"{BAD}/lines.jsonl line 2 is not valid JSON "
                                    "(unterminated string starting at column 26): fix the line (one JSON object "
                                    "a line)"),
        "lines.jsonl:3": ("ok", None),
        "notes.docx": ("skipped", "unsupported file type '.docx': frontline reads .txt, .html, .htm, .jsonl "
                                  "and folders"),
        "ukrainian.txt": ("skipped", "not English (looks like uk): frontline reads English articles; translate "
                                        "it first"),
        "missing.txt": ("failed", f"listed in {BAD}/manifest.jsonl:2 but not found: fix the name in the "
                                   "manifest or add the file"),
    }


def test_bad_folder_passes_over_readme_manifest_and_hidden_files(bad):
    assert not {"README.md", "manifest.jsonl", ".hidden.txt"} & set(bad)


def test_bad_folder_good_text_file_comes_out_whole(bad):
    assert bad["good.txt"].text == (BAD / "good.txt").read_text(encoding="utf-8")


def test_bad_folder_manifest_metadata_is_attached(bad):
    a = bad["good.txt"]
    assert (a.published, a.source, a.url, a.title) == (dt.date(2023, 11, 10), "Example Daily",
                                                       "https://example.org/zaporizhzhia-substation", "Substation hit")


def test_bad_folder_html_main_text_without_boilerplate(bad):
    text = bad["good.html"].text
    assert "reopened to traffic on Wednesday" in text and "Subscribe" not in text and "Weather" not in text


def test_bad_folder_html_metadata_from_page(bad):
    a = bad["good.html"]
    assert (a.title, a.source, a.published) == ("Bridge near Kherson reopens after repairs", "Example Wire",
                                                dt.date(2023, 5, 17))


def test_bad_folder_html_keeps_page(bad):
    assert bad["good.html"].html == (BAD / "good.html").read_text(encoding="utf-8")


def test_bad_folder_jsonl_line_metadata(bad):
    a = bad["lines.jsonl:1"]
    assert (a.input_id, a.title, a.published, a.source, a.url) == (
        "wire-1", "Convoy reaches Sumy", dt.date(2024, 3, 2), "Example Wire", "https://example.org/wire-1")


def test_bad_folder_jsonl_line_path(bad):
    assert bad["lines.jsonl:3"].path == f"{BAD}/lines.jsonl:3"


def test_bad_folder_default_date_for_articles_without_one(bad):
    assert bad["lines.jsonl:3"].published == DEFAULT_DATE


def test_bad_folder_non_english_keeps_text(bad):
    assert bad["ukrainian.txt"].text.startswith("Російські війська")


def test_bad_folder_order_is_sorted_and_stable(detector):
    first = [a.path for a in read_inputs([BAD], detector=detector)]
    assert first == [a.path for a in read_inputs([str(BAD)], detector=detector)]


# --- arguments and paths --------------------------------------------------------------------------------

def test_no_paths_raises_input_error():
    with pytest.raises(InputError, match="no input paths given"):
        read_inputs([])


def test_single_path_string_accepted(detector):
    assert [a.status for a in read_inputs(str(BAD / "good.txt"), detector=detector)] == ["ok"]


def test_missing_path_is_failed(tmp_path, detector):
    a = read_one(tmp_path / "nope.txt", detector)
    assert (a.status, a.error, a.path) == ("failed", "no such file or folder: check the path", str(tmp_path / "nope.txt"))


def test_reading_goes_on_after_a_missing_path(tmp_path, detector):
    statuses = [a.status for a in read_inputs([tmp_path / "nope.txt", BAD / "good.txt"], detector=detector)]
    assert statuses == ["failed", "ok"]


def test_unreadable_file_is_failed(tmp_path, detector, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("text")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", lambda self, *a, **k: refuse(self))
    assert read_one(path, detector).error == "cannot read the file: permission denied"


def test_too_large_file_is_failed(tmp_path, detector, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("x" * 5000)
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 1000)
    assert read_one(path, detector).status == "failed"


def test_file_without_extension_is_skipped(tmp_path, detector):
    path = tmp_path / "NOTES"
    path.write_text("text")
    assert read_one(path, detector).error == ("unsupported file type (no extension): frontline reads .txt, .html, "
                                              ".htm, .jsonl and folders")


def test_extension_is_case_insensitive(tmp_path, detector):
    path = tmp_path / "STORY.TXT"
    path.write_text((BAD / "good.txt").read_text())
    assert read_one(path, detector).status == "ok"


def test_manifest_given_directly_is_skipped(detector):
    assert read_one(BAD / "manifest.jsonl", detector).status == "skipped"


def test_readme_given_in_folder_without_manifest_is_passed_over(tmp_path, detector):
    (tmp_path / "README.txt").write_text("About this folder.")
    (tmp_path / "a.txt").write_text((BAD / "good.txt").read_text())
    assert [Path(a.path).name for a in read_inputs([tmp_path], detector=detector)] == ["a.txt"]


def test_empty_folder_is_reported(tmp_path, detector):
    (tmp_path / "README.md").write_text("nothing here")
    assert read_one(tmp_path, detector).error == ("no input files in this folder: frontline reads .txt, .html, .htm, "
                                                  ".jsonl and folders")


def test_subfolders_are_read_recursively(tmp_path, detector):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text((BAD / "good.txt").read_text())
    (tmp_path / "a.txt").write_text((BAD / "good.txt").read_text())
    assert [Path(a.path).relative_to(tmp_path).as_posix() for a in read_inputs([tmp_path], detector=detector)] == [
        "a.txt", "b/z.txt"]


def test_subfolder_manifest_names_files_relative_to_its_folder(tmp_path, detector):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text((BAD / "good.txt").read_text())
    (tmp_path / "b" / "manifest.jsonl").write_text(json.dumps({"file": "z.txt", "published": "2022-02-24"}))
    assert [a.published for a in read_inputs([tmp_path], detector=detector)] == [dt.date(2022, 2, 24)]


def test_broken_manifest_line_is_reported_and_files_still_read(tmp_path, detector):
    (tmp_path / "a.txt").write_text((BAD / "good.txt").read_text())
    (tmp_path / "manifest.jsonl").write_text("{not json\n")
    assert [(Path(a.path).name, a.status) for a in read_inputs([tmp_path], detector=detector)] == [
        ("manifest.jsonl:1", "failed"), ("a.txt", "ok")]


def test_bad_manifest_date_is_ignored(tmp_path, detector):
    (tmp_path / "a.txt").write_text((BAD / "good.txt").read_text())
    (tmp_path / "manifest.jsonl").write_text(json.dumps({"file": "a.txt", "published": "last week"}))
    assert [a.published for a in read_inputs([tmp_path], DEFAULT_DATE, detector=detector)] == [DEFAULT_DATE]


# --- decoding -------------------------------------------------------------------------------------------

def test_mixed_utf8_and_windows_1252_lines(tmp_path, detector):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Kyiv’s mayor said “enough”.\n".encode("utf-8") + "Kyiv’s café reopened.\n".encode("cp1252"))
    assert read_one(path, detector).text == "Kyiv’s mayor said “enough”.\nKyiv’s café reopened.\n"


def test_crlf_is_kept_in_raw_text(tmp_path, detector):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Shelling hit Kharkiv overnight.\r\nTwo people were hurt.\r\n")
    assert read_one(path, detector).text == "Shelling hit Kharkiv overnight.\r\nTwo people were hurt.\r\n"


def test_utf16_with_bom_is_text(tmp_path, detector):
    path = tmp_path / "wide.txt"
    path.write_bytes("Shelling hit Kharkiv overnight.".encode("utf-16"))
    assert read_one(path, detector).text == "Shelling hit Kharkiv overnight."


def test_pdf_named_txt_is_binary(tmp_path, detector):
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert read_one(path, detector).error == "binary file (a PDF), not text: convert it to text, HTML or JSONL first"


def test_control_characters_mean_binary(tmp_path, detector):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 32)) * 10)
    assert read_one(path, detector).error == ("binary file, not text (control characters throughout): convert it "
                                              "to text, HTML or JSONL first")


# --- JSONL ----------------------------------------------------------------------------------------------

def test_jsonl_line_without_text_is_failed(tmp_path, detector):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x", "title": "t"}) + "\n")
    assert read_one(path, detector).error == (f"{path} line 1 has no 'text' or 'html' with content (a non-empty "
                                              "string): give the article's text in one of them")


def test_jsonl_line_that_is_not_an_object_is_failed(tmp_path, detector):
    path = tmp_path / "a.jsonl"
    path.write_text("[1, 2]\n")
    assert read_one(path, detector).error == (f"{path} line 1 is not a JSON object: write each article as "
                                              '{"text": ...} or {"html": ...}')


def test_jsonl_blank_lines_are_ignored_and_numbering_kept(tmp_path, detector):
    path = tmp_path / "a.jsonl"
    path.write_text("\n" + json.dumps({"text": (BAD / "good.txt").read_text()}) + "\n\n")
    assert [a.path for a in read_inputs([path], detector=detector)] == [f"{path}:2"]


def test_jsonl_line_with_html_is_extracted(tmp_path, detector):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"html": (BAD / "good.html").read_text()}) + "\n")
    assert read_one(path, detector).published == dt.date(2023, 5, 17)


def test_empty_jsonl_is_failed(tmp_path, detector):
    path = tmp_path / "a.jsonl"
    path.write_text("")
    assert read_one(path, detector).error == "empty file: nothing to read; check that it was saved whole"


# --- HTML -----------------------------------------------------------------------------------------------

def test_html_date_never_from_copyright_footer(tmp_path, detector):
    page = (BAD / "good.html").read_text().replace(
        '<meta property="article:published_time" content="2023-05-17T08:30:00+00:00">', "")
    path = tmp_path / "nodate.html"
    path.write_text(page)
    assert read_one(path, detector).published is None


def test_html_without_date_takes_default(tmp_path, detector):
    page = (BAD / "good.html").read_text().replace(
        '<meta property="article:published_time" content="2023-05-17T08:30:00+00:00">', "")
    path = tmp_path / "nodate.htm"
    path.write_text(page)
    assert read_one(path, detector, DEFAULT_DATE).published == DEFAULT_DATE


def test_html_without_text_is_failed(tmp_path, detector):
    path = tmp_path / "nav.html"
    path.write_text("<html><head><title>Live</title><script>var x = 1;</script></head><body></body></html>")
    assert read_one(path, detector).error == ("no article text found in the HTML page: check that the page holds "
                                              "the article (not only a menu, a consent wall or a script)")


def test_html_extractor_crash_is_translated(tmp_path, detector, monkeypatch):
    def explode(page):
        raise RuntimeError("parser blew up")

    monkeypatch.setattr(ingest, "extract_html", explode)
    path = tmp_path / "a.html"
    path.write_text("<html><body><p>text</p></body></html>")
    assert read_one(path, detector).error == ("could not extract text from the HTML page "
                                              "(RuntimeError: parser blew up)")


# --- language -------------------------------------------------------------------------------------------

def test_short_latin_text_is_not_rejected_as_foreign(tmp_path, detector):
    path = tmp_path / "short.txt"
    path.write_text("Pokrovsk, Myrnohrad et Kostiantynivka sous le feu.")
    assert read_one(path, detector).status == "ok"


def test_short_cyrillic_text_is_rejected(tmp_path, detector):
    path = tmp_path / "short.txt"
    path.write_text("Обстріл Харкова триває.")
    assert read_one(path, detector).status == "skipped"


def test_unexpected_error_fails_one_file_only(tmp_path, detector, monkeypatch):
    def broken(data):
        raise TypeError("boom")

    monkeypatch.setattr(ingest, "decode", broken)
    (tmp_path / "a.txt").write_text("text")
    (tmp_path / "b.docx").write_text("text")
    assert [a.status for a in read_inputs([tmp_path], detector=detector)] == ["failed", "skipped"]


def test_pipe_in_folder_is_skipped_not_read(tmp_path, detector):
    os.mkfifo(tmp_path / "pipe.txt")
    assert read_one(tmp_path, detector).error == ("not a regular file (a device, pipe, socket or broken link): pass files or "
                                                "folders")


def test_a_file_passed_alone_takes_its_metadata_from_the_manifest_beside_it(tmp_path):
    (tmp_path / "a.txt").write_text("Russian forces shelled Kharkiv last night, the governor said.", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(
        '{"file": "a.txt", "published": "2022-06-25", "source": "Example", "url": "https://example.org/a"}\n',
        encoding="utf-8")
    (article,) = read_inputs([tmp_path / "a.txt"], dt.date(2020, 1, 1))
    assert (article.published, article.source, article.url) == (dt.date(2022, 6, 25), "Example",
                                                                "https://example.org/a")
