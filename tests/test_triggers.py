"""Trigger words and their types, read from the parse of one sentence."""

from __future__ import annotations

import pytest

from frontline.triggers import find_triggers, names_no_trigger


@pytest.fixture(scope="module")
def types(pipeline):
    def _types(text, has_place=True):
        doc = pipeline.resources.nlp(text)
        return [(t.token.text, t.event_type) for s in doc.sents for t in find_triggers(s, has_place)]
    return _types


@pytest.mark.parametrize("text, expected", [
    ("Russian troops entered Hirske and surrounded up to 2,000 Ukrainian troops.",
     [("entered", "territory_captured"), ("surrounded", "encirclement")]),
    ("Ukrainian soldiers fled to Russia.", [("fled", "desertion")]),
    ("Civilians fled the city.", [("fled", "evacuation")]),
    ("Russian soldiers refuse to return to the front.", [("refuse", "desertion")]),
    ("The militia wanted to capture the vehicles intact.", []),
    ("Artillerymen destroyed a howitzer.", [("destroyed", "shelling")]),
    ("A missile destroyed a bridge.", [("destroyed", "infrastructure_disruption")]),
    ("Drones attacked the power plant.", [("attacked", "air_drone_strike")]),
    ("Russian soldiers are at the gates of Pokrovsk.", [("at", "armed_clash")]),
    ("The soldiers were fired upon as they left the trench.", [("fired", "armed_clash")]),
    ("The soldiers were fired upon by mortars.", [("fired", "shelling")]),
    ("A pensioner and her husband arrived from Pokrovsk this morning.", [("arrived", "evacuation")]),
    ("Our troops have recovered 30 percent of the town.", [("recovered", "territory_captured")]),
    ("Divers recovered the bodies of the crew.", []),
    ("Mothers took to the streets against the mobilization drive.",
     [("mobilization", "mobilization"), ("took", "protest")]),
])
def test_types(types, text, expected):
    assert sorted(types(text)) == sorted(expected)


