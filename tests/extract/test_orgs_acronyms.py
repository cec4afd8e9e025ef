"""Acronyms within an article: defined in brackets or after "atau", used later, written with one region or
several.

All sentences are made up for these tests (fictional companies and groups, real region names)."""
from __future__ import annotations

import pytest

from org_helpers import entity, items, names, shared_extractor
from pipeline.extract.orgs import OrgExtractor


@pytest.fixture(scope="module")
def extractor() -> OrgExtractor:
    return shared_extractor()


def test_bracketed_acronym_merges_with_later_uses(extractor):
    text = ("Koperasi Wanita Melati Sejahtera (KWMS) menggelar pelatihan. Pengurus KWMS mengatakan pelatihan "
            "diikuti 40 orang. KWMS Banyumas juga membuka toko.")
    it = entity(extractor, text, "KWMS")
    assert it["name"] == "Koperasi Wanita Melati Sejahtera (KWMS)"
    assert len(it["mentions"]) == 3 and it["kind"] == "cooperative"


def test_acronym_first_full_name_later(extractor):
    text = "KWMS menggelar pameran. Pameran itu dibuka Ketua Koperasi Wanita Melati Sejahtera, Ani."
    assert names(extractor, text) == ["Koperasi Wanita Melati Sejahtera"]


def test_acronym_bracket_with_the_rest_of_the_name(extractor):
    text = ("Organisasi Aksi Peduli Desa Mandiri Sejahtera (OAPD Mandiri Sejahtera) bersama warga menanam pohon. "
            "OAPD juga membagikan bibit.")
    assert len(items(extractor, text)) == 1


def test_ministry_acronym_inside_its_name(extractor):
    text = ("Kementerian Koperasi (Kemenkop) dan UKM memberi pelatihan. Kemenkop UKM juga menggandeng bank. "
            "Kemenkop berharap koperasi tumbuh.")
    assert len(items(extractor, text)) == 1


def test_alternative_name_in_brackets(extractor):
    text = "Yayasan Desa Lestari Nusantara (Delestara Foundation) melatih warga. Delestara Foundation juga hadir."
    assert len(items(extractor, text)) == 1


def test_acronym_for_the_leading_words(extractor):
    text = "PT Sinar Bahari Group membagikan sembako. Panitia dari SB Group berjumlah 50 orang."
    assert len(items(extractor, text)) == 1


def test_full_form_with_its_short_form_in_brackets(extractor):
    text = ("Dinas Pertanian dan Pangan Kabupaten Lombok Barat (Distan Lombok Barat) menyalurkan benih. "
            "Kepala Distan Kabupaten Lombok Barat mengatakan benih cukup. Distan Lombok Barat juga melatih petani.")
    found = items(extractor, text)
    assert [it["name"] for it in found] == ["Dinas Pertanian dan Pangan Kabupaten Lombok Barat"]
    assert "Distan Lombok Barat" in found[0]["aliases"]
    assert "Dinas Pertanian dan Pangan Kabupaten Lombok Barat (Distan Lombok Barat)" in found[0]["aliases"]


def test_a_shorter_name_after_atau_is_the_same_organisation(extractor):
    its = items(extractor, "Dana CSR berasal dari PT Bank Pembangunan Daerah Kalimantan Barat atau Bank Kalbar "
                           "sebesar Rp 500 juta.")
    assert len(its) == 1 and "Bank Kalbar" in its[0]["aliases"]


def test_two_bodies_joined_by_atau_stay_two(extractor):
    assert sorted(names(extractor, "Warga dapat mendaftar ke Dinas Koperasi atau Dinas Perindustrian Kabupaten "
                                   "Sleman.")) == ["Dinas Koperasi", "Dinas Perindustrian Kabupaten Sleman"]


def test_an_acronym_written_with_several_regions_names_several_units(extractor):
    its = {it["name"] for it in items(extractor, (
        "Pelatihan digelar di tiga Balai Pelatihan Vokasi dan Produktivitas (BPVP), yaitu BPVP Ambon, BPVP "
        "Kendari, dan BPVP Ternate. Kepala BPVP Ambon, Budi Santoso, membuka acara."))}
    assert {"BPVP Ambon", "BPVP Kendari", "BPVP Ternate"} <= its


def test_an_acronym_written_with_one_region_is_that_body(extractor):
    its = items(extractor, "Dinas Koperasi dan UKM (Diskop UKM) Aceh melatih 35 pelaku usaha. Kepala Diskop UKM "
                           "Aceh, Teuku Rizal, hadir.")
    assert len(its) == 1


def test_an_acronym_written_with_the_legal_form(extractor):
    it = entity(extractor, "Petani belajar di PT Sinar Karya Abadi (PT SKA), Kecamatan Parindu. Menurut PT SKA, "
                           "kebun itu luas.", "PT SKA")
    assert it["name"] == "PT Sinar Karya Abadi"
    assert len(items(extractor, "Petani belajar di PT Sinar Karya Abadi (PT SKA). Menurut PT SKA, kebun luas.")) == 1
