"""Repairs of the characters and layout of a text: encodings, whitespace, newlines and hard line wraps."""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontline.clean.engine import Edit

__all__ = ["fix_newlines", "fix_encoding", "fix_whitespace", "strip_lines", "unwrap_lines", "collapse_spaces",
           "drop_blank_lines", "SENTENCE_END"]

_NEWLINE = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")


def fix_newlines(text: str) -> list[Edit]:
    """CRLF, lone CR, vertical tab, form feed (PDF page break) and Unicode line separators -> ``\\n``."""
    return [Edit(m.start(), m.end(), "\n") for m in _NEWLINE.finditer(text) if m.group() != "\n"]


_PLAIN_LINE = re.compile(r"[ -%'-~]*")   # printable ASCII without '&': ftfy has nothing to do there


def fix_encoding(text: str) -> list[Edit]:
    """Mojibake ('â€™' for '’', 'CafÃ©'), C1 controls, ligatures and HTML entities fixed by ftfy, line by line.

    Working per line keeps each change local, so the offset map is exact outside the changed runs.
    """
    import ftfy  # imported here: importing ftfy builds tables, which should not happen at import time

    config = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, explain=False)
    edits: list[Edit] = []
    for start, piece in _pieces(text):
        if not _PLAIN_LINE.fullmatch(piece):
            fixed = ftfy.fix_text(piece, config)
            if fixed == piece:
                continue
            if len(_TOKEN.findall(fixed)) == len(_TOKEN.findall(piece)):
                edits.extend(_token_edits(start, piece, fixed))
                continue
            # a dropped control character joined two runs of spaces: repair word by word, so that no repaired
            # character is mapped onto a word it did not come from
            pos = start
            for token in _TOKEN.findall(piece):
                repaired = ftfy.fix_text(token, config)
                if repaired != token:
                    edits.append(Edit(pos, pos + len(token), repaired))
                pos += len(token)
    return edits


_TOKEN = re.compile(r"\S+|\s+")


def _token_edits(start: int, old: str, new: str) -> list[Edit]:
    """Edits turning ``old`` (at ``start``) into ``new``, one per changed word when the words pair up.

    Repairs almost always change characters inside words, so pairing words keeps every edit small (and
    the character diff in ``apply_edits`` cheap); when the words do not pair up, one edit covers all.
    """
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    if len(old_tokens) != len(new_tokens):
        return [Edit(start, start + len(old), new)]
    edits: list[Edit] = []
    pos = start
    for before, after in zip(old_tokens, new_tokens):
        if before != after:
            edits.append(Edit(pos, pos + len(before), after))
        pos += len(before)
    return edits


_PIECE_CHARS = 2000


