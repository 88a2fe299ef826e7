"""Place mentions: which entities are places, and which namesake each one means.

The rules are the ones a local analyst applies:
- not every capitalised name is a location: adjectives, outlets ('Kyiv Independent'), idioms ('get out of
  Dodge'), surnames after a first name ('Kyrylo Bayev'), quoted names and units ('"Vostok"', 'Skhid task
  force'), landmarks ('Mount Karachun'), weapon models ('Tor-M2DT') and capitals or countries used as actors
  ('Moscow said', 'Kyiv denies') are skipped;
- 'the Kharkiv region', 'Luhansk Province', 'the region of Luhansk', 'Donetsk and Luhansk regions', 'the DPR
  and Zaporozhye' name an oblast (admin1 precision); a bare 'Luhansk' is the city; 'the Kalininsky district
  of Donetsk' is the city of Donetsk;
- a name shared by several places (Solone in six oblasts) goes to the one the text's context points at: an
  oblast named in the same or a nearby sentence or anywhere in the article, other places resolved in the
  article (same oblast, short distance), then closeness to the front line of the publication date, likeness
  to the place's current name, population and Ukraine first; the runner-up and the reason are kept;
- '10 km south of X', 'the Bakhmut direction', 'the Kupyansky district' are places near X: precision 'district'.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from dataclasses import replace

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span, Token

from frontline.geo.gazetteer import SECTOR_WORDS, Gazetteer
from frontline.geo.translit import adjective_stems, skeleton
from frontline.mentions.caption_places import CAPTION_WORDS, LABEL_MARKS, label_towns, lettered
from frontline.mentions.facilities import hosted_places
from frontline.mentions.place_links import (
    PlaceCandidate,
    conjoined_oblasts,
    locating_districts,
    locating_oblasts,
    near_towns,
    oblast_after,
    with_borders,
)
from frontline.models import LocationPrecision, Place, PlaceMention
from frontline.nlp.syntax import LOCATIVE_PREPOSITIONS, PLACE_LABELS, PLACE_PREPOSITIONS, SPEECH_LEMMAS

__all__ = ["find_places"]

log = logging.getLogger(__name__)

_ADMIN_WORDS = {"region", "oblast", "province", "oblast'", "regions", "oblasts", "provinces", "krai",
                "territory", "governorate", "obl", "obl."}
_ADMIN_AFTER = _ADMIN_WORDS | {"regional", "governor", "oblast's", "region's", "republic"}
_ACTOR_NOUNS = {"force", "troop", "army", "official", "government", "authority", "military", "regime",
                "leadership", "diplomat", "negotiator", "soldier", "ministry", "spokesman", "spokeswoman"}
_ADJECTIVE_SHAPE = re.compile(r"(?:ian|ean|ese|ish|ic|ern|an|i)$", re.I)   # Russian, Crimean, Kurdish...
_ADMIN_OF = re.compile(r"\b(?:region|oblast|province|regions|oblasts|provinces)\s+of\s+(?:the\s+)?$", re.I)
# A capital as the subject of these verbs is its government ('Moscow said', 'Kyiv refuses', 'Moscow wants').
_STANCE_LEMMAS = SPEECH_LEMMAS | {"respond", "reply", "demand", "threaten", "call", "urge", "vow", "argue",
                                  "admit", "promise", "condemn", "stress", "believe", "want", "agree", "refuse",
                                  "hope", "expect", "plan", "seek", "blame", "offer", "ask"}
_OUTLET_WORDS = {"post", "independent", "times", "pravda", "herald", "insider", "daily", "today", "news",
                 "tribune", "journal", "telegraph", "gazette", "press", "mail", "observer"}
_IDIOMS = re.compile(r"\bout\s+of\s+dodge\b|\bmeet\s+(?:his|her|their|its)\s+waterloo\b|\bcross(?:ed|es|ing)?\s+"
                     r"the\s+rubicon\b|\bpotemkin\s+village|\bstockholm\s+syndrome\b|\bberlin\s+wall\b|"
                     r"\bnew\s+york\s+minute\b|\bchinese\s+whispers\b|\bpandora", re.I)
_NEAR = re.compile(r"\b(?:\d+(?:[.,]\d+)?|a\s+few|several|some|few|two|three|four|five|six|seven|eight|nine|ten|"
                   r"fifteen|twenty|thirty)\s*-?\s*(?:km|kms|kilomet(?:er|re)s?|miles?)\s+(?:\w+\s+){0,2}?"
                   r"(?:of|from)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+|village\s+of\s+)?$", re.I)
# Given names the NER tags as GPE when they stand alone ('Serhii said'); villages share many of them.
GIVEN_NAMES = frozenset("""serhii serhiy sergei sergey volodymyr vladimir oleksandr alexander aleksandr olena elena
oleksii alexei aleksei andrii andriy andrei mykola nikolai yaroslav dmytro dmitry ivan ihor igor yurii yuri
viktor vitalii vitaly pavlo pavel petro pyotr mykhailo mikhail kyrylo kirill maria mariia anna olha olga
iryna irina tetiana tatiana natalia polina vadym vadim denys denis roman bohdan taras ruslan vasyl vasily vasiliy
oleh oleg yevhen yevgeny evgeny maksym maxim anatolii anatoly valerii valery heorhii heorhiy georgy stepan artem
artyom vitaliy hennadii gennady leonid borys boris arsen rostyslav svitlana svetlana liudmyla lyudmila stanislav
oleksiy viacheslav vyacheslav vladyslav vladislav kostiantyn konstantin mykyta nikita illia ilya hryhorii grigory
fedir fyodor danylo daniil anton eduard valentyn""".split())
# 'Skhid task force', 'Azov battalion', 'Vostok grouping': a name before these words is a unit's
_UNIT_WORDS = frozenset({"task", "battalion", "brigade", "regiment", "grouping", "group", "division", "command",
                         "operational", "detachment"})
# 'Hostomel Airport', 'Kremenchuk Refinery': a facility's name that starts with its town's
_FACILITY_WORDS = frozenset({"airport", "airfield", "airbase", "theatre", "theater", "drama", "substation", "station",
                             "plant", "refinery", "bridge", "dam", "port", "hospital", "stadium", "cathedral",
                             "university", "market", "factory", "steelworks", "npp", "tpp", "chp", "nuclear",
                             "power", "railway", "depot", "oblenergo"})
# 'the Chernihiv Local History Museum', 'Mariupol Seaport', 'Irpin Bible Seminary': an institution or a site named
# after the town it stands in, which the model tags as an organisation or a facility
_INSTITUTION_WORDS = _FACILITY_WORDS | frozenset({
    "museum", "seaport", "seminary", "school", "lyceum", "gymnasium", "college", "academy", "institute", "library",
    "church", "monastery", "lavra", "mosque", "synagogue", "council", "administration", "hall", "centre", "center",
    "mall", "zoo", "prison", "colony", "penitentiary", "works", "mine", "elevator", "office", "court", "hotel",
    "circus", "philharmonic", "gallery", "palace", "terminal", "shipyard", "harbour", "harbor", "base", "barracks",
    "cemetery", "maternity", "clinic", "polyclinic", "conservatory", "park", "bazaar"})
# 'the Kharkiv Regional State Administration', 'the Donetsk Regional Clinical Hospital': words between a town's name
# and the institution's word
_INSTITUTION_QUALIFIERS = frozenset({"regional", "state", "city", "central", "military", "clinical", "national",
                                     "academic", "children's", "emergency", "medical", "local", "history", "drama",
                                     "art", "fine", "arts", "music", "musical"})
# 'Kherson Street in Kyiv', 'the Druzhba pipeline', 'Vostok battalion' (in _UNIT_WORDS): named after a town
_NAMED_AFTER_TOWN = frozenset({"street", "avenue", "prospekt", "prospect", "boulevard", "lane", "square", "park",
                               "embankment", "pipeline", "highway", "str", "ave"})
# 'Kharkivska street', 'Moskovskaya ulitsa': a town's adjective, the form a street named after it takes
_STREET_ADJECTIVE = re.compile(r"(?:s['’]?k(?:a|yi|iy|aya|oi)|ivs['’]?ka|ovskaya)$", re.I)
# 'Mount Karachun', 'Saur-Mogila hill': a landmark, not the village of the same name
_LANDMARK_BEFORE = frozenset({"mount", "mt", "hill", "lake", "river", "cape"})
# 'the Yuzhno-Donetsk direction' (South Donetsk): a compass prefix keeps the name a place
_COMPASS_PREFIXES = frozenset({"yuzhno", "severo", "zapadno", "vostochno", "pivdenno", "pivnichno", "zakhidno",
                               "skhidno", "south", "north", "east", "west"})
# Ukraine's rivers, some sharing a name with a town or village: 'the Dnipro' and 'the Desna' are the rivers, 'Dnipro'
# the city and Desna a village near Chernihiv (a river takes the article, a settlement none)
_RIVERS = frozenset({"dnipro", "dnieper", "donets", "oskil", "inhulets", "siverskyi donets", "seversky donets",
                     "desna", "psel", "vorskla", "seym", "seim", "sula", "inhul", "dniester", "dnister", "pripyat",
                     "prypiat", "kalmius", "southern bug", "pivdennyi buh", "mokri yaly", "vovcha", "ros", "horyn",
                     "teteriv", "sluch", "kazennyi torets", "bakhmutka", "zherebets", "krasna", "siversky donets"})
_LANDMARK_AFTER = frozenset({"hill", "mound", "heights", "mountain", "river", "lake", "reservoir"})
_CAPITAL_POPULATION = 500_000
# Ukraine's decommunisation laws renamed most Soviet-named towns by May 2016 (Artemivsk became Bakhmut, Dzerzhynsk
# Toretsk): before then the old name was the name, and a text using it is no sign of a historical reference.
_RENAMINGS = dt.date(2016, 5, 19)
_CITY_POPULATION = 100_000      # towns big enough to have named districts of their own
_LOWER_CASE_POPULATION = 1_000  # a town written in lower case is read only when this big and ...
_LOWER_CASE_MIN = 5             # ... its name this long
_CAPTION_WORDS = 40             # a text this short is a caption: a town's name opening it is where it shows
_TOWN_POPULATION = 20_000
_DISTRICT_KM = 60.0             # a raion's villages lie about this close to the town it is named after
_REGION_KM = 150.0              # a region ('the Donbas') holds the settlements this close to its centre
_NEAR_TOWN_KM = 30.0            # 'X near Y': X lies this close to Y
_RU_BORDER = {"Rostov", "Belgorod", "Kursk", "Bryansk", "Voronezh", "Krasnodar"}
# The lines of contact the news reports from, with the dates they held, as (lat, lon) polylines traced by hand
# from public maps (no maintained dataset ships them offline): the Donbas line of 2014-2022, the north of
# spring 2022, the Izium-Kharkiv salient and the Mykolaiv-Kherson line of 2022, and the line from the Russian
# border to the Dnipro mouth since autumn 2022. Only a tie-breaker between namesakes: fighting is reported
# where the front is.
_Line = tuple[tuple[float, float], ...]
_Front = tuple[float, _Line]      # a line and the weight of its bonus
_FRONT_LINES: tuple[tuple[dt.date, dt.date, _Line], ...] = (
    (dt.date(2014, 4, 1), dt.date(2022, 3, 31),
     ((48.74, 39.23), (48.63, 38.38), (48.30, 38.00), (48.14, 37.74), (47.95, 37.50), (47.45, 37.70),
      (47.10, 37.70))),
    (dt.date(2022, 2, 24), dt.date(2022, 4, 15),
     ((50.55, 29.90), (50.45, 30.25), (50.70, 30.60), (51.30, 31.30), (50.95, 32.90), (50.90, 34.80))),
    (dt.date(2022, 2, 24), dt.date(2022, 9, 30),
     ((50.10, 36.30), (49.80, 36.90), (49.20, 37.25), (48.85, 37.80), (48.70, 38.40), (48.30, 38.00))),
    (dt.date(2022, 3, 1), dt.date(2022, 11, 15), ((46.60, 31.90), (46.95, 32.00), (47.30, 33.20), (47.50, 33.90))),
    # the southern Donbas and Zaporizhzhia from spring to autumn 2022: Horlivka, Avdiivka, Marinka, Vuhledar,
    # Velyka Novosilka, Huliaipole, Orikhiv, Stepnohirsk to the Dnipro
    (dt.date(2022, 3, 1), dt.date(2022, 9, 30),
     ((48.30, 38.00), (48.14, 37.74), (47.94, 37.50), (47.78, 37.25), (47.84, 36.83), (47.66, 36.26),
      (47.57, 35.79), (47.59, 35.36), (47.48, 34.60))),
    (dt.date(2022, 9, 1), dt.date.max,
     ((50.29, 36.94), (49.78, 37.72), (49.62, 37.90), (49.40, 38.05), (49.05, 38.15), (48.93, 38.23),
      (48.87, 38.20), (48.69, 38.07), (48.59, 38.00), (48.33, 37.95), (48.14, 37.74), (47.94, 37.50),
      (47.78, 37.25), (47.84, 36.83), (47.66, 36.26), (47.57, 35.79), (47.48, 35.35), (47.56, 34.60),
      (46.75, 33.37), (46.64, 32.62), (46.50, 32.20))),
)
# The border with Russia's Bryansk, Kursk and Belgorod oblasts from Chernihiv to Vovchansk, shelled from across it
# every day since the Russian withdrawal from the north in April 2022 (traced through the border villages). It counts
# for less than a line of contact: shelled, not fought over, so a village on it does not outrank a namesake where
# the armies meet.
_SHELLED_BORDER: tuple[dt.date, _Line] = (
    dt.date(2022, 4, 5),
    ((52.09, 31.78), (52.34, 33.28), (52.19, 34.04), (51.80, 34.15), (51.28, 34.29), (51.15, 35.10),
     (50.85, 35.40), (50.42, 35.50), (50.35, 36.10), (50.29, 36.94)))
_BORDER_WEIGHT = 0.5
# 'the head of the DPR', 'the People's Militia of the LPR': the oblast names an authority, not where things are
_AUTHORITY_OF = re.compile(r"\b(?:head|leader|chief|militia|ministry|minister|adviser|advisor|authorities|government|"
                           r"ombudsman|spokesman|representative|mission|envoy)\s+of\s+(?:the\s+)?$", re.I)
_QUOTES = "\"“”«»„"
# A machine's model designation: letters, a hyphen and a number ('An-225', 'Su-34', 'Tu-22M3', 'Mi-8')
_MODEL_CODE = re.compile(r"[A-Z][A-Za-z]{0,3}-\d+[A-Za-z0-9]*")
_DASHES = frozenset({"-", "–", "—"})
_KIND_PRECISION: dict[str, LocationPrecision] = {"settlement": "settlement", "admin1": "admin1",
                                                  "region": "region", "country": "country",
                                                  "district": "district"}


def find_places(doc: Doc, gazetteer: Gazetteer, published: dt.date | None = None) -> list[PlaceMention]:
    """Find the places named in ``doc`` and resolve each to one gazetteer entry.

    Args:
        doc: a spaCy Doc over the cleaned article text (made by ``frontline.nlp.model``).
        gazetteer: the loaded gazetteer.
        published: the publication date, which says where the front line ran (a tie-breaker between
            namesakes); None uses every line of the war.

    Returns:
        Place mentions in text order; offsets are character offsets into ``doc.text``.
    """
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    sentence_of = {}
    for number, sent in enumerate(sentences):
        for token in sent:
            sentence_of[token.i] = number
    text = doc.text      # Doc.text rebuilds the string on every access: read it once
    lower = _lower_case_towns(doc, gazetteer) + label_towns(doc, gazetteer, GIVEN_NAMES) + _untagged_institution_towns(doc, gazetteer)
    covered = {i for span in lower for i in range(span.start, span.end)}
    entities = sorted((*(e for e in doc.ents if not covered & set(range(e.start, e.end))), *lower),
                      key=lambda e: e.start)
    candidates = [c for ent in entities if (c := _candidate(ent, doc, text, gazetteer, sentence_of)) is not None]

    oblasts: dict[str, list[int]] = {}
    candidates = locating_districts(locating_oblasts(conjoined_oblasts(candidates, text, gazetteer), text,
                                                       gazetteer), text)
    candidates = near_towns(oblast_after(candidates, text), text)
    for c in candidates:
        if c.admin1 is not None and c.admin1.admin1:
            # 'the head of the DPR' says less about where things are than 'in the DPR': count it as the article's
            oblasts.setdefault(c.admin1.admin1, []).append(-100 if c.authority else c.sentence)
    candidates = with_borders(candidates, sentences, oblasts, gazetteer)
    fronts: tuple[_Front, ...] = tuple((1.0, points) for first, last, points in _FRONT_LINES
                                       if published is None or first <= published <= last)
    if published is None or published >= _SHELLED_BORDER[0]:
        fronts += ((_BORDER_WEIGHT, _SHELLED_BORDER[1]),)
    unambiguous = [(r[0], c.sentence) for c in candidates if c.admin1 is None
                   for r in [_resolve(c, oblasts, [], gazetteer, fronts, published)]
                   if r is not None and r[2] == "unambiguous"]
    anchors = [place for place, _ in unambiguous]
    # 'near Shumy in Donbas': a region named in the same sentence holds its namesakes, as an oblast does
    candidates = [replace(c, regions=tuple(p for p, s in unambiguous if p.kind == "region" and s == c.sentence))
                  for c in candidates]
    mentions: list[PlaceMention] = []
    for c in candidates:
        if c.admin1 is not None:
            mentions.append(PlaceMention(start=c.start, end=c.end, text=text[c.start:c.end], place=c.admin1,
                                         precision="admin1", confidence=0.95,
                                         reason="the text names the oblast"))
            continue
        resolved = _resolve(c, oblasts, anchors, gazetteer, fronts, published)
        if resolved is None:
            continue
        place, runner_up, reason, confidence = resolved
        precision = _KIND_PRECISION.get(place.kind, "settlement")
        if c.near and precision == "settlement":
            precision, reason = "district", reason + "; the text names somewhere near it (a distance, a direction, a district), not the place itself"
        mentions.append(PlaceMention(start=c.start, end=c.end, text=text[c.start:c.end], place=place,
                                     precision=precision, confidence=confidence, reason=reason,
                                     runner_up=runner_up))
    return hosted_places(text, mentions, gazetteer)     # 'the Zaporizhzhia NPP' stands in Enerhodar


def _candidate(ent: Span, doc: Doc, text: str, gazetteer: Gazetteer,
               sentence_of: dict[int, int]) -> PlaceCandidate | None:
    """The entity as a possible place, or None when it is not a place at all."""
    if ent.label_ not in PLACE_LABELS and not _place_in_disguise(ent, doc, gazetteer) and \
            not _province_in_disguise(ent, gazetteer) and not _caption_town(ent, doc, gazetteer):
        town = _town_of_an_institution(ent, doc, gazetteer)
        if town is None:
            return None
        ent = town
    elif ent.label_ == "FAC":
        # 'Mykolaiv Seaport' tagged whole as a facility: the town it is named after and stands in
        ent = _town_of_an_institution(ent, doc, gazetteer) or ent
    bounds = _name_bounds(ent, doc, gazetteer)
    if bounds is None:
        return None
    start_tok, end_tok, admin_inside = bounds
    name_span = doc[start_tok:end_tok]
    name = name_span.text
    after = doc[end_tok] if end_tok < len(doc) else None
    if _names_a_word_or_person(ent, doc, text, name_span) or \
            _names_something_else(doc, start_tok, end_tok, admin_inside, gazetteer):
        return None
    matches = _matches(name, after, gazetteer) or _matches_in_named_oblast(ent, name, text, gazetteer)
    sentence_text = ent.sent.text if doc.has_annotation("SENT_START") else text
    if not matches or _is_actor(ent, matches, sentence_text):
        return None
    prefix = text[max(0, ent.start_char - 60):ent.start_char]
    admin1, end_char = _admin_reading(ent, doc, name, matches, end_tok, admin_inside, prefix, gazetteer)
    start_char = doc[start_tok].idx
    return PlaceCandidate(start=start_char, end=end_char, text=name, sentence=sentence_of.get(ent.start, 0),
                      matches=matches, authority=admin1 is not None and bool(_AUTHORITY_OF.search(prefix)),
                      admin1=admin1, near=admin1 is None and (bool(_NEAR.search(prefix)) or (
                          after is not None and after.lower_ in SECTOR_WORDS)))


_OBLAST_AFTER = re.compile(r"\s*(?:,|\(|in the|in)\s*(?P<oblast>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\s+"
                           r"(?:oblast|region|province|obl)\b", re.I)


def _matches_in_named_oblast(ent: Span, name: str, text: str, gazetteer: Gazetteer) -> tuple[tuple[Place, float], ...]:
    """'Prividdia, Luhansk Oblast': a place name no spelling reaches, followed by its oblast, is the village of that
    oblast whose name is closest (``Gazetteer.match_in_oblast``); only for a name the model tags as a place."""
    if ent.label_ not in PLACE_LABELS or (m := _OBLAST_AFTER.match(text, ent.end_char)) is None or \
            (oblast := gazetteer.admin1(m["oblast"])) is None or not oblast.admin1:
        return ()
    return tuple(gazetteer.match_in_oblast(name, oblast.admin1))


def _name_bounds(ent: Span, doc: Doc, gazetteer: Gazetteer) -> tuple[int, int, bool] | None:
    """The tokens of the place's own name within the entity (start, end, whether an admin word was folded in),
    or None when the entity names something named after a town."""
    start_tok, end_tok = ent.start, ent.end
    # 'Hostomel Airport', 'the Mariupol Drama Theatre', 'Chernobaevka airfield' (tagged whole as a place): the
    # facility is in the town the name starts with
    while end_tok - 1 > start_tok and doc[end_tok - 1].lower_ in _FACILITY_WORDS and \
            (doc[end_tok - 1].is_title or ent.label_ in ("GPE", "LOC", "FAC")):
        end_tok -= 1
    last = doc[end_tok - 1]
    following = doc[ent.end] if ent.end < len(doc) else None
    if last.lower_ in _NAMED_AFTER_TOWN and last.is_title and end_tok - 1 > start_tok or \
            following is not None and following.lower_ in _NAMED_AFTER_TOWN and \
            (following.is_title or following.lower_ == "pipeline" or _STREET_ADJECTIVE.search(last.text)):
        # 'Kherson Street in Kyiv', 'the Druzhba pipeline', 'on Kharkivska street': named after the town, not in
        # it ('a Kiev street' is)
        return None
    while start_tok < end_tok and doc[start_tok].lower_ in {"the", "a", "an"}:
        start_tok += 1
    # 'near Kreminnaya - Haidai': a spaced dash ends the name and opens the headline's attribution
    end_tok = next((i for i in range(start_tok + 1, end_tok) if doc[i].text in _DASHES and doc[i - 1].whitespace_),
                   end_tok)
    # NER often folds 'region' / 'Oblast' into the entity: take it off the name, remember it.
    admin_inside = False
    while end_tok - 1 > start_tok and doc[end_tok - 1].lower_ in _ADMIN_WORDS:
        end_tok -= 1
        admin_inside = True
    if start_tok >= end_tok:
        return None
    if _hyphen_tail(doc, end_tok):
        # 'Kamenka-Dniprovska' tagged as 'Kamenka': the whole hyphenated name or nothing, never its head alone
        joined = doc[start_tok:end_tok + 2].text
        if not gazetteer.match(joined, fuzzy=len(joined) >= 8):
            return None
        end_tok += 2
    return start_tok, end_tok, admin_inside


def _names_a_word_or_person(ent: Span, doc: Doc, text: str, name_span: Span) -> bool:
    """Whether the name is an adjective of nationality, part of an idiom, a person's name or a quoted name."""
    name = name_span.text
    start_tok, end_tok = name_span.start, name_span.end
    after_preposition = ent.start > 0 and doc[ent.start - 1].lower_ in PLACE_PREPOSITIONS
    # 'Russian troops' is an adjective; 'evacuation of Vuhledar' and 'the Bakhmut direction' are places the small
    # model tags as adjectives: only words shaped like adjectives of nationality are dropped.
    sector = ent.end < len(doc) and doc[ent.end].lower_ in SECTOR_WORDS     # 'the Krasnoliman direction'
    adjective = name_span.root.pos_ == "ADJ" and name_span.root.tag_ in {"JJ", "JJR", "JJS"} and \
        len(name_span) == 1 and not after_preposition and not sector and _ADJECTIVE_SHAPE.search(name) is not None
    if _inside_idiom(text, ent.start_char, ent.end_char) or adjective:
        return True
    if end_tok - start_tok == 1 and name.lower() in GIVEN_NAMES:
        return True
    if start_tok > 0 and doc[start_tok - 1].lower_ in GIVEN_NAMES:
        return True     # 'Kyrylo Bayev': a surname after a first name, though a village bears it too
    before, behind = text[ent.start_char - 1:ent.start_char], text[ent.end_char:ent.end_char + 1]
    # 'grouping "Vostok"', 'the "Mir" system': a quoted name is a unit's or a product's
    return bool(before) and bool(behind) and before in _QUOTES and behind in _QUOTES


