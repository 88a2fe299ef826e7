"""Tests for frontline.mentions.places: places, namesakes and non-places in one-sentence texts."""

import datetime as dt

import pytest

from frontline.mentions.places import _km, find_places
from frontline.nlp.model import Resources


@pytest.fixture(scope="module")
def res():
    return Resources.load()


def places(res, text):
    return [(m.text, m.place.geonames_id, m.precision) for m in find_places(res.nlp(text), res.gazetteer)]


def first_id(res, text, name):
    return next(m.place.geonames_id for m in find_places(res.nlp(text), res.gazetteer) if m.text == name)


def test_solone_near_the_border_of_an_oblast_is_outside_it(res):
    # Solone, Dnipropetrovsk oblast (693231, the largest namesake) lies inside the region the text says it is 8 km from
    text = "Shelling hit Soloné, eight kilometres from the border of the Dnipropetrovsk region."
    place = next(m.place for m in find_places(res.nlp(text), res.gazetteer) if m.text == "Soloné")
    assert place.admin1 != "Dnipropetrovsk"


def test_solone_with_oblast_context_and_border_of_this_region(res):
    text = ("In the Donetsk region, Russian troops advance westwards, towards the Dnipropetrovsk region. "
            "The village of Soloné, just eight kilometers from the border of this region, is now under Russian "
            "control.")
    assert first_id(res, text, "Soloné") == 9112243


def test_hirske_with_luhansk_context(res):
    assert first_id(res, "Russian troops entered Hirske in the Luhansk region.", "Hirske") == 708273


def test_lozova_is_the_kharkiv_town(res): assert first_id(res, "A missile struck Lozova on Sunday.", "Lozova") == 702760
def test_kupyansk(res): assert first_id(res, "Explosions were heard in Kupyansk.", "Kupyansk") == 703656
def test_sjevjerodonetsk(res): assert first_id(res, "Zware gevechten in Sjevjerodonetsk.", "Sjevjerodonetsk") == 691999
def test_gukovo_in_rostov(res): assert first_id(res, "Drones hit an oil depot in Gukovo.", "Gukovo") == 558082
def test_kazan_is_russia(res): assert places(res, "A drone hit a factory in Kazan.")[0][1] == 551487
def test_moscow_said_is_not_a_place(res): assert places(res, "Moscow said the strikes would continue.") == []
def test_kyiv_denies_is_not_a_place(res): assert places(res, "Kyiv denies the claim.") == []
def test_dodge_is_not_a_place(res): assert places(res, "Residents wanted to get out of Dodge.") == []
def test_russian_is_not_a_place(res): assert places(res, "Russian troops advanced.") == []
def test_lugansk_region_is_admin1(res):
    assert places(res, "Fighting raged in the Lugansk region.") == [("Lugansk region", 702657, "admin1")]
def test_donetsk_oblast_is_admin1(res): assert places(res, "Shelling in Donetsk oblast.")[0][1:] == (709716, "admin1")
def test_region_of_luhansk_is_admin1(res):
    assert places(res, "Shelling hit the industrial region of Luhansk.")[0][1:] == (702657, "admin1")
def test_luhansk_regional_governor_is_admin1(res):
    assert places(res, "The Luhansk regional governor spoke.")[0][1:] == (702657, "admin1")
def test_cities_of_luhansk_and_donetsk_are_settlements(res):
    assert [p[2] for p in places(res, "Protests in the cities of Luhansk and Donetsk.")] == ["settlement", "settlement"]
def test_capitalised_plural_admin_word_tagged_as_a_person_is_still_a_province(res):
    # the model tags 'Luhansk Regions' PERSON and 'Lugansk Regions' ORG: the second oblast of the list was lost
    for text in ("Violence grew in Donetsk and Luhansk Regions, where Kiev is fighting.",
                 "Violence grew in Donets and Lugansk Regions, where Kiev is fighting."):
        assert [p[1:] for p in places(res, text) if p[2] == "admin1"] == [(709716, "admin1"), (702657, "admin1")]
def test_donbas_is_region(res): assert places(res, "Battles in the Donbas continue.")[0][2] == "region"
def test_km_south_of_is_district(res):
    assert places(res, "A village about 10 km south of Bakhmut was shelled.")[0][2] == "district"
def test_offsets_are_into_text(res):
    text = "Russian forces shelled Kramatorsk."
    m = find_places(res.nlp(text), res.gazetteer)[0]
    assert text[m.start:m.end] == "Kramatorsk"


