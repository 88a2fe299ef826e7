"""Whose words a sentence told in no one's name takes (``frontline.events.voice``), pinned on one-line reports."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from shared_data import shared_path

from frontline.errors import StageError
from frontline.export.results import to_dict, validate

SHARED_SPEC = shared_path("spec", "output.schema.json") or Path("missing.json")


def voices(run, text, published="2023-04-11"):
    """The (side, basis, cue) of every event's voice, None for an event with none; every claimant must be null."""
    events = run(text, published).events
    assert events
    return {(e.claim.voice.side, e.claim.voice.basis, e.claim.voice.cue) if e.claim.voice else None
            for e in events}


@pytest.mark.parametrize("text, side, cue", [
    ("Over the night, the invaders shelled Orikhiv, a woman was wounded", "UA", "invaders"),
    ("The occupiers struck a school in Kupiansk", "UA", "occupiers"),
    ("Ukrainian nationalists shelled Horlivka with rocket launchers", "RU", "Ukrainian nationalists"),
    ("The Kiev regime struck a bakery in Lysychansk", "RU", "Kiev regime"),
    ("The enemy shelled Nikopol with heavy artillery, two were wounded", "UA", "The enemy"),
    # 'the enemy' beside one side's forces is that side's word for the other's
    ("Russian troops pushed the enemy out of positions near Dvorichna", "RU", "the enemy"),
])
def test_a_sides_own_words_give_its_voice(run, text, side, cue):
    assert voices(run, text) == {(side, "wording", cue)}


@pytest.mark.parametrize("text, side", [
    ("Russian paratroopers destroyed three Ukrainian tanks near Kreminna", "RU"),
    ("Ukrainian gunners shot down two Russian helicopters over Bakhmut", "UA"),
])
def test_a_force_telling_its_own_success_is_its_sides_voice(run, text, side):
    (voice,) = voices(run, text)
    assert voice[:2] == (side, "success")


@pytest.mark.parametrize("text", [
    "Russian missiles hit a residential building in Odesa, killing three",    # no side's words
    "Russian forces destroyed a residential building in Kostiantynivka",      # a strike on homes is no success
    "What Moscow calls a special military operation killed dozens in Kramatorsk",   # the word set off as theirs
    "The invaders said Ukrainian nationalists shelled Donetsk",               # both sides' words: unsure
    "The enemy shelled Horlivka in the DPR",                                  # 'the enemy' of a republic: unsure
])
def test_no_voice_when_unsure(run, text):
    assert all(e.claim.voice is None for e in run(text, "2023-04-11").events)


def test_the_voice_keeps_claimed_by_null_and_points_at_its_cue(run):
    text = "During the day, the invaders killed two civilians in Toretsk"
    result = run(text, "2023-04-11")
    for event in result.events:
        assert event.claim.claimed_by is None
        voice = event.claim.voice
        assert result.document.text[voice.char_start:voice.char_end] == "invaders"


def test_a_claimant_of_no_known_side_takes_the_sides_voice(run):
    events = run("More than 60 invaders were eliminated near Vuhledar - intelligence", "2023-04-11").events
    claimants = {(e.claim.claimed_by.name, e.claim.claimed_by.side) for e in events if e.claim.claimed_by}
    assert claimants == {("intelligence", "UA")}


def test_a_named_claimant_of_a_side_gets_no_voice(run):
    events = run("The invaders shelled Kherson, the governor said", "2023-04-11").events
    assert events and all(e.claim.voice is None for e in events)


def test_the_json_output_shows_the_voice_and_validates_against_both_schemas(run):
    payload = to_dict([run("The occupiers shelled Beryslav at night", "2023-04-11")])
    validate(payload)
    voice = payload["events"][0]["claim"]["voice"]
    assert (voice["side"], voice["cue"], voice["basis"]) == ("UA", "occupiers", "wording")
    assert set(voice["evidence"]) == {"char_start", "char_end"}
    if SHARED_SPEC.exists():        # the shared contract: claim.voice is an optional addition to it
        jsonschema.validate(payload, json.loads(SHARED_SPEC.read_text(encoding="utf-8")))
    voice["side"] = "US"            # and the package's schema types it
    with pytest.raises(StageError, match="voice"):
        validate(payload)


@pytest.mark.parametrize("text", [
    "The enemy shelled Orikhiv three times overnight",
    "Kupiansk was shelled by the enemy overnight, two people were injured",
    "One Ukrainian soldier killed, two wounded in enemy attack near Avdiivka",
])
def test_the_enemy_of_the_voice_is_the_attacker(run, text):
    (event,) = [e for e in run(text).events if e.event_type in ("shelling", "armed_clash", "air_drone_strike")]
    assert event.claim.voice.side == "UA" and event.initiator.side == "RU"


def test_an_enemy_that_is_struck_is_not_the_attacker(run):
    (event,) = run("The Armed Forces of Ukraine hit two enemy command posts near Kherson").events
    assert event.initiator.side == "UA"
