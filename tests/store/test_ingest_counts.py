"""Issue 26 item 10: an ingest's counts agree with what the store then holds."""

from __future__ import annotations

import json

from frontline import api
from frontline.runner import InProcess
from frontline.store.backend import open_store


def test_a_new_store_has_nothing_unchanged_and_repeats_are_counted_apart(tmp_path, pipeline):
    lines = [{"text": "Russian forces shelled Bakhmut on Monday, killing two civilians.", "published": "2022-06-27"},
             {"text": "Ukrainian troops repelled an attack near Avdiivka.", "published": "2022-06-28"}]
    path = tmp_path / "in.jsonl"
    # the first headline three times, as UCDP rows repeat a headline that several events were coded from
    path.write_text("\n".join(json.dumps(x) for x in (lines[0], lines[1], lines[0], lines[0])) + "\n",
                    encoding="utf-8")
    db = tmp_path / "new.db"
    report = api.ingest([path], db, pipeline=pipeline, runner=InProcess(pipeline))
    assert (report.changed, report.unchanged, report.repeats) == (2, 0, 2)
    with open_store(db) as store:
        assert report.copies == store.corpus_counts()["copies"]
    again = api.ingest([path], db, pipeline=pipeline, runner=InProcess(pipeline))
    assert again.changed == 0 and again.unchanged + again.repeats == 4
