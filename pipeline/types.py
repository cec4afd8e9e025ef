"""Small value types shared by every stage.

Stages talk only through these, never through each other's internals, so each
extractor can be read, tested and replaced alone. Offsets are always character
offsets into ``Article.text`` (the original decoded text).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# How strongly a count's cue marks it as the programme's count ("total"/"jumlah" strong, "sebanyak" medium):
# written by the count extractor, read when a record's participants are assembled.
COUNT_CUE_RANK = {"strong": 3, "medium": 2, "none": 1}
# Classes of counted things whose counts can be parts of one another's totals (people and businesses).
COUNT_FAMILY = {"person": "actors", "business": "actors"}


@dataclass(frozen=True)
class Article:
    """One input article: its id, where it came from and its decoded text."""

    id: str
    path: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)  # title, url, published, encoding


@dataclass(frozen=True)
class Region:
    """A stretch of the text that is not article body (``kind`` says what it is)."""

    start: int
    end: int
    kind: str  # e.g. "baca_juga", "photo_credit", "byline", "footer", "repeated", "title"
    source: str = ""

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end

    def overlaps(self, start: int, end: int) -> bool:
        return start < self.end and self.start < end


@dataclass
class Mention:
    """Something found in the text, with its evidence.

    ``kind`` is one of org, person, place, date, count, cue, title.
    ``source`` says what found it: ``ner``, ``rule:<file>:<id>``, ``regex:<name>``.
    ``value`` holds the normalised value (a dict whose keys depend on ``kind``).
    """

    kind: str
    text: str
    start: int
    end: int
    source: str
    value: dict[str, Any] = field(default_factory=dict)
    label: str = ""  # finer type: company/government/... for orgs, level for places
    excluded: bool = False  # inside a non-article region
    note: str = ""

    def evidence(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "source": self.source}


def in_regions(start: int, end: int, regions: list[Region] | tuple[Region, ...]) -> Region | None:
    """The excluded region overlapping [start, end), if any."""
    for r in regions:
        if r.overlaps(start, end):
            return r
    return None
