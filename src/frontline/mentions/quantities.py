"""Quantities: numbers that count something ('around 2,000 Ukrainian troops', '85% of the Donbas').

Each number phrase found in the text gets what it counts (the noun it modifies, normalised to a plural:
'soldiers', 'border guards', 'percent'), the role the sentence gives it (the verb or adjective the
dependency parse attaches it to: 'surrounded', 'killed', 'deserted'), and whether it is approximate
('around', 'up to', 'dozens').

Number words are read by ``text2num`` (a maintained parser for written-out numbers); fractions of a scale
('a quarter of a million', the spun '1 / 4 of one million') and vague plurals are handled here because no
parser reads them. Vague plurals follow one documented convention: the smallest amount the plural allows,
two of the unit, marked approximate ('dozens' = 24, 'hundreds' = 200, 'tens of thousands' = 20,000).

Not quantities: years, dates, times, ages ('under the age of 25'), durations ('20 days', 'five weeks'),
distances, ordinals, 'one' without a noun right after it, and money other than aid.
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc, Span, Token
from text_to_num import text2num

from frontline.models import Quantity, QuantityMention

__all__ = ["find_quantities", "parse_number"]

logger = logging.getLogger(__name__)

# --- number phrases -----------------------------------------------------------------------------------
_UNIT_WORDS = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
               "|sixteen|seventeen|eighteen|nineteen")
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SCALE_WORDS = "hundred|thousand|million|billion"
_WORD = rf"(?:(?:{_TENS_WORDS})(?:-(?:{_UNIT_WORDS}))?|{_UNIT_WORDS}|{_SCALE_WORDS})"
_NUMBER = (
    rf"(?P<frac>(?:(?:a|one) )?(?P<part>quarter|half|third)(?: of)? (?:a |one )(?P<fscale>{_SCALE_WORDS})"
    rf"|half a (?P<hscale>{_SCALE_WORDS})"
    rf"|(?P<num>\d+) ?/ ?(?P<den>\d+) (?:of )?(?:a |one )?(?P<dscale>{_SCALE_WORDS}))"
    r"|(?P<vague>(?P<vmult>tens|dozens|hundreds|scores)(?: of (?P<vof>thousands|millions))?|thousands|millions"
    r"|(?:several|a few) (?:dozen|hundred|thousand|million))"
    rf"|(?P<ascale>an? (?:dozen|{_SCALE_WORDS}))"
    r"|(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?: ?(?P<dsfx>hundred|thousand|million|billion|bn|mn)\b|(?P<gsfx>m|k)\b)?"
    rf"|(?P<words>{_WORD}(?:(?: and | |-){_WORD})*)"
)
_PHRASE = re.compile(rf"(?<![\w.,/-])(?P<cur>[$€£])?(?:{_NUMBER})(?P<pct> ?%| percent| per cent)?(?![\w])",
                     re.IGNORECASE)
_FULL_NUMBER = re.compile(rf"(?:{_NUMBER})", re.IGNORECASE)

_SCALES = {"dozen": 12, "score": 20, "scores": 20, "ten": 10, "tens": 10, "hundred": 100, "thousand": 1000,
           "million": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000,
           "k": 1000}
_FRACTIONS = {"quarter": 0.25, "half": 0.5, "third": 1 / 3}
_APPROX_BEFORE = re.compile(
    r"(?<![\w])(?:around|round|about|some|roughly|approximately|almost|nearly|up to|more than|over|well over|"
    r"at least|at the least|close to|just over|just under|less than|fewer than|under|as many as|"
    r"an estimated|estimated|upwards of|in excess of)\s+$", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"(?<![\w])(?:age[sd]?(?: of)?|aged(?: between)?|ages? between)\s+$", re.IGNORECASE)
# Ages, clock times, and hyphenated compounds ('three-day', '155-mm', '9-Ukraine') other than '2,000-strong'.
_AFTER_REJECT = re.compile(r" years? old|:\d\d| ?[ap]\.?m\b| o'clock| GMT| hrs\b|-(?!strong\b)[A-Za-z]")
_MONTH = ("(?:January|February|March|April|May|June|July|August|September|October|November|December"
          "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_MONTH_BEFORE = re.compile(rf"{_MONTH}\.? $")
_MONTH_AFTER = re.compile(rf"(?:th|st|nd|rd)?(?: of)? {_MONTH}\b")

# --- what is counted ----------------------------------------------------------------------------------
# Units that measure time, distance or weight: such numbers are durations or measures, not counts.
_MEASURES = frozenset(
    "second minute hour day night week month year decade century km kilometer kilometre mile meter metre "
    "m kg kilogram ton tonne degree time am pm".split())
# Synonyms and synonym-spinner swaps ('troopers' for soldiers, 'circumstances' for cases) folded to the
# word a reader of war reporting expects.
_UNIT_SYNONYMS = {
    "troopers": "soldiers", "servicemen": "soldiers", "servicemembers": "soldiers", "militants": "fighters",
    "folks": "people", "persons": "people", "individuals": "people", "youngsters": "children",
    "kids": "children", "circumstances": "cases", "%": "percent", "per cent": "percent",
}
_IRREGULAR_PLURALS = {"person": "people", "child": "children", "man": "men", "woman": "women",
                      "serviceman": "servicemen", "policeman": "policemen"}
_CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "dollar": "USD", "euro": "EUR", "pound": "GBP",
               "hryvnia": "UAH", "hryvnias": "UAH", "rouble": "RUB", "ruble": "RUB"}
_CORPSES = frozenset({"body", "corpse"})
# A number the death toll is said to reach, with no sentence break between: 'Death toll from shelling in
# Donetsk rises to 2', 'the toll has climbed to 45', 'a death toll of 12'.
_TOLL_BEFORE = re.compile(r"\btolls?\b[^.;!?]{0,100}?\b(?:to|at|of|reached|reaches|hit|hits|is|was)\s+"
                          r"(?:at least |more than |over |nearly |almost |about |around )?$", re.I)
_AID_WORDS = re.compile(r"\b(?:aid|assistance|package|pledge[ds]?|donat\w*|funding|loan|grant)\b", re.IGNORECASE)

# --- roles --------------------------------------------------------------------------------------------
# A hand-written lexicon on purpose: the roles are this project's event vocabulary, not a general
# semantic-role inventory, and a reviewer can read the whole mapping at once.
_HARM_ROLES = frozenset({"killed", "injured"})
_NOT_HARMED = frozenset({"settlements", "localities", "villages", "towns", "cities", "times", "attacks", "strikes",
                         "airstrikes", "shells", "drones", "missiles", "vehicles", "tanks", "percent", "regions",
                         "cases", "buildings", "houses"})
_VERB_ROLES = {
    "kill": "killed", "die": "killed", "slay": "killed", "perish": "killed", "execute": "killed",
    "succumb": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured",
    "evacuate": "evacuated", "desert": "deserted", "defect": "deserted",
    "surround": "surrounded", "encircle": "surrounded", "trap": "surrounded", "besiege": "surrounded",
    "capture": "captured", "seize": "captured",
    "control": "controlled", "hold": "controlled", "occupy": "controlled",
    "recapture": "recaptured", "retake": "recaptured", "recover": "recaptured", "liberate": "recaptured",
    "arrive": "arrived", "detain": "detained", "arrest": "detained", "flee": "fled", "escape": "fled",
    "surrender": "surrendered", "release": "released", "free": "released", "exchange": "exchanged",
    "swap": "exchanged", "mobilise": "mobilised", "mobilize": "mobilised", "conscript": "mobilised",
    "draft": "mobilised", "deploy": "deployed", "send": "deployed", "displace": "displaced",
    "uproot": "displaced", "destroy": "destroyed", "rescue": "rescued",
}
_ADJ_ROLES = {"dead": "killed", "killed": "killed", "injured": "injured", "wounded": "injured",
              "missing": "missing", "awol": "deserted", "captive": "captured", "displaced": "displaced"}
_NOUN_ROLES = {"death": "killed", "fatality": "killed", "injury": "injured", "desertion": "deserted",
               "evacuation": "evacuated", "arrest": "detained", "detention": "detained",
               "encirclement": "surrounded", "surrender": "surrendered", "capture": "captured"}
# Military casualty abbreviations: '1 KIA, 2 WIA's' counts soldiers killed and wounded.
_CASUALTY_ABBREVIATIONS = {"kia": "killed", "wia": "injured", "mia": "missing", "pow": "captured"}
_SUFFER_VERBS = frozenset({"receive", "sustain", "suffer", "get"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "attr", "oprd", "dative", "ROOT"})
_TRANSPARENT_PREPS = frozenset({"including", "among", "of"})


def parse_number(text: str) -> float | None:
    """Read a number written in digits or words: '2,000', 'seventy', 'a quarter of a million', 'dozens'.

    Returns:
        The value (vague plurals by this module's convention, e.g. 'dozens' = 24), or None when the text
        is not a number phrase.
    """
    m = _FULL_NUMBER.fullmatch(text.strip())
    return _value(m)[0] if m else None


def find_quantities(doc: Doc) -> list[QuantityMention]:
    """Find the numbers that count something in a parsed text.

    Args:
        doc: a parsed ``Doc`` (tagger, parser and NER are used).

    Returns:
        Quantity mentions in text order; offsets are into ``doc.text``.
    """
    mentions = []
    text = doc.text      # Doc.text rebuilds the string on every access: read it once
    for m in _PHRASE.finditer(text):
        mention = _mention(doc, text, m)
        if mention is None:
            logger.debug("not a count: %r", m.group())
        else:
            mentions.append(mention)
    counted = [(q.start, q.end) for q in mentions]
    singles = [q for q in _single_victims(doc) if not any(a < q.end and q.start < b for a, b in counted)]
    return sorted(mentions + singles, key=lambda q: q.start)


# People named one at a time as victims: 'killing a woman', 'a 45-year-old man was injured'.
_PERSON_NOUNS = frozenset(
    "woman man child boy girl baby infant teenager civilian resident pensioner person soldier serviceman "
    "servicewoman officer policeman volunteer journalist medic doctor nurse driver worker employee farmer "
    "rescuer firefighter fighter militant guard official commander pilot passenger pedestrian cyclist student "
    "priest activist villager collaborator deputy mayor fisherman victim".split())
# Person nouns that, bare, name a headline's source rather than a victim.
_SPEAKING_NOUNS = frozenset("official commander deputy mayor priest activist collaborator".split())
# 'a couple' harmed is two people ('A couple travelling by car were killed').
_PAIR_NOUNS = frozenset({"couple"})


def _single_victims(doc: Doc) -> list[QuantityMention]:
    """'a woman' / 'an elderly man' killed or injured: a count of one, when the sentence harms that person.

    Numbers in words and digits are read by the phrase pattern; an indefinite article before a person noun, or a
    headline's bare singular ('Woman killed in ...'), is a count too, but only as a victim ('a soldier said'
    counts nobody).
    """
    out = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        pair = lemma in _PAIR_NOUNS
        if tok.pos_ != "NOUN" or not (pair or lemma in _PERSON_NOUNS) or tok.tag_ in ("NNS", "NNPS"):
            continue
        first = _lone_person(tok)
        if first is None or pair and first.lower_ not in ("a", "an"):
            continue
        role = _role(tok, doc[first.i:first.i + 1])
        if role not in _HARM_ROLES:
            continue
        start, end = first.idx, tok.idx + len(tok)
        quantity = Quantity(value=2.0 if pair else 1.0, unit="people" if pair else _unit(tok, True), role=role,
                            approximate=False, text=doc.text[start:end])
        out.append(QuantityMention(start=start, end=end, quantity=quantity))
    return out


def _lone_person(tok: Token) -> Token | None:
    """The first token of a phrase naming one person: 'a woman', or a headline's bare 'Woman killed in ...'.

    A bare singular person noun, with no determiner, possessive, number or compound of its own, is one person in
    a headline's clipped grammar ('Teenager wounded', 'shelling kills pensioner'); 'soldier families' names no
    victim. 'The man' harmed is one person the text told of before ('shot a civilian man ... The man was
    killed'): it counts one, and where an earlier sentence already counted him, a second telling of one event's
    dead restates its count (``events.tolls.merge_counts`` keeps the larger), so he is not counted twice.
    """
    det = [c for c in tok.children if c.dep_ in ("det", "poss", "nummod", "predet")]
    if det:
        return det[0] if len(det) == 1 and det[0].lower_ in ("a", "an", "the", "another") else None
    if tok.dep_ in ("compound", "npadvmod", "appos") or tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("of", "per"):
        return None
    # a bare 'official' or 'commander' closing a headline is its source ('Mines kill two civilians: official')
    return None if tok.lemma_.lower() in _SPEAKING_NOUNS else tok


def _value(m: re.Match[str]) -> tuple[float | None, bool]:
    """The value of a number phrase, and whether the phrase itself is vague ('dozens')."""
    if m["frac"]:
        if m["part"]:
            return _FRACTIONS[m["part"].lower()] * _SCALES[m["fscale"].lower()], False
        if m["hscale"]:
            return 0.5 * _SCALES[m["hscale"].lower()], False
        den = int(m["den"])
        return (int(m["num"]) / den * _SCALES[m["dscale"].lower()], False) if den else (None, False)
    if m["vague"]:
        words = m["vague"].lower().split()
        if words[0] in ("several", "a"):
            return 3.0 * _SCALES[words[-1]], True
        value = 2.0 * _SCALES[words[0].rstrip("s") if words[0] != "tens" else "tens"]
        if m["vof"]:
            value *= _SCALES[m["vof"].lower().rstrip("s")]
        return value, True
    if m["ascale"]:
        return float(_SCALES[m["ascale"].lower().split()[1]]), False
    if m["digits"]:
        value = float(m["digits"].replace(",", ""))
        suffix = m["dsfx"] or m["gsfx"]
        return value * _SCALES[suffix.lower()] if suffix else value, False
    words = m["words"].lower()
    for candidate in (words, words.split(" and ")[0]):
        try:
            return float(text2num(candidate, "en")), False
        except ValueError:
            continue
    return None, False


def _mention(doc: Doc, text: str, m: re.Match[str]) -> QuantityMention | None:
    """Turn one number phrase into a mention, or None when it counts nothing."""
    value, vague = _value(m)
    if value is None:
        return None
    start, end = m.span()
    number = doc.char_span(start, end, alignment_mode="expand")
    if number is None or len(number) == 0 or _is_not_a_count(m, number, text):
        return None
    percent = bool(m["pct"])
    noun = None if percent else _counted_noun(number)
    if noun is not None and noun.lemma_.lower() in _MEASURES and not _is_area(noun):
        return None
    role = _role(noun if noun is not None else number[-1], number)
    if m["words"] and m["words"].lower() == "one" and (noun is None or noun.i != number[-1].i + 1) and not (
            role in _HARM_ROLES and _harmed_one(number, text, end)):
        return None    # 'one of them', 'one another': a pronoun, not a count, unless a noun follows or harm befalls it
    counted = _unit_and_role(m, text, number, noun, value, role)
    if counted is None:
        return None
    unit, role = counted
    if unit is None:
        # A number with no noun counts people when something happens to it ('ten were killed'), or when
        # it is vague or large enough to be a population ('thousands', 'a country of 140 million').
        if role is None and not vague and value < 1_000_000:
            return None
        unit = "people"
    approx = _APPROX_BEFORE.search(text, max(0, start - 20), start)
    if approx:
        start = approx.start()
    if noun is not None and noun.idx > start and 0 <= noun.i - number[-1].i <= 5:
        end = max(end, noun.idx + len(noun))
    if role in _HARM_ROLES and unit in _NOT_HARMED:
        role = None      # 'attacked 11 settlements ..., killing one person': places and things are not killed
    quantity = Quantity(value=value, unit=unit, role=role, approximate=bool(approx) or vague,
                        text=text[start:end])
    return QuantityMention(start=start, end=end, quantity=quantity)


def _unit_and_role(m: re.Match[str], text: str, number: Span, noun: Token | None, value: float,
                   role: str | None) -> tuple[str | None, str | None] | None:
    """What a number counts and what befell it, as its noun, currency, abbreviation or a toll before it says;
    None when it is money that is not aid."""
    start, end = m.span()
    percent = bool(m["pct"])
    unit = "percent" if percent else _unit(noun, value == 1) if noun is not None else None
    if unit is not None and text.startswith("-strong", end):
        unit = "troops"    # a '2,000-strong force / contingent / brigade' counts its troops
    currency = _CURRENCIES.get(m["cur"] or "") or (_CURRENCIES.get(noun.lemma_.lower()) if noun is not None else None)
    if noun is not None and noun.lemma_.lower() in _CORPSES:
        # '50 bodies of dead civilians', 'recovered 14 bodies': bodies are the dead, counted as who they were
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        victims = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        unit, role = (_unit(victims, False) if victims is not None else "people"), "killed"
    elif noun is None and _TOLL_BEFORE.search(text[max(0, start - 120):start]):
        role = "killed"    # 'the death toll rose to 45', 'a toll of 12'
    stem = noun.text.removesuffix("s") if noun is not None else ""
    if stem.isupper() and stem.lower() in _CASUALTY_ABBREVIATIONS:
        # the abbreviation says what befell them; a prisoner may yet be released or exchanged
        unit = "prisoners of war" if stem == "POW" else "soldiers"
        role = role if stem == "POW" and role is not None else _CASUALTY_ABBREVIATIONS[stem.lower()]
    if currency:
        if not _AID_WORDS.search(number.sent.text):
            return None
        unit, role = currency, "aid"
    return unit, role


# 'no one', 'any one', 'the one': a 'one' after these counts nobody harmed
_NOT_ONE_BEFORE = frozenset({"no", "any", "every", "each", "the", "this", "that", "which", "someone", "anyone"})


def _harmed_one(number: Span, text: str, end: int) -> bool:
    """'one of the soldiers was injured', 'One dead as ...', 'kills at least one': the one harmed is a person.

    'no one', 'any one' or 'each one' harmed counts nobody, and neither does a 'one' that only points back.
    """
    before = number.doc[number.start - 1].lower_ if number.start > 0 else ""
    return text.startswith(" of ", end) or before not in _NOT_ONE_BEFORE


def _is_not_a_count(m: re.Match[str], number: Span, text: str) -> bool:
    """Years, days of a month, times, ages, hyphenated compounds: numbers that are not counts."""
    start, end = m.span()
    # spaCy's DATE entities are not used here: the small model tags 'At least a quarter' and 'late July 41'
    # as dates. Days of a month are recognised by the month name next to them instead.
    if any(t.ent_type_ == "ORDINAL" for t in number) or _AGE_BEFORE.search(text, max(0, start - 20), start):
        return True
    if _AFTER_REJECT.match(text, end):
        return True
    day_like = m["digits"] is not None and m["digits"].isdigit() and 1 <= int(m["digits"]) <= 31
    if day_like and (_MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(text, end)):
        return True
    if m["digits"] and not m["dsfx"] and _YEAR.fullmatch(m["digits"]) and not m["pct"]:
        return True    # a year: '2014' is never a count of anything in war reporting without its noun
    if m["gsfx"] and not m["cur"]:
        return True    # '50m' is a distance unless it is money ('€50m')
    return False


def _counted_noun(number: Span) -> Token | None:
    """The noun a number phrase counts: '2,000 Ukrainian troops' -> troops; 'tens of thousands of troops'."""
    last = number[-1]
    doc = last.doc
    head = last.head
    # 'N of (the|his|them) X': partitives and vague plurals count the object of 'of'.
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if following is not None and following.lower_ == "of" and (
            number.text.lower().endswith(("s", "dozen")) or following.head == last or last.pos_ == "NUM"):
        for token in doc[following.i + 1:following.i + 5]:
            if token.pos_ == "PRON" and token.lower_ in ("them", "us", "whom", "these", "those"):
                return token
            if token.pos_ in ("NOUN", "PROPN"):
                return _compound_head(token)
            if token.pos_ not in ("DET", "ADJ", "PRON", "NUM"):
                break
        return None
    # The nearest noun after the number, past adjectives and names ('1,500 Moscow municipal experts'),
    # before the parser's head: the small model often hangs a number on a later noun ('A hundred days,
    # a hundred words' -> words).
    for token in doc[last.i + 1:last.i + 5]:
        if token.lower_ == "strong" or (token.text == "-" and doc[token.i + 1:token.i + 2].text.lower() == "strong"):
            continue    # '2,000-strong force'
        if token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.ent_type_ == "NORP"):
            return _compound_head(token)
        if (token.pos_ not in ("ADJ", "PROPN") and token.dep_ not in ("amod", "compound")) or token.pos_ == "PUNCT" \
                or token.lower_ in _ADJ_ROLES:
            break
    if head.pos_ in ("NOUN", "PROPN") and head.i > last.i and head.i - last.i <= 5 and last.dep_ in (
            "nummod", "quantmod", "compound", "npadvmod") and not any(t.is_punct for t in doc[last.i:head.i]):
        return head
    return None


def _compound_head(token: Token) -> Token:
    """The noun a compound builds up to: 'air defence systems' -> systems; 'self-defense fighters' -> fighters."""
    while token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN") and (
            token.head.i == token.i + 1 or token.head.i == token.i + 2 and token.nbor().text == "-"):
        token = token.head
    return token


def _is_area(noun: Token) -> bool:
    return any(c.lower_ == "square" for c in noun.children) or noun.i > 0 and noun.doc[noun.i - 1].lower_ == "square"


def _unit(noun: Token, singular: bool) -> str:
    """The normalised plural of a counted noun, with its noun compounds ('border guards').

    Only a count of one is made plural ('1 soldier'): the tagger marks many plurals singular
    ('servicemen', 'militiamen'), so its tag is not trusted.
    """
    if noun.pos_ == "PRON" or noun.ent_type_ == "NORP":
        return "people"    # 'ten of them', 'a quarter of a million Ukrainians'
    word = noun.lower_
    if singular:
        word = _plural(noun.lemma_.lower())
    word = _UNIT_SYNONYMS.get(word, word)
    if _is_area(noun):
        return f"square {word}"
    compounds = [c.lower_ for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return " ".join(compounds + [word])


def _plural(word: str) -> str:
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


def _role(anchor: Token, number: Span) -> str | None:
    """What the sentence says happened to the counted thing: the verb, adjective or noun it hangs on; the dead,
    when the wounded it names died ('one more woman injured in the strike died in hospital')."""
    role = _role_after(anchor, number) or _role_of_modifier(anchor, number)
    if role is None:
        return _role_of_governor(anchor)
    if role == "injured" and anchor.dep_ in ("nsubj", "nsubjpass") and \
            _VERB_ROLES.get(anchor.head.lemma_.lower()) == "killed":
        return "killed"
    return role


def _role_after(anchor: Token, number: Span) -> str | None:
    """The role word right after the counted phrase."""
    # 'three dead and around fifty injured', '10 soldiers killed': a role word right after the counted
    # phrase is more reliable than the parse, which tangles such coordinated fragments.
    doc = anchor.doc
    after = max(anchor.i, number[-1].i) + 1
    if after < len(doc):
        word = doc[after]
        role = _ADJ_ROLES.get(word.lower_) or (_VERB_ROLES.get(word.lemma_.lower()) if word.tag_ == "VBN" else None)
        if role:
            return role
    return None


def _role_of_modifier(anchor: Token, number: Span) -> str | None:
    """The role a modifier of the counted phrase names ('ten wounded soldiers', 'dozens of dead')."""
    for token in (anchor, *number):
        for child in token.children:
            lemma = child.lemma_.lower()
            if child.dep_ in ("amod", "acl", "relcl", "acomp", "conj") and child.i > token.i:
                role = _ADJ_ROLES.get(child.lower_) or _ADJ_ROLES.get(lemma) or (
                    _VERB_ROLES.get(lemma) if child.pos_ in ("VERB", "ADJ") else None)
                if role:
                    return role
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in _NOUN_ROLES:
                        return _NOUN_ROLES[pobj.lemma_.lower()]
    return None


def _role_of_governor(anchor: Token) -> str | None:
    """The role of the verb or noun the counted phrase is an argument of, climbing through conjunctions,
    appositions and transparent prepositions."""
    current = anchor
    for _ in range(6):
        dep = current.dep_
        if dep in ("conj", "appos", "nummod", "compound") and current.head is not current:
            current = current.head
            continue
        if dep == "pobj" and current.head.lower_ in _TRANSPARENT_PREPS:
            current = current.head.head
            continue
        if dep in _ARGUMENT_DEPS:
            verb = current if dep == "ROOT" else current.head
            role = _VERB_ROLES.get(verb.lemma_.lower()) or _NOUN_ROLES.get(verb.lemma_.lower())
            # the verbs joined to this one that share its subject ('was raped and killed'); an object ('launch
            # 300 mines ..., one man killed') shares nothing
            shared = [_VERB_ROLES.get(c.lemma_.lower()) for c in verb.children if c.dep_ == "conj"
                      and c.pos_ == "VERB" and not any(g.dep_ in ("nsubj", "nsubjpass", "npadvmod")
                                                       for g in c.children)] if dep in ("nsubj", "nsubjpass") else []
            if role in (None, "injured") and "killed" in shared:
                return "killed"     # 'A man was injured and died in hospital', 'a girl was raped and killed'
            if role is None and "injured" in shared:
                return "injured"    # 'a man was beaten and injured'
            return role if role is not None else _role_beside_verb(verb, current, dep)
        return None
    return None


def _role_beside_verb(verb: Token, current: Token, dep: str) -> str | None:
    """A role word next to a verb that names none itself: 'left ten dead', 'we witness dozens ... arriving'."""
    for child in verb.children:
        if child.dep_ in ("acomp", "oprd", "advmod", "dobj") and child.lower_ in _ADJ_ROLES:
            return _ADJ_ROLES[child.lower_]
        # '112 people received injuries', 'two soldiers sustained wounds'
        if child.dep_ in ("dobj", "obj") and dep == "nsubj" and verb.lemma_.lower() in _SUFFER_VERBS and \
                child.lemma_.lower() in ("injury", "wound"):
            return "injured"
        # 'we witness dozens ... arriving': a participle after the object says what it does.
        if (child.dep_ in ("advcl", "xcomp") and child.tag_ in ("VBG", "VBN") and child.i > current.i
                and dep in ("dobj", "obj")):
            role = _VERB_ROLES.get(child.lemma_.lower())
            if role:
                return role
    return None
