"""People, POSITION [,] NAME (extract/people/titled.py, positions.py): where a position ends and the name
after it starts, lists of names and of offices, organisations before "pimpinan".

Every sentence here is made up for the test.
"""
from __future__ import annotations

import re

import pytest

from people_helpers import body_by_name, body_names, by_name, ner_each, ner_first, people_of, shared_extractor


@pytest.fixture(scope="module")
def extractor():
    return shared_extractor()


# --- positions ----------------------------------------------------------------------------

def test_second_lowercase_position_is_the_same_persons(extractor):
    text = "Salah satu peserta, Yuliana (34), pemilik usaha keripik tempe Rasa Jaya, mengaku senang."
    people = people_of(extractor, text)
    assert body_names(people) == ["Yuliana"]
    assert "pemilik usaha keripik tempe Rasa Jaya" in people[0]["title"]


@pytest.mark.parametrize("text, name, title", [
    ("Darmini, Ketua Kelompok Wanita Tani Sekar Wangi, mengatakan hasil panen naik.", "Darmini",
     "Ketua Kelompok Wanita Tani Sekar Wangi"),
    ("Hasil panen naik. Rusdi Hamzah, Ketua Gapoktan Tunas Harapan, menambahkan pupuk sudah tiba.", "Rusdi Hamzah",
     "Ketua Gapoktan Tunas Harapan"),
])
def test_opening_subject_before_position_set_off_by_commas(extractor, text, name, title):
    # NAME, POSITION, VERB: the run's capitalised tail is the organisation's name, not a second person
    people = people_of(extractor, text)
    assert body_names(people) == [name]
    assert people[0]["title"] == title


@pytest.mark.parametrize("text, name, title", [
    ("Bupati Sleman Joko Prasetyo membuka pelatihan itu. “Peserta datang dari 17 kecamatan,” kata Prasetyo.",
     "Joko Prasetyo", "Bupati Sleman"),
    ("Camat Depok Hendra Gunawan membuka pelatihan. “Kami mendukung,” kata Gunawan.", "Hendra Gunawan",
     "Camat Depok"),
    ("Gubernur Jambi Abdul Wahid membuka acara. Pekan lalu Gubernur Jambi Abdul Wahid juga hadir. “Kami "
     "mendukung,” kata Wahid.", "Abdul Wahid", "Gubernur Jambi"),
])
def test_a_short_form_used_later_keeps_the_first_name_after_a_place(extractor, text, name, title):
    # the surname alone later in the article is the last word of the name after the position, not all of it
    people = body_by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


@pytest.mark.parametrize("text", [
    "Camat Sukolilo Hartono membuka acara. “Kami mendukung,” kata Hartono.",
    "Ketua Kelompok Tani Makmur Sejahtera Hartono membuka acara. “Kami mendukung,” kata Hartono.",
])
def test_a_short_form_used_later_takes_no_unknown_place_or_group_word(extractor, text):
    assert body_names(people_of(extractor, text)) == ["Hartono"]


def test_three_word_name_after_organisation(extractor):
    text = "Ketua Yayasan Pelita Harapan Bangsa Maria Goretti Simanjuntak menjelaskan bantuan itu."
    assert body_names(people_of(extractor, text)) == ["Maria Goretti Simanjuntak"]


def test_org_before_pimpinan(extractor):
    text = ("Pelatihan itu melibatkan Batik Sekar Arum pimpinan Ratna Dewi Lestari yang juga mitra binaan "
            "Bank Sumsel Babel.")
    p = by_name(people_of(extractor, text))["Ratna Dewi Lestari"]
    assert "pimpinan Batik Sekar Arum" in p["title"]
    assert "mitra binaan Bank Sumsel Babel" in p["title"]


def test_position_list_gives_each_person_own_title(extractor):
    text = ("Acara dihadiri Bupati Sukamaju, Andi Pratama, Direktur Utama PT Sinar Tirta, Rahmat Hidayat, "
            "dan Rektor Universitas Harapan Bangsa, Dewi Anggraini SE, M.Ak.")
    people = by_name(people_of(extractor, text))
    assert people["Andi Pratama"]["title"] == "Bupati Sukamaju"
    assert people["Rahmat Hidayat"]["title"] == "Direktur Utama PT Sinar Tirta"
    assert people["Dewi Anggraini"]["title"] == "Rektor Universitas Harapan Bangsa"


# --- NER PER spans: which the article makes plausible ---------------------------------------------------

