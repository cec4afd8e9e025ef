"""People: kinds of misses and false positives seen on real news (positions by their short forms, ranks,
nicknames, lists of names, headlines, places after a position).

Every sentence here is made up for the test.
"""
from __future__ import annotations

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
