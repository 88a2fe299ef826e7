"""Initiator and target of one trigger, and the other side of a fight."""

from __future__ import annotations

import datetime as dt

from frontline.events.referents import SPOKEN_FORCE
from frontline.events.who import first_person, opponent, parties, with_civilian_target
from frontline.models import ActorMention, Party
from frontline.vocab.event_types import event_type


def test_the_other_side_before_and_after_the_invasion():
    ua = Party("Ukrainian forces", "UA")
    assert opponent(ua, [], dt.date(2022, 6, 1)) == SPOKEN_FORCE["RU"]
    assert opponent(ua, [], dt.date(2015, 6, 1)) == SPOKEN_FORCE["RU_aligned"]
    assert opponent(Party("civilians", "civilians"), [], None) is None


def test_civilian_victims_are_the_target_and_never_initiate():
    civilians = Party("civilians", "civilians")
    assert with_civilian_target(civilians, None, []) == (None, civilians)


def _parties(pipeline, text, word, etype):
    doc = pipeline.resources.nlp(text)
    return parties(doc, next(t for t in doc if t.text == word), event_type(etype), [], (),
                   dt.date(2022, 6, 25))


def test_a_defensive_verb_makes_its_subject_the_one_attacked(pipeline):
    initiator, target, guessed = _parties(pipeline, "Ukrainian troops repelled an assault.", "repelled",
                                          "armed_clash")
    assert (initiator, target, guessed) == (SPOKEN_FORCE["RU"], SPOKEN_FORCE["UA"], False)


def test_a_warring_country_before_aid_receives_it(pipeline):
    initiator, target, _ = _parties(pipeline, "Ukraine aid was approved.", "aid", "aid")
    assert initiator is None and target == Party("Ukrainian government", "UA")
    initiator, target, _ = _parties(pipeline, "US sanctions on Russia were extended.", "sanctions", "sanction")
    assert initiator == Party("US government", "US") and target == Party("Russian government", "RU")


def test_protesters_are_civilians_against_their_own_government(pipeline):
    initiator, target, _ = _parties(pipeline, "Russian women staged protests.", "protests", "protest")
    assert initiator == Party("civilians", "civilians") and target == Party("Russian government", "RU")


def test_first_person_subject(pipeline):
    doc = pipeline.resources.nlp("We have recovered the village.")
    assert first_person(next(t for t in doc if t.text == "recovered"))


def test_the_speaker_is_not_guessed_the_initiator(pipeline):
    text = "Shelling hit the town, the Russian army said."
    doc = pipeline.resources.nlp(text)
    army = ActorMention(text.index("the Russian army"), text.index(" said"), "the Russian army",
                        Party("Russian forces", "RU"))
    initiator, _, guessed = parties(doc, doc[0], event_type("shelling"), [army], (army,), dt.date(2022, 6, 25))
    assert initiator is None and not guessed
