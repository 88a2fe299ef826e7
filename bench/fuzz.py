"""A long fuzz run of the property tests in tests/test_properties.py, outside CI.

    python bench/fuzz.py --minutes 12 [--seed 0]

Runs each property in rounds of ``--round`` examples with a new seed each round until the time is up, and prints how many examples ran,
how long, and every failure with the seed to reproduce it:

    FRONTLINE_FUZZ_EXAMPLES=200 pytest tests/test_properties.py -p no:cacheprovider --hypothesis-seed SEED
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback

from hypothesis import seed
from testmodules import load

from frontline.pipeline import Pipeline
from frontline.sources.language import LanguageDetector


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=12.0, help="how long to run")
    parser.add_argument("--round", type=int, default=25, help="examples per property and round")
    parser.add_argument("--seed", type=int, default=0, help="first seed; each round adds one")
    args = parser.parse_args()
    # the properties read their number of examples when imported
    os.environ["FRONTLINE_FUZZ_EXAMPLES"] = str(args.round)
    props = load("test_properties")

    pipeline, detector = Pipeline.load(), LanguageDetector()
    tests = {
        "mutated articles": lambda fn: fn(pipeline=pipeline, detector=detector),
        "exact copies": lambda fn: fn(pipeline=pipeline, detector=detector),
        "any text": lambda fn: fn(pipeline=pipeline),
    }
    functions = {"mutated articles": props.test_mutated_articles_go_through_everything,
                 "exact copies": props.test_an_article_and_its_exact_copy_keep_ids_unique,
                 "any text": props.test_any_text_string_is_a_result}
    started = time.monotonic()
    deadline = started + args.minutes * 60
    examples = dict.fromkeys(tests, 0)
    failures: list[tuple[str, int, str]] = []
    round_seed = args.seed
    while time.monotonic() < deadline:
        for name, call in tests.items():
            try:
                call(seed(round_seed)(functions[name]))
            except Exception:  # noqa: BLE001 - a finding: reported, and the run goes on
                failures.append((name, round_seed, traceback.format_exc(limit=8)))
                print(f"FAILURE in {name} (seed {round_seed}):\n{failures[-1][2]}", flush=True)
            examples[name] += args.round
            if time.monotonic() >= deadline:
                break
        round_seed += 1
        print(f"{(time.monotonic() - started) / 60:.1f} min: {sum(examples.values())} examples, "
              f"{len(failures)} failures", flush=True)
    minutes = (time.monotonic() - started) / 60
    print(f"ran {minutes:.1f} min, seeds {args.seed}..{round_seed}: "
          + ", ".join(f"{name} {n} examples" for name, n in examples.items())
          + f"; {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