@pytest.mark.parametrize("text, name, title", [
    # an academic title with a dot between the position and the name does not end the position
    ("Bupati Sukamaju Dr. Ahmad Zaini meresmikan koperasi.", "Ahmad Zaini", "Bupati Sukamaju"),
    ("Kepala Dinas Koperasi Sleman Ir. Budi Santosa membuka pelatihan.", "Budi Santosa",
     "Kepala Dinas Koperasi Sleman"),
    # a Sasak name prefix after an honorific, whose dot ends no sentence
    ("Kepala Desa Sukadana, H. Lalu Sapturadi, menambahkan dana desa siap.", "Lalu Sapturadi",
     "Kepala Desa Sukadana"),
    ("Bupati Sukamaju Drs. H. Lalu Ahmad Zaini meresmikan koperasi.", "Lalu Ahmad Zaini", "Bupati Sukamaju"),
])
def test_position_then_honorific_then_name(extractor, text, name, title):
    people = by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_a_counted_group_before_a_capitalised_word_is_no_person(extractor):
    text = "Dinas Koperasi melatih 40 pelaku usaha kopi Kerinci agar mampu menembus pasar ekspor."
    assert body_names(people_of(extractor, text)) == []


# --- positions by their short forms and head-final English titles ---------------------------------------

@pytest.mark.parametrize("text, name, title", [
    ("Dirjen Perikanan Budidaya KKP Hendra Saputra menyerahkan benih ikan.", "Hendra Saputra",
     "Dirjen Perikanan Budidaya KKP"),
    ("Wamenkes Rudi Santosa mengatakan posyandu perlu diperkuat.", "Rudi Santosa", "Wamenkes"),
    ("Sementara itu, Corporate Affairs Director Sinar Tirta, Maya Lestari, mengatakan program berlanjut.",
     "Maya Lestari", "Corporate Affairs Director Sinar Tirta"),
    ("Kapolresta Sukamaju Kombes Pol Arif Hidayat menjelaskan pendampingan peternak.", "Arif Hidayat",
     "Kapolresta Sukamaju"),
])
def test_short_form_and_head_final_positions(extractor, text, name, title):
    people = body_by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_an_ordinal_opening_a_sentence_is_no_name(extractor):
    text = "Kedua, widyaiswara BBPP Sukamaju diundang sebagai pelatih. Pelatihan digelar di BBPP Sukamaju."
    assert body_by_name(people_of(extractor, text)) == {}


def test_a_word_repeated_after_the_same_unit_is_part_of_its_name(extractor):
    text = ("Pelatihan diikuti 300 nasabah PNM Rukun. Para nasabah PNM Rukun juga mendapat modal. "
            "Nasabah PNM Rukun menabung tiap pekan.")
    assert body_by_name(people_of(extractor, text)) == {}


# --- other names of the same person ---------------------------------------------------------------------

def test_initials_in_brackets_after_a_minister_end_the_name(extractor):
    text = "Dalam kesempatan itu, Menko IPK Agus Harsono Yuwono (AHY) menyampaikan apresiasi kepada para petugas."
    people = body_by_name(people_of(extractor, text))
    assert list(people) == ["Agus Harsono Yuwono"] and people["Agus Harsono Yuwono"]["title"] == "Menko IPK"


# --- names the model found, and lists of names ------------------------------------------------------------

def test_names_listed_after_a_position_and_yakni_share_it(extractor):
    text = ("Acara dimeriahkan para penari dari SMPN 3 Sukamaju, yakni Rina Anggraini, Salsa Putri, dan Dinda "
            "Maharani dengan iringan gamelan.")
    people = body_by_name(people_of(extractor, text))
    assert sorted(people) == ["Dinda Maharani", "Rina Anggraini", "Salsa Putri"]
    assert {p["title"] for p in people.values()} == {"penari dari SMPN 3 Sukamaju"}


def test_a_position_then_bernama_gives_the_name_its_position(extractor):
    text = "Kelompok itu terbentuk atas arahan seorang Mantri BRI bernama Yuliana Karubaba."
    people = body_by_name(people_of(extractor, text, ner_spans=ner_each(text, "Yuliana Karubaba")))
    assert people["Yuliana Karubaba"]["title"] == "Mantri BRI"


def test_one_name_after_yakni_must_be_the_models(extractor):
    text = "Bupati meresmikan masjid di pondok binaan anggota Polri, yakni Santri Manggala di Desa Manggala."
    assert body_by_name(people_of(extractor, text)) == {}


