"""Who says so, modality and contested claims, pinned on one-sentence articles."""

from __future__ import annotations

import pytest

from frontline.vocab.sides import bloc


def claim_of(run, text, event_type, published="2022-06-25"):
    found = [e for e in run(text, published).events if e.event_type == event_type]
    assert found, [(e.event_type, e.claim) for e in run(text, published).events]
    return found[0].claim


def test_role_only_speaker_resolves_to_the_named_person(run):
    text = ("Ukraine was due to withdraw its troops from Severodonetsk last night, the regional governor said. "
            "Luhansk regional governor Serhiy Gaidai said troops had been ordered to move.")
    c = claim_of(run, text, "territory_withdrawn")
    assert c.claimed_by.name == "Serhiy Haidai" and c.claimed_by.side == "UA"
    assert c.modality == "planned"


def test_capital_as_speaker_is_its_government(run):
    c = claim_of(run, "Moscow said it surrounded around 2,000 Ukrainian troops in the area.", "encirclement")
    assert (c.claimed_by.name, c.claimed_by.side, c.modality) == ("Russian government", "RU", "claimed")


def test_defence_ministry_in_moscow(run):
    c = claim_of(run, "The village of Solone is now under Russian control, the Defense Ministry in Moscow said on "
                 "Thursday.", "territory_captured", "2025-01-23")
    assert (c.claimed_by.name, c.claimed_by.side) == ("Russian Defence Ministry", "RU")


def test_according_to(run):
    c = claim_of(run, "Russian strikes left at least three dead in Kharkiv, according to local authorities.",
                 "air_drone_strike")
    assert c.claimed_by.name == "local authorities" and c.modality == "claimed"


def test_quote_attributed_after_the_quote(run):
    c = claim_of(run, "“Our forces had to withdraw from Lysychansk,” said Oleksander Musiyenko, a military analyst.",
                 "territory_withdrawn")
    assert c.claimed_by.name == "Oleksander Musiyenko"


def test_surname_alone_refers_to_the_person_named_before(run):
    text = ("Serhiy Gaidai, the head of the province, spoke on television. According to Gaidai, the Russian troops "
            "continue to attack Sievierodonetsk.")
    c = claim_of(run, text, "armed_clash", "2022-06-04")
    assert c.claimed_by.name == "Serhiy Haidai"


def test_denied(run):
    c = claim_of(run, "Kyiv denied that Russian forces had captured Pokrovsk.", "territory_captured", "2025-12-04")
    assert c.modality == "denied"


def test_threatened(run):
    c = claim_of(run, "Donald Trump on Wednesday threatened Russia with new sanctions.", "sanction", "2025-01-23")
    assert c.modality == "threatened"


def test_hypothetical(run):
    c = claim_of(run, "Trump said there would be sanctions if Russia attacked Kyiv again.", "armed_clash", "2025-01-23")
    assert c.modality == "hypothetical"


def test_planned(run):
    c = claim_of(run, "Sobyanin said the Russian capital will help rebuild the cities of Luhansk and Donetsk.", "aid",
                 "2022-06-04")
    assert c.modality == "planned"


def test_a_capture_claim_disputed_in_the_same_article_is_contested(run):
    text = ("On Tuesday Russian forces claimed to have captured the strategic city of Pokrovsk. "
            "Ukraine said fighting was continuing in the city.")
    got = run(text, "2025-12-04").events
    capture = [e for e in got if e.event_type == "territory_captured"][0]
    clash = [e for e in got if e.event_type == "armed_clash"][0]
    assert capture.claim.claimed_by.side == "RU" and capture.claim.contested
    assert clash.claim.claimed_by.side == "UA" and clash.claim.contested
    assert clash.location.name == "Pokrovsk"


def test_a_claim_denied_by_the_other_side_is_contested(run):
    c = claim_of(run, "Russia says it has captured Bakhmut; Kyiv denies.", "territory_captured", "2023-05-10")
    assert (c.claimed_by.side, c.modality, c.contested) == ("RU", "claimed", True)
    c = claim_of(run, "Russia says it has captured Bakhmut. Kyiv denied the claim on Monday.", "territory_captured",
                 "2023-05-10")
    assert c.contested


