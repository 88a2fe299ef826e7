"""The ACLED mapping (frontline.export.acled) reads the event-type table; its refining rules are registered by name."""

from __future__ import annotations

import dataclasses

import pytest
from test_export import event as _event

from frontline.errors import RegistryError
from frontline.export import acled
from frontline.vocab import event_types
from frontline.vocab.event_types import TABLE


def test_every_rule_the_table_names_is_registered():
    named = {row.acled_rule for row in TABLE.values() if row.acled_rule is not None}
    assert named == acled.rule_names() == {"territory_change", "abduction_or_attack", "armed_cause",
                                           "strike_means", "casualty_cause", "detention_by_force"}


def test_an_unknown_rule_name_is_an_error():
    with pytest.raises(RegistryError, match="no ACLED rule is registered as 'no_such_rule'"):
        acled.rule_named("no_such_rule")


def test_a_row_naming_an_unregistered_rule_is_an_error(monkeypatch):
    kind = next(iter(TABLE))
    row = dataclasses.replace(TABLE[kind], acled_rule="no_such_rule")
    monkeypatch.setattr(acled, "TABLE", {**TABLE, kind: row})
    with pytest.raises(RegistryError, match="no_such_rule"):
        acled.acled_type(_event(kind))


def test_a_rule_cannot_be_registered_twice():
    with pytest.raises(RegistryError, match="registered twice"):
        acled.rule("armed_cause")(lambda event, fighting, fixed: fixed)


def test_a_type_without_a_rule_exports_as_its_row_says():
    for name, row in TABLE.items():
        if row.acled_rule is None and name != event_types.FALLBACK:
            assert acled.acled_type(_event(name, trigger="")) == row.acled


def test_fighting_types_are_the_rows_that_report_fighting():
    assert acled.fighting_types() == frozenset(n for n, row in TABLE.items() if row.fighting)


@pytest.mark.parametrize("text, pair", [
    ("Interception: On 1 January 2024, Russian forces shot down a Ukrainian drone near Basan, Zaporizhia.",
     ("Strategic developments", "Disrupted weapons use")),
    ("Air defence intercepted 20 drones over the Kyiv region overnight.",
     ("Strategic developments", "Disrupted weapons use")),
    ("Ukrainian forces shot down a Russian Su-34 near Kramatorsk.",      # an aircraft with a crew: the air
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),  # defence's fire, as ACLED codes it
    ("Russian drones attacked Odesa overnight, hitting a port warehouse.",
     ("Explosions/Remote violence", "Air/drone strike")),
])
def test_an_intercepted_drone_or_missile_is_disrupted_weapons_use(run, text, pair):
    (event,) = run(text, "2024-01-02").events
    assert acled.acled_type(event) == pair



@pytest.mark.parametrize("text, pair", [
    ("A civilian man was killed by a landmine explosion near Izium on Monday.",
     ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("A tractor driver hit an anti-tank mine near Balakliia on Monday and was killed.",
     ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("Two deminers were injured when an explosive device detonated near Kherson.",
     ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("Russian forces shelled a village near the mine in Pokrovsk.",      # a pit, not a weapon
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
])
def test_a_mine_or_planted_bomb_is_a_remote_explosive(run, text, pair):
    (event,) = run(text, "2024-01-02").events
    assert acled.acled_type(event) == pair


@pytest.mark.parametrize("text, pair", [
    ("Russian forces killed two civilians in Mariupol on Monday.", ("Violence against civilians", "Attack")),
    ("Russian troops killed 20 Ukrainian soldiers near Bakhmut on Monday.", ("Battles", "Armed clash")),
    ("Ten soldiers were killed and twenty wounded in his unit.", ("Strategic developments", "Other")),
])
def test_dead_counted_without_a_strike_are_coded_by_their_cause(run, text, pair):
    (event,) = run(text, "2024-01-02").events
    assert acled.acled_type(event) == pair


@pytest.mark.parametrize("text, pair", [
    ("Ukrainian forces fired heavy machine guns and small arms at Russian positions near Robotyne on Monday.",
     ("Battles", "Armed clash")),                                       # direct fire alone
    ("Russian and Ukrainian forces exchanged artillery fire near Klishchiivka on Monday.",
     ("Battles", "Armed clash")),                                       # fire exchanged
    ("Russian forces shelled, assaulted and were repulsed from Ukrainian positions near Marinka on Monday.",
     ("Battles", "Armed clash")),                                       # the battle before the fire in it
    ("Russian forces fired 120mm mortars and machine guns at Ukrainian positions near Marinka on Monday.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),  # a heavy weapon: fire from afar
    ("Russian forces destroyed a Ukrainian ammunition depot near Huliaipole on Monday.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),  # a depot is hit from afar
])
def test_fire_that_is_a_battle_and_fire_from_afar(run, text, pair):
    events = run(text, "2024-01-02").events
    assert [acled.acled_type(e) for e in events] == [pair]


def test_a_note_coded_to_a_settlement_is_placed_there(run):
    (event,) = run("On 8 September 2022, Russian forces shelled the Lozivskyi district (coded to Lozova, Kharkiv). "
                   "1 civilian was injured.", "2022-09-08").events
    assert event.location.name == "Lozova"
