"""The page keeps no copy of the event-type table or the export formats: it reads them from /api/vocabulary."""

from __future__ import annotations

import re

from frontline import web
from frontline.export import formats
from frontline.vocab.event_types import TABLE

SCRIPTS = sorted((web.static_dir() / "js").glob("*.js"))


def test_no_script_names_an_event_type_or_its_colour():
    for script in SCRIPTS:
        text = script.read_text(encoding="utf-8")
        quoted = set(re.findall(r"""["'`]([a-z_]+)["'`]""", text))
        assert not quoted & set(TABLE), (script.name, quoted & set(TABLE))
        assert not {row.colour for row in TABLE.values()} & set(re.findall(r"#[0-9a-fA-F]{6}", text)), script.name


def test_no_script_or_page_names_a_format_it_offers_for_download():
    page = (web.static_dir() / "index.html").read_text(encoding="utf-8")
    assert "export-" not in page
    for script in SCRIPTS:
        text = script.read_text(encoding="utf-8")
        for name, row in formats.TABLE.items():
            if row.download is not None:
                assert f'"{name}"' not in text and row.media_type not in text, (script.name, name)


def test_the_style_module_reads_the_vocabulary_from_the_server():
    style = (web.static_dir() / "js" / "style.js").read_text(encoding="utf-8")
    assert 'getJSON("/api/vocabulary")' in style
