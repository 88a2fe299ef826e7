"""Trigger rules: how an ambiguous trigger word's context types it, filed by name with ``@rule``.

Each family module registers its rules when imported; this package imports them all, so ``RULES`` and
``rule_named`` see every rule once ``frontline.triggers.rules`` is imported.
"""

from __future__ import annotations

from frontline.triggers.rules import combat, damage, people, politics, strikes, territory
from frontline.triggers.rules.context import RuleContext, rule_context
from frontline.triggers.rules.registry import RULES, Rule, rule, rule_named

__all__ = ["FAMILIES", "RULES", "Rule", "RuleContext", "rule", "rule_context", "rule_named"]

# The rule families, by what they read; importing them is what registers their rules.
FAMILIES = (combat, territory, strikes, damage, people, politics)
