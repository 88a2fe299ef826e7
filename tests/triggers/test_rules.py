"""The trigger-rule registry: the lexicon and the registered rules name the same rules, and a slip is an error."""

import pytest

from frontline.errors import RegistryError
from frontline.triggers.lexicon import TRIGGERS
from frontline.triggers.rules import RULES, rule, rule_named


def _named() -> set[str]:
    return {entry.rule for entry in TRIGGERS.values() if entry.rule is not None}


def test_every_rule_the_lexicon_names_is_registered():
    assert _named() - set(RULES) == set()
    assert all(callable(rule_named(name)) for name in _named())


def test_every_registered_rule_is_named_by_the_lexicon():
    assert set(RULES) - _named() == set()


def test_an_unknown_rule_name_is_an_error():
    with pytest.raises(RegistryError, match="'no_such_rule'"):
        rule_named("no_such_rule")


def test_a_rule_name_registered_twice_is_an_error():
    before = dict(RULES)
    with pytest.raises(RegistryError, match="registered twice"):
        rule("combat")(lambda ctx: None)
    assert dict(RULES) == before


def test_the_registry_cannot_be_written_from_outside():
    with pytest.raises(TypeError):
        RULES["combat"] = lambda ctx: None      # type: ignore[index]
