"""The spreadsheet and data-frame formats: records.csv read back the way analysts read it,
records.xlsx (--xlsx) and the Parquet files (--parquet), and the CLI refusing a format it
cannot write before the run starts rather than after."""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from pipeline.output import writers
from pipeline.output.writers import (
    ENTITY_COLUMNS, ERROR_COLUMNS, MENTION_COLUMNS, RECORD_COLUMNS, XLSX_MAX_CELL, flatten_record, typed_value,
    write_csv, write_outputs, write_parquet, write_xlsx,
)

HOSTILE = ["=HYPERLINK(\"http://contoh.test\",\"klik\")", "+62 812 555", "-Koperasi", "@ketua",
           "\tTab di depan", "\rCR di depan"]

RECORD = {
    "record_id": "r1", "article_id": "kabar/kopi", "title": "Petani Kopi\nWonokerto Dilatih", "published": "2024-05-03",
    "program": "=1+1 Kopi Lestari", "activities": ["pelatihan", "pendampingan"],
    "organizations": [{"name": "PT Sumber Rejeki Nusantara", "kind": "company", "evidence": []},
                      {"name": "-Koperasi Tani Makmur", "kind": "cooperative", "evidence": []}],
    "people": [{"name": "Budi Santoso", "title": "Kepala Dinas Pertanian", "evidence": []}],
    "places": [{"name": "Wonokerto", "level": "desa", "code": "34.04.17.2001",
                "parents": ["Turi", "Kabupaten Sleman", "Daerah Istimewa Yogyakarta"], "evidence": []}],
    "dates": [{"start": "2024-05-03", "end": None, "kind": "event", "evidence": []}],
    "participants": [{"count": 40, "unit": "orang", "what": "petani", "total": True, "evidence": []}],
    "confidence": 0.9,
}
TWO_TOTALS = {**RECORD, "record_id": "r2", "program": "Kopi Lestari", "title": "Dua angka",
              "participants": [{"count": 40, "total": True}, {"count": 65, "total": True}], "confidence": 1}
MENTIONS = [{"article_id": "kabar/kopi", "kind": "org", "label": "company", "text": h, "start": i, "end": i + len(h),
             "value": {"name": h}, "source": "ner", "excluded": i % 2 == 0, "in_record": True, "note": "baris\nbaru"}
            for i, h in enumerate(HOSTILE)]
ENTITIES = [{"entity_id": "org:srn", "kind": "org", "name": "PT Sumber Rejeki Nusantara", "aliases": ["SRN", "Sumber"],
             "article_count": 2, "articles": ["kabar/kopi", "kabar/teh"], "merge_reasons": ["alias"]}]
ERRORS = [{"article_id": "rusak", "path": "raw/rusak.txt", "stage": "load", "error": "=tidak bisa dibaca"}]


# --- records.csv as a spreadsheet reads it ------------------------------------------------------

def test_csv_reads_back_in_pandas_one_row_per_record(tmp_path):
    pd = pytest.importorskip("pandas")
    path = tmp_path / "records.csv"
    write_csv(path, [flatten_record(RECORD), flatten_record(TWO_TOTALS)], RECORD_COLUMNS)
    df = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(df.columns) == RECORD_COLUMNS and len(df) == 2
    row = df.iloc[0]
    assert row["title"] == "Petani Kopi Wonokerto Dilatih"       # line break replaced in the CSV view
    assert row["program"] == "'=1+1 Kopi Lestari"                 # formula defused
    assert row["organizations"] == "PT Sumber Rejeki Nusantara; -Koperasi Tani Makmur"  # only a leading trigger counts
    assert row["participants_total"] == "40" and df.iloc[1]["participants_total"] == "40; 65"


@pytest.mark.parametrize("text", HOSTILE)
def test_csv_never_starts_a_text_cell_with_a_formula_trigger(tmp_path, text):
    path = tmp_path / "m.csv"
    write_csv(path, [{"text": text, "n": -3}], ["text", "n"])
    with open(path, encoding="utf-8-sig", newline="") as f:
        header, (cell, number) = list(csv.reader(f))
    assert cell.startswith("'") and cell[1:].strip() == text.strip()
    assert number == "-3"  # numbers are not text: untouched


# --- records.xlsx -------------------------------------------------------------------------------

@pytest.fixture
def openpyxl():
    return pytest.importorskip("openpyxl")


