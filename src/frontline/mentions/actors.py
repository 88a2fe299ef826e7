"""Actors: armed forces, governments, officials and civilians named in the text, with a side.

The lexicon below is hand-written on purpose: no PyPI package maps war-reporting phrases ('Kiev's military
crackdown', 'Moscow and its proxies', 'the militia', 'AFU') to conflict sides, and the mapping is small, stable
and reviewable. Persons are recognised by spaCy's PERSON entities and normalised across transliterations with
the same phonetic key the gazetteer uses for place names (Gaidai/Haidai, Synegoubov/Syniehubov).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from frontline.geo.translit import skeleton
from frontline.mentions.places import (
    GIVEN_NAMES,  # one list of given names for both stages: a lone one is a person, not a place
)
from frontline.models import ActorKind, ActorMention, Party, Side

# --- group actors: a regex over the text, the normalised name and the side ---------------------------------
# Order matters: longer, more specific phrases first. Each pattern must match whole words.
_GROUPS: tuple[tuple[str, str, Side, ActorKind], ...] = (
    # (pattern, normalised name, side, kind)
    (r"(?:the )?(?:Russian|Russia's|(?-i:RF)) (?:Defen[cs]e Ministry|Ministry of Defen[cs]e|MoD)|(?:the )?Ministry of "
     r"Defen[cs]e of (?:the )?(?:Russian Federation|(?-i:RF))", "Russian Defence Ministry", "RU", "government"),
    (r"(?:the )?Defen[cs]e Ministry in Moscow", "Russian Defence Ministry", "RU", "government"),
    (r"(?:the )?(?:Ukrainian|Ukraine's) (?:Defen[cs]e Ministry|Ministry of Defen[cs]e)", "Ukrainian Defence Ministry", "UA", "government"),
    (r"(?:the )?(?:Russian|Russia's) (?:General|Gen\.) Staff|(?:the )?General Staff of (?:the )?Russian Armed Forces",
     "Russian General Staff", "RU", "government"),
    # a bare 'General Staff' ('Gen. Staff') in war reporting is Ukraine's, whose daily reports the press quotes
    # ('- General Staff')
    (r"(?:the )?(?:Ukrainian |Ukraine's )?(?:General|Gen\.) Staff(?: of the Armed Forces of Ukraine| of "
     r"(?:the )?(?-i:AFU|ZSU))?",
     "General Staff of the Armed Forces of Ukraine", "UA", "government"),
    (r"(?:the )?Armed Forces of Ukraine|AFU|APU|ZSU", "Armed Forces of Ukraine", "UA", "force"),
    (r"(?:the )?(?:Operational Command|OK) (?:\"?South\"?|Yug)|(?:the )?(?:South|Southern|Yug) Operational Command|"
     r"(?:the )?Southern Defen[cs]e Forces|(?:the )?(?:Joint Forces Operation|(?-i:JFO))(?: (?:HQ|headquarters|press center))?|"
     r"(?:the )?(?:Eastern|Southern|Tavria|Khortytsia) Group of (?:Forces|Troops)",
     "Armed Forces of Ukraine", "UA", "force"),
    # Ukraine's regional and city military administrations (OVA, ODA) and state services that report attacks
    (r"(?:the )?(?:(?-i:OVA|ODA|RMA|MVA)|(?:regional|oblast|city) (?:military|state) administration)",
     "Ukrainian regional administration", "UA", "government"),
    (r"(?:the )?(?:Security Service of Ukraine|(?-i:SBU)|(?:Ukrainian|Ukraine's) (?:military )?intelligence(?: directorate)?|"
     r"(?:Ukraine's )?Main (?:Intelligence )?Directorate(?: of Intelligence)?(?: of (?:the )?(?:Ministry of Defen[cs]e|"
     r"Ukraine))?|(?-i:HUR|GUR))",
     "Ukrainian security services", "UA", "government"),
    (r"(?:the )?(?:Ukrainian )?State Emergency Service(?: of Ukraine)?|(?:the )?(?:Ukrainian )?National Police(?: of Ukraine)?|"
     r"(?:Ukraine's|the Ukrainian) (?:Office of the )?Prosecutor General(?:'s Office)?|(?:the )?(?:Office of the )?"
     r"Prosecutor General(?:'s Office)? of Ukraine",
     "Ukrainian state services", "UA", "government"),
    # the DNR/LNR's military and civil offices that speak for them
    (r"(?:the )?(?:DPR |LPR |DNR |LNR )?People's Militia(?: of the (?:DPR|LPR|DNR|LNR))?|(?:the )?(?:DPR|DNR) territorial "
     r"defen[cs]e(?: headquarters| HQ)?|(?:the )?territorial defen[cs]e (?:headquarters|HQ) of the (?:DPR|DNR)",
     "DNR/LNR forces", "RU_aligned", "force"),
    # the DNR/LNR's offices at the Joint Centre for Control and Coordination, which report Ukrainian strikes
    (r"(?-i:JCCC)", "JCCC", "RU_aligned", "government"),
    (r"(?:the )?Ukrainian (?:General Staff|army|military|armed forces)", "Armed Forces of Ukraine", "UA", "force"),
    (r"Kiev's military|Kyiv's military|Kiev's (?:forces|troops|army)|Kyiv's (?:forces|troops|army)", "Armed Forces of Ukraine", "UA", "force"),
    (r"(?:the )?(?:Ukrainian )?National Guard(?: of Ukraine)?", "National Guard of Ukraine", "UA", "force"),
    (r"(?:the )?Ukrainian border guards?|(?:the )?State Border (?:Guard )?Service", "Ukrainian border guards", "UA", "force"),
    (r"(?:the )?Russian border guards?|(?:the )?(?:Russian )?FSB", "Russian border guards", "RU", "force"),
    (r"(?:the )?(?:Russian|(?-i:RF)) (?:army|military|armed forces)|(?:the )?armed forces of (?:the )?"
     r"(?:Russian Federation|(?-i:RF))|(?:the )?(?:Russian |(?-i:RF) )?Aerospace Forces|(?-i:VKS)",
     "Russian armed forces", "RU", "force"),
    (r"(?:the )?Wagner(?: Group| mercenaries| fighters)?", "Wagner Group", "RU_aligned", "force"),
    # armed formations outside Ukraine's regular forces that fight on its side
    (r"(?:the )?Freedom of Russia Legion", "Freedom of Russia Legion", "UA_aligned", "force"),
    (r"(?:the )?Russian Volunteer Corps", "Russian Volunteer Corps", "UA_aligned", "force"),
    (r"(?:the )?(?:International|Foreign) Legion(?: (?:of|for) (?:the )?(?:Territorial Defen[cs]e of )?Ukraine)?",
     "International Legion", "UA_aligned", "force"),
    (r"(?:the )?Right Sector|(?:the )?(?:Ukrainian |pro-Kiev |pro-Kyiv )?volunteer battalions?",
     "Ukrainian volunteer battalions", "UA_aligned", "force"),
    (r"Moscow and its proxies|(?:Russia's|Moscow's|Russian|pro-Russian) proxies|proxy separatists", "Russian forces and proxies", "RU", "force"),
    (r"(?:the )?(?:Russian|Moscow|Moscow's|Russia's) (?:forces|troops|soldiers|fighters|infantry|units|servicemen|artillery|army|invaders|occupiers)", "Russian forces", "RU", "force"),
    (r"(?:Ukrainian|Ukraine's|Kyiv's) (?:forces|troops|soldiers|fighters|infantry|units|servicemen|defenders|artillery|army|military|men)", "Ukrainian forces", "UA", "force"),
    (r"(?:the )?(?:self-proclaimed )?(?:Donetsk|Luhansk|Lugansk) (?:People's Republic|people's republic)|DPR|LPR|DNR|LNR", "DNR/LNR forces", "RU_aligned", "force"),
    (r"(?:pro-Russian |Russian-backed |Russian |anti-government |armed )*(?:separatists?|rebels?|insurgents?|militias?|militiamen)", "Pro-Russian separatists", "RU_aligned", "force"),
    (r"(?:the )?Kremlin", "Russian government", "RU", "government"),
    (r"(?:the )?(?:Russian|Russia's) (?:government|authorities|officials|presidency|Foreign Ministry|diplomacy|media)", "Russian government", "RU", "government"),
    (r"(?:the )?(?:Ukrainian|Ukraine's|Kyiv's|Kiev's) (?:government|authorities|officials|presidency|Foreign Ministry|prosecutors?)", "Ukrainian government", "UA", "government"),
    (r"(?:the )?(?:regional|local|city|military) (?:authorities|administration|officials)", "local authorities", "UA", "government"),
    (r"(?:the )?Russians", "Russian forces", "RU", "force"),
    # the words Ukrainian reports use for Russia's soldiers on their own ('Invaders shelled a factory')
    (r"(?:the )?(?:invaders|occupiers|occupants|rashists|russists)", "Russian forces", "RU", "force"),
    (r"(?:the )?Ukrainians", "Ukrainians", "UA", "force"),
    (r"(?:the )?(?:White House|Pentagon|(?-i:US) (?:officials?|administration|government|defen[cs]e officials?))|(?:a )?senior (?-i:US) defen[cs]e official", "US government", "US", "government"),
    (r"(?:the )?(?:European Union|(?-i:EU)|European Commission)", "European Union", "EU", "organisation"),
    (r"(?:the )?NATO|North Atlantic Treaty Organi[sz]ation", "NATO", "NATO", "organisation"),
    (r"(?:the )?(?:United Nations|(?-i:UN)|IAEA|(?-i:UN) nuclear watchdog|UNHCR|OHCHR)", "United Nations", "UN", "organisation"),
    (r"(?:the )?OSCE(?: monitors)?", "OSCE", "other", "organisation"),
    # news organisations cited as sources ('according to the BBC'): no side in the war
    (r"(?:the )?(?-i:BBC)", "BBC", "other", "organisation"),
    (r"Reuters", "Reuters", "other", "organisation"),
    (r"(?-i:AFP)|Agence France[- ]Presse", "AFP", "other", "organisation"),
    (r"(?:the )?Associated Press|(?-i:AP) news agency", "Associated Press", "other", "organisation"),
    (r"(?:the )?Institute for the Study of War|(?-i:ISW)", "Institute for the Study of War", "other", "organisation"),
    (r"civilians|residents|(?:local )?people|families|children|inhabitants|refugees|evacuees|passengers", "civilians", "civilians", "civilians"),
)

# Country and capital names used as actors (metonymy): only when the token is the subject of a clause.
_STATES: dict[str, tuple[str, Side]] = {
    "russia": ("Russian government", "RU"), "moscow": ("Russian government", "RU"),
    "ukraine": ("Ukrainian government", "UA"), "kyiv": ("Ukrainian government", "UA"),
    "kiev": ("Ukrainian government", "UA"), "washington": ("US government", "US"),
    "us": ("US government", "US"), "u.s.": ("US government", "US"), "united states": ("US government", "US"),
    "america": ("US government", "US"), "brussels": ("European Union", "EU"),
}

def state_party(name: str) -> Party | None:
    """The government a country or capital name stands for ('Ukraine' -> Ukrainian government / UA), else None."""
    state = _STATES.get(name.lower())
    return Party(*state) if state is not None and (name.lower() != "us" or name == "US") else None


_COUNTRIES = frozenset({"russia", "ukraine", "us", "u.s.", "united states", "america"})


def country_party(name: str) -> Party | None:
    """Like ``state_party`` for a country's name only: a capital before a noun ('Kyiv strikes') is its place."""
    return state_party(name) if name.lower() in _COUNTRIES else None

