"""Organisations: name cleaning, comparison keys, acronyms, finding names by form word and by the alias table,
company units versus their parent, kinds, roles, news outlets, and merging within one article.

All sentences are made up for these tests (fictional companies and groups, real region names)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from org_helpers import items, make_extractor
from pipeline.extract.orgs import OrgExtractor, tokenize
from pipeline.normalize.orgs import acronym_matches, bracket_variants, clean_org_name, merge_orgs, org_key
from pipeline.rules import load_rules
from pipeline.types import Mention, Region

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data" / "gazetteer"


@pytest.fixture(scope="module")
def extractor() -> OrgExtractor:
    return make_extractor()


def entity(extractor, text, name):
    """The merged item whose name or aliases hold ``name`` (case-insensitive)."""
    for it in items(extractor, text):
        if name.casefold() in {n.casefold() for n in [it["name"], *it["aliases"]]}:
            return it
    raise AssertionError(f"{name!r} not found in {[it['name'] for it in items(extractor, text)]}")


def names(extractor, text):
    return [it["name"] for it in items(extractor, text)]


# --- cleaning and keys ---------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, clean", [
    ("PT Sinar Bahari Energi,", "PT Sinar Bahari Energi"),                       # stray punctuation
    ("“Koperasi Melati Sejahtera”", "Koperasi Melati Sejahtera"),                 # quotes
    ("Dinas Koperasi\nKabupaten Banyumas", "Dinas Koperasi Kabupaten Banyumas"),  # line break
    ("Kelompok Tani Sumber Makmur yang", "Kelompok Tani Sumber Makmur"),          # dangling function word
    ("dan Yayasan Cahaya Desa", "Yayasan Cahaya Desa"),
    ("PT. Sinar Bahari (Persero) Tbk.", "PT. Sinar Bahari (Persero) Tbk"),        # legal forms stay
    ("Balai Latihan Kerja (BLK", "Balai Latihan Kerja (BLK)"),                   # bracket left open
    ("Radar Kota)", "Radar Kota"),                                               # bracket closing nothing
    ("Universitas Nusa ( UNB )", "Universitas Nusa (UNB)"),
])
def test_clean_org_name(raw, clean):
    assert clean_org_name(raw) == clean


@pytest.mark.parametrize("a, b", [
    ("PT. Sinar Bahari Energi (Persero) Tbk", "Sinar Bahari Energi"),
    ("CV Maju & Jaya", "CV Maju dan Jaya"),
    ("PT SINAR BAHARI", "Sinar Bahari"),
])
def test_org_key_ignores_legal_forms_case_and_punctuation(a, b):
    assert org_key(a) == org_key(b)


def test_org_key_keeps_the_words_that_name_the_body():
    assert org_key("Dinas Pertanian") != org_key("Dinas Peternakan")


# --- acronyms --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("acronym, words", [
    ("KPSM", "Koperasi Perempuan Sejahtera Mandiri"),          # initials
    ("PPSDM", "Badan Pengembangan dan Pemberdayaan Sumber Daya Manusia"),  # form word and connector skipped
    ("Dispora", "Dinas Pemuda dan Olahraga"),                  # syllables
    ("Balatmas", "Balai Latihan Masyarakat"),
    ("Perindag", "Perindustrian dan Perdagangan"),             # a syllable from inside a word
    ("UPT-PPT", "Unit Pelaksana Teknis Pengembangan dan Produktivitas Transmigrasi"),
    ("Babel", "Bangka Belitung"),
])
def test_acronym_matches(acronym, words):
    assert acronym_matches(acronym, words.split())


@pytest.mark.parametrize("acronym, words", [
    ("KPSM", "Koperasi Petani Sawit"),          # a letter too many
    ("BUM", "Kelompok Tani Harapan Jaya"),
    ("PKK", "Dinas Pertanian"),
    ("UMKM", "Yayasan"),
])
def test_acronym_does_not_match(acronym, words):
    assert not acronym_matches(acronym, words.split())


def test_bracket_variants_replace_what_the_acronym_names():
    assert bracket_variants("PT Sinar Refinery Unit (RU) IV Cilacap") == [
        "PT Sinar Refinery Unit IV Cilacap", "PT Sinar RU IV Cilacap"]


# --- finding names by form word ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Pelatihan digelar PT Sinar Bahari Energi di Cilacap.", "PT Sinar Bahari Energi"),
    ("Bantuan disalurkan PT. Mitra Karya Lestari kepada nelayan.", "PT. Mitra Karya Lestari"),
    ("Produk dipasarkan CV Anugerah Rasa ke luar kota.", "CV Anugerah Rasa"),
    ("Anggota Koperasi Wanita Melati Sejahtera ikut pameran.", "Koperasi Wanita Melati Sejahtera"),
    ("Bibit dibagikan kepada Kelompok Tani Sumber Makmur di desa itu.", "Kelompok Tani Sumber Makmur"),
    ("Gapoktan Harapan Baru menerima traktor.", "Gapoktan Harapan Baru"),
    ("Mahasiswa Universitas Nusa Bangsa mengajar di sana.", "Universitas Nusa Bangsa"),
    ("Relawan Yayasan Cahaya Pesisir membagikan buku.", "Yayasan Cahaya Pesisir"),
    ("Warga mendatangi pondok pesantren Darul Ilmi di desa itu.", "pondok pesantren Darul Ilmi"),
])
def test_form_word_starts_a_name(extractor, text, name):
    assert name in names(extractor, text)


@pytest.mark.parametrize("text, name", [
    # connectors and '&' inside a name, bracketed acronym, region after it
    ("Kegiatan didampingi Dinas Perindustrian Koperasi & Usaha Kecil Menengah (DPUKM) Kabupaten Banyumas, "
     "Jawa Tengah.", "Dinas Perindustrian Koperasi & Usaha Kecil Menengah (DPUKM) Kabupaten Banyumas"),
    ("Pelatihan diadakan oleh Dinas Kelautan dan Perikanan Kota Kendari bersama warga.",
     "Dinas Kelautan dan Perikanan Kota Kendari"),
    ("Sertifikat diberikan Direktorat Penelitian dan Pengabdian kepada Masyarakat kampus itu.",
     "Direktorat Penelitian dan Pengabdian kepada Masyarakat"),
    # 'kepada' after a finished name starts what is given to whom
    ("Bantuan modal dari PT. Sinar Energi (Persero) kepada UMKM binaan disalurkan kemarin.",
     "PT. Sinar Energi (Persero)"),
    ("Bantuan dari Yayasan Sinar Harapan kepada Kelompok Tani Makmur diserahkan kemarin.", "Yayasan Sinar Harapan"),
    # a ministry named by a list
    ("Pelatihan dibuka Kementerian Desa, Pembangunan Daerah Tertinggal dan Transmigrasi kemarin.",
     "Kementerian Desa, Pembangunan Daerah Tertinggal dan Transmigrasi"),
    # lower-case words kept when the acronym after them spells them
    ("Peserta berasal dari Lembaga Pembinaan Pemberdayaan Perempuan kepala keluarga (LPP-PEKKA) setempat.",
     "Lembaga Pembinaan Pemberdayaan Perempuan kepala keluarga (LPP-PEKKA)"),
])
def test_name_runs_over_connectors_brackets_and_region(extractor, text, name):
    assert name in names(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("Kepala Badan PPSDM Joko Santoso membuka acara itu.", "Badan PPSDM"),                 # a person after an acronym
    ("Kepala Dinas Pariwisata Kabupaten Banyumas Siti Aminah hadir.",
     "Dinas Pariwisata Kabupaten Banyumas"),                                                # a person after the region
    ("Ketua Koperasi Tani Subur, Ahmad Yani, menyambut baik.", "Koperasi Tani Subur"),
])
def test_person_after_an_organisation_is_not_part_of_it(extractor, text, name):
    assert names(extractor, text) == [name]


def test_person_after_a_name_used_alone_elsewhere_is_cut(extractor):
    text = ("PT BPR Sinar Pesisir menyalurkan kredit. Direktur Utama PT BPR Sinar Pesisir Budi Santoso mengatakan "
            "kredit itu murah.")
    assert names(extractor, text) == ["PT BPR Sinar Pesisir"]


@pytest.mark.parametrize("text", [
    "BUMN harus hadir bagi UMKM, kata dia.",
    "Pemerintah terus mendorong koperasi.",
    "Pemda dan Pemerintah Desa diminta membantu.",
    "Acara digelar di Balai Desa Sukamaju, Senin.",
    "Badan Usaha Milik Negara (BUMN) itu berkembang.",
])
def test_generic_words_and_venues_are_not_organisations(extractor, text):
    assert names(extractor, text) == []


@pytest.mark.parametrize("text, name", [
    # group nouns that are also positions for people ("Petani", "Pengusaha") stay inside a name
    ("Ia tergabung dalam Himpunan Petani Muda Banyumas (HPMB) sejak lama.", "Himpunan Petani Muda Banyumas (HPMB)"),
    # a word that is also a village name does not end a ministry's list name
    ("Program itu didukung Dinas Tanaman Pangan, Hortikultura dan Perkebunan Kabupaten Siak.",
     "Dinas Tanaman Pangan, Hortikultura dan Perkebunan Kabupaten Siak"),
    # an honorific starts a person's name
    ("Ketua Koperasi Tani Subur H. Ahmad Yani membuka rapat.", "Koperasi Tani Subur"),
    # a region inside a name with one more word after it
    ("Relawan Yayasan Bali Sejahtera membagikan buku.", "Yayasan Bali Sejahtera"),
])
def test_where_a_name_stops(extractor, text, name):
    assert names(extractor, text) == [name]


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


def test_head_word_makes_a_capitalised_run_an_organisation(extractor):
    assert "Samudra Peduli Foundation" in names(extractor, "Dana itu berasal dari Samudra Peduli Foundation tahun lalu.")


def test_kadis_names_the_dinas(extractor):
    it = entity(extractor, "Plt. Kadis Koperasi UMKM Banyumas, Rina, hadir. Dinas Koperasi UMKM Banyumas "
                           "memberi izin.", "Dinas Koperasi UMKM Banyumas")
    assert it["kind"] == "government" and len(it["mentions"]) == 2


# --- known organisations ------------------------------------------------------------------------------------

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


def test_programme_word_does_not_extend_a_company(extractor):
    assert names(extractor, "Melalui program PLN Peduli, warga mendapat bantuan.") == ["PLN"]


def test_unknown_acronym_in_a_list_of_organisations(extractor):
    found = names(extractor, "Pelatihan didukung USAID, LPMKS, dan TNI di desa itu.")
    assert "LPMKS" in found


def test_unknown_acronym_after_a_position(extractor):
    assert "PIKWI" in names(extractor, "Direktur PIKWI, Laura Santika, membuka acara.")


def _spans(text, *pieces, label="ORG"):
    return [(m.start(), m.end(), label) for p in pieces for m in re.finditer(re.escape(p), text)]


@pytest.mark.parametrize("text", [
    "Pelatihan itu bekerja sama dengan Sahabat Tani Lestari sejak awal.",            # after a role cue
    "Sahabat Tani Lestari melatih warga. Menurut Sahabat Tani Lestari, hasilnya baik.",  # written twice
])
def test_ner_org_span_adds_an_organisation_the_article_backs(extractor, text):
    found = items(extractor, text, ner=_spans(text, "Sahabat Tani Lestari"))
    assert [it["name"] for it in found] == ["Sahabat Tani Lestari"]


@pytest.mark.parametrize("text, span", [
    ("Warga Sahabat Tani Lestari menanam padi.", "Sahabat Tani Lestari"),       # once, no cue
    ("Pelatihan bekerja sama dengan Kabupaten Banyumas.", "Kabupaten Banyumas"),  # a region
    ("Acara itu dibuka General Manager Zona, kemarin.", "General Manager Zona"),    # a position
])
def test_doubtful_ner_org_spans_are_dropped(extractor, text, span):
    assert items(extractor, text, ner=_spans(text, span)) == []


def test_ner_person_span_right_after_the_form_word_is_the_name(extractor):
    text = "Kepala Sentra Budi Perkasa, Wahyu, membuka pelatihan."
    found = items(extractor, text, ner=_spans(text, "Budi Perkasa", label="PER"))
    assert [it["name"] for it in found] == ["Sentra Budi Perkasa"]


def test_ner_person_span_ends_a_name(extractor):
    text = "Ketua Koperasi Tani Subur Andi Wijaya mengatakan panen naik."
    s = text.index("Andi")
    found = items(extractor, text, ner=[(s, s + len("Andi Wijaya"), "PER")])
    assert [it["name"] for it in found] == ["Koperasi Tani Subur"]


def test_ner_org_span_after_the_word_program_is_a_programme(extractor):
    text = ("Dinas Pertanian menjalankan program Tani Muda Berdaya (Gerakan Petani Muda). "
            "Tahun ini Tani Muda Berdaya menjangkau lima desa.")
    assert "Tani Muda Berdaya" not in names(extractor, text, ) and \
        [it["name"] for it in items(extractor, text, ner=_spans(text, "Tani Muda Berdaya"))] == ["Dinas Pertanian"]


@pytest.mark.parametrize("text, per, name", [
    # one word, a region: the model tags place words as PER
    ("Pemimpin BRI Kantor Cabang Banyumas, Agus, membuka pelatihan.", "Banyumas", "BRI Kantor Cabang Banyumas"),
    # a word never in a person's name: the end of a group's name
    ("Ketua Kelompok Tenun Ikat Sekar Mandiri, Maria, mengatakan kain laku.", "Sekar Mandiri",
     "Kelompok Tenun Ikat Sekar Mandiri"),
])
def test_ner_person_span_that_is_no_person_does_not_cut_a_name(extractor, text, per, name):
    assert name in [it["name"] for it in items(extractor, text, ner=_spans(text, per, label="PER"))]


def test_ner_loc_span_that_is_no_known_region_does_not_lengthen_a_name(extractor):
    text = "Kepala BPJS Ketenagakerjaan Jateng & DIY Suryo Wibowo membuka acara."
    s = text.index("DIY")
    found = items(extractor, text, ner=[(s, s + len("DIY Suryo Wibowo"), "LOC")])
    assert [it["name"] for it in found] == ["BPJS Ketenagakerjaan Jateng & DIY"]


# --- acronyms within an article ---------------------------------------------------------------------------

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


# --- company units and their parent -------------------------------------------------------------------------

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


def test_acronym_for_the_leading_words(extractor):
    text = "PT Sinar Bahari Group membagikan sembako. Panitia dari SB Group berjumlah 50 orang."
    assert len(items(extractor, text)) == 1


@pytest.mark.parametrize("text, name", [
    # a government body named by a list, one item an acronym
    ("Ia meminta Dinas Koperasi, UKM dan Perdagangan Kabupaten Banyumas ikut membantu.",
     "Dinas Koperasi, UKM dan Perdagangan Kabupaten Banyumas"),
    ("Peserta didampingi Dinas Perindustrian, IKM dan Tenaga Kerja Kota Tegal.",
     "Dinas Perindustrian, IKM dan Tenaga Kerja Kota Tegal"),
    # a category acronym right after a community form word leaves the name open
    ("Ketua Paguyuban UMKM Sekar Wangi, Lestari, mengaku terbantu.", "Paguyuban UMKM Sekar Wangi"),
    # after a bracketed acronym, words running to a region are still the name, not a person
    ("Uji kompetensi bekerja sama dengan Lembaga Sertifikasi Profesi (LSP) Kuliner Nusantara Jawa Tengah.",
     "Lembaga Sertifikasi Profesi (LSP) Kuliner Nusantara Jawa Tengah"),
    # an owner's business after "pemilik"
    ("Pelatih batik, Sumirah, yang juga pemilik Batik Kembang Setaman, membagikan tips.", "Batik Kembang Setaman"),
    # a nationwide network named with its city
    ("Peserta dibimbing tim Rumah BUMN Pekalongan untuk memotret produk.", "Rumah BUMN Pekalongan"),
])
def test_names_without_plain_form_word_runs(extractor, text, name):
    assert name in names(extractor, text)


@pytest.mark.parametrize("text", [
    "Ketua Lembaga Sertifikasi Profesi (LSP) Bambang Hartono membuka ujian.",  # a person, no region after him
    "Sarmini, pemilik warung, mengaku senang.",                                # no capitalised business name
])
def test_no_name_runs_on_into_a_person(extractor, text):
    assert all("Bambang" not in n and n != "warung" for n in names(extractor, text))


def test_full_form_with_its_short_form_in_brackets(extractor):
    text = ("Dinas Pertanian dan Pangan Kabupaten Lombok Barat (Distan Lombok Barat) menyalurkan benih. "
            "Kepala Distan Kabupaten Lombok Barat mengatakan benih cukup. Distan Lombok Barat juga melatih petani.")
    found = items(extractor, text)
    assert [it["name"] for it in found] == ["Dinas Pertanian dan Pangan Kabupaten Lombok Barat"]
    assert "Distan Lombok Barat" in found[0]["aliases"]
    assert "Dinas Pertanian dan Pangan Kabupaten Lombok Barat (Distan Lombok Barat)" in found[0]["aliases"]


def test_known_body_with_and_without_kota_merges(extractor):
    text = ("Badan Amil Zakat Nasional (Baznas) Kota Padang menyalurkan modal. Ketua Baznas Kota Padang hadir. "
            "Tahun lalu Baznas Padang membantu 300 mustahik.")
    assert len(items(extractor, text)) == 1


def test_known_body_of_a_kota_and_of_a_kabupaten_stay_two(extractor):
    text = "Baznas Kota Bandung dan Baznas Kabupaten Bandung menandatangani kerja sama."
    assert len(items(extractor, text)) == 2


# --- kind and role ---------------------------------------------------------------------------------------

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


@pytest.mark.parametrize("text, name, role", [
    ("Kelompok Tani Sumber Makmur merupakan binaan PT Sinar Bahari Energi.", "PT Sinar Bahari Energi", "organizer"),
    ("Kelompok Tani Sumber Makmur merupakan binaan PT Sinar Bahari Energi.", "Kelompok Tani Sumber Makmur",
     "beneficiary"),
    ("Pelatihan ini bekerja sama dengan Yayasan Cahaya Pesisir.", "Yayasan Cahaya Pesisir", "partner"),
    ("Perusahaan menggandeng Universitas Nusa Bangsa untuk riset.", "Universitas Nusa Bangsa", "partner"),
    ("Kegiatan didampingi Dinas Pertanian Kabupaten Banyumas.", "Dinas Pertanian Kabupaten Banyumas", "partner"),
    ("Pelatihan diselenggarakan oleh Koperasi Tani Subur di balai desa.", "Koperasi Tani Subur", "organizer"),
    ("Bantuan dari PT Mitra Karya Lestari tiba kemarin.", "PT Mitra Karya Lestari", "organizer"),
    ("Yayasan Cahaya Pesisir menggelar pelatihan menjahit.", "Yayasan Cahaya Pesisir", "organizer"),
])
def test_role_from_cues(extractor, text, name, role):
    assert entity(extractor, text, name)["role"] == role


def test_role_is_none_without_a_cue(extractor):
    assert entity(extractor, "Menurut data Dinas Sosial Kota Kendari, angka itu naik.", "Dinas Sosial Kota Kendari")[
        "role"] is None


# --- news outlets -------------------------------------------------------------------------------------------

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
    assert all(outlet not in it["name"] for it in merge_orgs([m for m in found if not m.value.get("media")]))


def test_university_web_address_is_not_an_outlet(extractor):
    found = extractor.extract("Info lengkap di www.unib.ac.id dan kampus.ac.id setiap hari.", [])
    assert not [m for m in found if m.value.get("media")]


# --- regions that are not article text -------------------------------------------------------------------

def test_mentions_in_excluded_regions_are_skipped(extractor):
    text = "Koperasi Tani Subur membuka gerai.\nBaca juga: PT Sinar Bahari Energi Raih Penghargaan\nSelesai."
    start = text.index("Baca")
    end = text.index("\nSelesai")
    found = extractor.extract(text, [Region(start, end, "baca_juga")])
    assert [m.text for m in found] == ["Koperasi Tani Subur"]


def test_acronym_defined_only_in_an_excluded_region_is_not_used(extractor):
    text = "Baca juga: Koperasi Wanita Melati Sejahtera (KWMS) Juara\nKWMS membuka toko."
    end = text.index("\n")
    found = extractor.extract(text, [Region(0, end, "baca_juga")])
    assert all(not m.text.startswith("Koperasi") for m in found)


# --- mechanics ----------------------------------------------------------------------------------------------

def test_offsets_point_into_the_original_text(extractor):
    text = "  PT. Sinar Bahari (Persero) Tbk\r\nbekerja sama dengan Koperasi “Tani Subur” dan KSP Maju."
    for m in extractor.extract(text, []):
        assert text[m.start:m.end] == m.text


def test_evidence_source_names_the_rule(extractor):
    found = extractor.extract("Bantuan disalurkan PT Mitra Karya Lestari kemarin.", [])
    assert found[0].source.startswith("rule:org_forms.jsonl:")


def test_merge_orgs_works_on_plain_mentions():
    """Mentions without the extractor's hints (e.g. from NER) merge by their names alone."""
    def m(text, start):
        return Mention("org", text, start, start + len(text), "ner", {"name": text, "kind": "company"}, label="company")
    merged = merge_orgs([m("PT Sinar Bahari", 0), m("Sinar Bahari", 40), m("PT. Sinar Bahari Tbk", 80),
                         m("Koperasi Tani Subur", 120)])
    assert [x["name"] for x in merged] == ["PT. Sinar Bahari Tbk", "Koperasi Tani Subur"]
    assert merged[0]["kind"] == "company" and len(merged[0]["mentions"]) == 3


