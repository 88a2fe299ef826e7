"""Quality flags for one article, each with the reason a reader can check.

Flags (vocabulary in ``models.QUALITY_FLAGS``; ``duplicate`` is set by cross-article dedup, not here):

``spun``                synonym-substituted rewrite: dense spinner swaps of several kinds (``clean.spin``)
``machine_translated``  several kinds of translation traces: proper names in lower case, names spelt
                        with foreign diacritics, continental typography, the reportative 'would'
``scraped``             a copy with a content farm's tail: author box, scraper tag, teaser excerpts cut off
``pdf_extracted``       hard line wraps inside sentences with justified doubled spaces or page breaks
``boilerplate_removed`` cleaning removed lines that were not article text (what, and how many)
``state_media``         the outlet, the URL or a credit line names a state-run outlet (RT, Sputnik, TASS, ...)
``low_quality``         too little article text, mostly boilerplate, or a heavily spun copy
"""

from __future__ import annotations

import re
from collections import Counter

from frontline.clean.spin import spin_verdict
from frontline.models import QUALITY_FLAGS, Document, RawArticle

__all__ = ["assess"]

# State-run or state-controlled outlets, as named in bylines, credits and URLs.
_STATE_MEDIA = re.compile(
    r"\b(?:RT(?:_com)?|Russia Today|rt\.com|Sputnik(?:news)?|TASS|tass\.(?:ru|com)|RIA(?: Novosti)?|ria\.ru|"
    r"Rossiya(?: ?24| Segodnya)?|Channel One Russia|1tv\.ru|Zvezda|Rossiyskaya Gazeta|RIA FAN|Xinhua|CGTN|"
    r"KCNA|BelTA|IRNA|Press TV)\b")
# A wire dateline with the agency's mark: 'MOSCOW, August 12. /TASS/.', 'KYIV, Oct 5 (Reuters) -'
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+, [A-Z][a-z]{2,}\.? \d{1,2}\.? *[(/] *([^)/\n]{2,40}?) *[)/]")
_CREDIT_WHYS = frozenset({"image credit", "photo caption", "agency tag", "embedded post", "byline",
                          "reporting credit"})

# Proper names an English writer always capitalises; written lower case they betray a translation tool.
_PROPER = ("kyiv kiev moscow ukraine russia russian russians ukrainian ukrainians american european "
           "japanese french german british chinese donetsk luhansk kharkiv kherson crimea donbas donbass "
           "putin zelensky nato washington brussels").split()
_LOWER_PROPER = re.compile(r"(?<=[a-z,;] )(?:" + "|".join(_PROPER) + r")\b")
# A capitalised name with a diacritic English transliteration never uses ('Soloné', 'Kharkïv').
_DIACRITIC_NAME = re.compile(r"\b[A-Z][a-z]*[éèêëïîöüàâç][a-z]*\b")
_LOANWORDS = frozenset({"Café", "Résumé", "Protégé", "Fiancé", "Fiancée", "Régime", "Élite"})
# Continental typography: '(…)' for a cut in a quote, a space before ':' ';' '?' '!', guillemets.
_CONTINENTAL = re.compile(r"\(…\)|\(\.\.\.\)|\w [:;?!](?=\s)|[«»]")
# The reportative conditional of Dutch 'zou', German 'soll', French conditional, kept in English: 'It would
# now be hundreds of men', 'The latter would have been the plan', outside any 'if' or reported speech.
_REPORTATIVE = re.compile(r"\bwould (?:now |also |still |already )?(?:be|have been|have)\b")
_CONDITION = re.compile(r"\b(?:if|unless|said|says|say|told|believe|thought|think|expect|could|I|we|you)\b|[“”\"]",
                        re.IGNORECASE)

_CUT_OFF = re.compile(r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])$")
_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")


def _translation_cues(text: str) -> tuple[list[str], bool]:
    """The translation traces found, and whether one of them is strong enough alone (3 reportatives)."""
    cues = []
    lower = _LOWER_PROPER.findall(text)
    if lower:
        cues.append(f"proper names in lower case ({', '.join(sorted(set(lower))[:4])})")
    foreign = sorted({w for w in _DIACRITIC_NAME.findall(text) if w not in _LOANWORDS})
    if foreign:
        cues.append(f"names spelt with foreign diacritics ({', '.join(foreign[:4])})")
    typography = _CONTINENTAL.findall(text)
    if typography:
        cues.append(f"continental typography ({', '.join(sorted(set(t.strip() for t in typography))[:3])})")
    reportative = [s for s in _SENTENCE.findall(text) if _REPORTATIVE.search(s) and not _CONDITION.search(s)]
    if len(reportative) >= 2:
        cues.append(f"{len(reportative)} sentences in the reportative 'would' of a translated report")
    return cues, len(reportative) >= 3