@pytest.mark.parametrize("text", [
    "Russian forces did not capture Lysychansk.",                       # negated
    "Families face the risk of strikes.",                                # a possibility
    "The conflict that has killed thousands goes on.",                   # a summary of the war
    "He listed ‘liberation’ as a word of the year.",                     # a quoted word
    "We could not allow them to be surrounded.",                         # negated through the verb it complements
    "They aren't prepared to surrender.",                                # negated through a predicate adjective
    "They thought that the Ukrainians would surrender soon.",            # a belief
    "Many soldiers would have refused to go back.",                      # counterfactual
    "If he didn't, it would be considered desertion.",                   # a label
    "A lawyer advised them to surrender their weapons.",                 # advice
    "Putin wanted to occupy Donbass before May 9.",                      # a wish
    "Exhausted, the men said they could no longer fight.",               # 'no longer' negates
    "She volunteered to fight in the spring.",                           # an offer to act, not the act
    "The army saw no other way to advance than by waiting.",             # a means, not an occurrence
])
def test_no_occurrence(types, text):
    assert types(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Russian Armed Forces destroyed up to 60 servicemen in the Kherson direction.", [("destroyed", "armed_clash")]),
    ("Ukrainian Armed Forces lost up to 500 servicemen per day.", [("lost", "casualties")]),
    ("Southern group of troops continues offensive in Donetsk direction.", [("offensive", "armed_clash")]),
    ("They supplied offensive weapons.", []),
])
def test_military_report_forms(types, text, expected):
    assert types(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Russian soldiers refuse to return to Ukraine to fight.", [("refuse", "desertion")]),
    ("In late July 41 Ukrainian troops fled to Russia to escape fighting in eastern Ukraine.", [("fled", "desertion")]),
    ("The Russians were trying to encircle Lysychansk and mount assaults on Severodonetsk to take full control of it.",
     [("encircle", "encirclement"), ("assaults", "armed_clash")]),
    ("Russia invaded Ukraine on February 24, but abandoned an early advance on the capital Kyiv.",
     [("invaded", "armed_clash"), ("abandoned", "territory_withdrawn")]),
    ("The Kremlin said it was ready for a dialogue with Trump.", [("dialogue", "negotiation")]),
])
def test_only_the_event_that_happened(types, text, expected):
    """A refused, escaped, abandoned or purposed event is not one; the refusal, flight or withdrawal is."""
    assert sorted(types(text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("Russian tank and about 60 invaders liquidated in Kharkiv region", [("liquidated", "armed_clash")]),
    ("Aerospace Forces destroyed up to a hundred Ukrainian military in the Kharkiv region",
     [("destroyed", "air_drone_strike")]),
    ("Over 250 servicemen lost in Donetsk direction in 24 hours", [("lost", "casualties")]),
    ("Two units of the Armed Forces of Ukraine lost up to 150 people near Zaporozhye", [("lost", "casualties")]),
    ("Russian Aerospace Forces dealt a massive blow to the Armed Forces of Ukraine", [("blow", "air_drone_strike")]),
    ("Losses of Russia in the war with Ukraine.", [("Losses", "casualties")]),
    ("The company suffered economic losses in the war.", []),
    ("Ukraine: explosive violence data on harm to civilians", [("harm", "casualties")]),
    ("The Armed Forces of Ukraine ousted the enemy from more than twenty settlements",
     [("ousted", "territory_captured")]),
    ("Armed Forces of Ukraine knocked out the enemy from positions in the Kramatorsk direction",
     [("knocked", "territory_captured")]),
    ("The invaders failed to make a breakthrough near Kreminnaya", [("breakthrough", "armed_clash")]),
    ("The humanitarian situation as a result of hostilities", [("hostilities", "armed_clash")]),
])
def test_military_report_wording(types, text, expected):
    assert sorted(types(text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("The militia was in negotiations with the troops on a possible surrender.",     # the talks happened, not this
     [("negotiations", "negotiation")]),
    ("They are already planning to rebuild their lives elsewhere.", []),            # no reconstruction help
    ("The advances appeared to bring the Kremlin closer to taking full control of Luhansk.",
     [("advances", "armed_clash")]),
])
def test_topics_and_prospects_are_no_events(types, text, expected):
    assert types(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("In the South, aviation and artillery worked against the enemy 15 times and 250 times",
     [("aviation", "air_drone_strike"), ("artillery", "shelling")]),
    ("The Russians want to break through in the Bakhmut direction", [("break", "armed_clash")]),
    ("I don't want to go back to kill and be killed.", []),
])
def test_fire_missions_and_offensives_under_way(types, text, expected):
    assert sorted(types(text)) == sorted(expected)


def test_an_idiom_is_no_event(types):
    assert types("They are now being prosecuted for deserting in the heat of battle.") == [("prosecuted", "arrest")]


@pytest.mark.parametrize("text, expected", [
    ("There were arrivals in Sloviansk late in the evening.", [("arrivals", "shelling")]),
    ("Minus three tanks and a mortar crew of the occupiers.", [("Minus", "armed_clash")]),
    ("Our gunners got into an ammunition depot of the occupiers.", [("got", "shelling")]),
    ("Enemy marines tried to land troops on the Kinburn spit.", [("land", "armed_clash")]),
    ("The navy sank an enemy patrol boat.", [("sank", "armed_clash")]),
    ("Russian artillery pounded the outskirts of Siversk.", [("pounded", "shelling")]),
    ("Air defence intercepted eleven drones over the capital.", [("intercepted", "air_drone_strike")]),
    ("Two helicopters were downed near the border.", [("downed", "air_drone_strike")]),
    ("Saboteurs blew up the railway bridge.", [("blew", "infrastructure_disruption")]),
    ("Villages came under a barrage of rockets.", [("barrage", "shelling")]),
    ("The number of victims in Chasiv Yar rose to nine.", [("victims", "casualties")]),
    ("Nine victims of the drone attack were named.", [("victims", "casualties"), ("attack", "air_drone_strike")]),
    ("It is \"hot\" near Kurakhove again.", [("is", "armed_clash")]),
    ("The brigade stopped an attempt by enemy forces to cross the river.", [("stopped", "armed_clash")]),
    ("Marines thwarted an attempt by the enemy to land on the island.", [("thwarted", "armed_clash")]),
])
def test_translated_report_wording(types, text, expected):
    assert sorted(types(text)) == sorted(expected)