def test_merge_orgs_of_nothing():
    assert merge_orgs([]) == []


def test_tokenize_keeps_initials_and_hyphenated_words():
    assert [t.text for t in tokenize("Poktan P.P. Hidayah dan UPT-PPT")] == ["Poktan", "P.P.", "Hidayah", "dan",
                                                                            "UPT-PPT"]


def test_rule_files_are_valid():
    rules = load_rules([ROOT / "rules"])
    assert rules.get("org_forms") and rules.get("org_aliases") and rules.get("media") and rules.get("role_cues")


@pytest.mark.skipif(not (SHARED_DATA / "curated" / "bumn.csv").is_file(), reason="shared gazetteer data not present")
def test_generated_alias_file_is_up_to_date():
    """rules/org_aliases.jsonl is what scripts/build_org_aliases.py writes from the shared data."""
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_org_aliases.py"), "--check",
                        "--data", str(SHARED_DATA)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


# --- robustness ---------------------------------------------------------------------------------------------

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
    for it in merge_orgs([m for m in found if not m.value.get("media")]):
        assert it["name"] and it["name"] == clean_org_name(it["name"])


def test_ner_org_span_lengthens_a_rule_name_it_starts_with(extractor):
    text = "Koperasi Sinar abadi jaya membuka gerai baru."
    found = items(extractor, text, ner=[(0, len("Koperasi Sinar abadi jaya"), "ORG")])
    assert [it["name"] for it in found] == ["Koperasi Sinar abadi jaya"]


