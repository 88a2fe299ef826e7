"""Calibrated confidence: the shipped table loads, and its features read what they say."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from importlib import resources

import pytest

from frontline.errors import ResourceError
from frontline.events.confidence import FEATURES, Calibrator, features
from frontline.models import Claim, Event, EventDate, Evidence, Location, Party


def event(place=True, text=None, modality="asserted", by=None, confidence=0.6):
    loc = Location("Hirske", 48.7, 38.5, "Luhansk", "UA", "settlement", 708273) if place else None
    return Event("e", "a", "territory_captured", loc, EventDate(dt.date(2022, 6, 24), "day", None, text), None, None,
                 (), Claim(Party(by, "UA") if by else None, modality), Evidence("s", 0, 1), confidence)


def test_features_read_place_date_claim_and_modality():
    # raw, settlement, no_place, own_date, reported, unreal, country, near, toll
    assert features(event()) == [0.6, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    assert features(event(place=False, text="yesterday", modality="planned", by="Governor")) == \
        [0.6, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0]


def test_a_located_dated_event_is_more_likely_right_than_a_bare_one():
    cal = replace(Calibrator.load(), applied=True)
    located, bare = cal.apply([event(text="yesterday"), event(place=False)])
    assert 0 < bare.confidence < located.confidence < 1


def test_the_shipped_table_names_the_features_and_its_cross_validation():
    table = json.loads(resources.files("frontline").joinpath("data/confidence.json").read_text(encoding="utf-8"))
    assert tuple(table["features"]) == FEATURES
    assert table["applied"] == (table["cross_validated"]["brier"] < table["cross_validated"]["raw_brier"])


def test_a_type_ucdp_cannot_judge_keeps_its_raw_score():
    # UCDP codes lethal violence only: its rows could never call a negotiation right, so the map is not applied
    cal = replace(Calibrator.load(), applied=True)
    talks = replace(event(text="yesterday"), event_type="negotiation")
    fight = replace(event(text="yesterday"), event_type="armed_clash")
    out_talks, out_fight = cal.apply([talks, fight])
    assert out_talks.confidence == talks.confidence
    assert out_fight.confidence != fight.confidence


def test_a_map_that_did_not_beat_the_raw_scores_keeps_them():
    kept = replace(Calibrator.load(), applied=False).apply([event(text="yesterday")])
    assert kept[0].confidence == event(text="yesterday").confidence


def test_a_table_with_other_features_is_refused(tmp_path):
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"features": ["raw"], "weights": [1.0], "bias": 0.0}))
    with pytest.raises(ResourceError, match="fit_confidence"):
        Calibrator.load(path)