def _pieces(text: str) -> list[tuple[int, str]]:
    """Split ``text`` into lines, and very long lines at spaces into ~2,000-character pieces.

    Keeps the character diff in ``apply_edits`` cheap on single-line inputs of any length; mojibake
    sequences never span a plain space, so cutting there loses nothing.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    for line in text.split("\n"):
        pos = 0
        while len(line) - pos > _PIECE_CHARS:
            cut = line.rfind(" ", pos + 1, pos + _PIECE_CHARS)
            cut = cut if cut > pos else pos + _PIECE_CHARS
            pieces.append((start + pos, line[pos:cut]))
            pos = cut
        pieces.append((start + pos, line[pos:]))
        start += len(line) + 1
    return pieces


_ODD_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"\u00ad\n|[\u200b\u2060\ufeff\u00ad]")


def fix_whitespace(text: str) -> list[Edit]:
    """Tabs, NBSP and other odd spaces -> space; zero-width characters and soft hyphens dropped.

    A soft hyphen at a line end marks a word the typesetter broke across lines: the halves are joined.
    """
    edits = [Edit(m.start(), m.end(), " ") for m in _ODD_SPACE.finditer(text)]
    edits += [Edit(m.start(), m.end(), "") for m in _INVISIBLE.finditer(text)]
    return sorted(edits, key=lambda e: e.start)


# Characters a failed re-encoding could not represent come out as '?' or U+FFFD; glued to the front of a word
# ('the area of ??Ugledar') they break the name for every later stage. A '?' after a word is punctuation.
_LOST_CHARACTERS = re.compile(r"(?<![\w?\ufffd])(?:\?{2,}|\ufffd+)(?=\w)")


def drop_lost_characters(text: str) -> list[Edit]:
    """Drop runs of '?' or U+FFFD glued to the front of a word: marks of characters lost in a re-encoding."""
    return [Edit(m.start(), m.end(), "") for m in _LOST_CHARACTERS.finditer(text)]


_LINE_EDGE_SPACES = re.compile(r"^ +| +$", re.MULTILINE)


def strip_lines(text: str) -> list[Edit]:
    """Drop spaces at the start and end of every line (indentation carries no meaning in news text)."""
    return [Edit(m.start(), m.end(), "") for m in _LINE_EDGE_SPACES.finditer(text)]


_MULTI_SPACE = re.compile(r"  +")


def collapse_spaces(text: str) -> list[Edit]:
    """Runs of spaces -> one space (the first space of a run is kept, so its offset stays exact)."""
    return [Edit(m.start() + 1, m.end(), "") for m in _MULTI_SPACE.finditer(text)]


_BLANK_RUN = re.compile(r"\n{3,}")


def drop_blank_lines(text: str) -> list[Edit]:
    """Drop blank lines at the start and end and turn runs of blank lines into one paragraph break."""
    lead = len(text) - len(text.lstrip())
    if lead == len(text):
        return [Edit(0, lead, "")] if lead else []
    trail = len(text.rstrip())
    edits = [Edit(0, lead, "")] if lead else []
    edits += [Edit(m.start() + 2, m.end(), "") for m in _BLANK_RUN.finditer(text, lead, trail)]
    if trail < len(text):
        edits.append(Edit(trail, len(text), ""))
    return edits


# --- unwrapping hard line breaks ----------------------------------------------------------------------

# Second halves that make a real hyphenated compound in news text ('militia-held', 'Kremlin-backed',
# 'long-range', 'four-month'): a break after their hyphen keeps the hyphen. Hand-written because no
# installed package has an English lexicon; the document's own spelling elsewhere is checked first.
_COMPOUND_SECONDS = frozenset("""
    held controlled backed led based run owned occupied aligned affiliated allied leaning funded sponsored
    appointed installed imposed declared proclaimed annexed style scale range term year years month months
    week weeks day days hour hours old long wide level free like related made born speaking language wing
    fire friendly minded ridden stricken torn hit affected oriented ready type class grade time called up
    out off in on over down back front line border government state military party sized strong man men
    woman women million billion thousand hundred kilometre kilometer mile metre meter ton tonne storey story
    point page percent
""".split())
# First halves that are prefixes written with a hyphen ('anti-government', 'pro-Russian', 'ex-minister').
_COMPOUND_FIRSTS = frozenset("""
    anti pro non self ex co post pre vice counter cross semi quasi mid well so de re multi inter intra
    ultra neo all half full high low long short far near two three four five six seven eight nine ten
    first second third one
