"""The event-type table is the one place a type is defined: every consumer agrees with it."""

import ast
import json
import re
from pathlib import Path

import frontline
from frontline.models import EVENT_TYPES as MODEL_EVENT_TYPES
from frontline.vocab import EVENT_TYPES, SIDES, TABLE, event_type, names_where

SRC = Path(frontline.__file__).parent
ROOT = SRC.parent.parent
SCHEMA = json.loads((SRC / "data" / "output.schema.json").read_text(encoding="utf-8"))
# The trigger words and rules say which words name which type: with the table, the one place types are named.
NAMING_ALLOWED = ("vocab/event_types.py", "triggers/")
# Words that are spelled like a type but are not one: lemmas a count's role is read from, and the role classes
# the evaluation compares roles by. "other" is also a side (``party.side``), so it is never counted.
WORDS_NOT_TYPES = {
    "mentions/quantities.py": {"arrest", "surrender", "evacuation", "desertion", "encirclement", "aid"},
    "evaluation/": {"evacuation", "desertion"},
}


def test_the_schema_enum_is_the_table():
    event = SCHEMA["$defs"]["event"]["properties"]["event_type"]
    assert tuple(event["enum"]) == EVENT_TYPES
    assert MODEL_EVENT_TYPES == EVENT_TYPES


def test_the_schema_sides_are_the_side_table():
    party = SCHEMA["$defs"]["party"]["properties"]["side"]
    assert tuple(party["enum"]) == SIDES


def _docs_rows() -> list[list[str]]:
    text = (ROOT / "docs" / "EVENTS.md").read_text(encoding="utf-8")
    table = text.split("| event_type |", 1)[1].split("\n\n", 1)[0]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in table.splitlines()[2:]]


def test_docs_list_every_type_in_order_with_its_definition_and_acled_pair():
    rows = _docs_rows()
    assert [r[0] for r in rows] == list(EVENT_TYPES)
    for name, covers, acled in rows:
        row = TABLE[name]
        assert covers.startswith(row.summary), name
        assert f"{row.acled[0]} / {row.acled[1]}" in acled, name


def test_unknown_names_read_as_the_type_that_claims_least():
    assert event_type("no_such_type") is TABLE["other"]
    assert not TABLE["other"].carries_casualties


def test_groupings_are_read_from_the_rows():
    assert names_where(lambda t: t.control is not None) == {"territory_captured", "territory_withdrawn",
                                                            "encirclement", "armed_clash"}
    assert all(t.colour.startswith("#") and len(t.colour) == 7 for t in TABLE.values())
    assert len({t.colour for t in TABLE.values()}) == len(TABLE)


def _named_types(path: Path) -> set[str]:
    """Event-type names written in a source file: string constants in Python, quoted or bare words in JS."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        found = {node.value for node in ast.walk(ast.parse(text))
                 if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in TABLE}
    else:
        found = {name for name in TABLE if re.search(rf"(?<![\w-]){name}(?![\w-])", text)}
    found.discard("other")
    rel = path.relative_to(SRC).as_posix()
    for where, words in WORDS_NOT_TYPES.items():
        if rel.startswith(where):
            found -= words
    return found


def test_only_the_table_and_the_trigger_rules_name_event_types():
    sources = [p for p in SRC.rglob("*") if p.suffix in (".py", ".js") and "vendor" not in p.parts]
    naming = {p.relative_to(SRC).as_posix(): sorted(_named_types(p)) for p in sources}
    offenders = {rel: names for rel, names in naming.items()
                 if names and not rel.startswith(NAMING_ALLOWED)}
    assert offenders == {}