def _tables():
    return {"records": ([flatten_record(RECORD), flatten_record(TWO_TOTALS)], RECORD_COLUMNS),
            "mentions": (MENTIONS, MENTION_COLUMNS), "entities": (ENTITIES, ENTITY_COLUMNS),
            "errors": (ERRORS, ERROR_COLUMNS)}


def test_xlsx_has_one_sheet_per_table_with_typed_cells(tmp_path, openpyxl):
    path = tmp_path / "records.xlsx"
    write_xlsx(path, _tables())
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["records", "mentions", "entities", "errors"]
    ws = wb["records"]
    assert [c.value for c in ws[1]] == RECORD_COLUMNS and ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:R3"
    rec = {k: c.value for k, c in zip(RECORD_COLUMNS, ws[2])}
    assert rec["participants_total"] == 40 and rec["confidence"] == 0.9       # numbers stay numbers
    assert rec["title"] == "Petani Kopi\nWonokerto Dilatih"                   # a cell may hold a line break
    assert ws.cell(3, RECORD_COLUMNS.index("participants_total") + 1).value == "40; 65"  # several totals: text
    ent = {k: c.value for k, c in zip(ENTITY_COLUMNS, wb["entities"][2])}
    assert ent["article_count"] == 2 and ent["aliases"] == "SRN; Sumber"
    m = {k: c.value for k, c in zip(MENTION_COLUMNS, wb["mentions"][2])}
    assert m["start"] == 0 and m["excluded"] is True and m["value"] == '{"name": "=HYPERLINK(\\"http://contoh.test\\",\\"klik\\")"}'


def test_xlsx_text_is_never_a_formula(tmp_path, openpyxl):
    path = tmp_path / "records.xlsx"
    write_xlsx(path, _tables())
    with zipfile.ZipFile(path) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert sheets and not any("<f>" in s or "<f " in s for s in sheets)
    wb = openpyxl.load_workbook(path)
    texts = [c for c in wb["mentions"]["D"][1:]]
    assert [c.value for c in texts] == HOSTILE
    assert all(c.data_type == "s" and c.quotePrefix for c in texts)  # Excel keeps them text even when edited
    assert wb["records"].cell(2, RECORD_COLUMNS.index("program") + 1).quotePrefix
    assert not wb["records"].cell(2, RECORD_COLUMNS.index("record_id") + 1).quotePrefix


def test_xlsx_drops_control_characters_and_cuts_giant_cells(tmp_path, openpyxl):
    path = tmp_path / "t.xlsx"
    write_xlsx(path, {"t": ([{"a": "Desa\x00Suka\x0bmaju", "b": "x" * (XLSX_MAX_CELL + 10)}], ["a", "b"])})
    ws = openpyxl.load_workbook(path)["t"]
    assert ws["A2"].value == "DesaSukamaju"
    assert len(ws["B2"].value) == XLSX_MAX_CELL and ws["B2"].value.endswith("…")


def test_xlsx_continues_a_long_table_on_another_sheet(tmp_path, openpyxl, monkeypatch):
    monkeypatch.setattr(writers, "XLSX_MAX_ROWS", 4)  # header + 3 rows per sheet
    path = tmp_path / "t.xlsx"
    write_xlsx(path, {"mentions": ([{"n": i} for i in range(7)], ["n"])})
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["mentions", "mentions 2", "mentions 3"]
    assert [[c.value for c in row] for row in wb["mentions 3"].iter_rows()] == [["n"], [6]]


def test_xlsx_failing_midway_leaves_no_file(tmp_path, openpyxl):
    def rows():
        yield {"a": 1}
        raise OSError("sumber rusak")

    with pytest.raises(OSError):
        write_xlsx(tmp_path / "t.xlsx", {"t": (rows(), ["a"])})
    assert list(tmp_path.iterdir()) == []


# --- Parquet ------------------------------------------------------------------------------------

@pytest.fixture
def pq():
    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    return pq


@pytest.mark.parametrize("value, column, expected", [
    (40, "participants_total", 40), ("40; 65", "participants_total", None), (None, "participants_total", None),
    (2.0, "article_count", 2), (True, "start", None), (0.9, "confidence", 0.9), (1, "confidence", 1.0),
    (True, "excluded", True), ("ya", "excluded", None),
    (["SRN", "Sumber"], "aliases", "SRN; Sumber"), ({"n": 1}, "value", '{"n": 1}'), (None, "title", None),
    ("=1+1\nbaris", "title", "=1+1\nbaris"), (False, "note", "false"),
])
def test_typed_value(value, column, expected):
    out = typed_value(value, column)
    assert out == expected and type(out) is type(expected)


