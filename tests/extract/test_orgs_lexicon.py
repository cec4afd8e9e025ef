"""Organisation rules: the rule files load, the generated alias table is up to date, known organisations are
found by their aliases and ordinary words are not.

All sentences are made up for these tests (fictional companies and groups, real region names)."""
from __future__ import annotations

from pathlib import Path
import subprocess
import sys

import pytest

from org_helpers import entity, names, shared_extractor
from pipeline.extract.orgs import OrgExtractor
from pipeline.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = ROOT.parent / "shared" / "data" / "gazetteer"


@pytest.fixture(scope="module")
def extractor() -> OrgExtractor:
    return shared_extractor()


def test_rule_files_are_valid():
    rules = load_rules([ROOT / "rules"])
    assert rules.get("org_forms") and rules.get("org_aliases") and rules.get("media") and rules.get("role_cues")


@pytest.mark.skipif(not (SHARED_DATA / "curated" / "bumn.csv").is_file(), reason="shared gazetteer data not present")
def test_generated_alias_file_is_up_to_date():
    """rules/org_aliases.jsonl is what scripts/build_org_aliases.py writes from the shared data."""
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_org_aliases.py"), "--check",
                        "--data", str(SHARED_DATA)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("text, name, kind", [
    ("Program ini didukung BRI dan warga setempat.", "BRI", "bank"),
    ("Pertamina menyalurkan bantuan modal.", "Pertamina", "company"),
    ("Peserta didaftarkan ke BPJS Ketenagakerjaan secara gratis.", "BPJS Ketenagakerjaan", "government"),
    ("Kemenkop UKM memberi pelatihan.", "Kemenkop UKM", "government"),
    ("Pelatihan diisi narasumber dari JICA.", "JICA", "other"),
])
def test_known_organisations(extractor, text, name, kind):
    it = entity(extractor, text, name)
    assert it["kind"] == kind


@pytest.mark.parametrize("text", [
    "Warga ingin hidup mandiri. Mandiri Sahabatku digelar lagi.",   # a common word, a programme name
    "Antara lain pelatihan dan pendampingan.",                     # a sentence start, not the news agency
])
def test_ordinary_words_are_not_known_organisations(extractor, text):
    assert names(extractor, text) == []


@pytest.mark.parametrize("text, name", [
    ("Bansos kini disalurkan dari PT. Pos ke rekening bank.", "PT. Pos"),
    ("Data penerima direkonsiliasi dengan Dukcapil setiap bulan.", "Dukcapil"),
    ("Kemensos menurunkan tim PSKBA dan Tagana ke lokasi bencana.", "Tagana"),
])
def test_short_names_of_national_bodies(text, name):
    assert name in names(shared_extractor(), text)
