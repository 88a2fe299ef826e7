"""Tests for frontline.nlp.model: the gazetteer recogniser runs before spaCy's NER."""

import pytest

from frontline.nlp.model import COMPONENT, Resources


@pytest.fixture(scope="module")
def nlp():
    return Resources.load().nlp


def ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_recogniser_before_ner(nlp): assert nlp.pipe_names.index(COMPONENT) < nlp.pipe_names.index("ner")
def test_chasiv_yar_is_gpe(nlp): assert ("Chasiv Yar", "GPE") in ents(nlp, "Fighting continues near Chasiv Yar.")
def test_chassiv_yar_is_gpe(nlp): assert ("Chassiv Yar", "GPE") in ents(nlp, "Les combats près de Chassiv Yar.")
def test_village_is_gpe(nlp): assert ("Soloné", "GPE") in ents(nlp, "Russian forces shelled Soloné overnight.")
def test_dodge_is_not_gpe(nlp): assert ("Dodge", "GPE") not in ents(nlp, "They had to get out of Dodge.")
def test_person_name_is_not_gpe(nlp): assert ("Haidai", "GPE") not in ents(nlp, "Serhiy Haidai said so.")


@pytest.mark.parametrize(("text", "name"), [
    ("Soledar fell.", "Soledar"),
    ("Kreminna is under fire again.", "Kreminna"),
    ("Toretsk: the enemy advanced overnight.", "Toretsk"),
])
def test_a_town_opening_a_sentence_is_gpe(nlp, text, name):
    assert (name, "GPE") in ents(nlp, text)


@pytest.mark.parametrize(("text", "name"), [
    ("Dmitriev said the talks went well.", "Dmitriev"),     # a surname spelt like a town (Dmitriyev)
    ("Medvedev said the strikes would go on.", "Medvedev"),  # a village's name before a speech verb
    ("Human rights groups condemned it.", "Human"),          # an English word (Uman's Polish name)
])
def test_a_name_opening_a_sentence_is_no_gpe(nlp, text, name):
    assert (name, "GPE") not in ents(nlp, text)


def sentences(nlp, text):
    return [s.text.strip() for s in nlp(text).sents]


def test_a_headline_line_is_one_sentence(nlp):
    assert sentences(nlp, "Ukrainian shelling kills two DPR militiamen\nUkraine NOVEMBER 2020") == [
        "Ukrainian shelling kills two DPR militiamen", "Ukraine NOVEMBER 2020"]


def test_a_name_line_stays_apart_from_the_headline(nlp):
    assert sentences(nlp, "Melnikoleks\nSix Ukraine soldiers killed in separatist east: Kiev") == [
        "Melnikoleks", "Six Ukraine soldiers killed in separatist east: Kiev"]


def test_sentences_still_end_at_full_stops_and_quotes(nlp):
    assert sentences(nlp, 'He said: "We hold the town." Russian troops shelled Kupiansk. Two were hurt!') == [
        'He said: "We hold the town."', "Russian troops shelled Kupiansk.", "Two were hurt!"]


def test_a_wire_dateline_may_end_before_the_report(nlp):
    first = sentences(nlp, "KYIV, Oct 5 (Reuters) - A Russian missile struck a residential building in Kharkiv.")[0]
    assert not first.endswith("Kharkiv.")


def test_a_closing_source_after_a_dash_stays_with_its_headline(nlp):
    assert sentences(nlp, "Four DPR militiamen killed in shelling - DPR militia") == [
        "Four DPR militiamen killed in shelling - DPR militia"]
def test_an_abbreviated_title_or_rank_ends_no_sentence(pipeline):
    nlp = pipeline.resources.nlp
    for text in ["The strike was confirmed by Sgt. Ivan Petrenko and Capt. Oleh Sydorenko on Monday.",
                 "Shelling hit the town, said Lt. Col. Petro Ivanov of the brigade.",
                 "One soldier killed in Luhansk region - Gen. Staff"]:
        assert len(list(nlp(text).sents)) == 1, text
    assert len(list(nlp("Shelling hit the town. Sgt. Petrenko was wounded.").sents)) == 2
