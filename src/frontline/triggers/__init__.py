"""Triggers: the words of a sentence that name an event, typed by their context.

``find_triggers`` finds them (``find``); the lexicon (``lexicon``) holds the trigger words, the rules
(``rules``) type the ambiguous ones, ``captions`` tells caption lines apart, ``occurrence`` and ``negation`` drop
the uses that report nothing, and ``similarity`` types by meaning a sentence no trigger word names.
"""

from __future__ import annotations

from frontline.triggers.captions import is_caption_line
from frontline.triggers.find import Trigger, find_triggers, names_no_trigger
from frontline.triggers.lexicon import (
    PLANNED_CUES,
    SIGHTING,
    THREAT_CUES,
    TRIGGERS,
    TriggerRule,
    other_kind,
)
from frontline.triggers.negation import denied_in_speech, is_negated
from frontline.triggers.occurrence import ROUGH_AMOUNTS
from frontline.triggers.similarity import SentenceTyper

__all__ = ["PLANNED_CUES", "ROUGH_AMOUNTS", "SIGHTING", "THREAT_CUES", "TRIGGERS", "SentenceTyper", "Trigger", "TriggerRule", "denied_in_speech", "find_triggers",
           "is_caption_line", "is_negated", "names_no_trigger", "other_kind"]
