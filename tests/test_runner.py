"""Runners give the results of one process, in input order, wherever extraction runs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from threadpoolctl import threadpool_info

from frontline import api
from frontline.models import RawArticle
from frontline.runner import DaskRunner, InProcess, LocalPool

HEADLINES = Path(__file__).parent / "data" / "headlines.txt"


def _raws(n: int) -> list[RawArticle]:
    lines = [line.strip() for line in HEADLINES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [RawArticle(text=lines[i % len(lines)] + ("" if i < len(lines) else f" ({i})"),
                       published=dt.date(2023, 5, 1 + i % 28), input_id=str(i)) for i in range(n)]


def test_local_pool_gives_the_results_of_one_process_in_input_order(pipeline):
    raws = _raws(22)
    serial = list(InProcess(pipeline).run(raws))
    pool = LocalPool(pipeline, processes=2, batch_size=3)
    try:
        seen = []
        parallel = list(pool.run(raws, progress=seen.append))
    finally:
        pool.close()
    assert parallel == serial
    assert seen == serial


def test_local_pool_runs_an_input_of_one_batch_in_this_process(pipeline):
    pool = LocalPool(pipeline, processes=2, batch_size=8)
    assert len(list(pool.run(_raws(5)))) == 5
    assert pool._workers == []


def _corpus(tmp_path: Path) -> Path:
    """Headlines grouped into articles, with two copies and reports of the same events by two outlets."""
    lines = [line.strip() for line in HEADLINES.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = ["\n".join(lines[i:i + 3]) for i in range(0, min(len(lines), 30), 3)]
    texts += [texts[1] + "\nSubscribe to our newsletter.", texts[4] + "\nRead more on our website."]
    texts += ["\n".join(lines[0:2])]            # a second outlet on the first article's events
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": t, "published": "2023-05-02",
                                        "source": f"outlet {i % 3}"}) + "\n" for i, t in enumerate(texts)),
                    encoding="utf-8")
    return path


def _blas_threads() -> int:
    return max(info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas")


def test_ingest_on_a_local_dask_cluster_stores_what_one_process_stores(tmp_path, pipeline, store_content):
    pytest.importorskip("distributed")
    corpus = _corpus(tmp_path)
    one = api.ingest([corpus], tmp_path / "one.db", pipeline=pipeline, runner=InProcess(pipeline))
    before = _blas_threads()
    runner = DaskRunner.local(2, batch_size=2)
    try:
        # the cluster's workers share this machine's cores: this process keeps to one BLAS thread meanwhile
        assert _blas_threads() == 1
        two = api.ingest([corpus], tmp_path / "two.db", runner=runner)
    finally:
        runner.close()
    assert _blas_threads() == before
    assert one == two
    assert one.copies >= 2 and one.fused_events > 0
    assert store_content(tmp_path / "one.db") == store_content(tmp_path / "two.db")