def _pdf_cues(raw: str, document: Document) -> list[str]:
    raw_breaks = raw.count("\n")
    joined = raw_breaks - document.text.count("\n") - sum(raw[s:e].count("\n") for s, e, _ in document.removed)
    if joined < 5 or joined < 0.3 * max(1, len([ln for ln in raw.split("\n") if ln.strip()])):
        return []
    extra = []
    doubled = len(re.findall(r"\w[,.]?  +\w", raw))
    if doubled >= 3:
        extra.append(f"{doubled} doubled spaces of justified type")
    if "\x0c" in raw:
        extra.append("page breaks")
    if re.search(r"\w-\n[a-z]", raw):
        extra.append("words hyphenated across lines")
    return [f"{joined} hard line breaks inside sentences", *extra] if extra else []


def assess(raw: RawArticle, document: Document) -> tuple[tuple[str, str], ...]:
    """The quality flags of one cleaned article, each as ``(flag, reason)``, in ``QUALITY_FLAGS`` order."""
    found: dict[str, str] = {}
    published = document.published(0, len(document.text))
    words = len(published.split())

    verdict = spin_verdict(published)
    if verdict.spun:
        found["spun"] = verdict.reason

    cues, strong = _translation_cues(published)
    if len(cues) >= 2 or strong:
        found["machine_translated"] = "; ".join(cues)

    removed = Counter(why for _, _, why in document.removed)
    last_kept = document.offsets[-2] if len(document.offsets) > 1 else 0
    # A news site's own page ends in teasers too; a content farm's copy shows its theme: an author box, a
    # scraper's tag, teasers cut off mid-sentence ('They …').
    cut = sum(1 for s, e, why in document.removed
              if why == "teaser" and s > last_kept and _CUT_OFF.search(document.raw[s:e].rstrip()))
    scraper = [f"{n} {why} line{'s' if n > 1 else ''}" for why, n in sorted(removed.items())
               if why in ("author box", "scraper tag")]
    if cut:
        scraper.append(f"{cut} teaser excerpt{'s' if cut > 1 else ''} cut off after the article")
    if scraper:
        found["scraped"] = "a scraper's tail: " + ", ".join(scraper)

    pdf = _pdf_cues(document.raw, document)
    if pdf:
        found["pdf_extracted"] = ", ".join(pdf)

    if removed:
        lines = sum(removed.values())
        found["boilerplate_removed"] = (f"{lines} line{'s' if lines != 1 else ''} removed: "
                                        + ", ".join(f"{n} {why}" for why, n in sorted(removed.items())))

    state = _state_media(raw, document)
    if state:
        found["state_media"] = state

    low = []
    if words < 60:
        low.append(f"only {words} words of article text")
    removed_chars = sum(e - s for s, e, _ in document.removed)
    if removed_chars > len(document.text):
        low.append(f"more boilerplate ({removed_chars} characters) than article text ({len(document.text)})")
    if verdict.spun and len(verdict.hits) >= 10:
        low.append(f"heavily spun ({len(verdict.hits)} word swaps): meaning may be distorted")
    if low:
        found["low_quality"] = "; ".join(low)
    return tuple((flag, found[flag]) for flag in QUALITY_FLAGS if flag in found)


def _state_media(raw: RawArticle, document: Document) -> str | None:
    """Why the article counts as state media: its outlet, its URL or a credit line names one."""
    for what, value in (("outlet", raw.source), ("URL", raw.url)):
        m = _STATE_MEDIA.search(value or "")
        if m:
            return f"{what} {value!r} is the state-run {m.group()}"
    dateline = _DATELINE.match(document.text)
    if dateline is not None and (m := _STATE_MEDIA.fullmatch(dateline.group(1))):
        return f"dateline {dateline.group()!r} names the state-run {m.group()}"
    for start, end, why in document.removed:
        line = " ".join(document.raw[start:end].split())
        m = _STATE_MEDIA.search(line) if why in _CREDIT_WHYS else None
        if m:
            return f"{why} {line!r} names the state-run {m.group()}"
    return None
