"""Derive frontline's packaged gazetteer from the GeoNames dumps in shared/data/gazetteer.

Usage::

    python scripts/build_gazetteer.py [--source /work/shared/data/gazetteer] [--out src/frontline/data/gazetteer.tsv.gz]

What goes in:
- every Ukrainian populated place (GeoNames feature class P, less historical and abandoned ones) with its
  Latin alternates, the renderings of its Cyrillic alternates in the agency systems of ``frontline.geo.translit``
  and their skeleton keys; the canonical name is the national-system spelling when GeoNames lists it;
- the Ukrainian oblasts (ADM1) with canonical English names and their 'X oblast' / 'X region' / 'X province'
  phrasings, the Donbas as a region;
- Russian towns from cities500: the border regions (Rostov, Belgorod, Kursk, Bryansk, Voronezh, Krasnodar)
  in full, every other Russian town of 50,000 or more, and the Russian regions themselves;
- a short hand list of countries and world cities, so that 'Washington' or 'Paris' never lands in Ukraine.

Output: one gzip TSV (see ``frontline.geo.gazetteer`` for the columns), with GeoNames' CC BY 4.0 attribution
beside it.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import logging
import sys
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

from frontline.geo.translit import (
    compound_form,
    is_cyrillic,
    is_russian,
    normalize,
    skeleton,
    transliterate,
    variants,
)

log = logging.getLogger("build_gazetteer")

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = Path("/work/shared/data/gazetteer")
DEFAULT_OUT = ROOT / "src" / "frontline" / "data" / "gazetteer.tsv.gz"
ATTRIBUTION = "Place data from GeoNames (geonames.org), CC BY 4.0\n"

# Canonical English oblast names (as the news writes them) and other spellings of their stems.
UA_ADMIN1: dict[str, tuple[str, ...]] = {
    "01": ("Cherkasy", "Cherkassy", "Cherkaska", "Cherkasskaya"),
    "02": ("Chernihiv", "Chernigov", "Chernihivska", "Chernigovskaya"),
    "03": ("Chernivtsi", "Chernovtsy", "Chernivetska", "Chernovitskaya"),
    "04": ("Dnipropetrovsk", "Dnepropetrovsk", "Dnipropetrovska", "Dnepropetrovskaya", "Dnipro", "Dnepr",
           "Sicheslav"),
    "05": ("Donetsk", "Donetska", "Donetskaya", "Donetsk People's Republic", "DPR", "DNR"),
    "06": ("Ivano-Frankivsk", "Ivano-Frankovsk", "Ivano-Frankivska"),
    "07": ("Kharkiv", "Kharkov", "Kharkivska", "Kharkovskaya", "Charkiw"),
    "08": ("Kherson", "Khersonska", "Khersonskaya", "Cherson"),
    "09": ("Khmelnytskyi", "Khmelnytskyy", "Khmelnytsky", "Khmelnitsky", "Khmelnitskiy", "Khmelnytska"),
    "10": ("Kirovohrad", "Kirovograd", "Kropyvnytskyi", "Kirovohradska"),
    "11": ("Crimea", "Krym", "Crimean", "Republic of Crimea", "Crimean Peninsula"),
    "12": ("Kyiv City", "Kiev City", "City of Kyiv"),
    "13": ("Kyiv", "Kiev", "Kyivska", "Kievskaya"),
    "14": ("Luhansk", "Lugansk", "Luhanska", "Luganskaya", "Luhansk People's Republic",
           "Lugansk People's Republic", "LPR", "LNR"),
    "15": ("Lviv", "Lvov", "Lvivska", "Lwow"),
    "16": ("Mykolaiv", "Mykolayiv", "Nikolaev", "Nikolayev", "Mykolaivska", "Nikolaevskaya"),
    "17": ("Odesa", "Odessa", "Odeska", "Odesskaya"),
    "18": ("Poltava", "Poltavska", "Poltavskaya"),
    "19": ("Rivne", "Rovno", "Rivnenska"),
    "20": ("Sevastopol", "Sebastopol"),
    "21": ("Sumy", "Sumska", "Sumskaya"),
    "22": ("Ternopil", "Ternopol", "Ternopilska"),
    "23": ("Vinnytsia", "Vinnytsya", "Vinnitsa", "Vinnytska"),
    "24": ("Volyn", "Volynska", "Volhynia"),
    "25": ("Zakarpattia", "Transcarpathia", "Transcarpathian", "Zakarpatska"),
    "26": ("Zaporizhzhia", "Zaporizhia", "Zaporizhzhya", "Zaporozhye", "Zaporozhe", "Zaporizka",
           "Zaporozhskaya"),
    "27": ("Zhytomyr", "Zhitomir", "Zhytomyrska"),
}
# Stems that read as a complete name of the oblast even without 'oblast' after them.
UA_ADMIN1_STANDALONE = {"Donetsk People's Republic", "DPR", "DNR", "Luhansk People's Republic",
                        "Lugansk People's Republic", "LPR", "LNR", "Crimea", "Krym", "Republic of Crimea",
                        "Crimean Peninsula", "Transcarpathia", "Volhynia", "Kyiv City", "City of Kyiv",
                        "Kiev City"}
ADMIN1_SUFFIXES = ("oblast", "region", "province", "oblast'", "area", "krai", "territory", "republic")

# GeoNames' Russian admin1 codes -> English region names (largest city per code checked by hand).
RU_ADMIN1: dict[str, str] = {
    "01": "Adygea", "03": "Altai Republic", "04": "Altai Krai", "05": "Amur", "06": "Arkhangelsk",
    "07": "Astrakhan", "08": "Bashkortostan", "09": "Belgorod", "10": "Bryansk", "11": "Buryatia",
    "12": "Chechnya", "13": "Chelyabinsk", "15": "Chukotka", "16": "Chuvashia", "17": "Dagestan",
    "19": "Ingushetia", "20": "Irkutsk", "21": "Ivanovo", "22": "Kabardino-Balkaria", "23": "Kaliningrad",
    "24": "Kalmykia", "25": "Kaluga", "27": "Karachay-Cherkessia", "28": "Karelia", "29": "Kemerovo",
    "30": "Khabarovsk", "31": "Khakassia", "32": "Khanty-Mansi", "33": "Kirov", "34": "Komi",
    "37": "Kostroma", "38": "Krasnodar", "40": "Kurgan", "41": "Kursk", "42": "Leningrad", "43": "Lipetsk",
    "44": "Magadan", "45": "Mari El", "46": "Mordovia", "47": "Moscow Oblast", "48": "Moscow",
    "49": "Murmansk", "50": "Nenets", "51": "Nizhny Novgorod", "52": "Novgorod", "53": "Novosibirsk",
    "54": "Omsk", "55": "Orenburg", "56": "Oryol", "57": "Penza", "59": "Primorsky", "60": "Pskov",
    "61": "Rostov", "62": "Ryazan", "63": "Sakha", "64": "Sakhalin", "65": "Samara",
    "66": "Saint Petersburg", "67": "Saratov", "68": "North Ossetia", "69": "Smolensk", "70": "Stavropol",
    "71": "Sverdlovsk", "72": "Tambov", "73": "Tatarstan", "75": "Tomsk", "76": "Tula", "77": "Tver",
    "78": "Tyumen", "79": "Tuva", "80": "Udmurtia", "81": "Ulyanovsk", "83": "Vladimir", "84": "Volgograd",
    "85": "Vologda", "86": "Voronezh", "87": "Yamalo-Nenets", "88": "Yaroslavl", "89": "Jewish Autonomous",
    "90": "Perm", "91": "Krasnoyarsk", "92": "Kamchatka", "93": "Zabaykalsky",
}
RU_BORDER_ADMIN1 = {"61", "09", "41", "10", "86", "38"}
RU_MIN_POPULATION = 50_000

# GeoNames' current names that the news does not use (renamings after the period the news covers).
NAME_OVERRIDES: dict[int, str] = {691999: "Sievierodonetsk"}

# Countries: (name, geonames id, lat, lon, code, population, other names).
COUNTRIES: tuple[tuple[str, int | None, float, float, str, int, tuple[str, ...]], ...] = (
    ("Ukraine", 690791, 49.0, 32.0, "UA", 41_000_000, ("Ukraina", "the Ukraine")),
    ("Russia", 2017370, 60.0, 100.0, "RU", 144_000_000, ("Russian Federation", "Rossiya")),
    ("United States", 6252001, 39.76, -98.5, "US", 330_000_000, ("US", "U.S.", "USA", "U.S.A.", "America",
                                                                   "United States of America")),
    ("United Kingdom", 2635167, 54.75, -2.7, "GB", 67_000_000, ("UK", "U.K.", "Britain", "Great Britain")),
    ("Germany", 2921044, 51.5, 10.5, "DE", 83_000_000, ("Deutschland",)),
    ("France", 3017382, 46.0, 2.0, "FR", 67_000_000, ()),
    ("Poland", 798544, 52.0, 20.0, "PL", 38_000_000, ()),
    ("Belarus", 630336, 53.0, 28.0, "BY", 9_400_000, ("Byelorussia",)),
    ("Moldova", 617790, 47.0, 29.0, "MD", 2_600_000, ()),
    ("Romania", 798549, 46.0, 25.0, "RO", 19_000_000, ()),
    ("Hungary", 719819, 47.0, 20.0, "HU", 9_700_000, ()),
    ("Slovakia", 3057568, 48.67, 19.5, "SK", 5_400_000, ()),
    ("Czech Republic", 3077311, 49.75, 15.0, "CZ", 10_700_000, ("Czechia",)),
    ("Lithuania", 597427, 56.0, 24.0, "LT", 2_800_000, ()),
    ("Latvia", 458258, 57.0, 25.0, "LV", 1_900_000, ()),
    ("Estonia", 453733, 59.0, 26.0, "EE", 1_300_000, ()),
    ("Finland", 660013, 64.0, 26.0, "FI", 5_500_000, ()),
    ("Sweden", 2661886, 62.0, 15.0, "SE", 10_400_000, ()),
    ("Norway", 3144096, 62.0, 10.0, "NO", 5_400_000, ()),
    ("Denmark", 2623032, 56.0, 10.0, "DK", 5_800_000, ()),
    ("Netherlands", 2750405, 52.5, 5.75, "NL", 17_500_000, ("Holland", "the Netherlands")),
    ("Belgium", 2802361, 50.75, 4.5, "BE", 11_500_000, ()),
    ("Italy", 3175395, 42.83, 12.83, "IT", 59_000_000, ()),
    ("Spain", 2510769, 40.0, -4.0, "ES", 47_000_000, ()),
    ("Greece", 390903, 39.0, 22.0, "GR", 10_400_000, ()),
    ("Bulgaria", 732800, 42.67, 25.25, "BG", 6_500_000, ()),
    ("Turkey", 298795, 39.0, 35.0, "TR", 85_000_000, ("Turkiye", "Türkiye")),
    ("Georgia", 614540, 42.0, 43.5, "GE", 3_700_000, ()),
    ("Armenia", 174982, 40.0, 45.0, "AM", 3_000_000, ()),
    ("Azerbaijan", 587116, 40.5, 47.5, "AZ", 10_000_000, ()),
    ("Kazakhstan", 1522867, 48.0, 68.0, "KZ", 19_000_000, ()),
    ("China", 1814991, 35.0, 105.0, "CN", 1_400_000_000, ()),
    ("Iran", 130758, 32.0, 53.0, "IR", 85_000_000, ()),
    ("Israel", 294640, 31.5, 34.75, "IL", 9_300_000, ()),
    ("North Korea", 1873107, 40.0, 127.0, "KP", 25_000_000, ()),
    ("Japan", 1861060, 35.69, 139.75, "JP", 125_000_000, ()),
    ("Canada", 6251999, 60.0, -95.0, "CA", 38_000_000, ()),
    ("Switzerland", 2658434, 47.0, 8.0, "CH", 8_700_000, ()),
    ("Austria", 2782113, 47.33, 13.33, "AT", 9_000_000, ()),
    ("Syria", 163843, 35.0, 38.0, "SY", 21_000_000, ()),
    ("India", 1269750, 22.0, 79.0, "IN", 1_400_000_000, ()),
    ("Serbia", 6290252, 44.0, 21.0, "RS", 6_800_000, ()),
    ("Transnistria", None, 47.25, 29.5, "MD", 470_000, ("Pridnestrovie",)),
)

# World cities that the news names and that must not resolve to a Ukrainian village of the same name.
WORLD_CITIES: tuple[tuple[str, int | None, float, float, str, int, tuple[str, ...]], ...] = (
    ("Washington", 4140963, 38.895, -77.036, "US", 690_000, ("Washington DC", "Washington D.C.")),
    ("New York", 5128581, 40.714, -74.006, "US", 8_800_000, ("New York City",)),
    ("London", 2643743, 51.509, -0.126, "GB", 8_900_000, ()),
    ("Paris", 2988507, 48.853, 2.349, "FR", 2_100_000, ()),
    ("Brussels", 2800866, 50.850, 4.349, "BE", 1_200_000, ("Bruxelles",)),
    ("Berlin", 2950159, 52.524, 13.411, "DE", 3_600_000, ()),
    ("Rome", 3169070, 41.894, 12.483, "IT", 2_800_000, ("Roma",)),
    ("Istanbul", 745044, 41.014, 28.950, "TR", 15_000_000, ()),
    ("Ankara", 323786, 39.920, 32.854, "TR", 5_600_000, ()),
    ("Minsk", 625144, 53.900, 27.567, "BY", 2_000_000, ()),
    ("Warsaw", 756135, 52.230, 21.012, "PL", 1_800_000, ("Warszawa",)),
    ("Vienna", 2761369, 48.208, 16.372, "AT", 1_900_000, ("Wien",)),
    ("Geneva", 2660646, 46.202, 6.146, "CH", 200_000, ()),
    ("Beijing", 1816670, 39.907, 116.397, "CN", 21_000_000, ()),
    ("Tehran", 112931, 35.694, 51.422, "IR", 8_700_000, ()),
    ("Vilnius", 593116, 54.687, 25.280, "LT", 540_000, ()),
    ("Riga", 456172, 56.946, 24.106, "LV", 630_000, ()),
    ("Tallinn", 588409, 59.437, 24.754, "EE", 440_000, ()),
    ("Helsinki", 658225, 60.170, 24.935, "FI", 650_000, ()),
    ("Stockholm", 2673730, 59.333, 18.065, "SE", 980_000, ()),
    ("Prague", 3067696, 50.088, 14.421, "CZ", 1_300_000, ("Praha",)),
    ("Budapest", 3054643, 47.498, 19.040, "HU", 1_700_000, ()),
    ("Bucharest", 683506, 44.432, 26.106, "RO", 1_900_000, ()),
    ("Chisinau", 618426, 47.005, 28.858, "MD", 640_000, ("Kishinev",)),
    ("Tbilisi", 611717, 41.694, 44.834, "GE", 1_100_000, ()),
    ("Madrid", 3117735, 40.417, -3.704, "ES", 3_300_000, ()),
    ("Oslo", 3143244, 59.913, 10.739, "NO", 700_000, ()),
    ("Copenhagen", 2618425, 55.676, 12.566, "DK", 800_000, ()),
    ("The Hague", 2747373, 52.077, 4.300, "NL", 550_000, ("Den Haag",)),
    ("Amsterdam", 2759794, 52.374, 4.890, "NL", 870_000, ()),
    ("Riyadh", 108410, 24.688, 46.722, "SA", 7_600_000, ()),
    ("Jeddah", 105343, 21.492, 39.188, "SA", 3_900_000, ()),
    ("Doha", 290030, 25.286, 51.533, "QA", 1_200_000, ()),
    ("Tokyo", 1850147, 35.690, 139.692, "JP", 14_000_000, ()),
    ("Ottawa", 6094817, 45.411, -75.698, "CA", 1_000_000, ()),
    ("Jerusalem", 281184, 31.769, 35.216, "IL", 950_000, ()),
    ("Tel Aviv", 293397, 32.081, 34.781, "IL", 460_000, ()),
    ("Rzeszow", 759734, 50.041, 21.999, "PL", 196_000, ("Rzeszów",)),
    ("Tiraspol", 617239, 46.841, 29.643, "MD", 133_000, ()),
    ("Davos", 2661039, 46.802, 9.836, "CH", 11_000, ()),
    ("Munich", 2867714, 48.137, 11.575, "DE", 1_500_000, ("München",)),
    ("Brest", 629634, 52.097, 23.734, "BY", 340_000, ()),
    ("Gomel", 627907, 52.434, 30.975, "BY", 530_000, ("Homel",)),
)

COLUMNS = ("geonames_id", "name", "lat", "lon", "admin1", "country_code", "kind", "population")
INDEXES = ("names", "generated", "skeletons", "bare")


def is_latin_name(name: str) -> bool:
    """Whether a GeoNames alternate is a usable Latin spelling (not a code, not romanised CJK)."""
    if not name or is_cyrillic(name) or any(ord(c) > 0x2FF and c.isalpha() for c in name):
        return False
    if any(c.isdigit() for c in name) or (name.isupper() and len(name) <= 4):
        return False
    return name != name.lower()      # all-lower alternates are pinyin-like renderings of CJK names


def canonical_name(geonames_name: str, latin: list[str], cyrillic: list[str]) -> str:
    """The national-system spelling of the Ukrainian name when GeoNames lists it, else GeoNames' name.

    Of the Cyrillic alternates (old names and neighbouring hamlets among them), only the one that sounds
    most like GeoNames' own name is used, so 'Kupyansk' becomes 'Kupiansk' and never 'Kupenko'.
    """
    by_key: dict[str, str] = {}
    for n in latin:
        plain = n.replace("'", "").replace("’", "")
        if plain.isascii() or normalize(n) not in by_key:
            by_key[normalize(n)] = plain
    target = skeleton(geonames_name)
    best, best_score = geonames_name, 0.0
    for name in cyrillic:
        if is_russian(name):
            continue
        rendered = transliterate(name)
        key = normalize(rendered)
        if key == normalize(geonames_name):
            return geonames_name
        score = fuzz.ratio(skeleton(rendered), target)
        if key in by_key and score >= 85 and score > best_score:
            best, best_score = by_key[key], score
    return best


def row(geonames_id, name, lat, lon, admin1, cc, kind, population, latin, cyrillic, bare=()) -> list[str]:
    """One output line: the place, its exact keys, generated renderings and skeleton keys.

    An oblast's own name is not among its keys: bare 'Luhansk' is the city unless the context says region.
    """
    names = {normalize(n) for n in ([] if kind == "admin1" else [name]) + list(latin) if normalize(n)}
    generated = set()
    for c in cyrillic:
        generated |= {normalize(v) for v in variants(c)}
        # 'Krasnoliman' (from 'Krasnolimansky direction') for 'Красный Лиман': adjectives of a two-word town
        # are built on the joined form, and the recogniser strips the adjective ending back to it
        if (joined := compound_form(c)) is not None:
            generated |= {normalize(v) for v in variants(joined)}
    generated -= names
    generated.discard("")
    skeletons = {skeleton(n) for n in names | generated} - {""}
    return [str(geonames_id or ""), name, f"{lat:.5f}", f"{lon:.5f}", admin1 or "", cc, kind, str(population),
            "|".join(sorted(names)), "|".join(sorted(generated)), "|".join(sorted(skeletons)),
            "|".join(sorted({normalize(b) for b in bare}))]


def read_ukraine(path: Path) -> tuple[list[list[str]], dict[str, list[str]], dict[int, tuple[float, float]]]:
    """Rows for Ukrainian places, the ADM1 rows' own alternates by code, and coordinates of RGN features."""
    rows: list[list[str]] = []
    adm1_alternates: dict[str, list[str]] = defaultdict(list)
    adm1_coords: dict[str, tuple[float, float, int]] = {}
    regions: dict[int, tuple[float, float]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            gid, name, alternates = int(f[0]), f[1], [a for a in f[3].split(",") if a]
            lat, lon, fclass, fcode, admin1 = float(f[4]), float(f[5]), f[6], f[7], f[10]
            population = int(f[14] or 0)
            if fcode == "ADM1":
                adm1_alternates[admin1] = [name, *alternates]
                adm1_coords[admin1] = (lat, lon, gid)
            elif fcode == "RGN":
                regions[gid] = (lat, lon)
            if fclass != "P" or fcode in {"PPLH", "PPLQ", "PPLW"}:
                continue
            latin = [a for a in alternates if is_latin_name(a)]
            cyrillic = [a for a in alternates if is_cyrillic(a)]
            canonical = NAME_OVERRIDES.get(gid) or canonical_name(name, latin, cyrillic)
            oblast = UA_ADMIN1.get(admin1, (None,))[0]
            if fcode == "PPLX":
                # A city's section counts its people twice and, as a namesake, would outweigh the villages
                # that share its name ('Oleksiivka', a Kharkiv section of 100,000)
                population = 0
            rows.append(row(gid, canonical, lat, lon, oblast, "UA", "settlement", population, [name, *latin],
                            cyrillic))
    for code, stems in UA_ADMIN1.items():
        lat, lon, gid = adm1_coords[code]
        # GeoNames' own ADM1 alternates include bare stems in many languages ('Lugansk'): only the phrases
        # with a word for 'region' are kept, so a bare stem stays the city's and places.py decides.
        geonames_forms = [a for a in adm1_alternates[code] if is_latin_name(a) and " " in a]
        cyrillic = [a for a in adm1_alternates[code] if is_cyrillic(a)]
        bare = list(stems) + [f.replace(" Oblast", "") for f in geonames_forms if f.endswith(" Oblast")]
        phrases = [f"{s} {suffix}" for s in bare for suffix in ADMIN1_SUFFIXES if s not in UA_ADMIN1_STANDALONE]
        standalone = [s for s in stems if s in UA_ADMIN1_STANDALONE]
        rows.append(row(gid, stems[0], lat, lon, stems[0], "UA", "admin1", 0,
                        geonames_forms + phrases + standalone, cyrillic, bare))
    return rows, adm1_alternates, regions


def read_russia(path: Path) -> list[list[str]]:
    """Rows for Russian towns (border regions in full, elsewhere 50k+) and the Russian regions."""
    rows: list[list[str]] = []
    capitals: dict[str, tuple[int, float, float]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            if rec["countrycode"] != "RU":
                continue
            code, population = rec["admin1code"], int(rec["population"] or 0)
            lat, lon = float(rec["latitude"]), float(rec["longitude"])
            if population > capitals.get(code, (-1, 0.0, 0.0))[0]:
                capitals[code] = (population, lat, lon)
            if code not in RU_BORDER_ADMIN1 and population < RU_MIN_POPULATION:
                continue
            alternates = [a for a in rec["alternatenames"].split("|") if a]
            latin = [a for a in alternates if is_latin_name(a)]
            cyrillic = [a for a in alternates if is_cyrillic(a)]
            rows.append(row(int(rec["geonameid"]), rec["name"], lat, lon, RU_ADMIN1.get(code), "RU",
                            "settlement", population, latin, cyrillic))
    for code, region in RU_ADMIN1.items():
        if code not in capitals:
            continue
        _, lat, lon = capitals[code]
        stem = region.removesuffix(" Oblast")
        phrases = [f"{stem} {suffix}" for suffix in ADMIN1_SUFFIXES]
        rows.append(row(None, region, lat, lon, region, "RU", "admin1", 0, phrases, [], [stem]))
    return rows


def hand_rows(regions: dict[int, tuple[float, float]]) -> list[list[str]]:
    """Rows for the Donbas, countries and world cities."""
    lat, lon = regions.get(709718, (48.0, 38.5))
    rows = [row(709718, "Donbas", lat, lon, None, "UA", "region", 0,
                ["Donbas", "Donbass", "Donbas region", "Donbass region", "Donets Basin"], [])]
    for name, gid, lat, lon, cc, population, others in COUNTRIES:
        rows.append(row(gid, name, lat, lon, None, cc, "country", population, [name, *others], []))
    for name, gid, lat, lon, cc, population, others in WORLD_CITIES:
        rows.append(row(gid, name, lat, lon, None, cc, "settlement", population, [name, *others], []))
    return rows


def serialize(rows: list[list[str]]) -> str:
    """The file text: the places table, then one inverted index per key kind ('#index<TAB>name' lines).

    Inverted indexes load as plain dict() calls, which keeps loading well under a second.
    """
    out = ["\t".join(COLUMNS)]
    out += ["\t".join(r[:len(COLUMNS)]) for r in rows]
    for offset, index_name in enumerate(INDEXES):
        inverted: dict[str, list[int]] = defaultdict(list)
        for number, r in enumerate(rows):
            for key in filter(None, r[len(COLUMNS) + offset].split("|")):
                inverted[key].append(number)
        out.append(f"#index\t{index_name}")
        out += [f"{key}\t{','.join(map(str, numbers))}" for key, numbers in sorted(inverted.items())]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Build the gazetteer file and its attribution; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    ukraine, _, regions = read_ukraine(args.source / "geonames_UA.txt")
    russia = read_russia(args.source / "geonames_cities500_UA_RU.tsv")
    rows = ukraine + russia + hand_rows(regions)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the gzip bytes identical between runs on the same input.
    with gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as raw:
        raw.write(serialize(rows).encode("utf-8"))
    (args.out.parent / "GEONAMES_ATTRIBUTION.txt").write_text(ATTRIBUTION, encoding="utf-8")
    log.info("wrote %d places to %s (%.1f MB)", len(rows), args.out, args.out.stat().st_size / 1e6)
    return 0


if __name__ == "__main__":
    sys.exit(main())
