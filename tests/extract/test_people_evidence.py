"""People, what the whole article says about words (extract/people/evidence.py): place and position
words that are no names.

Every sentence here is made up for the test.
"""
from __future__ import annotations

import pytest

from people_helpers import body_by_name, ner_each, people_of, shared_extractor


@pytest.fixture(scope="module")
def extractor():
    return shared_extractor()


# --- where a position ends in a list of people ----------------------------------------------------------

def test_a_ministry_word_after_a_minister_is_no_place(extractor):
    text = ("Acara dihadiri Menteri Desa Yandra Susila, Menteri Koperasi Budi Arifin, dan Mendagri Tito "
            "Karnawan.")
    spans = ner_each(text, "Yandra Susila", "Budi Arifin", "Tito Karnawan")
    people = body_by_name(people_of(extractor, text, ner_spans=spans))
    assert people["Yandra Susila"]["title"] == "Menteri Desa"
    assert people["Budi Arifin"]["title"] == "Menteri Koperasi"


# --- where a name starts and ends after a position ---------------------------------------------------------

def test_a_district_word_marks_a_place(extractor):
    text = ("Acara dihadiri Wakil Bupati Okaba Sutarman, dan Kepala Distrik Okaba. Pelatihan digelar di Distrik "
            "Okaba, Merauke.")
    assert list(body_by_name(people_of(extractor, text))) == ["Sutarman"]


# --- headlines, names inside other names, places after a position --------------------------------------

def test_an_official_place_after_a_position_and_comma_is_no_person(extractor):
    text = ("Pelaksana tugas (Plt) Kepala Dinas Sosial (Dinsos), Pidie Jaya, Agusmaidi mengatakan pelatihan berlanjut. "
            "Pelatihan digelar di Pidie Jaya.")
    assert list(body_by_name(people_of(extractor, text))) == ["Agusmaidi"]
