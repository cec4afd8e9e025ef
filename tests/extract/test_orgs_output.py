"""What each mention carries for merging: a company's units and its parent, regions, kinds; news outlets flagged
media; the rule named as evidence; any text gives valid mentions.

All sentences are made up for these tests (fictional companies and groups, real region names)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from org_helpers import entity, items, names, shared_extractor
from pipeline.extract.orgs import OrgExtractor
from pipeline.names import clean_org_name
from pipeline.normalize.orgs import merge_orgs


@pytest.fixture(scope="module")
def extractor() -> OrgExtractor:
    return shared_extractor()


def test_unit_stays_apart_from_the_parent_the_article_names(extractor):
    text = ("PT Pertamina (Persero) menyalurkan dana CSR. Program dijalankan Pertamina RU IV Cilacap. "
            "Manager Pertamina RU IV Cilacap mengatakan Pertamina berkomitmen.")
    found = items(extractor, text)
    assert len(found) == 2
    parent = entity(extractor, text, "PT Pertamina (Persero)")
    assert "Pertamina" in parent["aliases"]
    unit = entity(extractor, text, "Pertamina RU IV Cilacap")
    assert "Pertamina" not in unit["aliases"]


def test_bare_name_joins_the_only_unit_when_the_parent_is_not_named(extractor):
    text = ("PT Pertamina Refinery Unit (RU) IV Cilacap membina kelompok perajin. Menurut Pertamina RU IV, "
            "Pertamina akan terus mendampingi.")
    found = items(extractor, text)
    assert len(found) == 1
    assert found[0]["name"] == "PT Pertamina Refinery Unit (RU) IV Cilacap"
    assert {"Pertamina RU IV", "Pertamina"} <= set(found[0]["aliases"])


@pytest.mark.parametrize("text, unit", [
    ("PLN UID Jawa Barat memasang listrik gratis.", "PLN UID Jawa Barat"),
    ("Perwakilan Bank Indonesia (BI) Maluku menggelar pelatihan tenun.", "Perwakilan Bank Indonesia (BI) Maluku"),
    ("Kegiatan itu didukung Bank Indonesia cabang Bengkulu.", "Bank Indonesia cabang Bengkulu"),
])
def test_company_units(extractor, text, unit):
    assert unit in names(extractor, text)


def test_region_after_a_known_name_joins_the_unit_there(extractor):
    text = ("Bank Indonesia fokus pada UMKM. Kegiatan Bank Indonesia cabang Bengkulu melibatkan petani. "
            "Pimpinan BI Bengkulu mengatakan hasilnya baik.")
    found = items(extractor, text)
    assert len(found) == 2
    assert "BI Bengkulu" in entity(extractor, text, "Bank Indonesia cabang Bengkulu")["aliases"]


def test_misspelt_unit_name_after_pt(extractor):
    text = ("Gedung PT. Krakatau Tirta Industri (KTI) Cilegon dipakai untuk seminar. Direktur PT. KTI Cilegob, "
            "Andi, hadir.")
    assert len(items(extractor, text)) == 1


def test_typo_merges_near_identical_names(extractor):
    text = ("Mahasiswa Universitas Nusa Bangsa Mandiri mengajar. Dosen Universitas Nusa Bangsa Mandrii "
            "mendampingi.")
    assert len(items(extractor, text)) == 1


def test_same_body_in_two_regions_stays_two(extractor):
    text = ("Dinas Perindustrian dan Perdagangan Provinsi Maluku menggelar bimtek. Kepala Dinas Perindustrian dan "
            "Perdagangan Kota Tual membuka acara.")
    assert len(items(extractor, text)) == 2


def test_abbreviated_and_written_out_body_merge(extractor):
    text = ("Dinas Pemberdayaan Masyarakat dan Desa (DPMD) Provinsi Nusa Tenggara Timur menggelar rakor. "
            "Kepala Dinas PMD NTT membuka acara. DPMD Provinsi NTT juga menyerahkan mesin.")
    assert len(items(extractor, text)) == 1


def test_pemkab_and_pemerintah_kabupaten_merge(extractor):
    text = ("Pemerintah Kabupaten Banyumas menyiapkan lahan. Pemkab Banyumas juga memberi bibit.")
    found = items(extractor, text)
    assert [it["name"] for it in found] == ["Pemerintah Kabupaten Banyumas"]
    assert found[0]["aliases"] == ["Pemkab Banyumas"]  # not the bare "Pemerintah Kabupaten"


def test_known_body_with_and_without_kota_merges(extractor):
    text = ("Badan Amil Zakat Nasional (Baznas) Kota Padang menyalurkan modal. Ketua Baznas Kota Padang hadir. "
            "Tahun lalu Baznas Padang membantu 300 mustahik.")
    assert len(items(extractor, text)) == 1


def test_known_body_of_a_kota_and_of_a_kabupaten_stay_two(extractor):
    text = "Baznas Kota Bandung dan Baznas Kabupaten Bandung menandatangani kerja sama."
    assert len(items(extractor, text)) == 2


@pytest.mark.parametrize("text, name, kind", [
    ("CV Anugerah Rasa membuka gerai.", "CV Anugerah Rasa", "company"),
    ("Dinas Sosial Kota Kendari membagikan bantuan.", "Dinas Sosial Kota Kendari", "government"),
    ("KSP Sejahtera Bersama membuka cabang.", "KSP Sejahtera Bersama", "cooperative"),
    ("Kelompok Wanita Tani Melati panen sayur.", "Kelompok Wanita Tani Melati", "community"),
    ("Yayasan Cahaya Pesisir membagikan buku.", "Yayasan Cahaya Pesisir", "ngo"),
    ("Politeknik Negeri Kendari membuka prodi baru.", "Politeknik Negeri Kendari", "university"),
    ("BPR Artha Sentosa menyalurkan kredit.", "BPR Artha Sentosa", "bank"),
])
def test_kind_comes_from_the_form_word(extractor, text, name, kind):
    assert entity(extractor, text, name)["kind"] == kind


@pytest.mark.parametrize("text, outlet", [
    ("Kendari (ANTARA) - Koperasi Tani Subur membuka gerai baru.", "ANTARA"),
    ("KENDARI, Kompas.com - Koperasi Tani Subur membuka gerai baru.", "Kompas.com"),
    ("CILEGON, Beritadaerah.com – Koperasi Tani Subur membuka gerai baru.", "Beritadaerah.com"),
    ("PALEMBANG, RADAR SRIWIJAYA — Koperasi Tani Subur membuka gerai baru.", "RADAR SRIWIJAYA"),
    ("Foto: Tribun Kendari", "Tribun Kendari"),
])
def test_outlets_are_flagged_media(extractor, text, outlet):
    found = extractor.extract(text, [])
    media = [m for m in found if m.value.get("media")]
    assert [m.text for m in media] == [outlet]
    assert all(m.value["kind"] == "media" and m.label == "media" for m in media)
    # outlets never become programme organisations
    kept = merge_orgs([m for m in found if not m.value.get("media")], extractor.legal_key_words)
    assert all(outlet not in it["name"] for it in kept)


def test_university_web_address_is_not_an_outlet(extractor):
    found = extractor.extract("Info lengkap di www.unib.ac.id dan kampus.ac.id setiap hari.", [])
    assert not [m for m in found if m.value.get("media")]


def test_evidence_source_names_the_rule(extractor):
    found = extractor.extract("Bantuan disalurkan PT Mitra Karya Lestari kemarin.", [])
    assert found[0].source.startswith("rule:org_forms.jsonl:")


_PIECES = ["PT", "PT.", "Dinas", "Koperasi", "Kelompok Tani", "Bank", "BRI", "Pertamina", "RU", "IV", "(", ")", "(Persero)",
           "Tbk", ",", ".", "dan", "&", "Kabupaten", "Banyumas", "Sinar", "Jaya", "KWMS", "\n", "–", "yang", "Foundation",
           "Kepala", "Kadis", "“", "binaan", "(ANTARA)", "Kompas.com", "Desa", "2", "Budi", "Santoso"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40))
def test_any_text_gives_valid_mentions(extractor, pieces):
    text = " ".join(pieces)
    found = extractor.extract(text, [])
    for m in found:
        assert text[m.start:m.end] == m.text
        assert m.kind == "org" and m.value["kind"] in {"company", "government", "cooperative", "community", "ngo",
                                                       "university", "bank", "media", "other"}
    for it in merge_orgs([m for m in found if not m.value.get("media")], extractor.legal_key_words):
        assert it["name"] and it["name"] == clean_org_name(it["name"])