@pytest.mark.parametrize("text", [
    "Grain exports hit a record in October.",                            # economics, not a target
    "The president fired the energy minister.",                          # dismissed from office
    "The arrival of the delegation was delayed.",                        # people arriving
    "Tourist arrivals rose by a fifth.",
    "She was a victim of fraud.",                                        # no attack
    "The plane landed at the airport at noon.",                          # no force
    "The minister faced a barrage of questions.",                        # no weapon
    "Customs officers intercepted a shipment of cigarettes.",            # no projectile
    "Children blew up balloons for the parade.",                         # nothing destroyed
    "Temperatures fell to minus 15.",                                    # a number
    "He got into the car and drove off.",                                # no target
    "It is hot in the south this week.",                                 # the weather
    "Stocks sank after the announcement.",                               # no vessel
    "Police stopped an attempt to rob the bank.",                        # no armed force
    "The rain stopped in the afternoon.",
])
def test_translated_report_wording_elsewhere(types, text):
    assert types(text) == []


def test_a_rejected_generic_word_leaves_the_sentence_to_similarity(pipeline):
    doc = pipeline.resources.nlp("The plane landed at the airport at noon. The plane surrendered at the airport.")
    first, second = doc.sents
    assert names_no_trigger(first) and not names_no_trigger(second)


@pytest.mark.parametrize("text, expected", [
    ("The war has displaced millions of people.", []),
    ("Hundreds of thousands have been uprooted by the invasion.", []),
    ("It was the anniversary of a conflict that has killed thousands, uprooted millions and levelled towns.", []),
    ("The aggression, which has claimed tens of thousands of lives, goes on.", []),
    # a counted toll with its source stays; so does a rough count of one attack's victims
    ("The UN says the war has killed 10,582 civilians.", [("killed", "casualties")]),
    ("Shelling killed dozens of civilians in Kherson.", [("Shelling", "shelling"), ("killed", "casualties")]),
])
def test_the_wars_running_toll_is_no_event(types, text, expected):
    assert sorted(types(text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("The assault made Kurakhove the next main target of the fights.", [("assault", "armed_clash")]),
    ("Families fled Toretsk because of the fighting.", [("fled", "evacuation")]),
    ("A medic was wounded in the battle.", [("wounded", "casualties")]),
    ("Villagers fled amid the clashes.", [("fled", "evacuation")]),
    # fighting with a place, an actor or a count of its own, or as a subject, is told anew
    ("Fighting in Siversk continues.", [("Fighting", "armed_clash")]),
    ("The battle for Vovchansk goes on.", [("battle", "armed_clash")]),
    ("A medic was wounded in the Russian assault.", [("wounded", "casualties"), ("assault", "armed_clash")]),
])
def test_the_fighting_as_a_setting_is_no_new_event(types, text, expected):
    assert sorted(types(text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("Moscow sent 150,000 soldiers across the border.", [("sent", "armed_clash")]),
    ("Russian tanks rolled into Ukraine.", [("rolled", "armed_clash")]),
    ("Ukrainian troops poured into the Kursk region.", [("poured", "armed_clash")]),
    ("The Kremlin launched the full-scale invasion in 2022.", [("launched", "armed_clash")]),
    ("Talks to end the war launched two years ago stalled.", [("launched", "armed_clash"), ("Talks", "negotiation")]),
    ("The war that Moscow unleashed in 2014 goes on.", [("unleashed", "armed_clash")]),
    ("The invasion began before dawn.", [("invasion", "armed_clash")]),
    ("Putin ordered the invasion.", [("invasion", "armed_clash")]),
    ("Russia launched 40 drones overnight.", [("drones", "air_drone_strike")]),
    ("The EU launched an investigation into war crimes.", []),
    # no crossing, no invasion; the war alone is the setting of everything else
    ("Moscow sent 10,000 soldiers to the border.", []),
    ("Donations poured into Lviv.", []),
    ("Foreign volunteers streamed into Ukraine to join the army.", []),
    ("Moscow sent troops into position near Kupiansk.", []),
    ("The war changed the region.", []),
    ("The victims of the war were remembered in Lviv.", []),
])
def test_the_invasion_told_as_a_fact(types, text, expected):
    assert sorted(types(text)) == sorted(expected)