def test_being_able_to_do_something_is_no_plan(run):
    c = claim_of(run, "Ukrainian forces were able to recapture the village of Robotyne.", "territory_captured",
                 "2023-08-28")
    assert c.modality == "asserted"


def test_according_to_names_the_person_in_the_phrase(run):
    c = claim_of(run, "According to the Rostov Region’s border guard spokesman Vasily Malaev, a total of 438 soldiers, "
                 "including 164 Ukrainian border guards, have deserted to Russia on Sunday night.", "desertion",
                 "2014-08-04")
    assert (c.claimed_by.name, c.claimed_by.side, c.claimed_by.role, c.modality) == (
        "Vasily Malaev", "RU", "Rostov Region’s border guard spokesman", "claimed")


def test_a_threat_is_claimed_by_who_makes_it(run):
    c = claim_of(run, "Donald Trump on Wednesday threatened Russia with new sanctions.", "sanction", "2025-01-23")
    assert (c.claimed_by.name, c.claimed_by.side, c.modality) == ("Donald Trump", "US", "threatened")


def test_in_the_event_of_is_hypothetical(run):
    c = claim_of(run, "Paris proposed the presence of a contingent of Western troops in the event of a truce.",
                 "negotiation", "2025-01-23")
    assert c.modality == "hypothetical"


def test_an_attempt_is_no_plan(run):
    c = claim_of(run, "Ukraine’s Defense Ministry said the Russians were trying to encircle Lysychansk.",
                 "encirclement")
    assert (c.claimed_by.name, c.modality) == ("Ukrainian Defence Ministry", "claimed")


def test_a_narrators_account_goes_on_in_his_paragraph(run):
    text = ("Sergei says he was sent to the border with Ukraine in January for an exercise. A month later his unit "
            "was fired upon. In his unit of fifty men, ten were killed and ten injured.\n"
            "Russian troops shelled Kharkiv on Friday.")
    got = run(text, "2022-06-04").events
    # the ten killed are the toll of the fire his unit came under (one event, issue 28): his account
    casualties = [e for e in got if any(q.role == "killed" for q in e.quantities)][0]
    shelling = [e for e in got if e.trigger == "shelled"][0]
    assert (casualties.claim.claimed_by.name, casualties.claim.modality) == ("Sergei", "claimed")
    assert (shelling.claim.claimed_by, shelling.claim.modality) == (None, "asserted")


def test_according_to_a_news_agency_goes_on_in_its_paragraph(run):
    text = ("According to the BBC Sergei is not the only one with complaints like this. When he had to go back to "
            "the front after a short rest, he deserted.")
    c = claim_of(run, text, "desertion", "2022-06-04")
    assert (c.claimed_by.name, c.claimed_by.side, c.modality) == ("BBC", "other", "claimed")


def test_lawyers_and_activists_take_no_side(run):
    c = claim_of(run, "Human rights lawyers said that hundreds of soldiers deserted.", "desertion", "2022-06-04")
    assert (c.claimed_by.name, c.claimed_by.side, c.modality) == ("Human rights lawyers", "other", "claimed")


def test_an_office_speaks_through_its_spokesperson_named_in_the_article(run):
    text = ("In Moscow, the Kremlin said it was ready for a dialogue with Donald Trump. "
            "The spokesperson for the Russian presidency, Dmitri Peskov, said Thursday that he saw nothing new.")
    c = claim_of(run, text, "negotiation", "2025-01-23")
    assert (c.claimed_by.name, c.claimed_by.side) == ("Dmitry Peskov", "RU")


def test_an_office_without_a_named_spokesperson_speaks_for_itself(run):
    text = ("The Russian government said it was ready for a dialogue with Donald Trump. "
            "Maria Zakharova, the Foreign Ministry spokeswoman, said nothing.")
    c = claim_of(run, text, "negotiation", "2025-01-23")
    assert (c.claimed_by.name, c.claimed_by.side) == ("Russian government", "RU")