# Well-known persons: canonical name, side and role. Variants are matched by phonetic key (see translit).
_PERSONS: tuple[tuple[str, Side, str], ...] = (
    ("Vladimir Putin", "RU", "President of Russia"),
    ("Dmitry Peskov", "RU", "Kremlin spokesperson"),
    ("Maria Zakharova", "RU", "Russian Foreign Ministry spokesperson"),
    ("Sergei Lavrov", "RU", "Russian foreign minister"),
    ("Sergei Shoigu", "RU", "Russian defence minister"),
    ("Igor Konashenkov", "RU", "Russian Defence Ministry spokesperson"),
    ("Sergei Sobyanin", "RU", "Mayor of Moscow"),
    ("Volodymyr Zelensky", "UA", "President of Ukraine"),
    ("Dmytro Kuleba", "UA", "Ukrainian foreign minister"),
    ("Serhiy Haidai", "UA", "governor of Luhansk oblast"),
    ("Oleh Syniehubov", "UA", "governor of Kharkiv oblast"),
    ("Pavlo Kyrylenko", "UA", "governor of Donetsk oblast"),
    ("Vadym Filashkin", "UA", "governor of Donetsk oblast"),
    ("Oleksandr Syrskyi", "UA", "Commander-in-Chief of the Armed Forces of Ukraine"),
    ("Valerii Zaluzhnyi", "UA", "Commander-in-Chief of the Armed Forces of Ukraine"),
    ("Denis Pushilin", "RU_aligned", "head of the self-proclaimed DNR"),
    # spokespeople and officials whose statements war reporting cites, with the side they speak for
    ("Eduard Basurin", "RU_aligned", "DNR militia spokesperson"),
    ("Ivan Filiponenko", "RU_aligned", "LNR militia spokesperson"),
    ("Andrei Marochko", "RU_aligned", "LNR militia officer"),
    ("Alexei Kulemzin", "RU_aligned", "mayor of Donetsk (DNR)"),
    ("Ivan Prikhodko", "RU_aligned", "mayor of Horlivka (DNR)"),
    ("Igor Kimakovsky", "RU_aligned", "DNR official"),
    ("Kirill Stremousov", "RU", "Russian-installed official in Kherson oblast"),
    ("Vladimir Saldo", "RU", "Russian-installed head of Kherson oblast"),
    ("Yevgeny Balitsky", "RU", "Russian-installed head of Zaporizhzhia oblast"),
    ("Vladimir Rogov", "RU", "Russian-installed official in Zaporizhzhia oblast"),
    ("Vyacheslav Gladkov", "RU", "governor of Belgorod oblast"),
    ("Yevgeny Prigozhin", "RU_aligned", "head of the Wagner Group"),
    ("Ramzan Kadyrov", "RU", "head of Chechnya"),
    ("Serhiy Cherevatyi", "UA", "spokesperson of the Eastern Group of Forces"),
    ("Hanna Maliar", "UA", "Ukrainian deputy defence minister"),
    ("Kyrylo Tymoshenko", "UA", "deputy head of the Office of the President of Ukraine"),
    ("Andriy Yermak", "UA", "head of the Office of the President of Ukraine"),
    ("Oleksiy Arestovych", "UA", "adviser to the Office of the President of Ukraine"),
    ("Oleksandr Starukh", "UA", "governor of Zaporizhzhia oblast"),
    ("Oleksandr Prokudin", "UA", "governor of Kherson oblast"),
    ("Yaroslav Yanushevych", "UA", "governor of Kherson oblast"),
    ("Valentyn Reznichenko", "UA", "governor of Dnipropetrovsk oblast"),
    ("Serhiy Lysak", "UA", "governor of Dnipropetrovsk oblast"),
    ("Vitaliy Kim", "UA", "governor of Mykolaiv oblast"),
    ("Oleksandr Senkevych", "UA", "mayor of Mykolaiv"),
    ("Ihor Terekhov", "UA", "mayor of Kharkiv"),
    ("Ihor Klymenko", "UA", "head of the National Police of Ukraine"),
    ("Natalia Humeniuk", "UA", "spokesperson of Ukraine's Southern Defence Forces"),
    ("Yurii Ihnat", "UA", "Ukrainian Air Force spokesperson"),
    ("Andriy Yusov", "UA", "Ukrainian military intelligence spokesperson"),
    ("Dmytro Lubinets", "UA", "Ukrainian human rights commissioner"),
    ("Leonid Pasechnik", "RU_aligned", "head of the self-proclaimed LNR"),
    ("Donald Trump", "US", "President of the United States"),
    ("Joe Biden", "US", "President of the United States"),
    ("Keith Kellogg", "US", "US envoy for Ukraine"),
    ("Antony Blinken", "US", "US Secretary of State"),
)

