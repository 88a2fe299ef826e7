"""Which language an article is written in, as an ISO 639-1 code.

The detector is py3langid (a fork of langid.py that ships its model inside the wheel, so nothing is
downloaded at run time). It is wrapped here so the rest of frontline depends on one small interface:
``LanguageDetector.detect(text) -> Guess`` and ``LanguageDetector.is_english(text)``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import numpy as np

from frontline.errors import ResourceError

__all__ = ["Guess", "LanguageDetector", "MIN_WORDS", "in_capitals"]

log = logging.getLogger(__name__)

#: Below this many words a statistical guess is weak evidence: names and numbers dominate short texts.
MIN_WORDS = 20
#: A guess must be at least this sure before a long text is called non-English.
MIN_CONFIDENCE = 0.9
#: The detector looks at this many characters: enough to be sure, cheap on very long inputs.
SAMPLE_CHARS = 6000


@dataclass(frozen=True, slots=True)
class Guess:
    """A language guess: ISO 639-1 ``code`` (None: no guess), ``confidence`` (0..1) and whether it is ``reliable``."""

    code: str | None
    confidence: float
    reliable: bool


class LanguageDetector:
    """Guess the language of a text; load once and pass around (the model takes ~0.3 s to load)."""

    def __init__(self) -> None:
        """Load py3langid's bundled model.

        Raises:
            ResourceError: py3langid is not installed or its model file cannot be loaded.
        """
        try:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier
            self._identifier: Any = LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)
        except Exception as exc:  # any failure here means the same thing to the caller
            raise ResourceError(
                f"cannot load the language model of py3langid ({exc}); reinstall it with "
                "'pip install \"py3langid>=0.3,<0.5\"'") from exc

    def detect(self, text: str) -> Guess:
        """Guess the language of ``text``.

        Returns:
            A ``Guess``. ``reliable`` is False for short texts (fewer than ``MIN_WORDS`` words) unless
            most of their letters are in a non-Latin script, and for low-confidence guesses.
        """
        sample = text[:SAMPLE_CHARS]
        if 0 < _non_latin_share(sample) < 0.5:
            # a stray Cyrillic letter, word or quote in Latin-script text ('Dаmage' with a Cyrillic 'а', a
            # Ukrainian quote at the end) sways the n-gram model towards any language: judge the Latin part
            sample = _latin_only(sample)
        try:
            # the model learnt its letter n-grams from mixed-case text: an all-capitals copy (a PDF of a
            # headline-style page, a wire in capitals) reads as another language unless lowered first
            # float32 counts: with py3langid's default integer counts, numpy turned its 7480 x 97 float32 table
            # into float64 on every call (3.5 ms a text; 1.0 ms so, the same guesses and probabilities)
            code, prob = self._identifier.classify(sample.lower() if in_capitals(sample) else sample,
                                                   datatype=np.float32)
        except Exception:  # a failed guess must not stop reading; the text is kept as English
            log.warning("language detection failed; treating the text as English", exc_info=True)
            return Guess(code=None, confidence=0.0, reliable=False)
        confidence = float(prob)
        words = len(sample.split())
        if words < MIN_WORDS:
            # A handful of Latin-script words (names, a headline) says little; a text that is mostly
            # Cyrillic, Greek, Arabic ... is certainly not English however short it is.
            reliable = _non_latin_share(sample) > 0.5
        else:
            reliable = confidence >= MIN_CONFIDENCE
        return Guess(code=str(code), confidence=confidence, reliable=reliable)

    def is_english(self, text: str) -> tuple[bool, Guess]:
        """Whether ``text`` should be read as English: anything but a reliable non-English guess is.

        Returns:
            ``(english, guess)``.
        """
        guess = self.detect(text)
        return (guess.code == "en" or not guess.reliable), guess


def in_capitals(text: str) -> bool:
    """Whether ``text`` is set in capitals: more than 60 % of its cased letters are upper-case."""
    cased = [c for c in text if c.isupper() or c.islower()]
    return bool(cased) and sum(c.isupper() for c in cased) > 0.6 * len(cased)


def _non_latin_share(text: str) -> float:
    """The share of letters in ``text`` outside the Latin script (0 when it has no letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    # Latin letters, including accented ones, all sit below U+0250 (end of IPA extensions) or in
    # Latin Extended Additional (U+1E00-U+1EFF).
    latin = sum(1 for c in letters if _is_latin(c))
    return 1 - latin / len(letters)


def _is_latin(c: str) -> bool:
    return ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF


def _latin_only(text: str) -> str:
    """``text`` without its letters outside the Latin script."""
    return "".join(c for c in text if not c.isalpha() or _is_latin(c))
