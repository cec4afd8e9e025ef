"""Where batches of articles are processed: this process, a pool of worker processes, or a Dask cluster.

Every backend runs the same ``process_batch`` with ``Resources`` loaded once per worker (not per
article) and yields the batches' results in input order, so the output of a run does not depend on
the backend. Workers send back plain ``ArticleResult`` objects (records, mentions, timings: no spaCy
``Doc``), small to pickle. At most a few batches per worker are in flight: input is read lazily and
memory stays flat however many articles there are.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
import platform
import threading
from collections import deque
from typing import Any, Iterable, Iterator

from .output.run_outputs import journal_out_text, prepared_mentions
from .process import ArticleResult, Resources, article_coverage, encoded, needs_model, process_batch
from .types import Article

IN_FLIGHT_PER_WORKER = 4

# --- worker processes (multiprocessing) -----------------------------------------------------

_WORKER_RES: Resources | None = None
_WORKER_KEY: tuple | None = None


def _settings_key(rules, ner_model, cache_dir, use_cache, decisions=None, ner_backend=None) -> tuple:
    return (tuple(rules), ner_model, cache_dir, use_cache, decisions, ner_backend)


def _worker_resources(rules: list[str], ner_model: str | None, cache_dir: str | None, use_cache: bool,
                      decisions: str | None = None, ner_backend: str | None = None) -> Resources:
    """The worker's Resources, loaded on first use and kept for every later batch."""
    global _WORKER_RES, _WORKER_KEY
    key = _settings_key(rules, ner_model, cache_dir, use_cache, decisions, ner_backend)
    if _WORKER_RES is None or _WORKER_KEY != key:
        _WORKER_RES = Resources.load(rules, ner_model, cache_dir, use_cache, decisions, ner_backend)
        _WORKER_KEY = key
    return _WORKER_RES


def _init_worker(rules, ner_model, cache_dir, use_cache=True, decisions=None, ner_backend=None):
    _worker_resources(rules, ner_model, cache_dir, use_cache, decisions, ner_backend)


def _work(batch: list[Article]) -> list[ArticleResult]:
    assert _WORKER_RES is not None
    return _with_outputs(process_batch(batch, _WORKER_RES))


def _with_outputs(results: list[ArticleResult]) -> list[ArticleResult]:
    """The results with what the run's parent makes of each (the journal's lines, mentions.csv rows, the
    rule coverage, the number of mentions) made here, in the worker, travelling along: the parent, which
    alone writes the outputs, is the one process all the workers wait on. The ``Mention`` objects then stay
    here (rebuilding tens of them per article was the larger part of the parent's unpickling): a result
    that reaches the run's parent from a worker carries its mentions only in those prepared forms."""
    for r in results:
        encoded(r)  # (a result from the cache is encoded again: its timings and cache states changed)
        prepared_mentions(r)
        journal_out_text(r)
        r.__dict__["_coverage"] = article_coverage(r)
        r.__dict__["_n_mentions"] = len(r.mentions)
        r.mentions = []
    return results


_DASK_LOCK = threading.Lock()


def _dask_work(batch: list[Article], settings: tuple) -> list[ArticleResult]:
    """The task a Dask worker runs: its Resources are a per-process global, loaded by the first task.

    Resources (spaCy pipeline, caches) are not made for concurrent use, so a worker process runs one
    batch at a time: start Dask workers with one thread each (``dask worker --nthreads 1 --nworkers N``).
    """
    with _DASK_LOCK:
        return _with_outputs(process_batch(batch, _worker_resources(*settings)))


# --- the backends ---------------------------------------------------------------------------

def worker_settings(cfg: Any) -> tuple:
    """What a worker needs to load its own Resources (picklable: plain strings)."""
    return ([str(r) for r in cfg.rules], cfg.ner_model, cfg.cache_dir, cfg.use_cache,
            None if cfg.decisions is None else str(cfg.decisions), getattr(cfg, "ner_backend", None))


def map_inline(batches: Iterable[list[Article]], res: Resources) -> Iterator[list[ArticleResult]]:
    for batch in batches:
        yield process_batch(batch, res)


def map_pool(batches: Iterable[list[Article]], workers: int, settings: tuple,
             res: Resources | None = None) -> Iterator[list[ArticleResult]]:
    """A pool of ``workers`` processes, each loading Resources once in its initializer.

    Where processes fork (Linux), the workers inherit ``res`` from this process instead, the model
    loaded once here: no worker spends its first seconds loading what the parent already holds. The
    model is loaded here only when the first batch will run it: a re-run whose NER spans are cached
    never loads it, in the parent or in a worker.
    """
    global _WORKER_RES, _WORKER_KEY
    method = "spawn" if platform.system() == "Darwin" else "fork"
    ctx = mp.get_context(method)
    saved = _WORKER_RES, _WORKER_KEY
    if res is not None and method == "fork":
        batches = iter(batches)
        first = next(batches, None)
        if first is not None:
            if needs_model(first, res):
                res.annotator  # noqa: B018 - load the model before the fork
            batches = itertools.chain([first], batches)
        res.cache.flush()
        _WORKER_RES, _WORKER_KEY = res, _settings_key(*settings)
    try:
        yield from _pool_results(ctx, batches, workers, settings)
    finally:
        _WORKER_RES, _WORKER_KEY = saved


def _pool_results(ctx, batches: Iterable[list[Article]], workers: int, settings: tuple) -> Iterator[list[ArticleResult]]:
    with ctx.Pool(workers, initializer=_init_worker, initargs=settings) as pool:
        # imap reads its input eagerly; feeding it through a bounded window keeps reading lazy
        window: deque = deque()
        for batch in batches:
            window.append(pool.apply_async(_work, (batch,)))
            if len(window) >= workers * IN_FLIGHT_PER_WORKER:
                yield window.popleft().get()
        while window:
            yield window.popleft().get()


def map_dask(batches: Iterable[list[Article]], address: str, settings: tuple) -> Iterator[list[ArticleResult]]:
    """Batches as tasks on the Dask distributed scheduler at ``address``; results in input order."""
    try:
        from dask.distributed import Client
    except ImportError as e:  # pragma: no cover - depends on the install
        from .errors import RunError

        raise RunError("--scheduler needs dask.distributed: pip install 'idnews-pipeline[cluster]'") from e
    with Client(address, set_as_default=False) as client:
        n = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values()))
        window: deque = deque()
        for batch in batches:
            # pure=False: two batches with equal content are still two tasks
            window.append(client.submit(_dask_work, batch, settings, pure=False))
            if len(window) >= n * IN_FLIGHT_PER_WORKER:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
