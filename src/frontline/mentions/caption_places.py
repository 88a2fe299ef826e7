"""Caption places: the settlement a short caption opens with, which the model leaves untagged.

An investigator's caption names its town first, as a label ('Malovarvarivka: destroyed bridge', 'chernigov, bridge
over the river blown') or as the modifier of what it shows ('Trostyanets railway station, abandoned artillery',
'Severodonetsk Azot chemical plant burning'). ``label_towns`` reads these as place entities for ``find_places``;
only in a caption (a text of a few words), only for a name that is exactly a Ukrainian settlement's, and, in lower
case or as a modifier, only for a town big enough that a common word or a surname is unlikely to be it. A
capitalised village's name that is the subject of the participle the caption reports ('Staromaiorske liberated') is
read too, even where the model tagged it as an organisation.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from frontline.geo.gazetteer import Gazetteer
from frontline.nlp.syntax import SPEECH_LEMMAS

__all__ = ["LABEL_MARKS", "label_towns", "lettered"]

LABEL_MARKS = frozenset({":", "-", "–", "—", ","})
CAPTION_WORDS = 40              # a text this short is a caption: a town's name opening it is where it shows
LOWER_CASE_POPULATION = 1_000   # a town written in lower case (or only as a modifier) is read only when this big ...
LOWER_CASE_MIN = 5              # ... and its name this long
# The dependency relations of a name that qualifies the noun after it ('Trostyanets railway station')
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nsubj"})


def lettered(tok: Token) -> bool:
    """Letters only, or letters with the apostrophes of a transliterated soft sign ('vil'nyans'k')."""
    return tok.is_alpha or (tok.text[:1].isalpha() and tok.text.replace("'", "").replace("’", "").isalpha())


def label_towns(doc: Doc, gazetteer: Gazetteer, given_names: frozenset[str]) -> list[Span]:
    """The settlement each caption line opens with, as a place entity (one to three words):

    - a label before a colon, dash or comma, capitalised ('Malovarvarivka: destroyed bridge') and exactly a
      Ukrainian settlement's name, or in lower case ('chernigov, bridge blown') and a town's;
    - a capitalised name that qualifies the noun after it ('Trostyanets railway station, ...', 'Severodonetsk Azot
      chemical plant burning'), exactly a Ukrainian town's name.

    Never a given name, never a word the model tagged as part of an entity; only in a text of a few words.
    """
    if sum(t.is_alpha for t in doc) > CAPTION_WORDS:
        return []
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for end in range(min(start + 3, sent.end - 1), start, -1):
            words = doc[start:end]
            if not all(lettered(t) for t in words) or words.text.lower() in given_names:
                continue
            if not _untagged(words):
                if _reported_subject(words, gazetteer, tagged=True):
                    out.append(Span(doc, start, end, label="GPE"))
                    break
                continue
            if _label(words, doc[end], gazetteer) or _modifier(words, doc[end], gazetteer) or \
                    _reported_subject(words, gazetteer):
                out.append(Span(doc, start, end, label="GPE"))
                break
    return out


def _untagged(words: Span) -> bool:
    """Whether the model's entities leave the words to be read: none touches them, or one that does is cut
    wrong, a part of the name ('nyzhnia' of 'nyzhnia duvanka') or running past the label mark into the
    caption ('Orlovka - Russian' tagged as a person)."""
    for ent in words.doc.ents:
        if ent.end <= words.start or ent.start >= words.end:
            continue
        part = ent.start >= words.start and ent.end <= words.end and len(ent) < len(words)
        past = ent.start >= words.start and ent.end > words.end and ent.label_ != "GPE" and \
            words.doc[words.end].text in LABEL_MARKS
        if not (part or past):
            return False
    return True


def _label(words: Span, mark: Token, gazetteer: Gazetteer) -> bool:
    if mark.text not in LABEL_MARKS:
        return False
    # (capitalised, not is_title: "Nikol's’ke" has letters after its apostrophes)
    if all(t.text[:1].isupper() for t in words):
        return any(p.kind == "settlement" and p.country_code == "UA"
                   for p, c in gazetteer.match(words.text, fuzzy=False) if c >= 0.95)
    return all(t.is_lower and not t.is_stop for t in words) and _a_town(words, gazetteer)


def _modifier(words: Span, after: Token, gazetteer: Gazetteer) -> bool:
    """'Trostyanets railway station': a capitalised name that hangs on the noun right after it."""
    last = words[-1]
    if not all(t.text[:1].isupper() for t in words) or after.pos_ not in ("NOUN", "PROPN") or \
            not after.text[:1].isalpha() or last.dep_ not in _MODIFIER_DEPS or last.head.i <= last.i:
        return False
    return _a_town(words, gazetteer)


def _reported_subject(words: Span, gazetteer: Gazetteer, tagged: bool = False) -> bool:
    """'Staromaiorske liberated', 'Urozhaine shelled': a capitalised name, exactly a Ukrainian settlement's, that is
    the subject of the participle the caption reports. The model may tag it as an organisation; only an entity
    that is exactly these words is overridden (never a person's)."""
    last, doc = words[-1], words.doc
    if not all(t.text[:1].isupper() and not t.is_stop for t in words) or len(words.text) < LOWER_CASE_MIN or \
            last.dep_ not in ("nsubj", "nsubjpass") or last.pos_ != "PROPN" or \
            last.head.tag_ not in ("VBN", "VBD") or last.head.i <= last.i or last.head.dep_ != "ROOT" or \
            last.head.lemma_.lower() in SPEECH_LEMMAS or \
            any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in last.head.children):
        # 'Shevchenko said', 'Police detained 12 people': someone acting, not a place something befell
        return False
    if tagged and not all(ent.start == words.start and ent.end == words.end and ent.label_ in ("ORG", "NORP", "FAC")
                          for ent in doc.ents if ent.start < words.end and ent.end > words.start):
        return False
    return any(p.kind == "settlement" and p.country_code == "UA"
               for p, c in gazetteer.match(words.text, fuzzy=False) if c >= 0.95)


def _a_town(words: Span, gazetteer: Gazetteer) -> bool:
    """Exactly a Ukrainian settlement's name (a GeoNames name or a generated rendering) of a town big enough."""
    if len(words.text.replace(" ", "")) < LOWER_CASE_MIN:
        return False
    return any(p.kind == "settlement" and p.country_code == "UA" and p.population >= LOWER_CASE_POPULATION
               for p, c in gazetteer.match(words.text, fuzzy=False) if c >= 0.95)
