"""Issue 19: a caption typo of an organisation, a seminar theme, organisation roles, and analysts' alias rules.

All sentences are made up for these tests (fictional groups and people; real companies only as the known
organisations of rules/org_aliases*.jsonl)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from org_helpers import items, make_extractor
from pipeline.extract.orgs import OrgExtractor
from pipeline.normalize.orgs import merge_orgs, typo_of
from pipeline.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def extractor() -> OrgExtractor:
    return make_extractor()


def span(text, part, label="ORG"):
    s = text.index(part)
    return (s, s + len(part), label)


# --- a near-duplicate (typo) form joins the organisation it misspells -------------------------------------------

@pytest.mark.parametrize("short, long_, same", [
    ("Pertamina Kilang Palju", "Kilang Pertamina Plaju", True),      # words swapped, letters swapped
    ("Kilang Palju", "Kilang Pertamina Plaju", True),                # a part of the name, misspelt
    ("PT Indocemet Tunggal Prakarsa", "PT Indocement Tunggal Prakarsa", True),
    ("Kilang Pertamina Plaju", "Kilang Pertamina Plaju", False),     # the same name is no typo
    ("Dinas Pertanian", "Dinas Perikanan", False),                   # two bodies
    ("Pemerintah Kabupaten Sleman", "Dinas Pemberdayaan Masyarakat dan Pemerintahan Desa Kabupaten Sleman", False),
    ("Bank BNI", "Bank BRI", False),                                 # acronyms are never typos
])
def test_typo_of(short, long_, same):
    assert typo_of(short, long_) is same


def test_a_caption_typo_joins_the_real_organisation_and_takes_nothing_from_it(extractor):
    text = ("Kilang Pertamina Balongan menggelar pelatihan membatik bagi warga Indramayu.\n"
            "Para peserta bersama Pertamina Kilang Balognan saat pelatihan. (Foto: Humas)\n"
            "Area Manager Kilang Pertamina Balongan, Rina Susanti, mengatakan pelatihan berlangsung lima hari.\n")
    found = items(extractor, text)
    assert len(found) == 1
    real = found[0]
    assert real["name"] == "Kilang Pertamina Balongan"
    assert "Pertamina Kilang Balognan" in real["aliases"]


def test_a_typo_found_by_the_model_joins_too(extractor):
    text = "Kilang Pertamina Balongan menggelar pelatihan membatik. Kegiatan bersama Kilang Balognan diikuti 30 orang.\n"
    found = items(extractor, text, [span(text, "Kilang Balognan")])
    assert [it["name"] for it in found] == ["Kilang Pertamina Balongan"]
    assert "Kilang Balognan" in found[0]["aliases"]


def test_a_typo_never_becomes_the_name(extractor):
    text = ("Koperasi Sumber Rejeki membuka pelatihan. Foto: pengurus Koperasi Sumber Rejekki.\n"
            "Ketua Koperasi Sumber Rejeki, Sutarno, membuka acara.\n")
    found = items(extractor, text)
    assert [it["name"] for it in found] == ["Koperasi Sumber Rejeki"]
    assert found[0]["aliases"] == ["Koperasi Sumber Rejekki"]  # kept as written, as an alias


# --- a theme or slogan is never an organisation or an alias --------------------------------------------------------

@pytest.mark.parametrize("theme", [
    'seminar bertema "Koperasi Tani Makmur Sejahtera untuk Semua"',
    "seminar bertajuk Koperasi Tani Makmur Menuju Digital",
    "lokakarya dengan tema “Koperasi Tani Makmur Bangkit”",
])
def test_a_theme_is_no_alias_of_the_cooperative(extractor, theme):
    text = f"Koperasi Tani Makmur menggelar {theme} di Sleman, Sabtu.\n"
    found = items(extractor, text)
    assert [it["name"] for it in found] == ["Koperasi Tani Makmur"]
    assert found[0]["aliases"] == []


def test_a_known_organisation_named_in_a_theme_is_still_found(extractor):
    text = "Dengan mengusung tema ‘Krakatau Steel Group Berbagi’, kegiatan itu digelar di Cilegon.\n"
    assert [it["name"] for it in items(extractor, text)] == ["Krakatau Steel Group"]


# --- roles: the body that runs the activity is the organizer, its supporter a partner ------------------------------

def roles(extractor, text):
    return {it["name"]: it["role"] for it in items(extractor, text)}


@pytest.mark.parametrize("text, organizer, partner", [
    ("Program Desa Berdaya milik PT Sinar Bahari Energi digelar di Cilacap. Kegiatan ini didukung Dinas Koperasi "
     "Kabupaten Cilacap.\n", "PT Sinar Bahari Energi", "Dinas Koperasi Kabupaten Cilacap"),
    ("Pelatihan ini merupakan program CSR dari PT Sinar Bahari Energi yang bekerja sama dengan Yayasan Cahaya "
     "Desa.\n", "PT Sinar Bahari Energi", "Yayasan Cahaya Desa"),
    ("Koperasi Tani Makmur, Sabtu (12/3/2024), menggelar pelatihan pengolahan kopi bersama Dinas Pertanian "
     "Kabupaten Temanggung.\n", "Koperasi Tani Makmur", "Dinas Pertanian Kabupaten Temanggung"),
    ("Yayasan Cahaya Desa meluncurkan program pelatihan menjahit yang disponsori oleh PT Sinar Bahari Energi.\n",
     "Yayasan Cahaya Desa", "PT Sinar Bahari Energi"),
    ("Kegiatan itu bagian dari inisiatif Kampung Hijau PT Sinar Bahari Energi, didukung oleh Universitas "
     "Jenderal Soedirman.\n", "PT Sinar Bahari Energi", "Universitas Jenderal Soedirman"),
])
def test_the_body_that_runs_the_programme_is_the_organizer(extractor, text, organizer, partner):
    found = roles(extractor, text)
    assert found[organizer] == "organizer", found
    assert found[partner] == "partner", found


def test_the_organisation_whose_csr_it_is_organizes(extractor):
    text = ("Corporate Social Responsibility (CSR) PT Sinar Bahari Energi menyalurkan bantuan kepada Kelompok Tani "
            "Sumber Jaya di Cilacap.\n")
    found = roles(extractor, text)
    assert found["PT Sinar Bahari Energi"] == "organizer"
    assert found["Kelompok Tani Sumber Jaya"] == "beneficiary"


def test_land_owned_by_a_body_makes_it_no_organizer(extractor):
    text = "Gedung pelatihan itu berdiri di atas lahan milik Pemerintah Kabupaten Sleman.\n"
    assert roles(extractor, text)["Pemerintah Kabupaten Sleman"] is None


# --- an analyst's alias rule joins the forms it names, and the evidence says so --------------------------------------

ANALYST_TEXT = ("CILACAP - PT Sinar Bahari Energi menggelar pelatihan membatik bagi 40 warga Desa Tegalkamulyan.\n"
                "Pelatihan itu didukung Dinas Koperasi Kabupaten Cilacap.\n"
                "Foto: peserta bersama SBE Unit Tegal saat praktik membatik.\n"
                "Direktur PT Sinar Bahari Energi, Rahmat Hidayat, mengatakan pelatihan ini bagian dari program CSR.\n")


def extractor_with(tmp_path, rule: dict) -> OrgExtractor:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "org_aliases.jsonl").write_text(json.dumps(rule) + "\n", encoding="utf-8")
    return OrgExtractor(load_rules([ROOT / "rules", folder]))


ANALYST_NER = [span(ANALYST_TEXT, "SBE Unit Tegal")]  # the model finds the caption's form


def test_without_a_rule_the_unit_form_is_its_own_organisation(extractor):
    assert len(items(extractor, ANALYST_TEXT, ANALYST_NER)) == 3


def test_an_extra_rules_alias_joins_the_form_it_names(tmp_path):
    rule = {"id": "sbe-mine", "name": "PT Sinar Bahari Energi", "aliases": ["SBE Unit Tegal"], "kind": "company"}
    found = items(extractor_with(tmp_path, rule), ANALYST_TEXT, ANALYST_NER)
    assert [it["name"] for it in found] == ["PT Sinar Bahari Energi", "Dinas Koperasi Kabupaten Cilacap"]
    sbe = found[0]
    assert "SBE Unit Tegal" in sbe["aliases"]
    joined = [m for m in sbe["mentions"] if m.text == "SBE Unit Tegal"]
    assert joined and joined[0].source == "rule:mine/org_aliases.jsonl:sbe-mine"


def test_a_rule_naming_a_typo_moves_only_that_form(tmp_path):
    # the automatic merging puts the bare "Pertamina" with the caption's form; the rule moves the caption's form
    text = ("Kilang Pertamina Balongan menggelar pelatihan membatik bagi warga Indramayu.\n"
            "Peserta foto bersama Pertamina Kilang Balognan Indramayu usai pelatihan.\n"
            "Program itu bagian dari komitmen Pertamina untuk warga sekitar.\n"
            "Area Manager Kilang Pertamina Balongan, Rina Susanti, mengatakan pelatihan berlangsung lima hari.\n")
    rule = {"id": "balongan-typo", "name": "Kilang Pertamina Balongan",
            "aliases": ["Pertamina Kilang Balognan Indramayu"], "kind": "company"}
    before = items(OrgExtractor(load_rules([ROOT / "rules"])), text)
    assert any(it["name"] == "Pertamina Kilang Balognan Indramayu" for it in before)  # its own organiser, today
    found = items(extractor_with(tmp_path, rule), text)
    real = next(it for it in found if it["name"] == "Kilang Pertamina Balongan")
    assert "Pertamina Kilang Balognan Indramayu" in real["aliases"]
    assert not any(it["name"] == "Pertamina Kilang Balognan Indramayu" for it in found)
    moved = [m for m in real["mentions"] if m.text == "Pertamina Kilang Balognan Indramayu"]
    assert moved[0].source == "rule:mine/org_aliases.jsonl:balongan-typo"
    # the bare "Pertamina" stays with whatever it was, not taken by the rule
    assert "Pertamina" not in real["aliases"]


def test_the_manual_alias_file_is_an_analysts_rule(tmp_path):
    # the same rule in a folder's org_aliases.manual.jsonl (read after the generated table) joins the form too
    folder = tmp_path / "rules"
    folder.mkdir()
    for f in (ROOT / "rules").glob("*.jsonl"):
        (folder / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    manual = folder / "org_aliases.manual.jsonl"
    manual.write_text(manual.read_text(encoding="utf-8") + json.dumps(
        {"id": "manual-sbe", "name": "PT Sinar Bahari Energi", "aliases": ["SBE Unit Tegal"], "kind": "company"})
        + "\n", encoding="utf-8")
    found = items(OrgExtractor(load_rules([folder])), ANALYST_TEXT, ANALYST_NER)
    assert [it["name"] for it in found][0] == "PT Sinar Bahari Energi" and len(found) == 2
    assert any(m.source == "rule:org_aliases.manual.jsonl:manual-sbe" for m in found[0]["mentions"])
