"""People, names around cue words (extract/people/patterns.py): speech verbs, Menurut, selaku/yang juga,
NAME (AGE), a sentence opening with who someone is, Bapak/Ibu NAME.

Every sentence here is made up for the test.
"""
from __future__ import annotations

import pytest

from people_helpers import body_by_name, body_names, by_name, ner_each, people_of, shared_extractor


@pytest.fixture(scope="module")
def extractor():
    return shared_extractor()


# --- positions ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, title", [
    # speech verb + NAME, POSITION
    ("“Kami terus mendampingi petani,” ujar Rudi Hartono, Regional Manager Corporate Affairs, Relations & CSR "
     "PT Energi Raya Unit Sukamaju.", "Rudi Hartono",
     "Regional Manager Corporate Affairs, Relations & CSR PT Energi Raya Unit Sukamaju"),
    ("“Panen tahun ini bagus,” kata Sutrisno, Ketua Kelompok Tani Sido Makmur.", "Sutrisno",
     "Ketua Kelompok Tani Sido Makmur"),
    # speech verb + POSITION, NAME
    ("“Pelatihan ini dibuka untuk umum,” kata Kepala Balai Latihan Kerja Sukamaju, Wahyu Pramono, "
     "di Sukamaju, Senin (3/6/2024).", "Wahyu Pramono", "Kepala Balai Latihan Kerja Sukamaju"),
    # POSITION, NAME, verb
    ("Ketua Koperasi Mekar Sari, Rohana, mengatakan simpanan anggota terus bertambah.", "Rohana",
     "Ketua Koperasi Mekar Sari"),
    # POSITION NAME verb, the name running straight on from the organisation
    ("General Manager PLN UIP Sumbagsel Hendra Gunawan mengatakan program itu menyasar 40 UMKM.",
     "Hendra Gunawan", "General Manager PLN UIP Sumbagsel"),
    ("Kepala Dinas Koperasi dan UKM Provinsi Riau Slamet Riyadi menyampaikan apresiasinya.",
     "Slamet Riyadi", "Kepala Dinas Koperasi dan UKM Provinsi Riau"),
    ("Wakil Direktur Utama BNI Yosua Adi Wibowo mengatakan kredit usaha rakyat tumbuh.",
     "Yosua Adi Wibowo", "Wakil Direktur Utama BNI"),
    ("Gubernur Nusa Tenggara Barat (NTB) Rahmat Ahmad Fauzan membuka pameran itu.",
     "Rahmat Ahmad Fauzan", "Gubernur Nusa Tenggara Barat (NTB)"),
    ("Plt. Kepala Dinas Pariwisata Kota Batu, Ir. Agus Santoso, M.Si, meninjau lokasi.",
     "Agus Santoso", "Plt. Kepala Dinas Pariwisata Kota Batu"),
    # NAME selaku / yang juga / sebagai POSITION
    ("Suparman selaku koordinator kelompok nelayan merasa terbantu.", "Suparman",
     "koordinator kelompok nelayan"),
    ("Pelatihan diisi oleh Siti Khodijah yang juga Ketua Dekranasda Kabupaten Bantul.", "Siti Khodijah",
     "Ketua Dekranasda Kabupaten Bantul"),
    # NAME (age), POSITION
    ("Warsini (52), salah satu peserta pelatihan tata boga, mengaku senang.", "Warsini",
     "peserta pelatihan tata boga"),
    # NAME, POSITION at the start of a sentence
    ("Yohanes Bere, Kepala Desa Oebelo, mengatakan air bersih sudah mengalir.", "Yohanes Bere",
     "Kepala Desa Oebelo"),
    # NAME POSITION after a speech verb
    ("“Kami siap,” kata Sarmin Direktur Bisnis Bank Pembangunan Daerah, ditemui usai acara.", "Sarmin",
     "Direktur Bisnis Bank Pembangunan Daerah"),
    # Menurut NAME, POSITION
    ("Menurut Nila Kartika, Kepala Bidang Ekonomi Kreatif Dinas Pariwisata, minat peserta tinggi.",
     "Nila Kartika", "Kepala Bidang Ekonomi Kreatif Dinas Pariwisata"),
])
def test_position_patterns(extractor, text, name, title):
    people = by_name(people_of(extractor, text))
    assert name in people, people.keys()
    assert people[name]["title"] == title
    assert people[name]["role"] == "official"


# --- NAME (AGE) ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, title", [
    ("Salah seorang penerima, Siti Maryam binti Hasan (57), pedagang nasi kuning, mengaku terbantu.",
     "Siti Maryam binti Hasan", "pedagang nasi kuning"),
    ("Warga asal Dusun Krajan, Tukiman Hadi (63), mengaku baru pertama kali ikut.", "Tukiman Hadi",
     "Warga asal Dusun Krajan"),
    ("Rumah produksi itu milik Pak Warsono (49) yang sudah berjualan sejak 2010.", "Warsono", ""),
])
def test_name_with_age_is_a_person(extractor, text, name, title):
    people = by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