def test_listed_names_with_their_own_positions_in_brackets(extractor):
    text = ("Hadir pula perwakilan dari Dinas Sosial Jateng seperti Arif Wibowo (Penyuluh Sosial Ahli Muda), "
            "Rina Marlina, dan Sumiati.")
    people = body_by_name(people_of(extractor, text))
    assert sorted(people) == ["Arif Wibowo", "Rina Marlina", "Sumiati"]
    assert people["Rina Marlina"]["title"] == "perwakilan dari Dinas Sosial Jateng"
    assert "Penyuluh Sosial Ahli Muda" in people["Arif Wibowo"]["title"]


# --- where a position ends in a list of people ----------------------------------------------------------

def test_a_position_ends_with_its_name_before_the_next_position(extractor):
    text = ("Pembukaan dihadiri Direktur Operasi PT Sinar Tirta Hendra Kusuma, Senior Coordinator Program PT Sinar "
            "Tirta Laode Ichsan, dan Kepala Dinas Koperasi Sukamaju Wahyu Pratama, Sabtu.")
    orgs = [(m.start(), m.end()) for m in re.finditer("PT Sinar Tirta", text)]
    people = body_by_name(people_of(extractor, text, org_spans=orgs))
    assert people["Hendra Kusuma"]["title"] == "Direktur Operasi PT Sinar Tirta"
    assert people["Laode Ichsan"]["title"] == "Senior Coordinator Program PT Sinar Tirta"
    assert people["Wahyu Pratama"]["title"] == "Kepala Dinas Koperasi Sukamaju"


def test_the_next_listed_position_is_not_a_second_position(extractor):
    text = ("Acara dihadiri Kepala Bidang DPMD Jawa Barat Firman Oktavian, perwakilan dari Astra Bondan Susilo, "
            "dan perwakilan Grup Astra Tasikmalaya Yohanes Kurnia.")
    people = body_by_name(people_of(extractor, text))
    assert people["Firman Oktavian"]["title"] == "Kepala Bidang DPMD Jawa Barat"
    assert people["Bondan Susilo"]["title"] == "perwakilan dari Astra"


# --- where a name starts and ends after a position ---------------------------------------------------------

@pytest.mark.parametrize("text, name, title", [
    ("Kepala Dinas Pariwisata Provinsi Bali I Made Suarjana, menyatakan dukungan penuh.", "I Made Suarjana",
     "Kepala Dinas Pariwisata Provinsi Bali"),
    ("Ketua Asosiasi Pemandu Wisata Lombok Tengah Lalu Ahmad Zaini mengatakan desa wisata terus tumbuh.",
     "Lalu Ahmad Zaini", "Ketua Asosiasi Pemandu Wisata Lombok Tengah"),
    ("Wakil Ketua Tim Percepatan Homestay Kemenpar Melinda Sari Dewanti mengatakan homestay terus bertambah.",
     "Melinda Sari Dewanti", "Wakil Ketua Tim Percepatan Homestay Kemenpar"),
    ("Sementara itu, Kabiro detikJateng Togar Pandapotan Lumban Tobing menyampaikan dukungan.",
     "Togar Pandapotan Lumban Tobing", "Kabiro detikJateng"),
    ("Acara dihadiri Anggota DPRD Dapil Maluku Wenda Pratiwi, Sabtu.", "Wenda Pratiwi", "Anggota DPRD Dapil Maluku"),
])
def test_the_whole_name_after_a_position(extractor, text, name, title):
    people = body_by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_a_prefix_taken_by_an_organisation_still_starts_the_name(extractor):
    text = "Kepala Dinas Kesehatan Provinsi Bali I Nyoman Sudarma, menyatakan dukungan penuh."
    org = "Dinas Kesehatan Provinsi Bali I"
    people = body_by_name(people_of(extractor, text, org_spans=[(text.index(org), text.index(org) + len(org))]))
    assert list(people) == ["I Nyoman Sudarma"]


# --- headlines, names inside other names, places after a position --------------------------------------

def test_a_head_inside_an_english_name_gives_no_position(extractor):
    text = ("Wabup membuka Training of Trainer (TOT) Budidaya Kelapa Sawit untuk penyuluh, Senin. Pelatihan "
            "Budidaya Kelapa Sawit itu diikuti 40 orang.")
    assert body_by_name(people_of(extractor, text)) == {}


def test_a_name_given_alone_in_brackets_is_an_organisations_short_name(extractor):
    text = ("Politeknik Pertanian Sukamaju Raya (Polbang Sura) menggelar bimtek. Plt Direktur Polbang Sura "
            "melalui Ketua Pelaksana, Bagus Pratama, berpesan kepada peserta.")
    assert list(body_by_name(people_of(extractor, text))) == ["Bagus Pratama"]


