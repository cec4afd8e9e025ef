"""People, the token layer (extract/people/tokens.py): words a scraper glued together, headlines, words
that are never names.

Every sentence here is made up for the test.
"""
from __future__ import annotations

import pytest

from people_helpers import body_by_name, ner_each, people_of, shared_extractor
from pipeline.extract.people.gate import span_name
from pipeline.extract.people.tokens import Doc, tokenize


@pytest.fixture(scope="module")
def extractor():
    return shared_extractor()


# --- headlines, names inside other names, places after a position --------------------------------------

def test_a_verb_with_me_kan_is_no_name(extractor):
    text = "Pontianak, AB-Bergerak Sambil Belajar Menumbuhkan Kader Masyarakat Adat yang Kritis merupakan tema pelatihan."
    assert body_by_name(people_of(extractor, text)) == {}


# --- words a scraper glued together ----------------------------------------------------------------------

@pytest.mark.parametrize("text, name, title", [
    ("Liputan, SukamajuBupati Sukamaju, Sutardi, berencana membuka pasar.", "Sutardi", "Bupati Sukamaju"),
    ("“Kami siap,” kata BupatiSukamajuRina Kartika, Sabtu.", "Rina Kartika", "Bupati Sukamaju"),
    ("Dosen Program StudiSastra Inggris UnsriDewi Lestari mengatakan mahasiswa perlu berlatih.", "Dewi Lestari",
     "Dosen Program Studi Sastra Inggris Unsri"),
])
def test_glued_words_are_split_for_names_and_positions(extractor, text, name, title):
    people = body_by_name(people_of(extractor, text))
    assert list(people) == [name]
    assert people[name]["title"] == title


@pytest.mark.parametrize("text, name", [
    ("Ketua Koperasi Maju Bersama, Bambang Wiryonobakal melanjutkan program simpan pinjam.", "Bambang Wiryono"),
    ("Di depan para kader posyandu, Ibu Rahmawatimenegaskan pentingnya gizi balita.", "Rahmawati"),
    ("Bupati Sukamaju Darmawan Putramengingatkan warga agar mendaftar.", "Darmawan Putra"),
])
def test_a_verb_glued_to_the_name_is_split_off(extractor, text, name):
    assert list(body_by_name(people_of(extractor, text))) == [name]


def test_a_model_span_running_into_a_glued_verb_ends_before_it(extractor):
    text = "Sejak 2015 Kartika Wulandaritidak pernah absen mengajar anak nelayan."
    (s, e, _), = spans = ner_each(text, "Kartika Wulandaritidak")
    doc = Doc(text, extractor.lex, [], spans)
    nm = span_name(doc, s, e)
    assert text[doc.toks[nm.a].start:doc.toks[nm.b - 1].end] == "Kartika Wulandari"


def test_words_ending_like_a_glued_word_stay_whole():
    """Only a capitalised word running into a listed lower-case word is split ("-akan", "-yang" are endings)."""
    assert [t.text for t in tokenize("Wulandaritidak Kebijakan Bengkayang Menyatakan")] == [
        "Wulandari", "tidak", "Kebijakan", "Bengkayang", "Menyatakan"]


def test_names_written_in_mixed_case_stay_whole(extractor):
    text = "“Hasil panen naik,” kata Dr. Malem K. McLeod."
    assert list(body_by_name(people_of(extractor, text))) == ["Malem K. McLeod"]


def test_a_hard_wrapped_body_line_is_no_headline(extractor):
    text = ("Peserta dikirim ke balai rehabilitasi di\nWirajaya Makassar, Sulawesi Selatan. Mereka adalah Udin Sapardi, "
            "Fatma Wahyuni\ndan Riyan Rinaldi. Pelatihan digelar dua pekan\n")
    spans = ner_each(text, "Udin Sapardi", "Fatma Wahyuni", "Riyan Rinaldi")
    assert sorted(body_by_name(people_of(extractor, text, ner_spans=spans))) == ["Fatma Wahyuni", "Riyan Rinaldi", "Udin Sapardi"]


def test_a_religious_school_after_a_position_is_no_name(extractor):
    text = "Pelatihan itu diikuti guru SD dan Pengurus Pondok Pesantren dari tiga kabupaten."
    assert body_by_name(people_of(extractor, text)) == {}
