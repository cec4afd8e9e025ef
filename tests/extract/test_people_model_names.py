"""People, the NER model's PER spans (extract/people/model_names.py, gate.ner_name): which the article
makes plausible, and lists of the model's names.

Every sentence here is made up for the test.
"""
from __future__ import annotations

import pytest

from people_helpers import body_by_name, body_names, by_name, ner_each, ner_first, people_of, shared_extractor


@pytest.fixture(scope="module")
def extractor():
    return shared_extractor()


# --- positions ----------------------------------------------------------------------------

def test_ner_span_adds_a_person_and_its_title(extractor):
    text = "Dalam acara itu hadir pula Camat Lembah Hijau Marten Kolo bersama warga."
    start = text.index("Marten Kolo")
    people = by_name(people_of(extractor, text, ner_spans=[(start, start + len("Marten Kolo"), "PER")]))
    assert people["Marten Kolo"]["title"] == "Camat Lembah Hijau"


# --- NER PER spans: which the article makes plausible ---------------------------------------------------

def test_ner_name_of_two_words_without_a_pattern_is_a_person(extractor):
    text = "Materi pemasaran disampaikan desainer asal Bandung, Laras Wiradinata, serta tim dinas."
    people = by_name(people_of(extractor, text, ner_spans=ner_first(text, "Laras Wiradinata")))
    assert list(people) == ["Laras Wiradinata"]


@pytest.mark.parametrize("text, span", [
    # one capitalised word: the model tags common words ("Pelatihan", "Sekadar") as PER
    ("Sekadar informasi, pelatihan ini gratis bagi warga.", "Sekadar"),
    # part of a longer capitalised name (an organisation, a document, a programme)
    ("Peserta dibantu mengurus Nomor Induk Berusaha secara daring.", "Induk Berusaha"),
    ("Produk dipajang di Sanggar Kriya Lestari Makmur milik desa.", "Kriya Lestari"),
    # a name with its own short form in brackets is a term, not a person
    ("Kegiatan Jumat Berkah (Jumber) digelar setiap pekan.", "Jumat Berkah"),
    # English names of things joined by and/of
    ("Program itu dinamai Green Village and Beyond oleh perusahaan.", "Green Village"),
    # a place written like a name
    ("Warga Kabupaten Timor Tengah Selatan menyambut baik pelatihan itu.", "Timor Tengah"),
    # a name alone in brackets: an outlet or a credit
    ("Sukamaju, Jateng (Kabar Lestari) - Petani menerima bibit.", "Kabar Lestari"),
    # a word that is no name word (a derived noun)
    ("Pendampingan Usaha digelar selama tiga bulan.", "Pendampingan Usaha"),
])
def test_implausible_ner_spans_are_no_people(extractor, text, span):
    assert body_names(people_of(extractor, text, ner_spans=ner_first(text, span))) == []


def test_ner_span_inside_an_organisation_is_no_person(extractor):
    text = "Kelompok Wanita Tani Melati Indah menerima bantuan bibit."
    org = (0, len("Kelompok Wanita Tani Melati Indah"))
    assert body_names(people_of(extractor, text, ner_spans=ner_first(text, "Melati Indah"), org_spans=[org])) == []


def test_pattern_name_wins_over_a_shorter_ner_span(extractor):
    text = "Bupati Banyumas Yohanes Rudolf Pattimura mengatakan anggaran sudah siap."
    people = by_name(people_of(extractor, text, ner_spans=ner_first(text, "Rudolf Pattimura")))
    assert list(people) == ["Yohanes Rudolf Pattimura"]
    assert people["Yohanes Rudolf Pattimura"]["title"] == "Bupati Banyumas"


def test_ner_name_followed_by_degrees_is_a_person(extractor):
    text = ("Materi disampaikan akademisi Universitas Sukamaju, Dr. Wening Prameswari, S.Hut., M.P. "
            "Ia menjelaskan cara panen.")
    people = by_name(people_of(extractor, text, ner_spans=ner_first(text, "Wening Prameswari")))
    assert list(people) == ["Wening Prameswari"]


def test_caption_label_is_no_position_for_a_ner_name(extractor):
    text = ("PETANI MUDA - Bagas Hermawan memanen cabai di kebunnya, Senin (4/3/2024).\n"
            "“Harga sedang bagus,” kata Bagas.")
    people = by_name(people_of(extractor, text, ner_spans=ner_first(text, "Bagas Hermawan")))
    assert people["Bagas Hermawan"]["title"] == ""


