"""Shared by the count extractor's tests (tests/extract/test_counts*.py): one extractor over the count rule files,
and the participants the tests read from its mentions."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipeline.extract.counts import CountExtractor
from pipeline.normalize.participants import assemble_participants
from pipeline.rules import load_rules

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"
RULE_FILES = [RULES_DIR / f"{stem}.jsonl" for stem in ("number_words", "counted_nouns", "count_exclusions")]


@lru_cache(maxsize=1)
def shared_extractor() -> CountExtractor:
    """The count extractor over the shipped count rules (it keeps no state between articles)."""
    return CountExtractor(load_rules(RULE_FILES))


def participants(extractor: CountExtractor, text: str, regions=()) -> list[dict]:
    return assemble_participants(extractor.extract(text, list(regions)))[0]


def units(extractor: CountExtractor, text: str) -> list[tuple[int, str]]:
    return [(p["count"], p["unit"]) for p in participants(extractor, text)]
