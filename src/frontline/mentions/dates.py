"""Find time expressions in a parsed article and resolve them against its publication date.

News dates are mostly relative ('on Tuesday', 'last night', 'four months ago') and unanchored ('February
24', 'in May'): both are read against the publication date, and never resolved into the future. Absolute
dates ('January 20, 2025', 'in 2014', 'the fall of 2022') resolve without one.

Expressions are found two ways: spaCy's DATE/TIME entities, and this module's own patterns, which win
where the two overlap because the small English model splits or misses forms news uses ('the fall of' +
'2022', 'last nightAfter' in glued scraped text). Durations ('20 days of leave', 'for more than six months',
'aged between 9 months and 12 years', '12 months') are not dates and are dropped, and so are vague
expressions ('in recent days'). The full-scale invasion of 24 February 2022 anchors 'the first days of the
war' and 'the beginning of the invasion' in articles written after it.

Conventions, for a caller reading ``DateMention``:

- ``precision`` is 'day', 'month' or 'year'; ``date_start`` is the first day of the period and
  ``date_end`` its last day when the expression names a range (a month, a year, a week, 'late July'). A
  single day has ``date_end`` None.
- A weekday is the most recent such day on or before publication: 'on Thursday' in an article published
  on a Thursday is that same day. 'last Thursday' is the one before.
- 'last night' and 'overnight' are the day before publication; 'overnight into Friday' and 'overnight
  Thursday' are the named weekday (the night's end and the day the report files it under).
- 'the past 24 hours', 'over the past day' run from the day before publication to publication (the
  daily bulletins of both sides' defence ministries); 'over the weekend' is the most recent Saturday and
  Sunday on or before publication.
- Numeric dates with dots ('9.03.2023') are day-first, as in Ukrainian and Russian sources.
- 'early', 'mid' and 'late' cut a month into days 1-10, 11-20 and 20-end ('late July' = 20-31, as
  docs/EVALUATION.md reads it), a year into Jan-Apr, May-Aug and Sep-Dec (precision 'month').
- Seasons are meteorological (spring = March-May, ..., autumn = September-November); 'winter 2022' is
  December 2022 to February 2023.
- With ``published`` None, relative and unanchored expressions are still found but get start None and
  precision 'unknown'; absolute ones resolve as usual.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span

from frontline.mentions.quantities import parse_number
from frontline.models import DateMention, DatePrecision

__all__ = ["FULL_SCALE_INVASION", "Resolution", "find_dates", "resolve"]

# The date the war's own reporting counts from: Russia's full-scale invasion of Ukraine.
FULL_SCALE_INVASION = dt.date(2022, 2, 24)

logger = logging.getLogger(__name__)

Resolution = tuple["dt.date | None", "dt.date | None", DatePrecision]

_UNANCHORED: Resolution = (None, None, "unknown")

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}   # first month of each

# --- patterns that find expressions in running text -------------------------------------------------
# Month and weekday names must be capitalised in running text, so the modal 'may' and the verb 'march'
# are not dates; keywords are case-insensitive. The end guard is '(?![a-z0-9])' rather than '\b' so that
# scraped text with glued sentences ('last nightAfter fierce fighting') still yields 'last night'.
_END = r"(?![a-z0-9])"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = rf"(?:{_MONTH_NAMES})"
# Beside a day number a month name in capitals is a date too ('KILLED IN AUG. 13 BATTLE', wire headlines), but
# for 'MAY', the modal verb of a headline in capitals ('TROOPS MAY 2 WEEKS LATER ...').
_MONTH_CAPS = "|".join(m.upper() for m in _MONTH_NAMES.split("|") if m != "May")
_MON_ANY = (rf"(?:{_MONTH}|{_MONTH_CAPS}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|"
            r"JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)\.?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d{2}"
_MDY = rf"(?:{_WD},? )?{_MON_ANY} {_DAY}(?:,? {_YEAR})?"
_DMY = rf"(?:{_WD},? )?(?:the )?{_DAY} (?:of )?{_MON_ANY}(?:,? {_YEAR})?"
_MODIFIER = r"(?i:early|mid|late|the (?:start|beginning|middle|end) of)"
_PREP = r"(?i:in|since|until|till|by|during|from|before|after|of|last|this)"
_APPROX_WORDS = r"almost|nearly|about|around|some|more than|over|less than|just over|just under|roughly|exactly"
_APPROX = rf"(?i:{_APPROX_WORDS})"

_TEXT_PATTERNS: tuple[re.Pattern[str], ...] = tuple(re.compile(p) for p in (
    # 'four months to the day since February 24'; before a clause ('... since Putin sent troops'), the 'since'
    # belongs to the expression: it dates the clause's event
    rf"(?<![\w])[\w-]+ (?i:days?|weeks?|months?|years?) (?i:to the day)"
    rf"(?: (?i:since|after|from) (?:{_MDY}|{_DMY})| (?i:since|after)(?= \w))?",
    rf"(?<![\w]){_MDY}{_END}",
    rf"(?<![\w]){_DMY}{_END}",
    rf"(?<![\w]){_MODIFIER}[- ]?{_MONTH}(?:,? {_YEAR})?{_END}",
    rf"(?<![\w]){_MONTH},? {_YEAR}{_END}",
    rf"(?<![\w]){_PREP} (?P<core>{_MONTH}){_END}",
    rf"(?<![\w])(?:{_MODIFIER}[- ]?)?(?i:the )?(?i:fall|autumn|spring|summer|winter)(?: (?i:of))? {_YEAR}{_END}",
    rf"(?<![\w])(?i:last|this past) (?i:fall|autumn|spring|summer|winter){_END}",
    rf"(?<![\w]){_MODIFIER}[- ]?{_YEAR}{_END}",
    rf"(?<![\w])(?i:in|since|until|till|by|during|from|before|after) (?P<core>{_YEAR}){_END}",
    rf"(?<![\w])(?:(?i:last|this|early|late) )?{_WD}(?: (?i:night|morning|afternoon|evening))?{_END}",
    rf"(?<![\w])(?i:overnight)(?: (?i:into|on|to))? {_WD}{_END}",
    rf"(?<![\w])(?:[12]\d|3[01]|0?[1-9])\.(?:1[0-2]|0?[1-9])\.{_YEAR}{_END}",
    # 'on 05.06' without a year, as Ukrainian reports write it: a preposition and a two-digit month, so that
    # decimals ('5.5 km') and clock times ('at 10.30') are not read as dates
    r"(?<![\w.])(?i:on|since|until|till|from|by) (?P<core>(?:[12]\d|3[01]|0[1-9])\.(?:1[0-2]|0[1-9]))"
    r"(?![\w.,]?\d)(?! ?(?i:%|percent|per cent|km|m|h|hours?|am|pm|points?)(?![a-z]))",
    r"(?<![\w])(?i:(?:in|over|during|for) the (?:past|last) (?:24 hours|day|twenty-four hours)"
    r"|(?:over|during|at) the weekend)" + _END,
    r"(?<![\w])(?i:(?:the )?day before yesterday|yesterday(?: (?:morning|afternoon|evening|night))?|today|tonight"
    r"|overnight|last (?:night|evening|week|weekend|month|year)|this (?:morning|afternoon|evening|week|month|year)"
    r"|earlier (?:this|in the) (?:week|month|year))" + _END,
    rf"(?<![\w])(?:{_APPROX} )?(?:(?i:a few|a couple of)|[\w-]+) (?i:days?|weeks?|months?|years?|decades?)"
    rf" (?i:ago){_END}",
    r"(?<![\w])(?i:the (?:first|early|opening|initial) (?:days?|hours|weeks) of the (?:full[- ]scale )?"
    r"(?:russian )?(?:war|invasion)|the (?:start|beginning|outset) of the (?:full[- ]scale )?(?:russian )?invasion)"
    + _END,
))

# --- patterns that interpret one expression (lower-cased, prepositions stripped) ---------------------
_SPACES = re.compile(r"\s+")
_LEAD = re.compile(r"(?:^|[^\w])(?:[Oo]n|[Ii]n) $")    # 'on'/'in' just before an expression
_LEADING = re.compile(r"^(?:on|in|at|during|by|since|from|until|till|before|after|as of|of)\s+")
_TO_THE_DAY = re.compile(r"[\w-]+ (?:days?|weeks?|months?|years?) to the day\b.*")
_TO_THE_DAY_SINCE = re.compile(r"([\w-]+) (day|week|month|year)s? to the day (?:since|after)")
_WEEKDAY = re.compile(rf"(?:(last|this|early|late|overnight(?: into| on| to)?) )?({'|'.join(_WEEKDAYS)})(?: (?:night|morning|afternoon|evening))?")
_MODIFIED = re.compile(r"(early|mid|late|the (?:start|beginning|middle|end) of)[- ]?(.+)")
_SEASON = re.compile(r"(?:(last|this past) )?(?:the )?(spring|summer|fall|autumn|winter)(?: of)?(?: (\d{4}))?")
_YEAR_ONLY = re.compile(r"(\d{4})")
_AGO = re.compile(rf"(?:(?:{_APPROX_WORDS}) )?(.+) (day|week|month|year|decade)s? ago")
_HAS_YEAR = re.compile(rf"\b{_YEAR}\b")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_DAY_MONTH = re.compile(r"(\d{2})\.(\d{2})")
_PAST_DAY = re.compile(r"(?:in |over |during |for )?the (?:past|last) (?:24 hours|day|twenty-four hours)")
_DATEPARSER_GUARD = re.compile(
    rf"\b(?:{_MONTH_NAMES.lower()}|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b|\d{{4}}-\d{{2}}-\d{{2}}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}")
_MODIFIER_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (20, 31), "the start of": (1, 10),
                   "the beginning of": (1, 10), "the middle of": (11, 20), "the end of": (20, 31)}
_DAY_WORDS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "yesterday": 1, "yesterday morning": 1, "yesterday afternoon": 1, "yesterday evening": 1,
    "yesterday night": 1, "last night": 1, "last evening": 1, "overnight": 1,
    "the day before yesterday": 2, "day before yesterday": 2,
}


def resolve(expression: str, published: dt.date | None) -> Resolution:
    """Resolve one time expression against a publication date.

    Args:
        expression: the words as written, e.g. 'on Tuesday', 'in late July', 'January 20, 2025'.
        published: the article's publication date, the anchor for relative expressions; None if unknown.

    Returns:
        ``(start, end, precision)``: see the module docstring for the conventions. Durations, vague
        expressions and anything not understood give ``(None, None, 'unknown')``, as do relative
        expressions when ``published`` is None.
    """
    found = _interpret(expression, published)
    return found if found is not None else _UNANCHORED


def find_dates(doc: Doc | Span, published: dt.date | None) -> list[DateMention]:
    """Find the time expressions in a parsed text and resolve each against the publication date.

    Args:
        doc: a parsed ``Doc``, or a ``Span`` of one (a sentence); offsets are always into the whole
            ``Doc``'s text.
        published: the article's publication date, or None if unknown.

    Returns:
        The date mentions in text order. Durations and vague expressions are left out; relative ones
        are kept with start None and precision 'unknown' when ``published`` is None.
    """
    base = doc.start_char if isinstance(doc, Span) else 0
    text = doc.text
    spans: list[tuple[int, int]] = []
    for pattern in _TEXT_PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span("core") if "core" in pattern.groupindex else m.span()
            spans.append((base + start, base + end))
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME") and all(ent.end_char <= s or ent.start_char >= e for s, e in chosen):
            chosen.append((ent.start_char, ent.end_char))

    full = doc.doc.text if isinstance(doc, Span) else doc.text
    mentions = []
    for start, end in sorted(chosen):
        expression = full[start:end]
        found = _interpret(expression, published)
        if found is None:
            logger.debug("not a date: %r", expression)
            continue
        # 'on'/'in' belong to the expression as a reader quotes it ('on Tuesday', 'in late July').
        if _LEAD.search(full[max(base, start - 4):start]):
            start -= 3
        if _TO_THE_DAY_SINCE.fullmatch(expression.lower()):
            # 'The strike came a year to the day since Russia invaded': the strike is of the publication day, the
            # invasion of a year before; the word 'since' opens the clause it dates and stands for that date
            since = end - len("since")
            now = _interpret(full[start:since].rstrip(), published) or _UNANCHORED
            mentions.append(DateMention(start=start, end=since - 1, text=full[start:since - 1], date_start=now[0],
                                        date_end=now[1], precision=now[2]))
            start = since
        mentions.append(DateMention(start=start, end=end, text=full[start:end], date_start=found[0],
                                    date_end=found[1], precision=found[2]))
    return mentions


def _interpret(expression: str, published: dt.date | None) -> Resolution | None:
    """Resolve an expression, or None when it names no date at all (a duration, a vague phrase)."""
    e = _SPACES.sub(" ", expression.lower().replace("\u2019", "'")).strip(" ,.;:()'\"")
    e = e.removesuffix("'s")
    while (stripped := _LEADING.sub("", e)) != e:
        e = stripped
    if not e:
        return None
    for handler in (_war_anchor, _to_the_day_since, _relative, _dotted, _weekday, _modified, _season, _year, _ago,
                    _with_dateparser):
        try:
            found = handler(e, published)
        except (ValueError, OverflowError):
            # a day outside the calendar ('founded 3000 years ago', '100000 days ago'): no date, not a failure
            logger.debug("a date outside the calendar: %r", expression)
            return None
        if found is not None:
            return found
    return None


# 'The first days of the war' means the days after FULL_SCALE_INVASION only in articles written after it.
_WAR_ANCHOR = re.compile(r"the (?:(first|early|opening|initial) (day|days|hours|weeks)|start|beginning|outset) of "
                         r"the (?:full[- ]scale )?(?:russian )?(war|invasion)")


def _war_anchor(e: str, published: dt.date | None) -> Resolution | None:
    """'the first days of the war', 'the beginning of the invasion' -> the days after 24 February 2022."""
    m = _WAR_ANCHOR.fullmatch(e)
    if m is None:
        return None
    if published is None or published < FULL_SCALE_INVASION:
        return _UNANCHORED
    unit = m.group(2)
    if unit in ("days", "hours"):
        return FULL_SCALE_INVASION, FULL_SCALE_INVASION + dt.timedelta(days=14 if unit == "days" else 1), "day"
    if unit == "weeks":
        return FULL_SCALE_INVASION, FULL_SCALE_INVASION + dt.timedelta(days=30), "day"
    return FULL_SCALE_INVASION, None, "day"


def _to_the_day_since(e: str, published: dt.date | None) -> Resolution | None:
    """'four months to the day since' before a clause: the clause's event, that long before publication."""
    m = _TO_THE_DAY_SINCE.fullmatch(e)
    if m is None:
        return None
    count = 1 if m.group(1) in ("a", "an") else parse_number(m.group(1))
    if count is None or count != int(count):
        return None
    if published is None:
        return _UNANCHORED
    n, unit = int(count), m.group(2)
    if unit in ("day", "week"):
        return published - dt.timedelta(days=n * (7 if unit == "week" else 1)), None, "day"
    year, month = _add_months(published.year, published.month, -n * (12 if unit == "year" else 1))
    return dt.date(year, month, min(published.day, calendar.monthrange(year, month)[1])), None, "day"


