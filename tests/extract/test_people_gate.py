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


# --- places and campaigns taken for people on unseen articles ---------------------------------------------

def _at(text, part, label=None):
    i = text.index(part)
    return (i, i + len(part), label) if label else (i, i + len(part))


def test_a_campaigns_name_is_no_person(extractor):
    text = "Yayasan itu menambah pendampingan Aksi Bersih Warga untuk Sungai di Kabupaten Sukamaju."
    assert body_names(people_of(extractor, text)) == []
    text = "Hasil olahannya berupa kompos, Eco Lestari, dan pupuk cair. Kampanye Hijau Bersama juga digelar."
    ner = [_at(text, "Eco Lestari", "PER"), _at(text, "Kampanye Hijau Bersama", "PER")]
    assert body_names(people_of(extractor, text, ner_spans=ner)) == []


def test_an_organisation_in_a_list_of_offices_is_no_person(extractor):
    text = "Kerja sama dengan pemangku kepentingan seperti TNI, Polri, kepala desa perlu dilakukan."
    assert body_names(people_of(extractor, text, org_spans=[_at(text, "TNI"), _at(text, "Polri")])) == []


def test_a_district_in_an_address_after_a_position_is_no_person(extractor):
    text = "Dalam pertemuan warga RW 02 Kelurahan Sukorame, Laweyan, Solo, suasana berubah tegang."
    assert body_names(people_of(extractor, text)) == []
    # a one-word name after the same position, then a verb: a person
    text = "Salah satu warga RW 02 Kelurahan Sukorame, Laweyan, mengaku senang."
    assert body_names(people_of(extractor, text)) == ["Laweyan"]


def test_an_acehnese_religious_title_is_no_part_of_the_name(extractor):
    text = "“Kurban dibagikan ke lima gampong,” sebut Drs Tgk H. Abdul Manaf MA selaku ketua panitia kurban."
    people = body_by_name(people_of(extractor, text))
    assert list(people) == ["Abdul Manaf"]
    assert people["Abdul Manaf"]["title"] == "ketua panitia kurban"


def test_an_honorific_and_name_inside_a_business_name_is_no_person(extractor):
    text = ("Pelatihan dipandu perajin dari Sanggar Tari Mbah Karto dan Warung Bu Darmi. Ketua panitia, "
            "Rudi Hartanto, mengatakan kegiatan berlangsung dua hari.")
    orgs = [(text.index(o), text.index(o) + len(o)) for o in ("Sanggar Tari Mbah Karto", "Warung Bu Darmi")]
    people = body_names(people_of(extractor, text, org_spans=orgs))
    assert "Karto" not in people and "Darmi" not in people
    assert "Rudi Hartanto" in people


def test_a_programmes_name_after_program_is_no_person(extractor):
    text = ("Kegiatan ini sejalan dengan program Sapta Karya Bupati dan Peraturan Daerah Nomor 3 Tahun 2024. "
            "Kepala Dinas Sosial, Rina Wulandari, membuka acara.")
    people = body_names(people_of(extractor, text, ner_spans=[(text.index("Sapta Karya"),
                                                                 text.index("Sapta Karya") + 11, "PER")]))
    assert people == ["Rina Wulandari"]


def test_model_name_after_a_calling_is_no_longer_name():
    """Made up: the model's span leaves "Pastor" out; the honorific before it makes no longer name of it."""
    from people_helpers import body_by_name, ner_each, people_of, shared_extractor
    text = ("Mereka menyerahkan langsung bantuan kepada Pastor Yohanes Lado. \"Terima kasih atas pemberian ini,\" "
            "kata Pastor Yohanes.")
    people = body_by_name(people_of(shared_extractor(), text, ner_spans=ner_each(text, "Yohanes Lado")))
    assert people["Yohanes Lado"]["title"] == "Pastor"
    assert people["Yohanes Lado"]["aliases"] == ["Yohanes"]
