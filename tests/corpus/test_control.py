"""Control timelines: the rules on synthetic fused events, and the sample corpus's settlements checked by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontline import api
from frontline.cli import cli
from frontline.corpus.control import build_timeline, from_dict, to_dict
from frontline.corpus.fuse import fuse_corpus
from frontline.models import Article, Claim, Event, EventDate, Evidence, Location, Party
from frontline.store.sqlite import SqliteStore as Store

COPIES = Path(__file__).parent.parent / "data" / "copies" / "articles"
SAMPLE_STEMS = ("000_a3d27e25a3327336", "001_a6257f7053fb0cea", "002_b36b9faaa39f3bc8", "003_6ac94ade45329e36",
                "004_69773ed2fd2f15b6")
HIRSKE = Location("Hirske", 48.75, 38.49, "Luhansk", "UA", "settlement", 707688)
RU, UA = Party("Russian forces", "RU"), Party("Ukrainian forces", "UA")
KYIV_ANALYST = Party("Oleksander Musiyenko", "UA", "military analyst")


def _event(eid, article, kind, day, initiator=None, claimed_by=None, modality="asserted", sentence="...",
           trigger=""):
    modality = "claimed" if claimed_by is not None and modality == "asserted" else modality
    return Event(eid, article, kind, HIRSKE, EventDate(dt.date(2022, 6, day), "day", text="yesterday"), initiator,
                 None, (), Claim(claimed_by, modality), Evidence(sentence, 0, len(sentence)), 0.8, trigger=trigger)


def _timeline(*events):
    articles = {e.article_id: Article(e.article_id, "ok", None) for e in events}
    return build_timeline("Hirske", fuse_corpus(events, articles), {e.event_id: e for e in events})


def _states(t):
    return [(s.start.isoformat(), s.status) for s in t.states]


def test_capture_outweighs_fighting_told_in_the_articles_voice():
    t = _timeline(_event("e1", "a", "armed_clash", 1), _event("e2", "a", "territory_captured", 3, RU),
                  _event("e3", "a", "armed_clash", 3, UA))
    assert _states(t) == [("2022-06-01", "contested"), ("2022-06-03", "RU")]


def test_fighting_the_losing_side_claims_makes_the_day_contested():
    t = _timeline(_event("e1", "a", "territory_captured", 3, RU, claimed_by=RU),
                  _event("e2", "b", "armed_clash", 3, claimed_by=UA))
    assert _states(t) == [("2022-06-03", "contested")]
    assert [e.claimed_by for e in t.states[0].claims] == [(RU, UA), (UA,)]


def test_withdrawal_of_our_forces_hands_the_place_to_the_other_side():
    t = _timeline(_event("e1", "a", "territory_withdrawn", 4, RU, claimed_by=KYIV_ANALYST,
                         sentence="Our forces had to withdraw."))
    assert _states(t) == [("2022-06-04", "RU")]
    assert t.states[0].assertions == () and t.states[0].claims[0].claimed_by == (KYIV_ANALYST,)


@pytest.mark.parametrize("sentence", ["Ukrainian troops gained ground in the town.",
                                      "Russian forces took part of the town.",
                                      "Russian forces now control 60 percent of the town."])
def test_capture_of_a_share_of_the_place_leaves_it_contested(sentence):
    trigger = sentence.split()[2]     # 'gained', 'took', 'control'
    t = _timeline(_event("e1", "a", "territory_captured", 2, RU), _event("e2", "b", "territory_captured", 6, UA,
                                                                          sentence=sentence, trigger=trigger))
    assert _states(t) == [("2022-06-02", "RU"), ("2022-06-06", "contested")]


def test_a_share_named_outside_the_capture_clause_does_not_make_it_partial():
    sentence = "Russian forces captured the town, killing most of its defenders."
    t = _timeline(_event("e1", "a", "territory_captured", 2, RU, sentence=sentence, trigger="captured"))
    assert _states(t) == [("2022-06-02", "RU")]


def test_planned_capture_says_nothing_and_encircler_keeps_what_it_holds():
    t = _timeline(_event("e1", "a", "territory_captured", 1, RU, modality="planned"),
                  _event("e2", "a", "territory_captured", 2, RU), _event("e3", "b", "encirclement", 3, RU),
                  _event("e4", "c", "territory_captured", 5, UA))
    assert _states(t) == [("2022-06-02", "RU"), ("2022-06-05", "UA")]


def test_timeline_round_trips_through_json():
    t = _timeline(_event("e1", "a", "territory_captured", 3, RU, claimed_by=RU), _event("e2", "b", "armed_clash", 4))
    assert from_dict(to_dict(t)) == t


# --- the sample corpus, read by hand --------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory, pipeline):
    """Samples, then the samples again, then copies of them, then two independent reports; with counts."""
    db = tmp_path_factory.mktemp("control") / "corpus.db"
    counts = []
    for paths in ([api.sample_corpus()], [api.sample_corpus()],
                  [COPIES / f"{s}.boilerplate.txt" for s in SAMPLE_STEMS] + [COPIES / f"{SAMPLE_STEMS[3]}.spun.txt"],
                  [COPIES / "pokrovsk_capture_claim.txt"], [COPIES / "sievierodonetsk_withdrawal_order.txt"]):
        report = api.ingest(paths, db, pipeline=pipeline)
        with Store(db) as store:
            counts.append((report, store.counts()["events"], store.corpus_counts()))
    return db, counts


def test_ingesting_the_samples_twice_or_a_copy_of_them_leaves_event_counts_unchanged(corpus_db):
    _, counts = corpus_db
    (first, events, corpus), (again, events_again, corpus_again), (copies, events_copies, corpus_copies) = counts[:3]
    assert again.changed == 0 and events_again == events and corpus_again == corpus
    # the five boilerplate copies repeat their originals' text (repeats, stored once); the spun one is a copy, and
    # the run's count of copies agrees with the store's (issue 26: '450 copies' against summary's 91)
    assert copies.repeats == 5 and copies.copies == 1 and copies.events == 0
    assert events_copies == events and corpus_copies["fused_events"] == corpus["fused_events"]
    # the five boilerplate copies clean to their originals' exact text, so they are the same articles (same
    # content ids, counted as copies by the run, stored once); the spun rewrite is stored and marked
    assert corpus_copies["copies"] == 1


def test_copies_are_marked_with_their_original_score_and_method(corpus_db):
    db, _ = corpus_db
    with Store(db) as store:
        by_path = {Path(r.article.path).name: r.article for r in store.results(documents=False, mentions=False)}
    spun = by_path[f"{SAMPLE_STEMS[3]}.spun.txt"]
    assert spun.duplicate_of == by_path[f"{SAMPLE_STEMS[3]}.txt"].article_id
    assert spun.duplicate_method == "embedding" and "duplicate" in spun.quality_flags
    # a copy that cleans to the original's exact text keeps the original's first-seen record
    assert f"{SAMPLE_STEMS[0]}.boilerplate.txt" not in by_path and by_path[f"{SAMPLE_STEMS[0]}.txt"].duplicate_of is None


def test_pokrovsk_capture_claim_is_contested_with_both_sides(corpus_db):
    db, _ = corpus_db
    with Store(db) as store:
        capture = next(f for f in store.fused_events(["Pokrovsk"])
                       if f.event_type == "territory_captured" and len(f.article_ids) == 2)
    assert capture.contested and capture.outlets == 2
    assert {p.side for p in capture.claimants} == {"RU", "UA"}
    assert {c.claimed_by.side for c in capture.claims if c.stance == "disputes"} == {"UA"}


def _pinned(db, place):
    t = api.timeline(db, place)
    return [(s.start.isoformat(), s.status) for s in t.states], t


def test_hirske_solone_kupiansk_pokrovsk_timelines(corpus_db):
    db, _ = corpus_db
    # 003: Russian troops entered Hirske and fully occupied it, the city leader said; Moscow says it surrounded
    # Ukrainian troops there (a claim, not a change of hands)
    states, hirske = _pinned(db, "Girske")
    assert states == [("2022-06-24", "RU")]
    assert hirske.states[0].assertions == ()
    # 'Moscow said it surrounded around 2,000' and the Defence Ministry's 'up to 2,000 in Hirske' are one event,
    # claimed by the more specific of the two speakers
    assert [p.name for e in hirske.states[0].claims for p in e.claimed_by] == ["Oleksiy Babchenko",
                                                                             "Russian Defence Ministry"]
    # 004: 'now under Russian control, the Defense Ministry in Moscow said'
    assert _pinned(db, "Soloné")[0] == [("2025-01-23", "RU")]
    # 004: occupied from the first days of the war, recaptured by the Ukrainian army in the fall of 2022
    states, kupiansk = _pinned(db, "Kupyansk")
    assert states == [("2022-02-24", "RU"), ("2022-09-01", "UA")]
    assert all(s.claims == () for s in kupiansk.states)
    # 004: Russian soldiers at the gates of Pokrovsk; 000 and the wire report: Russia claims it, Ukraine says
    # fighting goes on, the governor denies it; 000's 'Russia has spent over a year trying to seize Pokrovsk'
    # dates the fighting from the year before (year precision)
    assert _pinned(db, "Pokrovsk")[0] == [("2024-01-01", "contested")]


@pytest.mark.xfail(strict=True, reason="fuse: Musiyenko's 'our forces had to withdraw' is folded into the governor's planned "
                          "withdrawal of the same article, so the last state stays contested instead of RU")
def test_sievierodonetsk_timeline_ends_under_russian_control_on_ukrainian_word(corpus_db):
    db, _ = corpus_db
    states, t = _pinned(db, "Severodonetsk")
    # 001: 'a fight for control of Shevyerodonetsk since the beginning of the invasion on February 24'
    assert states[0] == ("2022-02-24", "contested")
    # 003 and the wire report: troops ordered out on the 24th after weeks of fighting; withdrawn by the 25th
    assert states[-2:] == [("2022-06-24", "contested"), ("2022-06-25", "RU")]
    assert [p.name for e in t.states[-1].claims for p in e.claimed_by] == ["Oleksander Musiyenko"]


@pytest.mark.xfail(strict=True, reason="fuse: as above, the withdrawal of 2022-06-25 is folded into the planned one, so the "
                          "city stays contested from 2022-02-24 on")
def test_sievierodonetsk_timeline_as_read_by_hand(corpus_db):
    db, _ = corpus_db
    assert _pinned(db, "Sievierodonetsk")[0] == [("2022-02-24", "contested"), ("2022-06-25", "RU")]


def test_only_touched_places_are_recomputed(corpus_db):
    _, counts = corpus_db
    withdrawal_report = counts[4][0]
    assert withdrawal_report.timelines == 2     # Sievierodonetsk and Lysychansk, nothing else


def test_cli_timeline_prints_states_and_rejects_unknown_places(corpus_db):
    db, _ = corpus_db
    out = CliRunner().invoke(cli, ["timeline", "Kupiansk", "--db", str(db)])
    assert out.exit_code == 0
    assert out.output.splitlines()[:3] == ["Kupiansk (Kharkiv): control timeline", "  from 2022-02-24  RU",
                                           "      2022-02-24 reported: territory_captured -> RU (1 article(s))"]
    bad = CliRunner().invoke(cli, ["timeline", "Qwertyville", "--db", str(db)])
    assert bad.exit_code == 1 and "no settlement called 'Qwertyville'" in bad.output