def test_a_front_direction_is_the_sector_around_its_town(res):
    mentions = find_places(res.nlp("In the Bakhmut direction, 37 clashes took place during the day."), res.gazetteer)
    assert [(m.place.geonames_id, m.precision) for m in mentions] == [(713174, "district")]


def test_a_name_tagged_as_adjective_after_a_preposition_is_a_place(res):
    mentions = find_places(res.nlp("Ukraine orders mandatory evacuation of Vuhledar"), res.gazetteer)
    assert ("Vuhledar", 690823) in [(m.text, m.place.geonames_id) for m in mentions]


def dated(res, text, published):
    return [(m.text, m.place.geonames_id, m.precision) for m in find_places(res.nlp(text), res.gazetteer, published)]


# Spellings from Russian bulletins and machine translation
def test_kremennaya_is_kreminna_though_the_dpr_is_named(res):
    text = "Ukrainian forces attack in the Kremennaya area, an adviser to the head of the DPR said."
    assert first_id(res, text, "Kremennaya") == 704138
def test_krasny_liman_is_lyman(res): assert first_id(res, "Shelling hit Krasny Liman.", "Krasny Liman") == 704204
def test_krasnoliman_direction_is_the_sector_of_lyman(res):
    assert ("Krasnoliman", 704204, "district") in places(res, "Heavy losses in the Krasnoliman direction.")
def test_krasnolimansky_direction_is_lyman(res):
    assert ("Krasnolimansky", 704204, "district") in places(res, "Heavy losses in the Krasnolimansky direction.")
def test_kupyansky_district_is_the_sector_of_kupiansk(res):
    assert places(res, "Shelling in the Kupyansky district.") == [("Kupyansky", 703656, "district")]
def test_shevyerodonetsk(res): assert first_id(res, "Fighting in Shevyerodonetsk.", "Shevyerodonetsk") == 691999
def test_chassiv_yar(res): assert first_id(res, "Fighting near Chassiv Yar continued.", "Chassiv Yar") == 710915


# Namesakes: GeoNames' own name, the front line at the publication date, a common name's old bearers
def test_svatovo_is_svatove_in_luhansk_not_the_crimean_hamlet(res):
    assert first_id(res, "Explosions in Svatovo.", "Svatovo") == 692118
def test_dzerzhinsk_in_2015_is_toretsk(res):
    assert dated(res, "Heavy shelling hit Dzerzhinsk.", dt.date(2015, 8, 1)) == [("Dzerzhinsk", 709354, "settlement")]
def test_seversk_in_2015_is_siversk(res):
    assert dated(res, "Heavy shelling hit Seversk.", dt.date(2015, 8, 1)) == [("Seversk", 694403, "settlement")]
def test_aleksandrovka_is_not_donetsk_city(res):
    assert dated(res, "Shelling hit Aleksandrovka.", dt.date(2016, 5, 1))[0][1] != 709717


# Not places
def test_synegoubov_is_a_person(res):
    text = "The governor of the Kharkiv region, Oleg Synegoubov, announced that 267 children must be evacuated."
    assert places(res, text) == [("Kharkiv region", 706482, "admin1")]
def test_cumming_is_not_a_place_in_ukraine(res):
    text = "Donald Trump (left) on October 15 in Cumming, United States, and Vladimir Putin in Kazan, Russia."
    assert all(m[1] in {6252001, 551487, 2017370} for m in places(res, text))
def test_a_surname_after_a_first_name_is_not_a_village(res):
    assert [p[0] for p in places(res, "Kyrylo Bayev died near Soledar.")] == ["Soledar"]
def test_a_quoted_unit_name_is_not_a_place(res):
    assert places(res, 'Grouping "Vostok" destroyed 70 military units.') == []
def test_a_weapon_model_is_not_a_place(res):
    assert places(res, "They hit a Tor-M2DT air defence system.") == []


# Parts and unions of places
def test_a_city_district_named_after_another_place_is_the_city(res):
    assert places(res, "A child was wounded in the Kalininsky district of Donetsk.") == [("Donetsk", 709717, "settlement")]
def test_a_name_joined_to_an_oblast_is_an_oblast(res):
    assert ("Zaporozhye", 687699, "admin1") in places(res, "Ukrainian units were defeated in the DPR and Zaporozhye.")
def test_in_the_kharkiv_region_is_admin1(res):
    assert places(res, "In the Kharkiv region, shelling continued.") == [("Kharkiv region", 706482, "admin1")]
