"""Whom a phrase or a pronoun names."""

from __future__ import annotations

from frontline.events.referents import adjective_side, resolve_pronoun
from frontline.models import ActorMention, Party


def test_nationality_adjectives(pipeline):
    doc = pipeline.resources.nlp("Russian and Ukrainian units met US officials and us.")
    sides = [adjective_side(t) for t in doc]
    assert Party("Russian forces", "RU") in sides and Party("Ukrainian forces", "UA") in sides
    assert Party("US government", "US") in sides
    assert adjective_side(doc[-2]) is None      # the pronoun, not the United States


def test_it_is_the_speaker(pipeline):
    text = "Moscow said it surrounded the town."
    doc = pipeline.resources.nlp(text)
    moscow = ActorMention(0, 6, "Moscow", Party("Russian government", "RU"), "government")
    it = next(t for t in doc if t.text == "it")
    assert resolve_pronoun(doc, it, (moscow,)) == moscow.party