def _names_something_else(doc: Doc, start_tok: int, end_tok: int, admin_inside: bool, gazetteer: Gazetteer) -> bool:
    """Whether the words around the name make it an outlet's, a unit's, a landmark's, a weapon's or a city
    district's."""
    after = doc[end_tok] if end_tok < len(doc) else None
    if after is not None and after.is_title and after.lower_ in _OUTLET_WORDS and not admin_inside:
        return True
    if after is not None and after.lower_ in _UNIT_WORDS | _LANDMARK_AFTER:
        return True
    if start_tok > 0 and (doc[start_tok - 1].lower_.rstrip(".") in _LANDMARK_BEFORE or (
            doc[start_tok - 1].text == "-" and not doc[start_tok - 1].whitespace_ and start_tok > 1
            and doc[start_tok - 2].is_title and not doc[start_tok - 2].whitespace_
            and doc[start_tok - 2].lower_ not in _COMPASS_PREFIXES)):
        return True     # 'Mount Karachun'; 'Saur-Mogila', the tail of a hyphenated name
    if after is not None and after.text == "-" and end_tok + 1 < len(doc) and \
            any(ch.isdigit() for ch in doc[end_tok + 1].text):
        return True     # 'Tor-M2DT', 'Buk-M3': a weapon's model, though 'Tor' is an old name of Sloviansk
    if start_tok > 0 and doc[start_tok - 1].lower_ == "the" and doc[start_tok:end_tok].text.lower() in _RIVERS and \
            (after is None or after.lower_ not in _ADMIN_AFTER | SECTOR_WORDS):
        return True     # 'cross the Dnipro at Krynky': the river, not the city (which takes no article)
    if _facility_in_another_town(doc, end_tok):
        return True     # 'the Antonov airport in Hostomel', 'the Zaporizhzhia nuclear plant in Enerhodar'
    if start_tok > 0 and _MODEL_CODE.fullmatch(doc[start_tok - 1].text):
        return True     # 'the An-225 Mriya', 'a Tu-22M3': the name a model's machine bears, not a village's
    # 'the Kalininsky district of Donetsk': a city's district, named after something else
    return _part_of_city(doc, start_tok, end_tok, gazetteer)


