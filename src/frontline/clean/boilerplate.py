"""Find what is not article text: navigation, teasers, captions, credits, bylines, embedded posts, headings.

Each line (after unwrapping, a line is a paragraph) is judged by layout and language cues, never by a
list of one site's strings: whether it ends like a sentence, how long it is, whether it is a run of
capitalised words, whether it opens with a credit mark ('©', 'Photo:', 'Agency/Name') or ends with a
caption bar '|', whether links and handles dominate it, whether it follows a teaser header ('Related',
'Read more', 'Check also'), whether it names a reporter's role. Short one-sentence paragraphs are common
in news, so a line that ends like a sentence is only dropped on a strong cue (credit mark, caption bar,
teaser block, links).

``unglue_lines`` is the repair that comes first: it splits words a copy glued across a lost line break
('BBC/Matthew GoddardThere may be', 'Jonathan BealeDefence correspondent'), so the credit or byline
stands on its own line where ``drop_boilerplate`` can judge it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from frontline.clean.engine import Edit
from frontline.clean.repairs import SENTENCE_END

__all__ = ["unglue_lines", "drop_boilerplate", "drop_wire_slugs", "classify_lines"]

# A lower-case run glued to a capitalised word or an acronym: 'GoddardThere', 'KozlovHe', 'SavilovOSCE',
# 'nightAfter'. Three lower-case letters before the glue spare 'McDonald', 'MacArthur', 'DeSantis', 'YouTube',
# 'iPhone'; ``_lost_break`` decides the rest.
_GLUED = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z]+|[A-Z]{3,}\b)")
# Brand names written in camel case whose halves are both long; a glued copy of them is not a lost break.
_CAMEL_WORDS = frozenset({"WhatsApp", "JavaScript", "PowerPoint", "BlackRock", "WikiLeaks", "SpaceX",
                          "BlackBerry", "PlayStation", "SoundCloud", "StarLink", "NordStream"})


# Closed-class words that open English sentences: 'nightAfter fierce fighting' is a lost break before one.
_OPENERS = frozenset("""
    a an the this that these those there here it its he she they we i you his her their our my
    after before as when while since during in on at for from with by to of but and or so yet if although
    according however meanwhile earlier later today yesterday last one two three some many most all