def test_the_runner_up_and_the_reason_are_kept(res):
    m = next(m for m in find_places(res.nlp("Explosions in Svatovo."), res.gazetteer) if m.text == "Svatovo")
    assert m.runner_up.geonames_id == 7026858 and "front line" in m.reason
def test_a_unit_named_after_the_east_is_not_a_place(res):
    assert places(res, "A soldier was killed in Donbas - Skhid task force.") == [("Donbas", 709718, "region")]
def test_a_hill_is_not_the_village_of_its_name(res): assert places(res, "Shelling near Mount Karachun.") == []
def test_a_hyphenated_name_is_not_its_tail(res): assert places(res, "Fighting at Saur-Mogila.") == []
def test_a_capitalised_english_word_is_not_a_town(res):
    assert places(res, "MEMBERS OF THE HUMAN RIGHTS COUNCIL SAID SO.") == []
def test_a_compass_prefix_keeps_the_place(res):
    assert ("Donetsk", 709717, "district") in places(res, "Heavy losses in the Yuzhno-Donetsk direction.")


def test_a_name_locating_the_town_before_it_is_its_oblast(res):
    assert places(res, "Russian troops entered the town of Pokrovsk in Donetsk on Monday.") == [
        ("Pokrovsk", 704422, "settlement"), ("Donetsk", 709716, "admin1")]


def test_a_city_on_its_own_stays_the_city(res):
    assert places(res, "Russian shelling hit Donetsk overnight.") == [("Donetsk", 709717, "settlement")]


def test_a_hyphenated_name_tagged_by_its_head_is_read_whole(res):
    assert places(res, "One person died in Kamenka-Dniprovska as a result of an attack.") == [
        ("Kamenka-Dniprovska", 707026, "settlement")]


def test_the_head_of_an_unknown_hyphenated_name_is_no_place(res):
    assert places(res, "Kyiv-Moscow talks stalled.") == []


# Gazetteer-first recognition: soft signs, case forms, facilities, oblast without comma, lower case, PERSON/ORG
def test_soft_sign_apostrophes(res): assert first_id(res, "Damage in Kup'ians'k", "Kup'ians'k") == 703656
def test_primes(res): assert first_id(res, "Damage in Slov′yans′k", "Slov′yans′k") == 693468
def test_russian_neuter_form(res):
    assert first_id(res, "Russian forces took the village of Dvurechnoye, Kharkov region.", "Dvurechnoye") == 709399
def test_sector_name_shaped_like_an_adjective(res):
    assert first_id(res, "The enemy lost 100 soldiers in the Krasnoliman direction.", "Krasnoliman") == 704204
def test_town_before_its_facility(res):
    assert first_id(res, "Fighting at Hostomel Airport, Russian paratroopers", "Hostomel") == 708251
def test_town_then_oblast_without_comma(res):
    assert first_id(res, "Destroyed school in Hirske Luhansk oblast", "Hirske") == 708273
def test_lower_case_town_after_in(res):
    assert first_id(res, "Shelling in kramatorsk overnight", "kramatorsk") == 704508
def test_street_named_after_a_town_is_not_it(res):
    assert [p[0] for p in places(res, "Protest on Kherson Street in Kyiv")] == ["Kyiv"]
def test_pipeline_named_after_a_town_is_not_it(res): assert places(res, "Explosion on the Druzhba pipeline") == []
def test_a_street_of_a_town_is_in_it(res):
    assert [p[0] for p in places(res, "Debris of a downed missile in a Kiev street")] == ["Kiev"]
def test_person_label_after_in_is_a_place(res):
    doc = res.nlp("Heavy fighting in Soledar")
    from spacy.tokens import Span
    doc.ents = [Span(doc, 3, 4, label="PERSON")]        # the label the small model sometimes gives a town
    assert [m.place.geonames_id for m in find_places(doc, res.gazetteer)] == [706757]


