"""Mention finders: places, dates, actors and quantities, each a view into the cleaned text."""