""".split())

SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_LIST_ITEM = re.compile(r"^(?:[-•*–—▪►●·]\s|\d{1,3}[.)]\s|\(?[a-z]\)\s)")
_HYPHEN_BREAK = re.compile(r"([^\W_][\w'’]*)-$")
_LEADING_WORD = re.compile(r"[^\W_][\w'’]*")


@dataclass(frozen=True, slots=True)
class _Layout:
    """How a text is laid out: whether it is hard-wrapped and at what width."""

    wrapped: bool
    width: int


def _layout(lines: list[str]) -> _Layout:
    """Guess whether ``lines`` are hard-wrapped: most lines stop mid-sentence and none is very long."""
    measured = [len(" ".join(line.split())) for line in lines if line.strip()]
    if len(measured) < 4:
        return _Layout(False, 0)
    width = sorted(measured)[int(0.9 * (len(measured) - 1))]
    inner = [line for line, nxt in zip(lines, lines[1:]) if line.strip() and nxt.strip()]
    if not inner:
        return _Layout(False, width)
    mid_sentence = sum(1 for line in inner if not SENTENCE_END.search(line.rstrip())) / len(inner)
    # A wrap falls between two ordinary words, and most English words are lower-case: in wrapped prose many
    # lines start lower-case. A list of headlines or titles stops mid-sentence too, but every line starts
    # with a capital.
    followers = [nxt.lstrip() for line, nxt in zip(lines, lines[1:]) if line.strip() and nxt.strip()]
    lower_starts = sum(1 for f in followers if f[0].islower()) / len(followers)
    # Paragraph-per-line text has long lines ending in full stops; wrapped text has short lines that
    # mostly stop mid-sentence.
    return _Layout(wrapped=width <= 160 and mid_sentence >= 0.4 and lower_starts >= 0.2, width=width)


def _joins(prev: str, nxt: str, layout: _Layout) -> bool:
    """Whether the line break between ``prev`` and ``nxt`` is a wrap inside a paragraph."""
    if _LIST_ITEM.match(nxt):
        return False
    if nxt[0].islower() or nxt[0] in ",;:)]":
        return True
    length = len(" ".join(prev.split()))
    if not layout.wrapped:
        return False
    # A wrapping tool breaks a line only when the next word does not fit: if it would have fitted, the break
    # was the writer's (a list of headlines, a heading, a short last line), not the wrap's.
    first_word = nxt.split(maxsplit=1)[0]
    if length + 1 + len(first_word) < 0.9 * layout.width:
        return False
    if SENTENCE_END.search(prev):
        # A sentence that happens to end at a full-width line is still mid-paragraph.
        return length >= 0.85 * layout.width
    return length >= 0.6 * layout.width


def _keep_hyphen(first: str, second: str, text: str) -> bool:
    """Whether 'first-' + newline + 'second' is a hyphenated compound (True) or a word split by wrapping."""
    if not second or second[0].isupper() or first.isdigit() or second.isdigit() or "-" in first:
        return True
    if re.search(rf"\b{re.escape(first)}-{re.escape(second)}\b", text, re.IGNORECASE):
        return True
    if re.search(rf"\b{re.escape(first)}{re.escape(second)}\b", text, re.IGNORECASE):
        return False
    return first.lower() in _COMPOUND_FIRSTS or second.lower() in _COMPOUND_SECONDS


def unwrap_lines(text: str) -> list[Edit]:
    """Join lines that a hard wrap split inside a sentence; paragraph breaks and short headings stay.

    A break is a wrap when the next line continues the sentence (starts lowercase or with ',', ';', ')'),
    or, in text that looks hard-wrapped, when the line before is near the wrap width. A word hyphenated
    across the break is joined ('escal-' + 'ating' -> 'escalating') unless it is a real compound
    ('militia-' + 'held' -> 'militia-held').
    """
    lines = text.split("\n")
    layout = _layout(lines)
    edits: list[Edit] = []
    start = 0
    for prev, nxt in zip(lines, lines[1:]):
        newline = start + len(prev)
        start = newline + 1
        prev_s, next_s = prev.rstrip(), nxt.lstrip()
        if not prev_s or not next_s:
            continue
        hyphen = _HYPHEN_BREAK.search(prev_s)
        word = _LEADING_WORD.match(next_s)
        if hyphen and word and not _LIST_ITEM.match(next_s):
            # Newline (and any spaces around it) go; the hyphen goes too unless the word is a compound.
            cut_from = start - 1 - (len(prev) - len(prev_s))
            cut_to = start + (len(nxt) - len(next_s))
            if not _keep_hyphen(hyphen.group(1), word.group(), text):
                cut_from -= 1
            edits.append(Edit(cut_from, cut_to, ""))
        elif _joins(prev_s, next_s, layout):
            edits.append(Edit(newline, newline + 1, " "))
    return edits


