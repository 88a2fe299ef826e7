"""Golden cleaning checks: each sample article and its dirty copies keep their text and lose their boilerplate.

The golden files (``tests/golden/*.json``) hold what must survive and what must go; the dirty copies come
from ``tests/dirt.py``. Text is compared with whitespace collapsed, as a reader sees it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dirt import BOILERPLATE_PLACES, DIRT, spun

from frontline.clean import clean
from frontline.models import RawArticle

GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.json"))
SAMPLES = Path(__file__).resolve().parents[1] / "src" / "frontline" / "data" / "samples"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _golden(path: Path) -> tuple[dict, str]:
    golden = json.loads(path.read_text(encoding="utf-8"))
    return golden, (SAMPLES / golden["raw"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem[:3])
def test_golden_raw_article(path):
    golden, raw = _golden(path)
    doc = clean(RawArticle(text=raw))
    published = _flat(doc.published(0, len(doc.text)))
    assert [k for k in golden["keep"] if _flat(k) not in published] == []
    assert [d for d in golden["drop"] if d in doc.text] == []


@pytest.mark.parametrize("kind", sorted(DIRT))
@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem[:3])
def test_golden_dirty_copy(path, kind):
    golden, raw = _golden(path)
    doc = clean(RawArticle(text=DIRT[kind](raw)))
    published = _flat(doc.published(0, len(doc.text)))
    # A spun copy publishes the spinner's words: what must survive is the spun form of the kept text.
    keep = [spun(k) if kind in ("spun", "all") else k for k in golden["keep"]]
    assert [k for k in keep if _flat(k) not in published] == []
    assert [d for d in golden["drop"] if d in doc.text] == []
    assert [p for p in BOILERPLATE_PLACES if p in doc.text] == []


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem[:3])
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
