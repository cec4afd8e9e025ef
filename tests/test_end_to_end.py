"""End to end: run the pipeline over data/raw/ and check the output folder.

The expectations in tests/sample_expectations.json were written by hand from
the sample articles (facts they plainly state); the run must find them.
"""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from pathlib import Path

import pytest

from pipeline.__main__ import main
from pipeline.schema import validate_record

ROOT = Path(__file__).resolve().parents[1]
EXPECT = json.loads((ROOT / "tests" / "sample_expectations.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.slow


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    s = re.sub(r"\b(pt|tbk|persero)\b", " ", s)
    return " ".join(re.sub(r"[^\w\s]", " ", s).split())


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("run") / "out"
    rc = main(["run", str(ROOT / "data" / "raw"), "--out", str(out), "--rules", str(ROOT / "rules"),
               "--workers", "1"])
    assert rc == 0
    return out


@pytest.fixture(scope="module")
def records(out) -> dict[str, list[dict]]:
    by_article: dict[str, list[dict]] = {}
    for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        by_article.setdefault(rec["article_id"], []).append(rec)
    return by_article


def names_of(recs: list[dict], field: str) -> set[str]:
    return {norm(n) for r in recs for item in r[field] for n in [item["name"], *item.get("aliases", [])]}


def test_every_output_file_is_written(out):
    for name in ["records.jsonl", "records.csv", "mentions.csv", "entities.csv", "errors.jsonl", "run.json",
                 "report.html"]:
        assert (out / name).is_file(), name
    assert (out / "records.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_records_follow_the_schema(records):
    assert records
    for recs in records.values():
        for rec in recs:
            validate_record(rec)


def test_evidence_offsets_point_into_the_original_text(records):
    from pipeline.load import iter_articles

    texts = {a.id: a.text for a in iter_articles([ROOT / "data" / "raw"]) if hasattr(a, "text")}
    checked = 0
    for aid, recs in records.items():
        for rec in recs:
            for field in ("organizations", "people", "places", "dates", "participants"):
                for item in rec[field]:
                    for ev in item["evidence"]:
                        assert texts[aid][ev["start"]:ev["end"]] == ev["text"]
                        checked += 1
    assert checked > 50


def test_run_manifest_accounts_for_every_input(out):
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    c = info["counts"]
    assert c["articles_with_record"] + c["articles_no_programme"] + c["articles_failed"] == c["inputs"]
    assert c["inputs"] == len(EXPECT)
    assert info["versions"]["rules"]["digest"]
    assert "hits" in info["rule_coverage"]


def test_entities_have_ids_used_in_records(out, records):
    with open(out / "entities.csv", encoding="utf-8-sig", newline="") as f:
        ids = {row["entity_id"] for row in csv.DictReader(f)}
    for recs in records.values():
        for rec in recs:
            for field in ("organizations", "people"):
                for item in rec[field]:
                    assert item["entity_id"] in ids


@pytest.mark.parametrize("aid", sorted(EXPECT))
def test_programme_detection(aid, records):
    assert (aid in records) == EXPECT[aid]["programme"]


@pytest.mark.parametrize("aid", sorted(a for a, e in EXPECT.items() if e["programme"]))
def test_expected_facts_are_found(aid, records):
    exp, recs = EXPECT[aid], records.get(aid, [])
    orgs, people, places = names_of(recs, "organizations"), names_of(recs, "people"), names_of(recs, "places")
    for name in exp.get("organizations", []):
        assert norm(name) in orgs, f"organisation {name!r} missing: {sorted(orgs)}"
    for person in exp.get("people", []):
        assert norm(person["name"]) in people, f"person {person['name']!r} missing: {sorted(people)}"
    for name in exp.get("places", []):
        assert norm(name) in places, f"place {name!r} missing: {sorted(places)}"
    dates = {(d["start"], d["end"]) for r in recs for d in r["dates"]}
    for d in exp.get("dates", []):
        assert (d["start"], d.get("end")) in dates, f"date {d} missing: {sorted(dates, key=str)}"
    if exp.get("participants_total") is not None:
        totals = {p["count"] for r in recs for p in r["participants"] if p["total"]}
        assert exp["participants_total"] in totals, f"total {exp['participants_total']} not in {totals}"
    if "participants" in exp:  # the whole list: no made-up parts, no subset or restatement as a part
        found = sorted([p["count"], p["total"]] for r in recs for p in r["participants"])
        assert found == exp["participants"], f"participants {found} != {exp['participants']}"
    if exp.get("published"):
        assert {r["published"] for r in recs} == {exp["published"]}
    for bad in exp.get("must_not", []):
        assert norm(bad) not in orgs | people, f"{bad!r} must not be extracted"