""".split())


def unglue_lines(text: str) -> list[Edit]:
    """Put back the line break a copy lost between a credit or byline and the next line ('GoddardThere').

    A glue is a lost break when what comes before it on the line is a credit ('Reuters/Name') or a short
    run of capitalised words (a byline name), or when the glued word is one that opens sentences
    ('nightAfter'). Brand names ('AstraZeneca', 'DeepMind') fit none of these and stay, as does a word glued
    twice in the same text (a spelling, not an accident).
    """
    edits: list[Edit] = []
    tokens = list(re.finditer(r"[A-Za-z]+\.?", text))
    counts = Counter(m.group().rstrip(".") for m in tokens)
    for m in tokens:
        word = m.group().rstrip(".")
        if word in _CAMEL_WORDS or counts[word] > 1:
            continue
        for cut in _GLUED.finditer(m.group()):
            at = m.start() + cut.start()
            if _lost_break(text, at):
                edits.append(Edit(at, at, "\n"))
    return edits


def _lost_break(text: str, at: int) -> bool:
    prefix = text[text.rfind("\n", 0, at) + 1:at].split()
    glued = re.match(r"[A-Z][a-z]*", text[at:])
    credit = any("/" in w or "©" in w for w in prefix) and len(prefix) <= 6
    name = 0 < len(prefix) <= 4 and all(w[:1].isupper() for w in prefix)
    # 'LinkedIn': a two-letter opener glued to a word is too often a spelling to split on that alone.
    return credit or name or bool(glued and len(glued.group()) > 2 and glued.group().lower() in _OPENERS)


# --- judging lines ------------------------------------------------------------------------------------

_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+|\b\w+\.(?:com|co|org|net|ly)/\S*")
_HANDLE = re.compile(r"(?<![\w.])@\w{2,}")
# 'Photo:', 'Image caption:', 'Image source, Getty Images'. A bare 'Source:' stays: news sites use it to name
# who reported the news ('Source: the governor on Telegram').
_LABEL = re.compile(r"^(?:(?:image|photo|picture|video) (?:source|caption|credit)s?\b\s*[:,|–—-]|"
                    r"(?:(?:top|main|file) )?(?:photos?|images?|pictures?|pictured|credits?|illustrations?|videos?|"
                    r"photograph|caption|foto)\b\s*[:|–—-])", re.IGNORECASE)
# 'Agency/Name', 'RIA Novosti/Yulia Nasulina', 'AFP/Archives', 'Getty Images/AFP'
_SLASH_CREDIT = re.compile(r"^©?\s*[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3} ?/ ?[A-Z][\w.'-]*")
_ROLE = re.compile(r"\b(?:correspondent|reporter|editor|journalist|writer|columnist|contributor|staff|"
                   r"producer|photographer|bureau|desk)s?\b", re.IGNORECASE)
_BY_LINE = re.compile(r"^by\s+[A-Z]", re.IGNORECASE)
# What befalls a reporter is news, never a byline: 'Journalist killed near X', 'Two photographers injured in Y'
_HARM = re.compile(r"\b(?:killed|wounded|injured|hurt|dead|died|dies|die|detained|arrested|abducted|kidnapped|"
                   r"captured|shot|missing|attacked|targeted|shelled|executed|tortured|released|freed|expelled)\b",
                   re.IGNORECASE)
_REPORTING_BY = re.compile(r"^[(\[]?(?:[A-Z][a-z]+ )?(?:reporting|writing|editing|research|reported|written|edited|"
                           r"compiled|translated)\b[\w ,;]*?\bby\b", re.IGNORECASE)
_AUTHOR_BOX = re.compile(r"^(?:about|more from|more by|articles by|posts by)\s+(?:the author|[A-Z][\w'.-]*"
                         r"(?:\s+[A-Z][\w'.-]*){0,3})$", re.IGNORECASE)
# A line that is only an agency mark ('© AFP', 'AFP', 'REUTERS', 'EPA-EFE') or a scraper's tag ('ttn-42')
_AGENCY_TAG = re.compile(r"^©?\s*[A-Z]{2,8}(?:[-/ ][A-Z]{2,8})*$")
_SCRAPER_TAG = re.compile(r"^[a-z]{2,6}[-_]?\d{1,5}$")
# Words teaser and navigation headers are made of; a header needs one of the cues and nothing else.
_TEASER_CUES = frozenset("related also more recommended popular trending latest read watch".split())
_TEASER_WORDS = _TEASER_CUES | frozenset(
    "see check stories story articles article news you may might like this on topic from the our top most "
    "other reading further in and to editor's picks pick".split())
# Share buttons and account links: a line made of these words is a share or account bar.
_BUTTON_WORDS = frozenset("share this article story on via facebook twitter whatsapp telegram email e-mail "
                          "linkedin reddit print copy link menu search sign in log subscribe newsletter "
                          "comments comment skip to main content home back top up".split())
# Advertising marks and calls to action: 'Advertisement', 'Support X on Patreon!', 'Subscribe to our newsletter'
_AD_MARK = re.compile(r"^(?:advertisement|advert|sponsored(?: content)?|ad|promoted|partner content)\s*:?$",
                      re.IGNORECASE)
_CALL_TO_ACTION = re.compile(r"^(?:support|subscribe|donate|follow|join|sign up|download|become|listen|watch|"
                             r"install|get)\b", re.IGNORECASE)
# A byline with the time of publication: 'Olha Kyrylenko — 14 May 2024, 08:12', 'By Name, Updated 10:05 GMT'
# (a time of day, not a coordinate: 'Huliaipole, 47.66, 36.26' is a caption's place)
_DATED_BYLINE = re.compile(r"^(?:by )?[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}\s*[—–|,-]\s*.*"
                           r"\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b(?![.,]?\d)", re.IGNORECASE)
# A credit in brackets at the end of a short line: '... in Rivne (AFP)', '(Photo: Reuters)'; a headline's own tag
# in brackets ('(Part 2)', '(video)', '(updated)', '(live)') is no credit.
_HEADLINE_TAGS = r"part|video|videos|update|updated|live|photos|map|maps|opinion|analysis|interview|explainer|" \
                 r"exclusive|watch|poll|graphics|timeline|full text|transcript"
_BRACKET_CREDIT = re.compile(rf"\((?:photos?|images?|pictures?|credit)?:? ?(?!(?:{_HEADLINE_TAGS})\b)[A-Z][\w.&' /-]{{1,30}}\)\s*$",
                             re.IGNORECASE)
# A wire photo caption: a participle near the start ('Rescuers searching ...', 'Servicemen riding ...'), one
# sentence, ending with the date the picture was taken ('..., Ukraine, February 13, 2023.').
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_CAPTION_DATE = re.compile(rf",\s*(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH},? \d{{4}})\.?\s*(?:\([^)]*\))?$")
_PARTICIPLE = re.compile(r"^(?:\S+\s+){0,6}?[a-z]{2,}ing\b")
# A site or section name after a bar at the end of the headline: '... refuse to fight | Abroad', '| World News';
# a clause after a bar ('| Kyiv denies') is part of the headline.
_SECTION_TAG = re.compile(r"[ \t]+\|[ \t]+[A-Z][\w&.'’-]*(?: [A-Z&][\w&.'’-]*){0,2}[ \t]*$", re.MULTILINE)
# A teaser link glued after the text it follows: '... in past day   Read more on UNIAN: https://...'.
_GLUED_TEASER = re.compile(r"[ \t]+(?:read (?:more|also|further)|see also|also read|more on this|related)"
                           r"(?:[ \t]+(?:on|at|in|from)[ \t]+[\w.' -]{1,40})?[ \t]*[:>»-]?[ \t]*"
                           r"(?:https?://|www\.)\S+[ \t]*$", re.IGNORECASE | re.MULTILINE)
_TRUNCATED = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])$")
_QUOTES = "\"'“”‘’«»"


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str


def _sentence_like(line: str) -> bool:
    """Ends like a sentence: '.', '?', '!' or '…', maybe inside closing quotes ('“NOW”' does not)."""
    return bool(SENTENCE_END.search(line.strip()))


def _headline_like(line: str) -> bool:
    """A short line that does not end like a sentence and does not lead into one (no ':' or ',' at the end)."""
    stripped = line.strip()
    # 'Source: the governor on Telegram', 'Quote: ...': a one-word label opens a line of the report itself.
    return (not _sentence_like(stripped) and len(stripped.split()) <= 16 and not re.match(r"\w+:\s", stripped)
            and not stripped.endswith((":", ",", ";", "-", "–", "—")))


def _teaser_header(line: str) -> bool:
    words = re.findall(r"[\w']+", line.lower())
    return (0 < len(words) <= 5 and not _sentence_like(line) and bool(set(words) & _TEASER_CUES)
            and set(words) <= _TEASER_WORDS)


def _inline_teaser(line: str) -> bool:
    """'Read more: Kyiv says ...', 'RELATED: ...': a teaser cue before a colon."""
    head, colon, _ = line.partition(":")
    return bool(colon) and _teaser_header(head)


def _link_dominated(line: str) -> bool:
    """An embedded post or share bar: links or handles, and no sentence end after the last of them."""
    marks = list(_URL.finditer(line)) + list(_HANDLE.finditer(line))
    if not marks:
        return False
    if re.match(r"^[—–-]\s*\S.*\(@\w+\)", line):
        return True          # '— RT (@RT_com) August 4, 2014': the signature line of an embedded tweet
    if _credited_caption(line, marks):
        return False
    tail = line[max(m.end() for m in marks):]
    marked = sum(m.end() - m.start() for m in marks)
    return not re.search(r"[.!?]", tail.strip().rstrip(_QUOTES)) and (marked >= 0.15 * len(line)
                                                                      or not _sentence_like(line))


_CREDIT_WORDS = frozenset({"via", "h/t", "ht", "source", "credit", "by", "from", "geolocated", "geolocation",
                           "thanks", "to", "per", "video", "photo", "footage"})


def _credited_caption(line: str, marks: list[re.Match[str]]) -> bool:
    """'via @handle: Russian column hit near V', 'Russian column hit near V (via @handle)': a caption credited to an
    account in a few words before a colon or in closing brackets; the caption's words stay."""
    head, colon, body = line.partition(":")
    if colon and all(m.end() <= len(head) for m in marks):
        credit = re.sub(r"(?<![\w.])@\w+", "", head).lower().split()
        return set(credit) <= _CREDIT_WORDS and len(re.findall(r"[A-Za-z]{2,}", body)) >= 4
    bracket = re.search(r"\(([^()]*)\)\s*$", line)
    if bracket and all(m.start() >= bracket.start() for m in marks):
        credit = re.sub(r"(?<![\w.])@\w+", "", bracket.group(1)).lower().replace(":", " ").split()
        return set(credit) <= _CREDIT_WORDS and len(re.findall(r"[A-Za-z]{2,}", line[:bracket.start()])) >= 4
    return False


