"""The registry of trigger rules: ``@rule("combat")`` files a function under the name the lexicon gives it.

A rule reads a trigger's context (``RuleContext``) and returns the event type of this use, or None when the use
names no event. The lexicon names a word's rule (``TriggerRule.rule``); ``rule_named`` finds it, and a name no
function is registered under is an error, not a silent fall-back to the word's lexicon type.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from frontline.errors import ResourceError
from frontline.triggers.rules.context import RuleContext

__all__ = ["RULES", "Rule", "rule", "rule_named"]

Rule = Callable[[RuleContext], "str | None"]

# Filled once, by the ``@rule`` decorators of the rule families as ``frontline.triggers.rules`` imports them;
# read through ``RULES``, which cannot be written.
_REGISTRY: dict[str, Rule] = {}
RULES: Mapping[str, Rule] = MappingProxyType(_REGISTRY)


def rule(*names: str) -> Callable[[Rule], Rule]:
    """Register the decorated function as the rule of each of ``names`` (several words may share one rule).

    Raises:
        ResourceError: a name is already registered (two rules would claim one lexicon entry).
    """
    def register(func: Rule) -> Rule:
        for name in names:
            if name in _REGISTRY:
                raise ResourceError(f"trigger rule {name!r} is registered twice ({_REGISTRY[name].__qualname__} "
                                    f"and {func.__qualname__}); give one of them another name")
            _REGISTRY[name] = func
        return func
    return register


def rule_named(name: str) -> Rule:
    """The rule registered under ``name``.

    Raises:
        ResourceError: no rule is registered under that name (a lexicon entry names a rule nobody wrote).
    """
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ResourceError(f"the trigger lexicon names rule {name!r}, but no function is registered under it; "
                            f"add one with @rule({name!r}) in frontline/triggers/rules/, or fix the lexicon entry") \
            from None
