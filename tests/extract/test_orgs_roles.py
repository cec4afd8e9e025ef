"""The role a phrase around a name gives the organisation (organizer, partner, beneficiary).

All sentences are made up for these tests (fictional companies and groups, real region names)."""
from __future__ import annotations

import pytest

from org_helpers import entity, shared_extractor
from pipeline.extract.orgs import OrgExtractor


@pytest.fixture(scope="module")
def extractor() -> OrgExtractor:
    return shared_extractor()


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
