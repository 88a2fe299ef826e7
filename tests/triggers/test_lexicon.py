from frontline.models import EVENT_TYPES
from frontline.nlp.syntax import SPEECH_VERBS
from frontline.triggers.lexicon import PHRASES, TRIGGERS


def test_every_trigger_names_a_type_of_the_vocabulary():
    assert {rule.event_type for rule in TRIGGERS.values()} <= set(EVENT_TYPES)
    assert {etype for _, etype, _ in PHRASES} <= set(EVENT_TYPES)


def test_strengths_are_probabilities():
    assert all(0 < rule.strength <= 1 for rule in TRIGGERS.values())
    assert all(0 < strength <= 1 for *_, strength in PHRASES)


def test_speech_verbs_give_a_claim_modality():
    assert set(SPEECH_VERBS.values()) <= {"claimed", "denied"}
