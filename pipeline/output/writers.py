"""Writing the output folder: atomic files, Excel-safe CSV, JSON Lines, and on request an
Excel workbook (``--xlsx``) and Parquet files (``--parquet``).

Every file is written to a temporary file in the same folder and renamed over
the final name only once it is complete, so a crashed or interrupted run never
leaves a half-written ``records.csv`` that looks finished (CONTRACT.md).

CSV cells are neutralised against formula injection: news text is untrusted and
a cell such as ``=HYPERLINK(...)`` or ``-2+3`` would be evaluated by Excel. The
workbook stores such text as typed string cells with Excel's quote prefix, so it is
never a formula, not even after the analyst edits the cell. Parquet is for
programs (pandas, DuckDB), so it keeps the text exactly and types the numbers.
"""
from __future__ import annotations

import csv
import dataclasses
import json
import os
import re
import tempfile
from pathlib import Path
from typing import IO, Any, Iterable

MENTION_COLUMNS = ["article_id", "kind", "label", "text", "start", "end", "value", "source",
                   "excluded", "in_record", "note"]
ENTITY_COLUMNS = ["entity_id", "kind", "name", "aliases", "article_count", "articles", "merge_reasons"]
RECORD_COLUMNS = ["record_id", "article_id", "title", "published", "published_source", "program", "activities",
                  "organizations", "organization_kinds", "organization_roles", "people", "places", "provinces", "dates",
                  "participants_total", "participants", "confidence", "warnings"]
ERROR_COLUMNS = ["article_id", "path", "stage", "error"]
XLSX_FILE = "records.xlsx"
PARQUET_FILES = {"records": "records.parquet", "mentions": "mentions.parquet", "entities": "entities.parquet",
                 "errors": "errors.parquet"}
# Files only some runs write: a later run into the same folder must still recognise them as ours.
OPTIONAL_FILES = frozenset({XLSX_FILE, *PARQUET_FILES.values()})

LIST_SEPARATOR = "; "
# First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_LINE_BREAKS = ("\r\n", "\r", "\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once: temporary files are created 0600, the final files should get the usual mode.
_FILE_MODE = 0o666 & ~_current_umask()


class AtomicWriter:
    """``with AtomicWriter(path) as f: f.write(...)`` — the file appears under ``path`` only on success.

    Opens a temporary file (text mode with ``newline=""`` so line endings are written
    exactly as given, or ``binary=True``) next to ``path``, creating the folder; on a
    clean exit it is flushed, synced and renamed over ``path``; on an exception it is
    removed and ``path`` is untouched.
    """

    def __init__(self, path: Path | str, encoding: str = "utf-8", newline: str = "", binary: bool = False):
        self.path = Path(path)
        self.encoding = encoding
        self.newline = newline
        self.binary = binary
        self._file: IO[Any] | None = None
        self._tmp_name: str | None = None

    def __enter__(self) -> IO[Any]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._tmp_name = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        try:
            if self.binary:
                self._file = os.fdopen(fd, "wb")
            else:
                self._file = os.fdopen(fd, "w", encoding=self.encoding, newline=self.newline)
        except BaseException:
            os.close(fd)
            os.unlink(self._tmp_name)
            raise
        return self._file

    def __exit__(self, exc_type, exc, tb) -> bool:
        assert self._file is not None and self._tmp_name is not None
        try:
            if exc_type is None:
                self._file.flush()
                os.fsync(self._file.fileno())
            self._file.close()
            if exc_type is None:
                os.chmod(self._tmp_name, _FILE_MODE)
                os.replace(self._tmp_name, self.path)
        except BaseException:
            _remove_quietly(self._tmp_name)
            raise
        if exc_type is not None:
            _remove_quietly(self._tmp_name)
        return False  # never swallow the caller's exception


def _remove_quietly(name: str) -> None:
    try:
        os.unlink(name)
    except FileNotFoundError:
        pass


