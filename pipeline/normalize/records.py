"""Assemble one programme record from an article's normalised items.

Each list holds one entry per real-world entity (surface forms in ``aliases``)
and every entry carries its evidence. ``entity_id``s are filled in later by
``resolve`` once the whole run has been seen.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import AbstractSet

from ..names import LEGAL_WORDS
from .participants import assemble_participants
from ..types import (Article, DateItem, Mention, MentionEvidence, OrgItem, PersonItem, PlaceItem, Record,
                     org_value)
from .orgs import merge_orgs
from .people import merge_people

NON_ACTOR_KINDS = {"media"}
NON_RECORD_PEOPLE_ROLES = {"reporter", "editor", "photographer", "byline", "writer"}


def record_id(article_id: str, program: str | None) -> str:
    return hashlib.sha1(f"{article_id}\x00{program or ''}".encode()).hexdigest()[:16]


def _evidence(ms: list[Mention]) -> list[MentionEvidence]:
    seen, out = set(), []
    for m in ms:
        key = (m.start, m.end)
        if key not in seen:
            seen.add(key)
            out.append(m.evidence())
    return out


def _aliases(name: str, forms: list[str]) -> list[str]:
    seen = {name.casefold()}
    out = []
    for f in forms:
        f = " ".join(f.split())
        if f and f.casefold() not in seen:
            seen.add(f.casefold())
            out.append(f)
    return out


def org_items(orgs: list[Mention], legal: AbstractSet[str] = LEGAL_WORDS) -> list[OrgItem]:
    # "dropped": the learned org decision (decide/) turned the rules' organisation down
    live = [m for m in orgs if not m.excluded and not org_value(m).get("media") and not org_value(m).get("dropped")]
    out: list[OrgItem] = []
    for item in merge_orgs(live, legal):
        if item.get("kind") in NON_ACTOR_KINDS:
            continue
        out.append({"name": item["name"], "aliases": _aliases(item["name"], item.get("aliases", [])),
                    "kind": item.get("kind") or "other", "role": item.get("role") or "other",
                    "entity_id": None, "evidence": _evidence(item.get("mentions", []))})
    return out


def people_items(people: list[Mention]) -> list[PersonItem]:
    live = [m for m in people if not m.excluded]
    out: list[PersonItem] = []
    for item in merge_people(live):
        if item.get("role") in NON_RECORD_PEOPLE_ROLES:
            continue
        out.append({"name": item["name"], "aliases": _aliases(item["name"], item.get("aliases", [])),
                    "title": item.get("title") or "", "organization": item.get("organization") or "",
                    "entity_id": None, "evidence": _evidence(item.get("mentions", []))})
    return out


def place_items(places: list[Mention]) -> list[PlaceItem]:
    """One entry per place: mentions resolved to one code, or with one name, are one place."""
    groups: dict[str, list[Mention]] = {}
    for m in places:
        if m.excluded:
            continue
        v = m.value
        key = v.get("code") or f"{v.get('level')}:{(v.get('name') or m.text).casefold()}"
        groups.setdefault(key, []).append(m)
    out: list[PlaceItem] = []
    for ms in groups.values():
        v = ms[0].value
        name = v.get("name") or ms[0].text
        out.append({"name": name, "aliases": _aliases(name, [m.text for m in ms]),
                    "level": v.get("level") or "other", "code": v.get("code"),
                    "parents": list(v.get("parents") or []), "candidates": list(v.get("candidates") or []),
                    "entity_id": None, "evidence": _evidence(ms)})
    return out


def date_items(dates: list[Mention]) -> list[DateItem]:
    """Fully resolved day dates and ranges; month/year-only and unresolved ones stay in mentions."""
    out: list[DateItem] = []
    index: dict[tuple[str, str | None], int] = {}
    for m in dates:
        v = m.value
        if m.excluded or not v.get("resolved") or v.get("granularity", "day") != "day":
            continue
        key = (v["start"], v.get("end") if v.get("end") != v["start"] else None)
        if key in index:
            item = out[index[key]]
            item["evidence"].append(m.evidence())
            if v.get("kind") == "event":
                item["kind"] = "event"
            continue
        index[key] = len(out)
        out.append({"start": key[0], "end": key[1], "kind": v.get("kind", "event"), "text": m.text,
                    "evidence": [m.evidence()]})
    return out


PUBLICATION_GAP_DAYS = 365  # a publication date this long after the latest event date is flagged


def published_source(article: Article, date_result) -> str | None:
    """Where the publication date came from: "metadata" (the input's own field), "dateline", "stamp" (a date
    line at the top), "cue" (a press-release date), "standalone" (a bracketed date after a sentence), or
    "learned" (the date model chose it without a rule's mark); None when there is none."""
    if not date_result.published:
        return None
    if article.meta.get("published"):
        return "metadata"
    for m in date_result.mentions:
        if m.value.get("kind") == "publication" and m.value.get("start") == date_result.published:
            hows = [f[len("publication_"):] for f in m.value.get("flags") or [] if f.startswith("publication_")]
            return hows[0] if hows else "learned"
    return "learned"


def date_warnings(published: str | None, dates: list[DateItem]) -> list[str]:
    """Say so when the publication date lies far from the events the article reports (a site stamp of 2024
    on a 2018 event): one of the two is likely not what it seems."""
    if not published:
        return []
    events = [d["end"] or d["start"] for d in dates if d.get("kind") != "publication" and d.get("start")]
    if not events:
        return []
    pub, last = dt.date.fromisoformat(published), dt.date.fromisoformat(max(events))
    gap = (pub - last).days
    if gap > PUBLICATION_GAP_DAYS:
        return [f"published {published} is {gap // 365} year(s) after the latest event date {max(events)}: "
                "the date may be a site stamp, not the article's"]
    if gap < -PUBLICATION_GAP_DAYS:
        return [f"published {published} is {-gap // 365} year(s) before the latest event date {max(events)}"]
    return []


def build_records(article: Article, seg, facts, orgs, people, places, date_result, counts,
                  legal: AbstractSet[str] = LEGAL_WORDS) -> list[Record]:
    """The article's record; organisation names are compared without the ``legal`` forms (the pipeline's org
    extractor's ``legal_key_words``)."""
    participants, consistency = assemble_participants(counts)
    title = article.meta.get("title")
    if not title and seg.title:
        title = article.text[seg.title[0]:seg.title[1]].strip()
    organizations, persons = org_items(orgs, legal), people_items(people)
    sites, dates = place_items(places), date_items(date_result.mentions)
    rec: Record = {
        "record_id": record_id(article.id, facts.name),
        "article_id": article.id,
        "title": title or None,
        "published": date_result.published,
        "program": facts.name,
        "activities": facts.activities,
        "organizations": organizations,
        "people": persons,
        "places": sites,
        "dates": dates,
        "participants": participants,
        "participants_consistency": consistency,
        "confidence": facts.score,
        "published_source": published_source(article, date_result),
        "warnings": date_warnings(date_result.published, dates),
    }
    if facts.name_mention is not None:
        rec["program_evidence"] = [facts.name_mention.evidence()]
    return [rec]
