"""How an organisation's name runs on (connectors, brackets, lists of sectors, a region) and where it stops (a
person, an honorific, a programme word).

All sentences are made up for these tests (fictional companies and groups, real region names)."""
from __future__ import annotations

import pytest

from org_helpers import items, names, shared_extractor
from pipeline.extract.orgs import OrgExtractor


@pytest.fixture(scope="module")
def extractor() -> OrgExtractor:
    return shared_extractor()


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


def test_programme_word_does_not_extend_a_company(extractor):
    assert names(extractor, "Melalui program PLN Peduli, warga mendapat bantuan.") == ["PLN"]


@pytest.mark.parametrize("text, name", [
    ("Peserta berasal dari Badan Usaha Milik Gampong (BUMG) Sinar Pantai di Aceh Besar.",
     "Badan Usaha Milik Gampong (BUMG) Sinar Pantai"),
    ("Badan Usaha Milik Nagari (BUMNag) Tuah Saiyo menerima bantuan mesin.",
     "Badan Usaha Milik Nagari (BUMNag) Tuah Saiyo"),
])
def test_village_enterprises_of_every_region_keep_their_name_after_the_bracket(extractor, text, name):
    assert names(extractor, text) == [name]


def test_a_region_inside_a_long_name_that_its_bracket_abbreviates(extractor):
    text = "Keramba itu dikelola Koperasi Nelayan Bontang Usaha Bahari dan Wisata (Kopnel BUBW) sejak 2020."
    assert names(extractor, text) == ["Koperasi Nelayan Bontang Usaha Bahari dan Wisata"]
    # a bracket that starts with another letter is no name of the body: the region ends it
    assert names(extractor, "Bantuan diterima Dinas Sosial Bontang Eko Prasetyo (EP) kemarin.") == \
        ["Dinas Sosial Bontang"]


def test_words_after_an_acronym_up_to_the_body_it_belongs_to(extractor):
    text = "Kerja sama antara Yayasan Cipta Medika dan Direktorat Jenderal SDM Farmasi Kemenkes RI, berjalan baik."
    assert "Direktorat Jenderal SDM Farmasi Kemenkes" in names(extractor, text)


def test_a_quoted_word_inside_a_name_that_goes_on(extractor):
    assert names(extractor, "Mahasiswa Universitas Pembangunan Nasional “Bhakti” Jawa Timur mengajar di desa itu.") \
        == ["Universitas Pembangunan Nasional “Bhakti” Jawa Timur"]
    assert names(extractor, 'Warga menyebut "Koperasi" sebagai "Jalan" keluar.') == []


@pytest.mark.parametrize("text, person, name", [
    ("Pelatihan itu untuk 40 pelajar SMP Katolik Santo Yusuf yang diadakan oleh mitra.", "Santo Yusuf",
     "SMP Katolik Santo Yusuf"),
    ("Donasi diserahkan ke Panti Asuhan Santa Maria Harapan di kota itu.", "Santa Maria", "Panti Asuhan Santa Maria Harapan"),
    # any other person the model reads after a name still ends it
    ("Kegiatan itu dibuka Ketua Yayasan Harapan Budi Santoso kemarin.", "Budi Santoso", "Yayasan Harapan"),
])
def test_a_saints_name_inside_a_name_goes_on_where_the_model_reads_a_person(extractor, text, person, name):
    i = text.find(person)
    assert name in [it["name"] for it in items(extractor, text, ner=[(i, i + len(person), "PER")])]


# --- a company's legal name goes on after its acronym or a known name --------------------------------------------

def _org_texts(extractor, text, ner=()):
    return [m.text for m in extractor.extract(text, [], list(ner)) if m.kind == "org" and not m.excluded]


@pytest.mark.parametrize("text, name", [
    ("Hadir Budi, Komisaris PT SINARJAYA Berkah Energi, perusahaan logistik asal Sukamaju.\n",
     "PT SINARJAYA Berkah Energi"),
    ("Sebagai agen resmi PT Elnusa Petrofin, anak usaha Pertamina, perusahaannya tumbuh.\n", "PT Elnusa Petrofin"),
])
def test_the_rest_of_a_company_legal_name(text, name):
    assert name in _org_texts(shared_extractor(), text)


def test_the_model_person_after_a_company_ends_its_name():
    text = "Direktur PT MNC Vision Networks Rina Wati mengatakan hal itu.\n"
    s = text.index("Rina Wati")
    assert "PT MNC Vision Networks" in _org_texts(shared_extractor(), text, [(s, s + 9, "PER")])


@pytest.mark.parametrize("text", [
    "Direktur PT SINARJAYA Budi Santoso mengatakan hal itu.\n",
    "Manajer PT Adaro Indonesia H Fulan menyerahkan bantuan.\n",
])
def test_a_person_after_a_company_is_not_its_name(text):
    ner = [(text.index("Budi Santoso"), text.index("Budi Santoso") + 12, "PER")] if "Budi" in text else []
    assert not any(n.endswith(("Santoso", "Fulan")) for n in _org_texts(shared_extractor(), text, ner))


@pytest.mark.parametrize("text, name", [
    ("Kegiatan ini menggandeng Lembaga Pelatihan Kerja Swasta (LPKS) Harapan Bangsa sebagai pelaksana.",
     "Lembaga Pelatihan Kerja Swasta (LPKS) Harapan Bangsa"),
    ("Bantuan diberikan PT Sinar Tambang Unit Bisnis Pertambangan (UBP) Emas Cibaliung kepada warga.",
     "PT Sinar Tambang Unit Bisnis Pertambangan (UBP) Emas Cibaliung"),
    ("Anggota Kelompok Wanita Tani (KWT) Sumber Rejeki, Desa Sukamaju, ikut serta.",
     "Kelompok Wanita Tani (KWT) Sumber Rejeki"),
])
def test_the_name_goes_on_after_its_own_bracketed_acronym(extractor, text, name):
    assert name in names(extractor, text)


