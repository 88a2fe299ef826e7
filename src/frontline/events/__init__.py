"""Events of one article: built from triggers and mentions, given claims, fused within the article, scored.

The stages in order: ``build.extract_events`` (trigger, place, date, parties, counts of each event),
``claims.attribute`` (who says so, with what modality), ``fuse.fuse_article`` (one event per happening) and
``confidence.Calibrator`` (the chance that an event is right).
"""

from frontline.events.build import Candidate, extract_events
from frontline.events.claims import attribute
from frontline.events.confidence import Calibrator
from frontline.events.fuse import fuse_article, same_event

__all__ = ["Calibrator", "Candidate", "attribute", "extract_events", "fuse_article", "same_event"]
