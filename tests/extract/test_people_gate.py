"""People, what is not a person (extract/people/gate.py): places, organisations, headlines.

Every sentence here is made up for the test.
"""
from __future__ import annotations

import pytest

from people_helpers import body_by_name, body_names, by_name, people_of, shared_extractor


@pytest.fixture(scope="module")
def extractor():
    return shared_extractor()


# --- not people --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Sementara itu, program ini diikuti 40 peserta dari lima desa.",
    "Dia mengatakan kegiatan serupa akan digelar lagi.",
    "Pemerintah Kabupaten Sukamaju menyampaikan terima kasih kepada PT Sinar Tirta.",
    "Kegiatan itu dihadiri para Ibu PKK Desa Sukaraja.",
    "Bersama Pertiwi Energi, kelompok itu memasarkan produknya ke luar daerah. PT Pertiwi Energi memberikan modal.",
    "Kegiatan itu bernama Pelatihan Petani Tangguh dan digelar di aula desa.",
    "Kerja sama itu melibatkan Direktur Akademi Maritim Sukamaju.",
    "Camat Sukolilo mengatakan jalan desa segera diperbaiki.",
    "Pelatihan ini diadakan oleh Yayasan Cahaya Negeri di Desa Sukamaju.",
    "Menteri Koordinator Politik, Hukum, dan Keamanan membuka rapat itu.",
])
def test_not_people(extractor, text):
    assert body_names(people_of(extractor, text)) == []


def test_one_word_name_after_place_heading_needs_evidence(extractor):
    text = "Camat Sukolilo Hartono mengatakan jalan desa segera diperbaiki. “Mulai pekan depan,” ujar Hartono."
    people = by_name(people_of(extractor, text))
    assert list(people) == ["Hartono"]
    assert people["Hartono"]["title"] == "Camat Sukolilo"


def test_title_case_heading_gives_no_person(extractor):
    text = ("Sinar Tirta Bantu Petani Organik Tingkatkan Panen\n"
            "Koordinator kelompok, Darmaji, mengatakan hasil panen naik.")
    assert body_names(people_of(extractor, text)) == ["Darmaji"]


# --- headlines, names inside other names, places after a position --------------------------------------

def test_a_headline_position_comma_word_is_no_person_unless_named_again(extractor):
    text = ("Menteri Koperasi Tinjau Gudang Beras Sukamaju, Ingatkan soal Harga Gabah\n\n"
            "Menteri Koperasi Budi Santosa meninjau gudang beras di Sukamaju, Senin.")
    assert list(body_by_name(people_of(extractor, text))) == ["Budi Santosa"]