# --- initials, colons, listed offices ------------------------------------------------------------------

@pytest.mark.parametrize("text, name, title", [
    ("Acara dihadiri Anggota Dewan Pakar Apindo Hendra J Saputra.", "Hendra J Saputra", "Anggota Dewan Pakar Apindo"),
    ("Director Human Capital Sinar Tirta, Irwan A Tachri, mengatakan program berlanjut.", "Irwan A Tachri",
     "Director Human Capital Sinar Tirta"),
    ("Kepala Dinas Koperasi, UKM, Perindustrian, dan Perdagangan PPU, Margono, menambahkan pelatihan berlanjut.",
     "Margono", "Kepala Dinas Koperasi, UKM, Perindustrian, dan Perdagangan PPU"),
    ("Head of Human Capital PT Sinar Tirta Tbk., Amanda Rosalina, dalam sambutannya menyampaikan apresiasi.",
     "Amanda Rosalina", "Head of Human Capital PT Sinar Tirta Tbk"),
    ("Ketua Baznas NTB, Dr. Lalu M. Iqbal Marzuki, menyampaikan hal tersebut.", "Lalu M. Iqbal Marzuki",
     "Ketua Baznas NTB"),
])
def test_initials_and_listed_offices(extractor, text, name, title):
    people = body_by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_a_name_after_a_position_ends_before_a_listed_office(extractor):
    text = "Pada 2022, kata Pimpinan PNM Cabang Babel Daniel Sitompul, PNM Babel menargetkan 56 ribu nasabah."
    people = body_by_name(people_of(extractor, text))
    assert people["Daniel Sitompul"]["title"] == "Pimpinan PNM Cabang Babel"


# --- one-word names right after a position or a unit's acronym --------------------------------------------

@pytest.mark.parametrize("text, name, title", [
    ("Kepala Dinas Pertanian Haryanto, SP., M.Si mengatakan panen naik.", "Haryanto", "Kepala Dinas Pertanian"),
    ("Kegiatan dibuka Kepala BPBD Sutrisno, S.Sos, didampingi camat setempat.", "Sutrisno", "Kepala BPBD"),
    ("Kegiatan dibuka Kepala BPBD Sutrisno S.Sos didampingi camat setempat.", "Sutrisno", "Kepala BPBD"),
    ("Turut hadir Kades Sukamaju Budi.", "Budi", "Kades Sukamaju"),
])
def test_a_one_word_name_after_a_position(extractor, text, name, title):
    people = body_by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_one_word_names_in_a_list_of_positions(extractor):
    text = "Turut hadir Kadis PMD Haryono, Camat Sukolilo Suparman, dan Kapolsek Sukolilo AKP Darmadi."
    people = body_by_name(people_of(extractor, text))
    assert {n: p["title"] for n, p in people.items()} == {
        "Haryono": "Kadis PMD", "Suparman": "Camat Sukolilo", "Darmadi": "Kapolsek Sukolilo"}


@pytest.mark.parametrize("text", [
    "Turut hadir Camat Sukolilo.",
    "Hal itu tertuang dalam Peraturan Presiden Republik Indonesia No. 131 Tahun 2015.",
])
def test_no_one_word_name_where_the_position_ends(extractor, text):
    assert body_by_name(people_of(extractor, text)) == {}


# --- words a scraper glued together ----------------------------------------------------------------------

def test_names_each_with_a_position_after_a_colon(extractor):
    text = ("Upacara dihadiri oleh Mr. Wang Lei: Minister Counsellor of the Embassy, Mr. Liu Qiang: Chief "
            "Representative of Harbour Company, Mr. Du Wei: Chief Representative of Park Company dan Mr. Guo Ming: "
            "Chief Representative of Power Company.")
    people = body_by_name(people_of(extractor, text))
    assert people["Du Wei"]["title"] == "Chief Representative of Park Company"
    assert people["Guo Ming"]["title"] == "Chief Representative of Power Company"


def test_a_place_continues_the_address_in_a_position(extractor):
    text = ("Salah satu anggota kelompok petani dari Desa Sugihwaras, Tuban, Wiyanto, membagikan kisahnya. Siswa SD "
            "Kartini, Cililin, Bandung Barat, ikut hadir.")
    people = body_by_name(people_of(extractor, text))
    assert list(people) == ["Wiyanto"]
    assert people["Wiyanto"]["title"] == "anggota kelompok petani dari Desa Sugihwaras, Tuban"