@pytest.mark.parametrize("text, span", [
    # a business, an event partner and a venue that the model may tag as PER: nothing else in the
    # article says a person is meant
    ("Salah satu mitra binaan adalah Madu Sejahtera yang berada di Desa Sukamaju.", "Madu Sejahtera"),
    ("Perusahaan bersinergi dengan Anak Perusahaan dan Joint Venture akan menggelar bazar.", "Joint Venture"),
    ("Turnamen amal digelar di Sentul Golf Club, Halim Kusumajaya, Jakarta, Sabtu (20/7).", "Halim Kusumajaya"),
])
def test_ner_name_without_any_sign_of_a_person_is_dropped(extractor, text, span):
    assert body_names(people_of(extractor, text, ner_spans=ner_first(text, span))) == []


@pytest.mark.parametrize("text, span", [
    # quoted elsewhere by a short form
    ("Kebun itu milik Rahmat Wibisono sejak 2019. “Panen tahun ini bagus,” ujar Rahmat.", "Rahmat Wibisono"),
    # a speech verb right after the name, across a comma
    ("Di sela kunjungan, Joko Widiatmoko, menjelaskan rencana koperasi.", "Joko Widiatmoko"),
    # an apposition at the start of a sentence
    ("Panen digelar kemarin. Octavianus Mote, putra asli Desa Sukamaju, mengelola kebun hidroponik.",
     "Octavianus Mote"),
    # an honorific written before the model's span
    ("Kegiatan itu juga dihadiri H. Lalu Wiradarma dari desa tetangga.", "Lalu Wiradarma"),
])
def test_ner_name_with_a_sign_of_a_person_is_kept(extractor, text, span):
    assert span in body_names(people_of(extractor, text, ner_spans=ner_first(text, span)))


# --- names the model found, and lists of names ------------------------------------------------------------

def test_model_names_listed_together_are_people(extractor):
    text = ("Pelatihan itu menghadirkan Dewi Kartika Sari, Bambang Hartoyo, dan Yohana Liem sebagai pemateri. "
            "Produk unggulan desa, seperti Kopi Lereng Indah dan Madu Hutan Lestari, ikut dipamerkan.")
    spans = ner_each(text, "Dewi Kartika Sari", "Bambang Hartoyo", "Yohana Liem", "Kopi Lereng Indah")
    assert sorted(body_by_name(people_of(extractor, text, ner_spans=spans))) == [
        "Bambang Hartoyo", "Dewi Kartika Sari", "Yohana Liem"]


def test_a_listed_description_in_brackets_is_no_affiliation(extractor):
    text = "Warga masih menjaga tradisi seperti Mapag Sari (syukuran panen) dan Ngarot Tani (ritual tanam)."
    spans = ner_each(text, "Mapag Sari", "Ngarot Tani")
    assert body_by_name(people_of(extractor, text, ner_spans=spans)) == {}


def test_a_person_from_a_rule_span_names_the_rule_unless_the_model_gave_the_same_span(extractor):
    from pipeline.types import Span
    text = "Materi kemasan dibawakan Sekar Pramesti dari Garut, serta tim dinas."  # no pattern finds her
    s = text.index("Sekar Pramesti")
    e = s + len("Sekar Pramesti")
    rule = Span(s, e, "PER", "rule:entities.jsonl:mk")

    def sources(spans):
        return {m.source for m in extractor.extract(text, [], ner_spans=spans) if m.value["name"] == "Sekar Pramesti"}

    assert sources([rule]) == {"rule:entities.jsonl:mk"}
    assert sources([Span(s, e, "PER")]) == sources([(s, e, "PER")]) == {"ner"}
    assert sources([rule, Span(s, e, "PER")]) == {"ner"}  # the model found it too: the model's


def test_a_place_or_body_glued_before_the_models_name_is_no_part_of_it(extractor):
    # a scraper lost the space after a dateline or a company ("SurabayaRina Kartika"), and the model's span took
    # the place in: the name starts after the lost space
    text = "Liputan6.com, SurabayaRina Kartika adalah sosok yang peduli pada perempuan di Kota Surabaya."
    mentions = extractor.extract(text, [], ner_first(text, "SurabayaRina Kartika"))
    assert [m.text for m in mentions if m.kind == "person"] == ["Rina Kartika"]


def test_an_organisation_alone_in_brackets_after_a_name_is_where_the_person_comes_from(extractor):
    text = "Acara dihadiri Rina Kartika (Sinar Digital), Budi Santoso (Kerjaku), dan Dewi Lestari (Kolaborasi)."
    orgs = ["Sinar Digital", "Kerjaku", "Kolaborasi"]
    spans = ner_first(text, "Rina Kartika", "Budi Santoso", "Dewi Lestari") + ner_first(text, *orgs, label="ORG")
    org_spans = [(text.index(o), text.index(o) + len(o)) for o in orgs]
    mentions = [m for m in extractor.extract(text, [], spans, org_spans) if m.kind == "person"]
    titles = {m.value["name"]: m.value["title"] for m in mentions}
    assert titles == {"Rina Kartika": "Sinar Digital", "Budi Santoso": "Kerjaku", "Dewi Lestari": "Kolaborasi"}