# Words that name a role ('governor', 'spokesman'); a regex alternation shared with the claims stage.
ROLE_WORDS = (r"governor|mayor|head|leader|spokes(?:man|woman|person)|minister|president|commander|chief|official|"
              r"analyst|lawyer|envoy|ambassador|prosecutor|general")
_ROLE_WORDS = re.compile(rf"\b({ROLE_WORDS})\b", re.I)
_RU_CUES = re.compile(r"\b(Russian|Russia's|Moscow|Kremlin|DNR|LNR|Rostov|Belgorod|Kursk)\b", re.I)
_UA_CUES = re.compile(r"\b(Ukrainian|Ukraine's|Kyiv|Kiev|Luhansk|Lugansk|Donetsk|Kharkiv|regional|oblast|"
                      r"province|city)\b", re.I)
_US_CUES = re.compile(r"\b(US|U\.S\.|American|United States)\b")
# The national cues in the order they are tried.
_NATIONAL_CUES: tuple[tuple[re.Pattern[str], Side], ...] = ((_RU_CUES, "RU"), (_US_CUES, "US"), (_UA_CUES, "UA"))

_APOSTROPHE = "['’]"   # curly and straight apostrophes are the same letter here
# Case-insensitive ('Pro-Russian separatists', 'The Kremlin' at a sentence start); acronyms that are also
# English words keep their capitals through a scoped (?-i:...) in the pattern.
_COMPILED = tuple((re.compile(r"\b(?:" + p.replace("'", _APOSTROPHE) + r")\b", re.I), name, side, kind)
                  for p, name, side, kind in _GROUPS)