# --- one-word names after a position or a unit's acronym (unseen articles) -------------------------------------------

def _span(text, part, label):
    i = text.index(part)
    return (i, i + len(part), label)


@pytest.mark.parametrize("text, org, per, name, title", [
    # the organisation span ran on into the name: degrees after it, a speaker's verb after it, the model's PER span
    ("Pelatihan dibuka oleh Kadis PMD Sumarni, S.Sos, M.Si di aula kantor desa.", "PMD Sumarni", None,
     "Sumarni", "Kadis PMD"),
    ("Penyuluh BPP Sukorame Suryati, SP memberi materi budidaya.", "BPP Sukorame Suryati", None,
     "Suryati", "Penyuluh BPP Sukorame"),
    ("Sementara itu, Kepala UPT Puskesmas Sukorame Ratmini menjelaskan layanan posyandu.",
     "UPT Puskesmas Sukorame Ratmini", "Ratmini", "Ratmini", "Kepala UPT Puskesmas Sukorame"),
])
def test_a_name_an_organisation_span_ran_into(extractor, text, org, per, name, title):
    o = _span(text, org, "ORG")
    ner = [_span(text, per, "PER")] if per else []
    people = body_by_name(people_of(extractor, text, ner_spans=ner, org_spans=[o[:2]]))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_an_organisation_span_without_a_sign_of_a_person_keeps_its_last_word(extractor):
    text = "Kegiatan itu diikuti Kepala UPT Puskesmas Sukorame Raya dan para kader."
    o = _span(text, "UPT Puskesmas Sukorame Raya", "ORG")
    assert body_names(people_of(extractor, text, org_spans=[o[:2]])) == []


@pytest.mark.parametrize("text, name, title", [
    # a place speaks no words: the word after "Kecamatan X" before a speaker's verb is the person's name
    ("Kasi Pemerintahan Kecamatan Sukorame Darmin menyampaikan laporan.", "Darmin",
     "Kasi Pemerintahan Kecamatan Sukorame"),
    # a head that takes a place, then one word and a speaker's verb
    ("Sementara itu Sekdes Tarmuji mengatakan bantuan sudah disalurkan.", "Tarmuji", "Sekdes"),
])
def test_a_speakers_verb_after_the_position_makes_the_last_word_a_name(extractor, text, name, title):
    people = body_by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_a_lone_word_ending_the_sentence_is_a_name_when_the_model_reads_one(extractor):
    text = "Acara itu dihadiri Asisten Bidang Perekonomian dan Pengembangan Infrastruktur Masdun."
    assert body_names(people_of(extractor, text)) == []  # no sign: it may be an office's name
    people = body_by_name(people_of(extractor, text, ner_spans=[_span(text, "Infrastruktur Masdun", "PER")]))
    assert list(people) == ["Masdun"]
    assert people["Masdun"]["title"] == "Asisten Bidang Perekonomian dan Pengembangan Infrastruktur"


# --- names cut short, and places read as names ------------------------------------------------------------

def test_a_name_known_in_a_shorter_form_keeps_its_first_word(extractor):
    text = ("Pembekalan diberikan oleh Gubernur Lemhanas Andi Widjajanto Prasetyo. Widjajanto Prasetyo berharap "
            "peserta serius.")
    ner = [(text.rindex("Widjajanto"), text.rindex("Widjajanto") + len("Widjajanto Prasetyo"), "PER")]  # the 2nd
    people = body_by_name(people_of(extractor, text, ner_spans=ner, org_spans=[_span(text, "Lemhanas", "ORG")[:2]]))
    assert list(people) == ["Andi Widjajanto Prasetyo"]
    assert people["Andi Widjajanto Prasetyo"]["title"] == "Gubernur Lemhanas"


def test_three_name_words_after_an_organisation(extractor):
    text = "Pembekalan diberikan oleh Gubernur Lemhanas Andi Widjajanto Prasetyo."
    people = body_by_name(people_of(extractor, text, org_spans=[_span(text, "Lemhanas", "ORG")[:2]]))
    assert list(people) == ["Andi Widjajanto Prasetyo"]