@pytest.mark.parametrize("text, name", [
    # a position before the body: the capitalised words after the acronym are the holder's name
    ("Kepala Dinas Sosial (Dinsos) Budi Santoso, membuka acara itu.", "Dinas Sosial (Dinsos)"),
    # a bracket that does not spell the name ends it
    ("Pelatihan diadakan Yayasan Peduli Anak (YPA) Sabtu Pagi lalu.", "Yayasan Peduli Anak (YPA)"),
    # a speech verb after the words: a person
    ("Menurut Dinas Pariwisata (Dispar) Rina Marlina mengatakan hal itu.", "Dinas Pariwisata (Dispar)"),
])
def test_after_its_own_acronym_a_person_or_a_date_is_not_the_name(extractor, text, name):
    assert names(extractor, text)[0] == name


def test_a_known_company_name_goes_on_over_an_ampersand(extractor):
    text = "Acara didukung PT Pertamina Lestari, PT Pertamina Riset & Rekayasa, dan warga sekitar."
    assert "PT Pertamina Riset & Rekayasa" in names(extractor, text)


@pytest.mark.parametrize("text, name", [
    ("SEMARANG - Perhimpunan Bank Perkreditan Desa (Perbankdes) bersama kampus menyiapkan pelatihan.",
     "Perhimpunan Bank Perkreditan Desa (Perbankdes)"),
    ("Pelatihan didukung Federasi Pekerja Logam Nusantara dan Aliansi Petani Muda Sukamaju.",
     "Federasi Pekerja Logam Nusantara"),
    ("Pelatihan didukung Federasi Pekerja Logam Nusantara dan Aliansi Petani Muda Sukamaju.",
     "Aliansi Petani Muda Sukamaju"),
    ("Konsorsium Riset Pangan Lestari menggelar pelatihan bagi petani.", "Konsorsium Riset Pangan Lestari"),
    ("Anggota Serikat Pekerja Tekstil Sukamaju ikut dalam pelatihan.", "Serikat Pekerja Tekstil Sukamaju"),
])
def test_associations_federations_and_unions_start_a_name(extractor, text, name):
    assert name in names(extractor, text)


def test_a_country_ending_in_serikat_is_no_union(extractor):
    assert names(extractor, "Warga Amerika Serikat Joko ikut hadir di desa itu.") == []


@pytest.mark.parametrize("text, name", [
    ("Lomba diikuti guru SMP Negeri 3 bersama orang tua murid.", "SMP Negeri 3"),
    ("Kebun sekolah dirawat siswa SDN Pelita 2 yang berada di tepi sawah.", "SDN Pelita 2"),
    ("Lomba diikuti siswa MTs Negeri 4 pada Senin pagi.", "MTs Negeri 4"),
])
def test_a_numbered_name_keeps_its_number_before_a_function_word(extractor, text, name):
    assert names(extractor, text) == [name]


def test_a_count_after_a_name_is_no_part_of_it(extractor):
    assert names(extractor, "Pelatihan diikuti Kelompok Tani Sumber Rejeki 12 orang.") == ["Kelompok Tani Sumber Rejeki"]
    # "dari" may start the rest of a count ("10 dari 12 kelompok"): the number is left out
    assert names(extractor, "Bibit dibagikan Kelompok Tani Sumber Rejeki 10 dari 12 kelompok.") \
        == ["Kelompok Tani Sumber Rejeki"]


@pytest.mark.parametrize("text, name", [
    ("Program diinisiasi Direktorat Jenderal Bina Pemerintah Desa untuk warga.", "Direktorat Jenderal Bina Pemerintah Desa"),
    ("Benih dibagikan Balai Pengembangan Kelompok Tani kepada warga.", "Balai Pengembangan Kelompok Tani"),
])
def test_a_form_word_after_an_action_word_is_its_object_not_another_body(extractor, text, name):
    assert names(extractor, text) == [name]


def test_a_form_word_after_a_sector_or_a_legal_form_starts_another_body(extractor):
    found = names(extractor, "Benih dibagikan Dinas Pertanian Kelompok Tani Sumber Rejeki kepada warga.")
    assert "Dinas Pertanian" in found
    assert "PT Sinar Bahari Energi" in names(extractor, "Bantuan datang dari Balai Pelatihan PT Sinar Bahari Energi.")


@pytest.mark.parametrize("text, name", [
    ("Pengawasan dilakukan Badan Pengawas Pemilu Kabupaten Sleman sejak pagi.", "Badan Pengawas Pemilu Kabupaten Sleman"),
    ("Program didukung Kementerian Koordinator Pangan sejak tahun lalu.", "Kementerian Koordinator Pangan"),
    ("Program didukung Kementerian Koordinator (Kemenko) Bidang Pangan sejak tahun lalu.",
     "Kementerian Koordinator (Kemenko) Bidang Pangan"),
])
def test_a_position_word_right_after_the_form_word_names_the_body_task(extractor, text, name):
    assert names(extractor, text) == [name]


def test_a_position_word_after_the_form_word_ends_the_name_before_a_person(extractor):
    text = "Hadir Badan Pengawas Budi Santoso dan warga."
    start = text.index("Budi")
    found = [it["name"] for it in items(extractor, text, [(start, start + len("Budi Santoso"), "PER")])]
    assert not any("Budi" in n for n in found)
