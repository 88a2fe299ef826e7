"""Issue 26 item 4: a name someone types is resolved when it is a spelling of a place, and suggests otherwise."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def gazetteer(pipeline):
    return pipeline.resources.gazetteer


@pytest.mark.parametrize(("typed", "place"), [("Kiev", "Kyiv"), ("Kyiv", "Kyiv"), ("Kharkov", "Kharkiv"),
                                              ("Kharkiv", "Kharkiv"), ("Severodonetsk", "Sievierodonetsk"),
                                              ("Odessa", "Odesa"), ("Artemivsk", "Bakhmut"),
                                              ("Sloviansk", "Sloviansk"), ("Slavyansk", "Sloviansk")])
def test_spellings_of_a_name_resolve(gazetteer, typed, place):
    assert gazetteer.named_settlement(typed).name == place


@pytest.mark.parametrize(("typed", "suggested"), [("Xyzzy", "Khyzhky (Sumy)"), ("Donetsc", "Donetsk (Donetsk)"),
                                                  ("Mariupl", "Mariupol (Donetsk)")])
def test_near_spellings_are_suggested_not_substituted(gazetteer, typed, suggested):
    assert gazetteer.named_settlement(typed) is None
    assert suggested in gazetteer.suggest_settlements(typed)
