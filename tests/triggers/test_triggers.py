"""Trigger words and their types, read from the parse of one sentence."""

from __future__ import annotations

import pytest

from frontline.triggers.find import names_no_trigger


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
    # a death not yet confirmed is reported; a belief about what will happen is not
    ("A volunteer medic believed killed near Kupiansk", [("killed", "casualties")]),
    ("Officers believe the Russians will attack Kupiansk in spring.", []),
    # the model hangs a caption on its last name ('Oblast' as root): the shelling is no clausal subject
    ("Shelling of Hryhorivka, Zaporizhzhia Oblast", [("Shelling", "shelling")]),
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
    # a caption naming its town: 'arrival at / in / on' a place is a hit there
    ("Kharkiv. Arrival at the tractor plant", [("Arrival", "shelling")]),
    ("Arrivals in the port area of Odesa", [("Arrivals", "shelling")]),
    ("Tokmak - HIMARS arrival at the Russian HQ", [("arrival", "shelling")]),   # the weapon that arrived
    # a missile launched from an aircraft makes an air strike
    ("Kh-22 hit a residential block in Odesa", [("hit", "air_drone_strike")]),
    ("Kinzhal missile hits an air base in Khmelnytskyi", [("hits", "air_drone_strike")]),
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


@pytest.mark.parametrize("text", ["Arrival of refugees at the station in Lviv", "Volunteers' arrival in Kharkiv"])
def test_people_arriving_in_a_caption_are_no_hit(types, text):
    assert all(etype != "shelling" for _, etype in types(text))


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


# --- one rule, one line: each named rule of triggers.RULES with a use it keeps and, where it matters, one it drops --