def test_another_ministrys_spokesperson_does_not_speak_for_the_defence_ministry(run):
    text = ("The village of Solone is now under Russian control, the Defense Ministry in Moscow said on Thursday. "
            "Foreign Ministry spokeswoman Maria Zakharova said nothing.")
    c = claim_of(run, text, "territory_captured", "2025-01-23")
    assert (c.claimed_by.name, c.claimed_by.side) == ("Russian Defence Ministry", "RU")


def test_what_is_reported_of_someone_is_not_his_claim(run):
    c = claim_of(run, "Several Ukrainian units have been reported to be cut off from supply lines near Ilovaisk.",
                 "encirclement", "2014-08-20")
    assert (c.claimed_by, c.modality) == (None, "claimed")


def test_an_unnamed_official_takes_the_side_his_role_gives(run):
    c = claim_of(run, "Bakhmut is now surrounded, the Russian-installed governor said.", "encirclement", "2023-05-20")
    assert (c.claimed_by.name, c.claimed_by.side) == ("Russian-installed governor", "RU")


def test_a_definite_role_points_back_to_the_person_named_before(run):
    text = ("The Kremlin spokesman, Dmitry Peskov, spoke on Monday.\n\n“Talks with Kyiv will resume,” said the "
            "Russian spokesperson.\n\nThe spokesperson for Russian diplomacy, Maria Zakharova, spoke later.")
    assert claim_of(run, text, "negotiation", "2023-03-01").claimed_by.name == "Dmitry Peskov"


def test_readiness_for_talks_is_a_claim_not_a_plan(run):
    c = claim_of(run, "Kyiv said on Monday it was ready for negotiations with the Kremlin.", "negotiation",
                 "2024-03-04")
    assert (c.claimed_by.side, c.modality) == ("UA", "claimed")


def test_an_event_only_talked_about_in_a_future_position_is_not_planned(run):
    c = claim_of(run, "Allies are watching to see what line the new German chancellor will adopt on military aid for "
                 "Ukraine.", "aid", "2024-03-04")
    assert c.modality == "asserted" and c.claimed_by is None


def test_what_a_future_act_would_bring_about_is_hypothetical(run):
    text = "“Only new sanctions will force Moscow to take part in genuine peace talks,” Andrii Sybiha said."
    c = claim_of(run, text, "negotiation", "2024-03-04")
    assert (c.claimed_by.name, c.modality) == ("Andrii Sybiha", "hypothetical")


def test_a_position_published_in_an_interview_is_its_authors_claim(run):
    text = ("Ukrainian Prime Minister Denys Shmyhal, in an interview with a German newspaper on Friday, made a full "
            "ceasefire a condition for any peace talks.")
    c = claim_of(run, text, "negotiation", "2024-03-04")
    assert (c.claimed_by.name, c.claimed_by.side, c.modality) == ("Denys Shmyhal", "UA", "claimed")
    c = claim_of(run, "Russian troops were advancing near Kupiansk, the town's military administration wrote in a "
                 "post on Telegram.", "armed_clash", "2024-03-04")
    assert c.modality == "claimed"


def test_an_event_in_a_plain_sentence_has_no_stance_holder(run):
    c = claim_of(run, "Ukrainian Prime Minister Denys Shmyhal travelled to Berlin on Friday, where peace talks were "
                 "held.", "negotiation", "2024-03-04")
    assert (c.claimed_by, c.modality) == (None, "asserted")


def test_she_is_the_person_of_her_own_paragraph_not_the_man_quoted_before(run):
    text = ("Mykola Bondar, a farmer from Izium, says the shelling has not stopped for a week.\n"
            "Halyna, who runs the village shop, left with her grandchildren. She told them the explosions they heard "
            "at night were thunder.")
    shelling = [e for e in run(text, "2024-03-04").events if e.event_type == "shelling"]
    assert [(e.claim.claimed_by.name, e.claim.modality) for e in shelling] == [("Mykola Bondar", "claimed"),
                                                                             ("Halyna", "claimed")]


