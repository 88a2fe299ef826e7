"""Romanise Ukrainian and Russian place names the ways news outlets and agencies do, and key them.

GeoNames' Latin alternates cover the English renderings of big places but not the French, German, Dutch and
Polish ones agencies use ('Tchassiv Iar', 'Charkiw', 'Sjevjerodonetsk'), nor those of villages. So the
gazetteer builder renders every Cyrillic alternate in several systems, and ``skeleton`` folds what is left
(kh/h/g, ie/je/ye/e, y/i/j, ou/u, doubled letters, apostrophes) so that spellings meet on one key.

The tables are hand-written because no maintained PyPI library covers these agency renderings
(``transliterate`` and ``cyrtranslit`` do one scientific system each).
"""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

__all__ = ["SYSTEMS", "transliterate", "variants", "compound_form", "adjective_stems", "normalize", "skeleton",
           "is_cyrillic", "is_ukrainian", "is_russian", "ukrainian_forms"]

_VOWELS = set("аеєиіїоуюяыэё")
_APOSTROPHES = "'’ʼ`´‘ʹ\"”“"
_UKRAINIAN_ONLY = set("іїєґ")
_RUSSIAN_ONLY = set("ыэёъ")

# Per system: (letter map, initial-position overrides). Letters missing from a map fall back to the
# national Ukrainian system's rendering.
_UA_NATIONAL = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "ы": "y", "э": "e", "ё": "io", "ъ": "",
}
_UA_NATIONAL_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

# The simpler English rendering most Anglophone news used before 2010 and still often uses.
_EN_SIMPLE = dict(_UA_NATIONAL, **{"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya", "ь": ""})

_RU_BGN = dict(_UA_NATIONAL, **{"г": "g", "и": "i", "й": "y", "е": "e", "ё": "yo", "ы": "y", "ю": "yu",
                                 "я": "ya", "є": "ye", "ї": "yi", "і": "i"})
_RU_BGN_INITIAL = {"е": "ye", "ё": "yo"}

_FRENCH = dict(_UA_NATIONAL, **{"г": "h", "ж": "j", "и": "y", "й": "ï", "х": "kh", "ч": "tch", "ш": "ch",
                                 "щ": "chtch", "у": "ou", "ю": "iou", "я": "ia", "є": "ie", "ї": "ï",
                                 "е": "e", "ц": "ts"})
_FRENCH_RU = dict(_FRENCH, **{"г": "g", "и": "i", "ы": "y", "е": "e", "ё": "io"})

_GERMAN = dict(_UA_NATIONAL, **{"г": "h", "ж": "sch", "з": "s", "в": "w", "и": "y", "й": "j", "х": "ch",
                                 "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ю": "ju", "я": "ja",
                                 "є": "je", "ї": "ji", "е": "e"})
_GERMAN_RU = dict(_GERMAN, **{"г": "g", "и": "i", "е": "e", "ё": "jo", "ы": "y"})

_POLISH = dict(_UA_NATIONAL, **{"г": "h", "ж": "ż", "в": "w", "и": "y", "й": "j", "х": "ch", "ц": "c",
                                 "ч": "cz", "ш": "sz", "щ": "szcz", "ю": "ju", "я": "ja", "є": "je",
                                 "ї": "ji", "л": "ł"})

_DUTCH = dict(_UA_NATIONAL, **{"г": "h", "ж": "zj", "и": "y", "й": "j", "х": "ch", "ц": "ts", "ч": "tsj",
                                "ш": "sj", "щ": "sjtsj", "у": "oe", "ю": "joe", "я": "ja", "є": "je",
                                "ї": "ji", "е": "e"})
_DUTCH_RU = dict(_DUTCH, **{"г": "g", "и": "i", "ё": "jo", "ы": "y"})

SYSTEMS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "ua_national": (_UA_NATIONAL, _UA_NATIONAL_INITIAL),
    "en_simple": (_EN_SIMPLE, {}),
    "ru_bgn": (_RU_BGN, _RU_BGN_INITIAL),
    "fr": (_FRENCH, {}),
    "fr_ru": (_FRENCH_RU, {}),
    "de": (_GERMAN, {}),
    "de_ru": (_GERMAN_RU, {"е": "je"}),
    "pl": (_POLISH, {}),
    "nl": (_DUTCH, {}),
    "nl_ru": (_DUTCH_RU, {"е": "je"}),
}


