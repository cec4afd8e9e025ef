"""How the extractors feed one another inside ``process_batch``."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.process import Resources, process_batch
from pipeline.types import Article

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@pytest.fixture(scope="module")
def res():
    return Resources.load([RULES_DIR], "none", use_cache=False)


def test_a_place_word_inside_a_persons_name_is_no_place(res):
    text = ("Pelatihan Kader UMKM Digelar di Jakarta Selatan\n\nJAKARTA - Suku Dinas Koperasi Jakarta Selatan "
            "melatih 50 pelaku UMKM di Kecamatan Tebet, Senin (3/11/2025). Kepala Suku Dinas Koperasi Jakarta "
            "Selatan, Dr. Rahmat Setiabudi, M.M., mengatakan pelatihan berlangsung tiga hari.")
    [result] = process_batch([Article("t1", "t1.txt", text)], res)
    record = result.records[0]
    assert "Rahmat Setiabudi" in {p["name"] for p in record["people"]}
    assert "Setiabudi" not in {p["name"] for p in record["places"]}