def test_he_said_after_a_quote_reaches_back_to_the_person_of_the_paragraph_before(run):
    text = ("Ukrainian commander Oleh Shyriaiev spoke to reporters on Monday.\n"
            "“Our troops repelled a Russian assault near Kupiansk overnight,” he said.")
    c = claim_of(run, text, "armed_clash", "2024-03-04")
    assert (c.claimed_by.name, c.claimed_by.side) == ("Oleh Shyriaiev", "UA")


def test_a_personal_account_goes_on_but_the_journalists_description_of_the_speaker_does_not(run):
    text = ("Andriy Kovalenko says he left Bakhmut in March. His brigade had fought in the city for months. "
            "Whereas he calls the Russian demands absurd, he seems ready to accept peace talks now.")
    events = run(text, "2024-03-04").events
    clash = [e.claim for e in events if e.event_type == "armed_clash"]
    talks = [e.claim for e in events if e.event_type == "negotiation"]
    assert [(c.claimed_by.name, c.modality) for c in clash] == [("Andriy Kovalenko", "claimed")]
    assert [(c.claimed_by, c.modality) for c in talks] == [(None, "asserted")]


def test_a_soldier_quoted_without_a_name_is_a_soldier_of_the_forces_named_before(run):
    text = ("More than 400 Ukrainian soldiers crossed into Russia. “We were given an order to withdraw from our "
            "positions near Vuhledar,” one of the soldiers, a tank driver, said.")
    c = claim_of(run, text, "territory_withdrawn", "2024-03-04")
    assert (c.claimed_by.name, c.claimed_by.side) == ("Ukrainian soldier", "UA")
    c = claim_of(run, "“We fought in Bakhmut for three months,” a Russian paratrooper said.", "armed_clash",
                 "2024-03-04")
    assert (c.claimed_by.name, c.claimed_by.side, c.modality) == ("Russian soldier", "RU", "claimed")
    c = claim_of(run, "“Russian troops shelled our street in Vovchansk every night,” a local resident told reporters.",
                 "shelling", "2024-03-04")
    assert (c.claimed_by.name, c.claimed_by.side) == ("local resident", "civilians")


def test_a_speaker_who_adds_also_said_the_sentence_before(run):
    strike = "Two civilians were killed in a Russian drone strike on Nikopol on Sunday."
    c = claim_of(run, strike + " A third was taken to hospital, Governor Serhiy Lysak added.", "air_drone_strike",
                 "2024-03-04")
    assert (c.claimed_by.name, c.claimed_by.side, c.modality) == ("Serhiy Lysak", "UA", "claimed")
    c = claim_of(run, strike + " Governor Serhiy Lysak also said that power was cut in the city.", "air_drone_strike",
                 "2024-03-04")
    assert c.claimed_by.name == "Serhiy Lysak"
    # a plain 'said' or a new paragraph does not reach back
    for after in (" A third was taken to hospital, Governor Serhiy Lysak said.",
                  "\nA third was taken to hospital, Governor Serhiy Lysak added."):
        c = claim_of(run, strike + after, "air_drone_strike", "2024-03-04")
        assert (c.claimed_by, c.modality) == (None, "asserted")


def test_the_officials_are_those_of_the_official_named_before(run):
    text = ("Russian border guard spokesman Vasily Malaev said 300 troops crossed at the Donetsk checkpoint. One of the "
            "soldiers was seriously wounded in a shelling attack. He was taken to hospital, the officials added.")
    wounded = [e.claim for e in run(text, "2024-03-04").events if e.evidence.sentence.startswith("One of")]
    assert wounded and {(c.claimed_by.name, c.claimed_by.side, c.modality) for c in wounded} == {
        ("Russian officials", "RU", "claimed")}


