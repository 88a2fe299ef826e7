"""The gazetteer: Ukrainian places, oblasts, Russian towns and world places, looked up by any spelling.

The data file is built by ``scripts/build_gazetteer.py`` from GeoNames (CC BY 4.0; see
``data/GEONAMES_ATTRIBUTION.txt``). It is gzip text: a TSV table of places with the header ``geonames_id,
name, lat, lon, admin1, country_code, kind, population`` (one ``Place`` a line), then four inverted indexes,
each opened by a line ``#index<TAB>NAME`` and made of ``key<TAB>n1,n2`` lines (numbers are rows of the
table): ``names`` (GeoNames' Latin spellings, normalised), ``generated`` (the Cyrillic names romanised in
the agency systems of ``frontline.geo.translit``), ``skeletons`` (``translit.skeleton`` of both) and ``bare``
(for oblasts, the stems that name them when the context says 'region': 'luhansk', 'lugansk').

Lookups collect the places of every index a spelling reaches, each at its best confidence: exact names (1.0),
generated renderings (0.95), skeleton keys (0.9); when none matches, a grammatical case form or a Russian-style
rendering folded towards the Ukrainian name (0.85: ``case_forms``, ``translit.ukrainian_forms``); only when none
of these matches, rapidfuzz over skeleton keys that share their first two letters (at most 0.85).
"""

from __future__ import annotations

import gzip
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import get_args

from rapidfuzz import fuzz, process

from frontline.errors import ResourceError
from frontline.geo.translit import normalize, skeleton, ukrainian_forms
from frontline.models import LocationPrecision, Place

__all__ = ["Gazetteer", "DEFAULT_DATA", "SECTOR_WORDS", "case_forms"]

log = logging.getLogger(__name__)

DEFAULT_DATA = "gazetteer.tsv.gz"
_COLUMNS = ("geonames_id", "name", "lat", "lon", "admin1", "country_code", "kind", "population")
# The kinds a gazetteer row may have; any other makes the row malformed.
_KINDS: dict[str, LocationPrecision] = {kind: kind for kind in get_args(LocationPrecision)}
_INDEXES = ("names", "generated", "skeletons", "bare")
_FUZZY_CUTOFF = 88.0
# A name someone types to look a place up (a query, not a text to read) names it when it is one of the place's
# GeoNames spellings (1.0) or a transliteration of its Cyrillic name (0.95); a skeleton, case-form or fuzzy match
# is only a suggestion: 'Donetsc' is not Donets, 'Xyzzy' is not Khyzhky.
_NAMED = 0.95
_SUGGEST_CUTOFF = 70.0
_MIN_FUZZY_LENGTH = 5          # short keys match too much by accident
_OBLAST_FUZZY_CUTOFF = 80.0    # within one oblast the text names, a looser likeness still picks one village
# 'the Bakhmut direction', 'the Kupyansky district': words after a town's name (or its adjective) that make
# the phrase name the sector around the town
SECTOR_WORDS = frozenset({"direction", "axis", "sector", "district", "raion", "area", "outskirts", "front"})


# A name read through another grammatical form is a weaker match than any spelling of the name itself.
_CASE_FORM_CONFIDENCE = 0.85
_MIN_CASE_FORM_LENGTH = 6
# Russian and Ukrainian endings of adjectival names and of case forms, with the nominative endings they stand for:
# gender ('Dvurechnoye' / 'Dvurechnaya', 'Pervomayskoye' / 'Pervomaiske'), genitive ('Kramatorska', 'Avdiivky'),
# locative ('Bakhmute') and instrumental ('Bakhmutom').
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("oye", ("aya", "e", "ye", "a")), ("oe", ("aya", "e", "a")), ("aya", ("oye", "e", "a")), ("aja", ("oje", "e", "a")),
    ("yy", ("e", "a")), ("iy", ("e", "a")), ("om", ("",)), ("ky", ("ka",)), ("ki", ("ka",)), ("ny", ("na",)),
    ("ska", ("sk",)), ("ske", ("sk",)), ("ta", ("t",)), ("te", ("t",)), ("tu", ("t",)), ("ra", ("r",)),
    ("re", ("r",)), ("la", ("l",)), ("le", ("l",)), ("va", ("v",)), ("ve", ("v",)), ("na", ("n",)),
)