def _regional_institution(doc: Doc, end_tok: int) -> bool:
    """Whether the name opens a regional institution's name: 'Kharkiv Regional State Administration'."""
    if end_tok >= len(doc) or doc[end_tok].lower_ != "regional":
        return False
    for token in doc[end_tok + 1:end_tok + 5]:
        if token.lower_ in _INSTITUTION_WORDS:
            return True
        if token.lower_ not in _INSTITUTION_QUALIFIERS:
            return False
    return False


def _facility_in_another_town(doc: Doc, end_tok: int) -> bool:
    """Whether the name is a facility's that the text places in a town named right after: 'the Antonov airport in
    Hostomel' (not 'the Hostomel airport near Kyiv', nor '... in Kyiv Oblast', which only say where it lies)."""
    i = end_tok
    while i < len(doc) and doc[i].lower_ in _INSTITUTION_WORDS | _INSTITUTION_QUALIFIERS:
        i += 1
    if not any(t.lower_ in _INSTITUTION_WORDS for t in doc[end_tok:i]):
        return False
    if i == end_tok or i + 1 >= len(doc) or doc[i].lower_ not in ("in", "at"):
        return False
    town = doc[i + 1]
    after = doc[i + 2].lower_ if i + 2 < len(doc) else ""
    return town.is_title and town.pos_ == "PROPN" and after not in _ADMIN_WORDS | SECTOR_WORDS