def test_rules_win_over_a_conflicting_ner_span(extractor):
    text = "Bantuan dari PT Mitra Karya Lestari tiba kemarin."
    s = text.index("Karya")
    found = items(extractor, text, ner=[(s, s + len("Karya Lestari tiba"), "ORG")])
    assert [it["name"] for it in found] == ["PT Mitra Karya Lestari"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="PTab ().&-KSUM", min_size=0, max_size=12), st.sampled_from(
    ["company", "other", None])), max_size=8))
def test_merge_orgs_accepts_any_names(pairs):
    mentions = [Mention("org", t or "x", i * 20, i * 20 + len(t or "x"), "ner", {"name": t, "kind": k})
                for i, (t, k) in enumerate(pairs)]
    merged = merge_orgs(mentions)
    assert sum(len(x["mentions"]) for x in merged) <= len(mentions)
    assert all(x["name"] for x in merged)


def test_a_shorter_name_after_atau_is_the_same_organisation(extractor):
    its = items(extractor, "Dana CSR berasal dari PT Bank Pembangunan Daerah Kalimantan Barat atau Bank Kalbar "
                           "sebesar Rp 500 juta.")
    assert len(its) == 1 and "Bank Kalbar" in its[0]["aliases"]


def test_two_bodies_joined_by_atau_stay_two(extractor):
    assert sorted(names(extractor, "Warga dapat mendaftar ke Dinas Koperasi atau Dinas Perindustrian Kabupaten "
                                   "Sleman.")) == ["Dinas Koperasi", "Dinas Perindustrian Kabupaten Sleman"]