def case_forms(name: str) -> list[str]:
    """Nominative forms a Russian-style adjective or case form of a place name may stand for (longest ending first).

    'Dvurechnoye' -> ['Dvurechnaya', 'Dvurechne', ...]; 'Kramatorske' -> ['Kramatorsk']; short names give none.
    """
    if len(name) < _MIN_CASE_FORM_LENGTH or not name[-1:].isalpha():
        return []
    low = name.lower()
    out: list[str] = []
    for ending, replacements in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            out.extend(name[:-len(ending)] + r for r in replacements)
    return out


def unknown_settlement(name: str, suggestions: Sequence[str] = ()) -> str:
    """What to tell someone who named a settlement the gazetteer does not know (with close names, if any)."""
    close = f"; did you mean {' or '.join(suggestions)}?" if suggestions else "; no known name is close"
    return (f"no settlement called '{name}' in the gazetteer{close} (any common transliteration works, e.g. "
            "Severodonetsk or Sievierodonetsk, Kiev or Kyiv)")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """An in-memory gazetteer: places and four indexes from keys to place numbers."""

    places: tuple[Place, ...]
    names: dict[str, str]            # key -> 'n1,n2,...' (numbers into ``places``)
    generated: dict[str, str]
    skeletons: dict[str, str]
    bare_admin1: dict[str, str]
    _blocks: dict[str, tuple[str, ...]]
    _oblast_points: dict[str, tuple[tuple[float, float], ...]]
    _oblast_skeletons: dict[str, tuple[tuple[str, int], ...]]

    @classmethod
    def load(cls, path: str | Path | None = None) -> "Gazetteer":
        """Load a gazetteer file (default: the one packaged with frontline).

        Raises:
            ResourceError: the file is missing or not a gazetteer.
        """
        try:
            if path is None:
                data = resources.files("frontline").joinpath("data", DEFAULT_DATA).read_bytes()
            else:
                data = Path(path).read_bytes()
            text = gzip.decompress(data).decode("utf-8")
        except (OSError, EOFError, gzip.BadGzipFile, UnicodeDecodeError) as exc:
            where = path or f"frontline/data/{DEFAULT_DATA}"
            raise ResourceError(f"cannot read the gazetteer {where}: {exc}. Rebuild it with "
                                f"'python scripts/build_gazetteer.py' or reinstall frontline.") from exc
        return cls.from_text(text)

    @classmethod
    def from_text(cls, text: str) -> "Gazetteer":
        """Build a gazetteer from the text of a gazetteer file.

        Raises:
            ResourceError: the header or a line is not in the expected format.
        """
        sections = text.split("\n#index\t")
        table = sections[0].split("\n")
        if tuple(table[0].split("\t")) != _COLUMNS:
            raise ResourceError(f"the gazetteer's header is {table[0][:60]!r}, expected {_COLUMNS}: "
                                "rebuild it with 'python scripts/build_gazetteer.py'")
        places: list[Place] = []
        for number, line in enumerate(table[1:]):
            f = line.split("\t")
            try:
                places.append(Place(geonames_id=int(f[0]) if f[0] else None, name=f[1], lat=float(f[2]),
                                    lon=float(f[3]), admin1=f[4] or None, country_code=f[5], kind=_KINDS[f[6]],
                                    population=int(f[7])))
            except (IndexError, KeyError, ValueError) as exc:
                raise ResourceError(f"gazetteer line {number + 2} is malformed ({exc}): rebuild it with "
                                    "'python scripts/build_gazetteer.py'") from exc
        indexes: dict[str, dict[str, str]] = {}
        for section in sections[1:]:
            name, _, body = section.partition("\n")
            # Values stay as 'n1,n2' strings until looked up: parsing 250k lists would double load time.
            indexes[name] = dict(line.split("\t", 1) for line in body.split("\n") if line)
        missing = set(_INDEXES) - set(indexes)
        if missing:
            raise ResourceError(f"the gazetteer lacks the indexes {sorted(missing)}: rebuild it with "
                                "'python scripts/build_gazetteer.py'")
        return cls(places=tuple(places), names=indexes["names"], generated=indexes["generated"],
                   skeletons=indexes["skeletons"], bare_admin1=indexes["bare"], _blocks={},
                   _oblast_points={}, _oblast_skeletons={})

    def _numbers(self, index: dict[str, str], key: str) -> tuple[int, ...]:
        value = index.get(key)
        return tuple(map(int, value.split(","))) if value else ()

    def _block(self, prefix: str) -> tuple[str, ...]:
        # Fuzzy blocks are built on first use: most runs never need most of them.
        if not self._blocks:
            blocks: dict[str, list[str]] = {}
            for key in self.skeletons:
                if len(key) >= _MIN_FUZZY_LENGTH:
                    blocks.setdefault(key[:2], []).append(key)
            self._blocks.update({k: tuple(v) for k, v in blocks.items()})
        return self._blocks.get(prefix, ())

    def km_to_oblast(self, place: Place, oblast: str) -> float:
        """Roughly how far a place lies from an oblast: the distance to the nearest settlement in it.

        Populated places are dense enough (one every few km) to stand in for the oblast's outline, which the
        gazetteer does not carry. Returns infinity for an oblast with no settlements.
        """
        if not self._oblast_points:
            points: dict[str, list[tuple[float, float]]] = {}
            for p in self.places:
                if p.kind == "settlement" and p.admin1:
                    points.setdefault(p.admin1, []).append((p.lat, p.lon))
            self._oblast_points.update({k: tuple(v) for k, v in points.items()})
        lat0, lon0 = math.radians(place.lat), math.radians(place.lon)
        best = math.inf
        for lat, lon in self._oblast_points.get(oblast, ()):
            # equirectangular distance: exact enough at these scales, and cheap over thousands of points
            x = (math.radians(lon) - lon0) * math.cos((math.radians(lat) + lat0) / 2)
            y = math.radians(lat) - lat0
            best = min(best, 6371.0 * math.hypot(x, y))
        return best

    def match_in_oblast(self, name: str, oblast: str) -> list[tuple[Place, float]]:
        """Settlements of one oblast whose name is close to ``name`` when no spelling of any place matches it: the
        text names the oblast ('Prividdia, Luhansk Oblast'), so a looser likeness than ``match`` allows is safe
        among its few thousand villages. Confidence up to 0.8; empty for short names.
        """
        skel = skeleton(name)
        if len(skel) < _MIN_FUZZY_LENGTH:
            return []
        if not self._oblast_skeletons:
            keyed: dict[str, list[tuple[str, int]]] = {}
            for n, p in enumerate(self.places):
                if p.kind == "settlement" and p.admin1 and p.country_code == "UA":
                    keyed.setdefault(p.admin1, []).append((skeleton(p.name), n))
            self._oblast_skeletons.update({k: tuple(v) for k, v in keyed.items()})
        entries = self._oblast_skeletons.get(oblast, ())
        found = process.extract(skel, [key for key, _ in entries], scorer=fuzz.ratio,
                                score_cutoff=_OBLAST_FUZZY_CUTOFF, limit=3)
        return [(self.places[entries[i][1]], round(0.8 * score / 100, 3)) for _, score, i in found]

    def __len__(self) -> int:
        return len(self.places)

    def candidates(self, name: str) -> list[Place]:
        """Places whose GeoNames name or generated rendering is ``name`` after normalisation."""
        key = normalize(name)
        numbers = dict.fromkeys(self._numbers(self.names, key) + self._numbers(self.generated, key))
        return [self.places[n] for n in numbers]

    def is_known(self, name: str, loose: bool = False) -> bool:
        """Whether ``name`` is an exact name or generated rendering of some place (or, if ``loose``, a skeleton)."""
        key = normalize(name)
        return key in self.names or key in self.generated or (loose and skeleton(name) in self.skeletons)

    def match(self, name: str, fuzzy: bool = True) -> list[tuple[Place, float]]:
        """Places that ``name`` may mean, each with a confidence in the spelling match, best first.

        Exact names score 1.0, generated renderings 0.95, skeleton keys 0.9 (every index contributes, so that
        namesakes reached by different spellings all compete); fuzzy skeleton matches up to 0.85 only when
        nothing closer matched and ``fuzzy`` is true.
        """
        key = normalize(name)
        if not key:
            return []
        # Every index adds its places: one place's exact alternate spelling ('Vasilyevka', a Donetsk hamlet) must
        # not hide the namesakes the name reaches only as a rendering (Vasylivka, Zaporizhzhia, 12,000 people).
        found: dict[int, float] = {}
        skel = skeleton(name)
        for index, confidence, lookup in ((self.names, 1.0, key), (self.generated, 0.95, key),
                                          (self.skeletons, 0.9, skel)):
            for n in self._numbers(index, lookup):
                found[n] = max(found.get(n, 0.0), confidence)
        if not found:
            found = self._other_forms(name)
        elif not any(self.places[n].country_code == "UA" and self.places[n].admin1 != "Crimea" for n in found):
            # 'Pervomayskoye', 'Vesyoloye': Crimea's and Russia's villages keep the Russian name that a Russian-style
            # rendering of a mainland Ukrainian village also gives; the Ukrainian namesakes compete too
            found = {**self._other_forms(name), **found}
        if found:
            return sorted(((self.places[n], c) for n, c in found.items()), key=lambda pc: -pc[1])
        if not fuzzy or len(skel) < _MIN_FUZZY_LENGTH:
            return []
        found = {}
        for other, score, _ in process.extract(skel, self._block(skel[:2]), scorer=fuzz.ratio,
                                               score_cutoff=_FUZZY_CUTOFF, limit=5):
            for n in self._numbers(self.skeletons, other):
                found[n] = max(found.get(n, 0.0), round(0.85 * score / 100, 3))
        return sorted(((self.places[n], c) for n, c in found.items()), key=lambda pc: -pc[1])

    def _other_forms(self, name: str) -> dict[int, float]:
        """The places a name reaches as another grammatical form or a Russian-style rendering, at a lower confidence.

        'Dvurechnoye' (Russian neuter) for Dvorichna, 'Kramatorska' (a genitive) for Kramatorsk; failing those,
        'Novosyolovka Vtoraya' for Novoselivka Druha (``translit.ukrainian_forms``, on the skeleton key too).
        """
        found: dict[int, float] = {}
        for form in case_forms(name):
            for index, lookup in ((self.names, normalize(form)), (self.generated, normalize(form))):
                found.update(dict.fromkeys(self._numbers(index, lookup), _CASE_FORM_CONFIDENCE))
        if found:
            return found
        for form in ukrainian_forms(name):
            for index, lookup in ((self.names, normalize(form)), (self.generated, normalize(form)),
                                  (self.skeletons, skeleton(form))):
                found.update(dict.fromkeys(self._numbers(index, lookup), _CASE_FORM_CONFIDENCE))
        return found

    def settlement(self, name: str) -> Place | None:
        """The settlement a name means in any spelling: the most populous namesake, Ukraine's first; or None.

        The town the news means is far more often the big one than its village namesakes.
        """
        matches = [p for p, _ in self.match(name) if p.kind == "settlement"]
        return max(matches, key=lambda p: (p.country_code == "UA", p.population)) if matches else None

    def named_settlement(self, name: str) -> Place | None:
        """The settlement that a name someone typed names: one of its spellings (GeoNames' names, alternate
        names and transliterations: Kiev, Kharkov, Severodonetsk), the most populous namesake, Ukraine's first;
        a place of that very name before one that has it only as an old or alternate name ('Sloviansk' is
        Sloviansk, not Nikopol, once called so and 19 people larger); None when only a near spelling matches
        (see ``suggest_settlements``), never a substitute."""
        matches = [p for p, c in self.match(name, fuzzy=False) if p.kind == "settlement" and c >= _NAMED]
        key = normalize(name)
        return max(matches, key=lambda p: (normalize(p.name) == key, p.country_code == "UA", p.population)) \
            if matches else None

    def suggest_settlements(self, name: str, limit: int = 5) -> tuple[str, ...]:
        """Settlements whose names are close to ``name``, as 'Name (oblast)', likeliest first."""
        found = [(p, c) for p, c in self.match(name) if p.kind == "settlement"]
        skel = skeleton(name)
        if len(skel) >= 3:      # and the nearest skeletons of all (an error path: 0.05 s over every key is fine)
            for other, score, _ in process.extract(skel, tuple(self.skeletons), scorer=fuzz.ratio,
                                                   score_cutoff=_SUGGEST_CUTOFF, limit=limit):
                found += [(self.places[n], 0.9 * score / 100) for n in self._numbers(self.skeletons, other)
                          if self.places[n].kind == "settlement"]
        ranked = sorted(found, key=lambda pc: (-pc[1], pc[0].country_code != "UA", -pc[0].population))
        names = (f"{p.name} ({p.admin1})" if p.admin1 else p.name for p, _ in ranked)
        return tuple(dict.fromkeys(names))[:limit]

    def admin1(self, name: str) -> Place | None:
        """The oblast or region that ``name`` names: 'Lugansk region', 'Luhansk', 'Donetsk oblast', 'DPR'."""
        key = normalize(name)
        if key in self.bare_admin1:
            return self.places[self._numbers(self.bare_admin1, key)[0]]
        for place, _ in self.match(name, fuzzy=False):
            if place.kind == "admin1":
                return place
        return None

    def by_id(self, geonames_id: int) -> Place | None:
        """The place with this GeoNames id, if the gazetteer has it."""
        return next((p for p in self.places if p.geonames_id == geonames_id), None)