RULE_EXAMPLES = [
    ("give_arms", "Germany will send two Patriot systems to Ukraine.", "send", "aid"),
    ("give_arms", "The ministry provided no details.", "provided", None),
    ("give_arms", "Border guards are providing them with food and bedding.", "providing", "aid"),
    ("give_arms", "The police provided them with details of the case.", "provided", None),
    ("pour_in", "Russian troops poured into Ukraine on Thursday.", "poured", "armed_clash"),
    ("pour_in", "Refugees poured into Poland.", "poured", None),
    ("launched", "Russia launched the full-scale invasion in February 2022.", "launched", "armed_clash"),
    ("launched", "Police launched a probe into the fraud.", "launched", None),
    ("war_begins", "Putin ordered the invasion.", "invasion", "armed_clash"),
    ("war_begins", "The war has changed everything.", "war", None),
    ("fall", "Avdiivka fell to Russian forces.", "fell", "territory_captured"),
    ("fall", "Prices fell sharply.", "fell", None),
    ("combat", "Fighting continues in Bakhmut.", "Fighting", "armed_clash"),
    # an army closing on a place fights for it; anything else close or approaching names nothing
    ("approach", "Russian troops are approaching the town.", "approaching", "armed_clash"),
    ("approach", "Russian troops, better armed than the defenders, are now very close.", "close", "armed_clash"),
    ("approach", "The army is close to collapse.", "close", None),
    ("approach", "Winter is approaching.", "approaching", None),
    ("attack", "Drones attacked the power plant in Odesa.", "attacked", "air_drone_strike"),
    ("strike", "Missiles struck the city of Dnipro.", "struck", "shelling"),
    ("weapon", "Russian artillery hit the village.", "artillery", "shelling"),
    # the projectile acting is the attack; the verb is shelling as before
    ("shell", "A Russian shell killed a woman in the street.", "shell", "shelling"),
    ("shell", "Russian forces shelled the town overnight.", "shelled", "shelling"),
    ("shell", "The company was a shell for its owners.", "shell", None),
    ("capture", "Russian forces captured Soledar.", "captured", "territory_captured"),
    ("capture", "The militia captured two tanks.", "captured", None),
    # the captured thing must be a place, even when the sentence names one ('in Bakhmut'); fighters captured are
    # taken prisoner
    ("capture", "Border guards captured a 'Wagnerian' in Bakhmut.", "captured", "surrender"),
    ("capture", "Militants from Ukraine's unit Azov capture three DPR servicemen", "capture", "surrender"),
    ("capture", "Marines captured two Russian paratroopers near Krynky.", "captured", "surrender"),
    ("cross_border", "Ukrainian marines crossed the river near Krynky.", "crossed", "armed_clash"),
    ("capture", "Paratroopers captured an armoured vehicle in Kupiansk.", "captured", None),
    ("capture", "Russian troops captured most of the city of Sievierodonetsk.", "captured", "territory_captured"),
    ("capture", "Kherson was captured by Russian troops.", "captured", "territory_captured"),
    ("take", "Russian forces took control of the town.", "took", "territory_captured"),
    # under its guns, not taken: the fire is the event
    ("take", "Ukrainian gunners took the river crossings under fire control.", "took", "shelling"),
    ("take", "Ukrainian troops took over the abandoned base near the town.", "took", "territory_captured"),
    ("take", "The soldiers took a position in the basement.", "took", None),
    # a thing left behind is not ground given up
    ("abandon", "Russian troops abandoned the town.", "abandoned", "territory_withdrawn"),
    ("abandon", "Abandoned base near the town taken over by Russian forces", "Abandoned", None),
    ("leave", "Video shows Ukrainian troops leaving Avdeevka at night", "leaving", "territory_withdrawn"),
    ("leave", "Russian forces left the city on Friday.", "left", "territory_withdrawn"),
    ("leave", "Residents leave Bakhmut by bus.", "leave", None),
    ("leave", "The soldiers left their rifles in the truck.", "left", None),
    ("take", "Ukrainian gunners took under fire control the bridges near the town.", "took", "shelling"),
    ("enter", "Russian troops entered Hirske.", "entered", "territory_captured"),
    ("control", "Russia controls 20 percent of the country.", "controls", "territory_captured"),
    ("gain", "Ukrainian troops gained ground near Bakhmut.", "gained", "territory_captured"),
    ("withdraw", "Ukrainian forces withdrew from Lysychansk.", "withdrew", "territory_withdrawn"),
    ("withdraw", "Moscow withdrew its ambassador.", "withdrew", None),
    ("pull", "Russian troops pulled out of Kherson.", "pulled", "territory_withdrawn"),
    ("abandon", "Russian troops abandoned the town.", "abandoned", "territory_withdrawn"),
    ("abandon", "Abandoned base near the town taken over by Russian forces", "Abandoned", None),
    ("harm", "Two civilians were killed in Kharkiv.", "killed", "casualties"),
    ("evacuate", "Volunteers evacuated residents from Vovchansk.", "evacuated", "evacuation"),
    ("cross_border", "The soldiers crossed into Russia at a checkpoint.", "crossed", "desertion"),
    ("flee", "Civilians fled the city.", "fled", "evacuation"),
    ("refuge", "Soldiers took refuge in a forest.", "refuge", "desertion"),
    ("arrive", "Evacuees arrived at the reception centre in Zaporizhzhia.", "arrived", "evacuation"),
    ("desert", "Two soldiers deserted from their unit.", "deserted", "desertion"),
    ("refuse", "Russian soldiers refuse to return to the front.", "refuse", "desertion"),
    ("surrender", "The garrison surrendered on Monday.", "surrendered", "surrender"),
    ("exchange", "Russia and Ukraine exchanged prisoners.", "exchanged", "prisoner_exchange"),
    ("arrest", "Police arrested a saboteur in Kharkiv.", "arrested", "arrest"),
    ("protest", "Residents protested against the occupation in Kherson.", "protested", "protest"),
    ("draft", "He was drafted into the army last year.", "drafted", "mobilization"),
    ("meeting", "Zelensky met Erdogan in Istanbul.", "met", "negotiation"),
    ("talks", "Peace talks resumed in Istanbul.", "talks", "negotiation"),
    ("peace_plan", "Kyiv presented a peace plan.", "plan", "negotiation"),
    ("deal", "The sides signed a ceasefire deal.", "deal", "negotiation"),
    ("aid", "The United States announced new military aid.", "aid", "aid"),
    ("rebuild", "Denmark will help rebuild the bridge in Mykolaiv.", "rebuild", "aid"),
    ("weapons", "Western military supplies arrived in Lviv.", "supplies", "aid"),
    ("damage", "A missile damaged a substation in Odesa.", "damaged", "infrastructure_disruption"),
    ("military_object", "Ukrainian artillery eliminated an ammunition depot.", "eliminated", "shelling"),
    ("hit", "Shells hit a market in Donetsk.", "hit", "shelling"),
    ("hit", "Exports hit a record high.", "hit", None),
    ("arrival", "There were arrivals in Kramatorsk overnight.", "arrivals", "shelling"),
    ("minus", "Minus two command posts of the enemy.", "Minus", "armed_clash"),
    ("get_into", "Our gunners got into an ammunition depot of the enemy.", "got", "shelling"),
    ("landing", "Ukrainian forces landed troops on the Kinburn spit.", "landed", "armed_clash"),
    ("intercept", "Air defence intercepted 20 drones over Kyiv.", "intercepted", "air_drone_strike"),
    ("downed", "Ukrainian forces downed a Russian helicopter.", "downed", "air_drone_strike"),
    ("barrage", "An artillery barrage hit the town.", "barrage", "shelling"),
    ("thwart", "Ukrainian forces thwarted an enemy attack.", "thwarted", "armed_clash"),
    ("victim", "The number of victims rose to 23.", "victims", "casualties"),
    ("inflict", "The brigade inflicted heavy losses on the enemy.", "inflicted", "armed_clash"),
    ("lose", "The enemy lost 120 servicemen in the Kupiansk direction.", "lost", "casualties"),
    ("losses", "Enemy losses amounted to 300 personnel.", "losses", "casualties"),
    ("losses", "The company reported heavy financial losses.", "losses", None),
    ("blow", "Russian troops blew up the dam.", "blew", "infrastructure_disruption"),
    ("oust", "Ukrainian troops ousted the Russians from Klishchiivka.", "ousted", "territory_captured"),
    ("harm_civilians", "The strikes caused harm to civilians.", "harm", "casualties"),
    ("explosion", "An explosion hit a depot in Melitopol.", "explosion", "shelling"),
    ("fire", "Russian troops opened fire on the village.", "fire", "armed_clash"),
    ("fire", "The president fired the defence minister.", "fired", None),
    ("shoot", "Air defence shot down a drone over Kyiv.", "shot", "air_drone_strike"),
    ("shoot", "Russian soldiers shot dead a civilian man in Bucha.", "shot", "violence_against_civilians"),
    ("shoot", "Ukrainian soldiers shot two Russian soldiers near Bakhmut.", "shot", "armed_clash"),
    ("service", "Trains did not run between Kyiv and Kharkiv.", "run", "infrastructure_disruption"),
    ("wreck", "Ruins of Mariinka seen from a drone", "Ruins", "infrastructure_disruption"),
    ("wreck", "Crater in Chasiv Yar after a glide bomb strike", "Crater", "air_drone_strike"),
    ("wreck", "The rubble was cleared by volunteers in Kharkiv and the team went home.", "rubble", None),
    ("remains", "Bodies of civilians on Yablunska street in Bucha", "Bodies", "violence_against_civilians"),
    ("remains", "Investigators found the bodies of two Russian soldiers in Lyman.", "bodies", "casualties"),
    ("remains", "Divers recovered the bodies of the crew.", "bodies", None),
    ("sighting", "Russian troops seen in Ocheretyne", "troops", "other"),
    ("sighting", "Russian troops were spotted in Ocheretyne on Monday.", "troops", "other"),
    ("sighting", "Russian troops left the village of Ocheretyne on Monday.", "troops", None),
]