@pytest.mark.parametrize("text, name, geonames_id", [
    # a settlement that names an institution or a site in it, tagged as an organisation or a facility
    ("Chernihiv Local History Museum heavily damaged", "Chernihiv", 710735),
    ("Debris at Mariupol Seaport", "Mariupol", 701822),
    ("Fire at Irpin Bible Seminary", "Irpin", 707565),
    # ... tagged whole as a facility, or not tagged at all
    ("Debris at Mykolaiv Seaport", "Mykolaiv", 700569),
    ("Strike on the Kremenchuk Oil Refinery", "Kremenchuk", 704147),
    ("Fire at the Odesa Oil Refinery after a drone attack", "Odesa", 698740),
    # a town in lower case, whatever hamlets share its name
    ("damaged houses in bucha", "bucha", 711350),
    # ... with the apostrophes of a transliterated soft sign
    ("aftermath of shelling in kramators'k", "kramators'k", 704508),
    # a Russian-style rendering, tagged as an organisation, after an event's noun
    ("Shelling of Novosyolovka Vtoraya", "Novosyolovka Vtoraya", 699193),
    ("Novosyolovka Vtoraya under artillery fire", "Novosyolovka Vtoraya", 699193),
    # a city's district is in the city, not the district's namesake elsewhere
    ("Fire in Kirovskyi District, Donetsk", "Donetsk", 709717),
])
def test_the_town_inside_a_caption(res, text, name, geonames_id):
    assert first_id(res, text, name) == geonames_id


def test_a_settlement_beside_its_oblast_abbreviated(res):
    # 'Donetsk Obl' (the JFO's abbreviation) is the oblast, and the village is the Donetsk oblast's namesake
    found = places(res, "Serviceman killed in enemy shelling at Kamyanka, Donetsk Obl on Sept 30, 2021.")
    assert ("Donetsk Obl", 709716, "admin1") in found
    kamyanka = next(m for m in find_places(res.nlp("Shelling at Kamyanka, Donetsk Obl"), res.gazetteer)
                    if m.text == "Kamyanka")
    assert kamyanka.place.admin1 == "Donetsk"


def test_a_district_that_is_a_town_stays_the_town(res):
    # 'Bakhmut District, Donetsk' is the raion of the town of Bakhmut, not a part of the city of Donetsk
    assert any(text == "Bakhmut" for text, _, _ in places(res, "Shelling in Bakhmut District, Donetsk"))


def test_a_town_named_today_beats_a_city_that_once_bore_the_name(res):
    # Nikopol (700051) once bore Sloviansk's name and lies nearer the front of 2023; the town is Sloviansk
    text = "Damage to a residential building in Slov'yans'k"
    found = find_places(res.nlp(text), res.gazetteer, dt.date(2023, 6, 15))
    assert [m.place.geonames_id for m in found] == [693468]


def test_a_town_beats_a_hamlet_a_few_km_nearer_the_front(res):
    # Kostiantynivka, Donetsk (67,000) over a Mykolaiv hamlet of 400 by the front of June 2022
    text = "Damage to a railway station in Kostiantynivka"
    found = find_places(res.nlp(text), res.gazetteer, dt.date(2022, 6, 15))
    assert [m.place.geonames_id for m in found] == [705104]


def test_a_spaced_dash_ends_the_name_before_the_attribution(res):
    assert [(t, i) for t, i, _ in places(res, "The invaders failed to make a breakthrough near Kreminnaya - Haidai")] \
        == [("Kreminnaya", 704138)]


def test_a_person_after_a_place_preposition_stays_a_person(res):
    # 'to' after a noun lets an organisation-tagged village be a place ('Shelling of X'), never a person
    assert places(res, "The letter to Putin was published.") == []


def test_a_town_written_in_lower_case_after_a_preposition_is_a_place(res):
    assert [(t, i) for t, i, _ in places(res, "Artillery fire in kupiansk overnight")] == [("kupiansk", 703656)]
    assert [(t, i) for t, i, _ in places(res, "Explosions heard near nova kakhovka")] == [("nova kakhovka", 699839)]


def test_in_a_caption_a_town_in_lower_case_after_of_or_on_is_a_place(res):
    assert [(t, i) for t, i, _ in places(res, "shelling of kurakhove, donetsk oblast")] == [("kurakhove", 695357)]
    assert [t for t, _, _ in places(res, "strike on selydove")] == ["selydove"]
    # in prose only after a locative preposition
    prose = ("The governor spoke at length about the shelling of kurakhove and said that the town would be rebuilt "
             "with money from the regional budget, though he did not say when the work would start or who would "
             "pay for the new school that the town needs.")
    assert "kurakhove" not in [t for t, _, _ in places(res, prose)]


def test_a_caption_reporting_what_befell_a_village_is_about_it(res):
    # the model tags the first as an organisation and leaves the second untagged
    assert [t for t, _, _ in places(res, "Staromaiorske liberated")] == ["Staromaiorske"]
    assert [t for t, _, _ in places(res, "Staromayorskoye liberated")] == ["Staromayorskoye"]
    # a common word, and a person speaking, are no village
    assert places(res, "Many fled overnight") == []
    assert places(res, "Police arrived in the square") == []       # 'Police' is also a village's other name


