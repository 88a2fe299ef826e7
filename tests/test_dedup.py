"""Copy detection: each kind of copy found by the right method; different stories on one town and day kept apart."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from frontline import api
from frontline.clean import clean
from frontline.dedup import CopyDetector, CopyIndex, compare, fingerprint
from frontline.ingest import read_inputs
from frontline.store import Store

COPIES = Path(__file__).parent / "data" / "copies" / "articles"
SAMPLES = Path(__file__).parent.parent / "src" / "frontline" / "data" / "samples"
WITHDRAWAL = SAMPLES / "003_6ac94ade45329e36.txt"


@pytest.fixture(scope="module")
def detector() -> CopyDetector:
    return CopyDetector()


def _print(detector: CopyDetector, path: Path):
    doc = clean(next(iter(read_inputs([str(path)]))))
    return fingerprint(doc.article_id, doc.text, detector.embed([doc.text])[0])


@pytest.mark.parametrize(("kind", "method"), [
    ("boilerplate", "minhash"), ("pdf", "minhash"), ("teaser", "containment"), ("spun", "embedding")])
def test_each_kind_of_copy_is_found_by_its_method(detector, kind, method):
    found = compare(_print(detector, COPIES / f"{WITHDRAWAL.stem}.{kind}.txt"), _print(detector, WITHDRAWAL))
    assert found is not None and found[0] == method


def test_pdf_copy_without_page_headers_cleans_back_to_the_original_text():
    # unwrapped and de-hyphenated by the cleaner, the PDF copy has the original's content id: stored once
    original = SAMPLES / "004_69773ed2fd2f15b6.txt"
    pdf, doc = (clean(r) for r in read_inputs([str(COPIES / f"{original.stem}.pdf.txt"), str(original)]))
    assert pdf.article_id == doc.article_id


def test_boilerplate_around_a_short_article_is_containment(detector):
    short = Path(__file__).parent / "data" / "articles" / "state_media_novoselovka.txt"
    found = compare(_print(detector, COPIES / "state_media_novoselovka.boilerplate.txt"), _print(detector, short))
    # the cleaner drops most of the page's boilerplate first, so what is left is near-identical or contains it
    assert found is not None and found[0] in {"containment", "minhash"} and found[1] >= 0.9


@pytest.mark.parametrize(("a", "b"), [
    ("sievierodonetsk_azot_shelling.txt", "sievierodonetsk_withdrawal_order.txt"),
    ("pokrovsk_capture_claim.txt", "pokrovsk_glide_bombs.txt"),
])
def test_two_stories_about_one_town_on_one_day_are_not_copies(detector, a, b):
    assert compare(_print(detector, COPIES / b), _print(detector, COPIES / a)) is None


def test_independent_report_of_the_same_event_is_not_a_copy(detector):
    assert compare(_print(detector, COPIES / "sievierodonetsk_withdrawal_order.txt"),
                   _print(detector, WITHDRAWAL)) is None


def test_copy_of_a_copy_points_at_the_first_seen_original(detector):
    index = CopyIndex()
    original = _print(detector, WITHDRAWAL)
    teaser = _print(detector, COPIES / f"{WITHDRAWAL.stem}.teaser.txt")
    spun = _print(detector, COPIES / f"{WITHDRAWAL.stem}.spun.txt")
    index.add(original)
    first = detector.find(teaser, index)
    index.add(teaser, first.original_id)
    assert index.candidates(spun.keys())[0] == original.article_id
    assert detector.find(spun, index).original_id == original.article_id


def test_store_keeps_fingerprints_and_finds_candidates_by_key(tmp_path, detector):
    original = _print(detector, WITHDRAWAL)
    teaser = _print(detector, COPIES / f"{WITHDRAWAL.stem}.teaser.txt")
    with Store(tmp_path / "f.db") as store:
        store.add_fingerprint(original)
        back = store.fingerprint(original.article_id)
        assert np.array_equal(back.minhash, original.minhash) and np.array_equal(back.vector, original.vector)
        assert back.facts == original.facts
        assert store.candidates(teaser.keys()) == [original.article_id]
        match = detector.find(teaser, store)
        assert (match.original_id, match.method) == (original.article_id, "containment")


class _NoModel:
    def encode(self, texts):
        raise AssertionError("the embedding model must not load for a single article")


def test_one_article_does_not_load_the_embedding_model(run):
    result = run("Russian troops entered the town of Hirske yesterday, the city leader said.")
    assert api.mark_copies([result], CopyDetector(embedder=_NoModel())) == [result]