def _matches(name: str, after: Token | None, gazetteer: Gazetteer) -> tuple[tuple[Place, float], ...]:
    """The gazetteer's places for the name, and for a sector's adjective the places of its stems."""
    # Fuzzy matching on short single names turns first names into villages ('Polina' -> 'Polyana').
    matches = tuple(gazetteer.match(name, fuzzy=len(name) >= 8))
    if after is not None and after.lower_ in SECTOR_WORDS:
        # 'the Kupyansky district', 'the Krasnolimansky direction': the adjective of a town names its sector;
        # the town competes with any village named like the adjective itself
        matches += next((tuple(m) for stem in adjective_stems(name) if (m := gazetteer.match(stem, fuzzy=False))), ())
    return matches


def _admin_reading(ent: Span, doc: Doc, name: str, matches: tuple[tuple[Place, float], ...], end_tok: int,
                   admin_inside: bool, prefix: str, gazetteer: Gazetteer) -> tuple[Place | None, int]:
    """The province the name reads as, when the words say so or every match is one, and the mention's end (which
    takes in the 'region' after the name)."""
    after = doc[end_tok] if end_tok < len(doc) else None
    admin1 = None
    end_char = doc[end_tok - 1].idx + len(doc[end_tok - 1])
    says_admin = admin_inside or (after is not None and after.lower_ in _ADMIN_AFTER) \
        or bool(_ADMIN_OF.search(prefix)) or _plural_admin_follows(doc, end_tok)
    if says_admin and not admin_inside and _regional_institution(doc, end_tok):
        # 'the Kharkiv Regional State Administration', 'the Chernihiv Regional Drama Theatre': a building in the
        # oblast's centre, the city that bears the name
        says_admin = False
    if says_admin or all(p.kind == "admin1" for p, _ in matches):
        admin1 = gazetteer.admin1(name) or next((p for p, _ in matches if p.kind == "admin1"), None)
        if admin1 is not None and after is not None and after.lower_ in _ADMIN_WORDS:
            end_char = after.idx + len(after)
        elif admin1 is not None and admin_inside:
            end_char = ent.end_char
    return admin1, end_char


