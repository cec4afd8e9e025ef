"""People, the token layer (extract/people/tokens.py): words a scraper glued together, headlines, words
that are never names.

Every sentence here is made up for the test.
"""
from __future__ import annotations

import pytest

from people_helpers import body_by_name, ner_each, people_of, shared_extractor


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


def test_names_written_in_mixed_case_stay_whole(extractor):
    text = "“Hasil panen naik,” kata Dr. Malem K. McLeod."
    assert list(body_by_name(people_of(extractor, text))) == ["Malem K. McLeod"]


def test_a_hard_wrapped_body_line_is_no_headline(extractor):
    text = ("Peserta dikirim ke balai rehabilitasi di\nWirajaya Makassar, Sulawesi Selatan. Mereka adalah Udin Sapardi, "
            "Fatma Wahyuni\ndan Riyan Rinaldi. Pelatihan digelar dua pekan\n")
    spans = ner_each(text, "Udin Sapardi", "Fatma Wahyuni", "Riyan Rinaldi")
    assert sorted(body_by_name(people_of(extractor, text, ner_spans=spans))) == ["Fatma Wahyuni", "Riyan Rinaldi", "Udin Sapardi"]