def test_the_journalists_account_of_fighting_keeps_no_claimant_from_a_sources_report_of_it(run):
    text = ("Russian troops have spent months trying to storm Vuhledar, and Kyiv refuses to give up the town.\n"
            "On Monday Ukraine's General Staff said fighting was continuing in Vuhledar.")
    clashes = [e.claim for e in run(text, "2024-03-04").events if e.event_type == "armed_clash"]
    assert [(c.claimed_by.side if c.claimed_by else None, c.modality) for c in clashes] == [(None, "asserted"),
                                                                                          ("UA", "claimed")]


def test_a_council_that_says_so_is_the_claimant(run):
    c = claim_of(run, "Two people were killed when shells hit a market in Kherson, the city council said in a "
                 "statement.", "shelling", "2024-03-04")
    assert (c.claimed_by.name, c.claimed_by.side, c.modality) == ("city council", "UA", "claimed")


def by(run, text, published="2024-03-04"):
    """(event type, claimant name, modality) of every event of a text, in order."""
    return [(e.event_type, e.claim.claimed_by.name if e.claim.claimed_by else None, e.claim.modality)
            for e in run(text, published).events]


def test_a_relative_clause_set_off_by_a_comma_in_reported_speech_is_the_writers_voice(run):
    text = "Zelensky said he was open to talks with the Kremlin chief, whose army shelled the power grid in Odesa."
    assert by(run, text) == [("negotiation", "Volodymyr Zelensky", "claimed"), ("shelling", None, "asserted")]


def test_a_relative_clause_hung_on_an_apposition_is_the_writers_voice(run):
    text = "Zelensky said he had met Lukashenko, the man whose army shelled Chernihiv in 2022."
    assert by(run, text) == [("shelling", None, "asserted")]


def test_a_relative_clause_between_dashes_is_the_writers_voice(run):
    text = "The governor said the brigade – which had shelled Vovchansk for weeks – was withdrawn."
    assert by(run, text) == [("shelling", None, "asserted"), ("territory_withdrawn", "governor", "claimed")]


def test_a_restrictive_relative_clause_is_part_of_the_claim(run):
    text = "The governor said the troops that shelled Kherson had withdrawn."
    assert by(run, text) == [("shelling", "governor", "claimed"), ("territory_withdrawn", "governor", "claimed")]


def test_a_threat_in_the_writers_aside_is_the_threateners_word_not_the_speakers(run):
    text = "Peskov said Moscow was ready to talk to Joe Biden, who threatened new sanctions on Russia."
    assert by(run, text) == [("sanction", "Joe Biden", "threatened")]


def test_the_verbs_of_the_main_clause_lend_no_modality_to_a_writers_aside(run):
    text = "The Kremlin warned Lithuania, which imposed sanctions on the Kaliningrad transit in June."
    assert by(run, text) == [("sanction", None, "asserted")]


def test_a_fact_negated_in_reported_speech_is_the_speakers_denial(run):
    text = "Moscow insisted its forces had not struck the hospital in Kharkiv."
    assert by(run, text) == [("air_drone_strike", "Russian government", "denied")]


def test_a_negated_fact_before_its_speech_verb_is_denied(run):
    text = "Ukraine's army has not withdrawn from Chasiv Yar, the general staff said."
    assert by(run, text) == [("territory_withdrawn", "General Staff of the Armed Forces of Ukraine", "denied")]


def test_a_denial_verb_denies_what_it_governs(run):
    text = "Kyiv denied that its troops had withdrawn from Vovchansk."
    assert by(run, text, "2024-05-20") == [("territory_withdrawn", "Ukrainian government", "denied")]


def test_a_negation_in_the_writers_voice_or_of_a_modal_reports_no_event(run):
    assert by(run, "Russian troops did not capture Kupiansk.") == []
    assert by(run, "Zelensky said Ukraine would not withdraw from Chasiv Yar.") == []
    assert by(run, "The governor said Russian forces could not capture Vovchansk.") == []