def test_a_common_word_a_village_shares_stays_a_word(res):
    assert places(res, "The soldiers drank in a bar and talked in sad voices") == []
    assert places(res, "Soldiers rested in bar after the march") == []


def test_the_name_a_models_machine_bears_is_no_village(res):
    # 'Mriya' is also a village of Kyiv oblast; after 'An-225' it is the aircraft
    assert [(t, i) for t, i, _ in places(res, "Wreck of the An-225 Mriya at Hostomel Airport")] == \
        [("Hostomel", 708251)]


def test_a_town_on_the_shelled_border_beats_a_bigger_namesake_far_from_the_war(res):
    # Zolochiv, Kharkiv oblast (7,700 people, 10 km from the border shelled since spring 2022), over Zolochiv, Lviv
    found = find_places(res.nlp("Houses burning in Zolochev"), res.gazetteer, dt.date(2023, 6, 1))
    assert [m.place.admin1 for m in found] == ["Kharkiv"]
    before = find_places(res.nlp("Houses burning in Zolochev"), res.gazetteer, dt.date(2021, 6, 1))
    assert [m.place.admin1 for m in before] == ["Lviv"]


def test_the_shelled_border_counts_for_less_than_where_the_armies_meet(res):
    # Krasnopillia, Sumy (7,800, on the border) and a Donetsk hamlet on the front of September 2022: fighting
    # around 'the Krasnopolye area' is the hamlet's
    found = find_places(res.nlp("Soldiers killed in the Krasnopolye area"), res.gazetteer, dt.date(2022, 9, 5))
    assert [m.place.admin1 for m in found] == ["Donetsk"]


def test_a_town_s_district_named_after_a_village_locates_it(res):
    # raions bear their centre's name: 'Izium district' puts this Kamianka in Kharkiv oblast, near Izium
    found = find_places(res.nlp("Burnt vehicles in Kamianka, Izium district"), res.gazetteer, dt.date(2022, 9, 20))
    assert [(m.text, m.place.admin1, m.precision) for m in found] == \
        [("Kamianka", "Kharkiv", "settlement"), ("Izium", "Kharkiv", "district")]


def test_a_region_the_text_names_holds_its_namesake(res):
    # 'Shumy' is also read as Sumy, a city of 256,000; 'in Donbas' puts it in the Donetsk village
    found = find_places(res.nlp("A soldier was wounded near Shumy in Donbas"), res.gazetteer, dt.date(2021, 4, 1))
    assert [(m.text, m.place.admin1) for m in found][0] == ("Shumy", "Donetsk")
    alone = find_places(res.nlp("Explosions were heard in Sumy"), res.gazetteer, dt.date(2021, 4, 1))
    assert [m.place.admin1 for m in alone] == ["Sumy"]


def test_a_facility_named_after_a_place_in_another_town_is_in_that_town(res):
    assert [t for t, _, _ in places(res, "Strike on the Zaporizhzhia nuclear plant in Enerhodar")] == ["Enerhodar"]
    # a facility placed only near a city, or in an oblast, keeps its own town
    assert [t for t, _, _ in places(res, "Damage at Hostomel airport near Kyiv")][0] == "Hostomel"
    assert [t for t, _, _ in places(res, "Fire at the Kremenchuk refinery in Poltava Oblast")][0] == "Kremenchuk"


def test_a_caption_opening_with_a_towns_name_is_about_that_town(res):
    # the model tags these names PRODUCT and PERSON
    assert [(t, i) for t, i, _ in places(res, "Vuhledar: burnt Russian armour")] == [("Vuhledar", 690823)]
    assert [t for t, _, _ in places(res, "Mariinka completely destroyed")] == ["Mariinka"]
    assert places(res, "Maria said nothing") == []


def test_a_regional_institution_stands_in_the_city_that_bears_the_name(res):
    assert places(res, "Damage at the Kharkiv Regional State Administration")[0][2] == "settlement"
    assert [t for t, _, _ in places(res, "Burning building of the Chernihiv Regional Drama Theatre")] == ["Chernihiv"]
    assert [t for t, _, _ in places(res, "Shelled Donetsk Regional Hospital in Mariupol")] == ["Mariupol"]
    # the regional governor speaks for the oblast
    assert places(res, "The Kharkiv regional governor said two were killed")[0][2] == "admin1"