@dataclass(frozen=True, slots=True)
class PersonIndex:
    """Known persons keyed by the phonetic skeleton of their surname."""

    by_surname: dict[str, tuple[str, Side, str]]

    @classmethod
    def build(cls) -> "PersonIndex":
        return cls({skeleton(name.split()[-1]): (name, side, role) for name, side, role in _PERSONS})

    def lookup(self, name: str) -> tuple[str, Side, str] | None:
        # a possessive is not part of the name: 'Donald Trump’s envoys' names Trump
        bare = re.sub(r"['’]s?$", "", name.strip())
        parts = [p for p in re.split(r"[\s.]+", bare) if p and p[0].isupper()]
        if not parts:
            return None
        return self.by_surname.get(skeleton(parts[-1]))


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in taken)


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+|\n")
_ATTRIBUTION_LEAD = re.compile(r"^\s*(?:according to|said|says|told)\s+", re.I)


def _person_role_and_side(text: str, ent: Span) -> tuple[str | None, Side]:
    """Read a role and side from the words around a person's name ('Luhansk regional governor X', 'X, the head of')."""
    # the role is read from the name's own sentence: 'y.\n\nAccording to the Rostov Region's ... spokesman X'
    left = _SENTENCE_BREAK.split(text[max(0, ent.start_char - 60):ent.start_char])[-1]
    left = _ATTRIBUTION_LEAD.sub("", left)
    role = None
    m = next(reversed(list(_ROLE_WORDS.finditer(left))), None)     # the last role word
    if m is not None:
        # the role phrase runs from the last role word's phrase start to the name
        phrase = left[left.rfind(",", 0, m.start()) + 1:].strip(" ,")
        phrase = re.sub(r"^(?:the|a|an|said|says|,)\s+", "", phrase, flags=re.I)
        role = phrase.rstrip(",") or None
    else:
        right = text[ent.end_char:ent.end_char + 80]
        rm = re.match(rf",\s*((?:the |a )?[^,.;]{{0,60}}?\b(?:{ROLE_WORDS})\b[^,.;]{{0,40}})", right, re.I)
        if rm:
            role = rm.group(1).strip()
    return role, _side_of(role or "", left, text[ent.end_char:ent.end_char + 60])


