"""The registry of trigger rules: ``@rule("combat")`` files a function under the name the lexicon gives it.

A rule reads a trigger's context (``RuleContext``) and returns the event type of this use, or None when the use
names no event. The lexicon names a word's rule (``TriggerRule.rule``); ``rule_named`` finds it, and a name no
function is registered under is an error, not a silent fall-back to the word's lexicon type.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from frontline.registry import Registry
from frontline.triggers.rules.context import RuleContext

__all__ = ["RULES", "Rule", "rule", "rule_named"]

Rule = Callable[[RuleContext], "str | None"]

# Filled once, by the ``@rule`` decorators of the rule families as ``frontline.triggers.rules`` imports them.
_REGISTRY: Registry[Rule] = Registry(
    "trigger rule", "add one with @rule(...) in frontline/triggers/rules/, or fix the lexicon entry that names it")
RULES: Mapping[str, Rule] = _REGISTRY.view
# ``@rule("combat")``, or ``@rule("withdraw", "pull")`` for a rule several lexicon entries name.
rule = _REGISTRY.register
# The rule the lexicon names (``TriggerRule.rule``); ``RegistryError`` when no function is registered under it.
rule_named = _REGISTRY.get