def test_an_oblast_named_right_after_a_place_beats_a_big_namesake_elsewhere(res):
    # Makiivka, Donetsk (339,000 people) is not the Makiivka of Luhansk oblast the text names
    found = find_places(res.nlp("Burnt tank in Makiivka, Luhansk Oblast"), res.gazetteer, dt.date(2023, 1, 10))
    assert [(m.text, m.place.admin1) for m in found][0] == ("Makiivka", "Luhansk")
    alone = find_places(res.nlp("Burnt tank in Makiivka"), res.gazetteer, dt.date(2023, 1, 10))
    assert [m.place.admin1 for m in alone] == ["Donetsk"]


def test_a_place_near_a_town_is_the_namesake_by_that_town(res):
    found = find_places(res.nlp("Ukrainian troops took the village of Andriivka near Bakhmut"), res.gazetteer,
                        dt.date(2023, 9, 15))
    andriivka, bakhmut = found
    assert andriivka.place.admin1 == "Donetsk" and _km(andriivka.place, bakhmut.place) < 30


def test_an_unknown_spelling_followed_by_its_oblast_is_the_closest_village_there(res):
    found = find_places(res.nlp("Shelling of Prividdia, Luhansk Oblast"), res.gazetteer, dt.date(2022, 6, 1))
    assert [(m.place.name, m.place.admin1, m.precision) for m in found][0] == ("Pryvillia", "Luhansk", "settlement")
    assert places(res, "Shelling of Prividdia") == []


def test_the_dnipro_with_an_article_is_the_river(res):
    assert [t for t, _, _ in places(res, "Russian troops crossed the Dnipro at Krynky")] == ["Krynky"]
    assert [t for t, _, p in places(res, "A missile hit Dnipro at night")] == ["Dnipro"]


def test_a_caption_labelled_with_a_village_is_about_that_village(res):
    # the model leaves the first untagged and tags the second PERSON; both are the caption's label
    assert [t for t, _, _ in places(res, "Nikol's’ke: destroyed bridge")] == ["Nikol's’ke"]
    assert [t for t, _, _ in places(res, "Malovarvarivka: destroyed bridge")] == ["Malovarvarivka"]
    assert places(res, "Update: nothing new") == []


def test_a_caption_opening_with_a_town_in_lower_case_or_as_a_modifier_is_about_that_town(res):
    assert [t for t, _, _ in places(res, "chernigov, bridge over the river blown")] == ["chernigov"]
    # the model leaves the name untagged as the compound of what the caption shows
    assert [t for t, _, _ in places(res, "Trostyanets railway station, abandoned artillery")] == ["Trostyanets"]
    assert [t for t, _, _ in places(res, "Vasilevka checkpoint, queue of cars")] == ["Vasilevka"]
    # a common word in lower case, and a capitalised word no town bears, are no label
    assert places(res, "update: nothing new") == []
    assert places(res, "Artillery battery, destroyed") == []


def test_a_river_and_a_street_named_after_a_town_are_no_places(res):
    assert [t for t, _, _ in places(res, "Crossing over the Desna near Chernihiv destroyed")] == ["Chernihiv"]
    assert [t for t, _, _ in places(res, "Kh-101 strike on a Stryiska street warehouse in Lviv")] == ["Lviv"]


def test_a_facility_in_lower_case_after_its_town_is_in_that_town(res):
    # 'Chernobaevka airfield' tagged whole as a place
    assert [(t, i) for t, i, _ in places(res, "Chernobaevka airfield, burning helicopters")] == \
        [("Chernobaevka", 710715)]


@pytest.mark.parametrize(("text", "host"), [
    ("Russian troops shelled the Zaporizhzhia NPP overnight.", 709276),          # Enerhodar
    ("Drone strikes the Zaporizhzhia nuclear power plant.", 709276),
    ("Explosions at the ZNPP overnight, the IAEA said.", 709276),
    ("A drone hit a building of the Kursk NPP.", 538908),                        # Kurchatov
    ("An explosion damaged the Crimean bridge.", 706524),                         # Kerch
])
def test_a_plant_named_after_another_town_is_where_it_stands(res, text, host):
    assert [m.place.geonames_id for m in find_places(res.nlp(text), res.gazetteer)] == [host]


def test_the_city_a_plant_is_named_after_stays_the_city_when_named_alone(res):
    assert first_id(res, "Russian missiles hit Zaporizhzhia on Monday.", "Zaporizhzhia") == 687700