_INSTALLED = re.compile(r"\b(?:Russian[- ]installed|Moscow[- ]installed|Kremlin[- ]installed|pro-Russian|"
                        r"occupation|self-proclaimed|separatist|DNR|LNR|DPR|LPR)\b", re.I)
_LOCAL_OFFICE = re.compile(r"\b(?:governor|mayor|head of the (?:\w+ )?(?:region|oblast|city|district|military)|"
                           r"regional|city council|administration)\b", re.I)


def role_side(role: str) -> Side:
    """The side a role phrase alone gives ('the Russian-installed governor' RU, 'the mayor' UA), else 'unknown'."""
    return _side_of(role, "", "")


def bare_local_office(role: str | None) -> bool:
    """Whether a role is a local office named without qualification ('the mayor', 'the head of the city
    administration'): its side is only the default ``role_side`` gives, the Ukrainian one, and the words around
    (who attacked the place the official speaks for) may say otherwise."""
    return bool(role) and _LOCAL_OFFICE.search(role or "") is not None and not _INSTALLED.search(role or "") and \
        not _NATION_NAMED.search(role or "")


# A role qualified by a nation or a seat of government: its side is read, not defaulted.
_NATION_NAMED = re.compile(r"\b(?:Russian|Russia's|Moscow|Kremlin|Rostov|Belgorod|Kursk|Bryansk|Ukrainian|Ukraine's|"
                           r"Kyiv|Kiev|US|U\.S\.|American)\b", re.I)


