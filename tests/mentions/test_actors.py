"""Actors and their sides, one phrase at a time."""

from __future__ import annotations

import pytest

from frontline.mentions.actors import PersonIndex, find_actors, role_side, state_party


@pytest.fixture(scope="module")
def actors(pipeline):
    persons = PersonIndex.build()
    return lambda text: [(a.text, a.party.name, a.party.side) for a in
                         find_actors(pipeline.resources.nlp(text), persons)]


@pytest.mark.parametrize("text, phrase, name, side", [
    ("Moscow and its proxies focused on battles.", "Moscow and its proxies", "Russian forces and proxies", "RU"),
    ("Kiev's military crackdown in the east goes on.", "Kiev's military", "Armed Forces of Ukraine", "UA"),
    ("The AFU shelled the town.", "AFU", "Armed Forces of Ukraine", "UA"),
    ("APU forced Russian troops to withdraw.", "APU", "Armed Forces of Ukraine", "UA"),
    ("The militia encircled the troops.", "militia", "Pro-Russian separatists", "RU_aligned"),
    ("Pro-Russian separatists shelled Sloviansk.", "Pro-Russian separatists", "Pro-Russian separatists", "RU_aligned"),
    ("The Armed Forces of Ukraine advanced.", "The Armed Forces of Ukraine", "Armed Forces of Ukraine", "UA"),
    ("Let us see what US officials say.", "US officials", "US government", "US"),
    ("Ukraine’s Defense Ministry said so.", "Ukraine’s Defense Ministry", "Ukrainian Defence Ministry", "UA"),
    ("The Russian Defense Ministry said so.", "The Russian Defense Ministry", "Russian Defence Ministry", "RU"),
    ("Moscow said it surrounded them.", "Moscow", "Russian government", "RU"),
    ("According to the BBC, he deserted.", "the BBC", "BBC", "other"),
    ("Agence France-Presse reported it.", "Agence France-Presse", "AFP", "other"),
    ("Fighters of the Freedom of Russia Legion crossed the border.", "the Freedom of Russia Legion", "Freedom of Russia Legion", "UA_aligned"),
    ("Two units of the Armed Forces of Ukraine and a foreign legion lost 150 people.", "foreign legion", "International Legion", "UA_aligned"),
    ("Pro-Kiev volunteer battalions entered the town.", "Pro-Kiev volunteer battalions", "Ukrainian volunteer battalions", "UA_aligned"),
    ("RF Armed Forces struck a depot.", "RF Armed Forces", "Russian armed forces", "RU"),
    ("The Armed Forces of the Russian Federation advanced.", "The Armed Forces of the Russian Federation", "Russian armed forces", "RU"),
    ("The RF Ministry of Defense reported it.", "The RF Ministry of Defense", "Russian Defence Ministry", "RU"),
    ("Shelling hit the district - General Staff", "General Staff", "General Staff of the Armed Forces of Ukraine", "UA"),
    ("The Russian General Staff said so.", "The Russian General Staff", "Russian General Staff", "RU"),
    ("Two killed in a strike on the village - OVA", "OVA", "Ukrainian regional administration", "UA"),
    ("The Operational Command South reported it.", "The Operational Command South", "Armed Forces of Ukraine", "UA"),
    ("The People's Militia of the DPR reported shelling.", "The People's Militia of the DPR", "DNR/LNR forces",
     "RU_aligned"),
])
def test_group_sides(actors, text, phrase, name, side):
    assert (phrase, name, side) in actors(text)


@pytest.mark.parametrize("spelling", ["Serhiy Gaidai", "Serhiy Haidai", "Sergei Gaidai"])
def test_transliterations_of_one_person(actors, spelling):
    assert (spelling, "Serhiy Haidai", "UA") in actors(f"{spelling} spoke on television.")


def test_unknown_official_takes_role_and_side_from_context(pipeline):
    doc = pipeline.resources.nlp("The governor of the Kharkiv region, Oleg Synegoubov, announced an evacuation.")
    person = [a for a in find_actors(doc) if a.kind == "person"][0]
    assert person.party.name == "Oleh Syniehubov" and person.party.side == "UA"


