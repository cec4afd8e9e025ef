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


def test_rule_spans_keep_their_rule_as_source_unless_the_model_found_the_same_span():
    from pipeline.process import _rule_spans
    from pipeline.types import Mention, Span
    rules = [Mention("rule", "Kelompok Tani Maju", 0, 18, "rule:entities.jsonl:a", {}, label="ORG"),
             Mention("rule", "Tani Maju", 9, 18, "rule:entities.jsonl:b", {}, label="ORG"),
             Mention("rule", "Desa Sukamaju", 30, 43, "rule:entities.jsonl:c", {}, label="LOC"),
             Mention("rule", "Desa Lain", 50, 59, "rule:entities.jsonl:d", {}, label="LOC", excluded=True)]
    model = [(9, 18, "ORG"), (30, 43, "PER")]  # same span as rule b; rule c's span under another label
    assert _rule_spans(rules, model) == [Span(0, 18, "ORG", "rule:entities.jsonl:a"), Span(9, 18, "ORG", "ner"),
                                         Span(30, 43, "LOC", "rule:entities.jsonl:c")]
