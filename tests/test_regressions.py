"""Awkward sentences with their full expected output, one file per extractor (tests/regressions/*.jsonl), in the
manner of dateparser's test corpus: a line is a sentence and everything the extractor must find in it, so a
change that adds a wrong item fails as surely as one that loses a right one. Add a line when a user reports
a case (in your own words, never a copied article)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.extract.counts import CountExtractor
from pipeline.normalize.participants import assemble_participants
from pipeline.extract.dates import DateExtractor
from pipeline.rules import load_rules

HERE = Path(__file__).resolve().parent
RULES = load_rules([HERE.parent / "rules"])


def _cases(name: str) -> list[dict]:
    lines = (HERE / "regressions" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def dates():
    return DateExtractor(RULES)


@pytest.fixture(scope="module")
def counts():
    return CountExtractor(RULES)


@pytest.mark.parametrize("case", _cases("dates"), ids=lambda c: c["text"][:40])
def test_dates(dates, case):
    found = sorted((m.value["start"], m.value.get("end")) for m in dates.extract(case["text"], []).mentions
                   if m.value.get("resolved") and m.value.get("granularity", "day") == "day")
    assert found == sorted(tuple(d) for d in case["dates"])


@pytest.mark.parametrize("case", _cases("counts"), ids=lambda c: c["text"][:40])
def test_participants(counts, case):
    parts, _ = assemble_participants(counts.extract(case["text"], []))
    assert sorted((p["count"], p["total"]) for p in parts) == sorted(tuple(p) for p in case["participants"])