def test_parquet_keeps_text_exact_and_types_numbers(tmp_path, pq):
    path = tmp_path / "mentions.parquet"
    write_parquet(path, MENTIONS, MENTION_COLUMNS)
    table = pq.read_table(path)
    assert table.column_names == MENTION_COLUMNS
    types = {f.name: str(f.type) for f in table.schema}
    assert types["start"] == "int64" and types["excluded"] == "bool" and types["text"] == "string"
    rows = table.to_pylist()
    assert [r["text"] for r in rows] == HOSTILE and rows[0]["note"] == "baris\nbaru"  # no CSV neutralising here
    assert rows[1]["excluded"] is False and rows[0]["value"] == '{"name": "=HYPERLINK(\\"http://contoh.test\\",\\"klik\\")"}'


def test_parquet_records_in_pandas(tmp_path, pq):
    pd = pytest.importorskip("pandas")
    path = tmp_path / "records.parquet"
    write_parquet(path, [flatten_record(RECORD), flatten_record(TWO_TOTALS)], RECORD_COLUMNS)
    df = pd.read_parquet(path)
    assert str(df["participants_total"].dtype) == "Int64" or df["participants_total"].dtype.kind in "if"
    assert df["participants_total"].iloc[0] == 40 and pd.isna(df["participants_total"].iloc[1])
    assert df["confidence"].tolist() == [0.9, 1.0] and df["program"].iloc[0] == "=1+1 Kopi Lestari"


def test_parquet_of_an_empty_table_still_has_its_columns(tmp_path, pq):
    path = tmp_path / "errors.parquet"
    write_parquet(path, [], ERROR_COLUMNS)
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.column_names == ERROR_COLUMNS


# --- the output folder and the command line -----------------------------------------------------

def test_write_outputs_adds_the_optional_formats_on_request(tmp_path, openpyxl, pq):
    out = tmp_path / "out"
    write_outputs(out, [RECORD], MENTIONS, ENTITIES, ERRORS, {}, xlsx=True, parquet=True)
    names = sorted(p.name for p in out.iterdir())
    assert names == ["entities.csv", "entities.parquet", "errors.jsonl", "errors.parquet", "mentions.csv",
                     "mentions.parquet", "records.csv", "records.jsonl", "records.parquet", "records.xlsx",
                     "report.html", "run.json"]
    assert pq.read_table(out / "errors.parquet").to_pylist()[0]["error"] == "=tidak bisa dibaca"
    assert openpyxl.load_workbook(out / "records.xlsx")["errors"]["D2"].value == "=tidak bisa dibaca"
    plain = tmp_path / "plain"
    write_outputs(plain, [RECORD], MENTIONS, ENTITIES, ERRORS, {})
    assert not any(p.suffix in (".xlsx", ".parquet") for p in plain.iterdir())


def test_a_folder_holding_optional_formats_is_still_ours(tmp_path):
    from pipeline.run import check_output_folder

    (tmp_path / "in").mkdir()
    out = tmp_path / "out"
    out.mkdir()
    for name in ["records.csv", "records.xlsx", "records.parquet", "mentions.parquet"]:
        (out / name).write_bytes(b"")
    check_output_folder(out, [tmp_path / "in"])  # no error: a previous run of ours


@pytest.mark.parametrize("flag, package", [("--xlsx", "openpyxl"), ("--parquet", "pyarrow")])
def test_cli_refuses_a_format_it_cannot_write_before_running(tmp_path, monkeypatch, capsys, flag, package):
    import importlib.util

    from pipeline.__main__ import main

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == package else real(name, *a))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Pelatihan menjahit di Desa Sukamaju.", encoding="utf-8")
    rc = main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), flag])
    assert rc == 2
    assert f"{flag} needs the Python package {package}" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()  # refused before anything was loaded or written


def test_xlsx_writes_into_memory_like_a_file(openpyxl, tmp_path):
    # the workbook goes through AtomicWriter's file object, not a path: check that round-trips
    path = tmp_path / "t.xlsx"
    write_xlsx(path, {"t": ([{"a": "Sukamaju"}], ["a"])})
    assert openpyxl.load_workbook(io.BytesIO(Path(path).read_bytes()))["t"]["A2"].value == "Sukamaju"