def _credit(line: str) -> str | None:
    """'photo caption' or 'image credit' when the line is one, else None."""
    stripped = line.strip()
    words = len(stripped.split())
    caption_bar = stripped.endswith("|")
    marked = stripped.startswith("©") or bool(_LABEL.match(stripped)) or caption_bar
    if _SLASH_CREDIT.match(stripped) and (words <= 6 or marked):
        marked = True
    one_sentence = not re.search(r"[.!?]\s", stripped)
    if _BRACKET_CREDIT.search(stripped) and words <= 30 and one_sentence:
        return "photo caption"
    if _CAPTION_DATE.search(stripped) and _PARTICIPLE.match(stripped) and words <= 40 and one_sentence:
        return "photo caption"
    if not marked:
        return None
    # A caption describes the picture ('showing', 'display', a date); a credit only names who took it.
    return "photo caption" if words > 6 or caption_bar else "image credit"


def _navigation(line: str) -> bool:
    """A menu ('Home | News | World | Sport') or a share bar ('Share this article: Facebook Twitter Email')."""
    parts = [p for p in re.split(r"\s*[|•·›»]\s*", line) if p.strip()]
    if len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts):
        return True
    words = re.findall(r"[\w-]+", line.lower())
    return bool(words) and sum(w in _BUTTON_WORDS for w in words) >= 0.8 * len(words)


