"""Add the bad inputs that cannot be committed to a copy of tests/data/bad: large files, links, odd names.

    python scripts/make_bad_corpus.py DEST

DEST is usually a copy of ``tests/data/bad`` (``tests/sources/test_bad_corpus.py`` makes one in a temporary folder
and calls ``make``). What is added, and why it is not in git:

- ``huge_line.jsonl``: a good line, a line over ``ingest.MAX_LINE_BYTES``, a good line (tens of MiB).
- ``too_large.txt``: a sparse file just over ``ingest.MAX_FILE_BYTES`` (it takes no disk space).
- ``nested.html``: a page whose article sits inside 100,000 nested ``<div>`` elements (1.3 MB).
- a text file whose name has a byte that is not UTF-8 (git and many file systems mangle such names).
- ``loop_a.txt`` and ``loop_b.txt``, two links to each other; ``sub/back``, a link to its own parent.
- ``passwd.txt``, a link to ``/etc/passwd``; and a manifest line naming ``/etc/passwd`` by its absolute path.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from frontline.sources.ingest import MAX_FILE_BYTES, MAX_LINE_BYTES

GOOD = ("Ukrainian forces repelled six assaults near Kupiansk in the Kharkiv region on Tuesday, the General Staff "
        "said. Two Russian armoured vehicles were destroyed, according to the statement.")
NESTING = 100_000


def make(dest: Path) -> None:
    """Write the generated bad inputs into the folder ``dest`` (created if needed)."""
    dest.mkdir(parents=True, exist_ok=True)
    with (dest / "huge_line.jsonl").open("w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "h1", "text": GOOD}) + "\n")
        f.write('{"id": "h2", "text": "' + "war " * (MAX_LINE_BYTES // 2) + '"}\n')
        f.write(json.dumps({"id": "h3", "text": GOOD.replace("six", "seven")}) + "\n")
    with (dest / "too_large.txt").open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 2**20)
    article = f"<article><h1>Assaults repelled near Kupiansk</h1><p>{GOOD}</p></article>"
    (dest / "nested.html").write_text("<html><body>" + "<div>" * NESTING + article + "</div>" * NESTING
                                      + "</body></html>", encoding="utf-8")
    (dest / os.fsdecode(b"r\xe9sum\xe9.txt")).write_text(GOOD.replace("Tuesday", "Wednesday"), encoding="utf-8")
    _link(dest / "loop_a.txt", "loop_b.txt")
    _link(dest / "loop_b.txt", "loop_a.txt")
    (dest / "sub").mkdir(exist_ok=True)
    _link(dest / "sub" / "back", "..")
    _link(dest / "passwd.txt", "/etc/passwd")
    with (dest / "manifest.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps({"file": "/etc/passwd", "title": "an absolute path"}) + "\n")


def _link(path: Path, target: str) -> None:
    if path.is_symlink():
        path.unlink()
    path.symlink_to(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="folder to write into (a copy of tests/data/bad)")
    make(parser.parse_args().dest)


if __name__ == "__main__":
    main()
