import pytest

from frontline.geo.translit import adjective_stems, compound_form, normalize, skeleton, ukrainian_forms


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


@pytest.mark.parametrize("russian, ukrainian", [
    ("Novosyolovka Vtoraya", "Novoselivka Druha"), ("Novoselovka Pervaya", "Novoselivka Persha"),
    ("Velikaya Novoselka", "Velyka Novosilka"), ("Avdeevka", "Avdiivka"), ("Svatovo", "Svatove"),
    ("Staromayorskoye", "Staromaiorske"), ("Belogorovka", "Bilohorivka"), ("Krasnogorovka", "Krasnohorivka"),
    ("Bolshaya Pisarevka", "Velyka Pysarivka"), ("Bolshoye Ozero", "Velyke Ozero"),
    ("Novoaleksandrovka", "Novooleksandrivka"), ("Alekseyevka", "Oleksiivka"),
])
def test_ukrainian_forms_fold_a_russian_rendering_onto_the_ukrainian_name(russian, ukrainian):
    assert skeleton(ukrainian) in {skeleton(form) for form in ukrainian_forms(russian)}


def test_ukrainian_forms_leave_a_ukrainian_name_alone():
    assert ukrainian_forms("Bakhmut") == []
    assert ukrainian_forms("Kramatorsk") == []
