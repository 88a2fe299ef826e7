"""The event-type columns the events stage reads hold exactly the types its rules were written for."""

from __future__ import annotations

import pytest

from frontline.vocab.event_types import TABLE, names_where

COMBAT = {"armed_clash", "shelling", "air_drone_strike", "territory_captured", "encirclement", "territory_withdrawn"}


@pytest.mark.parametrize("column, members", [
    ("combat", COMBAT),
    ("carries_place", COMBAT | {"evacuation"}),
    ("personal", {"desertion", "surrender"}),
    ("exchange", {"aid", "sanction", "negotiation"}),
    ("agent_unguessed", {"infrastructure_disruption", "evacuation", "casualties", "violence_against_civilians"}),
    ("attacked_subject", {"armed_clash", "shelling", "air_drone_strike", "encirclement", "casualties",
                          "violence_against_civilians"}),
    ("own_army", {"desertion", "mobilization", "surrender"}),
    ("civilian_toll", {"shelling", "air_drone_strike", "casualties"}),
    ("placeless", {"negotiation", "sanction", "aid", "mobilization", "desertion", "casualties", "protest", "other"}),
    ("ongoing", {"armed_clash", "shelling"}),
    ("parties_in_talks", {"negotiation"}),
    ("warring_modifier_receives", {"aid", "sanction"}),
    ("toll", {"casualties"}),
    ("takes_toll", {"shelling", "air_drone_strike", "armed_clash", "violence_against_civilians"}),
    ("target_owns_ground", {"infrastructure_disruption"}),
    ("defensive_verb_flips", {"armed_clash"}),
    ("civilian_target", {"evacuation"}),
    ("civilian_initiator", {"protest"}),
])
def test_flag_columns(column, members):
    assert names_where(lambda t: getattr(t, column)) == members


def test_other_columns():
    assert names_where(lambda t: not t.context_place) == {"negotiation", "sanction"}
    assert names_where(lambda t: not t.carries_casualties) == {"other"}
    assert names_where(lambda t: t.control not in (None, "fought")) == {"territory_captured", "territory_withdrawn",
                                                                       "encirclement"}
    assert names_where(lambda t: t.control == "fought") == {"armed_clash"}
    assert {n: TABLE[n].undirected_by for n in names_where(lambda t: t.undirected_by)} == {
        "armed_clash": "symmetric_word", "encirclement": "adjective"}
    assert {n: TABLE[n].target_prepositions for n in names_where(lambda t: t.target_prepositions)} == {
        "negotiation": ("with",), "aid": ("for", "to"), "sanction": ("against", "on")}
    assert {n: TABLE[n].implied_role for n in names_where(lambda t: t.implied_role)} == {
        "evacuation": "evacuated", "desertion": "deserted", "encirclement": "surrounded"}
    assert {n: set(TABLE[n].quantity_roles) for n in names_where(lambda t: t.quantity_roles is not None)} == {
        "casualties": {"killed", "injured", "dead", "wounded", "died"},
        "evacuation": {"evacuated", "arrived", "fled", "displaced", None},
        "desertion": {"deserted", "fled", "crossed", None},
        "encirclement": {"surrounded", "encircled", None},
        "territory_captured": {"captured", "controlled", "occupied", None}}
