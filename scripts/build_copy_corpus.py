"""Build the copy corpus in tests/data/copies/articles from the sample articles and tests/data/articles.

Usage::

    python scripts/build_copy_corpus.py

For every original it writes four copies, each made the way such copies are made in the wild:

``boilerplate``  the text between another site's header (menu, share buttons) and footer (related links, copyright)
``pdf``          hard-wrapped at 64 columns with long words hyphenated across the break, page headers between pages
``teaser``       the headline and first two paragraphs, then a 'read more' line
``spun``         every word a synonym dictionary knows swapped for its synonym (what article spinners do)

The hand-written articles already in the folder (``HAND_WRITTEN``) are not copies: same place and day as another
article but another event, or an independent report of an event another article reports. The truth (which files
tell the same story) goes to tests/data/copies/truth.json; metadata to the folder's manifest.jsonl.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "copies"
SAMPLES = ROOT / "src" / "frontline" / "data" / "samples"
ARTICLES = ROOT / "tests" / "data" / "articles"

# Published dates of the originals outside the sample manifest (read from their datelines).
OTHER_DATES = {"regional_daily_summary.txt": "2024-08-13", "state_media_novoselovka.txt": "2024-04-21",
               "wire_2015_debaltseve.txt": "2015-02-18", "wire_kharkiv_strike.txt": "2023-10-05"}

# file -> (published, what it is); 'story' names the story for the truth: files with one story are copies.
HAND_WRITTEN = {
    "pokrovsk_capture_claim.txt": ("2025-12-02", "independent report of the Pokrovsk capture claim (sample 000)"),
    "pokrovsk_glide_bombs.txt": ("2025-12-02", "same place and day as the capture claim, another event"),
    "sievierodonetsk_azot_shelling.txt": ("2022-06-24", "same place and day as the withdrawal order, another event"),
    "sievierodonetsk_withdrawal_order.txt": ("2022-06-24", "independent report of the withdrawal (sample 003)"),
    "kharkiv_drone_strike.txt": ("2025-01-23", "same oblast and day as sample 004, another event"),
}

HEADER = ("Home | World | Europe | Ukraine war\nSubscribe to our newsletter\nShare on Facebook  Share on X  "
          "Copy link\nAdvertisement\n")
FOOTER = ("\nRelated stories\nWhat we know about the front line this week\nThe war in maps\nMore from Europe\n"
          "© 2026 Daily Dispatch Media. All rights reserved. Terms of use | Privacy policy | Cookie settings\n")

# A spinner's thesaurus: common news words and a synonym each (both directions are not needed).
SYNONYMS = {
    "said": "stated", "says": "states", "troops": "soldiers", "soldiers": "servicemen", "city": "municipality",
    "town": "settlement", "forces": "units", "fighting": "combat", "attack": "assault", "attacks": "assaults",
    "killed": "slain", "injured": "hurt", "wounded": "hurt", "people": "individuals", "children": "kids",
    "region": "area", "regional": "local", "officials": "authorities", "official": "functionary",
    "reported": "stated", "captured": "seized", "control": "command", "war": "conflict", "military": "armed forces",
    "army": "military", "residents": "inhabitants", "continue": "carry on", "continues": "carries on",
    "continuing": "ongoing", "important": "significant", "strategic": "tactical", "near": "close to",
    "after": "following", "before": "prior to", "also": "additionally", "many": "numerous", "large": "big",
    "big": "large", "small": "little", "major": "key", "new": "fresh", "help": "assist", "however": "nevertheless",
    "because": "since", "still": "yet", "about": "around", "almost": "nearly", "more": "additional",
    "building": "structure", "buildings": "structures", "houses": "homes", "across": "throughout",
    "started": "began", "began": "started", "told": "informed", "week": "seven days", "weeks": "several weeks",
    "month": "thirty days", "months": "several months", "year": "twelve months", "years": "decades",
    "government": "administration", "president": "leader", "ministry": "department", "head": "chief",
    "defence": "defense", "defense": "protection", "border": "frontier", "front": "frontline", "line": "row",
    "area": "zone", "country": "nation", "capital": "main city", "talks": "negotiations", "peace": "truce",
    "ready": "prepared", "support": "backing", "weapons": "arms", "units": "formations", "unit": "formation",
    "left": "departed", "leave": "depart", "refused": "declined", "refuse": "decline", "return": "go back",
    "destroyed": "wrecked", "damaged": "harmed", "struck": "hit", "hit": "struck", "several": "a number of",
    "number": "quantity", "first": "initial", "last": "final", "early": "initial", "late": "belated",
    "ordered": "instructed", "order": "instruction", "situation": "circumstances", "difficult": "hard",
    "evacuation": "removal", "evacuate": "move out", "villages": "hamlets", "village": "hamlet",
    "shelling": "bombardment", "strikes": "hits", "strike": "hit", "missile": "rocket", "drones": "UAVs",
}
_WORD = re.compile(r"[A-Za-z]+")


def boilerplate(title: str, paragraphs: list[str]) -> str:
    return HEADER + "\n" + title + "\n\n" + "\n\n".join(paragraphs) + "\n" + FOOTER


def pdf(title: str, paragraphs: list[str]) -> str:
    lines: list[str] = [title.upper(), ""]
    for para in paragraphs:
        wrapped = textwrap.wrap(para, width=64, break_long_words=False)
        for i, line in enumerate(wrapped):
            # hyphenate: move the first half of the next line's first long word up to this line
            if i + 1 < len(wrapped) and len(wrapped[i + 1].split(" ", 1)[0]) >= 8 and len(line) < 60:
                head, _, rest = wrapped[i + 1].partition(" ")
                cut = len(head) // 2
                line, wrapped[i + 1] = f"{line} {head[:cut]}-", head[cut:] + (" " + rest if rest else "")
            lines.append(line)
        lines.append("")
        if len(lines) % 40 < 8:
            lines += ["Daily Dispatch  |  PDF edition  |  page %d" % (len(lines) // 40 + 1), ""]
    return "\n".join(lines)


def teaser(title: str, paragraphs: list[str]) -> str:
    return title + "\n\n" + "\n\n".join(paragraphs[:2]) + "\n\nRead the full story on our website.\n"


def spun(title: str, paragraphs: list[str]) -> str:
    def swap(m: re.Match[str]) -> str:
        word = m.group()
        new = SYNONYMS.get(word.lower())
        if new is None:
            return word
        return new[0].upper() + new[1:] if word[0].isupper() else new

    return "\n\n".join(_WORD.sub(swap, p) for p in [title, *paragraphs]) + "\n"


COPIERS = {"boilerplate": boilerplate, "pdf": pdf, "teaser": teaser, "spun": spun}


def originals() -> list[tuple[Path, str]]:
    dates = {json.loads(line)["file"]: json.loads(line)["published"]
             for line in (SAMPLES / "manifest.jsonl").read_text().splitlines() if line.strip()}
    found = [(p, dates[p.name]) for p in sorted(SAMPLES.glob("*.txt"))]
    return found + [(p, OTHER_DATES[p.name]) for p in sorted(ARTICLES.glob("*.txt"))]


def main() -> None:
    out = OUT / "articles"
    out.mkdir(parents=True, exist_ok=True)
    manifest, truth = [], []
    for path, published in originals():
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if p.strip()]
        title, body = paragraphs[0], paragraphs[1:]
        story = path.name
        truth.append({"file": path.name, "path": str(path.relative_to(ROOT)), "story": story, "kind": "original"})
        for kind, copy in COPIERS.items():
            name = f"{path.stem}.{kind}.txt"
            (out / name).write_text(copy(title, body), encoding="utf-8")
            manifest.append({"file": name, "published": published, "source": f"copy-{kind}"})
            truth.append({"file": name, "path": str((out / name).relative_to(ROOT)), "story": story, "kind": kind})
    for name, (published, what) in HAND_WRITTEN.items():
        manifest.append({"file": name, "published": published, "source": "hand-written"})
        truth.append({"file": name, "path": str((out / name).relative_to(ROOT)), "story": name,
                      "kind": "independent", "note": what})
    (out / "manifest.jsonl").write_text("".join(json.dumps(m) + "\n" for m in manifest), encoding="utf-8")
    (OUT / "truth.json").write_text(json.dumps(truth, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