def _side_of(role: str, left: str, right: str) -> Side:
    """The side of a person from the role phrase, then from the nearest national cue around the name.

    A governor or mayor named without qualification is the Ukrainian one: reporting qualifies the others
    ('the Russian-installed governor', 'the self-proclaimed republic's head').
    """
    if _INSTALLED.search(role):
        return "RU_aligned" if re.search(r"separatist|self-proclaimed|DNR|LNR|DPR|LPR", role, re.I) else "RU"
    for cues, side in _NATIONAL_CUES:
        if cues.search(role):
            return side
    if role and _LOCAL_OFFICE.search(role):
        return "UA"
    found: list[tuple[int, Side]] = []
    for cues, side in _NATIONAL_CUES:
        for m in cues.finditer(left):
            found.append((len(left) - m.end(), side))
        for m in cues.finditer(right):
            found.append((m.start(), side))
    return min(found)[1] if found else "unknown"


def _persons(doc: Doc) -> list[Span]:
    """PERSON entities, with a first name and a surname the model split in two joined again.

    A one-word 'person' that the tagger does not read as a proper noun is a common word, not a name.
    """
    out: list[Span] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        if len(ent) == 1 and ent.root.pos_ != "PROPN":
            continue      # 'Trains not run to ...': a plural noun the NER took for a name
        if ent.text.endswith(("-", "\u2013")):
            continue      # 'Pro-' of 'Pro-Kiev': a fragment, not a name
        if out and out[-1].end == ent.start and out[-1].end_char + 1 == ent.start_char:
            out[-1] = doc[out[-1].start:ent.end]
        else:
            out.append(ent)
    return out


# Nouns for a person that a bare given name stands next to: 'soldier Andrii', 'Inna, a mother of five'.
_PERSON_NOUNS = frozenset({"soldier", "girlfriend", "boyfriend", "wife", "husband", "mother", "father", "son",
                           "daughter", "brother", "sister", "friend", "comrade", "resident", "volunteer", "conscript",
                           "medic", "commander", "fighter", "deserter", "officer", "sergeant", "nurse", "doctor",
                           "teacher", "pensioner", "driver", "man", "woman", "grandmother", "grandfather"})


# A given name after these is a village of that name ('fighting in Roman'), not a person.
_PLACE_PREPOSITIONS = frozenset({"in", "near", "from", "into", "towards", "toward", "outside"})


def _given_name_persons(doc: Doc, taken: list[tuple[int, int]]) -> list[Span]:
    """People the NER missed that features name by a given name alone ('Denys, 27, ...', 'soldier Andrii').

    A title-case word is a person when it is a common given name, or when the words around it say so: an age
    in apposition ('Mykola, 31,'), a relative 'who' ('Denys, who has served'), or a person noun in apposition
    ('soldier Andrii', 'Inna, a nurse').
    """
    out: list[Span] = []
    for tok in doc:
        if not tok.is_title or tok.ent_type_ in ("NORP", "DATE") or not (
                tok.pos_ == "PROPN" or tok.lower_ in GIVEN_NAMES and tok.pos_ == "NOUN"):
            continue
        if _overlaps(tok.idx, tok.idx + len(tok.text), taken) or tok.head.lower_ in _PLACE_PREPOSITIONS:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and doc[tok.i + 1].pos_ == "PROPN":
            continue      # a first name before a surname: a full name, the NER's or the known persons' to read
        if any(c.dep_ == "compound" and c.ent_type_ == "ORG" for c in tok.children):
            continue      # 'According to the BBC Sergei is not the only one': the parse joins source and name
        nxt = doc[tok.i + 1:tok.i + 4]
        aged = len(nxt) == 3 and nxt[0].text == "," and nxt[1].like_num and nxt[2].text == ","
        relative = any(c.dep_ == "relcl" and any(g.lower_ == "who" for g in c.children) for c in tok.children)
        beside = (tok.dep_ == "appos" and tok.head.lemma_.lower() in _PERSON_NOUNS) or any(
            c.dep_ == "appos" and c.lemma_.lower() in _PERSON_NOUNS for c in tok.children)
        if tok.lower_ in GIVEN_NAMES or aged or relative or beside:
            out.append(doc[tok.i:tok.i + 1])
    return out


