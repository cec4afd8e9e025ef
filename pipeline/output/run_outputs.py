"""The per-article output files of a run, written as results stream past: records.jsonl, records.csv,
mentions.csv and errors.jsonl (each to a temporary file, renamed when the run closes it), plus what the
report and the optional xlsx/parquet tables keep in memory.

``run.finish_outputs`` resolves entities over the whole run first, then feeds every finished article
through ``OutputFiles.add`` with the entity ids of its items; nothing here reads a journal or a rule.
"""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any, Iterable

from .writers import (_FILE_MODE, ENTITY_COLUMNS, ERROR_COLUMNS, MENTION_COLUMNS, PARQUET_FILES, RECORD_COLUMNS,
                      XLSX_FILE, AtomicWriter, flatten_record, safe_cell, to_json, write_csv, write_parquet, write_xlsx)

REPORT_ARTICLES = 2000  # report.html gets the records and mentions of the first this many articles
REPORT_ERRORS = 5000
ITEM_KEYS = ("organizations", "people", "places", "dates", "participants")
ENTITY_KEYS = ("organizations", "people", "places")  # the items that get an entity id, in resolve.KINDS order


def mention_rows(result: Any) -> list[dict[str, Any]]:
    """One mentions.csv row per mention of an ``ArticleResult``, saying whether it reached a record."""
    used = set()
    for rec in result.records:
        for key in ITEM_KEYS:
            for item in rec.get(key, []):
                for ev in item.get("evidence", []):
                    used.add((ev["start"], ev["end"]))
    return [{"article_id": result.article_id, "kind": m.kind, "label": m.label, "text": m.text,
             "start": m.start, "end": m.end,
             "value": json.dumps(m.value, ensure_ascii=False, default=str) if m.value else "",
             "source": m.source, "excluded": m.excluded, "in_record": (m.start, m.end) in used, "note": m.note}
            for m in sorted(result.mentions, key=lambda m: (m.start, m.end, m.kind))]


def mention_csv(rows: list[dict[str, Any]]) -> str:
    """mentions.csv's lines (CRLF, safe cells) for these rows."""
    buf = io.StringIO(newline="")
    csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerows(
        [[safe_cell(row[c]) for c in MENTION_COLUMNS] for row in rows])
    return buf.getvalue()


def prepared_mentions(result: Any) -> tuple[list[dict[str, Any]], str]:
    """(``mention_rows``, their mentions.csv text) of a result, made once per result object and kept on it.

    A worker process makes them (``parallel``) and they travel with its result, so the parent, which
    alone writes the outputs, only writes text: with several workers it was the parent's cells that
    kept the run waiting. Valid because a result is not changed once ``process_batch`` has made it."""
    memo = result.__dict__.get("_mentions_out")
    if memo is None:
        rows = mention_rows(result)
        memo = result.__dict__["_mentions_out"] = (rows, mention_csv(rows))
    return memo


def journal_out_text(result: Any, load: bool = False) -> str:
    """The line ``run.Journal`` keeps of a result for the outputs' second pass: [load, article id, path,
    records, regions, error] as tagged JSON (``codec``); made once per result object, in the worker when
    there is one (as ``prepared_mentions``)."""
    text = result.__dict__.get("_out_text")
    if text is None or load:
        from .. import codec

        text = codec.dumps_text([load, result.article_id, result.path, result.records, result.regions, result.error])
        if not load:
            result.__dict__["_out_text"] = text
    return text


