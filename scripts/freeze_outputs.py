"""Freeze what frontline puts out, to prove that a change of layout changes no output.

Runs the public CLI (``frontline extract --format json`` and ``frontline ingest``) on
- the five seed articles (with their publication dates from the manifest),
- every UCDP development row (all years), each headline one article published on its source date,
- the caption set (tests/data/captions),
and dumps the rows of a store built by ``frontline ingest`` from the seeds and the UCDP rows, then writes
each output and a SHA-256 of it into OUT. ``--check DIR`` compares OUT with an earlier freeze and fails on
the first difference.

    python scripts/freeze_outputs.py /tmp/frozen-before
    python scripts/freeze_outputs.py /tmp/frozen-after --check /tmp/frozen-before
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import fcntl
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout; a git worktree elsewhere names it with FRONTLINE_SHARED.
SHARED = Path(os.environ.get("FRONTLINE_SHARED", ROOT.parent / "shared")) / "data"
FRONTLINE = Path(sys.executable).parent / "frontline"


def _decoded(data: bytes) -> str:
    # The UCDP file mixes UTF-8 and Windows-1252 lines.
    out = []
    for line in data.split(b"\n"):
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(line.decode("cp1252", errors="replace"))
    return "\n".join(out)


def _earliest(source_date: str) -> str | None:
    days = []
    for part in source_date.split(";"):
        part = part.strip()
        if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", part):
            days.append(dt.date(int(m[3]), int(m[2]), int(m[1])))
        elif m := re.match(r"(\d{4})-(\d{2})-(\d{2})", part):
            days.append(dt.date(int(m[1]), int(m[2]), int(m[3])))
    return min(days).isoformat() if days else None


def _ucdp_jsonl(out: Path) -> Path:
    """The UCDP development rows as JSONL articles: the row's headlines, published on its earliest source date."""
    # The rows are turned into articles here with the csv module alone, so that this script does not depend on
    # frontline's own UCDP reader, whose module a move relocates.
    path = out / "ucdp.jsonl"
    text = _decoded((SHARED / "ucdp" / "ucdp_ged_ukraine_dev.csv").read_bytes())
    with path.open("w", encoding="utf-8") as dst:
        for rec in csv.DictReader(io.StringIO(text, newline="")):
            headlines = "\n".join(h.strip() for h in rec["source_headline"].split(";") if h.strip())
            if headlines:
                dst.write(json.dumps({"id": rec["id"], "text": headlines,
                                      "published": _earliest(rec["source_date"])}) + "\n")
    return path


def _captions_jsonl(out: Path) -> Path:
    path = out / "captions.jsonl"
    with (ROOT / "tests" / "data" / "captions" / "captions.jsonl").open(encoding="utf-8") as fh, \
            path.open("w", encoding="utf-8") as dst:
        for line in fh:
            item = json.loads(line)
            dst.write(json.dumps({"id": item["id"], "text": item["text"], "published": item["published"]}) + "\n")
    return path


def _run(*args: str) -> bytes:
    done = subprocess.run([str(FRONTLINE), *args], capture_output=True, check=False)
    if done.returncode not in (0, 3):   # 3: some input failed, which is output too
        raise SystemExit(f"frontline {' '.join(args)} failed ({done.returncode}):\n{done.stderr.decode()[-2000:]}")
    return done.stdout


# When a row was written (ingested_at ...) is the one thing two ingests of the same input may not share.
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]\d{2}:\d{2}|Z)?")


def _dump(db: Path) -> bytes:
    """Every row of every table, sorted, as text: the store's content whatever order it was written in."""
    con = sqlite3.connect(db)
    lines = []
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    for table in tables:
        rows = sorted(_STAMP.sub("<time>", repr(r)) for r in con.execute(f'SELECT * FROM "{table}"'))
        lines.append(f"## {table} ({len(rows)} rows)")
        lines.extend(rows)
    con.close()
    return "\n".join(lines).encode("utf-8")


def freeze(out: Path) -> dict[str, str]:
    out.mkdir(parents=True, exist_ok=True)
    # A fixed folder: input paths appear in the output, so two freezes must read the same paths; a lock keeps
    # freezes run at the same time (from several work trees) out of each other's folder.
    work = Path(tempfile.gettempdir()) / "frontline-freeze-inputs"
    lock = (Path(tempfile.gettempdir()) / "frontline-freeze.lock").open("w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        seeds = work / "seeds"
        shutil.copytree(SHARED / "seeds", seeds)
        ucdp, captions = _ucdp_jsonl(work), _captions_jsonl(work)
        outputs = {
            "extract-seeds.json": _run("extract", "--format", "json", str(seeds)),
            "extract-ucdp.json": _run("extract", "--format", "json", str(ucdp)),
            "extract-captions.json": _run("extract", "--format", "json", str(captions)),
        }
        db = work / "store.db"
        _run("ingest", "--db", str(db), str(seeds), str(ucdp))
        outputs["store.txt"] = _dump(db)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        lock.close()
    digests = {}
    for name, data in outputs.items():
        (out / name).write_bytes(data)
        digests[name] = hashlib.sha256(data).hexdigest()
    (out / "SHA256SUMS").write_text("".join(f"{d}  {n}\n" for n, d in sorted(digests.items())))
    return digests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the outputs and their SHA256SUMS")
    parser.add_argument("--check", type=Path, help="an earlier freeze to compare with")
    args = parser.parse_args()
    digests = freeze(args.out)
    for name, digest in sorted(digests.items()):
        print(f"{digest}  {name}")
    if args.check is not None:
        before = dict(reversed(line.split("  ", 1)) for line in (args.check / "SHA256SUMS").read_text().splitlines())
        differ = [name for name, digest in digests.items() if before.get(name) != digest]
        if differ:
            raise SystemExit(f"outputs differ from {args.check}: {', '.join(sorted(differ))}")
        print(f"identical to {args.check}")


if __name__ == "__main__":
    main()
