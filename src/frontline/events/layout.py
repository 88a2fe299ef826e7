"""Layout: where a sentence stands in its article (paragraph, block of lines, heading), a headline's source, and
an editor's note in square brackets.

Paragraphs are counted two ways: by newlines (``paragraph_index``, kept on every candidate) and by non-blank
lines (``block_index``), which counts paragraphs alike with or without blank lines between them.
"""

from __future__ import annotations

import bisect
import functools
import re

from spacy.tokens import Doc, Span

from frontline.nlp.model import TITLE_ABBREVIATIONS
from frontline.nlp.syntax import LOCATIVE_PREPOSITIONS, PLACE_LABELS
from frontline.triggers.lexicon import TRIGGERS


def paragraph_index(text: str, char: int) -> int:
    """The number of newlines before ``char``."""
    return text.count("\n", 0, char)


def block_index(text: str, char: int) -> int:
    """The number of non-blank lines before ``char``: paragraphs counted alike with or without blank lines."""
    return bisect.bisect_left(_nonblank_line_ends(text), char)


@functools.lru_cache(maxsize=8)
def _nonblank_line_ends(text: str) -> tuple[int, ...]:
    """Offsets of the newlines that end non-blank lines (one pass per text; Python caches a string's hash)."""
    ends, start = [], 0
    for end in (m.start() for m in re.finditer("\n", text)):
        if text[start:end].strip():
            ends.append(end)
        start = end + 1
    return tuple(ends)


_TEXT_KEY = "frontline.text"


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: spaCy joins the tokens anew on every ``doc.text``."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def is_heading(sent: Span) -> bool:
    """A line of its own without sentence punctuation ('Moscow comes to the rescue'): a section title."""
    text = sent.text.strip()
    return bool(text) and "\n" not in text and text[-1] not in ".!?\"'”’:;" and len(text.split()) <= 12


# A headline's closing source: '... killed near Avdiivka - Kiev', '...: officials', '... – governor', '... - Gen.
# Staff'. A sentence ends in punctuation; a headline does not, but a title or rank may be abbreviated in its source.
_SOURCE_TAIL = re.compile(r"(?:\s[-–—]\s+|:\s+)(?P<source>(?:\b(?:" + "|".join(TITLE_ABBREVIATIONS) +
                          r")\.|[^-–—:.!?]){1,60})$")
_SOURCE_WORDS = 4
# A longer tail is a source when it opens with an office or an official ('- Ministry of Emergency Situations of the
# DPR', '- adviser to the acting head of the DPR', '- Headquarters of the DPR Territorial Defense').
_OFFICE_SOURCE_WORDS = 10
_OFFICE_HEAD = re.compile(r"(?:the\s+)?(?:ministry|headquarters|hq|office|department|directorate|administration|"
                          r"council|command|committee|service|press|people's militia|militia|general staff|"
                          r"head|adviser|advisor|spokes(?:man|woman|person)|representative|mayor|governor|"
                          r"ombudsman|commissioner|chief|commander|deputy)\b", re.I)


def headline_source(sent: Span) -> tuple[int, int, bool] | None:
    """Where the source a sentence closes with lies ('... killed - Kiev', '...: officials'), as the characters
    ``(start, end)`` and whether a dash (not a colon) set it off; None when there is none.

    A source is a few words, with no verb, no event word and no locative phrase ('- near Kharkiv' is a place); an
    office's or an official's name may run longer ('- adviser to the acting head of the DPR').
    """
    m = _SOURCE_TAIL.search(sent.text.rstrip())
    if m is None:
        return None
    lo, hi = sent.start_char + m.start("source"), sent.start_char + m.end("source")
    words = [t for t in sent if lo <= t.idx < hi]
    office = _OFFICE_HEAD.match(m.group("source").strip()) is not None
    # an office's name may hold a participle ('the acting head'), never a finite verb
    verbs = ("VBD", "VBZ", "VBP", "MD") if office else ()
    if len(words) > (_OFFICE_SOURCE_WORDS if office else _SOURCE_WORDS) or any(
            t.lemma_.lower() in TRIGGERS or (t.tag_ in verbs if office else t.pos_ in ("VERB", "AUX"))
            or t.lower_ in LOCATIVE_PREPOSITIONS for t in words):
        return None
    return lo, hi, not m.group(0).lstrip().startswith(":")


def source_start(sent: Span) -> int:
    """Where the source a sentence closes with begins ('... killed - Kiev'), else the sentence's end."""
    tail = headline_source(sent)
    return tail[0] if tail is not None and is_closing_source(sent, tail) else sent.end_char


def is_closing_source(sent: Span, tail: tuple[int, int, bool]) -> bool:
    """Whether the tail ``headline_source`` found is the headline's source rather than where it happened.

    After a dash it is. After a colon a name is as often where it happened ('Fighting near Marinka: Donetsk
    region', 'Explosions: Kherson'), so there it is the source only when the words before it already name a place
    ('Two soldiers die in fighting near Slavyansk: Kiev')."""
    return tail[2] or any(e.label_ in PLACE_LABELS and e.end_char <= tail[0] for e in sent.ents)


# A passage in square brackets is the editor's, not the report's ('[Coded as 10 fatalities split across 6 events.]',
# '[size=no report]'). Inline brackets ('[Russian forces] shelled [the village]') are words the editor put in a
# sentence; a sentence that lies wholly inside brackets is the editor's note about the report.
_BRACKETED = re.compile(r"\[[^\[\]]*\]")
_CLOSING = ".,;:!? \n\t\"'”’)"


@functools.lru_cache(maxsize=8)
def _bracketed(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in _BRACKETED.finditer(text))


def is_editorial(text: str, sent: Span) -> bool:
    """Whether the sentence lies wholly inside a passage in square brackets of ``text`` (the Doc's text): an
    editor's note, not a report (closing punctuation after the bracket is the sentence's own)."""
    start, end = sent.start_char, sent.start_char + len(sent.text.rstrip(_CLOSING))
    while end > start and text[end - 1] == "]":
        end -= 1
    return any(lo <= start and end < hi for lo, hi in _bracketed(text))

