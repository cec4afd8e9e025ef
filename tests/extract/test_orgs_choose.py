"""Candidates checked and cut back: generic words and venues are no organisation, a form word inside a longer
name, two groups sharing one form word, names in a headline or before a person cut to the article's forms.

All sentences are made up for these tests (fictional companies and groups, real region names)."""
from __future__ import annotations

import pytest

from org_helpers import names, shared_extractor
from pipeline.extract.orgs import OrgExtractor


@pytest.fixture(scope="module")
def extractor() -> OrgExtractor:
    return shared_extractor()


@pytest.mark.parametrize("text", [
    "BUMN harus hadir bagi UMKM, kata dia.",
    "Pemerintah terus mendorong koperasi.",
    "Pemda dan Pemerintah Desa diminta membantu.",
    "Acara digelar di Balai Desa Sukamaju, Senin.",
    "Badan Usaha Milik Negara (BUMN) itu berkembang.",
])
def test_generic_words_and_venues_are_not_organisations(extractor, text):
    assert names(extractor, text) == []


def test_form_word_inside_a_longer_name_the_acronym_spells(extractor):
    assert names(extractor, "Warga mengikuti Rapat Kelompok Bulanan (RKB) di balai desa.") == []


def test_two_groups_sharing_one_form_word_are_split(extractor):
    text = ("Panen dilakukan Pokdakan Lele Jaya dan Pokdakan Mina Sari. Pelatihan diikuti Pokdakan Lele Jaya "
            "dan Mina Sari dari desa itu.")
    found = names(extractor, text)
    assert "Pokdakan Lele Jaya" in found and "Pokdakan Mina Sari" in found
    assert not any("dan" in n for n in found)


def test_headline_names_are_cut_back_to_forms_used_in_the_body(extractor):
    text = ("Yayasan Cahaya Pesisir Gelar Pelatihan Menjahit Untuk Nelayan\n\n"
            "Yayasan Cahaya Pesisir menggelar pelatihan menjahit bagi istri nelayan di Kendari.")
    assert names(extractor, text) == ["Yayasan Cahaya Pesisir"]


def test_person_after_a_name_used_alone_elsewhere_is_cut(extractor):
    text = ("PT BPR Sinar Pesisir menyalurkan kredit. Direktur Utama PT BPR Sinar Pesisir Budi Santoso mengatakan "
            "kredit itu murah.")
    assert names(extractor, text) == ["PT BPR Sinar Pesisir"]


def test_a_department_in_a_persons_position_is_no_body(extractor):
    assert names(extractor, "Menurut Kepala Departemen Humas dan Umum PT Semen Andalas, Budi Santoso, "
                            "program berjalan.") == ["PT Semen Andalas"]
    assert names(extractor, "Kepala Departemen Relasi dan Hukum Korporat, Budi Santoso, menegaskan "
                            "hal itu.") == []
    # written alone, a department stays
    assert names(extractor, "Departemen Sosial Perusahaan menggelar pelatihan.") == ["Departemen Sosial Perusahaan"]


@pytest.mark.parametrize("text", [
    "Sebanyak 30 pelajar mengikuti Pesantren Kilat Anak Nusantara di aula sekolah.",
    "Bupati meminta warga tidak meminjam uang ke Bank Emok.",
    "Dana Coorporate Social Responsibility disalurkan ke warga.",
])
def test_kinds_of_events_lenders_and_programmes_are_no_bodies(extractor, text):
    assert names(extractor, text) == []


@pytest.mark.parametrize("text", [
    "Pemerintah kampung berencana membuka Balai Latihan Kerja (BLK) khusus bagi pemuda setempat.",
    "Lulusan pelatihan itu kini bisa bekerja di dua RSUD dan belasan puskesmas di kabupaten.",
    "Ia berharap BLK yang baru dibangun segera dipakai warga desa.",
])
def test_a_regional_bodys_kind_alone_is_no_body(extractor, text):
    assert names(extractor, text) == []


@pytest.mark.parametrize("text, name", [
    ("Peserta dilatih oleh BLK Kabupaten Pasuruan selama dua pekan.", "BLK Kabupaten Pasuruan"),
    ("Instruktur dari Balai Latihan Kerja (BLK) Kota Malang ikut mengajar.", "Balai Latihan Kerja (BLK) Kota Malang"),
    ("Pasien dirujuk ke RSUD Sidoarjo pada hari yang sama.", "RSUD Sidoarjo"),
])
def test_a_regional_body_named_by_its_region_stays(extractor, text, name):
    assert name in names(extractor, text)


def test_a_balinese_hamlet_is_no_office(extractor):
    text = "Program ini memberdayakan perempuan di Banjar Dinas Sukasari, Kecamatan Abang, Kabupaten Karangasem."
    assert not [n for n in names(extractor, text) if n.startswith("Dinas")]
    assert "Dinas Sosial Kabupaten Banjar" in names(extractor, "Pelatihan dibuka Dinas Sosial Kabupaten Banjar kemarin.")
