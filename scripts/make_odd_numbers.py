"""Write the odd-numbers corpus: real UCDP headlines whose numbers and dates are rewritten in odd shapes.

    python scripts/make_odd_numbers.py ../shared/data/ucdp/ucdp_ged_ukraine_dev.csv tests/data/odd_numbers.jsonl

Each of the ``SHAPES`` (thousands separators of many locales, dotted and slashed dates, ranges, fractions,
digits of other scripts, huge exponents, dates outside the calendar) replaces the first number of three real
headlines (or is appended to a headline without one, as a photo caption's "documented 24.3.2022"), so the
corpus holds ``3 * len(SHAPES)`` reports. The headlines are the 2022-2023 rows of the UCDP development split,
taken in file order from a fixed offset per shape; the output is deterministic. tests/test_odd_numbers.py runs it
through ``frontline extract`` and ``frontline ingest``: no article may stop the run.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from frontline.evaluation.ucdp import read_ucdp

SHAPES: tuple[str, ...] = (
    # thousands separators: comma, dot, space, no-break space, narrow no-break space, apostrophes, Indian
    # grouping, underscore, Arabic thousands separator
    "1,234", "1.234", "1 234", "1\u00a0234", "1\u202f234", "1'234", "1\u2019234", "12,34,567", "1_234", "1\u066c234",
    # decimals: comma, point, Arabic decimal separator; mixed grouping
    "2,5", "2.5", "2\u066b5", "1.234.567,89",
    # dates: dotted, dotted with a trailing dot, American, ISO with dots, slashed, dashed
    "24.3.2022", "24.03.2022.", "3.24.22", "2022.03.24", "24/3/2022", "24-03-2022",
    # ranges and fractions
    "10-15", "10\u201315", "10\u201415", "\u00bd", "3 \u00bd", "2\u00be", "1/2",
    # digits of other scripts: Arabic-Indic, Persian, Devanagari, full-width, mathematical bold
    "\u0661\u0662", "\u06f1\u06f2", "\u0967\u0968", "\uff11\uff12", "\U0001d7cf\U0001d7d0",
    # huge and odd numbers
    "1e999", "10^999", "9" * 400, "1.2.3.4", "\u22125", "12%",
    # dates outside the calendar
    "3000 years ago", "in the year 99999", "100000000 days ago",
)
_FIRST_NUMBER = re.compile(r"\d[\d,.]*")
PER_SHAPE = 3


def reports(csv_path: Path) -> list[dict[str, str]]:
    """``PER_SHAPE`` reports per shape, each a real headline carrying the shape."""
    rows = [r for r in read_ucdp(csv_path, years=(2022, 2023)) if r.text.strip()]
    out = []
    for n, shape in enumerate(SHAPES):
        for k in range(PER_SHAPE):
            row = rows[(n * PER_SHAPE + k) * 7 % len(rows)]
            headline = row.text.splitlines()[0]
            m = _FIRST_NUMBER.search(headline)
            text = (headline[:m.start()] + shape + headline[m.end():]) if m else f"{headline}, documented {shape}"
            out.append({"id": f"odd-{n:02d}-{k}", "text": text, "published": row.published.isoformat()})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ucdp", type=Path, help="the UCDP GED CSV (development split)")
    parser.add_argument("dest", type=Path, help="the JSONL file to write")
    args = parser.parse_args()
    with args.dest.open("w", encoding="utf-8") as f:
        for r in reports(args.ucdp):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