class MentionStream:
    """mentions.csv written while the run goes, as results arrive, into a hidden file in the output folder
    (``OutputFiles`` renames it into place at the end): its rows need no entity id, so the second pass over
    the run's results need not read the mentions again. Keeps in memory the rows report.html shows (the first
    ``REPORT_ARTICLES`` articles) and, for --xlsx/--parquet, all of them."""

    def __init__(self, path: Path, keep_all: bool = False):
        self.path, self.keep_all = path, keep_all
        self.f = open(path, "w", encoding="utf-8-sig", newline="")
        csv.writer(self.f, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerow(
            [safe_cell(c) for c in MENTION_COLUMNS])
        self.articles = 0
        self.report_rows: list[dict[str, Any]] = []
        self.rows: list[dict[str, Any]] = []

    def add(self, result: Any) -> None:
        rows, text = prepared_mentions(result)
        self.f.write(text)
        self.articles += 1
        if self.keep_all:
            self.rows.extend(rows)
        if self.articles <= REPORT_ARTICLES:
            self.report_rows.extend(rows)

    def flush(self) -> None:
        self.f.flush()

    def close(self) -> None:
        if not self.f.closed:
            self.f.flush()
            os.fsync(self.f.fileno())
            self.f.close()

    def remove(self) -> None:
        if not self.f.closed:
            self.f.close()
        self.path.unlink(missing_ok=True)


class OutputFiles:
    """Open the streamed output files of ``out``; ``add`` each finished article; ``close`` renames them."""

    def __init__(self, out: Path, load_errors: Iterable[dict[str, Any]] = (), keep_tables: bool = False,
                 mentions: MentionStream | None = None):
        """``mentions``: mentions.csv already written as the run went (then ``add`` writes no mention rows)."""
        self.out, self.keep_tables, self.mentions = out, keep_tables, mentions
        self._writers = [AtomicWriter(out / "records.jsonl"), AtomicWriter(out / "records.csv", encoding="utf-8-sig"),
                         AtomicWriter(out / "errors.jsonl")]
        if mentions is None:
            self._writers.append(AtomicWriter(out / "mentions.csv", encoding="utf-8-sig"))
        opened = [w.__enter__() for w in self._writers]
        self._fj, fc, self._fe = opened[:3]
        self._rec_csv = csv.writer(fc, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        self._rec_csv.writerow([safe_cell(c) for c in RECORD_COLUMNS])
        self._men_csv = None
        if mentions is None:
            self._men_csv = csv.writer(opened[3], quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
            self._men_csv.writerow([safe_cell(c) for c in MENTION_COLUMNS])
        load_errors = list(load_errors)
        for e in load_errors:
            self._fe.write(to_json(e) + "\n")
        self.n_errors = len(load_errors)
        self.articles = 0
        # in memory: what report.html shows, and whole tables only when --xlsx/--parquet ask for them
        self.report_records: list[dict[str, Any]] = []
        self.report_mentions: list[dict[str, Any]] = mentions.report_rows if mentions is not None else []
        self.report_errors: list[dict[str, Any]] = load_errors[:REPORT_ERRORS]
        self.records_table: list[dict[str, Any]] = []
        self.mentions_table: list[dict[str, Any]] = mentions.rows if mentions is not None else []
        self.errors_table: list[dict[str, Any]] = list(load_errors) if keep_tables else []

    def add(self, result: Any, entity_ids: Iterable[str]) -> None:
        """Write one finished article; ``entity_ids`` gives, in order, the id of every item of its records.
        With a ``MentionStream``, ``result`` needs only ``records`` and ``error``."""
        self.articles += 1
        ids = iter(entity_ids)
        for rec in result.records:
            for key in ENTITY_KEYS:
                for item in rec.get(key, []):
                    item["entity_id"] = next(ids)
            self._fj.write(to_json(rec) + "\n")
            flat = flatten_record(rec)
            self._rec_csv.writerow([safe_cell(flat.get(c)) for c in RECORD_COLUMNS])
            if self.keep_tables:
                self.records_table.append(flat)
        if self._men_csv is not None:
            rows = mention_rows(result)
            self._men_csv.writerows([[safe_cell(row[c]) for c in MENTION_COLUMNS] for row in rows])
            if self.keep_tables:
                self.mentions_table.extend(rows)
            if self.articles <= REPORT_ARTICLES:
                self.report_mentions.extend(rows)
        if self.articles <= REPORT_ARTICLES:
            self.report_records.extend(result.records)
        if result.error:
            self.n_errors += 1
            self._fe.write(to_json(result.error) + "\n")
            if self.keep_tables:
                self.errors_table.append(result.error)
            if len(self.report_errors) < REPORT_ERRORS:
                self.report_errors.append(result.error)

    def close(self, error: BaseException | None = None) -> None:
        """Rename the files into place (or, on ``error``, remove the temporary files)."""
        exc = (type(error), error, error.__traceback__) if error is not None else (None, None, None)
        for w in reversed(self._writers):
            w.__exit__(*exc)
        if self.mentions is not None:
            if error is None:
                self.mentions.close()
                os.chmod(self.mentions.path, _FILE_MODE)
                os.replace(self.mentions.path, self.out / "mentions.csv")
            else:
                self.mentions.remove()

    def __enter__(self) -> "OutputFiles":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(exc)

    def write_tables(self, entity_rows: list[dict[str, Any]], xlsx: bool, parquet: bool) -> None:
        """entities.csv, and the workbook / Parquet files when asked for."""
        write_csv(self.out / "entities.csv", entity_rows, ENTITY_COLUMNS)
        if not (xlsx or parquet):
            return
        tables = {"records": (self.records_table, RECORD_COLUMNS), "mentions": (self.mentions_table, MENTION_COLUMNS),
                  "entities": (entity_rows, ENTITY_COLUMNS), "errors": (self.errors_table, ERROR_COLUMNS)}
        if xlsx:
            write_xlsx(self.out / XLSX_FILE, tables)
        if parquet:
            for name, (rows, columns) in tables.items():
                write_parquet(self.out / PARQUET_FILES[name], rows, columns)
