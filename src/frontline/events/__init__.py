"""Events of one article: built from triggers and mentions, given claims, fused within the article, scored.

The stages in order: ``build.extract_events`` (trigger, place, date, parties, counts of each event),
``claims.attribute`` (who says so, with what modality), ``fuse.fuse_article`` (one event per happening) and
``confidence.Calibrator`` (the chance that an event is right).

The package re-exports nothing, on purpose: importing one module of it alone (the fusion of one article, the
confidence table) must not load the modules that import spaCy.
"""
