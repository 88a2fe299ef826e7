"""Tests for frontline.clean.quality and for quality flags and boilerplate through the pipeline, store and export."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from dirt import BOILERPLATE_PLACES, all_dirt, wrapped

from frontline.clean import clean
from frontline.clean.quality import assess
from frontline.export.results import article_to_dict, to_dict, validate
from frontline.models import RawArticle
from frontline.store.sqlite import SqliteStore as Store

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "frontline" / "data" / "samples"
PROSE = ("Russian forces shelled the town of Vovchansk overnight, regional officials said on Monday. "
         "Two people were wounded and a school was damaged, the governor wrote on Telegram.\n"
         "Ukraine's army said it had repelled eleven assaults near the town over the past day, and that fighting "
         "continued along the whole front line in the north of the Kharkiv region.\n"
         "Evacuations of children from villages near the border went on, the regional administration said, with "
         "buses leaving twice a day for the city of Kharkiv and for towns further west.\n")


def flags(text: str, **raw) -> dict[str, str]:
    article = RawArticle(text=text, **raw)
    return dict(assess(article, clean(article)))


def sample(number: str) -> str:
    return next(SAMPLES.glob(f"{number}_*.txt")).read_text(encoding="utf-8")


# --- the samples: the flags a careful reader gives -------------------------------------------------------

@pytest.mark.parametrize("number, expected", [
    ("000", ["spun", "boilerplate_removed", "low_quality"]),
    ("001", ["machine_translated", "scraped", "boilerplate_removed"]),
    ("002", ["boilerplate_removed", "pdf_extracted", "state_media"]),
    ("003", ["scraped", "boilerplate_removed"]),
    ("004", ["machine_translated", "boilerplate_removed"]),
])
def test_sample_flags(number, expected):
    assert list(flags(sample(number))) == expected


def test_sample_000_spun_reason_names_the_swaps():
    assert "'metropolis'" in flags(sample("000"))["spun"]


def test_sample_002_state_media_from_the_embedded_tweet():
    assert flags(sample("002"))["state_media"] == (
        "embedded post '— RT (@RT_com) August 4, 2014' names the state-run RT")


def test_sample_003_scraped_reason():
    assert flags(sample("003"))["scraped"] == (
        "a scraper's tail: 1 author box line, 1 teaser excerpt cut off after the article")


def test_a_sites_own_teaser_block_is_not_scraping():
    assert "scraped" not in flags("Russian forces shell Vovchansk\n" + PROSE + "Most read\nFloods in Lutsk\n")


def test_sample_004_translation_cues():
    assert flags(sample("004"))["machine_translated"] == (
        "proper names in lower case (kyiv); names spelt with foreign diacritics (Soloné); "
        "continental typography ((…))")


# --- single flags ----------------------------------------------------------------------------------------

def test_plain_article_has_no_flags():
    assert flags("Russian forces shell Vovchansk\n" + PROSE) == {}


def test_state_media_from_outlet():
    assert flags(PROSE, source="Sputnik")["state_media"] == "outlet 'Sputnik' is the state-run Sputnik"


def test_state_media_from_url():
    assert flags(PROSE, url="https://tass.com/politics/1234")["state_media"].startswith("URL")


def test_state_media_from_dateline():
    assert flags("MOSCOW, August 12. /TASS/. " + PROSE)["state_media"] == (
        "dateline 'MOSCOW, August 12. /TASS/' names the state-run TASS")


def test_state_media_named_in_the_story_is_not_the_outlet():
    assert "state_media" not in flags(PROSE + "The claim was first reported by TASS and RIA Novosti.\n")


def test_wire_dateline_of_other_agency_is_not_state_media():
    assert "state_media" not in flags("KYIV, Oct 5 (Reuters) - " + PROSE)


def test_pdf_extracted_from_a_wrapped_copy():
    assert flags(wrapped(PROSE * 3))["pdf_extracted"].endswith("doubled spaces of justified type, page breaks")


def test_short_text_is_low_quality():
    assert flags("Russian forces shelled Vovchansk, officials said.")["low_quality"] == (
        "only 6 words of article text")


def test_boilerplate_removed_counts_lines():
    assert flags("Russian forces shell Vovchansk\n" + PROSE + "© AFP\nRelated stories\nFloods in Lutsk\n")[
        "boilerplate_removed"] == "3 lines removed: 1 image credit, 2 teaser"


# --- through the pipeline --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def samples(pipeline):
    manifest = [json.loads(line) for line in (SAMPLES / "manifest.jsonl").read_text().splitlines() if line.strip()]
    raws = [RawArticle(text=(SAMPLES / m["file"]).read_text(encoding="utf-8"), path=m["file"],
                       published=dt.date.fromisoformat(m["published"])) for m in manifest]
    return {r.article.path[:3]: r for r in pipeline.process_many(raws)}


def test_article_carries_flags_with_reasons(samples):
    article = samples["002"].article
    assert article.quality_flags == ("boilerplate_removed", "pdf_extracted", "state_media")
    assert [flag for flag, _ in article.quality_reasons] == list(article.quality_flags)


def test_no_event_at_a_place_named_only_in_removed_text(samples):
    for result in samples.values():
        doc = result.document
        for event in result.events:
            if event.location is not None and event.location.mention:
                assert event.location.mention in doc.text, (result.article.path, event.location)
    placed = {e.location.name for r in samples.values() for e in r.events if e.location}
    assert placed.isdisjoint({"Cumming", "Kazan", "Taopi"})


def test_no_event_at_a_place_named_only_in_added_boilerplate(pipeline, samples):
    raws = [RawArticle(text=all_dirt(r.document.raw), published=r.article.published) for r in samples.values()]
    placed = {e.location.name for r in pipeline.process_many(raws) for e in r.events if e.location}
    assert placed.isdisjoint(BOILERPLATE_PLACES)


def test_spun_article_evidence_quotes_the_published_words(samples):
    result = samples["000"]
    doc = result.document
    spun = [e for e in result.events if e.evidence.sentence != doc.text[e.evidence.char_start:e.evidence.char_end]]
    assert spun
    for e in result.events:
        assert e.evidence.sentence == doc.published(e.evidence.char_start, e.evidence.char_end)
    assert any("troopers" in e.evidence.sentence for e in result.events)


def test_spun_article_extraction_reads_plain_words(samples):
    assert "Ukraine said fighting was continuing within the city." in samples["000"].document.text


def test_json_emits_reasons_and_validates(samples):
    record = article_to_dict(samples["003"].article)
    assert record["quality_reasons"]["scraped"].startswith("a scraper's tail")
    validate(to_dict(list(samples.values())))


def test_store_keeps_flags_and_reasons(samples, tmp_path):
    with Store(tmp_path / "q.db") as store:
        store.write(samples["000"])
        back = store.article(samples["000"].article.article_id)
    assert back.article.quality_reasons == samples["000"].article.quality_reasons
    assert back.article.quality_flags == ("spun", "boilerplate_removed", "low_quality")
