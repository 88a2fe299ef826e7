"""Copy detection: which article repeats a story another article already told.

A copy tells the same report again: the same text give or take boilerplate, a PDF's wrapping, a teaser's
missing paragraphs or a spinner's synonyms. It never tells a different report, however alike the words:
outlets publish templated daily reports ('During the day, the Russians killed three civilians in the Donetsk
region') whose next edition differs only in a number, a day or a town. So every method below is vetoed by
the facts and the calendar (``admissible``):

- **facts**: the copy's numbers (digits and number words, read by ``text2num``), the dates and weekdays it
  names, and its places (settlements and regions, by canonical name from the pipeline's place mentions, when
  given) must all be in the original, and the settlements its lead names (its first sentence and any title) must
  meet the original's when both name some: two templated reports that differ only in the town they open on are two
  reports; a long article (``SPARED_EVERY`` shingles) is spared one incidental new number or place per that many
  shingles, unless it drops one of the original's numbers (a changed count);
- **publication dates**: when both carry one, a copy is published within ``WINDOW`` (3 days) of its original
  (see docs/copies.md for how the window was chosen), identical text included: a templated daily bulletin
  repeated word for word two weeks later is a new report;
- **direction**: only the shorter, contained article can be the copy; a longer one that adds to a report is
  a new report, and its events count;
- **chains**: an article that matches a copy must be admissible against that copy's original too, and an
  article is never a copy of itself.

Kinds of copy and the signal that catches each (``Match.method``):

``minhash``      identical normalised text (score 1.0), or the same text give or take boilerplate and a PDF's
                 hard wrapping: Jaccard similarity of 5-word shingles, estimated by MinHash, >= 0.7.
``containment``  a teaser (the first paragraphs only): the two leads (first 60 words) are near-identical and most
                 of the shorter text's shingles are in the longer one; or a short article inside a page with a
                 little boilerplate left: nearly all its shingles are in the other.
``embedding``    a rewrite (synonyms swapped, sentences reordered): shingles no longer match, so the mean
                 sentence embedding must be close *and* the names and numbers must largely be the same.
                 Short texts (headlines, one-line reports, fewer than ``SHORT`` shingles), where MinHash is
                 noise, are copies only when identical or when they tell the same facts on the same day in
                 close words (cosine >= ``SHORT_COSINE``).

Candidate search is sub-quadratic and cheap: every fingerprint yields integer keys (``Fingerprint.keys``),
MinHash bands of the text, of its lead and of its names-and-numbers set, a key of its normalised text, and a key
per number and place on its publication day (looked up on the days either side too:
``Fingerprint.search_keys``); only articles sharing a key are compared (datasketch's MinHash, banded here so the
keys can live in an indexed SQLite table). Vectors are computed only for the pairs that pass every cheaper test
and still need one: the rewrite and short-text rules (``needs_vector``); so the embedding model, and torch, load only then.
``CopyIndex`` holds keys in memory (one ``extract`` run); the store keeps the same keys and fingerprints, so an
ingest compares a new article with stored ones without recomputing them.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal, Protocol

import numpy as np
from text_to_num import alpha2digit

from frontline.nlp.embed import DIMENSIONS, Embedder

if TYPE_CHECKING:
    from datasketch import MinHash

    from frontline.models import ArticleResult

__all__ = ["Fingerprint", "Match", "CopyIndex", "CopyDetector", "fingerprint", "result_fingerprint", "compare",
           "admissible",
           "needs_vector", "exact_window", "CopyMethod", "WINDOW"]

CopyMethod = Literal["minhash", "containment", "embedding"]

NUM_PERM = 128
_SHINGLE = 5
_LEAD_WORDS = 60
_BANDS, _ROWS = 16, 8                 # 16 x 8 = 128: candidates from Jaccard ~0.7 up
_LEAD_BANDS, _LEAD_ROWS = 8, 8        # the first 64 permutations of the lead's: from Jaccard ~0.77 up
_FACT_BANDS, _FACT_ROWS = 32, 4       # names and numbers: candidates from Jaccard ~0.4 up
_SEED = 20221

NEAR_COPY = 0.7
TEASER_LEAD = 0.8
TEASER_CONTAINMENT = 0.6
WRAPPED_CONTAINMENT = 0.9
# A page around a short article may keep a little boilerplate after cleaning, and a rewrite's synonyms may be
# longer words; more than this and the longer text has added something, a report of its own (direction rule).
COPY_GROWTH = 1.25
# Measured on tests/data/copies (bench/dedup.py): spun rewrites score cosine >= 0.947 and names-and-numbers
# Jaccard >= 0.59 against their originals; different stories, also on one town and day, score <= 0.863 and <= 0.49.
REWRITE_COSINE = 0.92
REWRITE_FACTS = 0.5
SPARED_EVERY = 300
# Below this many shingles (about 18 words) MinHash and a mean embedding are noise (see docs/copies.md).
SHORT = 15
SHORT_COSINE = 0.7
# Below this many shingles (about 34 words, one long sentence) a rewrite must add no word (``_adds_nothing``).
SENTENCE = 2 * SHORT
# Republished copies appear within days of their original: see docs/copies.md for the measurement.
WINDOW = dt.timedelta(days=3)
SAME_DAY = dt.timedelta(days=1)     # publication dates of one day in two time zones
_MAX_SENTENCES = 20
# A text of this few distinct words is a label (a bare place name, 'Donetsk airport', an account handle), not a
# story: two alike tell nothing that makes them one report (UCDP gives a village's name as the headline of events
# on many days), so a label is a copy only of the same label the same day. Nothing is lost either way: a label
# gives no event, and reports of one event by several sources are fused, not marked (``corpus.fuse``).
LABEL_WORDS = 3

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_NAME = re.compile(r"(?<![.!?\n]\s)(?<!^)\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_QUOTES = str.maketrans({q: " " for q in "'\"‘’“”«»"})
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_MONTH = (r"(january|february|march|april|may|june|july|august|september|october|november|december"
          r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}(?![a-z])", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+((?:19|20)\d\d)\b", re.I)
_WEEKDAY = re.compile(rf"\b({'|'.join(_WEEKDAYS)})\b", re.I)
# Words that date a report by its publication day: today's bulletin and tomorrow's, word for word alike, tell
# two days. 'yesterday' is the day before.
_RELATIVE = re.compile(r"\b(?:(?P<before>yesterday)|today|tonight|this (?:morning|afternoon|evening)|overnight"
                       r"|(?:at|last) night|(?:in|per|during|over|for) (?:(?:a|the|one) )?(?:past |last )?day"
                       r"|since the (?:beginning|start) of the day|(?:in|over|during) the (?:past|last) 24 hours)\b",
                       re.I)
# Capitalised words that start quotes, days and months: they say nothing about which story this is.
_NOT_NAMES = frozenset("""the a an and but or in on at of for to with by from as it he she they we i this that these
those there his her their our its monday tuesday wednesday thursday friday saturday sunday january february march
april may june july august september october november december mr mrs ms""".split())


@dataclass(frozen=True, slots=True, eq=False)
class Fingerprint:
    """What copy detection keeps of one article: MinHash signatures, sizes, facts, publication date, vector."""

    article_id: str
    minhash: np.ndarray                 # uint64[NUM_PERM] over word 5-shingles of the whole text
    lead: np.ndarray                    # uint64[NUM_PERM] over the shingles of the first 60 words
    facts_minhash: np.ndarray           # uint64[NUM_PERM] over the names-and-numbers set
    size: int                           # number of distinct shingles
    facts: frozenset[str]               # names and numbers, for the similarity of rewrites
    vector: np.ndarray | None = None    # float32[384] unit vector, None until embedded
    numbers: frozenset[str] = frozenset()   # counts and figures, number words as digits: '49', '1000'
    days: frozenset[str] = frozenset()      # dates and weekdays named: '06-05', 'tuesday'
    places: frozenset[str] | None = None    # places named, 'canonical name|as written', case-folded; None: unknown
    # the settlements its first sentence names, by canonical name, case-folded; None: unknown
    lead_places: frozenset[str] | None = None
    published: dt.date | None = None
    exact: str = ""                     # hash of the normalised text (lower-cased words)
    words: frozenset[str] | None = None     # its lower-cased words, for "a short copy adds nothing"; None: unknown
    # (search keys, how many of them are the article's own keys), when computed ahead by ``with_keys``
    computed_keys: tuple[tuple[int, ...], int] | None = field(default=None, repr=False)

    def with_keys(self) -> Fingerprint:
        """This fingerprint carrying its keys, computed now. A worker does this, so the one process that marks
        copies only reads them (hashing the bands took 1.3 s of the 21 s that process was busy on 1,000
        articles beside two Dask workers)."""
        own = self._own_keys()
        return replace(self, computed_keys=(tuple(self._search_keys(own)), len(own)))

    def keys(self) -> list[int]:
        """The LSH bucket keys of this article (signed 64-bit integers, ready for SQLite)."""
        if self.computed_keys is not None:
            keys, own = self.computed_keys
            return list(keys[:own])
        return self._own_keys()

    def _own_keys(self) -> list[int]:
        keys = _band_keys("m", self.minhash, _BANDS, _ROWS)
        keys += _band_keys("l", self.lead[:_LEAD_BANDS * _LEAD_ROWS], _LEAD_BANDS, _LEAD_ROWS)
        keys += self._facts_keys(self.published)
        if self.exact:
            keys.append(_key(b"x", self.exact.encode()))
        return keys + self._fact_day_keys(self.published)

    def search_keys(self) -> list[int]:
        """The keys to look this article's possible originals up by: its own; its names-and-numbers bands on
        every day of the copy window and undated; and its facts on the days either side of its publication day
        (a short copy tells its original's facts within ``SAME_DAY``)."""
        if self.computed_keys is not None:
            return list(self.computed_keys[0])
        return self._search_keys(self._own_keys())

    def _search_keys(self, own: list[int]) -> list[int]:
        keys = list(own)
        if self.published is not None:
            for days in range(-WINDOW.days, WINDOW.days + 1):
                if days:
                    keys += self._facts_keys(self.published + dt.timedelta(days=days))
            keys += self._facts_keys(None)
            for days in (-1, 1):
                keys += self._fact_day_keys(self.published + dt.timedelta(days=days))
        return keys

    def _facts_keys(self, day: dt.date | None) -> list[int]:
        # The names-and-numbers bands, stamped with a publication day when there is one. Unstamped, they made
        # articles that merely name the same places and figures candidates at any distance in time: on a
        # synthetic stream of 10,000 articles, 206 candidates an article and growing with the store. A copy
        # more than WINDOW from its original is refused anyway (``admissible``), so stamped keys lose nothing.
        if not self.facts:
            return []
        return _band_keys("f", self.facts_minhash, _FACT_BANDS, _FACT_ROWS,
                          None if day is None else day.isoformat().encode())

    def _fact_day_keys(self, day: dt.date | None) -> list[int]:
        # one key per number and place on a publication day: what the short-text rule compares
        if day is None:
            return []
        stamp = day.isoformat().encode()
        return [_key(b"d", kind, f.encode(), stamp)
                for kind, found in ((b"n", self.numbers), (b"p", {p.split("|")[0] for p in self.places or ()}))
                for f in sorted(found)]


@dataclass(frozen=True, slots=True)
class Match:
    """``article_id`` copies ``original_id``: how (``method``) and how closely (``score`` in 0..1)."""

    article_id: str
    original_id: str
    method: CopyMethod
    score: float


def _key(*parts: bytes) -> int:
    digest = hashlib.blake2b(b"\x1f".join(parts), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def _band_keys(kind: str, signature: np.ndarray, bands: int, rows: int, stamp: bytes | None = None) -> list[int]:
    sig = np.ascontiguousarray(signature, dtype=np.uint64)
    extra = () if stamp is None else (stamp,)
    return [_key(kind.encode(), bytes([b]), sig[b * rows:(b + 1) * rows].tobytes(), *extra) for b in range(bands)]


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


@functools.cache
def _template() -> MinHash:
    # its permutations are a constant of the seed: drawing them again for each of the three signatures of
    # every article cost more than hashing the text. Imported here: datasketch pulls in scipy.integrate (0.3 s),
    # which only the process that marks copies needs, and only once extraction is under way.
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=_SEED)


def _minhash(tokens: Iterable[str]) -> MinHash:
    template = _template()
    m = type(template)(num_perm=NUM_PERM, seed=_SEED, permutations=template.permutations, scheme=template.scheme)
    m.update_batch([t.encode("utf-8") for t in tokens])
    return m


def _shingles(words: Sequence[str]) -> set[str]:
    if len(words) < _SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def facts(text: str) -> frozenset[str]:
    """The names (capitalised words not starting a sentence) and numbers of a text, lower-cased."""
    numbers = {n.replace(",", "") for n in _NUMBER.findall(text)}
    names = set()
    for m in _NAME.finditer(text):
        for word in m.group().split():
            w = word.lower().strip("’'-").removesuffix("’s").removesuffix("'s")
            if w not in _NOT_NAMES and len(w) > 2:
                names.add(w)
    return frozenset(numbers | names)


def _number(text: str) -> str:
    """A figure as one canonical string: '1,200' -> '1200', '2,5' -> '2.5', '1.234.567' -> '1234567'.

    A run of digits and separators that is not one number ('24.3.2022', a dotted date; '1.2.3') is kept as
    written: it still tells two texts apart, and no odd figure in one article may stop a run.
    """
    groups = re.split(r"[.,]", text)
    separators = set(re.findall(r"[.,]", text))
    if len(groups) > 2 and len(separators) == 1:
        if not all(len(g) == 3 for g in groups[1:]):
            return text
        value = float("".join(groups))      # thousands grouped by the one separator: '1.234.567', '1,234,567'
    elif len(separators) == 2:
        head, point, tail = text.rpartition(text[-len(groups[-1]) - 1])
        if point in head or not all(len(g) == 3 for g in re.split(r"[.,]", head)[1:]):
            return text
        value = float(re.sub(r"[.,]", "", head) + "." + tail)     # '1,234.5' and '1.234,5'
    elif text.count(",") != 1 or len(text.split(",")[1]) == 3:
        value = float(text.replace(",", ""))
    else:
        value = float(text.replace(",", "."))
    if not math.isfinite(value):
        return text
    return str(int(value)) if value.is_integer() else str(value)


def numbers(text: str) -> frozenset[str]:
    """Counts and figures of a text, number words read as digits ('Forty-nine' and '49' are both '49')."""
    # text2num leaves a number word next to a quote mark alone ("'Up to five' rebels"): quotes say nothing here
    text = _undated(text.translate(_QUOTES))
    try:
        digits = alpha2digit(text, "en", threshold=0)
    except (ValueError, IndexError):        # text2num gives up on some malformed runs; the digits still count
        digits = text
    return frozenset(_number(n) for n in _NUMBER.findall(digits))


def _undated(text: str) -> str:
    """The text with the day numbers of its dates blanked ('On 1 January' -> 'On   January'): a date is compared
    by ``days``, and its day must not stand in for a count ('On 1 January ... 1 fatality' and '... 2 fatalities'
    are two tolls, not one text dropping a number)."""
    spans = [m.span(1) for m in _DAY_MONTH.finditer(text)] + [m.span(2) for m in _MONTH_DAY.finditer(text)]
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def days(text: str, published: dt.date | None = None) -> frozenset[str]:
    """Dates and weekdays a text names: '5 June', 'June 5th' -> '06-05'; 'on Tuesday' -> 'tuesday'; 'January 2020'
    -> '2020-01'; and, when
    ``published`` is known, the days it names relative to it, marked '~': 'today', 'in a day' -> '~06-05',
    'yesterday' -> '~06-04' (a daily bulletin's 'during the day' of two dates are two days)."""
    found = {m.group(1).lower() for m in _WEEKDAY.finditer(text)}
    if published is not None:
        found |= {f"~{published - dt.timedelta(days=bool(m.group('before'))):%m-%d}" for m in _RELATIVE.finditer(text)}
    for day, month in [(m.group(1), m.group(2)) for m in _DAY_MONTH.finditer(text)] + \
            [(m.group(2), m.group(1)) for m in _MONTH_DAY.finditer(text)]:
        if 1 <= int(day) <= 31:
            found.add(f"{_MONTHS.index(month.lower()[:3]) + 1:02d}-{int(day):02d}")
    # a monthly report names its month: 'January 2020' and 'February 2020' are two reports ('5 June 2022' is a day)
    dated = {m.start(2) for m in _DAY_MONTH.finditer(text)}
    found |= {f"{m.group(2)}-{_MONTHS.index(m.group(1).lower()[:3]) + 1:02d}" for m in _MONTH_YEAR.finditer(text)
              if m.start(1) not in dated}
    return frozenset(found)


def sentences(text: str) -> list[str]:
    """The text's first 20 sentences (what an article vector is the mean of)."""
    return [s for s in (p.strip() for p in _SENTENCE.split(text)) if len(s) > 20][:_MAX_SENTENCES]


def fingerprint(article_id: str, text: str, vector: np.ndarray | None = None, *,
                places: Iterable[str] | None = None, published: dt.date | None = None,
                lead_places: Iterable[str] | None = None) -> Fingerprint:
    """The fingerprint of one cleaned text.

    Args:
        vector: its article vector, if already computed.
        places: the places it names, as 'canonical name|as written' (from the pipeline's place mentions);
            None when not known, which leaves places out of the facts veto.
        published: its publication date, for the copy window.
        lead_places: the settlements its first sentence names, by canonical name; None when not known.
    """
    words = _words(text)
    shingles = _shingles(words)
    found = facts(text)
    return Fingerprint(article_id=article_id, minhash=_minhash(shingles).hashvalues.astype(np.uint64),
                       lead=_minhash(_shingles(words[:_LEAD_WORDS])).hashvalues.astype(np.uint64),
                       facts_minhash=_minhash(found).hashvalues.astype(np.uint64), size=len(shingles), facts=found,
                       vector=vector, numbers=numbers(text), days=days(text, published),
                       words=frozenset(words),
                       places=None if places is None else frozenset(places), published=published,
                       lead_places=None if lead_places is None else frozenset(lead_places),
                       exact=hashlib.blake2b(" ".join(words).encode(), digest_size=16).hexdigest() if words else "")


def result_places(result: ArticleResult) -> set[str]:
    """The places an article names, by canonical name (a region read as its capital in a copy is one place),
    for the facts veto."""
    return {f"{m.place.name}|{m.text}".casefold() for m in result.mentions.places if m.place is not None}


def result_fingerprint(result: ArticleResult) -> Fingerprint | None:
    """The fingerprint of an extracted article (None when it failed or has no text): the one its worker
    computed, or a new one."""
    doc = result.document
    if result.article.status != "ok" or doc is None:
        return None
    kept = result.fingerprint
    if isinstance(kept, Fingerprint) and kept.article_id == doc.article_id:
        return kept
    return fingerprint(doc.article_id, doc.text, places=result_places(result), published=result.article.published,
                       lead_places=result_lead_places(result))


def result_lead_places(result: ArticleResult) -> set[str]:
    """The settlements an article's first sentence names, by canonical name: where its report is."""
    doc = result.document
    if doc is None:
        return set()
    end = _lead_end(doc.text)
    return {m.place.name.casefold() for m in result.mentions.places
            if m.place is not None and m.precision == "settlement" and m.start < end}


def _lead_end(text: str) -> int:
    """Where a text's lead ends: its first sentence, with the heading lines before it (a copy may keep or drop a
    title, so the title's towns and the first sentence's are both the lead's)."""
    at = 0
    for m in _SENTENCE.finditer(text):
        if text[at:m.start()].strip() and text[m.start() - 1] in ".!?":
            return m.start()
        at = m.end()
    return len(text)


def article_vectors(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """Unit article vectors: the mean of each text's sentence embeddings, normalised (one row per text)."""
    chunks = [sentences(t) or [t] for t in texts]
    flat = embedder.encode([s for c in chunks for s in c])
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    i = 0
    for row, c in enumerate(chunks):
        mean = flat[i:i + len(c)].mean(axis=0)
        out[row] = mean / (np.linalg.norm(mean) or 1.0)
        i += len(c)
    return out


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def _gap(new: Fingerprint, old: Fingerprint) -> dt.timedelta | None:
    if new.published is None or old.published is None:
        return None
    return abs(new.published - old.published)


def admissible(new: Fingerprint, old: Fingerprint, spared: int = 0) -> bool:
    """Whether ``new`` may be a copy of ``old`` at all: published within ``WINDOW`` of it (when both are dated)
    and telling no fact ``old`` does not (numbers, dates and weekdays, places when both are known).

    ``spared``: how many numbers and places of ``new`` may be missing from ``old`` when ``new`` keeps all of
    ``old``'s numbers (a long rewrite's synonyms bring some, 'a week' becomes '7 days', and an upper-cased PDF
    title can read as a place); a number that replaces one of ``old``'s is a changed count, never spared.
    """
    gap = _gap(new, old)
    if gap is not None and gap > WINDOW:
        return False
    if not _days_agree(new.days, old.days):
        return False
    if new.lead_places and old.lead_places and not new.lead_places & old.lead_places:
        return False    # two reports that open on two towns: 'clashed near Krynky', 'clashed near Poima'
    extra = len(new.numbers - old.numbers) + _new_places(new, old)
    return extra == 0 or (extra <= spared and old.numbers <= new.numbers)


def _days_agree(new: frozenset[str], old: frozenset[str]) -> bool:
    """Every date and weekdays ``new`` names is in ``old``; the days both date relative to their publication
    ('today', 'yesterday', marked '~') meet when both have one (a copy may add or drop 'today')."""
    new_rel, old_rel = {d for d in new if d[0] == "~"}, {d for d in old if d[0] == "~"}
    return new - new_rel <= old - old_rel and (not new_rel or not old_rel or all(
        any(_days_apart(a, b) <= SAME_DAY.days for b in old_rel) for a in new_rel))


def _days_apart(a: str, b: str) -> int:
    """Days between two '~MM-DD' days, across a new year too (a leap year holds every such day)."""
    x, y = (dt.date(2000, int(d[1:3]), int(d[4:6])) for d in (a, b))
    gap = abs((x - y).days)
    return min(gap, 366 - gap)


def exact_window(fp: Fingerprint) -> dt.timedelta:
    """How far apart two identical texts may be published and still be one report: ``WINDOW``; ``SAME_DAY`` for a
    headline-length text (one sentence, fewer than ``SENTENCE`` shingles), like a short copy, and for a text
    dating itself by its publication day ('today', 'in a day': a '~' day in ``dated``; a daily bulletin); the
    same day only for a label (``LABEL_WORDS``)."""
    if _is_label(fp):
        return dt.timedelta(0)
    return SAME_DAY if fp.size < SENTENCE or any(d[0] == "~" for d in fp.days) else WINDOW


def _is_label(fp: Fingerprint) -> bool:
    return fp.words is not None and len(fp.words) <= LABEL_WORDS


def _adds_nothing(new: Fingerprint, old: Fingerprint) -> bool:
    """Whether every word of ``new`` is in ``old``, unless ``new`` states a count (which ``admissible`` holds to
    be ``old``'s: a count both tell anchors a rewording, 'Rebels down plane, killing 49' of 'Forty-nine troops
    killed'); true when either's words are unknown. Without a count, a short text naming another weapon, target
    or unit than another ('a howitzer and mortar' against 'a howitzer and vehicles') is a report of its own,
    however close their vectors."""
    if not _names_known(new, old):
        return False
    return bool(new.numbers) or new.words is None or old.words is None or new.words <= old.words


_STEM = 5   # 'Ukraine' and 'Ukrainian', 'Russia' and 'Russian' are one name to a rewording


def _names_known(new: Fingerprint, old: Fingerprint) -> bool:
    """Whether every name ``new`` gives (capitalised words, ``facts``) is a word of ``old`` up to its ending: a short
    report naming another party, victim, unit or village than its original is a report of its own."""
    pool = old.words if old.words is not None else old.facts
    stems = {w[:_STEM] for w in pool}
    return all(n[:_STEM] in stems for n in new.facts if not n[0].isdigit())


def _new_places(new: Fingerprint, old: Fingerprint) -> int:
    """How many places ``new`` names that ``old`` does not: neither resolved to the same gazetteer name nor
    written the same ('Donetsk region' in one and 'Donetsk' in the other is one place; so is a name the
    pipeline resolved in one text only, as it may when only one of them has a publication date)."""
    if new.places is None or old.places is None:
        return 0
    names = {p.split("|")[0] for p in old.places}
    words = set(old.facts) | {w for p in old.places for w in p.split("|")[1].split()}
    return sum(name not in names and not set(said.split()) <= words
               for name, said in (p.split("|", 1) for p in new.places - old.places))


def _spared(new: Fingerprint) -> int:
    # one incidental fact per SPARED_EVERY shingles of a long article; none in a short report, where a changed
    # count or town is the whole news
    return new.size // SPARED_EVERY


def _short(new: Fingerprint, old: Fingerprint) -> bool:
    return min(new.size, old.size) < SHORT


def _facts_similar(new: Fingerprint, old: Fingerprint) -> float:
    if not new.facts or not old.facts:
        return 0.0
    return len(new.facts & old.facts) / len(new.facts | old.facts)


def needs_vector(new: Fingerprint, old: Fingerprint) -> bool:
    """Whether only the two article vectors can still decide if ``new`` copies ``old`` (see ``compare``)."""
    if _rewrite_admissible(new, old):
        return True
    if new.exact == old.exact or not admissible(new, old) or not _short(new, old):
        return False
    # short texts: the same facts (at least a number or a settlement) on the same day; when the copy's facts
    # are only some of the original's, the copy is the shorter
    gap = _gap(new, old)
    same = new.numbers == old.numbers and new.days == old.days and (new.places or set()) == (old.places or set())
    # published on another day, a short report that names anyone or anything its original does not ('the Kievsky
    # district' against 'the Petrovsky district', 'Russian troops' against 'Russians') is the next report
    other_day = gap is not None and gap >= SAME_DAY and not new.facts <= old.facts
    return (gap is None or gap <= SAME_DAY) and bool(new.numbers or new.places) and (same or new.size <= old.size) \
        and not other_day and _adds_nothing(new, old)


def _rewrite_admissible(new: Fingerprint, old: Fingerprint) -> bool:
    # a one-sentence report (under SENTENCE shingles) rewritten is told apart from the next edition of a
    # templated bulletin only by its words: 'a howitzer and mortar' against 'a howitzer and vehicles'
    return new.exact != old.exact and admissible(new, old, _spared(new)) and not _short(new, old) and (
        new.size >= SENTENCE or _adds_nothing(new, old)) and (
        new.size <= COPY_GROWTH * old.size) and (
        _jaccard(new.minhash, old.minhash) < NEAR_COPY and _facts_similar(new, old) >= REWRITE_FACTS)


def compare(new: Fingerprint, old: Fingerprint,
            cosine: Callable[[], float | None] | None = None) -> tuple[CopyMethod, float] | None:
    """Whether ``new`` copies ``old``, as ``(method, score)``, or None (see the module docstring).

    Args:
        cosine: gives the cosine of the two article vectors when both fingerprints lack one; called only when
            nothing cheaper decides (``needs_vector``).
    """
    if new.exact and new.exact == old.exact:
        # the same templated bulletin published days apart is two reports: the window holds for exact text too
        gap = _gap(new, old)
        return ("minhash", 1.0) if gap is None or gap <= exact_window(new) else None
    if _is_label(new):
        return None
    if _short(new, old):
        c = _cosine(new, old, cosine) if needs_vector(new, old) else None
        return ("embedding", round(c, 3)) if c is not None and c >= SHORT_COSINE else None
    if admissible(new, old, _spared(new)):
        j = _jaccard(new.minhash, old.minhash)
        if j >= NEAR_COPY:
            return "minhash", round(j, 3)
        # |A ∩ B| = J (|A| + |B|) / (1 + J): the share of the shorter text found in the longer one
        containment = min(1.0, j * (new.size + old.size) / ((1 + j) * min(new.size, old.size)))
        # a teaser: the lead and first paragraphs of the longer one; a short article inside a page with a
        # little boilerplate left. A longer article that adds to the other is not its copy.
        if (new.size <= old.size and containment >= TEASER_CONTAINMENT
                and _jaccard(new.lead, old.lead) >= TEASER_LEAD) or (
                containment >= WRAPPED_CONTAINMENT and new.size <= COPY_GROWTH * old.size):
            return "containment", round(containment, 3)
    if _rewrite_admissible(new, old):
        c = _cosine(new, old, cosine)
        if c is not None and c >= REWRITE_COSINE:
            return "embedding", round(c, 3)
    return None


def _cosine(new: Fingerprint, old: Fingerprint, cosine: Callable[[], float | None] | None) -> float | None:
    if new.vector is not None and old.vector is not None:
        return float(new.vector @ old.vector)
    return cosine() if cosine is not None else None


class FingerprintSource(Protocol):
    """Where earlier fingerprints (and the texts to embed them from) live: ``CopyIndex`` in memory, or the store."""

    def candidates(self, keys: Sequence[int]) -> list[str]: ...
    def fingerprint(self, article_id: str) -> Fingerprint | None: ...
    def original_of(self, article_id: str) -> str | None: ...
    def text_of(self, article_id: str) -> str | None: ...
    def set_vector(self, article_id: str, vector: np.ndarray) -> None: ...


@dataclass
class CopyIndex:
    """In-memory LSH buckets, fingerprints and texts, in the order articles were added."""

    _buckets: dict[int, list[str]] = field(default_factory=dict)
    _prints: dict[str, Fingerprint] = field(default_factory=dict)
    _originals: dict[str, str] = field(default_factory=dict)
    _seq: dict[str, int] = field(default_factory=dict)
    _texts: dict[str, str] = field(default_factory=dict)

    def add(self, fp: Fingerprint, original_id: str | None = None, text: str | None = None) -> None:
        """Index a fingerprint; ``original_id`` when the article is itself a copy, ``text`` to embed it later."""
        if fp.article_id in self._prints:
            return
        self._prints[fp.article_id] = fp
        self._seq[fp.article_id] = len(self._seq)
        if original_id:
            self._originals[fp.article_id] = original_id
        if text is not None:
            self._texts[fp.article_id] = text
        for k in fp.keys():
            self._buckets.setdefault(k, []).append(fp.article_id)

    def candidates(self, keys: Sequence[int]) -> list[str]:
        """Ids sharing at least one key, first-added first."""
        found = {aid for k in keys for aid in self._buckets.get(k, ())}
        return sorted(found, key=self._seq.__getitem__)

    def fingerprint(self, article_id: str) -> Fingerprint | None:
        return self._prints.get(article_id)

    def original_of(self, article_id: str) -> str | None:
        return self._originals.get(article_id)

    def text_of(self, article_id: str) -> str | None:
        return self._texts.get(article_id)

    def set_vector(self, article_id: str, vector: np.ndarray) -> None:
        if article_id in self._prints:
            self._prints[article_id] = replace(self._prints[article_id], vector=vector)


_STRENGTH = {"minhash": 2, "containment": 1, "embedding": 0}


@dataclass
class CopyDetector:
    """Finds, for each new article, the first-seen article it copies.

    Args:
        embedder: encodes article vectors; its model loads only when a pair needs a vector.
    """

    embedder: Embedder = field(default_factory=Embedder)
    embedded: int = 0       # article vectors computed so far (for benchmarks)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Article vectors for ``texts`` (loads the model on first use)."""
        self.embedded += len(texts)
        return article_vectors(self.embedder, texts)

    def embed_where_needed(self, prints: Sequence[Fingerprint], texts: Sequence[str]) -> list[Fingerprint]:
        """``prints`` with a vector for each article that some pair among them needs one for (``needs_vector``),
        all embedded in one batch; the others are left without one."""
        index = CopyIndex()
        first: dict[str, int] = {}      # article id -> index of its first fingerprint in prints
        need: set[int] = set()
        for i, fp in enumerate(prints):
            for aid in index.candidates(fp.search_keys()):
                old = index.fingerprint(aid)
                if aid != fp.article_id and old is not None and needs_vector(fp, old):
                    need.update((i, first[aid]))
            first.setdefault(fp.article_id, i)
            index.add(fp)
        order = sorted(need)
        out = list(prints)
        for i, vector in zip(order, self.embed([texts[i] for i in order]) if order else ()):
            out[i] = replace(out[i], vector=vector)
        return out

    def find(self, fp: Fingerprint, source: FingerprintSource, text: str | None = None) -> Match | None:
        """The best match of ``fp`` among earlier articles, pointing at the first-seen original, or None.

        ``text`` (the new article's cleaned text) lets a vector be computed when a pair needs one; see ``check``.
        """
        return self.check(fp, source, text)[0]

    def check(self, fp: Fingerprint, source: FingerprintSource,
              text: str | None = None) -> tuple[Match | None, Fingerprint]:
        """The best match of ``fp`` (as ``find``) and ``fp`` with its vector, if one had to be computed.

        A candidate is compared only when it is another article and its chain's original is not ``fp``'s
        article; a match with a copy holds only if ``fp`` is also admissible against that copy's original.
        Vectors of earlier articles computed here are handed back to ``source`` to keep.
        """
        best: Match | None = None
        for aid in source.candidates(fp.search_keys()):          # first seen first
            root = source.original_of(aid) or aid
            if fp.article_id in (aid, root):
                continue
            old = source.fingerprint(aid)
            if old is None:
                continue

            def cosine(old: Fingerprint = old) -> float | None:
                nonlocal fp
                if fp.vector is None and text is not None:
                    fp = replace(fp, vector=self.embed([text])[0])
                if old.vector is None and (old_text := source.text_of(old.article_id)):
                    vector = self.embed([old_text])[0]
                    old = replace(old, vector=vector)
                    source.set_vector(old.article_id, vector)
                return None if fp.vector is None or old.vector is None else float(fp.vector @ old.vector)

            found = compare(fp, old, cosine)
            if found is not None and root != aid:
                origin = source.fingerprint(root)
                if origin is not None and not admissible(fp, origin, _spared(fp)) and fp.exact != origin.exact:
                    found = None
            # a near-copy beats a teaser beats a rewrite; among equals the first seen wins
            if found is not None and (best is None or _STRENGTH[found[0]] > _STRENGTH[best.method]):
                best = Match(fp.article_id, root, found[0], found[1])
        return best, fp
