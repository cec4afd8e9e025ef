"""Output files: Excel-safe CSV, atomic writes, JSON Lines, records.csv flattening, the
record schema and the HTML report."""
from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

import jsonschema
import pytest

from pipeline.output.report import render_report
from pipeline.output.writers import (
    ENTITY_COLUMNS, MENTION_COLUMNS, RECORD_COLUMNS, AtomicWriter, atomic_write, flatten_record, safe_cell,
    write_csv, write_jsonl, write_outputs,
)
from pipeline.schema import load_record_schema, record_errors, validate_record

BOM = b"\xef\xbb\xbf"


def _ev(text: str, start: int = 0) -> list[dict]:
    return [{"text": text, "start": start, "end": start + len(text), "source": "rule:org_forms:pt"}]


GOOD_RECORD = {
    "record_id": "c0ffee12",
    "article_id": "kabar/2024/pelatihan-umkm",
    "title": "Pelaku UMKM Sukamaju Ikuti Pelatihan Pemasaran Digital",
    "published": "2024-03-18",
    "program": "Sekolah UMKM Naik Kelas",
    "activities": ["pelatihan pemasaran digital", "pendampingan izin usaha"],
    "organizations": [
        {"name": "PT Sinar Bahari Energi", "aliases": ["SBE"], "kind": "company", "role": "organizer",
         "entity_id": "org:sinar-bahari-energi", "evidence": _ev("PT Sinar Bahari Energi")},
        {"name": "Dinas Koperasi dan UKM Kabupaten Sukamaju", "aliases": [], "kind": "government",
         "role": "partner", "entity_id": "org:dinkop-sukamaju", "evidence": []},
    ],
    "people": [{"name": "Rina Kusumawati", "title": "Manajer CSR", "organization": "PT Sinar Bahari Energi",
                "entity_id": "per:rina-kusumawati", "evidence": _ev("Rina Kusumawati, S.E.", 120)}],
    "places": [
        {"name": "Karanganyar Kidul", "level": "desa", "code": "32.01.02.2003",
         "parents": ["Sukamaju Utara", "Kabupaten Sukamaju", "Jawa Barat"], "evidence": []},
        {"name": "Jawa Barat", "level": "provinsi", "code": "32", "parents": [], "evidence": []},
        {"name": "Gedung Serbaguna", "level": "other", "code": None, "parents": [], "evidence": []},
    ],
    "dates": [{"start": "2024-03-12", "end": "2024-03-14", "kind": "event", "text": "12-14 Maret 2024",
               "evidence": _ev("12-14 Maret 2024", 300)},
              {"start": "2024-03-18", "end": None, "kind": "published", "text": "18/3/2024", "evidence": []}],
    "participants": [{"count": 45, "unit": "orang", "what": "pelaku UMKM", "total": True, "evidence": []},
                     {"count": 12, "unit": "kelompok", "what": "kelompok tani", "total": False, "evidence": []}],
    "confidence": 0.84,
}


# --- safe_cell --------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    # formula injection: a leading trigger is defused with a quote
    ("=HYPERLINK(\"http://x\",\"klik\")", "'=HYPERLINK(\"http://x\",\"klik\")"),
    ("+62 812 3456", "'+62 812 3456"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "' =1+1"),
    # harmless text stays as is
    ("Koperasi Maju", "Koperasi Maju"),
    ("a = b", "a = b"),
    ("'sudah dikutip", "'sudah dikutip"),
    # line breaks become spaces
    ("baris satu\nbaris dua", "baris satu baris dua"),
    ("baris satu\r\nbaris dua\u2028tiga", "baris satu baris dua tiga"),
    # lists, empty values, booleans, dicts
    (["Pertamina", "BRI"], "Pertamina; BRI"),
    (["=1+1", "BRI"], "'=1+1; BRI"),
    ([12, None, True], "12; true"),
    (None, ""),
    (True, "true"),
    ({"count": 5}, '{"count": 5}'),
])
def test_safe_cell_text(value, expected):
    assert safe_cell(value) == expected


@pytest.mark.parametrize("number", [0, 45, -5, 2.5, -0.75, 1686])
def test_safe_cell_leaves_numbers_untouched(number):
    out = safe_cell(number)
    assert out == number and type(out) is type(number)


# --- write_csv --------------------------------------------------------------------------------

def _read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_csv_has_bom_crlf_and_rfc4180_quoting(tmp_path):
    path = tmp_path / "t.csv"
    rows = [{"a": 'Kata "Bapak", katanya', "b": 45, "c": "=cmd|' /C calc'!A0"},
            {"a": "baris\nbaru", "b": -3, "c": None, "ignored": "x"}]
    write_csv(path, rows, ["a", "b", "c"])
    raw = path.read_bytes()
    assert raw.startswith(BOM)
    assert raw.count(b"\r\n") == 3 and b"\n" not in raw.replace(b"\r\n", b"")  # no raw newline in a cell
    assert b'"Kata ""Bapak"", katanya"' in raw                                      # quotes doubled
    assert _read_csv(path) == [["a", "b", "c"],
                               ['Kata "Bapak", katanya', "45", "'=cmd|' /C calc'!A0"],
                               ["baris baru", "-3", ""]]


