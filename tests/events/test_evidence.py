"""Issue 28: an event told in several sentences keeps each of them as evidence, and each count its own sentence."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from shared_data import shared_path

from frontline.errors import StageError
from frontline.export.acled import fatalities
from frontline.export.results import to_dict, validate

SHARED_SPEC = shared_path("spec", "output.schema.json") or Path("missing.json")

ATTACK = "Russian forces shelled Kupiansk on Monday."
TOLL = "Two civilians were killed, the governor said."


def _sentence_of(result, start: int, end: int) -> str:
    return result.document.text[start:end]


def test_a_toll_folded_into_its_attack_keeps_its_sentence(run):
    result = run(f"{ATTACK} {TOLL}")
    assert len(result.events) == 1
    event = result.events[0]
    assert event.event_type == "shelling" and fatalities(event) == 2
    assert event.evidence.sentence == ATTACK
    assert [e.sentence for e in event.more_evidence] == [TOLL]
    toll = event.more_evidence[0]
    assert _sentence_of(result, toll.char_start, toll.char_end) == TOLL     # offsets into the cleaned text
    (dead,) = [q for q in event.quantities if q.role == "killed"]
    assert dead.value == 2 and dead.evidence == toll


def test_the_json_output_carries_every_sentence_and_validates(run):
    payload = to_dict([run(f"{ATTACK} {TOLL}")])
    validate(payload)
    (event,) = payload["events"]
    assert [e["sentence"] for e in event["more_evidence"]] == [TOLL]
    (dead,) = [q for q in event["quantities"] if q["role"] == "killed"]
    assert dead["evidence"]["sentence"] == TOLL
    if SHARED_SPEC.exists():        # the shared contract: the new properties are optional additions to it
        jsonschema.validate(payload, json.loads(SHARED_SPEC.read_text(encoding="utf-8")))
    event["more_evidence"] = [{"sentence": TOLL}]           # and the package's schema types them
    with pytest.raises(StageError, match="more_evidence"):
        validate(payload)


def test_an_event_told_once_has_no_further_evidence(run):
    result = run("Russian forces shelled Kupiansk on Monday, killing two civilians.")
    (event,) = result.events
    assert event.more_evidence == () and all(q.evidence is None for q in event.quantities)
    assert "more_evidence" not in to_dict([result])["events"][0]


def test_the_headline_the_attack_and_its_toll_are_one_event_of_three_sentences(run):
    headline, attack = "Russian shelling kills three in Kharkiv", "Russian forces shelled Kharkiv on Friday."
    toll = "Three people were killed and five injured, the regional governor said."
    result = run(f"{headline}\n\n{attack} {toll}")
    (event,) = result.events
    assert [event.evidence.sentence, *(e.sentence for e in event.more_evidence)] == [headline, attack, toll]
    counts = {q.role: (q.value, q.evidence.sentence if q.evidence else event.evidence.sentence)
              for q in event.quantities}
    assert counts == {"killed": (3, headline), "injured": (5, toll)}
