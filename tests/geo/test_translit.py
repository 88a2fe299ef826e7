import pytest

from frontline.geo.translit import adjective_stems, compound_form, normalize, skeleton


@pytest.mark.parametrize("a, b", [
    ("Sievierodonetsk", "Severodonetsk"), ("Sievierodonetsk", "Sjevjerodonetsk"), ("Haidai", "Gaidai"),
    ("Kupiansk", "Kupyansk"), ("Chasiv Yar", "Chassiv Yar"), ("Syniehubov", "Synegoubov"), ("Luhansk", "Lugansk"),
])
def test_spellings_share_a_skeleton(a, b):
    assert skeleton(a) == skeleton(b)


def test_skeleton_keeps_different_places_apart():
    assert skeleton("Kharkiv") != skeleton("Kherson")


def test_normalize_folds_case_diacritics_and_apostrophes():
    assert normalize("Soloné") == normalize("solone")
    assert normalize("Kup'yans'k") == normalize("Kupyansk")


def test_compound_form_joins_an_adjective_and_a_noun():
    assert compound_form("Красный Лиман") == "Краснолиман"


def test_compound_form_leaves_other_names():
    assert compound_form("Часів Яр") is None


@pytest.mark.parametrize("word, stems", [
    ("Kupyansky", ["Kupyansk", "Kupyan"]), ("Krasnolimansky", ["Krasnolimansk", "Krasnoliman"]),
    ("Krasnolimansk", ["Krasnoliman"]), ("Kramatorsk", ["Kramator"]), ("Russian", []),
])
def test_adjective_stems(word, stems):
    assert adjective_stems(word) == stems
