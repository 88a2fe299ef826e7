"""Triggers: the words of a sentence that name an event, typed by their context.

``find_triggers`` finds them (``find``); the lexicon (``lexicon``) holds the trigger words, the rules
(``rules``) type the ambiguous ones, ``captions`` tells caption lines apart, ``occurrence`` and ``negation`` drop
the uses that report nothing, and ``similarity`` types by meaning a sentence no trigger word names.

The package re-exports nothing, on purpose: importing the lexicon alone (as the ACLED export does) must not
load the modules that import spaCy.
"""
