"""People, the press (extract/people/press.py): bylines, credits, initials.

Every sentence here is made up for the test.
"""
from __future__ import annotations

import pytest

from pipeline.normalize.people import PRESS_ROLES

from people_helpers import body_names, by_name, people_of, shared_extractor


@pytest.fixture(scope="module")
def extractor():
    return shared_extractor()


# --- the press -------------------------------------------------------------------------------

@pytest.mark.parametrize("line, name, role", [
    ("Reporter: Dimas Prasetyo", "Dimas Prasetyo", "reporter"),
    ("Penulis: Ayu Lestari | Editor: Bonifasius Nggeda", "Ayu Lestari", "reporter"),
    ("Penulis: Ayu Lestari | Editor: Bonifasius Nggeda", "Bonifasius Nggeda", "editor"),
    ("Pewarta: Teguh Santosa", "Teguh Santosa", "reporter"),
    ("Editor In Chief : Margono", "Margono", "editor"),
    ("Foto: Herman Susilo", "Herman Susilo", "photographer"),
    ("Laporan Wartawan Harian Timur, Yosef Lado", "Yosef Lado", "reporter"),
])
def test_press_labels(extractor, line, name, role):
    text = f"Ketua Kelompok Tani Subur, Darmaji, mengatakan panen meningkat.\n{line}\n"
    people = by_name(people_of(extractor, text))
    assert people[name]["role"] == role
    assert people[name]["byline"] is True
    assert body_names(list(people.values())) == ["Darmaji"]


def test_byline_initials_are_press(extractor):
    text = "Bupati Sukamaju, Andi Pratama, meresmikan pasar itu. (rdk/ams)"
    people = people_of(extractor, text)
    press = sorted(p["name"] for p in people if p["role"] in PRESS_ROLES)
    assert press == ["ams", "rdk"]
    assert body_names(people) == ["Andi Pratama"]


def test_reporter_name_reused_in_caption_stays_press(extractor):
    text = ("Bagus Setiawan - detikNews\n"
            "Peserta pelatihan menjahit di balai desa (Bagus/detikcom)\n"
            "Kepala Desa Sukaraja, Mulyono, mengatakan pelatihan berlangsung tiga hari.")
    people = people_of(extractor, text)
    assert body_names(people) == ["Mulyono"]
    reporter = by_name(people)["Bagus Setiawan"]
    assert reporter["role"] in PRESS_ROLES and "Bagus" in reporter["aliases"]
