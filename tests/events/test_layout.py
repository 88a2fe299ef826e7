"""Where a sentence stands in its article, and the source a headline closes with."""

from __future__ import annotations

from frontline.events.layout import (
    block_index,
    doc_text,
    headline_source,
    is_editorial,
    is_heading,
    paragraph_index,
    source_start,
)


def test_paragraphs_by_newline_and_by_non_blank_line():
    text = "Title\n\nFirst paragraph.\nSecond paragraph."
    assert paragraph_index(text, text.index("First")) == 2
    assert block_index(text, text.index("First")) == 1
    assert block_index(text, text.index("Second")) == 2


def test_heading_and_source_after_a_dash(pipeline):
    doc = pipeline.resources.nlp("Two killed in Kherson shelling - Kiev\n\nShelling hit the city on Monday.")
    headline, body = list(doc.sents)[0], list(doc.sents)[-1]
    assert is_heading(headline) and not is_heading(body)
    lo, hi, dash = headline_source(headline)
    assert doc_text(doc)[lo:hi] == "Kiev" and dash
    assert headline_source(body) is None


def test_a_place_after_a_dash_is_no_source(pipeline):
    doc = pipeline.resources.nlp("Heavy fighting goes on - near Kharkiv")
    assert headline_source(next(iter(doc.sents))) is None


def test_a_name_after_a_colon_is_the_source_only_when_a_place_came_before(pipeline):
    nlp = pipeline.resources.nlp
    sent = next(iter(nlp("Two Ukrainian soldiers die in renewed fighting near Slavyansk: Kiev").sents))
    assert sent.doc.text[source_start(sent):] == "Kiev"
    sent = next(iter(nlp("Explosions heard overnight: Kherson").sents))
    assert source_start(sent) == sent.end_char       # the only place named: where it happened


def test_a_sentence_wholly_in_square_brackets_is_an_editors_note(pipeline):
    text = ("Artillery hit the town on Monday. [The governor gave 12 dead. Our count is 10 dead across two reports.] "
            "[Local troops] shelled [the village] on Tuesday.")
    doc = pipeline.resources.nlp(text)
    notes = [s.text.strip() for s in doc.sents if is_editorial(doc_text(doc), s)]
    assert notes and all(n.startswith(("[The governor", "Our count")) for n in notes)
    assert not any(is_editorial(doc_text(doc), s) for s in doc.sents if "Tuesday" in s.text or "Monday" in s.text)


def test_an_editors_note_in_brackets_is_no_event(run):
    result = run("Artillery shelled the town of Kupiansk on Monday, killing two civilians. [Officials reported five "
                 "dead in the region. Two of them are counted here.]")
    assert [(e.event_type, e.location.name if e.location else None) for e in result.events] == [
        ("shelling", "Kupiansk")]


def test_a_headline_source_may_abbreviate_a_title_or_rank(pipeline):
    for text, source in [("One soldier killed in Luhansk region - Gen. Staff", "Gen. Staff"),
                         ("Two civilians wounded in Kherson shelling - Gov. Prokudin", "Gov. Prokudin")]:
        doc = pipeline.resources.nlp(text)
        lo, hi, dash = headline_source(next(iter(doc.sents)))
        assert doc_text(doc)[lo:hi] == source and dash
    # a sentence still ends at its full stop
    doc = pipeline.resources.nlp("Shelling hit the town. The army said so.")
    assert all(headline_source(s) is None for s in doc.sents)


def test_the_general_staff_abbreviated_is_ukraines_claimant(run):
    (event,) = run("One Ukrainian killed, three injured following enemy attack in Luhansk region - Gen. Staff",
                   "2020-02-01").events
    assert event.claim.claimed_by is not None
    assert (event.claim.claimed_by.name, event.claim.claimed_by.side) == (
        "General Staff of the Armed Forces of Ukraine", "UA")