def _relative(e: str, published: dt.date | None) -> Resolution | None:
    """Days, weeks, months and years named relative to publication ('yesterday', 'earlier this week')."""
    to_the_day = _TO_THE_DAY.fullmatch(e)
    if e in _DAY_WORDS or to_the_day:
        # 'four months to the day since February 24' dates the report itself: the publication day.
        back = 0 if to_the_day else _DAY_WORDS[e]
        return _UNANCHORED if published is None else (published - dt.timedelta(days=back), None, "day")
    if _PAST_DAY.fullmatch(e):
        return _UNANCHORED if published is None else (published - dt.timedelta(days=1), published, "day")
    if e not in ("this week", "earlier this week", "earlier in the week", "last week", "last weekend",
                 "over the weekend", "the weekend",
                 "this month", "earlier this month", "earlier in the month", "last month",
                 "this year", "earlier this year", "earlier in the year", "last year"):
        return None
    if published is None:
        return _UNANCHORED
    p = published
    if e.endswith("weekend"):
        # the last Sunday before publication; 'over the weekend' may be the weekend publication falls on
        sunday = p - dt.timedelta(days=(p.weekday() + 1) % 7 or (7 if e == "last weekend" else 0))
        if p.weekday() == 5 and e != "last weekend":
            return p, p, "day"
        return sunday - dt.timedelta(days=1), sunday, "day"
    if e.endswith("week"):
        monday = p - dt.timedelta(days=p.weekday())
        if e == "last week":
            return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1), "day"
        return monday, p, "day"
    if e.endswith("month"):
        if e == "last month":
            last = p.replace(day=1) - dt.timedelta(days=1)
            return last.replace(day=1), last, "month"
        return p.replace(day=1), p, "month"
    if e == "last year":
        return dt.date(p.year - 1, 1, 1), dt.date(p.year - 1, 12, 31), "year"
    return dt.date(p.year, 1, 1), p, "year"


