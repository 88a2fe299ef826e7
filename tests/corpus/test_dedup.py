"""Copy detection: each kind of copy found by the right method; different stories on one town and day kept apart."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

from frontline import api
from frontline.clean import clean
from frontline.corpus.copies import CopyDetector, CopyIndex, compare, days, fingerprint, numbers
from frontline.sources.ingest import read_inputs
from frontline.store.sqlite import SqliteStore as Store

COPIES = Path(__file__).parent.parent / "data" / "copies" / "articles"
SAMPLES = Path(__file__).parent.parent.parent / "src" / "frontline" / "data" / "samples"
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
    short = Path(__file__).parent.parent / "data" / "articles" / "state_media_novoselovka.txt"
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


def test_keys_computed_ahead_on_a_worker_are_the_keys():
    text = WITHDRAWAL.read_text(encoding="utf-8")
    fp = fingerprint("a", text, places={"kyiv|kyiv"}, published=dt.date(2022, 3, 30))
    ahead = fp.with_keys()
    assert ahead.keys() == fp.keys() and ahead.search_keys() == fp.search_keys()
    assert len(fp.search_keys()) > len(fp.keys()) > 0


class _NoModel:
    def encode(self, texts):
        raise AssertionError("the embedding model must not load for a single article")


def test_one_article_does_not_load_the_embedding_model(run):
    result = run("Russian troops entered the town of Hirske yesterday, the city leader said.")
    assert api.mark_copies([result], CopyDetector(embedder=_NoModel())) == [result]


def test_a_copy_is_never_marked_a_copy_of_itself(pipeline):
    # the PDF copy and the scraped copy clean to one content id; the teaser read in between copies that id, so
    # the scraped copy could match the teaser, whose original is the scraped copy's own id
    stem = "004_69773ed2fd2f15b6"
    paths = [COPIES / f"{stem}.pdf.txt", COPIES / f"{stem}.teaser.txt", COPIES / f"{stem}.boilerplate.txt"]
    results = api.extract(paths, pipeline=pipeline)
    # the scraped copy has the PDF copy's content id (an exact copy): it gets an id of its own and is marked
    # a copy of the first, never of itself
    assert results[2].article.article_id != results[0].article.article_id
    assert results[2].article.duplicate_of == results[0].article.article_id
    assert results[1].article.duplicate_of == results[0].article.article_id
    assert [r.article.duplicate_of == r.article.article_id for r in results] == [False, False, False]


# --- templated reports: alike words, different reports ------------------------------------------------------

DAY = dt.date(2022, 6, 5)
BULLETIN = ("During the day, the Russians killed three civilians in the Donetsk region, the regional "
            "military administration reported on its channel.")
LONG_REPORT = ("Russian forces shelled the outskirts of the regional centre with rocket launchers and artillery, "
               "damaging a school, a pharmacy and several private houses, the regional governor said in a "
               "statement, adding that rescuers had worked through the night to clear the rubble and that the "
               "water supply to the district had been restored by the utility services.")
LATER = (BULLETIN + " In the evening the occupiers also fired on villages along the front line, and rescuers "
         "worked through the night to clear the rubble, the administration added.")


def _fp(text: str, published: dt.date | None = DAY, places: set[str] | None = None, aid: str | None = None):
    return fingerprint(aid or text, text, published=published, places=places)


def _always_alike() -> float:
    return 1.0      # a vector that would call any two texts copies: what stops them must be the facts


@pytest.mark.parametrize(("earlier", "later"), [
    (BULLETIN, BULLETIN.replace("three", "four")),
    ("Losses of the Armed Forces of Ukraine per day amounted to 45 people.",
     "Losses of the Armed Forces of Ukraine per day amounted to 52 people."),
    ("On 5 June, Russian forces shelled Kostiantynivka with rocket launchers.",
     "On 6 June, Russian forces shelled Kostiantynivka with rocket launchers."),
    ("On Monday Russian forces shelled Kostiantynivka with rocket launchers, the governor said.",
     "On Tuesday Russian forces shelled Kostiantynivka with rocket launchers, the governor said."),
    ("Civilian casualties in Ukraine, January 2020", "Civilian casualties in Ukraine, February 2020"),
    # two coded notes of one day sharing a source's claim: the day of the month is no count ('1 fatality')
    ("On 1 January 2024, forces clashed near Andriivka. Up to 300 soldiers were killed, a ministry said. "
     "[2 fatalities coded here.]",
     "On 1 January 2024, forces clashed near Andriivka. Up to 300 soldiers were killed, a ministry said. "
     "[1 fatality coded here.]"),
])
def test_same_words_with_another_number_or_day_are_another_report(earlier, later):
    assert compare(_fp(later), _fp(earlier), _always_alike) is None


def test_same_words_about_another_town_are_another_report():
    earlier = _fp("Russian forces shelled Kostiantynivka overnight with rocket launchers.", places={"kostiantynivka|kostiantynivka"})
    later = _fp("Russian forces shelled Druzhkivka overnight with rocket launchers.", places={"druzhkivka|druzhkivka"})
    assert compare(later, earlier, _always_alike) is None


def test_a_copy_published_days_later_is_another_report_even_when_identical():
    # a templated daily bulletin repeats its words exactly on another day: two reports (issue 28)
    earlier = _fp(BULLETIN, DAY)
    later = _fp(BULLETIN.replace("on its channel", "on Telegram"), DAY + dt.timedelta(days=10))
    assert compare(later, earlier, _always_alike) is None
    assert compare(_fp(BULLETIN.upper(), DAY + dt.timedelta(days=10), aid="again"), earlier) is None
    assert compare(_fp(BULLETIN.upper(), DAY, aid="again"), earlier) == ("minhash", 1.0)
    # 'During the day' dates the bulletin by its publication: two days later the same words are the next day's
    assert compare(_fp(BULLETIN.upper(), DAY + dt.timedelta(days=2), aid="again"), earlier) is None
    # a longer text that names no day of its own is still a copy inside the window
    assert compare(_fp(LONG_REPORT.upper(), DAY + dt.timedelta(days=2), aid="again"), _fp(LONG_REPORT)) == (
        "minhash", 1.0)


def test_one_sentence_repeated_word_for_word_on_another_day_is_another_report():
    # a headline-length text is one report a day, as short copies are: the next day's edition is another report
    line = "RF Armed Forces inflicted a comprehensive fire defeat on units of the Armed Forces of Ukraine near the town"
    assert compare(_fp(line, DAY + dt.timedelta(days=1), aid="next"), _fp(line)) == ("minhash", 1.0)
    assert compare(_fp(line, DAY + dt.timedelta(days=2), aid="next"), _fp(line)) is None


@pytest.mark.parametrize("label", ["Pisky", "Stanytsia Luhanska; Stanytsia Luhanska", "Donetsk airport",
                                   "Jane Doe @janedoe"])
def test_a_label_is_a_copy_only_of_itself_the_same_day(label):
    # a bare place name or handle, given as the 'headline' of rows on many days, tells no story two could share
    assert compare(_fp(label, DAY + dt.timedelta(days=1), aid="next"), _fp(label)) is None
    assert compare(_fp(label, DAY, aid="next"), _fp(label)) == ("minhash", 1.0)
    assert compare(_fp(label + "; " + label, DAY, aid="next"), _fp(label)) is None


def test_a_four_word_headline_is_still_a_story_to_copy():
    line = "Kharkiv shelled again overnight"
    assert compare(_fp(line, DAY, aid="next"), _fp(line)) == ("minhash", 1.0)


@pytest.mark.parametrize(("earlier", "later", "gap"), [
    ("Five DPR servicemen have died since the beginning of the day in battles with the Armed Forces of Ukraine",
     "Five DPR servicemen have died since the beginning of the day in battles with the Armed Forces of Ukraine", 2),
    ("Russians killed three residents of Donetsk region yesterday",
     "Russian troops killed three residents of Donetsk region in a day", 1),
    ("Losses of the Armed Forces of Ukraine in battles with the forces of the republic per day amounted to "
     "35 people, the republic reported",
     "Losses of the Armed Forces of Ukraine in battles with the military of the republic per day amounted to "
     "35 people, reported in the republic", 2),
])
def test_reports_dated_by_their_publication_day_are_another_report_on_another_day(earlier, later, gap):
    assert compare(_fp(later, DAY + dt.timedelta(days=gap), aid="next"), _fp(earlier), _always_alike) is None


@pytest.mark.parametrize(("earlier", "later"), [
    ("Ukrainian howitzer D-30 with ammunition was destroyed in the southern region",
     "Ukrainian howitzer Msta-B was destroyed at night in the southern region"),
    ("Artillerymen of the Russian Federation destroyed a howitzer and vehicles of the Armed Forces of Ukraine in "
     "the southern direction in a day",
     "Artillerymen of the Russian Federation destroyed a howitzer and mortar of the Armed Forces of Ukraine in the "
     "southern direction"),
    # the same count, but another named victim, unit or village
    ("Three Ukrainian soldiers killed in further clashes in the east\nDmitrovka",
     "Three Ukrainian soldiers killed in further clashes in the east\nMuratove"),
    ("Two Ukrainian soldiers reported killed in Donbas\nIvan Petrenko",
     "Two Ukrainian soldiers reported killed in Donbas\nVladyslav Moroz"),
])
def test_a_short_report_that_adds_a_word_is_another_report(earlier, later):
    # close vectors: what tells them apart is the weapon, the target or the name one adds
    assert compare(_fp(later, aid="next"), _fp(earlier), _always_alike) is None


def test_a_headline_that_is_one_line_of_a_longer_report_is_its_copy():
    line = "During the day, the invaders killed five civilians in the Donetsk region"
    longer = _fp(line + "\nIn the evening, the Russians shelled the town center", places={"donetsk|donetsk"})
    assert compare(_fp(line, aid="line", places={"donetsk|donetsk"}), longer, _always_alike) is not None


def test_a_later_bulletin_that_contains_an_earlier_one_and_adds_news_is_not_its_copy():
    earlier, later = _fp(BULLETIN), _fp(LATER)
    assert compare(later, earlier, _always_alike) is None
    assert compare(earlier, later) is not None      # the other way round, the shorter is the copy


def test_number_words_dates_and_weekdays_are_facts():
    assert numbers("Forty-nine troops and 1,200 civilians; 'Up to five' rebels") == {"49", "1200", "5"}
    assert days("On Tuesday, 5 June, and on July 4th") == {"tuesday", "06-05", "07-04"}
    assert days("over twelve decades and the may be") == set()
    assert numbers("On 1 January 2024, 12 were killed; by January 3rd, 14") == {"2024", "12", "14"}


def test_an_article_that_copies_a_copy_must_be_admissible_against_the_original_too():
    index, detector = CopyIndex(), CopyDetector(embedder=_NoModel())
    # (a report that names no day of its own: 'during the day' would date it to its publication day)
    first = _fp(LONG_REPORT, DAY, aid="first")
    second = _fp(LONG_REPORT.replace("the night", "the dark night"), DAY + dt.timedelta(days=3), aid="second")
    third = _fp(LONG_REPORT.replace("the night", "the long night"), DAY + dt.timedelta(days=6), aid="third")
    index.add(first)
    match = detector.find(second, index)
    assert (match.original_id, match.method) == ("first", "minhash")
    index.add(second, match.original_id)
    assert detector.find(third, index) is None      # 3 days after its match, but 6 after that one's original


@pytest.mark.parametrize(("a", "b"), [
    ("7 Ukrainian soldiers killed in past 24 hours in war-torn east: Kiev",
     "Seven Ukrainian soldiers killed in war-torn east"),
    ("Forty-nine Ukrainian troops killed in plane shot down by rebels - military spokesman",
     "Rebels down Ukraine military plane, killing 49"),
    ("At least 10 people killed in shelling on and near school in Ukraine's Donetsk: city authorities",
     "Ten killed in Ukraine's Donetsk on first day of school"),
])
def test_same_day_rewordings_of_one_report_are_copies(detector, a, b):
    # headlines UCDP lists as sources of one event on one day (bench/data/ucdp_rewordings.jsonl)
    va, vb = detector.embed([a, b])
    assert compare(fingerprint("b", b, vb, published=DAY), fingerprint("a", a, va, published=DAY))[0] == "embedding"


def test_store_keeps_the_facts_and_date_of_a_fingerprint(tmp_path):
    fp = _fp(BULLETIN, places={"donetsk|donetsk region"})
    with Store(tmp_path / "f.db") as store:
        store.add_fingerprint(fp)
        back = store.fingerprint(fp.article_id)
    assert (back.numbers, back.days, back.places, back.published, back.exact) == (
        fp.numbers, fp.days, fp.places, fp.published, fp.exact)


def test_articles_without_a_pair_to_tell_apart_do_not_load_the_embedding_model(run):
    results = [run("Russian troops entered the town of Hirske yesterday, the city leader said."),
               run("Ukraine's parliament passed the budget for next year on Thursday.")]
    assert [r.article.duplicate_of for r in api.mark_copies(results, CopyDetector(embedder=_NoModel()))] == [None, None]


def test_ingest_keeps_the_next_edition_of_a_templated_report_apart(tmp_path, pipeline):
    lines = [{"id": "mon", "published": "2022-06-05", "text": BULLETIN},
             {"id": "tue", "published": "2022-06-06", "text": BULLETIN.replace("three", "five")},
             {"id": "again", "published": "2022-06-06", "text": BULLETIN.upper()}]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines))
    report = api.ingest([feed], tmp_path / "s.db", pipeline=pipeline, detector=CopyDetector(embedder=_NoModel()))
    # the shouted one repeats the first's text: a repeat (stored once), not a copy the store would mark
    assert (report.articles, report.copies, report.repeats) == (3, 0, 1)
    with Store(tmp_path / "s.db") as store:
        marked = sorted((r.article.published.day, "five" in r.document.text.lower(), r.article.duplicate_of is not None)
                        for r in store.results())
    # the shouted copy cleans to the first text: one article, counted as a repeat; the next edition stays apart
    assert marked == [(5, False, False), (6, True, False)]


def test_the_same_bulletin_on_two_days_two_weeks_apart_is_two_reports(run):
    from frontline.corpus.marking import mark_copies
    text = "During the day, the invaders killed three civilians in the Donetsk region, the governor said."
    first, again, later = run(text, "2022-06-05"), run(text, "2022-06-06"), run(text, "2022-06-19")
    marked = mark_copies([first, again, later])
    assert [m.article.duplicate_of is not None for m in marked] == [False, True, False]
    assert len({m.article.article_id for m in marked}) == 3
    assert marked[2].events and all(e.article_id == marked[2].article.article_id for e in marked[2].events)


def test_two_reports_opening_on_two_towns_are_not_copies(pipeline):
    """Two notes of one day that share a long claim sentence but open on two towns are two reports."""
    from frontline.corpus.copies import result_fingerprint
    from frontline.sources.ingest import RawArticle

    claim = ("According to Russian sources, up to 400 Ukrainian servicemen were killed near Krynky, Poima and "
             "Kozachi Laheri.")
    day = dt.date(2024, 2, 7)
    a, b = (result_fingerprint(pipeline.process(RawArticle(text=f"On 7 February 2024, Russian forces clashed with "
                                                                 f"Ukrainian forces near {town}, Kherson. {claim}",
                                                            published=day)))
            for town in ("Krynky", "Kozachi Laheri"))
    assert a.lead_places and b.lead_places and not a.lead_places & b.lead_places
    assert compare(b, a) is None and compare(a, b) is None
    title = result_fingerprint(pipeline.process(RawArticle(
        text=f"Fighting near Krynky\n\nOn 7 February 2024, Russian forces clashed with Ukrainian forces near Krynky, "
             f"Kherson. {claim}", published=day)))
    assert title.lead_places >= a.lead_places      # a title's towns are the lead's too