def _rule_use(pipeline, text: str, word: str):
    from frontline.triggers.lexicon import TRIGGERS
    doc = pipeline.resources.nlp(text)
    tok = next(t for t in doc if t.text == word)
    rule = TRIGGERS.get(tok.lemma_.lower()) or TRIGGERS.get(tok.text.lower())
    has_place = any(e.label_ in ("GPE", "LOC", "FAC") for e in tok.sent.ents)
    return tok, rule, has_place


@pytest.mark.parametrize("name, text, word, expected", RULE_EXAMPLES)
def test_rule(pipeline, name, text, word, expected):
    from frontline.triggers.rules import RULES, rule_context
    tok, rule, has_place = _rule_use(pipeline, text, word)
    assert rule is not None and rule.rule == name
    assert RULES[name](rule_context(tok, rule, tok.sent, has_place)) == expected


def test_every_rule_has_an_example():
    from frontline.triggers.lexicon import TRIGGERS
    from frontline.triggers.rules import RULES
    named = {rule.rule for rule in TRIGGERS.values() if rule.rule is not None}
    assert named == set(RULES)       # every rule the lexicon names is registered, and no other
    assert set(RULES) <= {name for name, *_ in RULE_EXAMPLES}


@pytest.mark.parametrize("text, expected", [
    ("Damage to a shopping centre in Druzhkivka", [("Damage", "infrastructure_disruption")]),
    ("Destroyed apartment blocks in central Bakhmut, January 2023.", [("Destroyed", "infrastructure_disruption")]),
    ("Fire at an ammunition depot in Yasinovataya", [("Fire", "infrastructure_disruption")]),
    ("Fire in Slavyansk after rocket attack overnight", [("Fire", "shelling"), ("attack", "shelling")]),
    ("Destroyed Russian armour near Vugledar after the failed assault",
     [("Destroyed", "armed_clash"), ("assault", "armed_clash")]),
    ("Column of Russian tanks moving towards Ugledar, filmed from a Ukrainian drone", [("Column", "other")]),
    ("Ukrainian troops entering Balakliia", [("entering", "territory_captured")]),
    ("Russian troops refused the offer in Kupiansk", []),     # troops doing what a trigger word names
])
def test_caption_lines(types, text, expected):
    assert sorted(types(text)) == sorted(expected)


@pytest.mark.parametrize("text, caption", [
    ("Damage to a shopping centre in Druzhkivka", True),
    ("Destroyed apartment blocks in central Bakhmut, January 2023.", True),
    ("Russia invaded Ukraine on February 24, but abandoned an early advance on Kyiv.", False),   # prose
    ("Heavy fighting goes on.\nDamage to a school in Siversk", True),
])
def test_is_caption_line(pipeline, text, caption):
    from frontline.triggers.find import is_caption_line
    doc = pipeline.resources.nlp(text)
    assert is_caption_line(list(doc.sents)[-1]) is caption


def test_caption_words_name_nothing_in_prose(types):
    assert types("The ruins of the old fortress attract tourists every summer, the guide said.") == []


def test_other_kind_reads_a_sighting():
    from frontline.triggers.lexicon import other_kind
    assert other_kind("other", "troops") == "sighting"
    assert other_kind("other", "Column") == "sighting"
    assert other_kind("shelling", "troops") is None


def test_retook_is_a_recapture_though_the_model_does_not_lemmatise_it(run):
    events = run("Ukrainian forces retook Kherson city on Friday.", "2022-11-12").events
    assert [(e.event_type, e.trigger) for e in events] == [("territory_captured", "retook")]

