"""People, reading a name (extract/people/names.py): names of many regions, particles, months, initials,
degrees.

Every sentence here is made up for the test.
"""
from __future__ import annotations

import pytest

from people_helpers import body_by_name, body_names, by_name, people_of, shared_extractor


@pytest.fixture(scope="module")
def extractor():
    return shared_extractor()


# --- names of many regions -----------------------------------------------------------------------

def test_lalu_at_a_sentence_start_means_then(extractor):
    text = ("Warga Desa Sukadana menerima bibit jagung. Lalu Sekretaris Desa Sukadana, Made Arta, membagikan "
            "pupuk. “Kami bersyukur,” ujar Made Arta. Warga lalu menanam bibit itu.")
    names = body_names(people_of(extractor, text))
    assert names == ["Made Arta"]


@pytest.mark.parametrize("text, name, title", [
    # Balinese names start with I (men) or Ni (women)
    ("Ketua Subak Abian Sari, I Ketut Wirawan, mengatakan panen kopi naik.", "I Ketut Wirawan",
     "Ketua Subak Abian Sari"),
    ("Perbekel Sukawati I Gede Mahendra menyambut baik program itu.", "I Gede Mahendra", "Perbekel Sukawati"),
    ("“Kami senang,” ujar Ni Kadek Ayu Lestari, pengelola koperasi.", "Ni Kadek Ayu Lestari", "pengelola koperasi"),
    # a roman numeral after a position or a generic noun is no Balinese I
    ("Wakil Ketua I Koperasi Sinar Pagi, Rahmat Hidayat, membuka acara.", "Rahmat Hidayat",
     "Wakil Ketua I Koperasi Sinar Pagi"),
    # Sasak noble names start with Lalu (men) or Baiq (women); "Lalu" is a name prefix only mid-sentence
    ("Kepala Bappeda Lombok Timur, Lalu Ahmad Zaini, membuka pelatihan itu.", "Lalu Ahmad Zaini",
     "Kepala Bappeda Lombok Timur"),
    ("“Bibit sudah kami bagikan,” ujar Lalu Hamdi, penyuluh pertanian.", "Lalu Hamdi", "penyuluh pertanian"),
    ("“Hasilnya bagus,” kata Baiq Rina Oktaviani, perajin tenun.", "Baiq Rina Oktaviani", "perajin tenun"),
    # Minangkabau "Datuk"/"Dt." is stripped like H. or Bapak
    ("Ketua Kerapatan Adat Nagari Sungai Tarab, Dt. Rajo Bagindo, memberi sambutan.", "Rajo Bagindo",
     "Ketua Kerapatan Adat Nagari Sungai Tarab"),
    # Batak women's names: br/boru before the clan name
    ("Ketua Kelompok Tenun Sada Roha, Mariani br Simbolon, mengatakan ulos laku.", "Mariani br Simbolon",
     "Ketua Kelompok Tenun Sada Roha"),
    ("“Kami butuh modal,” kata Lasmaria Br. Nainggolan, ketua kelompok tenun.", "Lasmaria Br. Nainggolan",
     "ketua kelompok tenun"),
    # Arabic names with bin and a hyphenated family name
    # Moh./Muh./Abd.: a short form with a dot inside the name
    ("Kepala Dinas Perikanan Sumenep, Moh. Hasan Basri, meninjau tambak.", "Moh. Hasan Basri",
     "Kepala Dinas Perikanan Sumenep"),
    # village heads by their regional names
    ("Reje Kampung Bukit Sari, Aman Syarifuddin, berharap pelatihan berlanjut.", "Aman Syarifuddin",
     "Reje Kampung Bukit Sari"),
    ("Geuchik Lam Ujong Teuku Ridwan mengatakan warganya antusias.", "Teuku Ridwan", "Geuchik Lam Ujong"),
])
def test_regional_name_shapes(extractor, text, name, title):
    people = by_name(people_of(extractor, text))
    assert name in people, people.keys()
    assert people[name]["title"] == title


def test_arabic_name_with_bin_and_hyphenated_family_name(extractor):
    text = "Hadir pula Habib Salim bin Umar Al-Kaff, pengasuh Pondok Pesantren Darul Ulum."
    org = text.index("Pondok")
    people = by_name(people_of(extractor, text, org_spans=[(org, len(text) - 1)]))
    assert list(people) == ["Salim bin Umar Al-Kaff"]
    assert people["Salim bin Umar Al-Kaff"]["title"] == "pengasuh Pondok Pesantren Darul Ulum"


def test_tail_of_a_degree_is_no_name(extractor):
    text = "Kepala Dinas Perikanan, H. Rahmat Basri, S.Pi., M.Si, mengatakan bantuan tepat sasaran."
    assert body_names(people_of(extractor, text)) == ["Rahmat Basri"]


def test_numbered_group_before_a_name_is_no_balinese_i(extractor):
    text = "Pelatihan Angkatan I Budi Santoso Center dibuka, kata panitia."
    assert "I Budi Santoso" not in by_name(people_of(extractor, text))


def test_degree_after_a_name_without_comma_before_it_is_not_a_name(extractor):
    text = "Kepala Bidang Perikanan Budidaya DKP Sulsel Andi Rahman, S.Pi., M.Si. mengatakan harga rumput laut naik."
    assert body_names(people_of(extractor, text)) == ["Andi Rahman"]


def test_a_month_between_two_name_words_is_part_of_the_name(extractor):
    text = ("Salah satu peserta, Lim Mei Hua, pedagang bakpao, ingin menambah kukusan. Ketua KWT Melati, "
            "Sri Juni Lestari, mengatakan pelatihan digelar sejak Mei lalu.")
    assert body_names(people_of(extractor, text)) == ["Lim Mei Hua", "Sri Juni Lestari"]


# --- where a name starts and ends after a position ---------------------------------------------------------

def test_an_organisation_acronym_after_a_name_is_no_part_of_it(extractor):
    text = ("Deputi Bidang Statistik Sosial Badan Pusat Statistik (BPS), Arief Hartanto BPS mengatakan BPS "
            "terus berkoordinasi.")
    assert list(body_by_name(people_of(extractor, text))) == ["Arief Hartanto"]