def test_one_unknown_person_spelt_two_ways_is_one_party(actors):
    got = actors("Serhiy Lysak, the governor of Dnipropetrovsk region, said drones hit Nikopol. "
                 "Sergei Lyssak added that two people died.")
    assert got[:2] == [("Serhiy Lysak", "Serhiy Lysak", "UA"), ("Sergei Lyssak", "Serhiy Lysak", "UA")]


def test_role_is_read_from_the_names_own_sentence(pipeline):
    doc = pipeline.resources.nlp("Moscow denied it.\n\nAccording to the Rostov Region’s border guard spokesman "
                                 "Vasily Malaev, 438 soldiers crossed.")
    [person] = [a for a in find_actors(doc) if a.kind == "person"]
    assert (person.party.name, person.party.side, person.party.role) == (
        "Vasily Malaev", "RU", "Rostov Region’s border guard spokesman")


def test_a_known_persons_possessive_is_still_that_person(actors):
    assert actors("Joe Biden’s aides flew to Warsaw.")[0] == ("Joe Biden’s", "Joe Biden", "US")


def test_the_pronoun_us_is_not_the_united_states(actors):
    assert actors("Nobody told us to retreat, but the US sent more shells.") == [("US", "US government", "US")]


@pytest.mark.parametrize("role, side", [("the mayor", "UA"), ("the Moscow-installed mayor", "RU"),
                                        ("the separatist leader", "RU_aligned"), ("a spokesman", "unknown")])
def test_side_of_a_role_alone(role, side):
    assert role_side(role) == side


def test_a_speaker_of_unknown_side_takes_the_side_he_names_himself(actors):
    got = actors("We met Dmitri, who asked us not to print his surname, in a small cafe near the station. “We were "
                 "Russian paratroopers, and nobody told us why.”\n\nDmitri says he will not go back.")
    assert [(name, side) for text, name, side in got if name == "Dmitri"] == [("Dmitri", "RU"), ("Dmitri", "RU")]


@pytest.mark.parametrize("name, party", [("Ukraine", ("Ukrainian government", "UA")),
                                         ("Moscow", ("Russian government", "RU")),
                                         ("US", ("US government", "US")), ("us", None), ("Kramatorsk", None)])
def test_state_party(name, party):
    got = state_party(name)
    assert (got.name, got.side) == party if party else got is None


@pytest.mark.parametrize("text, person", [
    ("Mykola, 31, has served in the army for three years.", ("Mykola", "Mykola", "unknown")),
    ("Halyna, who has served in the Ukrainian army since 2023, tells me she is tired.", ("Halyna", "Halyna", "UA")),
    ("On the platform, soldier Bohdan and his girlfriend Zoryana are parting.", ("Bohdan", "Bohdan", "unknown")),
    ("Taras deserted in March.", ("Taras", "Taras", "unknown")),
])
def test_a_person_named_by_a_given_name_alone(actors, text, person):
    assert person in actors(text)


def test_a_given_name_after_a_locative_preposition_is_no_person(actors):
    assert [a for a in actors("The fighting in Roman went on for days.") if "Roman" in a[0]] == []


@pytest.mark.parametrize("text, name, side", [
    ("More than 30 soldiers killed in 24 hours - Basurin", "Eduard Basurin", "RU_aligned"),
    ("Two people died in the shelling, Kulemzin said.", "Alexei Kulemzin", "RU_aligned"),
    ("Cherevaty said the attack was repelled.", "Serhiy Cherevatyi", "UA"),
])
def test_spokespeople_of_each_side_are_known(actors, text, name, side):
    assert any(n == name and s == side for _, n, s in actors(text))


def test_one_name_for_the_defence_ministry_in_either_spelling(actors):
    names = {n for text in ("The Russian Defense Ministry said so.", "The Russian Defence Ministry said so.",
                            "The Ministry of Defense of the Russian Federation said so.")
             for _, n, _ in actors(text)}
    assert names == {"Russian Defence Ministry"}