@pytest.mark.parametrize("text", [
    "Anggota Kelompok Tani Sri Rejeki (25) menerima pupuk.",
    "Hal itu diatur dalam Pasal 12 Ayat (3) peraturan daerah.",
])
def test_bracketed_number_after_a_longer_name_is_no_age(extractor, text):
    assert body_names(people_of(extractor, text)) == []


# --- short forms, honorifics, nicknames ------------------------------------------------------------

def test_honorific_name_is_a_person(extractor):
    text = "Materi pengolahan sampah disampaikan oleh Bapak Suharto Wijaya, S.Pd., di balai desa."
    assert body_names(people_of(extractor, text)) == ["Suharto Wijaya"]


# --- names the model found, and lists of names ------------------------------------------------------------

def test_a_position_in_brackets_after_a_name(extractor):
    text = "Program itu diresmikan Ahmad Fauzan (Gubernur Jawa Tengah) dalam dialog pembangunan di Semarang."
    people = body_by_name(people_of(extractor, text, ner_spans=ner_each(text, "Ahmad Fauzan")))
    assert people["Ahmad Fauzan"]["title"] == "Gubernur Jawa Tengah"


# --- initials, colons, listed offices ------------------------------------------------------------------

def test_a_colon_between_a_name_and_its_position(extractor):
    text = ("Acara dihadiri oleh Mr. Liu Qiang: Chief Representative of Harbour Company, dan Mr. Du Wei: Chief "
            "Representative of Park Company.")
    people = body_by_name(people_of(extractor, text))
    assert people["Liu Qiang"]["title"] == "Chief Representative of Harbour Company"


# --- a name opening a sentence with who they are; the late ... ---------------------------------------------

@pytest.mark.parametrize("text, name, title", [
    ("Rudi Hartawan, putra asli Desa Sukamaju yang kini menjadi pengusaha, mengatakan usahanya tumbuh.",
     "Rudi Hartawan", "putra asli Desa Sukamaju yang kini menjadi pengusaha"),
    ("Warsiti, kakak dari salah satu peserta asal Kecamatan Sukaraja, menyampaikan harapannya.", "Warsiti",
     "kakak dari salah satu peserta asal Kecamatan Sukaraja"),
    ("Sementara itu Asril, mualaf Desa Air Hitam, merasa terharu dan bersyukur.", "Asril", "mualaf Desa Air Hitam"),
])
def test_a_name_opening_a_sentence_with_an_apposition(extractor, text, name, title):
    people = body_by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_an_organisation_opening_a_sentence_with_an_apposition_is_no_person(extractor):
    text = "Sinar Tirta, perusahaan yang bergerak di bidang energi, menyampaikan komitmennya."
    org = (0, len("Sinar Tirta"))
    assert body_by_name(people_of(extractor, text, org_spans=[org])) == {}


@pytest.mark.parametrize("text", [
    "Bantuan diberikan kepada keluarga almarhum Suparjo yang meninggal pekan lalu.",
    "Kelompok tani itu dirintis mendiang Suparjo pada tahun 1998.",
])
def test_the_late_is_no_part_of_the_name_and_marks_a_person(extractor, text):
    assert list(body_by_name(people_of(extractor, text))) == ["Suparjo"]


# --- words a scraper glued together ----------------------------------------------------------------------

def test_a_list_ending_in_a_shared_position_gives_it_to_everyone(extractor):
    text = ("Acara itu juga dihadiri oleh Dr Ibrahim Chalil, Ade Ikhsan Karim MA, Iromi Ilyas MA, dan Mujiburrahman "
            "M.Hum yang juga bertindak sebagai anggota tim pelaksana, para mahasiswa.")
    spans = ner_each(text, "Dr Ibrahim Chalil", "Ade Ikhsan Karim MA", "Iromi Ilyas MA")
    people = body_by_name(people_of(extractor, text, ner_spans=spans))
    assert sorted(people) == ["Ade Ikhsan Karim", "Ibrahim Chalil", "Iromi Ilyas", "Mujiburrahman"]
    assert {p["title"] for p in people.values()} == {"anggota tim pelaksana"}


# --- unseen articles: beneficiaries named once, appositions, initials in brackets -------------------------------------

@pytest.mark.parametrize("text, name, title", [
    # NAME salah seorang POSITION, no commas
    ("Sementara itu, Sumiati salah seorang mitra binaan Bank Sukamaju menyampaikan rasa terima kasihnya.",
     "Sumiati", "mitra binaan Bank Sukamaju"),
    # NAME, salah satu POSITION, and a verb that is not a speaker's
    ("Sumiati, salah satu penerima bantuan, kini bisa membuka warung kecil.", "Sumiati", "penerima bantuan"),
    # NAME, AGE tahun, POSITION, verb
    ("Suparno, 52 tahun, petani asal Desa Sukamaju, mengaku panennya meningkat.", "Suparno",
     "petani asal Desa Sukamaju"),
])
def test_who_a_beneficiary_is(extractor, text, name, title):
    people = body_by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_a_rank_before_a_name_after_a_weak_intro_is_a_sign_of_a_person(extractor):
    text = "Babinsa Koramil 05, Serda Warsono bersama Praka Vonaleb, turun langsung mendampingi petani."
    assert "Vonaleb" in body_names(people_of(extractor, text))
    # without the rank, one word after "bersama" needs other evidence
    text = "Para petani bekerja bersama Vonaleb, turun langsung ke sawah."
    assert body_names(people_of(extractor, text)) == []