@pytest.mark.parametrize("text, name", [
    ("Peserta berasal dari Badan Usaha Milik Gampong (BUMG) Sinar Pantai di Aceh Besar.",
     "Badan Usaha Milik Gampong (BUMG) Sinar Pantai"),
    ("Badan Usaha Milik Nagari (BUMNag) Tuah Saiyo menerima bantuan mesin.",
     "Badan Usaha Milik Nagari (BUMNag) Tuah Saiyo"),
])
def test_village_enterprises_of_every_region_keep_their_name_after_the_bracket(extractor, text, name):
    assert names(extractor, text) == [name]


def test_pemerintah_before_a_region_is_that_government(extractor):
    assert names(extractor, "Program itu sejalan dengan upaya Pemerintah Aceh memperluas ekspor kopi.") == \
        ["Pemerintah Aceh"]
    assert names(extractor, "Dana berasal dari Pemerintah Pusat melalui dana desa.") == []


def test_an_acronym_written_with_several_regions_names_several_units(extractor):
    its = {it["name"] for it in items(extractor, (
        "Pelatihan digelar di tiga Balai Pelatihan Vokasi dan Produktivitas (BPVP), yaitu BPVP Ambon, BPVP "
        "Kendari, dan BPVP Ternate. Kepala BPVP Ambon, Budi Santoso, membuka acara."))}
    assert {"BPVP Ambon", "BPVP Kendari", "BPVP Ternate"} <= its


def test_an_acronym_written_with_one_region_is_that_body(extractor):
    its = items(extractor, "Dinas Koperasi dan UKM (Diskop UKM) Aceh melatih 35 pelaku usaha. Kepala Diskop UKM "
                           "Aceh, Teuku Rizal, hadir.")
    assert len(its) == 1
