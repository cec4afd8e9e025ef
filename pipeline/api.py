"""A small Python API for notebooks: load once, process texts or files, read an output folder into pandas.

    from pipeline.api import Pipeline, read_output

    nlp = Pipeline()                                   # rules/, the shipped NER model and decisions
    records = nlp.process_text(text, title="...")      # the records.jsonl objects of one article
    for result in nlp.process_files(["articles/"]):    # folders are read recursively
        print(result.article_id, result.status, len(result.records))
    out = read_output("data/out")                      # DataFrames: out.records, out.people, ...

Everything here goes through the same stages as ``python -m pipeline run`` (same rules, time limits and
cache); only the cross-article entity ids of ``run`` (``entity_id``) are not filled in, since they need
the whole run.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from .load import LoadFailure, iter_articles
from .process import Resources, process_batch
from .types import Article

DEFAULT_RULES = Path(__file__).resolve().parents[1] / "rules"
BATCH = 16


@dataclass
class Result:
    """One article's outcome: ``status`` is "record", "no_programme" or "error" (then ``error`` says why)."""

    article_id: str
    path: str
    status: str
    records: list[dict[str, Any]]
    error: dict[str, Any] | None = None


class Pipeline:
    """Rules, NER model, learned decisions and extractors, loaded once and reused for every article."""

    def __init__(self, rules: str | Path | Iterable[str | Path] | None = None,
                 extra_rules: Iterable[str | Path] = (), ner_model: str | Path | None = None,
                 decisions: str | Path | None = None, cache_dir: str | Path | None = None, use_cache: bool = False,
                 ner_backend: str | None = None):
        """``rules``: folder(s) used instead of rules/; ``extra_rules``: folders read on top; ``ner_model``:
        a spaCy model folder or "none" (with ``ner_backend="stanza"``, a Stanza model folder); ``decisions``:
        a folder of learned decisions or "none"; the article cache is off unless ``use_cache``. Invalid rules
        raise ``pipeline.rules.RuleError`` listing every problem as ``file:line: message``."""
        if rules is None:
            dirs = [DEFAULT_RULES]
        elif isinstance(rules, (str, Path)):
            dirs = [Path(rules)]
        else:
            dirs = [Path(r) for r in rules]
        dirs += [Path(r) for r in extra_rules]
        self.res = Resources.load(dirs, None if ner_model is None else str(ner_model),
                                  None if cache_dir is None else str(cache_dir), use_cache,
                                  None if decisions is None else str(decisions), ner_backend)

    def __enter__(self) -> "Pipeline":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.res.close()

    def process_text(self, text: str, article_id: str = "text", title: str | None = None,
                     url: str | None = None, published: str | None = None) -> list[dict[str, Any]]:
        """The records of one article given as a string (empty when it is about no programme).

        Raises ``ValueError`` when the article could not be processed (the message names the stage)."""
        meta = {k: v for k, v in (("title", title), ("url", url), ("published", published)) if v}
        [result] = self.process([Article(article_id, article_id, text, meta)])
        if result.error:
            raise ValueError(f"{article_id}: {result.error['stage']}: {result.error['error']}")
        return result.records

    def process(self, articles: Iterable[Article | str | dict[str, Any]]) -> Iterator[Result]:
        """Results for articles given as ``Article``s, strings, or dicts with at least ``text`` (and ``id``,
        ``title``, ``url``, ``published`` when known), in order, in batches."""
        return self._run(_as_article(a, n) for n, a in enumerate(articles))

    def process_files(self, paths: Iterable[str | Path]) -> Iterator[Result]:
        """Results for files and folders (read recursively, the formats of ``run``); a file that cannot be
        read gives a Result with status "error", never an exception."""
        return self._run(iter_articles([Path(p) for p in paths]))

    def _run(self, items: Iterable[Article | LoadFailure]) -> Iterator[Result]:
        """Articles processed in batches, in order; a load failure becomes its error Result in place."""
        batch: list[Article] = []
        for item in items:
            if isinstance(item, LoadFailure):
                yield from self._flush(batch)
                yield Result(item.article_id, item.path, "error", [],
                             {"article_id": item.article_id, "path": item.path, "stage": item.stage,
                              "error": item.error})
                continue
            batch.append(item)
            if len(batch) == BATCH:
                yield from self._flush(batch)
        yield from self._flush(batch)

    def _flush(self, batch: list[Article]) -> Iterator[Result]:
        if batch:
            results = process_batch(list(batch), self.res)
            batch.clear()
            for r in results:
                yield Result(r.article_id, r.path, r.status, r.records, r.error)


def _as_article(a: Article | str | dict[str, Any], n: int) -> Article:
    if isinstance(a, Article):
        return a
    if isinstance(a, str):
        return Article(f"text-{n}", f"text-{n}", a, {})
    if isinstance(a, dict) and isinstance(a.get("text"), str):
        aid = str(a.get("id") or f"text-{n}")
        meta = {k: a[k] for k in ("title", "url", "published") if a.get(k)}
        return Article(aid, aid, a["text"], meta)
    raise TypeError(f"article {n}: give a string, an Article or a dict with a 'text' string, not {type(a).__name__}")


# --- reading an output folder ------------------------------------------------------------------------------

@dataclass
class Output:
    """An output folder as pandas DataFrames: one row per record, and one per list item with its
    ``record_id`` and ``article_id`` (organizations, people, places, dates, participants); the run's
    mentions, entities and errors as written."""

    records: Any
    organizations: Any
    people: Any
    places: Any
    dates: Any
    participants: Any
    mentions: Any
    entities: Any
    errors: Any


ITEM_TABLES = ("organizations", "people", "places", "dates", "participants")


def read_output(folder: str | Path) -> Output:
    """Read ``records.jsonl``, ``mentions.csv``, ``entities.csv`` and ``errors.jsonl`` of a run's output."""
    import pandas as pd

    from .output.writers import read_records

    folder = Path(folder)
    path = folder / "records.jsonl"
    if not path.exists():
        raise FileNotFoundError(f"{path}: no records.jsonl (is {folder} a run's output folder?)")
    records: list[dict[str, Any]] = []
    items: dict[str, list[dict[str, Any]]] = {k: [] for k in ITEM_TABLES}
    for rec in read_records(path):  # RunError names the file, line and column of a broken line
        keys = {"record_id": rec.get("record_id"), "article_id": rec.get("article_id")}
        for k in ITEM_TABLES:
            for item in rec.get(k) or []:
                row = {**keys, **{f: v for f, v in item.items() if f != "evidence"}}
                row["evidence"] = len(item.get("evidence") or [])
                items[k].append(row)
        flat = {k: v for k, v in rec.items() if k not in ITEM_TABLES}
        for k in ITEM_TABLES:
            flat[f"n_{k}"] = len(rec.get(k) or [])
        records.append(flat)

    def csv(name: str) -> Any:
        p = folder / name
        return pd.read_csv(p, encoding="utf-8-sig", keep_default_na=False) if p.exists() else pd.DataFrame()

    errors_path = folder / "errors.jsonl"
    errors = []
    if errors_path.exists():
        with open(errors_path, encoding="utf-8") as f:
            errors = [json.loads(line) for line in f if line.strip()]
    return Output(pd.DataFrame(records), *(pd.DataFrame(items[k]) for k in ITEM_TABLES),
                  csv("mentions.csv"), csv("entities.csv"), pd.DataFrame(errors))
