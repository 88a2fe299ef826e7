"""The offset-keeping engine of cleaning: an ``Edit`` proposes a replacement, ``apply_edits`` carries it out.

Inside an edit, characters the replacement keeps (found by a character diff of old and new run) keep their
exact raw offsets; characters a repair changed map proportionally into the run they came from.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["Edit", "Step", "apply_edits"]

@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``; ``why`` marks a deletion of non-article text."""

    start: int
    end: int
    replacement: str = ""
    why: str | None = None


@dataclass(frozen=True, slots=True)
class Step:
    """One named cleaning step: ``find`` looks at the current text and returns the edits to make."""

    name: str
    find: Callable[[str], Sequence[Edit]]
    reading: bool = False          # its edits swap published words for a plain reading (kept in readings)


# --- the offset-keeping engine ------------------------------------------------------------------------

def apply_edits(text: str, offsets: Sequence[int], edits: Sequence[Edit]
                ) -> tuple[str, list[int], list[tuple[int, int, str]]]:
    """Apply non-overlapping ``edits`` to ``text`` and carry ``offsets`` (``len(text) + 1`` entries) along.

    Returns:
        ``(new_text, new_offsets, removed)``: ``new_offsets`` has ``len(new_text) + 1`` entries and its last
        entry is ``offsets[-1]``; ``removed`` holds ``(raw_start, raw_end, why)`` for edits with a ``why``.

    Raises:
        ValueError: edits overlap or fall outside the text (a bug in the step that made them).
    """
    if len(offsets) != len(text) + 1:
        raise ValueError(f"offsets has {len(offsets)} entries for a text of {len(text)} characters")
    out: list[str] = []
    out_offsets: list[int] = []
    removed: list[tuple[int, int, str]] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if not pos <= edit.start <= edit.end <= len(text):
            raise ValueError(f"edit {edit.start}:{edit.end} overlaps another or falls outside the text")
        out.append(text[pos:edit.start])
        out_offsets.extend(offsets[pos:edit.start])
        old = text[edit.start:edit.end]
        out.append(edit.replacement)
        out_offsets.extend(_align(old, edit.replacement, offsets, edit.start))
        if edit.why and edit.end > edit.start:
            # A character a repair inserted maps to the next raw character: never let the span reach it.
            removed.append((offsets[edit.start], min(offsets[edit.end - 1] + 1, offsets[edit.end]), edit.why))
        pos = edit.end
    out.append(text[pos:])
    out_offsets.extend(offsets[pos:])
    return "".join(out), out_offsets, removed


def _align(old: str, new: str, offsets: Sequence[int], base: int) -> list[int]:
    """Offsets for the characters of ``new`` that replace ``old`` (which starts at ``base``)."""
    if not new:
        return []
    if old == new:
        return list(offsets[base:base + len(old)])
    result: list[int] = []
    for tag, i1, i2, j1, j2 in _opcodes(old, new):
        if tag == "equal":
            result.extend(offsets[base + i1:base + i2])
        elif tag in ("replace", "insert"):
            width = j2 - j1
            for k in range(width):
                if i2 > i1:
                    # Changed run: spread the new characters evenly over the old ones they came from; a repaired
                    # non-ASCII character ('…' from 'â€¦') points at the nearest non-ASCII one it came from
                    i = _source(old, i1, i2, i1 + k * (i2 - i1) // width, new[j1 + k])
                    result.append(offsets[base + i])
                else:
                    # Pure insertion: point at the next character, or the last one at the very end.
                    result.append(offsets[max(min(base + i1, len(offsets) - 2), 0)])
    return result


def _source(old: str, i1: int, i2: int, i: int, char: str) -> int:
    """The index in ``old[i1:i2]`` a changed character maps to: ``i``, or for a non-ASCII character the nearest
    non-ASCII one after (then before) it, when ``old[i]`` is plain ASCII."""
    if ord(char) <= 127 or ord(old[i]) > 127:
        return i
    after = next((j for j in range(i, i2) if ord(old[j]) > 127), None)
    if after is not None:
        return after
    return next((j for j in range(i - 1, i1 - 1, -1) if ord(old[j]) > 127), i)


def _opcodes(old: str, new: str) -> Sequence[tuple[str, int, int, int, int]]:
    """How ``new`` lines up with ``old``: the alignment that keeps the most characters in place.

    A non-ASCII character in a repaired run is often one the repair made ('â€œ' -> '“'): as an anchor it can pair
    with a look-alike elsewhere in the run and shift the characters after it onto the wrong ones, so on a tie the
    alignment anchored on ASCII characters only wins; a kept non-ASCII character ('…') still anchors when it is
    all there is.
    """
    def kept(opcodes):
        return sum(i2 - i1 for tag, i1, i2, _, _ in opcodes if tag == "equal")

    ascii_anchored = difflib.SequenceMatcher(lambda c: ord(c) > 127, old, new, autojunk=False).get_opcodes()
    plain = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return plain if kept(plain) > kept(ascii_anchored) else ascii_anchored
