"""Golden cleaning checks: each sample article and its dirty copies keep their text and lose their boilerplate.

The golden files (``tests/golden/*.json``) hold what must survive and what must go; the dirty copies come
from ``tests/dirt.py``. Text is compared with whitespace collapsed, as a reader sees it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dirt import BOILERPLATE_PLACES, DIRT, spun
from hypothesis import example, given, settings
from hypothesis import strategies as st

from frontline.clean import clean
from frontline.models import RawArticle

GOLDEN = sorted((Path(__file__).parent.parent / "golden").glob("*.json"))
SAMPLES = Path(__file__).resolve().parents[2] / "src" / "frontline" / "data" / "samples"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _golden(path: Path) -> tuple[dict, str]:
    golden = json.loads(path.read_text(encoding="utf-8"))
    raw = path.parent / golden["raw"]
    return golden, (raw if raw.is_file() else SAMPLES / golden["raw"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem[:12])
def test_golden_raw_article(path):
    golden, raw = _golden(path)
    doc = clean(RawArticle(text=raw))
    published = _flat(doc.published(0, len(doc.text)))
    assert [k for k in golden["keep"] if _flat(k) not in published] == []
    assert [d for d in golden["drop"] if d in doc.text] == []


@pytest.mark.parametrize("kind", sorted(DIRT))
@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem[:12])
def test_golden_dirty_copy(path, kind):
    golden, raw = _golden(path)
    doc = clean(RawArticle(text=DIRT[kind](raw)))
    published = _flat(doc.published(0, len(doc.text)))
    # A spun copy publishes the spinner's words: what must survive is the spun form of the kept text.
    keep = [spun(k) if kind in ("spun", "all") else k for k in golden["keep"]]
    assert [k for k in keep if _flat(k) not in published] == []
    assert [d for d in golden["drop"] if d in doc.text] == []
    assert [p for p in BOILERPLATE_PLACES if p in doc.text] == []


# The samples are long enough for a spun copy to show many swaps; a short text with two swapped words is
# rightly not judged spun.
@pytest.mark.parametrize("path", [p for p in GOLDEN if (SAMPLES / f"{p.stem}.txt").is_file()], ids=lambda p: p.stem[:3])
def test_spun_copy_reads_back_as_the_original(path):
    _, raw = _golden(path)
    assert _flat(clean(RawArticle(text=spun(raw))).text) == _flat(clean(RawArticle(text=raw)).text)


@pytest.mark.parametrize("kind", sorted(DIRT))
def test_dirty_copy_offsets_lead_to_the_raw_characters(kind):
    for path in GOLDEN:
        _, raw = _golden(path)
        dirty = DIRT[kind](raw)
        doc = clean(RawArticle(text=dirty))
        read = {i for start, end, _ in doc.readings for i in range(start, end)}
        changed = [i for i, (c, o) in enumerate(zip(doc.text, doc.offsets))
                   if dirty[o] != c and not c.isspace() and i not in read]
        # Only characters an encoding repair rewrote may differ from the raw character they map to.
        assert all(ord(dirty[doc.offsets[i]]) > 127 for i in changed)


# --- properties: any mix of article text, boilerplate and dirt ------------------------------------------

_PIECES = st.sampled_from([
    "Russian forces shelled Kharkiv on Tuesday, officials said.", "Two civilians were killed.", "© AFP",
    "Reuters/Anna Petrova", "Related stories", "Floods hit Lutsk", "Home | News | World", "No joke",
    "https://t.co/x7Yq2Lm9 @kyiv_live", "Jonathan SmithDefence correspondent, Kyiv", "troopers", "metropolis",
    "a 12 months", "struggle", "CafÃ© â€œnoâ€\x9d", "escal-\nating", "  ", "\n", "\n\n", "|", "…", "ttn-42",
])
_MIXED = st.tuples(st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=30), st.sampled_from(sorted(DIRT)))


@settings(max_examples=150, deadline=None)
@given(_MIXED)
@example((["Russian forces shelled Kharkiv on Tuesday, officials said.", "Ó0\x93Ç"], "all"))   # once mis-mapped
@example((["á\x80", "…"], "all"))                                                          # once mis-mapped
@example((["á\x87", "…"], "all"))                                                          # once mis-mapped
@example((["…", "¦Õ", "\x08", "\x91"], "all"))                                           # once mis-mapped
def test_cleaning_dirty_mixes_never_crashes_and_offsets_map_to_raw(mix):
    pieces, kind = mix
    raw = DIRT[kind](" ".join(pieces))
    doc = clean(RawArticle(text=raw))
    assert len(doc.offsets) == len(doc.text) + 1 and doc.offsets[-1] == len(raw)
    assert list(doc.offsets) == sorted(doc.offsets) and all(0 <= o < len(raw) for o in doc.offsets[:-1])
    for start, end, _ in doc.removed:
        assert 0 <= start < end <= len(raw)
    read = {i for start, end, _ in doc.readings for i in range(start, end)}
    # Kept characters are the raw characters, except where a repair rewrote them (whitespace, an encoding
    # fix of non-ASCII or control characters, a line break put back before a glued capital) or a spun
    # word was read back.
    assert all(raw[o] == c or c.isspace() or ord(raw[o]) > 127 or not raw[o].isprintable() or i in read
               for i, (c, o) in enumerate(zip(doc.text, doc.offsets)))
    assert doc.published(0, len(doc.text)).count("\n") == doc.text.count("\n")
