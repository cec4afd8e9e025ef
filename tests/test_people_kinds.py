"""People: kinds of misses and false positives seen on real news (positions by their short forms, ranks,
nicknames, lists of names, headlines, places after a position).

Every sentence here is made up for the test.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.extract.people import PeopleExtractor
from pipeline.normalize.people import PRESS_ROLES, merge_people
from pipeline.rules import load_rules

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@pytest.fixture(scope="module")
def extractor():
    return PeopleExtractor(load_rules([RULES_DIR]))


def people_of(extractor, text, **kw):
    mentions = extractor.extract(text, kw.pop("regions", []), **kw)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    return merge_people(mentions)


def by_name(people):
    return {p["name"]: p for p in people if p["role"] not in PRESS_ROLES}


def ner(text, *names):
    """NER PER spans for the given names (each occurrence), as the model would give them."""
    out = []
    for n in names:
        i = text.find(n)
        while i >= 0:
            out.append((i, i + len(n), "PER"))
            i = text.find(n, i + 1)
    return out


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
    people = by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_an_ordinal_opening_a_sentence_is_no_name(extractor):
    text = "Kedua, widyaiswara BBPP Sukamaju diundang sebagai pelatih. Pelatihan digelar di BBPP Sukamaju."
    assert by_name(people_of(extractor, text)) == {}


def test_a_word_repeated_after_the_same_unit_is_part_of_its_name(extractor):
    text = ("Pelatihan diikuti 300 nasabah PNM Rukun. Para nasabah PNM Rukun juga mendapat modal. "
            "Nasabah PNM Rukun menabung tiap pekan.")
    assert by_name(people_of(extractor, text)) == {}


# --- other names of the same person ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "“Bantuan tetap disalurkan,” kata Menteri Sosial Saifudin Yasa (Gus Udin), Senin. Gus Udin menambahkan data diperbarui.",
    "Menteri Sosial Saifudin Yasa atau Gus Udin mengatakan bantuan tetap disalurkan. Gus Udin menambahkan data diperbarui.",
    "Menteri Sosial Saifudin Yasa alias Gus Udin mengatakan bantuan tetap disalurkan. Gus Udin menambahkan data diperbarui.",
])
def test_a_second_name_after_a_found_name_is_an_alias(extractor, text):
    people = by_name(people_of(extractor, text))
    assert list(people) == ["Saifudin Yasa"]
    assert people["Saifudin Yasa"]["title"] == "Menteri Sosial"
    assert "Udin" in people["Saifudin Yasa"]["aliases"]


def test_initials_in_brackets_after_a_minister_end_the_name(extractor):
    text = "Dalam kesempatan itu, Menko IPK Agus Harsono Yuwono (AHY) menyampaikan apresiasi kepada para petugas."
    people = by_name(people_of(extractor, text))
    assert list(people) == ["Agus Harsono Yuwono"] and people["Agus Harsono Yuwono"]["title"] == "Menko IPK"


def test_a_nickname_cut_from_the_name_reaches_back_over_a_quote(extractor):
    text = ("Menurut Ketua KWT Sari Tani, Ni Luh Sumiani, kelompok itu berdiri pada 2009. “Awalnya kami hanya "
            "lima orang. Lalu kami menanam kopi. Sekarang kami punya kebun sendiri,” ceritanya.\n"
            "Perempuan yang akrab disapa Ani ini kemudian mengajak warga. “Kami terus belajar,” ungkap Ani.")
    people = by_name(people_of(extractor, text))
    assert list(people) == ["Ni Luh Sumiani"] and "Ani" in people["Ni Luh Sumiani"]["aliases"]


def test_a_short_form_with_a_cut_first_name_joins_the_full_name():
    from pipeline.normalize.people import is_cut_from
    assert is_cut_from("Chris Djoka", "Christianus Djoka")
    assert is_cut_from("Ani", "Ni Luh Sumiani")
    assert not is_cut_from("Budi", "Andi Pratama")


# --- names the model found, and lists of names ------------------------------------------------------------

def test_model_names_listed_together_are_people(extractor):
    text = ("Pelatihan itu menghadirkan Dewi Kartika Sari, Bambang Hartoyo, dan Yohana Liem sebagai pemateri. "
            "Produk unggulan desa, seperti Kopi Lereng Indah dan Madu Hutan Lestari, ikut dipamerkan.")
    spans = ner(text, "Dewi Kartika Sari", "Bambang Hartoyo", "Yohana Liem", "Kopi Lereng Indah")
    assert sorted(by_name(people_of(extractor, text, ner_spans=spans))) == [
        "Bambang Hartoyo", "Dewi Kartika Sari", "Yohana Liem"]


def test_a_listed_description_in_brackets_is_no_affiliation(extractor):
    text = "Warga masih menjaga tradisi seperti Mapag Sari (syukuran panen) dan Ngarot Tani (ritual tanam)."
    spans = ner(text, "Mapag Sari", "Ngarot Tani")
    assert by_name(people_of(extractor, text, ner_spans=spans)) == {}


def test_a_position_in_brackets_after_a_name(extractor):
    text = "Program itu diresmikan Ahmad Fauzan (Gubernur Jawa Tengah) dalam dialog pembangunan di Semarang."
    people = by_name(people_of(extractor, text, ner_spans=ner(text, "Ahmad Fauzan")))
    assert people["Ahmad Fauzan"]["title"] == "Gubernur Jawa Tengah"


def test_names_listed_after_a_position_and_yakni_share_it(extractor):
    text = ("Acara dimeriahkan para penari dari SMPN 3 Sukamaju, yakni Rina Anggraini, Salsa Putri, dan Dinda "
            "Maharani dengan iringan gamelan.")
    people = by_name(people_of(extractor, text))
    assert sorted(people) == ["Dinda Maharani", "Rina Anggraini", "Salsa Putri"]
    assert {p["title"] for p in people.values()} == {"penari dari SMPN 3 Sukamaju"}


def test_a_position_then_bernama_gives_the_name_its_position(extractor):
    text = "Kelompok itu terbentuk atas arahan seorang Mantri BRI bernama Yuliana Karubaba."
    people = by_name(people_of(extractor, text, ner_spans=ner(text, "Yuliana Karubaba")))
    assert people["Yuliana Karubaba"]["title"] == "Mantri BRI"


def test_one_name_after_yakni_must_be_the_models(extractor):
    text = "Bupati meresmikan masjid di pondok binaan anggota Polri, yakni Santri Manggala di Desa Manggala."
    assert by_name(people_of(extractor, text)) == {}


def test_listed_names_with_their_own_positions_in_brackets(extractor):
    text = ("Hadir pula perwakilan dari Dinas Sosial Jateng seperti Arif Wibowo (Penyuluh Sosial Ahli Muda), "
            "Rina Marlina, dan Sumiati.")
    people = by_name(people_of(extractor, text))
    assert sorted(people) == ["Arif Wibowo", "Rina Marlina", "Sumiati"]
    assert people["Rina Marlina"]["title"] == "perwakilan dari Dinas Sosial Jateng"
    assert "Penyuluh Sosial Ahli Muda" in people["Arif Wibowo"]["title"]


# --- where a position ends in a list of people ----------------------------------------------------------

def test_a_position_ends_with_its_name_before_the_next_position(extractor):
    text = ("Pembukaan dihadiri Direktur Operasi PT Sinar Tirta Hendra Kusuma, Senior Coordinator Program PT Sinar "
            "Tirta Laode Ichsan, dan Kepala Dinas Koperasi Sukamaju Wahyu Pratama, Sabtu.")
    orgs = [(m.start(), m.end()) for m in re.finditer("PT Sinar Tirta", text)]
    people = by_name(people_of(extractor, text, org_spans=orgs))
    assert people["Hendra Kusuma"]["title"] == "Direktur Operasi PT Sinar Tirta"
    assert people["Laode Ichsan"]["title"] == "Senior Coordinator Program PT Sinar Tirta"
    assert people["Wahyu Pratama"]["title"] == "Kepala Dinas Koperasi Sukamaju"


def test_the_next_listed_position_is_not_a_second_position(extractor):
    text = ("Acara dihadiri Kepala Bidang DPMD Jawa Barat Firman Oktavian, perwakilan dari Astra Bondan Susilo, "
            "dan perwakilan Grup Astra Tasikmalaya Yohanes Kurnia.")
    people = by_name(people_of(extractor, text))
    assert people["Firman Oktavian"]["title"] == "Kepala Bidang DPMD Jawa Barat"
    assert people["Bondan Susilo"]["title"] == "perwakilan dari Astra"


def test_a_ministry_word_after_a_minister_is_no_place(extractor):
    text = ("Acara dihadiri Menteri Desa Yandra Susila, Menteri Koperasi Budi Arifin, dan Mendagri Tito "
            "Karnawan.")
    spans = ner(text, "Yandra Susila", "Budi Arifin", "Tito Karnawan")
    people = by_name(people_of(extractor, text, ner_spans=spans))
    assert people["Yandra Susila"]["title"] == "Menteri Desa"
    assert people["Budi Arifin"]["title"] == "Menteri Koperasi"


def test_a_misspelt_repeat_of_a_written_name_joins_it():
    from pipeline.normalize.people import _is_misspelt_form
    assert _is_misspelt_form("Budi Arei", "Budi Arie Setiadi")
    assert not _is_misspelt_form("Budi Santoso", "Budi Arie Setiadi")


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
    people = by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_a_prefix_taken_by_an_organisation_still_starts_the_name(extractor):
    text = "Kepala Dinas Kesehatan Provinsi Bali I Nyoman Sudarma, menyatakan dukungan penuh."
    org = "Dinas Kesehatan Provinsi Bali I"
    people = by_name(people_of(extractor, text, org_spans=[(text.index(org), text.index(org) + len(org))]))
    assert list(people) == ["I Nyoman Sudarma"]


def test_an_organisation_acronym_after_a_name_is_no_part_of_it(extractor):
    text = ("Deputi Bidang Statistik Sosial Badan Pusat Statistik (BPS), Arief Hartanto BPS mengatakan BPS "
            "terus berkoordinasi.")
    assert list(by_name(people_of(extractor, text))) == ["Arief Hartanto"]


def test_a_district_word_marks_a_place(extractor):
    text = ("Acara dihadiri Wakil Bupati Okaba Sutarman, dan Kepala Distrik Okaba. Pelatihan digelar di Distrik "
            "Okaba, Merauke.")
    assert list(by_name(people_of(extractor, text))) == ["Sutarman"]


# --- headlines, names inside other names, places after a position --------------------------------------

def test_a_headline_position_comma_word_is_no_person_unless_named_again(extractor):
    text = ("Menteri Koperasi Tinjau Gudang Beras Sukamaju, Ingatkan soal Harga Gabah\n\n"
            "Menteri Koperasi Budi Santosa meninjau gudang beras di Sukamaju, Senin.")
    assert list(by_name(people_of(extractor, text))) == ["Budi Santosa"]


def test_a_head_inside_an_english_name_gives_no_position(extractor):
    text = ("Wabup membuka Training of Trainer (TOT) Budidaya Kelapa Sawit untuk penyuluh, Senin. Pelatihan "
            "Budidaya Kelapa Sawit itu diikuti 40 orang.")
    assert by_name(people_of(extractor, text)) == {}


def test_a_name_given_alone_in_brackets_is_an_organisations_short_name(extractor):
    text = ("Politeknik Pertanian Sukamaju Raya (Polbang Sura) menggelar bimtek. Plt Direktur Polbang Sura "
            "melalui Ketua Pelaksana, Bagus Pratama, berpesan kepada peserta.")
    assert list(by_name(people_of(extractor, text))) == ["Bagus Pratama"]


def test_a_verb_with_me_kan_is_no_name(extractor):
    text = "Pontianak, AB-Bergerak Sambil Belajar Menumbuhkan Kader Masyarakat Adat yang Kritis merupakan tema pelatihan."
    assert by_name(people_of(extractor, text)) == {}


def test_an_official_place_after_a_position_and_comma_is_no_person(extractor):
    text = ("Pelaksana tugas (Plt) Kepala Dinas Sosial (Dinsos), Pidie Jaya, Agusmaidi mengatakan pelatihan berlanjut. "
            "Pelatihan digelar di Pidie Jaya.")
    assert list(by_name(people_of(extractor, text))) == ["Agusmaidi"]


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
    people = by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_a_colon_between_a_name_and_its_position(extractor):
    text = ("Acara dihadiri oleh Mr. Liu Qiang: Chief Representative of Harbour Company, dan Mr. Du Wei: Chief "
            "Representative of Park Company.")
    people = by_name(people_of(extractor, text))
    assert people["Liu Qiang"]["title"] == "Chief Representative of Harbour Company"


def test_a_name_after_a_position_ends_before_a_listed_office(extractor):
    text = "Pada 2022, kata Pimpinan PNM Cabang Babel Daniel Sitompul, PNM Babel menargetkan 56 ribu nasabah."
    people = by_name(people_of(extractor, text))
    assert people["Daniel Sitompul"]["title"] == "Pimpinan PNM Cabang Babel"


# --- a name opening a sentence with who they are; the late ... ---------------------------------------------

@pytest.mark.parametrize("text, name, title", [
    ("Rudi Hartawan, putra asli Desa Sukamaju yang kini menjadi pengusaha, mengatakan usahanya tumbuh.",
     "Rudi Hartawan", "putra asli Desa Sukamaju yang kini menjadi pengusaha"),
    ("Warsiti, kakak dari salah satu peserta asal Kecamatan Sukaraja, menyampaikan harapannya.", "Warsiti",
     "kakak dari salah satu peserta asal Kecamatan Sukaraja"),
    ("Sementara itu Asril, mualaf Desa Air Hitam, merasa terharu dan bersyukur.", "Asril", "mualaf Desa Air Hitam"),
])
def test_a_name_opening_a_sentence_with_an_apposition(extractor, text, name, title):
    people = by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_an_organisation_opening_a_sentence_with_an_apposition_is_no_person(extractor):
    text = "Sinar Tirta, perusahaan yang bergerak di bidang energi, menyampaikan komitmennya."
    org = (0, len("Sinar Tirta"))
    assert by_name(people_of(extractor, text, org_spans=[org])) == {}


def test_the_late_is_no_part_of_the_name_and_marks_a_person(extractor):
    text = "Bantuan diberikan kepada keluarga almarhum Suparjo yang meninggal pekan lalu."
    assert list(by_name(people_of(extractor, text))) == ["Suparjo"]


# --- one-word names right after a position or a unit's acronym --------------------------------------------

@pytest.mark.parametrize("text, name, title", [
    ("Kepala Dinas Pertanian Haryanto, SP., M.Si mengatakan panen naik.", "Haryanto", "Kepala Dinas Pertanian"),
    ("Kegiatan dibuka Kepala BPBD Sutrisno, S.Sos, didampingi camat setempat.", "Sutrisno", "Kepala BPBD"),
    ("Kegiatan dibuka Kepala BPBD Sutrisno S.Sos didampingi camat setempat.", "Sutrisno", "Kepala BPBD"),
    ("Turut hadir Kades Sukamaju Budi.", "Budi", "Kades Sukamaju"),
])
def test_a_one_word_name_after_a_position(extractor, text, name, title):
    people = by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_one_word_names_in_a_list_of_positions(extractor):
    text = "Turut hadir Kadis PMD Haryono, Camat Sukolilo Suparman, dan Kapolsek Sukolilo AKP Darmadi."
    people = by_name(people_of(extractor, text))
    assert {n: p["title"] for n, p in people.items()} == {
        "Haryono": "Kadis PMD", "Suparman": "Camat Sukolilo", "Darmadi": "Kapolsek Sukolilo"}


@pytest.mark.parametrize("text", [
    "Turut hadir Camat Sukolilo.",
    "Hal itu tertuang dalam Peraturan Presiden Republik Indonesia No. 131 Tahun 2015.",
])
def test_no_one_word_name_where_the_position_ends(extractor, text):
    assert by_name(people_of(extractor, text)) == {}


def test_a_form_of_address_before_a_short_name_is_no_new_person(extractor):
    text = ("Pengasuh pondok itu adalah anggota Polres Sukamaju, Bripka Eko Julianto. Warga berterima kasih kepada "
            "Abah Eko yang telah mendidik para santri.")
    people = by_name(people_of(extractor, text, ner_spans=ner(text, "Abah Eko")))
    assert list(people) == ["Eko Julianto"]


# --- words a scraper glued together ----------------------------------------------------------------------

@pytest.mark.parametrize("text, name, title", [
    ("Liputan, SukamajuBupati Sukamaju, Sutardi, berencana membuka pasar.", "Sutardi", "Bupati Sukamaju"),
    ("“Kami siap,” kata BupatiSukamajuRina Kartika, Sabtu.", "Rina Kartika", "Bupati Sukamaju"),
    ("Dosen Program StudiSastra Inggris UnsriDewi Lestari mengatakan mahasiswa perlu berlatih.", "Dewi Lestari",
     "Dosen Program Studi Sastra Inggris Unsri"),
])
def test_glued_words_are_split_for_names_and_positions(extractor, text, name, title):
    people = by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


def test_names_written_in_mixed_case_stay_whole(extractor):
    text = "“Hasil panen naik,” kata Dr. Malem K. McLeod."
    assert list(by_name(people_of(extractor, text))) == ["Malem K. McLeod"]


def test_names_each_with_a_position_after_a_colon(extractor):
    text = ("Upacara dihadiri oleh Mr. Wang Lei: Minister Counsellor of the Embassy, Mr. Liu Qiang: Chief "
            "Representative of Harbour Company, Mr. Du Wei: Chief Representative of Park Company dan Mr. Guo Ming: "
            "Chief Representative of Power Company.")
    people = by_name(people_of(extractor, text))
    assert people["Du Wei"]["title"] == "Chief Representative of Park Company"
    assert people["Guo Ming"]["title"] == "Chief Representative of Power Company"


def test_a_place_continues_the_address_in_a_position(extractor):
    text = ("Salah satu anggota kelompok petani dari Desa Sugihwaras, Tuban, Wiyanto, membagikan kisahnya. Siswa SD "
            "Kartini, Cililin, Bandung Barat, ikut hadir.")
    people = by_name(people_of(extractor, text))
    assert list(people) == ["Wiyanto"]
    assert people["Wiyanto"]["title"] == "anggota kelompok petani dari Desa Sugihwaras, Tuban"


def test_a_list_ending_in_a_shared_position_gives_it_to_everyone(extractor):
    text = ("Acara itu juga dihadiri oleh Dr Ibrahim Chalil, Ade Ikhsan Karim MA, Iromi Ilyas MA, dan Mujiburrahman "
            "M.Hum yang juga bertindak sebagai anggota tim pelaksana, para mahasiswa.")
    spans = ner(text, "Dr Ibrahim Chalil", "Ade Ikhsan Karim MA", "Iromi Ilyas MA")
    people = by_name(people_of(extractor, text, ner_spans=spans))
    assert sorted(people) == ["Ade Ikhsan Karim", "Ibrahim Chalil", "Iromi Ilyas", "Mujiburrahman"]
    assert {p["title"] for p in people.values()} == {"anggota tim pelaksana"}


def test_a_hard_wrapped_body_line_is_no_headline(extractor):
    text = ("Peserta dikirim ke balai rehabilitasi di\nWirajaya Makassar, Sulawesi Selatan. Mereka adalah Udin Sapardi, "
            "Fatma Wahyuni\ndan Riyan Rinaldi. Pelatihan digelar dua pekan\n")
    spans = ner(text, "Udin Sapardi", "Fatma Wahyuni", "Riyan Rinaldi")
    assert sorted(by_name(people_of(extractor, text, ner_spans=spans))) == ["Fatma Wahyuni", "Riyan Rinaldi", "Udin Sapardi"]


@pytest.mark.slow
def test_a_name_list_ending_the_text_in_capitalised_brackets_is_no_error():
    """A caption's last line: a name, then a credit in brackets, then nothing (this raised IndexError)."""
    from pipeline.process import Resources, process_batch
    from pipeline.types import Article

    res = Resources.load(["rules"], None, None, use_cache=False, decisions="none")
    texts = ["Banjir melanda desa itu.\n\nKepala Bidang Kedaruratan BPBD Sukamaju, Suparno (Warta Desa/Budi Santoso)",
             "Banjir melanda desa itu, kata Kepala BPBD Sukamaju, Suparno (Warta Desa/Budi Santoso)"]
    results = process_batch([Article(f"a{i}", f"a{i}.txt", t, {}) for i, t in enumerate(texts)], res)
    res.close()
    assert [r.error for r in results] == [None, None]