@pytest.mark.parametrize("headline, claimant", [
    ("Two civilians killed in shelling of Kherson: officials", ("officials", "unknown")),
    # a governor named by office alone speaks for whoever held the place (the starting line: Belgorod is Russia's)
    ("Drone attack on Belgorod injures three – governor", ("governor", "RU")),
    ("Two drones downed over Kursk – Russian governor", ("Russian governor", "RU")),
    ("Russian forces withdraw from Kherson - Ukrainian official", ("Ukrainian official", "UA")),
    ("One soldier killed, two wounded in Donbas - Ukraine military", ("Ukraine military", "UA")),
    ("Explosions heard in Melitopol - authorities", ("authorities", "unknown")),
    ("Protesters detained in Minsk after rally - opposition", ("opposition", "unknown")),
    ("Russian troops shell Nikopol - Moscow", ("Russian government", "RU")),
    # a claimant of no known side reporting a Russian strike speaks for the side attacked (issue 28)
    ("Russian missiles hit Kyiv - Klitschko", ("Klitschko", "UA")),
    # after a colon, a capital is the source when the place was named before it
    ("Two Ukrainian soldiers die in renewed fighting near Slavyansk: Kiev", ("Ukrainian government", "UA")),
])
def test_a_headline_names_its_source_after_a_closing_dash_or_colon(run, headline, claimant):
    claims = {(e.claim.claimed_by.name, e.claim.claimed_by.side, e.claim.modality) if e.claim.claimed_by else None
              for e in run(headline, "2023-05-10").events}
    assert claims == {(*claimant, "claimed")}


def test_a_place_after_a_headlines_colon_is_where_it_happened_not_a_source(run):
    assert by(run, "Heavy fighting reported: Donetsk region", "2023-05-10") == [("armed_clash", None, "asserted")]


def test_a_closing_dash_clause_with_an_event_of_its_own_names_no_source(run):
    assert by(run, "Three civilians wounded in Kramatorsk - fighting rages", "2023-05-10") == [
        ("armed_clash", None, "asserted")]


def test_an_office_speaking_from_the_capital_the_sentence_opens_with_takes_its_side(run):
    c = claim_of(run, "In Moscow, the defence ministry said its troops had captured the village of Pishchane.",
                 "territory_captured", "2025-03-04")
    assert (c.claimed_by.name, c.claimed_by.side, c.modality) == ("defence ministry", "RU", "claimed")
    c = claim_of(run, "In Kyiv, the presidency said it was open to talks with the Kremlin.", "negotiation",
                 "2025-03-04")
    assert (c.claimed_by.name, c.claimed_by.side, c.modality) == ("presidency", "UA", "claimed")


def test_who_says_so_in_a_relative_clause_is_the_noun_it_follows(run):
    assert by(run, "Zelensky met Antony Blinken, who said Russian forces had withdrawn from Kupiansk.") == [
        ("negotiation", None, "asserted"), ("territory_withdrawn", "Antony Blinken", "claimed")]
    assert by(run, "Zelensky met the governor of Kharkiv, who said Russian forces had withdrawn from Kupiansk.") == [
        ("territory_withdrawn", "governor of Kharkiv", "claimed")]
    assert by(run, "Kupiansk, which Russia said it had captured in January, is again under fire.")[0] == (
        "territory_captured", "Russian government", "claimed")


@pytest.mark.parametrize("text", [
    "In the Kharkiv region, a woman died due to shelling over the past day, there are wounded",
    "Two civilians died due to the shelling of Izium on Monday.",
])
def test_died_due_to_shelling_is_no_plan(run, text):
    assert all(e.claim.modality != "planned" for e in run(text).events)


def test_due_to_with_a_verb_is_still_a_plan(run):
    events = run("Russian troops are due to withdraw from Kherson next week.").events
    assert [e.claim.modality for e in events if e.event_type == "territory_withdrawn"] == ["planned"]


def test_a_claimant_of_no_known_side_speaks_for_the_side_attacked(run):
    text = "Two people died in the shelling of the Kirovsky district of Donetsk by the Armed Forces of Ukraine - mayor"
    claimants = [e.claim.claimed_by for e in run(text).events if e.claim.claimed_by is not None]
    assert claimants and all(bloc(c.side) == "RU" for c in claimants)


