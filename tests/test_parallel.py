"""Worker processes and the Dask backend give the same output as one process, and send small results."""
from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from bench_pipeline import generate_corpus  # noqa: E402

from pipeline.run import JOURNAL, RunConfig, run  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    # 40 articles: more than two batches, so --workers 2 really uses the pool
    return generate_corpus(40, tmp_path_factory.mktemp("corpus"), seed=7)


def _run(corpus: Path, out: Path, **kw) -> dict:
    cfg = RunConfig(inputs=[corpus], out=out, ner_model="none", use_cache=False, progress=False, **kw)
    return run(cfg)


def _sorted_records(out: Path) -> list[str]:
    return sorted((out / "records.jsonl").read_text(encoding="utf-8").splitlines())


@pytest.fixture(scope="module")
def one_worker(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("w1") / "out"
    _run(corpus, out, workers=1)
    return out


def test_two_workers_same_output_as_one(corpus, one_worker, tmp_path):
    info = _run(corpus, tmp_path / "out", workers=2)
    assert info["settings"]["workers"] == 2
    for name in ("records.jsonl", "mentions.csv", "entities.csv", "errors.jsonl"):
        assert (tmp_path / "out" / name).read_bytes() == (one_worker / name).read_bytes(), name
    assert info["counts"]["inputs"] == 40 and info["counts"]["records"] > 0
    assert not (tmp_path / "out" / JOURNAL).exists(), "the journal is removed once the outputs are written"


def test_dask_local_cluster_same_records_as_local_run(corpus, one_worker, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        info = _run(corpus, tmp_path / "out", workers=1, scheduler=cluster.scheduler_address)
    assert info["settings"]["scheduler"] == cluster.scheduler_address
    assert _sorted_records(tmp_path / "out") == _sorted_records(one_worker)
    assert (tmp_path / "out" / "entities.csv").read_bytes() == (one_worker / "entities.csv").read_bytes()


def test_stage_seconds_include_load_resolve_and_write(one_worker):
    stages = json.loads((one_worker / "run.json").read_text(encoding="utf-8"))["stage_seconds"]
    assert {"load", "segment", "annotate", "orgs", "places", "dates", "resolve", "write"} <= set(stages)


def test_results_sent_back_by_workers_are_small_and_hold_no_spacy_objects(corpus):
    from pipeline.load import iter_articles
    from pipeline.process import Resources, process_batch

    res = Resources.load(["rules"], None, None, use_cache=False)  # the shipped NER model
    articles = list(iter_articles([corpus]))[:4]
    results = process_batch(articles, res)
    res.close()
    for r in results:
        blob = pickle.dumps(r)
        assert b"spacy" not in blob, "a spaCy object (Doc, Span) would travel back from the worker"
        assert len(blob) < 20 * len(articles[0].text), len(blob)


def test_articles_in_one_json_lines_file_go_to_the_workers(tmp_path, monkeypatch):
    """Forty articles in a single JSON Lines file are more than two batches: --workers 2 forks, as it does for
    forty text files (the choice counted files, so a JSONL corpus always ran in one process)."""
    import pipeline.run as run_module

    body = "Dinas Koperasi Kabupaten Sleman melatih {n} pelaku UMKM membuat kemasan produk di Balai Desa. " * 40
    (tmp_path / "in").mkdir()
    path = tmp_path / "in" / "artikel.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "title": f"Pelatihan kemasan {i}",
                                        "text": body.format(n=20 + i)}) + "\n" for i in range(40)),
                    encoding="utf-8")
    used = []
    real_pool = run_module.map_pool
    monkeypatch.setattr(run_module, "map_pool", lambda *a, **k: used.append("pool") or real_pool(*a, **k))
    _run(path, tmp_path / "out", workers=2)
    assert used == ["pool"]
    assert len(_sorted_records(tmp_path / "out")) == 40


def test_a_few_pages_run_in_one_process(tmp_path):
    from pipeline.run import estimated_articles

    pages = [(tmp_path, tmp_path / f"p{i}.txt") for i in range(5)]
    small = tmp_path / "dua.jsonl"
    small.write_text('{"id": "a", "text": "Pelatihan."}\n{"id": "b", "text": "Bantuan."}\n', encoding="utf-8")
    assert estimated_articles(pages) == 5
    assert estimated_articles(pages + [(tmp_path, small)]) == 6  # a small container counts as one
    big = tmp_path / "banyak.jsonl"
    big.write_bytes(b"x" * 400_000)
    assert estimated_articles([(tmp_path, big)]) == 100
