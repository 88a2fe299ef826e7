"""Spotting a synonym-spun rewrite and reading it back in plain words.

Article spinners swap words for dictionary synonyms that no reporter would use: 'troopers' for troops,
'struggle' for war, 'preventing' for fighting, '12 months' for year, 'metropolis' for city. One such word
proves nothing ('the past 12 months' is plain English), so a text counts as spun only when the swaps are
dense and several different ones occur, the strongest being the collocations a writer never makes ('a 12
months', 'their prepare', 'in Could', 'fighting was persevering').

The lexicon below is hand-written from the substitutions spinners are known for (no installed package has
one); each entry is a pattern, the word it stands for, and a weight for how odd it is in news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frontline.clean.engine import Edit
from frontline.sources.language import in_capitals

__all__ = ["SpinHit", "spin_hits", "spin_verdict", "normalise_spin", "SpinVerdict"]

_DET = r"(?:the|a|an|their|his|her|our|its|this|that|each|every|final|last|next|previous|past)"

# (pattern, plain reading, weight). The reading may use the pattern's groups; weights: 1.0 a swap no writer
# makes, 0.5 odd in war reporting, 0.25 possible in plain English.
_LEXICON: tuple[tuple[str, str, float], ...] = (
    (r"\btroopers\b", "troops", 1.0),
    (r"\bmetropolis\b", "city", 1.0),
    (r"\bpersevering(?: with)?\b", "continuing", 1.0),
    (r"\bthe important thing\b", "the key", 1.0),
    (r"\bone other\b", "another", 0.5),
    (rf"\b({_DET}) prepare\b", r"\1 train", 1.0),
    (r"\b(of|on|official|annual|sick) go away\b", r"\1 leave", 1.0),
    (r"\bin Could\b", "in May", 1.0),
    (r"\bwith their toes\b", "with their feet", 1.0),
    (r"\b(a|an|one|per) 12 months\b", r"\1 year", 1.0),
    (r"\b(the|this|that|last|next|final|previous|past) 12 months\b", r"\1 year", 0.25),
    (r"\b(to|will|would|can|could) struggle\b", r"\1 fight", 0.5),
    (r"\bstruggle\b", "war", 0.5),
    (r"\b(the|of|from|been|was|were|heavy|fierce) preventing\b", r"\1 fighting", 1.0),
    (r"\bpreventing(?= (?:was|is|were|continued|continues|in|within|around|near|on)\b)", "fighting", 1.0),
    (r"\bthe entrance\b(?! (?:to|of|hall|door|gate|fee)\b)", "the front", 0.5),
    (r"\b(US|American|Western|senior) officers\b", r"\1 officials", 0.5),
    (r"\b(now|to|under|beneath|Ukrainian|Russian|full|its|their|government) management\b", r"\1 control", 0.5),
    (r"\bdespatched\b", "sent", 0.25),
    (r"\bcombating\b", "fighting", 0.25),
    (r"\bmentioned(?= (?:that|it|they|he|she|on|in|\w+ing)\b)", "said", 0.25),
)
# A swap may open a sentence or a title ('Troopers evacuate'): a lower-case first letter matches either case.
_COMPILED = tuple((re.compile(re.sub(r"^\\b([a-z])", lambda m: rf"\b[{m[1]}{m[1].upper()}]", p)), r, w)
                  for p, r, w in _LEXICON)
# A copy set in capitals ('TROOPERS LOOK FORWARD') carries the same swaps: it is matched without case.
_COMPILED_ANY_CASE = tuple((re.compile(p, re.IGNORECASE), r, w) for p, r, w in _LEXICON)
_WORD = re.compile(r"\b\w+\b")

# A text is spun when its swaps weigh this much in all, per hundred words, and come in this many kinds.
MIN_SCORE = 3.0
MIN_DENSITY = 0.4
MIN_KINDS = 3
DENSE = 1.0


@dataclass(frozen=True, slots=True)
class SpinHit:
    """One spinner swap found: where it is, the words as published and their plain reading."""

    start: int
    end: int
    published: str
    reading: str
    weight: float


@dataclass(frozen=True, slots=True)
class SpinVerdict:
    """Whether a text reads as spun, and the evidence in words a user understands."""

    spun: bool
    score: float
    words: int
    hits: tuple[SpinHit, ...]

    @property
    def reason(self) -> str:
        kinds = sorted({h.published.lower() for h in self.hits})
        return (f"{len(self.hits)} spinner word swaps ({', '.join(repr(k) for k in kinds[:6])}"
                f"{', ...' if len(kinds) > 6 else ''}) weighing {self.score:.1f} in {self.words} words")


def spin_hits(text: str) -> list[SpinHit]:
    """Every lexicon swap in ``text``, left to right, none overlapping (the earlier entry wins a tie)."""
    found: list[SpinHit] = []
    taken: list[tuple[int, int]] = []
    for pattern, reading, weight in _COMPILED_ANY_CASE if in_capitals(text) else _COMPILED:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(SpinHit(m.start(), m.end(), m.group(), _cased(m.expand(reading), m.group()), weight))
    return sorted(found, key=lambda h: h.start)


def _cased(reading: str, published: str) -> str:
    if len(published) > 1 and published.isupper():
        return reading.upper()
    return reading[:1].upper() + reading[1:] if published[:1].isupper() and reading[:1].islower() else reading


def spin_verdict(text: str) -> SpinVerdict:
    """Judge ``text``: spun when the swaps are heavy, dense and of several kinds (thresholds above)."""
    hits = tuple(spin_hits(text))
    words = len(_WORD.findall(text))
    score = sum(h.weight for h in hits)
    kinds = len({h.reading.lower() for h in hits})
    density = 100 * score / words if words else 0.0
    # Two kinds of swap are enough when they are very dense (a copy spun with a short synonym list).
    spun = score >= MIN_SCORE and density >= MIN_DENSITY and (kinds >= MIN_KINDS or kinds >= 2 and density >= DENSE)
    return SpinVerdict(spun, round(score, 2), words, hits)


def normalise_spin(text: str) -> list[Edit]:
    """Map a spun text's swaps back to plain words ('troopers' -> 'troops'); a text not spun is left alone.

    The edits replace words, so the offset map still leads from the plain reading to the published words.
    """
    verdict = spin_verdict(text)
    if not verdict.spun:
        return []
    return [Edit(h.start, h.end, h.reading) for h in verdict.hits if h.reading != h.published]
