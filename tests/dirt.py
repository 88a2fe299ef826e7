"""Dirty copies of a clean article, one kind of dirt each, as web and PDF copies come.

Used by the golden tests (``tests/clean/test_clean_golden.py``) and by ``bench/dirty_copies.py``. Every
generator is deterministic (a ``random.Random`` seeded from the text), so a copy is the same on every run.
The boilerplate they add is this project's own, written to look like what news sites add, naming
places the article does not: an event placed there would come from the boilerplate.
"""

from __future__ import annotations

import random
import re
import textwrap
import zlib
from collections.abc import Callable

import ftfy.bad_codecs  # noqa: F401 - registers the 'sloppy-windows-1252' codec

__all__ = ["DIRT", "wrapped", "mojibaked", "with_boilerplate", "with_glued_credits", "spun", "all_dirt",
           "BOILERPLATE_PLACES"]

# Places named only in added boilerplate (teasers, captions, author boxes): never in the five samples.
BOILERPLATE_PLACES = ("Uzhhorod", "Chernivtsi", "Ternopil", "Lutsk", "Rivne")


def _rng(text: str, salt: str) -> random.Random:
    return random.Random(zlib.crc32((salt + text).encode("utf-8")))


def _paragraphs(text: str) -> list[str]:
    """Paragraphs split at blank lines, or at every line break in a text without blank lines."""
    text = text.strip()
    return [p.strip() for p in re.split(r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n", text) if p.strip()]


def _join(paragraphs: list[str], like: str) -> str:
    """Paragraphs joined the way ``like`` separates its own: blank lines, or one line break each."""
    return ("\n\n" if re.search(r"\n\s*\n", like.strip()) else "\n").join(paragraphs)


def wrapped(text: str) -> str:
    """A PDF copy: paragraphs hard-wrapped at 68 columns, some words hyphenated across the break, justified
    lines padded with doubled spaces, a page break with a running header halfway."""
    rng = _rng(text, "wrapped")
    out = []
    paragraphs = _paragraphs(text)
    for n, para in enumerate(paragraphs):
        lines = textwrap.wrap(para, 68, break_on_hyphens=False)
        fixed = []
        for i, line in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            word = re.match(r"[a-z]{8,}", nxt)
            if word and rng.random() < 0.3 and len(line) + len(word.group()) // 2 + 2 <= 68:
                cut = len(word.group()) // 2
                line, lines[i + 1] = f"{line} {word.group()[:cut]}-", nxt[cut:]
            if i + 1 < len(lines) and rng.random() < 0.4:
                line = line.replace(" ", "  ", rng.randint(1, 3))
            fixed.append(line)
        out.append("\n".join(fixed))
        if n == len(paragraphs) // 2:
            out.append("\x0c")
    return "\n\n".join(out) + "\n"


def mojibaked(text: str) -> str:
    """A copy that went through Windows-1252 once, in some lines only (a mixed-encoding page)."""
    rng = _rng(text, "mojibake")
    # Browsers and Windows tools decode the five bytes cp1252 leaves undefined as Latin-1 controls: ftfy's
    # 'sloppy' codec does the same.
    return "\n".join(line.encode("utf-8").decode("sloppy-windows-1252") if rng.random() < 0.5 else line
                     for line in text.split("\n"))


_NAV = ["Home | News | World | Europe | Ukraine war | Sport | Weather",
        "Share this article: Facebook Twitter WhatsApp Email",
        "Menu  Search  Sign in"]
_TEASER_HEADERS = ["Related stories", "Read more", "More on this story", "You may also like", "Most popular"]
_TEASERS = ["Floods force hundreds from their homes in {p}",
            "Mayor of {p} opens new bridge after two years of repairs",
            "Football: {p} side wins cup final on penalties",
            "Storm leaves 40,000 without power in {p} region",
            "Police in {p} arrest three over fuel smuggling ring"]
_CAPTIONS = ["Photo: Reuters/Olena Kovalenko",
             "© AFP",
             "Residents clearing debris from a building in {p}, March 3, 2023 |",
             "A volunteer loading boxes of aid onto a truck in {p} (AFP)",
             "Image caption: Rescue workers at the scene in {p}",
             "Rescuers searching the rubble of a school in {p}, Ukraine, January 12, 2024.",
             "Getty Images/Anadolu"]
_AUTHOR = ["About the author", "Maria Hrytsenko is a reporter based in {p}. She covers politics and the economy.",
           "More from Maria Hrytsenko"]
_TWEET = ["Air raid sirens sounded across the country this morning https://t.co/x7Yq2Lm9 @kyiv_live",
          "— Kyiv Live (@kyiv_live) May 3, 2024"]


def with_boilerplate(text: str) -> str:
    """A scraped web page: navigation and share bars, a teaser block, captions, an embedded post, an
    author box, each naming places the article does not."""
    rng = _rng(text, "boilerplate")
    paras = _paragraphs(text) or [""]
    places = list(BOILERPLATE_PLACES)
    rng.shuffle(places)

    def fill(s: str) -> str:
        return s.format(p=places[rng.randrange(len(places))])

    body = [paras[0], *_NAV[:2]]
    for i, para in enumerate(paras[1:], 1):
        body.append(para)
        if i % 5 == 2:
            body.append(fill(_CAPTIONS[(i // 5) % len(_CAPTIONS)]))
        if i == len(paras) // 2:
            body.extend(_TWEET)
    body.append(fill(rng.choice(_CAPTIONS[2:5])))
    body.append(rng.choice(_TEASER_HEADERS))
    body.extend(fill(t) for t in rng.sample(_TEASERS, 3))
    body.extend(fill(a) for a in _AUTHOR)
    body.append(_NAV[2])
    return _join(body, text)


_AGENCIES = ["Reuters/Gleb Garanich", "AFP/Genya Savilov", "AP/Evgeniy Maloletka", "EPA/Sergey Kozlov"]


def with_glued_credits(text: str) -> str:
    """A copy whose photo credits and byline lost their line breaks: 'Reuters/NameThere may be ...',
    'Anna SmithEurope correspondent, Kyiv' above the text."""
    rng = _rng(text, "glued")
    paras = _paragraphs(text)
    out = [f"Anna Smith{rng.choice(['Europe', 'Defence', 'Security'])} correspondent, Kyiv"]
    for i, para in enumerate(paras):
        if i % 4 == 3 and para[:1].isupper():
            para = rng.choice(_AGENCIES) + para
        out.append(para)
    return _join(out, text)


# Plain words and the spinner synonyms a spun copy puts in their place (the lexicon in clean.spin maps
# them back).
_SPIN = [(r"\btroops\b", "troopers"), (r"\bwar\b", "struggle"), (r"\bcity\b", "metropolis"),
         (r"\bfighting (?=was|is|in|around|near)", "preventing "), (r"\ba year\b", "a 12 months"),
         (r"\bcontinuing\b", "persevering"), (r"\bthe key\b", "the important thing"),
         (r"\bUS officials\b", "US officers")]


def spun(text: str) -> str:
    """A synonym-spun copy: the plain words swapped for a spinner's synonyms."""
    for pattern, swap in _SPIN:
        text = re.sub(pattern, swap, text)
        capitalised = r"\b" + pattern[2].upper() + pattern[3:]          # every pattern starts with \b
        text = re.sub(capitalised, swap[:1].upper() + swap[1:], text)
    return text


def all_dirt(text: str) -> str:
    """Every kind at once, in the order a copy collects them: spun, glued, boilerplate, wrapped, mojibake."""
    return mojibaked(wrapped(with_boilerplate(with_glued_credits(spun(text)))))


DIRT: dict[str, Callable[[str], str]] = {
    "wrapped": wrapped, "mojibake": mojibaked, "boilerplate": with_boilerplate, "glued_credits": with_glued_credits,
    "spun": spun, "all": all_dirt,
}