def is_cyrillic(text: str) -> bool:
    """Whether ``text`` is written mostly in Cyrillic letters."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum("\u0400" <= c <= "\u04ff" for c in letters) * 2 > len(letters)


def is_ukrainian(text: str) -> bool:
    """Whether a Cyrillic name is certainly Ukrainian (it has і, ї, є or ґ)."""
    return any(c in _UKRAINIAN_ONLY for c in text.lower())


def is_russian(text: str) -> bool:
    """Whether a Cyrillic name is certainly Russian (it has ы, э, ё or ъ)."""
    return any(c in _RUSSIAN_ONLY for c in text.lower())


def transliterate(text: str, system: str = "ua_national") -> str:
    """Romanise Cyrillic ``text`` with one of ``SYSTEMS``, keeping case at word starts.

    Raises:
        KeyError: ``system`` is not one of ``SYSTEMS``.
    """
    table, initial = SYSTEMS[system]
    lower = text.lower()
    out: list[str] = []
    prev = " "
    for i, ch in enumerate(text):
        low = lower[i]
        if low in _APOSTROPHES:
            continue     # an apostrophe neither prints nor starts a word: 'Куп’янськ' -> 'Kupiansk'
        if low not in table:
            out.append(ch)
            prev = low
            continue
        rendered = initial.get(low, table[low]) if not prev.isalpha() else table[low]
        nxt = lower[i + 1] if i + 1 < len(text) else " "
        if system.startswith("fr") and low == "с" and prev in _VOWELS and nxt in _VOWELS:
            rendered = "ss"      # French doubles an intervocalic s ('Tchassiv Iar')
        elif system == "ua_national" and low == "г" and prev == "з":
            rendered = "gh"      # the national system writes зг as 'zgh' to keep it apart from ж
        if ch != low and rendered:
            rendered = rendered[0].upper() + rendered[1:]
        out.append(rendered)
        prev = low
    return "".join(out)


def variants(cyrillic: str) -> set[str]:
    """All renderings of a Cyrillic name in every system, Ukrainian and Russian alike."""
    return {transliterate(cyrillic, name) for name in SYSTEMS}


# An adjective leading a two-word name: 'Красный Лиман', 'Велика Новосілка', 'Новое'.
_ADJECTIVE_ENDING = re.compile(r"(?:ий|ый|ой|ій|ая|яя|ое|ее|ие|а|е|я)$")


def compound_form(cyrillic: str) -> str | None:
    """The one-word compound of a two-word name led by an adjective, as Russian and Ukrainian join them.

    'Красный Лиман' -> 'Краснолиман' (the stem of 'Krasnolimansky direction'), 'Велика Новосілка' ->
    'Великоновосілка'. None for any other name.
    """
    words = cyrillic.split()
    if len(words) != 2 or not all(w.isalpha() for w in words) or not _ADJECTIVE_ENDING.search(words[0].lower()):
        return None
    stem = _ADJECTIVE_ENDING.sub("", words[0])
    return f"{stem}о{words[1].lower()}" if len(stem) >= 3 else None


# Russian and Ukrainian adjectives of a town ('Kupyansky district', 'Krasnolimanskoye direction'),
# romanised: the town's name ends before 'sk' or includes it.
_ADJECTIVE_SUFFIX = re.compile(r"(?<=sk)(?:iy|yi|yy|ij|y|i|oye|oe|oy|aya|aia|a|e|ogo|om)$", re.I)


def adjective_stems(word: str) -> list[str]:
    """The town names a romanised place adjective may come from, longest first: 'Kupyansky' -> ['Kupyansk', 'Kupyan'].

    'Krasnolimansk' gives ['Krasnoliman']. Empty when ``word`` is not shaped like such an adjective.
    """
    match = _ADJECTIVE_SUFFIX.search(word)
    if match is not None and match.start() >= 5:
        with_sk = word[:match.start()]
        return [with_sk, with_sk[:-2]]
    # the short adjective of agency Russian: 'the Krasnolimansk direction'
    return [word[:-2]] if word.lower().endswith("sk") and len(word) >= 7 else []


_ST = re.compile(r"\bst\.?\s+")
_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalize(name: str) -> str:
    """The exact-match key: lower case, no diacritics, apostrophes or hyphens, 'St.' spelled out."""
    text = name.strip()
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    text = unidecode(unicodedata.normalize("NFC", text)).lower()
    text = text.replace("'", "")
    text = _ST.sub("saint ", text)
    return _NON_WORD.sub(" ", text).strip()


# Order matters: digraphs first, then vowel and glide folding, then doubled letters.
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("tsch", "ch"), ("tsj", "ch"), ("tch", "ch"), ("cz", "ch"), ("sch", "sh"), ("sz", "sh"), ("zj", "zh"),
    ("kh", "h"), ("g", "h"), ("w", "v"), ("ou", "u"), ("oe", "u"), ("ph", "f"), ("x", "ks"),
    ("ts", "c"), ("tz", "c"), ("ck", "k"),
    ("ie", "e"), ("je", "e"), ("ye", "e"), ("y", "i"), ("j", "i"),
)
_DOUBLES = re.compile(r"(.)\1+")


def skeleton(name: str) -> str:
    """A loose phonetic key on which most romanisations of one name meet ('Kupyansk' = 'Kup'iansk')."""
    text = normalize(name).replace(" ", "")
    for old, new in _SKELETON_RULES:
        text = text.replace(old, new)
    return _DOUBLES.sub(r"\1", text)


# Russian-style romanisations of Ukrainian names, folded towards the Ukrainian ones (no library maps romanised
# Russian onto romanised Ukrainian: the transliterators work from Cyrillic). Ordinals first ('Novoselovka Vtoraya'
# is Novoselivka Druha), then the adjective endings ('Velikaya', 'Pervomayskoye', 'Bolshoy' -> 'Velyka',
# 'Pervomaiske', 'Bolshyi'), then the vowel Ukrainian writes as i where Russian keeps o or e in a closed syllable
# ('-ovka', '-evka' -> '-ivka'; '-ovsk' -> '-ivsk') and the neuter '-ovo' / '-evo' / '-ino' -> '-ove' / '-eve' /
# '-yne' ('Svatovo', 'Kurakhovo'); 'Bel-' is 'Bil-' (white), 'Aleks-' 'Oleks-', and 'Bolshaya' is 'Velyka'.
_ORDINALS = {
    "pervaya": "persha", "pervaia": "persha", "pervoye": "pershe", "pervoe": "pershe", "pervyy": "pershyi",
    "pervyi": "pershyi", "pervy": "pershyi", "vtoraya": "druha", "vtoraia": "druha", "vtoroye": "druhe",
    "vtoroe": "druhe", "vtoroy": "druhyi", "vtoroi": "druhyi", "tretya": "tretia", "tretia": "tretia",
    "tretye": "tretie", "tretie": "tretie", "tretiy": "tretii", "tretii": "tretii",
    # 'big' is another word in Ukrainian: 'Bolshaya Novosyolka' is Velyka Novosilka
    "bolshaya": "velyka", "bolshaia": "velyka", "bolshoy": "velykyi", "bolshoi": "velykyi", "bolshoye": "velyke",
    "bolshoe": "velyke", "bolshiye": "velyki", "bolshie": "velyki",
}
_RU_TO_UA: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"(?<=[^aeiouy])yo", "e"),                     # ё: 'Novosyolovka' -> 'Novoselovka'
    (r"aya$|aia$|aja$", "a"), (r"(?:oye|oe|oje|eye|ee)$", "e"), (r"(?:yy|iy|ij|yi|ii|oy|oi|oj)$", "yi"),
    (r"ey?e(?=vk(?:a|e|y|i|yi)?$)", "ii"),            # 'Avdeevka', 'Avdeyevka' -> 'Avdiivka'
    (r"(?<=[^aeiouy])(?:o|e|ye|yo)(?=(?:v|vs)k(?:a|e|y|i|yi)?$)", "i"),    # '-ovka' -> '-ivka', '-ovsk' -> '-ivsk'
    (r"^bel(?=[oa])", "bil"),                        # 'Belogorovka', 'Belaya' -> 'Bilohorivka', 'Bila'
    (r"^(novo|staro|)aleks(?=[aei])", r"\1oleks"),      # 'Novoaleksandrovka', 'Alekseyevka' -> 'Novooleksandrivka'
    (r"(?<=[^aeiouy])(?:e|o)(?=(?:l|n|r)ka$)", "i"),  # 'Novoselka' -> 'Novosilka'
    (r"ovo$", "ove"), (r"evo$", "eve"), (r"ino$", "yne"), (r"yno$", "yne"),
))


def ukrainian_forms(name: str) -> list[str]:
    """Ukrainian romanisations a Russian-style romanised name may stand for, most changed first.

    'Novosyolovka Vtoraya' -> ['Novoselivka Druha', ...]; 'Velikaya Novoselka' -> ['Velyka Novosilka', ...] on
    the skeleton key. Empty when no rule applies.
    """
    words = name.split()
    ordinals = [_ORDINALS.get(w.lower(), w) for w in words]
    folded = []
    for word in ordinals:
        low = word.lower()
        for pattern, replacement in _RU_TO_UA:
            low = pattern.sub(replacement, low)
        folded.append(low if low != word.lower() else word)
    out = [" ".join(folded), " ".join(ordinals)]
    return [form for form in dict.fromkeys(out) if normalize(form) != normalize(name)]