def atomic_write(path: Path | str, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8, or bytes) to ``path`` atomically."""
    with AtomicWriter(path, binary=isinstance(data, bytes)) as f:
        f.write(data)


# one pass for what replacing each of _LINE_BREAKS in turn gives ("\r\n" first: one space, not two)
_LINE_BREAK_RE = re.compile("|".join(map(re.escape, _LINE_BREAKS)))


def _one_line(text: str) -> str:
    return _LINE_BREAK_RE.sub(" ", text) if _LINE_BREAK_RE.search(text) else text


def _item_text(x: Any) -> str:
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, dict):
        return json.dumps(x, ensure_ascii=False, sort_keys=True)
    return str(x)


def safe_cell(v: Any) -> str | int | float:
    """One CSV cell value that a spreadsheet shows as text and never runs as a formula.

    Numbers stay numbers; ``None`` is empty; booleans are ``true``/``false`` (as in
    JSON); lists are joined with ``"; "``; dicts become compact JSON; line breaks
    become spaces (one row per line keeps the file greppable); a text cell starting
    with ``= + - @``, tab or CR gets a leading ``'`` so Excel shows it literally.
    """
    if type(v) is str:  # the common case: no list to join, no JSON to write
        text = _one_line(v)
        return "'" + text if v.startswith(FORMULA_TRIGGERS) else text
    if v is None:
        return ""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return v
    if isinstance(v, (list, tuple, set, frozenset)):
        text = LIST_SEPARATOR.join(_item_text(x) for x in v if x is not None)
    else:
        text = _item_text(v)
    dangerous = text.startswith(FORMULA_TRIGGERS)
    text = _one_line(text)
    return "'" + text if dangerous else text


def write_csv(path: Path | str, rows: Iterable[dict[str, Any]], columns: list[str]) -> None:
    """CSV for spreadsheets: UTF-8 with BOM, RFC 4180 quoting, CRLF rows, safe cells, atomic."""
    with AtomicWriter(path, encoding="utf-8-sig") as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow([safe_cell(c) for c in columns])
        for row in rows:
            w.writerow([safe_cell(row.get(c)) for c in columns])


def _json_default(o: Any) -> Any:
    if dataclasses.is_dataclass(o) and not isinstance(o, type):
        return dataclasses.asdict(o)
    if isinstance(o, (set, frozenset, tuple)):
        return list(o)
    if isinstance(o, Path):
        return o.as_posix()
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def to_json(obj: Any, indent: int | None = None) -> str:
    """JSON as we write it everywhere: real UTF-8 characters, dataclasses/Paths/sets allowed."""
    return json.dumps(obj, ensure_ascii=False, indent=indent, default=_json_default)


def read_records(path: Path | str) -> Iterable[dict[str, Any]]:
    """The records of a ``records.jsonl`` file in file order (blank lines skipped). A line that is not a JSON
    object with an ``article_id`` raises ``RunError`` naming the file, the line and the column."""
    from ..errors import RunError, json_error_reason

    path = Path(path)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):  # lines end at "\n" only: U+2028 may sit inside a string
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise RunError(f"{path}:{n}: invalid JSON at column {e.colno}: {json_error_reason(e)}") from None
            if not isinstance(rec, dict) or "article_id" not in rec:
                raise RunError(f"{path}:{n}: not a programme record (a JSON object with an article_id)")
            yield rec


def write_jsonl(path: Path | str, rows: Iterable[dict[str, Any]]) -> None:
    """One JSON object per line, UTF-8 (no BOM), ``\\n`` line ends, atomic."""
    with AtomicWriter(path) as f:
        for row in rows:
            f.write(to_json(row))
            f.write("\n")


# --- records.csv ---------------------------------------------------------------------------

def _join(items: Iterable[Any]) -> str:
    return LIST_SEPARATOR.join(str(x) for x in items if x not in (None, ""))


def _person_cell(p: dict[str, Any]) -> str:
    name, title = p.get("name") or "", p.get("title") or ""
    return f"{name} ({title})" if title else name


def _place_cell(p: dict[str, Any]) -> str:
    tags = " ".join(x for x in (p.get("level"), p.get("code")) if x)
    return f"{p.get('name') or ''} [{tags}]" if tags else (p.get("name") or "")


def _province_of(p: dict[str, Any]) -> str | None:
    """The province a place lies in: itself if a province, else the last parent of a resolved place."""
    if p.get("level") == "provinsi":
        return p.get("name")
    parents = p.get("parents") or []
    if p.get("code") and parents:
        return parents[-1]
    return None


def _date_cell(d: dict[str, Any]) -> str:
    """"2024-03-11..2024-03-13 (event)": each date says what it is (publication or event)."""
    start, end = d.get("start") or "", d.get("end")
    cell = f"{start}..{end}" if end and end != start else start
    return f"{cell} ({d['kind']})" if d.get("kind") else cell


def _participant_cell(p: dict[str, Any]) -> str:
    """"12 orang (total)", "16 orang Desa Kliris": the unit once, even where ``what`` starts with it."""
    unit, what = str(p.get("unit") or ""), str(p.get("what") or "")
    if unit and what.casefold().split()[:len(unit.split())] == unit.casefold().split():
        unit = ""  # "pelaku usaha" + "pelaku usaha binaan": say it once
    cell = " ".join(x for x in (str(p.get("count", "")), unit, what) if x)
    return cell + " (total)" if p.get("total") else cell


def _unique(items: Iterable[Any]) -> list[Any]:
    seen, out = set(), []
    for x in items:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def flatten_record(rec: dict[str, Any]) -> dict[str, Any]:
    """One ``records.csv`` row (keys = ``RECORD_COLUMNS``) from one record; lists joined with ``"; "``."""
    orgs = rec.get("organizations") or []
    places = rec.get("places") or []
    parts = rec.get("participants") or []
    totals = _unique(p.get("count") for p in parts if p.get("total") and p.get("count") is not None)
    return {
        "record_id": rec.get("record_id"),
        "article_id": rec.get("article_id"),
        "title": rec.get("title"),
        "published": rec.get("published"),
        "published_source": rec.get("published_source"),
        "program": rec.get("program"),
        "activities": _join(rec.get("activities") or []),
        "organizations": _join(o.get("name") for o in orgs),
        "organization_kinds": _join(o.get("kind") or "other" for o in orgs),
        "organization_roles": _join(o.get("role") or "other" for o in orgs),
        "people": _join(_person_cell(p) for p in rec.get("people") or []),
        "places": _join(_place_cell(p) for p in places),
        "provinces": _join(_unique(_province_of(p) for p in places)),
        "dates": _join(_date_cell(d) for d in rec.get("dates") or []),
        # A single total stays a number (sortable in a spreadsheet); several are listed.
        "participants_total": totals[0] if len(totals) == 1 else _join(totals),
        "participants": _join(_participant_cell(p) for p in parts),
        "confidence": rec.get("confidence"),
        "warnings": _join(rec.get("warnings") or []),
    }


# --- Excel workbook and Parquet (optional formats) ----------------------------------------

XLSX_MAX_ROWS = 1_048_576  # Excel's limit per sheet, header included
XLSX_MAX_CELL = 32_767     # Excel's limit on characters in a cell
# Parquet needs one type per column: these are typed, every other column is text. (The
# workbook types each cell by its value instead: a number is a number wherever it is.)
COLUMN_TYPES = {"start": "int", "end": "int", "article_count": "int", "participants_total": "int",
                "confidence": "float", "excluded": "bool", "in_record": "bool"}


def missing_format_support(xlsx: bool = False, parquet: bool = False) -> list[str]:
    """Why the requested optional formats cannot be written here (empty when they can).

    Checked before a run starts, so a long run does not fail at the very end.
    """
    import importlib.util

    wanted = [("--xlsx", "openpyxl")] * xlsx + [("--parquet", "pyarrow")] * parquet
    return [f"{flag} needs the Python package {mod}: pip install 'idnews-pipeline[formats]'"
            for flag, mod in wanted if importlib.util.find_spec(mod) is None]


def _text(v: Any) -> str | None:
    """A text cell for the typed formats: lists joined with ``"; "``, dicts as JSON, text kept as is."""
    if v is None:
        return None
    if isinstance(v, (list, tuple, set, frozenset)):
        return LIST_SEPARATOR.join(_item_text(x) for x in v if x is not None)
    return _item_text(v)


def typed_value(v: Any, column: str) -> Any:
    """A cell value typed by ``COLUMN_TYPES``: a number column holding text (``"45; 60"``) becomes null."""
    kind = COLUMN_TYPES.get(column, "text")
    if kind == "text":
        return _text(v)
    if kind == "bool":
        return v if isinstance(v, bool) else None
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    if kind == "int":
        return int(v) if float(v).is_integer() else None
    return float(v)


def _xlsx_cell(ws: Any, v: Any, cell_class: Any, illegal: Any) -> Any:
    if v is None or isinstance(v, (bool, int, float)):  # typed cells: numbers sort and sum in Excel
        return cell_class(ws, value=v)
    value = illegal.sub("", _text(v))  # control characters a workbook cannot hold
    if len(value) > XLSX_MAX_CELL:
        value = value[:XLSX_MAX_CELL - 1] + "…"
    cell = cell_class(ws, value=value)
    cell.data_type = "s"  # openpyxl reads a leading "=" as a formula: this is text, always
    if value.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True  # Excel keeps it text even when the cell is edited
    return cell


def write_xlsx(path: Path | str, tables: dict[str, tuple[Iterable[dict[str, Any]], list[str]]]) -> None:
    """One workbook, one sheet per table (``{sheet: (rows, columns)}``), atomic.

    Header row frozen with filters; numbers and booleans typed; text never a formula;
    a table longer than Excel allows continues on sheets named ``mentions 2``, ``mentions 3``...
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    bold = Font(bold=True)

    def new_sheet(name: str, columns: list[str]):
        ws = wb.create_sheet(name)
        ws.freeze_panes = "A2"
        for i, c in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(i)].width = 12 if c in COLUMN_TYPES else 30
        header = []
        for c in columns:
            cell = _xlsx_cell(ws, c, WriteOnlyCell, ILLEGAL_CHARACTERS_RE)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        return ws

    # Rows are read in full first: a failing source must not leave a half-written sheet behind.
    tables = {name: (list(rows), columns) for name, (rows, columns) in tables.items()}
    for name, (rows, columns) in tables.items():
        part, n = 1, 0
        ws = new_sheet(name, columns)
        for row in rows:
            if n == XLSX_MAX_ROWS - 1:
                ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{n + 1}"
                part, n = part + 1, 0
                ws = new_sheet(f"{name} {part}", columns)
            ws.append([_xlsx_cell(ws, row.get(c), WriteOnlyCell, ILLEGAL_CHARACTERS_RE) for c in columns])
            n += 1
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{n + 1}"
    with AtomicWriter(path, binary=True) as f:
        wb.save(f)