def _weekday(e: str, published: dt.date | None) -> Resolution | None:
    """A weekday: the most recent one on or before publication ('last ...': strictly before)."""
    m = _WEEKDAY.fullmatch(e)
    if not m:
        return None
    if published is None:
        return _UNANCHORED
    back = (published.weekday() - _WEEKDAYS.index(m.group(2))) % 7
    if back == 0 and m.group(1) == "last":
        back = 7
    return published - dt.timedelta(days=back), None, "day"


def _dotted(e: str, published: dt.date | None) -> Resolution | None:
    """'9.03.2023': day first, as Ukrainian and Russian sources write it; '05.06' is the latest 5 June on or
    before publication."""
    if m := _DAY_MONTH.fullmatch(e):
        if published is None:
            return _UNANCHORED
        day, month = int(m.group(1)), int(m.group(2))
        for year in (published.year, published.year - 1):
            try:
                found = dt.date(year, month, day)
            except ValueError:
                continue        # '29.02' in a year without it: the leap year before may have it
            if found <= published:
                return found, None, "day"
        return None
    m = _DOTTED.fullmatch(e)
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))), None, "day"
    except ValueError:
        return None


def _modified(e: str, published: dt.date | None) -> Resolution | None:
    """'late July', 'early 2022', 'the end of May': the part of the month or year the modifier names."""
    m = _MODIFIED.fullmatch(e)
    if not m:
        return None
    inner = _interpret(m.group(2), published)
    if inner is None:
        return None
    start, _, precision = inner
    if start is None:
        return inner
    first, last = _MODIFIER_PARTS[m.group(1)]
    if precision == "month":
        month_end = calendar.monthrange(start.year, start.month)[1]
        return start.replace(day=first), start.replace(day=min(last, month_end)), "month"
    if precision == "year":
        # A year splits into thirds: Jan-Apr, May-Aug, Sep-Dec.
        third = {1: 0, 11: 1, 20: 2}[first]
        return (dt.date(start.year, 1 + 4 * third, 1), _month_end(start.year, 4 + 4 * third), "month")
    return inner


