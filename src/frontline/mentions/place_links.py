"""Links between the place names of a text: what one name says about the next.

'Avdiivka, Donetsk' and 'Makiivka, Luhansk Oblast' (the oblast a town lies in), 'in the DPR and Zaporozhye' (a
name joined to an oblast is one too), 'Kamianka, Izium district' (a raion named after its centre), 'Andriivka near
Bakhmut' (the town a village lies by), '10 km from the border of the Y region' (outside Y, near it). Each marks the
``PlaceCandidate`` it locates; ``frontline.mentions.places`` weighs the marks when it picks a namesake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span

from frontline.geo.gazetteer import Gazetteer
from frontline.mentions.quantities import parse_number  # the one reader of number words
from frontline.models import Place

__all__ = ["PlaceCandidate", "conjoined_oblasts", "locating_oblasts", "oblast_after", "near_towns",
           "locating_districts", "with_borders"]


@dataclass(frozen=True, slots=True)
class PlaceCandidate:
    """One entity that may be a place, with what the text around it says."""

    start: int
    end: int
    text: str
    sentence: int
    matches: tuple[tuple[Place, float], ...]
    admin1: Place | None          # the oblast, when the text names the oblast rather than a town
    near: bool                    # '10 km south of X'
    outside: tuple[str, float] | None = None   # 'N km from the border of the Y region': (Y, N), not in Y, near it
    authority: bool = False       # 'the head of the DPR': an oblast that does not say where things are
    within: Place | None = None   # 'Kamianka, Izium district': the town whose district the text puts it in
    near_town: Place | None = None   # 'Andriivka near Bakhmut': the town the text puts it near
    in_oblast: str | None = None  # 'Makiivka, Luhansk Oblast': the oblast the text puts it in, right after it
    regions: tuple[Place, ...] = ()   # the regions its sentence names ('the Donbas')


_BORDER_OF = re.compile(
    r"(?P<dist>\d+(?:[.,]\d+)?|\w+)\s+(?:km|kilomet(?:er|re)s?|miles?)\b[^.;]{0,60}?\bfrom the "
    r"(?:border|boundary|administrative border) (?:of|with) (?:the )?"
    r"(?:(?P<this>this|that|the neighbouring|the neighboring) region|(?P<name>[A-Z][\w'’-]+)(?: region| oblast| province))",
    re.I)


def with_borders(candidates: list[PlaceCandidate], sentences: list[Span], oblasts: dict[str, list[int]],
                  gazetteer: Gazetteer) -> list[PlaceCandidate]:
    """Mark the places of sentences that say 'N km from the border of the Y region': they lie outside Y, near it.

    'This region' refers to the last oblast named before. The oblast named in such a phrase does not count as
    the oblast the sentence's places are in.
    """
    out = []
    for c in candidates:
        if c.admin1 is not None:
            out.append(c)
            continue
        m = _BORDER_OF.search(sentences[c.sentence].text) if c.sentence < len(sentences) else None
        if m is None:
            out.append(c)
            continue
        km = parse_number(m["dist"]) or 10.0
        if m["dist"] and re.search(r"miles?", m.group(0), re.I):
            km *= 1.609
        if m["name"]:
            named = gazetteer.admin1(m["name"])
            oblast = named.admin1 if named is not None else None
        else:
            earlier = [o.admin1.admin1 for o in candidates if o.admin1 is not None and o.start < c.start]
            oblast = earlier[-1] if earlier else None
        if oblast is None:
            out.append(c)
            continue
        if c.sentence in oblasts.get(oblast, []) and m["name"]:
            oblasts[oblast] = [s for s in oblasts[oblast] if s != c.sentence]
        out.append(replace(c, outside=(oblast, km)))
    return out


def conjoined_oblasts(candidates: list[PlaceCandidate], text: str, gazetteer: Gazetteer) -> list[PlaceCandidate]:
    """'in the DPR and Zaporozhye': a name joined to an oblast by 'and' or a comma names an oblast too."""
    out: list[PlaceCandidate] = []
    for c in candidates:
        previous = out[-1] if out else None
        if c.admin1 is None and previous is not None and previous.admin1 is not None and \
                text[previous.end:c.start].strip(" ,").lower() in {"", "and", "and the", "or"} and \
                (oblast := gazetteer.admin1(c.text)) is not None and oblast.country_code == "UA":
            c = replace(c, admin1=oblast, near=False)
        out.append(c)
    return out


# A district named between a town and its oblast: ', Bakhmutskyi district, ' in 'Yakovlivka, Bakhmutskyi district,
# Donetsk'.
_DISTRICT_BETWEEN = re.compile(r"\s*,\s*(?:[\w'’-]+\s+)?(?:district|raion|rayon|community|hromada)\s*,\s*", re.I)


def locating_oblasts(candidates: list[PlaceCandidate], text: str, gazetteer: Gazetteer) -> list[PlaceCandidate]:
    """'the city of Pokrovsk in Donetsk', 'Avdiivka, Donetsk', 'Sudzha, Kursk': a name that locates the town before
    it is its oblast (or the Russian region across the border).

    Only when the town has a namesake in that oblast: a town does not lie in another town.
    """
    out: list[PlaceCandidate] = []
    for c in candidates:
        previous = out[-1] if out else None
        if c.admin1 is None and previous is not None and previous.admin1 is None and previous.matches and \
                (text[previous.end:c.start].strip().lower() in {"in", ",", "in the"}
                 or _DISTRICT_BETWEEN.fullmatch(text[previous.end:c.start])) and \
                not text[c.end:c.end + 6].lower().lstrip().startswith("city") and \
                (oblast := gazetteer.admin1(c.text)) is not None and oblast.country_code in ("UA", "RU") and \
                any(place.admin1 == oblast.admin1 and place.name != oblast.name for place, _ in previous.matches):
            c = replace(c, admin1=oblast, near=False)
        out.append(c)
    return out


def oblast_after(candidates: list[PlaceCandidate], text: str) -> list[PlaceCandidate]:
    """'Makiivka, Luhansk Oblast', 'Kamianka (Kharkiv region)': an oblast named right after a place is the
    place's: its namesakes in that oblast come first, however big one elsewhere (Makiivka, Donetsk)."""
    out = list(candidates)
    for i in range(1, len(out)):
        c, previous = out[i], out[i - 1]
        if c.admin1 is not None and c.admin1.admin1 and previous.admin1 is None and \
                text[previous.end:c.start].strip().lower() in {",", "in", "in the", "(", ", in the", ", in"} and \
                any(place.admin1 == c.admin1.admin1 for place, _ in previous.matches):
            out[i - 1] = replace(previous, in_oblast=c.admin1.admin1)
    return out


