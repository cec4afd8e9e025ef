"""Helpers of the organisation tests: the shipped extractor, and its mentions merged as a record holds them."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipeline.extract.orgs import OrgExtractor
from pipeline.normalize.orgs import merge_orgs
from pipeline.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]


def make_extractor() -> OrgExtractor:
    return OrgExtractor(load_rules([ROOT / "rules"]))


@lru_cache(maxsize=1)
def shared_extractor() -> OrgExtractor:
    """One extractor for the test modules that only read from it (it keeps nothing between articles)."""
    return make_extractor()


def items(extractor: OrgExtractor, text: str, ner=(), regions=()) -> list[dict]:
    """One item per organisation, as ``merge_orgs`` gives a record; every mention's offsets checked."""
    found = extractor.extract(text, list(regions), list(ner))
    for m in found:
        assert text[m.start:m.end] == m.text, m
    return merge_orgs([m for m in found if not m.excluded and not m.value.get("media")], extractor.legal_key_words)


def entity(extractor, text, name):
    """The merged item whose name or aliases hold ``name`` (case-insensitive)."""
    for it in items(extractor, text):
        if name.casefold() in {n.casefold() for n in [it["name"], *it["aliases"]]}:
            return it
    raise AssertionError(f"{name!r} not found in {[it['name'] for it in items(extractor, text)]}")


def names(extractor, text):
    return [it["name"] for it in items(extractor, text)]


def all_forms(extractor, text, ner=()):
    """Every name and alias of the merged items."""
    return {n for it in items(extractor, text, ner) for n in [it["name"], *it["aliases"]]}
