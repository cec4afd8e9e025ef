"""People, other names of the same person (extract/people/aliases.py): short forms, nicknames, another
name after the name, forms of address.

Every sentence here is made up for the test.
"""
from __future__ import annotations

import pytest

from people_helpers import body_by_name, body_names, by_name, ner_each, ner_first, people_of, shared_extractor


@pytest.fixture(scope="module")
def extractor():
    return shared_extractor()


# --- names of many regions -----------------------------------------------------------------------

def test_regional_form_of_address_joins_the_full_name(extractor):
    text = ("Salah satu perajin, Mbak Endang Sulastri (41), mengaku pesanan naik. "
            "“Sekarang kami kewalahan,” kata Mbak Endang.")
    people = by_name(people_of(extractor, text))
    assert list(people) == ["Endang Sulastri"]
    assert "Endang" in people["Endang Sulastri"]["aliases"]


# --- short forms, honorifics, nicknames ------------------------------------------------------------

def test_short_forms_join_the_full_name(extractor):
    text = ("Kepala Balai Rehabilitasi Sosial Mulya, Ratih Kusuma Wardani, mengatakan pelatihan berlangsung lima "
            "hari.\n“Peserta sangat antusias,” kata Kusuma.\n"
            "Menurut Bu Ratih, pelatihan akan dilanjutkan tahun depan.")
    people = people_of(extractor, text)
    assert body_names(people) == ["Ratih Kusuma Wardani"]
    p = people[0]
    assert {"Kusuma", "Ratih"} <= set(p["aliases"])
    assert p["title"] == "Kepala Balai Rehabilitasi Sosial Mulya"


def test_clipped_short_form_joins(extractor):
    text = ("Manager CSR PT Baja Utama Pradipta Nugraha mengatakan program berjalan baik.\n"
            "“Kami akan lanjutkan,” ujar Dipta.\n"
            "Pradipta menambahkan, ada 30 peserta.")
    assert body_names(people_of(extractor, text)) == ["Pradipta Nugraha"]


def test_nickname_joins(extractor):
    text = ("Hal itu disampaikan Kepala Cabang BPJS Ketenagakerjaan Sukamaju Suryadi Rahman di kantornya.\n"
            "“Semua pekerja harus terlindungi,” kata Yadi, panggilan akrab Suryadi.\n"
            "Yadi menyebutkan ada 500 peserta baru.")
    people = people_of(extractor, text)
    assert body_names(people) == ["Suryadi Rahman"]
    assert "Yadi" in people[0]["aliases"]


def test_nickname_after_an_apposition_or_in_the_next_sentence_is_an_alias(extractor):
    text = ("Salah satu peserta, Rohana, pedagang kue di Pasar Lama yang akrab disapa Mak Ona, mengaku senang. "
            "Ketua Kelompok Tani Subur, Darmawan, ikut hadir. Pria yang biasa dipanggil Wawan itu menanam cabai. "
            "“Hasilnya bagus,” kata Wawan.")
    people = people_of(extractor, text)
    names = by_name(people)
    assert set(body_names(people)) == {"Rohana", "Darmawan"}
    assert "Wawan" in names["Darmawan"]["aliases"]


def test_a_name_given_a_nickname_is_a_person_with_that_alias(extractor):
    text = ("Salah satu penerima, Lie Siu Hong atau yang akrab disapa Ahong, pedagang kue di Pasar Baru, ingin "
            "menambah etalase. “Pesanan terus naik,” kata Ahong.")
    people = by_name(people_of(extractor, text))
    assert set(people) == {"Lie Siu Hong"} and people["Lie Siu Hong"]["aliases"] == ["Ahong"]


# --- other names of the same person ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "“Bantuan tetap disalurkan,” kata Menteri Sosial Saifudin Yasa (Gus Udin), Senin. Gus Udin menambahkan data diperbarui.",
    "Menteri Sosial Saifudin Yasa atau Gus Udin mengatakan bantuan tetap disalurkan. Gus Udin menambahkan data diperbarui.",
    "Menteri Sosial Saifudin Yasa alias Gus Udin mengatakan bantuan tetap disalurkan. Gus Udin menambahkan data diperbarui.",
])
def test_a_second_name_after_a_found_name_is_an_alias(extractor, text):
    people = body_by_name(people_of(extractor, text))
    assert list(people) == ["Saifudin Yasa"]
    assert people["Saifudin Yasa"]["title"] == "Menteri Sosial"
    assert "Udin" in people["Saifudin Yasa"]["aliases"]


def test_a_nickname_cut_from_the_name_reaches_back_over_a_quote(extractor):
    text = ("Menurut Ketua KWT Sari Tani, Ni Luh Sumiani, kelompok itu berdiri pada 2009. “Awalnya kami hanya "
            "lima orang. Lalu kami menanam kopi. Sekarang kami punya kebun sendiri,” ceritanya.\n"
            "Perempuan yang akrab disapa Ani ini kemudian mengajak warga. “Kami terus belajar,” ungkap Ani.")
    people = body_by_name(people_of(extractor, text))
    assert list(people) == ["Ni Luh Sumiani"] and "Ani" in people["Ni Luh Sumiani"]["aliases"]


# --- one-word names right after a position or a unit's acronym --------------------------------------------

def test_a_form_of_address_before_a_short_name_is_no_new_person(extractor):
    text = ("Pengasuh pondok itu adalah anggota Polres Sukamaju, Bripka Eko Julianto. Warga berterima kasih kepada "
            "Abah Eko yang telah mendidik para santri.")
    people = body_by_name(people_of(extractor, text, ner_spans=ner_each(text, "Abah Eko")))
    assert list(people) == ["Eko Julianto"]


def test_possessive_nickname_cue_after_a_quote_names_the_speaker_named_before(extractor):
    # "NICK sapaan akrabnya": the cue names no one after it; the nickname is of the person named last before the
    # quote (the quote's own sentences are not counted as sentences between them)
    text = ("Sementara itu Sri Wulandari, pengelola homestay di desa itu, mengucapkan terima kasih atas kunjungan ini. "
            "\"Kami senang sekali. Semoga kerja sama ini berlanjut,\" ucap Wulan sapaan akrabnya.")
    people = body_by_name(people_of(extractor, text, ner_spans=ner_first(text, "Sri Wulandari")))
    assert "Wulan" not in people
    assert people["Sri Wulandari"]["aliases"] == ["Wulan"]


def test_karib_disapa_is_a_nickname_cue(extractor):
    text = "Pelatih tim, Bambang Santoso, mengaku puas. Pelatih yang karib disapa Bambi ini menjelaskan latihannya."
    people = body_by_name(people_of(extractor, text))
    assert "Bambi" not in people
    assert people["Bambang Santoso"]["aliases"] == ["Bambi"]