def armed_sides(run, text, published="2023-03-14"):
    """The sides of the armed claimants of a text's events (blocs), and whether every event has a claimant."""
    events = run(text, published).events
    assert events
    return {bloc(e.claim.claimed_by.side) for e in events if e.claim.claimed_by is not None}


@pytest.mark.parametrize("headline, side", [
    # an office's long name after the dash is still the source (issue 28: '- Ministry of ... of the DPR')
    ("Four rescuers were injured in the shelling of Yasynuvata - Ministry of Emergency Situations of the DPR", "RU"),
    ("Ukrainian troops tried to advance near Svatove, to no avail - adviser to the acting head of the LPR", "RU"),
    ("A woman was wounded in the shelling of Makiivka - Headquarters of the DPR Territorial Defense", "RU"),
    # a report verb closing the sentence with no subject: said where it was said
    ("Two people were wounded in Horlivka in shelling by Ukrainian troops, reported in the DPR", "RU"),
    # 'the republic' points back to the republic named before
    ("Ukrainian troops lost 30 men in battles with the forces of the LPR in a day, the republic reported", "RU"),
    # a headline opening with its source before a colon
    ("General Staff: Russian troops shelled 20 villages in Sumy region", "UA"),
    # an office that shows what happened
    ("Kharkiv OVA showed the aftermath of a missile strike on Kupiansk", "UA"),
])
def test_who_says_so_in_headlines_of_either_side(run, headline, side):
    assert armed_sides(run, headline) == {side}


def test_a_topic_before_a_headlines_colon_is_no_source(run):
    assert armed_sides(run, "South: Ukrainian artillery hit two Russian ammunition depots") == set()


def test_a_claimant_of_no_known_side_telling_a_sides_success_speaks_for_that_side(run):
    # 'MO' is no name the actor knowledge holds; who destroyed whom says whose ministry it is
    assert armed_sides(run, "Russian troops destroyed up to 40 Ukrainian soldiers near Kupiansk in a day - MO") == {"RU"}
    assert armed_sides(run, "Ukrainian forces destroyed 12 Russian tanks near Avdiivka - MO") == {"UA"}


def test_an_unnamed_mayor_speaks_for_the_place_attacked(run):
    # a mayor is Ukrainian by default, but not the mayor of a place the Armed Forces of Ukraine shelled
    assert armed_sides(run, "A man died in Horlivka during shelling by the Armed Forces of Ukraine, the mayor said") \
        == {"RU"}
    assert armed_sides(run, "A man died in Kharkiv during shelling by Russian forces, the mayor said") == {"UA"}


def test_a_closing_gerund_of_speech_leaves_the_sentence_in_the_writers_voice(run):
    # '..., reported in the DPR' names where it was said; '..., saying ...' tells what the subject said of it
    events = run("Russia struck Kyiv overnight, saying it targeted military sites", "2023-03-14").events
    assert [(e.event_type, e.claim.claimed_by) for e in events] == [("air_drone_strike", None)]


def test_an_unnamed_mayor_with_no_attacker_named_speaks_for_who_held_the_place(run):
    # the starting line: Donetsk was held by Russia's side, Lviv by Ukraine (frontline.geo.starting_line)
    assert armed_sides(run, "Nine people were killed in the shelling of Donetsk - mayor", "2022-08-20") == {"RU"}
    assert armed_sides(run, "Two people were wounded in Lviv overnight, the mayor said", "2022-08-20") == {"UA"}


@pytest.mark.parametrize("text, side", [
    ("According to Russian sources, 20 Ukrainian servicemen were killed near Bakhmut.", "RU"),
    ("According to Ukrainian sources, 20 Russian servicemen were killed.", "UA"),
])
def test_according_to_is_not_the_force_named_after_the_source(run, text, side):
    # the force after the source's comma is whose dead are counted, not who counts them
    (event,) = run(text).events
    assert event.claim.claimed_by is not None and event.claim.claimed_by.side == side
    assert [q.kind for q in event.quantities if q.role == "killed"] == ["claimed_enemy_losses"]
