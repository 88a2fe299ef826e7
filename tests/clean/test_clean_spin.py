"""Tests for frontline.clean.spin: spotting a spun text and reading it back, with published words kept."""

from __future__ import annotations

from frontline.clean import clean, clean_text, normalise_spin
from frontline.clean.spin import spin_hits, spin_verdict
from frontline.models import RawArticle

SPUN = ("Russian troopers have been preventing within the metropolis for a 12 months. "
        "Ukraine mentioned preventing was persevering with near the entrance line. "
        "The struggle has forced thousands to flee, and the troopers want to go home.")
PLAIN = ("Russian troops have been fighting in the city for a year, and the war has forced thousands to flee. "
         "Over the past 12 months the army has tried to prevent a breakthrough; officials mentioned it often.")


def test_spun_text_is_spun_with_reason():
    verdict = spin_verdict(SPUN)
    assert verdict.spun and verdict.reason.startswith("10 spinner word swaps")


def test_plain_text_with_a_few_lookalikes_is_not_spun():
    assert not spin_verdict(PLAIN).spun


def test_one_kind_of_swap_is_not_enough():
    assert not spin_verdict("The struggle goes on. " * 10).spun


def test_hits_read_back_in_plain_words():
    assert [(h.published, h.reading) for h in spin_hits("the troopers in the metropolis for a 12 months")] == [
        ("troopers", "troops"), ("metropolis", "city"), ("a 12 months", "a year")]


def test_verb_struggle_reads_fight_and_noun_reads_war():
    assert [h.reading for h in spin_hits("He volunteered to struggle in the struggle.")] == ["to fight", "war"]


def test_capitalised_swap_keeps_its_capital():
    assert [h.reading for h in spin_hits("Troopers evacuate the city")] == ["Troops"]


def test_not_spun_text_gets_no_edits():
    assert normalise_spin(PLAIN) == []


def test_clean_reads_spun_text_plainly_and_keeps_published_words():
    doc = clean(RawArticle(text=SPUN))
    assert doc.text.startswith("Russian troops have been fighting within the city for a year.")
    assert doc.published(0, len(doc.text)) == SPUN
    assert doc.repairs[-1] == "normalise_spin"


def test_published_span_of_one_sentence():
    doc = clean(RawArticle(text=SPUN))
    start = doc.text.index("Ukraine said")
    end = doc.text.index(".", start) + 1
    assert doc.published(start, end) == "Ukraine mentioned preventing was persevering with near the entrance line."


def test_raw_span_of_a_reading_leads_to_the_published_word():
    doc = clean(RawArticle(text=SPUN))
    start = doc.text.index("troops")
    assert doc.raw[slice(*doc.raw_span(start, start + len("troops")))] == "troopers"


def test_a_spun_copy_in_capitals_is_read_back_in_capitals():
    text = ("THE TROOPERS HAVE BEEN PREVENTING WITHIN THE METROPOLIS FOR A 12 MONTHS, THE GOVERNOR MENTIONED ON "
            "TUESDAY. THE STRUGGLE GOES ON AND THE TROOPERS ARE TIRED.")
    cleaned = clean_text(text)[0]
    assert "TROOPS" in cleaned and "TROOPERS" not in cleaned and "METROPOLIS" not in cleaned
