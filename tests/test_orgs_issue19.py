"""Issue 19: a caption typo of an organisation, a seminar theme, organisation roles, and analysts' alias rules.

All sentences are made up for these tests (fictional groups and people; real companies only as the known
organisations of rules/org_aliases*.jsonl)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.extract.orgs import OrgExtractor
from pipeline.normalize.orgs import merge_orgs, typo_of
from pipeline.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def extractor() -> OrgExtractor:
    return OrgExtractor(load_rules([ROOT / "rules"]))


def items(extractor, text, ner=()):
    found = extractor.extract(text, [], list(ner))
    for m in found:
        assert text[m.start:m.end] == m.text, m
    return merge_orgs([m for m in found if not m.excluded and not m.value.get("media")])


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