def write_parquet(path: Path | str, rows: Iterable[dict[str, Any]], columns: list[str]) -> None:
    """One table as Parquet (zstd), columns typed by ``COLUMN_TYPES``, text unaltered, atomic."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrow_types = {"text": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    rows = list(rows)
    schema = pa.schema([(c, arrow_types[COLUMN_TYPES.get(c, "text")]) for c in columns])
    data = {c: [typed_value(r.get(c), c) for r in rows] for c in columns}
    table = pa.Table.from_pydict(data, schema=schema)
    with AtomicWriter(path, binary=True) as f:
        pq.write_table(table, f, compression="zstd")


# --- the whole folder ----------------------------------------------------------------------

def write_outputs(out_dir: Path | str, records: Iterable[dict[str, Any]],
                  mentions_rows: Iterable[dict[str, Any]], entities_rows: Iterable[dict[str, Any]],
                  errors: Iterable[dict[str, Any]], run_info: dict[str, Any], *,
                  articles: Iterable[dict[str, Any]] | None = None,
                  xlsx: bool = False, parquet: bool = False) -> None:
    """Write every file of the output folder (CONTRACT.md), each atomically; ``run.json`` last.

    ``articles`` (``{article_id, title, text, regions}`` dicts, e.g. a ``ReportTexts``) give
    the report its per-article view; ``xlsx``/``parquet`` add the optional formats.
    """
    from pipeline.output.report import render_report  # local: the report is optional machinery

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    records, mentions_rows, entities_rows, errors = (list(records), list(mentions_rows),
                                                     list(entities_rows), list(errors))
    flat = [flatten_record(r) for r in records]
    write_jsonl(out / "records.jsonl", records)
    write_csv(out / "records.csv", flat, RECORD_COLUMNS)
    write_csv(out / "mentions.csv", mentions_rows, MENTION_COLUMNS)
    write_csv(out / "entities.csv", entities_rows, ENTITY_COLUMNS)
    write_jsonl(out / "errors.jsonl", errors)
    tables = {"records": (flat, RECORD_COLUMNS), "mentions": (mentions_rows, MENTION_COLUMNS),
              "entities": (entities_rows, ENTITY_COLUMNS), "errors": (errors, ERROR_COLUMNS)}
    if xlsx:
        write_xlsx(out / XLSX_FILE, tables)
    if parquet:
        for name, (rows, columns) in tables.items():
            write_parquet(out / PARQUET_FILES[name], rows, columns)
    atomic_write(out / "report.html", render_report(records, mentions_rows, errors, run_info,
                                                     entities=entities_rows, articles=articles))
    atomic_write(out / "run.json", to_json(run_info, indent=2) + "\n")