def test_the_place_after_a_head_that_takes_one_is_no_part_of_the_name(extractor):
    # the model reads "Sukaraja Bambang" and "Sukamaju Darsono" as names; both first words are villages' names
    text = "Acara itu dihadiri Camat Sukaraja Bambang, SE, dan Lurah Sukamaju Darsono."
    ner = [_span(text, "Sukaraja Bambang", "PER"), _span(text, "Sukamaju Darsono", "PER")]
    people = body_by_name(people_of(extractor, text, ner_spans=ner))
    assert sorted(people) == ["Bambang", "Darsono"]
    assert people["Bambang"]["title"] == "Camat Sukaraja"
    assert people["Darsono"]["title"] == "Lurah Sukamaju"


def test_the_model_reads_a_name_after_a_village_in_a_position(extractor):
    # "Kepala Desa X Y": two capitalised words after "Desa" are both the village's name, unless the model reads a
    # person's name ending with the second and the first is a village's name
    text = "Menurut Kepala Desa Sukamaju Rahmadi, banyak program sudah terealisasi."
    assert body_names(people_of(extractor, text)) == []
    people = body_by_name(people_of(extractor, text, ner_spans=[_span(text, "Sukamaju Rahmadi", "PER")]))
    assert list(people) == ["Rahmadi"]
    assert people["Rahmadi"]["title"] == "Kepala Desa Sukamaju"


@pytest.mark.parametrize("text, name, title", [
    # "Raya" is a word of people's names too
    ("Kadis PMD Kabupaten Sukamaju, Yosef Raya ketika diwawancarai mengatakan peserta sudah siap.", "Yosef Raya",
     "Kadis PMD Kabupaten Sukamaju"),
    # an English position of two words after a speaker's verb
    ("“Bantuan langsung dipakai,” ujar Group Head Corporate Secretary Pelabuhan Nusantara Ali Sobirin di Jakarta.",
     "Ali Sobirin", "Group Head Corporate Secretary Pelabuhan Nusantara"),
])
def test_more_positions_and_names(extractor, text, name, title):
    people = body_by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


@pytest.mark.parametrize("text, name, title", [
    # a unit's number joined to its place right after the head, then a rank and a corps
    ("Danramil 05/Sukaraja Kapten Inf Suparman menghadiri panen raya.", "Suparman", "Danramil 05/Sukaraja"),
    # short forms of heads of offices
    ("Kadinkes Sukamaju dr. Rina Handayani, M.Kes mengingatkan pentingnya gizi.", "Rina Handayani",
     "Kadinkes Sukamaju"),
    ("Kalak BPBD Heru Purnomo memimpin apel siaga.", "Heru Purnomo", "Kalak BPBD"),
])
def test_units_and_short_forms_of_heads(extractor, text, name, title):
    people = body_by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_a_one_word_name_ends_a_position_when_the_next_position_follows(extractor):
    text = "Kegiatan ini dihadiri Wakil Ketua Forum Sukamaju Suharto dan Kepala Dinas Pertanian Ir. Bambang Irawan."
    people = body_by_name(people_of(extractor, text, org_spans=[_span(text, "Forum Sukamaju", "ORG")[:2]]))
    assert sorted(people) == ["Bambang Irawan", "Suharto"]
    assert people["Suharto"]["title"] == "Wakil Ketua Forum Sukamaju"


# --- an honorific or a bare initial between the position and the name ---------------------------------------

@pytest.mark.parametrize("text, name, title", [
    ("Sementara itu, Direktur Utama Bumi Aksara Nusantara, Capt. Bagus Wicaksono menambahkan acara lancar.",
     "Bagus Wicaksono", "Direktur Utama Bumi Aksara Nusantara"),
    ("Kepala Dinas Sosial Kabupaten Sukamaju, RM. Hendra Saputra mengapresiasi kegiatan tersebut.",
     "Hendra Saputra", "Kepala Dinas Sosial Kabupaten Sukamaju"),
    ("\"Kami terus mendampingi petani,\" kata Kepala Bidang Perkebunan Dinas Pertanian Sukamaju, M Ridwan, "
     "Senin (3/2/2025).", "M Ridwan", "Kepala Bidang Perkebunan Dinas Pertanian Sukamaju"),
])
def test_position_comma_honorific_or_initial_then_name(extractor, text, name, title):
    assert by_name(people_of(extractor, text))[name]["title"] == title


def test_a_degree_written_with_a_space_is_no_initial(extractor):
    text = "Asisten Perekonomian Kota Sukamaju dr Hendra, M Ph, mengatakan bahwa program berjalan."
    assert body_names(people_of(extractor, text)) == ["Hendra"]


# --- POSITION A dan B ----------------------------------------------------------------------------------------

