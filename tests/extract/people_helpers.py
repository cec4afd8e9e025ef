"""Shared by the people extractor's tests (tests/extract/test_people_*.py): one extractor for the session, and
what the tests read from its mentions."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipeline.extract.people import PeopleExtractor
from pipeline.normalize.people import PRESS_ROLES, merge_people
from pipeline.rules import load_rules

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"


@lru_cache(maxsize=1)
def shared_extractor() -> PeopleExtractor:
    """The people extractor over the shipped rules (it keeps no state between articles)."""
    return PeopleExtractor(load_rules([RULES_DIR]))


def people_of(extractor, text, **kw):
    """The merged people of ``text``; every mention's offsets must point into the original text."""
    mentions = extractor.extract(text, kw.pop("regions", []), **kw)
    for m in mentions:
        assert text[m.start:m.end] == m.text  # offsets always point into the original text
    return merge_people(mentions)


def by_name(people):
    """Every person (the press too) by name."""
    return {p["name"]: p for p in people}


def body_by_name(people):
    """The people of the article's body (not the press) by name."""
    return {p["name"]: p for p in people if p["role"] not in PRESS_ROLES}


def body_names(people):
    return sorted(p["name"] for p in people if p["role"] not in PRESS_ROLES)


def ner_first(text, *names, label="PER"):
    """NER spans over the first occurrence of each name, as the model would hand them in."""
    return [(text.index(n), text.index(n) + len(n), label) for n in names]


def ner_each(text, *names):
    """NER PER spans for the given names (each occurrence), as the model would give them."""
    out = []
    for n in names:
        i = text.find(n)
        while i >= 0:
            out.append((i, i + len(n), "PER"))
            i = text.find(n, i + 1)
    return out