def test_initials_in_brackets_between_a_name_and_its_verb(extractor):
    text = "Agus Harimurti Prayoga (AHP) mengatakan pembangunan desa harus merata."
    assert body_names(people_of(extractor, text)) == ["Agus Harimurti Prayoga"]
    # brackets that are not the name's initials end no name there
    text = "Jumat Berkah Bersama (JUBER) mengatakan hal serupa."
    assert body_names(people_of(extractor, text)) == []


@pytest.mark.parametrize("text, name, title", [
    # a one-word name opening the sentence, a capitalised position set off by commas, a speaker's verb
    ("Warsito, Ketua RT 03, menyebut warga bergotong royong membangun jalan.", "Warsito", "Ketua RT 03"),
    # an age without "tahun", and a verb that is not a speaker's
    ("Rukmini, 58, penerima bantuan rumah layak huni, tak kuasa menahan haru.", "Rukmini",
     "penerima bantuan rumah layak huni"),
    # who an ordinary person is
    ("Lestari, ibu rumah tangga yang juga kader posyandu, rutin mengikuti pelatihan.", "Lestari",
     "ibu rumah tangga"),
    # a name after "dari" described by a position is a person's, not a place's
    ("Kisah inspiratif datang dari Nurhayati, perajin anyaman bambu asal Sukamaju.", "Nurhayati",
     "perajin anyaman bambu asal Sukamaju"),
])
def test_a_sentence_opening_with_who_someone_is(extractor, text, name, title):
    people = body_by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


@pytest.mark.parametrize("text", [
    "Sukamaju, Kepala Dinas Pertanian dan Dinas Sosial menggelar rapat bersama.",  # offices, no speaker's verb
    "Warga datang dari Sukamaju, desa di lereng gunung, untuk ikut pelatihan.",  # a place described
])
def test_places_opening_a_description_stay_places(extractor, text):
    assert body_names(people_of(extractor, text)) == []


@pytest.mark.parametrize("text, people", [
    ("Salah satu penerima bantuan adalah Warsini. Ia mengaku senang.", {"Warsini": "penerima bantuan"}),
    ("Salah seorang petani yang merasakan manfaatnya adalah Sukirman.", {"Sukirman": "petani"}),
    # no group of people before the copula: a place, a product
    ("Salah satu desa tujuan adalah Sukamaju.", {}),
    ("Salah satu produk unggulan adalah Keripik Tempe.", {}),
])
def test_one_of_a_group_named_after_a_copula(extractor, text, people):
    assert {n: p["title"] for n, p in body_by_name(people_of(extractor, text)).items()} == people


# --- NAME dari ORG: where someone comes from ---------------------------------------------------------------

def test_an_organisation_after_dari_is_the_position_of_a_name_without_one(extractor):
    text = ("Pelatihan pupuk organik dibimbing Rina Kartika, S.Keb dan Ir. Budi Halim, CHRP dari "
            "Fakultas Pertanian Unsika (Faperta). Hadir pula Kepala Dinas Kesehatan Sukamaju, Darmono, dari Pemkab "
            "Sukamaju.")
    spans = ner_each(text, "Rina Kartika", "Budi Halim", "Darmono") + [
        (text.find("Fakultas"), text.find(" (Faperta)"), "ORG"), (text.find("Pemkab"), len(text) - 1, "ORG")]
    people = body_by_name(people_of(extractor, text, ner_spans=spans))
    # the name listed before the one with "dari ORG" comes from it too
    assert people["Rina Kartika"]["title"] == people["Budi Halim"]["title"] == "Fakultas Pertanian Unsika"
    # a position already found stays
    assert people["Darmono"]["title"] == "Kepala Dinas Kesehatan Sukamaju"


def test_dari_before_what_no_one_marks_an_organisation_gives_no_position(extractor):
    text = "“Kami siap,” kata Dr. Budi Halim dari Kota Sukamaju, Senin."
    people = body_by_name(people_of(extractor, text, ner_spans=ner_each(text, "Budi Halim")))
    assert people["Budi Halim"]["title"] == ""


def test_elected_or_appointed_as_gives_the_position(extractor):
    text = "Budi Santoso yang terpilih sebagai Ketua Forum Desa Wisata itu mengatakan forum ini rumah bersama."
    assert body_by_name(people_of(extractor, text))["Budi Santoso"]["title"] == "Ketua Forum Desa Wisata"
