"""People's names after extraction (pipeline/normalize/people.py): cleaning a name of honorifics and
degrees, short and misspelt forms, and merging one article's person mentions.

Every sentence here is made up for the test.
"""
from __future__ import annotations

import pytest

from pipeline.names import clean_person_name
from pipeline.normalize.people import merge_people
from pipeline.types import Mention


# --- cleaning ------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, clean", [
    ("Bapak Joko Santoso", "Joko Santoso"),
    ("Pak Darto", "Darto"),
    ("Ibu Siti Aminah", "Siti Aminah"),
    ("Bu Ratna", "Ratna"),
    ("H. Abdul Rahman", "Abdul Rahman"),
    ("Hj. Nur Aini", "Nur Aini"),
    ("Dr. Ir. Bambang Setiadi", "Bambang Setiadi"),
    ("Drs. Yusuf Hamka", "Yusuf Hamka"),
    ("Prof. Dr. Lina Marlina", "Lina Marlina"),
    ("KH Ahmad Dahlan Harun", "Ahmad Dahlan Harun"),
    ("Ny. Wulan Sari", "Wulan Sari"),
    ("H.M. Ridwan", "M. Ridwan"),
    ("Rina Kartika, S.Sos", "Rina Kartika"),
    ("Rina Kartika. S.Sos, CH", "Rina Kartika"),
    ("Dewi Anggraini SE, M.Ak", "Dewi Anggraini"),
    ("Dewi Anggraini, S.E., M.Si.", "Dewi Anggraini"),
    ("Tono Sugiarto, S.Pd", "Tono Sugiarto"),
    ("Tono Sugiarto, S.T., MM", "Tono Sugiarto"),
    ("Yanti Susanti, M. Pd.", "Yanti Susanti"),
    ("Agus Salim, MBA", "Agus Salim"),
    ("Lestari Handayani, CHt", "Lestari Handayani"),
    ("Rudi Hartono, SIP, MM", "Rudi Hartono"),
    ("Bapak Dr. H. Ahmad Sanusi, S.E., M.Si.", "Ahmad Sanusi"),
])
def test_clean_strips_honorifics_and_degrees(rules, raw, clean):
    assert clean_person_name(raw, rules) == clean


@pytest.mark.parametrize("raw, clean", [
    ("Budi Hartono EBS", "Budi Hartono EBS"),  # capitals that are no degree belong to the name
    ("M. Yusuf", "M. Yusuf"),  # an initial is kept
    ("Maria da Costa", "Maria da Costa"),
    ("Ahmad bin Said", "Ahmad bin Said"),
    ("Ma'ruf Hidayat,", "Ma'ruf Hidayat"),  # no trailing punctuation
    ("Andi S.", "Andi S"),
    ("BUMN Budi Santoso", "BUMN Budi Santoso"),  # "BU" inside a word is no honorific
])
def test_clean_keeps_the_name(rules, raw, clean):
    assert clean_person_name(raw, rules) == clean


# --- names of many regions -----------------------------------------------------------------------

@pytest.mark.parametrize("raw, clean", [
    ("Mbah Sastro Wiyono", "Sastro Wiyono"),
    ("Teh Nining", "Nining"),
    ("Kang Dadang Sunarya", "Dadang Sunarya"),
    ("Mama Yosefina Tefa", "Yosefina Tefa"),
    ("Cak Mahmud", "Mahmud"),
])
def test_regional_forms_of_address_are_stripped(rules, raw, clean):
    assert clean_person_name(raw, rules) == clean


# --- merge_people on hand-made mentions ------------------------------------------------------------

def _m(name, start, title="", role="person"):
    return Mention("person", name, start, start + len(name), "test",
                   {"name": name, "title": title, "organization": "", "role": role, "byline": False})


def test_merge_prefers_nearest_earlier_full_name():
    ms = [_m("Ahmad Fauzi", 0, "Ketua RT 01"), _m("Ahmad Rifai", 100, "Ketua RT 02"), _m("Ahmad", 150)]
    people = merge_people(ms)
    assert [p["name"] for p in people] == ["Ahmad Fauzi", "Ahmad Rifai"]
    assert people[1]["aliases"] == ["Ahmad"]


def test_merge_lone_short_name_stays_a_person():
    people = merge_people([_m("Warsito", 10), _m("Warsito", 80)])
    assert [(p["name"], p["aliases"], len(p["mentions"])) for p in people] == [("Warsito", [], 2)]


# --- other names of the same person ---------------------------------------------------------------------

def test_a_short_form_with_a_cut_first_name_joins_the_full_name():
    from pipeline.names import is_cut_from
    assert is_cut_from("Chris Djoka", "Christianus Djoka")
    assert is_cut_from("Ani", "Ni Luh Sumiani")
    assert not is_cut_from("Budi", "Andi Pratama")


# --- where a position ends in a list of people ----------------------------------------------------------

def test_a_misspelt_repeat_of_a_written_name_joins_it():
    from pipeline.normalize.people import _is_misspelt_form
    assert _is_misspelt_form("Budi Arei", "Budi Arie Setiadi")
    assert not _is_misspelt_form("Budi Santoso", "Budi Arie Setiadi")
