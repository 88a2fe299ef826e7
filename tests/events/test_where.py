"""The place of one trigger, and the place in focus a sentence naming none refers to."""

from __future__ import annotations

import pytest

from frontline.events.where import Focus, place_event
from frontline.models import Place, PlaceMention
from frontline.vocab.event_types import event_type

_BAKHMUT = Place(704147, "Bakhmut", 48.59, 38.0, "Donetsk", "UA", "settlement")
_DONETSK = Place(709716, "Donetsk", 48.0, 37.8, "Donetsk", "UA", "admin1")


def _mention(text, word, place, precision):
    start = text.index(word)
    return PlaceMention(start, start + len(word), word, place, precision, 0.9)


def test_focus_keeps_the_settlement_its_oblast_describes(pipeline):
    doc = pipeline.resources.nlp("Fighting goes on in Bakhmut. The city lies in the Donetsk region. Shelling went on.")
    s1, s2, s3 = doc.sents
    focus = Focus()
    focus.update([_mention(doc.text, "Bakhmut", _BAKHMUT, "settlement")], 0, 0, s1)
    focus.update([_mention(doc.text, "Donetsk", _DONETSK, "admin1")], 0, 1, s2)
    assert focus.inherit(s3, 0, 2).place.name == "Bakhmut"
    focus.clear()
    assert focus.inherit(s3, 0, 2) is None


def test_the_clause_place_wins_and_a_place_less_clash_inherits_the_focus(pipeline):
    text = "Troops shelled Bakhmut.\nFighting continued."
    doc = pipeline.resources.nlp(text)
    s1, s2 = doc.sents
    bakhmut = _mention(text, "Bakhmut", _BAKHMUT, "settlement")
    shelled = next(t for t in doc if t.text == "shelled")
    placing = place_event(doc, s1, shelled, event_type("shelling"), [bakhmut], Focus(), (0, 0), [shelled], ())
    assert placing.location.name == "Bakhmut" and not placing.inherited and placing.near is None
    focus = Focus()
    focus.update([bakhmut], 0, 0, s1)
    fighting = s2[0]
    placing = place_event(doc, s2, fighting, event_type("armed_clash"), [], focus, (1, 1), [fighting], ())
    assert placing.location.name == "Bakhmut" and placing.inherited and placing.from_context
    talks = place_event(doc, s2, fighting, event_type("negotiation"), [], focus, (1, 1), [fighting], ())
    assert talks.location is None


def test_a_caption_with_two_events_places_both_at_its_town(run):
    # the parse hangs Makiivka off the clause 'used as barracks': the caption's town is still the explosion's place
    text = "Explosion at a building used as barracks in Makiivka, dozens of Russian servicemen killed"
    events = run(text, "2023-01-01").events
    assert events and all(e.location is not None and e.location.name == "Makiivka" for e in events)


def test_a_caption_town_the_parse_gives_another_event_stays_there(run):
    # 'Robotyne' belongs to the gain; the refusal in the conjoined clause is not placed there
    events = run("Ukraine gains ground in Robotyne, and Russians refuse to fight", "2023-08-20").events
    placed = {e.event_type: e.location.name if e.location else None for e in events}
    assert placed.get("territory_captured") == "Robotyne" and placed.get("desertion") is None


def test_a_captions_closing_line_goes_on_about_the_town_it_named(run):
    # the last line looks like a heading (no stop), but it heads nothing: it is the caption's second sentence
    events = run("Who holds Chasiv Yar? Three Ukrainian soldiers were wounded there", "2023-05-01").events
    assert events and all(e.location is not None and e.location.name == "Chasiv Yar" for e in events)


def test_a_heading_before_more_text_still_starts_another_story(run):
    text = "Fighting in Chasiv Yar.\n\nA new aid package\n\nThree people were injured."
    injured = [e for e in run(text, "2023-05-01").events if "injured" in e.evidence.sentence]
    assert injured and all(e.location is None or e.location.name != "Chasiv Yar" for e in injured)


def _placed(run, text):
    return {e.event_type: e.location.name if e.location else None for e in run(text, "2022-03-01").events}


def test_a_place_abroad_where_diplomats_meet_is_not_the_incidents_place(run):
    # issue 26 item 6: the parse hangs 'Paris' on 'ahead of' and the settlement outranked the country
    assert _placed(run, "Four reported killed in Ukraine ahead of crunch Paris talks")["casualties"] == "Ukraine"
    assert _placed(run, "Three killed in Ukraine shelling ahead of Minsk talks")["shelling"] == "Ukraine"
    assert _placed(run, "Two civilians killed in Ukraine as Istanbul talks open")["casualties"] == "Ukraine"
    assert _placed(run, "Russian strike kills five in Ukraine before Geneva talks")["air_drone_strike"] == "Ukraine"
    assert _placed(run, "Five killed in Ukraine ahead of NATO summit in Brussels")["casualties"] == "Ukraine"
    assert _placed(run, "Shelling kills two in the Kharkiv region ahead of a Brussels summit")["shelling"] == "Kharkiv"


def test_the_talks_themselves_and_an_incident_abroad_keep_their_place(run):
    assert _placed(run, "Talks in Istanbul end without a ceasefire")["negotiation"] == "Istanbul"
    assert _placed(run, "Leaders meet at a Paris summit after shelling in Ukraine")["negotiation"] == "Paris"
    assert _placed(run, "Five killed in Ukraine ahead of NATO summit in Brussels")["negotiation"] == "Brussels"
    assert set(_placed(run, "An explosion killed two people in Paris on Friday.").values()) == {"Paris"}


def test_a_caption_launch_is_no_retold_start_of_the_war(run):
    events = run("Ukrainian HIMARS launch near Kherson", "2022-11-01").events
    assert [(e.event_type, e.location.name if e.location else None) for e in events] == [("shelling", "Kherson")]


def test_a_caption_of_two_sentences_is_about_the_town_one_names(run):
    for text in ("Strike on an apartment block. Location: Kramatorsk", "Location: Toretsk. Burnt-out school"):
        events = run(text, "2023-05-01").events
        assert events and all(e.location is not None and e.location.precision == "settlement" for e in events)


def test_a_town_a_place_is_near_is_no_place_of_the_event(run):
    events = run("Ukrainian forces have retaken the village of Klishchiivka near Bakhmut.", "2023-09-18").events
    assert [e.location.name for e in events if e.event_type == "territory_captured"] == ["Klishchiivka"]


def test_places_the_words_join_are_each_an_events_place_whatever_the_parse(run):
    # the parse hangs the second name on the headline's closing source
    text = "Russian forces hit Ukrainian units with strikes in the area of Kupyansk and Izyum - Russian Defense Ministry"
    placed = {e.location.name for e in run(text, "2022-09-12").events if e.location is not None}
    assert {"Kupiansk", "Izium"} <= placed


@pytest.mark.parametrize("text", [
    "Explosions reported in Melitopol overnight.",
    "Explosions were reported in Melitopol overnight.",
    "Explosions heard in Melitopol, residents said.",
])
def test_an_event_reported_in_a_place_happened_there(run, text):
    events = run(text, "2022-09-01").events
    assert events and events[0].location is not None and events[0].location.name == "Melitopol"


def test_a_speaker_in_a_place_does_not_place_what_he_tells(run):
    events = run("In Moscow, the defence ministry said its forces struck Ukrainian positions.", "2022-09-01").events
    assert events and all(e.location is None or e.location.name != "Moscow" for e in events)