def test_csv_keeps_indonesian_characters(tmp_path):
    path = tmp_path / "t.csv"
    write_csv(path, [{"nama": "Désa Sukamaju — Kecamatan Ciawi"}], ["nama"])
    assert _read_csv(path)[1] == ["Désa Sukamaju — Kecamatan Ciawi"]


# --- atomic writes ----------------------------------------------------------------------------

def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_failing_write_leaves_no_final_file_and_no_temp(tmp_path):
    target = tmp_path / "records.csv"
    with pytest.raises(RuntimeError, match="disk penuh"):
        with AtomicWriter(target) as f:
            f.write("separuh")
            raise RuntimeError("disk penuh")
    assert _leftovers(tmp_path) == []


def test_failing_write_keeps_the_previous_file(tmp_path):
    target = tmp_path / "run.json"
    atomic_write(target, "lama\n")
    with pytest.raises(ValueError):
        with AtomicWriter(target) as f:
            f.write("baru")
            raise ValueError
    assert target.read_text(encoding="utf-8") == "lama\n"
    assert _leftovers(tmp_path) == ["run.json"]


def test_csv_row_generator_failing_midway_leaves_nothing(tmp_path):
    def rows():
        yield {"a": 1}
        raise OSError("sumber rusak")

    with pytest.raises(OSError):
        write_csv(tmp_path / "m.csv", rows(), ["a"])
    assert _leftovers(tmp_path) == []


def test_atomic_write_text_and_bytes(tmp_path):
    atomic_write(tmp_path / "sub" / "a.txt", "baris\r\n")  # creates the folder, keeps CRLF as given
    atomic_write(tmp_path / "b.bin", b"\x00\xff")
    assert (tmp_path / "sub" / "a.txt").read_bytes() == b"baris\r\n"
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\xff"
    assert _leftovers(tmp_path) == ["b.bin", "sub"]
    assert (tmp_path / "b.bin").stat().st_mode & 0o044  # readable by others, not 0600 like a temp file


# --- JSON Lines -------------------------------------------------------------------------------

def test_jsonl_round_trip_is_utf8_not_escaped(tmp_path):
    rows = [GOOD_RECORD, {"article_id": "b", "note": "Désa — “kutipan”\nbaris"}]
    path = tmp_path / "records.jsonl"
    write_jsonl(path, rows)
    raw = path.read_bytes()
    assert not raw.startswith(BOM) and "“kutipan”".encode() in raw
    lines = raw.decode("utf-8").split("\n")
    assert lines[-1] == "" and len(lines) == 3
    assert [json.loads(x) for x in lines[:-1]] == rows


# --- records.csv ------------------------------------------------------------------------------

def test_flatten_record():
    row = flatten_record(GOOD_RECORD)
    assert list(row) == RECORD_COLUMNS
    assert row["organizations"] == "PT Sinar Bahari Energi; Dinas Koperasi dan UKM Kabupaten Sukamaju"
    assert row["organization_kinds"] == "company; government"
    assert row["organization_roles"] == "organizer; partner"
    assert row["people"] == "Rina Kusumawati (Manajer CSR)"
    assert row["places"] == ("Karanganyar Kidul [desa 32.01.02.2003]; Jawa Barat [provinsi 32]; "
                             "Gedung Serbaguna [other]")
    assert row["provinces"] == "Jawa Barat"
    assert row["dates"] == "2024-03-12..2024-03-14 (event); 2024-03-18 (published)"  # which date is which
    assert row["participants_total"] == 45
    assert row["participants"] == "45 orang pelaku UMKM (total); 12 kelompok tani"  # the unit said once
    assert row["activities"] == "pelatihan pemasaran digital; pendampingan izin usaha"
    assert row["confidence"] == 0.84


@pytest.mark.parametrize("part, cell", [
    ({"count": 12, "unit": "orang", "what": "orang pelatihan menjahit"}, "12 orang pelatihan menjahit"),
    ({"count": 4, "unit": "penjahit", "what": "penjahit"}, "4 penjahit"),
    ({"count": 59, "unit": "orang", "what": "orang", "total": True}, "59 orang (total)"),
    ({"count": 20, "unit": "pelaku usaha", "what": "pelaku usaha binaan"}, "20 pelaku usaha binaan"),
    ({"count": 30, "unit": "orang", "what": "peserta pelatihan"}, "30 orang peserta pelatihan"),
])
def test_participant_cells_name_the_unit_once(part, cell):
    row = flatten_record({**GOOD_RECORD, "participants": [part]})
    assert row["participants"] == cell


