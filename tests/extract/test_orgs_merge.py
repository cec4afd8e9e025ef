"""Organisation forms that name one body within an article: a company form before a known name, a regional
government written as Pemda and as Pemkab, an acronym with its region written two ways, an acronym spelling a
name the article writes out.

All sentences are made up for these tests (fictional groups and people, real region names and known bodies)."""
from __future__ import annotations

from pathlib import Path

import pytest

from org_helpers import make_extractor
from pipeline.extract.orgs import OrgExtractor
from pipeline.normalize.orgs import merge_orgs, places_compatible
from pipeline.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def extractor() -> OrgExtractor:
    return make_extractor()


def items(extractor, text):
    found = extractor.extract(text, [], [])
    return merge_orgs([m for m in found if not m.excluded and not m.value.get("media")], extractor.legal_key_words)


def test_a_company_form_before_a_known_name_is_that_organisation(extractor):
    text = ("Perum Jamkrindo menanam 2.000 pohon di Sukabumi. Menurut Jamkrindo, penanaman itu bagian dari "
            "tanggung jawab sosial perusahaan.\n")
    found = items(extractor, text)
    assert len(found) == 1 and {"Perum Jamkrindo", "Jamkrindo"} <= {found[0]["name"], *found[0]["aliases"]}


def test_bank_and_the_known_short_name_are_one(extractor):
    text = "Bantuan disalurkan lewat Bank Himbara. Rekening Himbara dibuka secara kolektif.\n"
    assert len(items(extractor, text)) == 1


@pytest.mark.parametrize("pemda, pemkab", [
    ("Pemda Sambas", "Pemerintah Kabupaten Sambas"),
    ("Pemerintah Daerah Lembata", "Pemerintah Kabupaten Lembata"),
    ("Pemda Kota Kupang", "Pemerintah Kota Kupang"),
])
def test_pemda_is_the_regional_government_of_its_region(extractor, pemda, pemkab):
    text = f"Pelatihan itu didukung {pemkab}. Kepala dinas menyebut {pemda} siap berkolaborasi.\n"
    found = items(extractor, text)
    assert [it["name"] for it in found] == [pemkab]
    assert pemda in found[0]["aliases"]


def test_pemda_of_another_region_stays_apart(extractor):
    text = "Pelatihan itu didukung Pemerintah Kabupaten Sambas. Pemda Bengkayang juga mengirim peserta.\n"
    assert len(items(extractor, text)) == 2


def test_a_region_written_two_ways_is_one_region():
    assert places_compatible("DKI Jakarta", "Daerah Khusus Jakarta")
    assert places_compatible("Provinsi DKI Jakarta", "Jakarta")
    assert not places_compatible("Jawa Barat", "Jawa Timur")


def test_an_acronym_with_its_region_written_two_ways_is_the_same_body(extractor):
    text = ("Badan Pengembangan Sumber Daya Manusia (BPSDM) Provinsi DKI Jakarta menggelar pelatihan ASN. "
            "Kepala BPSDM DKI Jakarta membuka acara. Inovasi BPSDM Daerah Khusus Jakarta dipuji peserta.\n")
    assert len(items(extractor, text)) == 1


def test_an_acronym_after_a_position_joins_the_name_it_spells(extractor):
    text = ("Dinas Pemberdayaan Masyarakat dan Kampung menggelar sosialisasi di Timika. "
            "Kepala DPMK Mimika, Yohanes Kum, membuka kegiatan itu.\n")
    found = items(extractor, text)
    assert len(found) == 1 and "DPMK Mimika" in found[0]["aliases"]


def test_a_known_company_cut_short_after_its_legal_form(extractor):
    found = items(extractor, "Paket dikirim lewat PT Pos Indonesia. Warga bisa mengambil paket di kantor "
                             "PT Pos terdekat.")
    assert [(it["name"], it["aliases"]) for it in found] == [("PT Pos Indonesia", ["PT Pos"])]


def test_the_form_word_with_the_name_a_bracket_gives(extractor):
    found = items(extractor, "Pendampingan dibantu Yayasan Peduli untuk Desa (Padesa). Menurut Yayasan Padesa, "
                             "program berlanjut.")
    assert len(found) == 1 and "Yayasan Padesa" in found[0]["aliases"]


def test_an_acronym_with_another_region_than_its_definition_is_another_body(extractor):
    found = items(extractor, "Kegiatan digelar Dinas Pemberdayaan Masyarakat Desa (DPMD) Kabupaten Banyumas. Hadir "
                             "pula Kepala Bidang DPMD Jawa Tengah, Rudi.")
    assert [it["name"] for it in found] == ["Dinas Pemberdayaan Masyarakat Desa (DPMD) Kabupaten Banyumas",
                                            "DPMD Jawa Tengah"]
