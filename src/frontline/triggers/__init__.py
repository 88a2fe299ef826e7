"""Triggers: the words of a sentence that name an event, typed by their context."""