def test_flatten_record_without_items():
    bare = {k: ([] if isinstance(v, list) else None) for k, v in GOOD_RECORD.items()}
    row = flatten_record(bare)
    assert row["organizations"] == "" and row["participants_total"] == "" and row["dates"] == ""


# --- the whole folder -------------------------------------------------------------------------

def test_write_outputs_writes_every_file(tmp_path):
    hostile = copy.deepcopy(GOOD_RECORD)
    hostile["program"] = "<script>alert(1)</script>"
    mentions = [{"article_id": "a", "kind": "org", "label": "company", "text": "-PT Jahat", "start": 3, "end": 12,
                 "value": {"name": "PT Jahat"}, "source": "ner", "excluded": False, "in_record": True, "note": ""}]
    entities = [{"entity_id": "org:sbe", "kind": "org", "name": "PT Sinar Bahari Energi", "aliases": ["SBE", "Sinar"],
                 "article_count": 2, "articles": ["a", "b"], "merge_reasons": ["alias"]}]
    errors = [{"article_id": "c", "path": "raw/c.txt", "stage": "load", "error": "cannot decode"}]
    out = tmp_path / "out"
    write_outputs(out, [GOOD_RECORD, hostile], mentions, entities, errors, {"started": "2024-01-01T00:00:00"})
    assert _leftovers(out) == ["entities.csv", "errors.jsonl", "mentions.csv", "records.csv", "records.jsonl",
                               "report.html", "run.json"]
    for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines():
        validate_record(json.loads(line))
    assert _read_csv(out / "mentions.csv")[0] == MENTION_COLUMNS
    assert _read_csv(out / "mentions.csv")[1][3] == "'-PT Jahat"
    assert _read_csv(out / "entities.csv") == [ENTITY_COLUMNS, ["org:sbe", "org", "PT Sinar Bahari Energi",
                                                                "SBE; Sinar", "2", "a; b", "alias"]]
    assert len(_read_csv(out / "records.csv")) == 3
    assert json.loads((out / "run.json").read_text(encoding="utf-8")) == {"started": "2024-01-01T00:00:00"}
    assert json.loads((out / "errors.jsonl").read_text(encoding="utf-8")) == errors[0]


# --- the record schema ------------------------------------------------------------------------

def test_schema_is_valid_draft_2020_12():
    schema = load_record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"].endswith("2020-12/schema")


def test_good_record_validates_with_extensions():
    rec = copy.deepcopy(GOOD_RECORD)
    rec["consistency"] = {"ok": True}
    rec["participants"][0]["approx"] = False
    rec["people"][0]["role"] = "speaker"
    validate_record(rec)
    assert record_errors(rec) == []


def _broken(path: list, value) -> dict:
    rec = copy.deepcopy(GOOD_RECORD)
    target = rec
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return rec


@pytest.mark.parametrize("path, value, where", [
    (["program"], KeyError, "(record)"),
    (["published"], "18/03/2024", "published"),
    (["confidence"], 1.5, "confidence"),
    (["organizations", 0, "kind"], "perusahaan", "organizations/0/kind"),
    (["organizations", 0, "entity_id"], KeyError, "organizations/0"),
    (["places", 0, "level"], "kampung", "places/0/level"),
    (["places", 0, "code"], "32-01", "places/0/code"),
    (["dates", 0, "end"], "2024-3-14", "dates/0/end"),
    (["participants", 0, "count"], "45", "participants/0/count"),
    (["participants", 0, "total"], "ya", "participants/0/total"),
    (["people", 0, "evidence", 0, "start"], -1, "people/0/evidence/0/start"),
])
def test_bad_record_is_rejected(path, value, where):
    rec = _broken(path, value)
    with pytest.raises(jsonschema.ValidationError):
        validate_record(rec)
    assert any(e.startswith(where + ":") for e in record_errors(rec))


# --- report.html ------------------------------------------------------------------------------

def test_report_is_self_contained_and_escaped():
    hostile = copy.deepcopy(GOOD_RECORD)
    hostile["program"] = "<img src=x onerror=alert(1)>"
    page = render_report([GOOD_RECORD, hostile], [{"kind": "org"}, {"kind": "org"}, {"kind": "date"}],
                         [{"article_id": "c", "stage": "load", "error": "<b>rusak</b>", "path": "c.txt"}],
                         {"rules": {"hash": "abc"}, "note": "<i>x</i>"})
    assert page.startswith("<!DOCTYPE html>")
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<b>rusak</b>" not in page and "<i>x</i>" not in page
    assert "http://" not in page and "https://" not in page and "<link" not in page
    assert 'id="filter"' in page and "Sekolah UMKM Naik Kelas" in page
    assert "mentions: org</td><td>2" in page
    assert page.count("<tr>") == 1 + 7 + 1 + 2 + 1 + 1  # summary head+rows, records head+rows, errors head+row