def _season(e: str, published: dt.date | None) -> Resolution | None:
    """'the fall of 2022', 'autumn 2022', 'last winter': a meteorological season, month precision."""
    m = _SEASON.fullmatch(e)
    if not m or not (m.group(1) or m.group(3)):
        return None    # a bare 'autumn' may as well be the coming one
    first = _SEASONS[m.group(2)]
    if m.group(3):
        year = int(m.group(3))
    elif published is None:
        return _UNANCHORED
    else:
        # 'last winter': the most recent season of that name that had ended by publication.
        year = published.year
        while _month_end(*_add_months(year, first, 2)) >= published:
            year -= 1
    end_year, end_month = _add_months(year, first, 2)
    return dt.date(year, first, 1), _month_end(end_year, end_month), "month"


def _year(e: str, published: dt.date | None) -> Resolution | None:
    """A year on its own: 'in 2014'."""
    m = _YEAR_ONLY.fullmatch(e)
    if not m or not 1800 <= int(m.group(1)) <= 2100:
        return None
    year = int(m.group(1))
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def _ago(e: str, published: dt.date | None) -> Resolution | None:
    """'two weeks ago', 'almost three years ago': counted back from publication, at the unit's precision."""
    m = _AGO.fullmatch(e)
    if not m:
        return None
    count = 1 if m.group(1) in ("a", "an") else parse_number(m.group(1))
    if count is None or count != int(count):
        return None    # 'a few', 'several': too vague to count back
    if published is None:
        return _UNANCHORED
    n, unit = int(count), m.group(2)
    if unit in ("day", "week"):
        return published - dt.timedelta(days=n * (7 if unit == "week" else 1)), None, "day"
    if unit == "month":
        year, month = _add_months(published.year, published.month, -n)
        return dt.date(year, month, 1), _month_end(year, month), "month"
    year = published.year - n * (10 if unit == "decade" else 1)
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def _with_dateparser(e: str, published: dt.date | None) -> Resolution | None:
    """Calendar dates ('January 20, 2025', 'February 24', 'May', 'November 2024') read by dateparser.

    dateparser is only asked about expressions that name a month or a numeric date: it reads a bare
    number such as '24' as a day of the current month.
    """
    if not _DATEPARSER_GUARD.search(e):
        return None
    explicit_year = bool(_HAS_YEAR.search(e))
    if published is None and not explicit_year:
        return _UNANCHORED
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(e)
    if data.date_obj is None:
        return None
    start = data.date_obj.date()
    if data.period == "year":
        return dt.date(start.year, 1, 1), dt.date(start.year, 12, 31), "year"
    if data.period == "month":
        start = start.replace(day=1)
    # An unanchored date is the most recent one not after publication; dateparser sometimes picks the
    # coming one (e.g. 'the 24th' early in a month).
    if published is not None and not explicit_year and start > published:
        start = _same_day_year_before(start)
    if data.period == "month":
        return start, _month_end(start.year, start.month), "month"
    return start, None, "day"


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _same_day_year_before(day: dt.date) -> dt.date:
    if day.month == 2 and day.day == 29:
        return dt.date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)
