"""``python -m pipeline diff OLD NEW``: what a rule change did to the records, field by field."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.__main__ import main
from pipeline.diff import diff_records, format_diff, read_records


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
        "~ a: Sekolah Lapang Pupuk Organik",
        "    program: 'Pelatihan Pupuk Organik' -> 'Sekolah Lapang Pupuk Organik'",
        "    places + Cilacap [kabupaten 33.01]",
        "    participants[25 petani].count: 25 -> 27",
        "3 changes by field:",
        "  participants.count  1",
        "  places              1",
        "  program             1",
    ]


def test_every_changed_field_of_an_organisation_or_person_is_shown(tmp_path, capsys):
    """Not only names: kind, role, aliases, a person's title and organisation (issue 19)."""
    orgs = [{"name": "Kelompok Tani Ngudi Makmur", "kind": "community", "role": "beneficiary", "aliases": []},
            {"name": "PT Pupuk Sriwijaya", "kind": "company", "role": "organizer", "aliases": ["Pusri"]}]
    people = [{"name": "Suparjo", "title": "Ketua Kelompok Tani", "organization": None},
              {"name": "Dewi Lestari", "title": "Manajer CSR", "organization": "PT Pupuk Sriwijaya"}]
    old = out_folder(tmp_path / "old", record("a", organizations=orgs, people=people))
    new = out_folder(tmp_path / "new", record(
        "a",
        organizations=[{**orgs[0], "role": "partner"},
                       {**orgs[1], "kind": "government", "aliases": ["Pusri", "Pupuk Sriwijaya"]}],
        people=[{**people[0], "organization": "Kelompok Tani Ngudi Makmur"},
                {**people[1], "title": "Manajer CSR dan Humas"}]))
    assert main(["diff", str(old), str(new)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "0 records added, 0 removed, 1 changed",
        "~ a: Pelatihan Pupuk Organik",
        "    organizations[Kelompok Tani Ngudi Makmur].role: 'beneficiary' -> 'partner'",
        "    organizations[PT Pupuk Sriwijaya].kind: 'company' -> 'government'",
        "    organizations[PT Pupuk Sriwijaya].aliases: ['Pusri'] -> ['Pusri', 'Pupuk Sriwijaya']",
        "    people[Suparjo].organization: None -> 'Kelompok Tani Ngudi Makmur'",
        "    people[Dewi Lestari].title: 'Manajer CSR' -> 'Manajer CSR dan Humas'",
        "5 changes by field:",
        "  organizations.aliases  1",
        "  organizations.kind     1",
        "  organizations.role     1",
        "  people.organization    1",
        "  people.title           1",
    ]


def test_a_renamed_organisation_is_matched_by_its_alias_and_evidence_changes_are_listed(tmp_path):
    ev = {"text": "Kopwan Sejahtera", "start": 40, "end": 56, "source": "rule:org_forms.jsonl:coop-kopwan"}
    ev2 = {"text": "Koperasi Wanita Sejahtera", "start": 120, "end": 145, "source": "ner"}
    old = read_records(out_folder(tmp_path / "old", record("a", organizations=[
        {"name": "Kopwan Sejahtera", "kind": "cooperative", "role": "organizer", "aliases": [], "evidence": [ev]}])))
    new = read_records(out_folder(tmp_path / "new", record("a", organizations=[
        {"name": "Koperasi Wanita Sejahtera", "kind": "cooperative", "role": "organizer",
         "aliases": ["Kopwan Sejahtera"], "evidence": [ev, ev2]}])))
    d = diff_records(old, new)
    assert d["changed"][0]["changes"] == [
        {"field": "organizations.name", "item": "Kopwan Sejahtera", "old": "Kopwan Sejahtera",
         "new": "Koperasi Wanita Sejahtera"},
        {"field": "organizations.aliases", "item": "Kopwan Sejahtera", "old": [], "new": ["Kopwan Sejahtera"]},
        {"field": "organizations.evidence", "item": "Kopwan Sejahtera", "added": [ev2], "removed": []},
    ]
    assert "organizations" not in d["by_field"]  # not one removed and one added
    assert format_diff(d).splitlines()[4] == \
        "    organizations[Kopwan Sejahtera].evidence + 'Koperasi Wanita Sejahtera' 120-145 ner"


def test_records_are_matched_by_record_id_then_by_programme_not_by_position(tmp_path):
    one = record("a", program="Pelatihan Pupuk Organik", record_id="r1")
    two = record("a", program="Bantuan Alat Tangkap", record_id="r2", confidence=0.6)
    old = read_records(out_folder(tmp_path / "old", one, two))
    new = read_records(out_folder(tmp_path / "new", {**two, "confidence": 0.7}, one))  # order swapped
    d = diff_records(old, new)
    assert d["added"] == d["removed"] == []
    assert d["changed"] == [{"article_id": "a", "program": "Bantuan Alat Tangkap", "record_id": "r2",
                             "changes": [{"field": "confidence", "old": 0.6, "new": 0.7}]}]
    no_ids = [{k: v for k, v in r.items() if k != "record_id"} for r in (one, two)]
    new = read_records(out_folder(tmp_path / "new2", {**no_ids[1], "confidence": 0.7}, no_ids[0]))
    old = read_records(out_folder(tmp_path / "old2", *no_ids))
    assert [c["program"] for c in diff_records(old, new)["changed"]] == ["Bantuan Alat Tangkap"]


def test_a_second_record_for_an_article_is_an_addition(tmp_path):
    old = read_records(out_folder(tmp_path / "old", record("a")))
    new = read_records(out_folder(tmp_path / "new", record("a"), record("a", program="Bantuan Alat Tangkap")))
    assert diff_records(old, new) == {"added": [{"article_id": "a", "program": "Bantuan Alat Tangkap",
                                                 "record_id": None}],
                                      "removed": [], "changed": [], "by_field": {}}


def test_json_output(tmp_path, capsys):
    old = out_folder(tmp_path / "old", record("a", people=[]))
    new = out_folder(tmp_path / "new", record("a"))
    assert main(["diff", str(old), str(new), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["changed"] == [{"article_id": "a", "program": "Pelatihan Pupuk Organik", "record_id": None,
                             "changes": [{"field": "people", "added": "Suparjo (Ketua Kelompok Tani)"}]}]
    assert d["by_field"] == {"people": 1}


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


def test_a_line_separator_inside_a_title_does_not_split_the_record(tmp_path):
    title = "Petani Sukamaju\u2028Belajar Membuat Pupuk"
    path = out_folder(tmp_path / "old", record("a", title=title))
    path.joinpath("records.jsonl").write_text(json.dumps(record("a", title=title), ensure_ascii=False) + "\n",
                                              encoding="utf-8")
    assert read_records(path)["a"][0]["title"] == title