def _place_in_disguise(ent: Span, doc: Doc, gazetteer: Gazetteer) -> bool:
    """'fighting in Soledar' with 'Soledar' tagged PERSON or ORG: after a locative preposition (or a place's
    preposition after an event noun: 'shelling of X'), a name that is a settlement's (in any spelling but a fuzzy
    one) is a place whatever the model's label."""
    if ent.label_ not in ("PERSON", "ORG") or len(ent) > 3 or ent.start == 0:
        return False
    before = doc[ent.start - 1]
    # 'shelling of Novosyolovka Vtoraya' (ORG): after an event's noun too, not 'the Bank of X'; never a person
    # there ('a letter to Putin', a village Poetyn)
    if before.lower_ not in LOCATIVE_PREPOSITIONS and not (
            ent.label_ == "ORG" and before.lower_ in PLACE_PREPOSITIONS and ent.start > 1
            and doc[ent.start - 2].pos_ in ("NOUN", "VERB") and doc[ent.start - 2].tag_ not in ("NNP", "NNPS")):
        return False
    return any(p.kind == "settlement" for p, _ in gazetteer.match(ent.text, fuzzy=False))


def _caption_town(ent: Span, doc: Doc, gazetteer: Gazetteer) -> bool:
    """'Vuhledar: Russian armour destroyed', 'Mariinka completely destroyed' with the name tagged PRODUCT or
    PERSON: a caption (a text of a few words) that opens with a town's exact name is about that town. Only a
    Ukrainian town of _LOWER_CASE_POPULATION people or more (any settlement as the caption's label, before a colon
    or dash), never a given name."""
    if ent.label_ not in ("PERSON", "ORG", "PRODUCT", "WORK_OF_ART") or len(ent) > 3 or \
            ent.start != ent.sent.start or sum(t.is_alpha for t in doc) > _CAPTION_WORDS or \
            ent.text.lower() in GIVEN_NAMES:
        return False
    # a label ('Malovarvarivka: destroyed bridge') names the place whatever its size, and so does a name of two or
    # three words in a Russian or transliterated form ('Novosyolovka Vtoraya' for Novoselivka Druha), which no
    # person bears
    label = ent.end < len(doc) and doc[ent.end].text in LABEL_MARKS
    return any(p.kind == "settlement" and p.country_code == "UA" and (
        c >= 0.95 and (label or p.population >= _LOWER_CASE_POPULATION) or len(ent) >= 2 and c >= 0.85)
        for p, c in gazetteer.match(ent.text, fuzzy=False))


