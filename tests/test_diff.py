"""``python -m pipeline diff OLD NEW``: what a rule change did to the records, field by field."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.__main__ import main
from pipeline.diff import diff_records, read_records


def record(aid: str, program: str | None = "Pelatihan Pupuk Organik", **fields) -> dict:
    rec = {"article_id": aid, "title": "Petani Sukamaju Belajar Membuat Pupuk", "published": "2024-03-04",
           "program": program, "confidence": 0.8,
           "organizations": [{"name": "Kelompok Tani Ngudi Makmur", "kind": "community", "role": "beneficiary"}],
           "people": [{"name": "Suparjo", "title": "Ketua Kelompok Tani"}],
           "places": [{"name": "Sukamaju", "level": "desa", "code": "33.01.02.2001"}],
           "dates": [{"start": "2024-03-04", "end": None, "kind": "event"}],
           "participants": [{"count": 25, "unit": "petani", "total": True}],
           "activities": ["pelatihan pembuatan pupuk organik"]}
    rec.update(fields)
    return rec


def out_folder(folder: Path, *records: dict) -> Path:
    folder.mkdir(parents=True)
    (folder / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return folder


def test_no_change(tmp_path, capsys):
    old = out_folder(tmp_path / "old", record("a"), record("b"))
    new = out_folder(tmp_path / "new", record("a"), record("b"))
    assert main(["diff", str(old), str(new)]) == 0
    assert capsys.readouterr().out == "0 records added, 0 removed, 0 changed\n"


def test_added_removed_and_changed_field_by_field(tmp_path, capsys):
    old = out_folder(tmp_path / "old", record("a"), record("gone", program="Bantuan Bibit"))
    new = out_folder(tmp_path / "new",
                     record("a", program="Sekolah Lapang Pupuk Organik",
                            participants=[{"count": 27, "unit": "petani", "total": True}],
                            places=[{"name": "Sukamaju", "level": "desa", "code": "33.01.02.2001"},
                                    {"name": "Cilacap", "level": "kabupaten", "code": "33.01"}]),
                     record("new-article", program="Pelatihan Menjahit"))
    assert main(["diff", str(old), str(new)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "1 records added, 1 removed, 1 changed",
        "+ new-article: Pelatihan Menjahit",
        "- gone: Bantuan Bibit",
        "~ a",
        "    program: 'Pelatihan Pupuk Organik' -> 'Sekolah Lapang Pupuk Organik'",
        "    places + Cilacap [kabupaten 33.01]",
        "    participants + 27 petani (total)",
        "    participants - 25 petani (total)",
    ]


def test_a_second_record_for_an_article_is_an_addition(tmp_path):
    old = read_records(out_folder(tmp_path / "old", record("a")))
    new = read_records(out_folder(tmp_path / "new", record("a"), record("a", program="Bantuan Alat Tangkap")))
    assert diff_records(old, new) == {"added": [{"article_id": "a", "program": "Bantuan Alat Tangkap"}],
                                      "removed": [], "changed": []}


def test_json_output(tmp_path, capsys):
    old = out_folder(tmp_path / "old", record("a", people=[]))
    new = out_folder(tmp_path / "new", record("a"))
    assert main(["diff", str(old), str(new), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["changed"] == [{"article_id": "a", "fields": {"people": {"added": ["Suparjo (Ketua Kelompok Tani)"],
                                                                      "removed": []}}}]


@pytest.mark.parametrize("content, message", [
    (None, "no records.jsonl"),
    ('{"article_id": "a"}\n{rusak\n', "records.jsonl:2: invalid JSON"),
])
def test_unreadable_output_folder(tmp_path, capsys, content, message):
    good = out_folder(tmp_path / "good", record("a"))
    bad = tmp_path / "bad"
    bad.mkdir()
    if content is not None:
        (bad / "records.jsonl").write_text(content, encoding="utf-8")
    assert main(["diff", str(good), str(bad)]) == 2
    assert message in capsys.readouterr().err
