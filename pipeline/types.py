"""Small value types shared by every stage.

Stages talk only through these, never through each other's internals, so each
extractor can be read, tested and replaced alone. Offsets are always character
offsets into ``Article.text`` (the original decoded text).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypedDict, cast

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


class Span(NamedTuple):
    """An entity span the extractors read: the NER model's (``source`` "ner") or an entities rule's (``source`` the
    rule's source string), so a mention made from it names where it came from instead of guessing afterwards."""

    start: int
    end: int
    label: str
    source: str = "ner"


def span_source(span: Any) -> str:
    """The source of a span: a ``Span``'s own, "ner" for a bare ``(start, end, label)`` tuple."""
    return span[3] if len(span) > 3 else "ner"


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

    def evidence(self) -> MentionEvidence:
        return {"text": self.text, "start": self.start, "end": self.end, "source": self.source}


def in_regions(start: int, end: int, regions: list[Region] | tuple[Region, ...]) -> Region | None:
    """The excluded region overlapping [start, end), if any."""
    for r in regions:
        if r.overlaps(start, end):
            return r
    return None


# ---------------------------------------------------------------------------------------------------
# What passes from extract to normalize: the ``value`` of a mention, by kind. A ``Mention`` holds a plain dict
# (``value``), so each side names the shape it writes or reads with ``as_value`` / ``org_value`` and the like:
# typing only, the same dict either way.

class MentionEvidence(TypedDict):
    """Where a record's item was found (CONTRACT: ``EVIDENCE``)."""

    text: str
    start: int
    end: int
    source: str


class OrgValue(TypedDict, total=False):
    """The value of an organisation mention: written by ``extract/orgs/output.py``, read by
    ``normalize.orgs.merge_orgs`` (and ``decide.features`` for the learned org decision)."""

    name: str
    kind: str                   # company, government, ... (KINDS), media for an outlet
    role: str | None            # organizer, partner, beneficiary, other
    acronym: str | None
    media: bool                 # a news outlet: never a programme actor
    outlet: str                 # the outlet's name (media only)
    mid: int | None             # the mention's number in its article (None: a set-aside candidate)
    legal: bool                 # written with a legal form (PT, Tbk, (Persero))
    title_line: bool            # found in a headline
    origin: str                 # the finder that proposed it
    ner: str                    # how the model's ORG spans agree: same, nested, overlap, per, none
    generic: bool               # a known organisation marked generic
    link: int                   # the ``mid`` of the mention whose bracket defined this acronym
    base: str                   # the id of the known organisation it names
    canonical: str              # that organisation's official name
    unit: str                   # a unit of it ("RU IV Cilacap")
    place: str                  # a trailing region
    form: str | None            # the form word's key (dinas, kelompok)
    core: str                   # the name without its region
    virtual: bool               # the form word is implied, not written
    form_name: str              # "Pemerintah Kabupaten" for "Pemkab X"
    level_of: list[str]         # "Pemda X": the form keys it may stand for
    short: str                  # the name without the larger region it lies in
    rule_id: str                # the analyst's alias rule naming this form
    rule_name: str
    rule_source: str
    candidate: bool             # the model's name the rules left out (excluded), for the learned org decision
    dropped: bool               # the learned org decision turned it down
    org_score: float            # P(gold) from the learned org decision


class CountValue(TypedDict, total=False):
    """The value of a count mention: written by ``extract/counts.py``, read by ``normalize/participants.py``
    (and ``decide.features`` for the learned total)."""

    count: int | None
    unit: str
    what: str
    total: bool                 # the programme's total
    approx: bool
    low: int | None
    high: int | None
    pattern: str                # num_noun, noun_before, breakdown, breakdown_noun, each, subset, out_of
    cls: str                    # person, group, business, institution, village
    part: bool                  # a breakdown part, never the total
    subset: bool                # "35 di antaranya"
    item: str                   # the list item of an "each" count
    not_total: str              # why it cannot be the total: target, cumulative, past, capacity, future, batch, failed, others
    batch: list[str]            # the batches its sentence names
    classifier: bool            # counted by orang/jiwa
    cue: str                    # strong, medium, none (COUNT_CUE_RANK)
    lede: bool                  # in the first sentence of the body


class PersonValue(TypedDict, total=False):
    """The value of a person mention as ``normalize/people.py`` reads it (the extractor writes more)."""

    name: str
    title: str
    organization: str
    role: str
    byline: bool
    alias_of: str
    relative: bool


def as_value(value: OrgValue | CountValue | PersonValue) -> dict[str, Any]:
    """A typed value as the plain dict a ``Mention`` holds (the same object)."""
    return cast("dict[str, Any]", value)


def org_value(m: Mention) -> OrgValue:
    """An organisation mention's value, typed (the same dict)."""
    return cast(OrgValue, m.value)


def count_value(m: Mention) -> CountValue:
    """A count mention's value, typed (the same dict)."""
    return cast(CountValue, m.value)


def person_value(m: Mention) -> PersonValue:
    """A person mention's value, typed (the same dict)."""
    return cast(PersonValue, m.value)


# ---------------------------------------------------------------------------------------------------
# A programme record, as records.jsonl holds it (CONTRACT.md); built in normalize/records.py

class OrgItem(TypedDict):
    name: str
    aliases: list[str]
    kind: str
    role: str
    entity_id: str | None       # filled in by resolve once the run has been seen
    evidence: list[MentionEvidence]


class PersonItem(TypedDict):
    name: str
    aliases: list[str]
    title: str
    organization: str
    entity_id: str | None
    evidence: list[MentionEvidence]


class PlaceItem(TypedDict):
    name: str
    aliases: list[str]
    level: str
    code: str | None
    parents: list[str]
    candidates: list[Any]
    entity_id: str | None
    evidence: list[MentionEvidence]


class DateItem(TypedDict):
    start: str
    end: str | None
    kind: str
    text: str
    evidence: list[MentionEvidence]


class Participant(TypedDict):
    count: int
    unit: str
    what: str
    total: bool
    approx: bool
    evidence: list[MentionEvidence]


class Consistency(TypedDict):
    parts_sum: int | None
    total: int | None
    consistent: bool | None


class _RecordFields(TypedDict):
    record_id: str
    article_id: str
    title: str | None
    published: str | None
    program: str | None
    activities: list[str]
    organizations: list[OrgItem]
    people: list[PersonItem]
    places: list[PlaceItem]
    dates: list[DateItem]
    participants: list[Participant]
    participants_consistency: Consistency
    confidence: float
    published_source: str | None
    warnings: list[str]


class Record(_RecordFields, total=False):
    """One object of records.jsonl."""

    program_evidence: list[MentionEvidence]  # the phrase that names the programme, when one does