def _province_in_disguise(ent: Span, gazetteer: Gazetteer) -> bool:
    """'Donetsk and Luhansk Regions' with 'Luhansk Regions' tagged PERSON or ORG: an oblast's name followed by an
    admin word is a province whatever the model's label."""
    words = [t for t in ent if t.lower_ not in {"the"}]
    if len(words) < 2 or words[-1].lower_ not in _ADMIN_WORDS or words[-2].lower_ in _ADMIN_WORDS:
        return False
    name = ent.doc[words[0].i:words[-1].i].text
    return gazetteer.admin1(name) is not None


def _town_of_an_institution(ent: Span, doc: Doc, gazetteer: Gazetteer) -> Span | None:
    """'the Chernihiv Local History Museum' (ORG), 'Mariupol Seaport': the town an institution's name starts with,
    as a place entity, when the name ends with an institution's word and starts with a settlement's exact name."""
    label = ent.label_
    if len(ent) >= 3 and ent[-1].tag_ == "POS":
        ent = doc[ent.start:ent.end - 1]    # "Kharkiv National University's [building]"
    following = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if label not in ("ORG", "PERSON", "FAC", "WORK_OF_ART") or not (
            len(ent) >= 2 and ent[-1].lower_ in _INSTITUTION_WORDS or following in _INSTITUTION_WORDS):
        return None     # ('the Zaporizhzhya Motor Sich' [plant]: the institution's word after the entity)
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    for end in range(min(ent.end - (0 if following in _INSTITUTION_WORDS else 1), start + 3), start, -1):
        words = doc[start:end]
        if all(t.is_title for t in words) and \
                any(p.kind == "settlement" for p, c in gazetteer.match(words.text, fuzzy=False) if c >= 0.9):
            return Span(doc, start, end, label="GPE")
    return None