def near_towns(candidates: list[PlaceCandidate], text: str) -> list[PlaceCandidate]:
    """'the village of Andriivka near Bakhmut', 'Dolyna outside Sviatohirsk': a place named right before 'near' a
    town lies by it; its namesakes close to the town come first."""
    out = list(candidates)
    for i in range(1, len(out)):
        c, previous = out[i], out[i - 1]
        if c.admin1 is not None or previous.admin1 is not None or \
                text[previous.end:c.start].strip().lower() not in {"near", "outside", "not far from", "close to"}:
            continue
        towns = [p for p, _ in c.matches if p.kind == "settlement" and p.country_code == "UA"]
        if towns:
            out[i - 1] = replace(previous, near_town=max(towns, key=lambda p: p.population))
    return out


def locating_districts(candidates: list[PlaceCandidate], text: str) -> list[PlaceCandidate]:
    """'Kamianka, Izium district', 'Ivanivske in the Bakhmut raion': a town's district named right after a place
    locates it (raions bear their centre's name): its namesakes in that town's oblast and near it come first."""
    out = list(candidates)
    for i in range(1, len(out)):
        c, previous = out[i], out[i - 1]
        if c.admin1 is not None or previous.admin1 is not None or not c.near or \
                not text[c.end:c.end + 12].lstrip().lower().startswith(("district", "raion")) or \
                text[previous.end:c.start].strip().lower() not in {",", "in", "in the", ", in the", ", in"}:
            continue
        towns = [p for p, _ in c.matches if p.kind == "settlement" and p.country_code == "UA"]
        if towns:
            out[i - 1] = replace(previous, within=max(towns, key=lambda p: p.population))
    return out
