"""Whole-pipeline checks on single news sentences written for this test (none from the sample articles).

Each probe names the event a careful analyst would code from the sentence, with the fields the sentence makes
clear; fields left out of a probe are not checked. Publication date for all: Friday 10 May 2024.
"""

from __future__ import annotations

import datetime as dt

import pytest

from frontline import Pipeline, RawArticle

PUBLISHED = dt.date(2024, 5, 10)

PROBES = [
    ("Avdiivka fell to Russian forces on 17 February.",
     dict(type="territory_captured", place="Avdiivka", start="2024-02-17", initiator="RU")),
    ("The city of Bakhmut fell in May last year.", dict(type="territory_captured", place="Bakhmut")),
    ("Avdiivka fell in the Donetsk region after months of fighting.",
     dict(type="territory_captured", place="Avdiivka")),
    ("Mariupol fell into Russian hands in May 2022.",
     dict(type="territory_captured", place="Mariupol", start="2022-05-01")),
    ("At least 14 people were killed and 30 wounded in a Russian missile strike on a shopping centre in Kremenchuk "
     "on Monday afternoon, regional governor Dmytro Lunin said.",
     dict(type="shelling", place="Kremenchuk", start="2024-05-06", initiator="RU", target="civilians",
          counts={(14, "killed"), (30, "injured")}, claimant="Dmytro Lunin", modality="claimed")),
    ("Three people died and 14 were wounded after a drone attack on Sumy.",
     dict(type="air_drone_strike", place="Sumy", target="civilians", counts={(3, "killed"), (14, "injured")})),
    ("Russian forces launched 40 Shahed drones overnight, 35 of which were shot down, the Ukrainian air force said.",
     dict(type="air_drone_strike", initiator="RU", claimant_side="UA", modality="claimed")),
    ("Ukraine and Russia exchanged 95 prisoners of war each on Wednesday, the UAE said.",
     dict(type="prisoner_exchange", start="2024-05-08", claimant_side="other", modality="claimed")),
    ("Kyiv denied that its troops had been surrounded near Bakhmut.",
     dict(type="encirclement", place="Bakhmut", target="UA", claimant_side="UA", modality="denied")),
    ("The EU agreed a new package of sanctions against Russia on Friday.",
     dict(type="sanction", start="2024-05-10", initiator="EU", target="RU")),
    ("Russia's defence ministry said its forces had taken control of Krasnohorivka.",
     dict(type="territory_captured", place="Krasnohorivka", initiator="RU", claimant_side="RU", modality="claimed")),
    ("Ukrainian forces have recaptured the village of Robotyne in the Zaporizhzhia region, Deputy Defence Minister "
     "Hanna Maliar said on Monday.",
     dict(type="territory_captured", place="Robotyne", initiator="UA", target="RU", claimant="Hanna Maliar")),
    ("Ukraine's military said it had withdrawn from Avdiivka to avoid encirclement.",
     dict(type="territory_withdrawn", place="Avdiivka", initiator="UA", claimant_side="UA")),
    ("Police in Moscow detained 12 people who laid flowers for the opposition leader.",
     dict(type="arrest", place="Moscow", counts={(12, "detained")})),
    ("Russia threatened to strike Kyiv if Ukraine used Western missiles.",
     dict(type="shelling", place="Kyiv", initiator="RU", modality="threatened")),
    ("Last week, Ukrainian drones struck an oil refinery in Ryazan, Russian officials said.",
     dict(type="air_drone_strike", place="Ryazan’", start="2024-04-29", initiator="UA", claimant_side="RU")),
    ("Two civilians were killed in the shelling of Chasiv Yar yesterday, Vadym Filashkin said.",
     dict(type="shelling", place="Chasiv Yar", start="2024-05-09", target="civilians", claimant="Vadym Filashkin")),
    ("The EU imposed sanctions on Russia.", dict(type="sanction", initiator="EU", target="RU")),
    ("Sanctions on Russian banks took effect on Monday.", dict(type="sanction", initiator=None, target="RU")),
    ("Russian troops, who captured Avdiivka in February, are now advancing on Pokrovsk.",
     dict(type="territory_captured", place="Avdiivka", start="2024-02-01", initiator="RU")),
    ("Moscow rejected talks with Donald Trump, who threatened new sanctions.", dict(type="sanction", initiator="US")),
    ("Germany will send two more Patriot air defence systems to Ukraine, Chancellor Olaf Scholz said.",
     dict(type="aid", initiator="other", target="UA", modality="planned")),
    ("The US delivered 31 Abrams tanks to Ukraine in September.",
     dict(type="aid", start="2023-09-01", initiator="US", target="UA")),
    ("“We have recaptured two villages near Kupiansk,” said Oleh Syniehubov, the governor of the Kharkiv region.",
     dict(type="territory_captured", place="Kupiansk", initiator="UA", target="RU", claimant="Oleh Syniehubov")),
    ("“We took Ocheretyne,” the Russian defence ministry said.",
     dict(type="territory_captured", place="Ocheretyne", initiator="RU", target="UA", claimant_side="RU")),
    ("The Russians have been storming Vuhledar for months.", dict(type="armed_clash", place="Vuhledar", initiator="RU")),
    # the invasion told as a background fact, dated by its own words
    ("Putin sent tens of thousands of troops across the border on 24 February 2022.",
     dict(type="armed_clash", place=None, start="2022-02-24", initiator="RU", target="UA")),
    ("Russian tanks rolled into Ukraine in February 2022.",
     dict(type="armed_clash", start="2022-02-01", initiator="RU", target="UA")),
    ("Kyiv has held out since Moscow launched its full-scale invasion in February 2022.",
     dict(type="armed_clash", start="2022-02-01", initiator="RU")),
    ("Villages emptied as the invasion launched more than two years ago dragged on.",
     dict(type="armed_clash", start="2022-01-01")),
    ("The rally came three months to the day since Russia invaded Ukraine.",
     dict(type="armed_clash", start="2024-02-10", initiator="RU", target="UA")),
    # the fighting as the setting: the sentence's own event stays, and is the only one
    ("On Tuesday a paramedic was wounded in the fighting.", dict(type="casualties", start="2024-05-07")),
    # headlines: the toll's place is the attack's; the closing source says so and is no party
    ("Three killed in Nikopol shelling - Ukraine's interior ministry",
     dict(type="shelling", place="Nikopol", initiator=None, counts={(3, "killed")}, claimant_side="UA",
          modality="claimed")),
    ("Shelling in the DPR killed two.", dict(type="shelling", place="Donetsk", initiator=None, counts={(2, "killed")})),
    ("Five people died in the Luhansk People's Republic after a Ukrainian strike - JCCC",
     dict(type="air_drone_strike", place="Luhansk", counts={(5, "killed")}, claimant="JCCC")),
    # leaders meeting are talks
    ("Zelensky met Erdogan in Istanbul on Friday.", dict(type="negotiation", start="2024-05-10", initiator="UA")),
    ("Putin will meet Trump in Alaska next week.",
     dict(type="negotiation", initiator="RU", target="US", modality="planned")),
    ("A meeting between the Russian and Ukrainian foreign ministers took place on Tuesday.",
     dict(type="negotiation", start="2024-05-07")),
    ("Ukraine reports 1 KIA, 2 WIA amid 21 enemy attacks in Donbas in past day",
     dict(type="armed_clash", place="Donbas", counts={(1, "killed"), (2, "injured")})),
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.load()


def _fits(event, want: dict) -> list[str]:
    """The fields of ``want`` that ``event`` gets wrong (empty: it fits)."""
    got = {
        "type": event.event_type,
        "place": event.location.name if event.location else None,
        "start": event.date.start.isoformat() if event.date.start else None,
        "initiator": event.initiator.side if event.initiator else None,
        "target": event.target.side if event.target else None,
        "claimant": event.claim.claimed_by.name if event.claim.claimed_by else None,
        "claimant_side": event.claim.claimed_by.side if event.claim.claimed_by else None,
        "modality": event.claim.modality,
        "counts": {(q.value, q.role) for q in event.quantities},
    }
    wrong = [k for k, v in want.items() if k != "counts" and got[k] != v]
    if "counts" in want and not want["counts"] <= got["counts"]:
        wrong.append("counts")
    return wrong


@pytest.mark.parametrize("sentence, want", PROBES, ids=[p[0][:40] for p in PROBES])
def test_probe(pipeline, sentence, want):
    events = pipeline.process(RawArticle(text=sentence, published=PUBLISHED)).events
    same_type = [e for e in events if e.event_type == want["type"]]
    assert same_type, f"no {want['type']} event; got {[e.event_type for e in events]}"
    errors = [(e, _fits(e, want)) for e in same_type]
    best = min(errors, key=lambda pair: len(pair[1]))
    assert best[1] == [], f"wrong {best[1]}: {best[0]}"


@pytest.mark.parametrize("sentence", ["Prices fell sharply in May.", "Zelensky fell ill in May.",
                                      "Exports hit a record in March.",
                                      "Moscow sent tens of thousands of troops to the border.",
                                      "The ministry provided no details.", "She sent a letter to the mayor.",
                                      "The war has displaced millions of Ukrainians.",
                                      "It marks a year of a conflict that has killed thousands and uprooted millions.",
                                      "Prices have tripled since the war began.",
                                      "Prices have tripled since Russian troops poured into Ukraine.",
                                      "Kia sold 300 cars in Kyiv in May.",
                                      "Ukrainian troops met fierce resistance near Robotyne.",
                                      "Putin met Russian troops in Crimea.", "Zelensky fell ill near Kharkiv.",
                                      "The plan meets the demands of the EU.", "I met him at the station.",
                                      "The meeting of the city council in Lviv was cancelled."])
def test_no_event(pipeline, sentence):
    assert pipeline.process(RawArticle(text=sentence, published=PUBLISHED)).events == ()


PLACE_PROBES = [
    ("Russian shelling killed a woman and injured two children in Kherson on Tuesday.",
     dict(type="shelling", place="Kherson", initiator="RU", target="civilians", counts={(1, "killed"), (2, "injured")})),
    ("Russian troops stormed and captured Klishchiivka.", dict(type="armed_clash", place="Klishchiivka", initiator="RU")),
    ("Ukrainian drones attacked and set fire to an oil depot in Novorossiysk overnight.",
     dict(type="air_drone_strike", place="Novorossiysk", initiator="UA")),
    ("Two people were killed in a Russian strike on Kharkiv's suburb of Tsyrkuny.",
     dict(type="air_drone_strike", place="Tsyrkuny", initiator="RU", counts={(2, "killed")})),
    ("Fighting raged in Bakhmut's neighbouring town of Soledar.", dict(type="armed_clash", place="Soledar")),
]


@pytest.mark.parametrize("sentence, want", PLACE_PROBES, ids=[p[0][:40] for p in PLACE_PROBES])
def test_place_probe(pipeline, sentence, want):
    test_probe(pipeline, sentence, want)


@pytest.mark.parametrize("sentence, types", [
    ("Residents fled Huliaipole because of the fighting.", ["evacuation"]),
    ("On Tuesday a paramedic was wounded in the fighting.", ["casualties"]),
    ("Two medics were wounded in the fighting near Kreminna, the army said.", ["armed_clash"]),
    ("The offensive made Kurakhove the next main focus of the fights.", ["armed_clash"]),
])
def test_the_fighting_as_setting_adds_no_event(pipeline, sentence, types):
    events = pipeline.process(RawArticle(text=sentence, published=PUBLISHED)).events
    assert [e.event_type for e in events] == types


def test_sanctions_that_hit_banks_are_no_shelling(pipeline):
    events = pipeline.process(RawArticle(text="New US sanctions hit Moscow banks.", published=PUBLISHED)).events
    assert [(e.event_type, e.initiator.side) for e in events] == [("sanction", "US")]