def _lower_case_towns(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """'shelling in lyman overnight', 'fire near nova kakhovka': a town written in lower case, which the model does
    not tag, as a place entity. Only after a locative preposition, outside any entity, and only a name that is
    exactly a Ukrainian town's (one or two words, at least _LOWER_CASE_MIN letters, a town of _LOWER_CASE_POPULATION
    people or more): a common word that a village shares ('bar', 'sad') stays a word."""
    # a lower-case entity may hold part of the name ('nova' of 'nova kakhovka' tagged LOC): the name replaces it
    tagged = {i for ent in doc.ents if not ent.text.islower() for i in range(ent.start, ent.end)}
    # in a caption, also the town a strike falls on ('shelling of kurakhove', 'strike on selydove')
    preps = PLACE_PREPOSITIONS | {"on"} if sum(t.is_alpha for t in doc) <= CAPTION_WORDS else LOCATIVE_PREPOSITIONS
    out: list[Span] = []
    for tok in doc:
        if tok.lower_ not in preps or tok.i + 1 >= len(doc):
            continue
        first = doc[tok.i + 1]
        if first.i in tagged or not lettered(first) or not first.is_lower or first.is_stop:
            continue
        for end in (first.i + 2, first.i + 1):
            words = doc[first.i:end]
            if end > len(doc) or any(t.i in tagged or not t.is_lower or not lettered(t) for t in words) or \
                    len(words.text.replace(" ", "")) < _LOWER_CASE_MIN:
                continue
            if any(p.kind == "settlement" and p.country_code == "UA" and p.population >= _LOWER_CASE_POPULATION
                   for p in gazetteer.candidates(words.text)):
                out.append(Span(doc, first.i, end, label="GPE"))
                break
    return out


def _untagged_institution_towns(doc: Doc, gazetteer: Gazetteer) -> list[Span]:
    """'Strike on the Kremenchuk Oil Refinery', which the model leaves untagged: the town a run of title-case words
    ending in an institution's word starts with, when one or two of its words are exactly a Ukrainian settlement's
    name (the tagged institutions are ``_town_of_an_institution``'s)."""
    tagged = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    out: list[Span] = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j not in tagged and doc[j].is_title and doc[j].is_alpha and j - i < 6:
            j += 1
        if j - i >= 2 and doc[j - 1].lower_ in _INSTITUTION_WORDS:
            town = next((doc[s:e] for s in range(i, j - 1) for e in (s + 2, s + 1) if e < j and any(
                p.kind == "settlement" and p.country_code == "UA"
                for p, c in gazetteer.match(doc[s:e].text, fuzzy=False) if c >= 0.9)), None)
            if town is not None:
                out.append(Span(doc, town.start, town.end, label="GPE"))
        i = max(j, i + 1)
    return out


def _hyphen_tail(doc: Doc, end_tok: int) -> bool:
    """Whether a capitalised word is glued to the name by a hyphen ('Kamianka' in 'Kamianka-Dniprovska')."""
    return (end_tok + 1 < len(doc) and doc[end_tok].text == "-" and not doc[end_tok - 1].whitespace_
            and not doc[end_tok].whitespace_ and doc[end_tok + 1].is_title)


def _part_of_city(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """'X district of Donetsk', 'the Kiev region of Donetsk', 'Kirovskyi District, Donetsk': X names a part of a
    city named right after. After a comma only a district that is no town's name ('Pokrovsk District, Donetsk'
    is the town's raion in Donetsk oblast) and a city not followed by an admin word ('..., Donetsk Oblast')."""
    if end - 1 > start and doc[end - 1].lower_ in ("district", "raion"):
        end -= 1        # the model folds 'District' into the name: 'Kirovskyi District'
    if end + 2 >= len(doc) or doc[end].lower_ not in SECTOR_WORDS | _ADMIN_WORDS or \
            doc[end + 1].lower_ not in ("of", ","):
        return False
    town = doc[end + 2]
    if not town.is_title or not any(p.kind == "settlement" and p.population >= _CITY_POPULATION
                                    for p in gazetteer.candidates(town.text)):
        return False
    after_town = doc[end + 3].lower_ if end + 3 < len(doc) else ""
    if after_town in _ADMIN_WORDS | SECTOR_WORDS:
        return False        # 'Pokrovsk district of Donetsk oblast': the raion of a town
    if doc[end + 1].lower_ == "of":
        return True
    return doc[end].lower_ in ("district", "raion") and \
        not any(p.kind == "settlement" and p.population >= _TOWN_POPULATION
                for p, _ in gazetteer.match(doc[start:end].text, fuzzy=False))


def _plural_admin_follows(doc: Doc, end: int) -> bool:
    """'Donetsk and Luhansk regions': a plural admin word closes a short list this name is in."""
    for token in doc[end:end + 6]:
        if token.lower_ in {"regions", "oblasts", "provinces"}:
            return True
        if not (token.is_title or token.lower_ in {"and", ",", "&", "-"}):
            return False
    return False


def _inside_idiom(text: str, start: int, end: int) -> bool:
    window_start = max(0, start - 40)
    for m in _IDIOMS.finditer(text, window_start, min(len(text), end + 40)):
        if m.start() <= start and end <= m.end() + 1:
            return True
    return False


def _is_actor(ent: Span, matches: tuple[tuple[Place, float], ...], sentence_text: str) -> bool:
    """A capital or country used for its government: 'Moscow said', 'Kyiv denies', 'Moscow's demands'."""
    big = max(matches, key=lambda pc: pc[0].population)[0]
    if big.kind != "country" and big.population < _CAPITAL_POPULATION:
        return False
    root = ent.root
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in _STANCE_LEMMAS:
        return True
    if root.dep_ in {"compound", "amod", "nmod"} and root.head.lemma_.lower() in _ACTOR_NOUNS:
        return True     # 'Kiev forces', 'Moscow officials'
    if ent.end < len(ent.doc) and ent.doc[ent.end].lemma_.lower() in _ACTOR_NOUNS:
        return True
    if root.dep_ == "poss" or (ent.end < len(ent.doc) and ent.doc[ent.end].tag_ == "POS"):
        head = root.head
        return head.lemma_ in {"demand", "position", "claim", "statement", "refusal", "decision", "offer",
                               "response", "proposal", "ultimatum", "government", "leadership", "envoy"}
    return False


def _resolve(c: PlaceCandidate, oblasts: dict[str, list[int]], anchors: list[Place],
             gazetteer: Gazetteer, fronts: tuple[_Front, ...],
             published: dt.date | None = None) -> tuple[Place, Place | None, str, float] | None:
    """The best namesake, the runner-up, why, and a confidence; 'unambiguous' as the reason when only one."""
    distinct: dict[tuple, tuple[Place, float]] = {}
    for place, confidence in c.matches:
        key = (place.geonames_id, place.name, place.kind)
        if key not in distinct or distinct[key][1] < confidence:
            distinct[key] = (place, confidence)
    options = list(distinct.values())
    if not options:
        return None
    if len(options) == 1:
        place, confidence = options[0]
        return place, None, "unambiguous", confidence
    # A place whose name is nothing like the text was matched through an old or other name. That is how the
    # news still names renamed towns (Dzerzhinsk for Toretsk), but when the name is common ('Aleksandrovka',
    # dozens of Oleksandrivkas; Donetsk once bore it) or the place is a village (an Oleksandrivka once called
    # Kremennaya), the namesakes spelled like the text come first.
    likeness = {id(p): fuzz.ratio(skeleton(c.text), skeleton(p.name)) / 100 for p, _ in options}
    similar = sum(v >= 0.7 for v in likeness.values())
    # a Ukrainian town bears the text's name today ('Slov'yans'k'): a namesake that bore it once (Nikopol) is not it
    if any(p.country_code == "UA" and p.kind == "settlement" and p.population >= _TOWN_POPULATION
           and likeness[id(p)] >= 0.9 for p, _ in options):
        similar = max(similar, 3)
    before_renamings = published is not None and published < _RENAMINGS
    scored = sorted(((_score(p, conf, c, oblasts, anchors, gazetteer, fronts, likeness[id(p)], similar,
                             before_renamings), p, conf)
                     for p, conf in options),
                    key=lambda t: -t[0][0])
    (best_score, reason), best, conf = scored[0]
    (second_score, _), second, _ = scored[1]
    margin = best_score - second_score
    confidence = round(conf * (0.55 + 0.45 * min(1.0, margin / 3.0)), 3)
    return best, second, reason, confidence


def _score(place: Place, spelling: float, c: PlaceCandidate, oblasts: dict[str, list[int]], anchors: list[Place],
           gazetteer: Gazetteer, fronts: tuple[_Front, ...], likeness: float,
           similar: int, renamed_since: bool = False) -> tuple[float, str]:
    """A namesake's score from spelling, the article's oblasts, nearby resolved places, the front and population.

    ``likeness`` is how much the text's spelling looks like this place's current name (0..1); ``similar``
    counts the namesakes whose current name looks like it (likeness >= 0.7); ``renamed_since`` says the text
    was published before Ukraine's 2016 renamings, when an old name was the name.
    """
    reasons: list[str] = []
    size, size_reason = _size(place)
    score = 2.0 * spelling + size
    if size_reason:
        reasons.append(size_reason)
    # A name a place bears today beats an old name it once bore (Pokrovsk, Donetsk oblast, over Engels, once
    # Pokrovsk): GeoNames keeps historical names among the alternates without marking them. Graded by
    # likeness, so that 'Kremennaya' goes to Kreminna, not to a village that once bore that name.
    if likeness > 0.5:
        score += 2.0 * (likeness - 0.5)
        reasons.append("its current name" if likeness == 1 else f"spelled much like its current name, {place.name}")
    elif similar >= 3 or (similar and place.population < _TOWN_POPULATION and not renamed_since):
        # (a village renamed in 2016 still bore the old name before: only a name dozens share stays suspect)
        score -= 3.0
        reasons.append("it bears the name only as an old or other name, and namesakes are spelled like the text")
    # War reporting: Ukraine first, then the Russian border regions, then the rest of the world.
    score += 1.5 if place.country_code == "UA" else 0.4 if place.admin1 in _RU_BORDER else 0.0
    front, front_reason = _near_front(place, fronts)
    if front_reason:
        score += front
        reasons.append(front_reason)
    sentences = oblasts.get(place.admin1 or "", [])
    if sentences:
        gap = min(abs(s - c.sentence) for s in sentences)
        bonus, where = (3.0, "the same sentence") if gap == 0 else \
            (2.0, "a nearby sentence") if gap <= 2 else (1.2, "the article")
        score += bonus
        reasons.insert(0, f"{place.admin1} oblast is named in {where}")
    if c.outside is not None:
        oblast, km = c.outside
        if place.admin1 == oblast:
            score -= 4.0
            reasons.append(f"the text puts it outside {oblast} oblast")
        elif place.country_code == "UA" and gazetteer.km_to_oblast(place, oblast) <= km + 15:
            score += 2.5
            reasons.insert(0, f"about {km:.0f} km from {oblast} oblast, as the text says")
    bonus, reason = _named_area(place, c)
    if reason:
        score += bonus
        reasons.insert(0, reason)
    same_oblast = sum(1 for a in anchors if a.admin1 and a.admin1 == place.admin1 and a != place)
    if same_oblast:
        score += min(1.2, 0.4 * same_oblast)
        reasons.append(f"{same_oblast} other place(s) in the article are in {place.admin1}")
    nearest = min((_km(place, a) for a in anchors if a != place and a.kind == "settlement"), default=None)
    if nearest is not None and nearest < 80:
        score += 0.8 if nearest < 30 else 0.4
        reasons.append(f"{nearest:.0f} km from another place in the article")
    return score, "; ".join(reasons) or "the best-known namesake"


def _named_area(place: Place, c: PlaceCandidate) -> tuple[float, str | None]:
    """What the district or region the text puts the name in adds to a namesake's score, and why."""
    score, reason = 0.0, None
    if c.within is not None and place != c.within:
        if place.admin1 == c.within.admin1:
            score, reason = 3.0, f"in {place.admin1} oblast, where the {c.within.name} district the text names lies"
        if _km(place, c.within) <= _DISTRICT_KM:
            score += 1.0
    if c.in_oblast is not None and place.admin1 == c.in_oblast:
        score, reason = score + 5.0, reason or f"in {c.in_oblast} oblast, which the text names right after it"
    if c.near_town is not None and place != c.near_town and _km(place, c.near_town) <= _NEAR_TOWN_KM:
        score, reason = score + 3.0, reason or f"near {c.near_town.name}, as the text says"
    region = next((r for r in c.regions if r != place and _km(place, r) <= _REGION_KM), None)
    if region is not None and place.kind == "settlement":
        score, reason = score + 2.0, reason or f"in {region.name}, which its sentence names"
    return score, reason


def _size(place: Place) -> tuple[float, str | None]:
    """What a namesake's size adds to its score, and the reason to give."""
    score = 0.6 * math.log10(place.population + 10)
    # Only a Ukrainian town's size outweighs the front and the context: a Russian namesake of 200,000
    # ('Dzerzhinsk', Toretsk's old name) is still not what war reports from the Donbas mean.
    if (place.population >= 100_000 and place.country_code == "UA") or place.kind == "country":
        return score + 1.5, f"a large place (population {place.population:,})"
    if place.population >= _TOWN_POPULATION and place.country_code == "UA" and place.kind == "settlement":
        # a town of 67,000 over a hamlet of 400 a few km nearer the front ('Kostiantynivka')
        return score + 0.75, f"a town (population {place.population:,})"
    return score, f"population {place.population:,}" if place.population else None


def _near_front(place: Place, fronts: tuple[_Front, ...]) -> tuple[float, str | None]:
    """What lying near a line of contact adds to a Ukrainian settlement's score, and why."""
    if place.country_code != "UA" or place.kind != "settlement":
        return 0.0, None
    bonus, km, weight = max(((weight * _front_bonus(km), km, weight) for weight, line in fronts
                             if (km := _km_to_line(place, line)) <= 80), default=(0.0, math.inf, 1.0))
    return bonus, f"{km:.0f} km from the {'front line' if weight == 1.0 else 'shelled border'}" if bonus else None


def _front_bonus(km: float) -> float:
    """What lying this close to a line of contact adds to a namesake's score."""
    return 2.2 if km <= 15 else 1.6 if km <= 30 else 0.8 if km <= 80 else 0.0


def _km_to_line(place: Place, line: _Line) -> float:
    """Roughly how far a place lies from a line of contact, in km."""
    best = math.inf
    scale = math.cos(math.radians(place.lat))
    for (lat1, lon1), (lat2, lon2) in zip(line, line[1:]):
        # equirectangular projection around the place: exact enough within a few hundred km
        ax, ay = (lon1 - place.lon) * scale, lat1 - place.lat
        bx, by = (lon2 - place.lon) * scale, lat2 - place.lat
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
        best = min(best, math.hypot(ax + t * dx, ay + t * dy) * 111.2)
    return best


def _km(a: Place, b: Place) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12_742 * math.asin(min(1.0, math.sqrt(h)))
