"""Clean an article's raw text while keeping a map from every cleaned character back to the raw text.

Cleaning is a chain of steps. Each step is a pure function ``text -> [Edit, ...]`` that proposes
non-overlapping replacements in the current text; ``apply_edits`` carries them out and composes the
offset map, so no step has to think about offsets. Inside an edit, characters the replacement keeps
(found by a character diff of old and new run) keep their exact raw offsets; characters a repair
changed map proportionally into the run they came from. An ``Edit`` with a ``why`` is a deletion of
non-article text and is recorded in ``Document.removed`` as a raw span.

Steps, in order (``DEFAULT_STEPS``); the engine is in ``clean.engine``, the repairs in ``clean.repairs``,
boilerplate in ``clean.boilerplate`` and spin in ``clean.spin``:

``fix_newlines``      CRLF, CR and Unicode line/paragraph separators -> ``\\n``
``fix_encoding``      mojibake and broken encodings, via ftfy (typographic quotes are kept)
``drop_lost_characters`` '??' or U+FFFD glued to the front of a word (characters a re-encoding lost) dropped
``fix_whitespace``    NBSP, tabs and other odd spaces -> space; zero-width characters and soft hyphens dropped
``strip_lines``       leading and trailing spaces of every line
``drop_wire_slugs``   a news agency's desk slug before a headline ('UPDATE 2-', 'RPT-') deleted
``unwrap_lines``      hard line breaks inside sentences (PDF and e-mail copies) -> space; words hyphenated
                      across a break joined, or kept hyphenated when they are real compounds
``collapse_spaces``   runs of spaces -> one space
``unglue_lines``      a line break a copy lost between a credit or byline and the next line put back
``drop_boilerplate``  navigation, teasers, captions, credits, bylines, embedded posts, headings deleted
``drop_blank_lines``  blank lines at start and end dropped; runs of blank lines -> one paragraph break
``normalise_spin``    in a synonym-spun text only: spinner swaps read back ('troopers' -> 'troops'); the
                      published words are kept in ``Document.readings``
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from frontline.clean.boilerplate import drop_boilerplate, drop_wire_slugs, unglue_lines
from frontline.clean.engine import Edit, Step, apply_edits
from frontline.clean.repairs import (
    collapse_spaces,
    drop_blank_lines,
    drop_lost_characters,
    fix_encoding,
    fix_newlines,
    fix_whitespace,
    strip_lines,
    unwrap_lines,
)
from frontline.clean.spin import normalise_spin
from frontline.errors import StageError
from frontline.models import Document, RawArticle, stable_id

__all__ = ["Edit", "Step", "DEFAULT_STEPS", "clean", "clean_text", "apply_edits", "article_id_for",
           "fix_newlines", "fix_encoding", "drop_lost_characters", "fix_whitespace", "strip_lines", "unwrap_lines", "collapse_spaces",
           "unglue_lines", "drop_boilerplate", "drop_wire_slugs", "drop_blank_lines", "normalise_spin"]

log = logging.getLogger(__name__)


def clean_text(raw: str, steps: Sequence[Step] | None = None
               ) -> tuple[str, tuple[int, ...], tuple[tuple[int, int, str], ...], tuple[str, ...],
                          tuple[tuple[int, int, str], ...]]:
    """Run ``steps`` over ``raw``.

    Returns:
        ``(text, offsets, removed, repairs, readings)`` as in ``Document``; ``repairs`` names the steps that
        changed something.
    """
    text = raw
    offsets = list(range(len(raw) + 1))
    removed: list[tuple[int, int, str]] = []
    repairs: list[str] = []
    readings: list[tuple[int, int, str]] = []
    for step in DEFAULT_STEPS if steps is None else steps:
        edits = sorted(step.find(text), key=lambda e: (e.start, e.end))
        if not edits:
            continue
        new_text, offsets, gone = apply_edits(text, offsets, edits)
        removed.extend(gone)
        readings = _shifted(readings, edits)
        if step.reading:
            readings = sorted(readings + _new_readings(text, edits))
        if new_text != text:
            repairs.append(step.name)
        text = new_text
    return text, tuple(offsets), tuple(sorted(removed)), tuple(repairs), tuple(readings)


def _shifted(readings: list[tuple[int, int, str]], edits: list[Edit]) -> list[tuple[int, int, str]]:
    """``readings`` moved by sorted ``edits``; a reading an edit cuts into is dropped (its words changed)."""
    out = []
    for start, end, published in readings:
        if any(e.start < end and start < e.end for e in edits):
            continue
        shift = sum(len(e.replacement) - (e.end - e.start) for e in edits if e.end <= start)
        out.append((start + shift, end + shift, published))
    return out


def _new_readings(text: str, edits: list[Edit]) -> list[tuple[int, int, str]]:
    """Where sorted ``edits`` put their replacements in the new text, with the words they replaced."""
    out = []
    shift = 0
    for e in edits:
        out.append((e.start + shift, e.start + shift + len(e.replacement), text[e.start:e.end]))
        shift += len(e.replacement) - (e.end - e.start)
    return out


def article_id_for(text: str) -> str:
    """The article id of a cleaned text: a hash of it lowercased with whitespace collapsed."""
    return stable_id(" ".join(text.lower().split()))


def clean(raw: RawArticle, steps: Sequence[Step] | None = None) -> Document:
    """Clean one article's text into a ``Document`` whose offsets map back to ``raw.text``.

    Args:
        raw: the article as read by ``frontline.sources.ingest``.
        steps: the cleaning steps to run; ``DEFAULT_STEPS`` when not given.

    Raises:
        StageError: a cleaning step failed (a bug: please report it with the input).
    """
    try:
        text, offsets, removed, repairs, readings = clean_text(raw.text, steps)
    except Exception as exc:  # any failure here is a bug in a step; name stage and input
        raise StageError("clean", raw.path or raw.input_id or "<unnamed>", exc) from exc
    return Document(article_id=article_id_for(text), raw=raw.text, text=text, offsets=offsets, removed=removed,
                    repairs=repairs, readings=readings)


DEFAULT_STEPS: tuple[Step, ...] = (
    Step("fix_newlines", fix_newlines),
    Step("fix_encoding", fix_encoding),
    Step("drop_lost_characters", drop_lost_characters),
    Step("fix_whitespace", fix_whitespace),
    Step("strip_lines", strip_lines),
    Step("drop_wire_slugs", drop_wire_slugs),
    Step("unwrap_lines", unwrap_lines),
    Step("collapse_spaces", collapse_spaces),
    Step("unglue_lines", unglue_lines),
    Step("drop_boilerplate", drop_boilerplate),
    Step("drop_blank_lines", drop_blank_lines),
    Step("normalise_spin", normalise_spin, reading=True),
)