def _one_spelling(persons: list[ActorMention]) -> None:
    """Give every full-name mention of one person the party of the first ('Oleksandr Vilkul' ... 'Alexander Vilkoul').

    Mentions are one person when their surnames share a transliteration skeleton; the side and role come from
    the first mention that has them. Works in place.
    """
    first: dict[str, int] = {}
    for i, a in enumerate(persons):
        words = a.text.split()
        if len(words) < 2:
            continue
        key = skeleton(words[-1])
        if key not in first:
            first[key] = i
            continue
        lead = persons[first[key]].party
        merged = Party(lead.name, lead.side if lead.side != "unknown" else a.party.side, lead.role or a.party.role)
        if merged != lead:
            persons[first[key]] = replace(persons[first[key]], party=merged)
        persons[i] = replace(a, party=merged)


# A speaker placing himself on a side in his own words: 'We are the Russian army', 'I was a Ukrainian soldier'.
_SELF_IDENTIFIED = re.compile(r"\b(?:we|I) (?:are|were|am|was|'re|'m|’re|’m) (?:the |a |an )?(?:\w+ )?"
                              r"(Russian|Ukrainian)s?\b", re.I)


def _self_identified(text: str, actors: list[ActorMention]) -> None:
    """Give a person of unknown side the side he names himself in his paragraph, after his name. Works in place.

    Features quote a soldier known only by a first name ('Sergei (not his real name) ... "We are the Russian
    army"'); the side is read up to the next person named, so another speaker's words are not his.
    """
    for a in list(actors):
        if a.kind != "person" or a.party.side != "unknown":
            continue
        end = text.find("\n", a.end)
        end = len(text) if end < 0 else end
        later = [b.start for b in actors if b.kind == "person" and b.start > a.end and b.party.name != a.party.name]
        end = min([end, *later])
        m = _SELF_IDENTIFIED.search(text, a.end, end)
        if m is None:
            continue
        side: Side = "RU" if m.group(1).lower() == "russian" else "UA"
        party = replace(a.party, side=side)
        for j, b in enumerate(actors):
            if b.party == a.party:
                actors[j] = replace(b, party=party)


def find_actors(doc: Doc, persons: PersonIndex | None = None) -> list[ActorMention]:
    """Find actors in a parsed document.

    Args:
        doc: a spaCy Doc of the cleaned article text.
        persons: the known-person index (built once by the caller; built here if not given).

    Returns:
        Actor mentions sorted by start offset, with character offsets into ``doc.text``.
    """
    persons = persons or PersonIndex.build()
    found: list[ActorMention] = []
    taken: list[tuple[int, int]] = []
    _add_named_persons(doc, persons, found, taken)
    _one_spelling(found)
    _add_known_surnames(doc, persons, found, taken)
    _add_later_surnames(doc, found, taken)
    _add_lexicon_actors(doc.text, found, taken)
    _add_given_name_persons(doc, found, taken)
    _add_states(doc, found, taken)
    found.sort(key=lambda a: a.start)
    _self_identified(doc.text, found)
    return found


def _take(found: list[ActorMention], taken: list[tuple[int, int]], mention: ActorMention) -> None:
    """Keep a mention, and mark its span as taken for the steps after."""
    found.append(mention)
    taken.append((mention.start, mention.end))


def _add_named_persons(doc: Doc, persons: PersonIndex, found: list[ActorMention],
                       taken: list[tuple[int, int]]) -> None:
    """The persons the NER names: a known person's party from the table, anyone else's from the words around."""
    for ent in _persons(doc):
        known = persons.lookup(ent.text)
        role: str | None
        if known:
            name, side, role = known
        else:
            role, side = _person_role_and_side(doc.text, ent)
            name = ent.text
        _take(found, taken, ActorMention(ent.start_char, ent.end_char, ent.text, Party(name, side, role), "person"))


def _add_known_surnames(doc: Doc, persons: PersonIndex, found: list[ActorMention],
                        taken: list[tuple[int, int]]) -> None:
    """Known persons the NER missed ('Serhiy Haidai spoke'): a title-case surname of the person table, with the
    title-case first name before it."""
    text = doc.text
    for tok in doc:
        if not tok.is_title or _overlaps(tok.idx, tok.idx + len(tok.text), taken):
            continue
        known = persons.by_surname.get(skeleton(tok.text))
        if known is None:
            continue
        start = tok.nbor(-1).idx if tok.i > 0 and tok.nbor(-1).is_title and not tok.nbor(-1).is_sent_start \
            or tok.i > 0 and tok.nbor(-1).is_title and tok.nbor(-1).i == 0 else tok.idx
        if _overlaps(start, tok.idx + len(tok.text), taken):
            start = tok.idx
        end = tok.idx + len(tok.text)
        _take(found, taken, ActorMention(start, end, text[start:end], Party(*known), "person"))