def _byline(line: str) -> bool:
    stripped = line.strip()
    words = len(stripped.split())
    return not _sentence_like(stripped) and words <= 8 and not _HARM.search(stripped) and \
        (bool(_ROLE.search(stripped)) or bool(_BY_LINE.match(stripped)))


def _name_only(line: str) -> bool:
    words = line.split()
    return 1 < len(words) <= 4 and all(w[:1].isupper() for w in words) and not _sentence_like(line)


def _title_case(line: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _title_block(lines: list[_Line], prose: list[bool], title: int, i: int) -> bool:
    """Whether line ``i`` continues the title: no prose since it and in Title Case like it."""
    return not any(prose[title:i]) and _title_case(lines[i].text) and _title_case(lines[title].text)


def classify_lines(text: str) -> list[tuple[int, int, str]]:
    """The ``(start, end, why)`` of every line of ``text`` that is not article text."""
    lines, tails = _split_lines(text)
    if not lines:
        return []
    prose = [_sentence_like(ln.text) and len(ln.text.split()) >= 4 for ln in lines]
    # Headings are only told apart from text in a text that is mostly prose: a list of headlines, one a
    # line, is all headings and must stay.
    prose_chars = sum(len(ln.text) for ln, p in zip(lines, prose) if p)
    prose_text = sum(prose) >= 3 and prose_chars >= 0.3 * sum(len(ln.text) for ln in lines)
    why = _judge_lines(lines, prose, prose_text)
    if len(why) == len(lines):
        # Nothing would be left: a text made of captions ('... geolocated (photo 3)', 'Video: explosions in T') is
        # a caption set or a one-line report, and its captions are the article
        why = {i: w for i, w in why.items() if w not in ("photo caption", "image credit")}
    kept = [i for i in range(len(lines)) if i not in why] or [0]
    if prose_text:
        _mark_headings(lines, prose, kept, why)
    spans = [(lines[i].start, lines[i].end, w) for i, w in sorted(why.items())]
    spans += [tail for i, tail in tails.items() if i not in why]
    headline = lines[kept[0]]
    section = _SECTION_TAG.search(text, headline.start, headline.end)
    if kept[0] not in why and section and prose_text:
        spans.append((section.start(), headline.end, "section tag"))
    return sorted(spans)


def _split_lines(text: str) -> tuple[list[_Line], dict[int, tuple[int, int, str]]]:
    """The non-blank lines of ``text``, and the teaser links glued to their ends (by line index), judged apart."""
    lines: list[_Line] = []
    tails: dict[int, tuple[int, int, str]] = {}
    pos = 0
    for piece in text.split("\n"):
        if piece.strip():
            end = pos + len(piece)
            tail = _GLUED_TEASER.search(text, pos, end)
            if tail is not None and text[pos:tail.start()].strip():
                tails[len(lines)] = (tail.start(), end, "teaser")
                end = tail.start()
            lines.append(_Line(pos, end, text[pos:end].strip()))
        pos += len(piece) + 1
    return lines, tails


# What ``_line_kind`` says of a line that a caller must act on beyond labelling it: a teaser header labels the
# lines after it too, a signed byline the name-only line before it.
_TEASER_HEADER = "teaser header"
_SIGNED_BYLINE = "signed byline"


def _judge_lines(lines: list[_Line], prose: list[bool], prose_text: bool) -> dict[int, str]:
    """Why each line that is not article text is not, by line index."""
    why: dict[int, str] = {}
    in_teaser = False
    for i, ln in enumerate(lines):
        t = ln.text
        if in_teaser:
            if prose[i] and not _TRUNCATED.search(t) and len(t.split()) >= 25:
                in_teaser = False
            else:
                why[i] = "teaser"
                continue
        kind = _line_kind(t, prose_text)
        if kind == _TEASER_HEADER:
            why[i], in_teaser = "teaser", True
        elif kind == _SIGNED_BYLINE:
            why[i] = "byline"
            if i > 0 and i - 1 not in why and _name_only(lines[i - 1].text):
                why[i - 1] = "byline"
        elif kind is not None:
            why[i] = kind
    return why


def _line_kind(t: str, prose_text: bool) -> str | None:
    """Why one line is not article text, or None when nothing says it is not."""
    return _furniture_kind(t, prose_text) or _credit_kind(t, prose_text)


def _furniture_kind(t: str, prose_text: bool) -> str | None:
    """The page's furniture: navigation, teasers, photo credits, agency and scraper tags, embedded posts."""
    credit = _credit(t)
    if _navigation(t):
        return "navigation"
    if _teaser_header(t) and prose_text:
        return _TEASER_HEADER
    if _inline_teaser(t):
        return "teaser"
    if credit:
        return credit
    if _AGENCY_TAG.match(t) and (prose_text or "©" in t):
        return "agency tag"
    if _SCRAPER_TAG.match(t) and prose_text:
        return "scraper tag"
    if _link_dominated(t):
        return "embedded post"
    return None


def _credit_kind(t: str, prose_text: bool) -> str | None:
    """Who wrote or sells: reporting credits, author boxes, advertising and calls to action, bylines."""
    if _REPORTING_BY.match(t) and len(t.split()) <= 20:
        return "reporting credit"
    if _AUTHOR_BOX.match(t) and prose_text:
        return "author box"
    if _AD_MARK.match(t) or (_CALL_TO_ACTION.match(t) and len(t.split()) <= 8
                             and (t.endswith("!") or not _sentence_like(t)) and prose_text):
        return "advertising or call to action"
    if _DATED_BYLINE.match(t) and len(t.split()) <= 10 and not _sentence_like(t) and not _HARM.search(t):
        return "byline"
    if _byline(t):
        return _SIGNED_BYLINE
    return None


def _mark_headings(lines: list[_Line], prose: list[bool], kept: list[int], why: dict[int, str]) -> None:
    """The first line kept is the headline; a heading is a short line that leads into prose: label each."""
    for title, i, nxt in zip([kept[0]] * len(kept), kept[1:], [*kept[2:], None]):
        if (_headline_like(lines[i].text) and not _title_block(lines, prose, title, i)
                and (nxt is None or prose[nxt])):
            why[i] = "heading"


def drop_boilerplate(text: str) -> list[Edit]:
    """Delete what ``classify_lines`` finds, a whole line with its newline, and say why in the edit."""
    edits = []
    for start, end, why in classify_lines(text):
        whole_line = start == 0 or text[start - 1] == "\n"
        end = end + 1 if whole_line and end < len(text) else end
        edits.append(Edit(start, end, "", why=why))
    return edits


# A news agency's desk slug before a headline ('UPDATE 2-', 'WRAPUP 1-', 'RPT-', 'REFILE-UPDATE 3-'): it says
# which version of a story this is, and glued to the first word it hides that word ('RPT-One civilian killed').
# The words are the wire desks' fixed vocabulary, upper case and hyphen-glued; an acronym of a name ('ITAR-TASS',
# 'IL-76') is none of them.
_WIRE_SLUG = re.compile(r"^(?:(?:UPDATE|WRAPUP|RPT|REFILE|CORRECTED|CORRECTION|FACTBOX|EXCLUSIVE|ANALYSIS|INSIGHT|"
                        r"PREVIEW|TIMELINE|GRAPHIC|FOCUS|EXPLAINER|BREAKINGVIEWS|COLUMN|SPECIAL REPORT|WIDER IMAGE|"
                        r"URGENT|FLASH|BREAKING)(?: \d{1,2})?-)+(?=\S)", re.MULTILINE)


def drop_wire_slugs(text: str) -> list[Edit]:
    """Delete a wire desk's slug at the start of a line ('UPDATE 1-Ukraine says ...' -> 'Ukraine says ...')."""
    return [Edit(m.start(), m.end(), "", why="wire slug") for m in _WIRE_SLUG.finditer(text)]