def test_two_people_sharing_a_position_before_them(extractor):
    text = "Turut hadir Kepala Bidang Sosial Rina Wati dan Siti Aminah dalam acara itu."
    people = body_by_name(people_of(extractor, text, ner_spans=ner_each(text, "Rina Wati", "Siti Aminah")))
    assert people["Rina Wati"]["title"] == "Kepala Bidang Sosial"
    assert people["Siti Aminah"]["title"] == "Kepala Bidang Sosial"


def test_and_inside_a_position_joins_no_names(extractor):
    text = "Acara dibuka Menteri Pertanian dan Perkebunan Agus Salim Wijaya di Sukamaju."
    people = body_by_name(people_of(extractor, text, ner_spans=ner_each(text, "Agus Salim Wijaya")))
    assert list(people) == ["Agus Salim Wijaya"]
    assert people["Agus Salim Wijaya"]["title"] == "Menteri Pertanian dan Perkebunan"


# --- where a position run ends and starts ---------------------------------------------------------------------

def test_model_name_before_a_comma_ends_the_position(extractor):
    text = "Menurut Menteri Koperasi (Menkop) Agus Salim Wijaya, Bank Pembangunan Daerah juga ikut serta."
    p = body_by_name(people_of(extractor, text, ner_spans=ner_each(text, "Agus Salim Wijaya")))["Agus Salim Wijaya"]
    assert p["title"] == "Menteri Koperasi (Menkop)"


def test_ranked_names_in_a_list_of_offices(extractor):
    text = ("Kapolres didampingi Kasat Binmas AKP Yuhel, Kasi Humas IPTU A. Hamid, KBO Sat Resnarkoba Ipda "
            "R.S Siregar, dan personel.")
    people = body_by_name(people_of(extractor, text))
    assert people["Yuhel"]["title"] == "Kasat Binmas"
    assert people["A. Hamid"]["title"] == "Kasi Humas"


def test_ordinal_written_apart_stays_in_the_position(extractor):
    text = "Adapun pada era Presiden ke 7 RI Joko Widodo (Jokowi), dana dikucurkan."
    assert body_by_name(people_of(extractor, text))["Joko Widodo"]["title"] == "Presiden ke 7 RI"


@pytest.mark.parametrize("text, name, title", [
    ("Penghargaan diserahkan oleh President & Group CEO Petrobumi, Ahmad Fauzi kepada para pemenang.",
     "Ahmad Fauzi", "President & Group CEO Petrobumi"),
    ("Turut hadir Managing Partner Cahaya Digital Asia Rudi Tan, dan warga.",
     "Rudi Tan", "Managing Partner Cahaya Digital Asia"),
])
def test_offices_joined_by_ampersand_and_english_heads(extractor, text, name, title):
    assert body_by_name(people_of(extractor, text))[name]["title"] == title


def test_names_listed_after_di_antaranya_share_the_position(extractor):
    text = ("Bazar itu turut dihadiri Anggota DPRD Kota Sukamaju Fraksi Partai Maju di antaranya Rudi Hartono, "
            "Siti Aminah, Bambang Irawan, dan Yuli Astuti. Selain itu hadir pula warga.")
    people = body_by_name(people_of(extractor, text))
    assert sorted(people) == ["Bambang Irawan", "Rudi Hartono", "Siti Aminah", "Yuli Astuti"]
    assert {p["title"] for p in people.values()} == {"Anggota DPRD Kota Sukamaju Fraksi Partai Maju"}


def test_offices_listed_after_di_antaranya_are_no_people(extractor):
    text = "Kegiatan ini diikuti berbagai pihak, di antaranya Dinas Sosial, Dinas Pendidikan, dan Dinas Kesehatan."
    assert body_names(people_of(extractor, text)) == []


def test_a_head_of_several_words_after_a_comma_starts_the_next_position(extractor):
    text = ("Turut hadir Presiden Direktur Plug and Play Nusantara Bagas Pratama, Managing Partner Plug and Play "
            "Asia Rudi Tan, dan warga. \"Kami bangga,\" kata Bagas.")
    people = body_by_name(people_of(extractor, text, ner_spans=ner_each(text, "Bagas Pratama", "Rudi Tan")))
    assert people["Bagas Pratama"]["title"] == "Presiden Direktur Plug and Play Nusantara"
    assert people["Rudi Tan"]["title"] == "Managing Partner Plug and Play Asia"


def test_one_more_of_a_body_after_lainnya(extractor):
    text = "Anggota Forum Jurnalis lainnya, Rina Wati, menyoroti pentingnya akses informasi."
    assert body_by_name(people_of(extractor, text))["Rina Wati"]["title"] == "Anggota Forum Jurnalis"