def _add_later_surnames(doc: Doc, found: list[ActorMention], taken: list[tuple[int, int]]) -> None:
    """A person named in full once is often named by surname alone afterwards ('According to Gaidai'), and the
    statistical NER misses many of those: find every later surname of a person already found."""
    surnames = {skeleton(a.text.split()[-1]): a for a in found if len(a.text.split()) > 1}
    for tok in doc:
        if not tok.is_title or _overlaps(tok.idx, tok.idx + len(tok.text), taken):
            continue
        earlier = surnames.get(skeleton(tok.text))
        if earlier is not None and earlier.start < tok.idx:
            _take(found, taken, ActorMention(tok.idx, tok.idx + len(tok.text), tok.text, earlier.party, "person"))


def _add_lexicon_actors(text: str, found: list[ActorMention], taken: list[tuple[int, int]]) -> None:
    """The forces, governments and groups of the actor lexicon, where no earlier mention holds the words."""
    for rx, name, side, kind in _COMPILED:
        for m in rx.finditer(text):
            if _overlaps(m.start(), m.end(), taken):
                continue
            _take(found, taken, ActorMention(m.start(), m.end(), m.group(0), Party(name, side), kind))


def _add_given_name_persons(doc: Doc, found: list[ActorMention], taken: list[tuple[int, int]]) -> None:
    """Persons named by a given name the NER did not tag (``_given_name_persons``), typed by the words around."""
    for ent in _given_name_persons(doc, taken):
        role, side = _person_role_and_side(doc.text, ent)
        _take(found, taken, ActorMention(ent.start_char, ent.end_char, ent.text, Party(ent.text, side, role),
                                         "person"))


# Nouns of ground a country's possessive names a part of: the country is where, not who.
_GROUND_NOUNS = frozenset({"east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest",
                           "region", "regions", "city", "town", "village", "border", "territory", "oblast",
                           "capital", "port", "coast", "frontline", "front", "soil"})


def _owns_ground(doc: Doc, tok: Token) -> bool:
    """Whether a possessive country names the owner of a place or a part of its ground: its head, or the word
    after its 's (the parse may hang it elsewhere: 'shelling of Ukraine's Gorlovka - city administration'), is a
    proper name or a noun of ground."""
    after = tok.i + 2 if tok.i + 1 < len(doc) and doc[tok.i + 1].dep_ == "case" else tok.i + 1
    words = [tok.head] + ([doc[after]] if after < len(doc) else [])
    return any(w.pos_ == "PROPN" or w.lemma_.lower() in _GROUND_NOUNS for w in words)


def _add_states(doc: Doc, found: list[ActorMention], taken: list[tuple[int, int]]) -> None:
    """Metonymy: a country or capital as the subject of a clause ('Moscow said', 'Kyiv denies', 'Russia invaded').
    A country (not a capital, which is more often a place) is an actor as a verb's object too ('threatened Russia
    with sanctions')."""
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass", "poss", "dobj") or tok.ent_type_ not in ("GPE", "LOC", ""):
            continue
        span = doc[tok.left_edge.i:tok.i + 1] if tok.left_edge.i >= tok.i - 2 else doc[tok.i:tok.i + 1]
        key = span.text.lower().removeprefix("the ")
        if tok.dep_ == "dobj" and key not in _COUNTRIES:
            continue
        if tok.dep_ == "poss" and _owns_ground(doc, tok):
            continue      # 'Ukraine's Kharkiv', 'Russia's Belgorod region', 'Ukraine's east': where, not who
        if key == "us" and tok.text != "US":
            continue      # the pronoun 'us' ('rest us well'), not the United States
        state = _STATES.get(key) or _STATES.get(tok.text.lower())
        if state is None or _overlaps(tok.idx, tok.idx + len(tok.text), taken):
            continue
        _take(found, taken, ActorMention(tok.idx, tok.idx + len(tok.text), tok.text, Party(*state), "country"))
