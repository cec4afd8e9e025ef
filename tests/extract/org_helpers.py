"""Helpers of the organisation tests: the shipped extractor, and its mentions merged as a record holds them."""
from __future__ import annotations

from pathlib import Path

from pipeline.extract.orgs import OrgExtractor
from pipeline.normalize.orgs import merge_orgs
from pipeline.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]


def make_extractor() -> OrgExtractor:
    return OrgExtractor(load_rules([ROOT / "rules"]))


def items(extractor: OrgExtractor, text: str, ner=(), regions=()) -> list[dict]:
    """One item per organisation, as ``merge_orgs`` gives a record; every mention's offsets checked."""
    found = extractor.extract(text, list(regions), list(ner))
    for m in found:
        assert text[m.start:m.end] == m.text, m
    return merge_orgs([m for m in found if not m.excluded and not m.value.get("media")])