def test_a_position_shared_by_a_list_starting_at_the_runs_tail(extractor):
    text = "Acara ini juga menghadirkan perancang busana Didik Santoso, Dewi Wirawan, dan Oscar Lamata."
    names = ("Didik Santoso", "Dewi Wirawan", "Oscar Lamata")
    people = body_by_name(people_of(extractor, text, ner_spans=ner_each(text, *names)))
    assert sorted(people) == sorted(names)
    assert {p["title"] for p in people.values()} == {"perancang busana"}


@pytest.mark.parametrize("text, name, title", [
    ("Diskusi itu menghadirkan filsuf Bambang Sutejo di aula kampus.", "Bambang Sutejo", "filsuf"),
    ("Kapolres juga mengunjungi warakawuri Siti Hasibuan di rumahnya.", "Siti Hasibuan", "warakawuri"),
])
def test_lowercase_callings_before_a_name(extractor, text, name, title):
    people = body_by_name(people_of(extractor, text, ner_spans=ner_each(text, name)))
    assert people[name]["title"] == title


def test_offices_listed_with_commas_before_the_name(extractor):
    text = ("Dalam kesempatan yang sama, Direktur Jenderal Industri Kecil, Menengah, dan Aneka (IKMA) Sri Wahyuni "
            "mengatakan kualitas produk penting.")
    p = body_by_name(people_of(extractor, text, ner_spans=ner_each(text, "Sri Wahyuni")))["Sri Wahyuni"]
    assert p["title"] == "Direktur Jenderal Industri Kecil, Menengah, dan Aneka (IKMA)"


def test_an_address_of_several_places_between_position_and_name(extractor):
    text = ("Kepala SPPG Yayasan Cahaya Umat (YCU) Ciputat Timur, Tangerang Selatan, Banten, A. Hamid mengakui "
            "adanya kendala.")
    p = body_by_name(people_of(extractor, text))["A. Hamid"]
    assert p["title"].startswith("Kepala SPPG Yayasan Cahaya Umat (YCU)")


def test_ke_and_a_number_after_a_name_is_no_ordinal(extractor):
    text = "Kunjungan itu bersama Menteri Perdagangan Zulkarnain Hasan ke 30 desa di Bekasi."
    assert body_by_name(people_of(extractor, text))["Zulkarnain Hasan"]["title"] == "Menteri Perdagangan"


# --- the position's short form in brackets after the name ---------------------------------------------------

@pytest.mark.parametrize("text, name, title", [
    ("Menteri Sosial Budi Santoso (Mensos) meninjau lokasi banjir di Sukamaju.", "Budi Santoso", "Menteri Sosial"),
    ("Bantuan diserahkan Gubernur Jawa Tengah Ahmad Fauzi (Gubernur Jateng) kepada warga.", "Ahmad Fauzi",
     "Gubernur Jawa Tengah"),
])
def test_a_short_form_of_the_position_in_brackets_after_the_name(extractor, text, name, title):
    people = body_by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_a_committee_member_named_after_the_committee(extractor):
    text = "Panitia Festival Kopi Nusantara, Anita Rahmawati, mengatakan acara digelar tiga hari."
    assert body_by_name(people_of(extractor, text))["Anita Rahmawati"]["title"] == "Panitia Festival Kopi Nusantara"


def test_lowercase_position_before_the_next_listed_name_is_that_persons(extractor):
    # a list of POSITION NAME: "..., Haji A, SP, penyuluh Balai X, Dr. B, S.Pt, dan C": the lowercase position after
    # A's degrees is B's (a name the model marks follows it), not a second position of A
    text = ("Hadir Kepala Balai Latihan Tani Sukamaju Ir. Bambang Wijaya, M.Si, Kepala Dinas Pertanian Kabupaten "
            "Sukamaju Haji Rudi Hartono, SP, penyuluh Balai Latihan Tani Sukamaju, Dr. Ani Lestari, S.Pt, dan Joko, "
            "SST, serta para petani.")
    people = body_by_name(people_of(extractor, text, ner_spans=ner_first(text, "Bambang Wijaya", "Rudi Hartono",
                                                                          "Ani Lestari", "Joko")))
    assert people["Rudi Hartono"]["title"] == "Kepala Dinas Pertanian Kabupaten Sukamaju"
    assert people["Ani Lestari"]["title"] == "penyuluh Balai Latihan Tani Sukamaju"
