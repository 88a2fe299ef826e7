"""Benchmark corpora built from real text frontline's authors did not write.

``headline_articles``  UCDP GED development rows' source headlines (distinct ones), in date order, regrouped into
                       articles of ``per_article`` headlines each: what `bench/throughput.py` measures.
``synthetic``          a corpus of any size recombining real sentences (UCDP headlines of every year and the
                       sentences of the sample articles), each article a random draw of 5 to 12 of them, with
                       copies mixed in (re-published with boilerplate, or the lead only, as a teaser): what
                       `bench/scale.py` ingests at 1k, 10k and 100k articles.

Both are deterministic (fixed seeds), so two runs measure the same text.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

from frontline.api import sample_corpus
from frontline.evaluation import read_ucdp

UCDP_DEV = Path("/work/shared/data/ucdp/ucdp_ged_ukraine_dev.csv")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
_BOILERPLATE = ("Subscribe to our newsletter for the latest updates.", "Read more: our live coverage of the war.",
                "Follow us on Telegram.", "Advertisement")


_UCDP_START = dt.date(1989, 1, 1)      # the first year UCDP GED covers


def _headlines(ucdp: Path, years: tuple[int, int] | None) -> list[tuple[dt.date, str]]:
    """Distinct headlines with the publication date of their row, in date order."""
    seen: dict[str, dt.date] = {}
    for row in read_ucdp(ucdp, years=years):
        if row.published is None or row.published < _UCDP_START:
            continue        # UCDP writes 1753-01-01 (SQL Server's first day) where a source has no date
        for line in row.text.splitlines():
            text = line.strip()
            if len(text.split()) >= 4:
                seen.setdefault(text, row.published)
    return sorted(((d, t) for t, d in seen.items()), key=lambda x: (x[0], x[1]))


def headline_articles(n: int | None = None, per_article: int = 10, ucdp: Path = UCDP_DEV) -> list[dict]:
    """Up to ``n`` JSONL-ready articles of ``per_article`` consecutive distinct UCDP headlines each."""
    lines = _headlines(ucdp, None)
    out = []
    for i in range(0, len(lines) - per_article + 1, per_article):
        chunk = lines[i:i + per_article]
        out.append({"id": f"ucdp-{i // per_article:05d}", "published": chunk[0][0].isoformat(),
                    "source": "UCDP headlines", "text": "\n".join(t for _, t in chunk)})
        if n is not None and len(out) >= n:
            break
    return out


def _seed_sentences() -> list[str]:
    out = []
    for path in sorted(sample_corpus().glob("*.txt")):
        for para in path.read_text(encoding="utf-8").split("\n"):
            out += [s.strip() for s in _SENTENCE.split(para) if len(s.split()) >= 6]
    return out


_STREAM_START = dt.date(2022, 2, 24)


def synthetic(n: int, copy_share: float = 0.1, seed: int = 18, ucdp: Path = UCDP_DEV,
              per_day: int | None = None) -> list[dict]:
    """``n`` JSONL-ready articles recombining real sentences; about ``copy_share`` of them copy an earlier one.

    Without ``per_day``, an article is published on the day of its first headline's row and a copy on its
    original's day, whatever their places in the stream: the more articles, the more to a day. With it, the
    stream runs ``per_day`` articles a day from 24 February 2022 (a larger corpus spans more days, as a longer
    collection does) and a copy repeats one of the last three days' articles on its own day.
    """
    rng = random.Random(seed)
    dated = _headlines(ucdp, None)
    seeds = _seed_sentences()
    out: list[dict] = []
    for i in range(n):
        stream_day = _STREAM_START + dt.timedelta(days=i // per_day) if per_day else None
        if out and rng.random() < copy_share:
            original = out[rng.randrange(max(0, len(out) - 3 * per_day) if per_day else 0, len(out))]
            lines = original["text"].split("\n")
            if rng.random() < 0.5:
                lines = lines + [rng.choice(_BOILERPLATE)]                          # re-published with boilerplate
            else:
                lines = lines[:max(3, len(lines) // 2)] + [rng.choice(_BOILERPLATE)]  # a teaser
            published = stream_day.isoformat() if stream_day else original["published"]
            out.append({"id": f"syn-{i:06d}", "published": published, "source": f"outlet {i % 37}",
                        "text": "\n".join(lines)})
            continue
        day, first = dated[rng.randrange(len(dated))]
        body = [first] + [dated[rng.randrange(len(dated))][1] for _ in range(rng.randint(3, 8))]
        body += rng.sample(seeds, rng.randint(1, 3))
        rng.shuffle(body)
        out.append({"id": f"syn-{i:06d}", "published": (stream_day or day).isoformat(),
                    "source": f"outlet {i % 37}", "text": "\n".join(body)})
    return out


def write_jsonl(articles: list[dict], path: Path) -> Path:
    """Write articles one a line; returns the path."""
    with path.open("w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    return path
