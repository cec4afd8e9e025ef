"""A record's participants: one item per count and thing counted, and whether a breakdown adds up.

Record assembly (normalize), reading only the count mentions' values: what the count extractor marked
(total, part, subset, demoted, cue) decides which counts stay and how they relate. The extractor never
imports this module and this module never imports the extractor.
"""
from __future__ import annotations

from itertools import combinations
from typing import Any, cast

from ..types import COUNT_CUE_RANK as _CUE_RANK
from ..types import COUNT_FAMILY as _FAMILY
from ..types import Consistency, Mention, Participant, count_value


def _fit_parts_to_total(participants: list[dict], total: dict) -> list[dict]:
    """Counts of the total's kind that are not the total can never add up to more than it (a larger count is
    no part of it: another figure, left alone). When they would, the record keeps the parts that add up to the
    total exactly: the article's own breakdown ("terdiri atas 35 orang dari A dan 25 orang dari B",
    "masing-masing ...", or one whose sum lies within 2% over the total), else two to four of the counts
    ("250.000 toko kelontong ... 97.000 peserta ...
    347.000 UMKM binaan"); the other smaller counts of that kind are subsets or restatements ("Dari 35 warga
    kami yang ikut, 12 orang siap membuka usaha") and leave the record (mentions.csv keeps them). When nothing
    adds up exactly, the likeliest parts are kept while they fit: breakdown parts, then plain counts, then
    demoted figures and subsets, better cued and earlier first."""
    same = [p for p in participants if not p["total"] and p["_family"] == total["_family"]
            and p["count"] < total["count"]]
    if sum(p["count"] for p in same) <= total["count"]:
        return participants
    breakdown = [p for p in same if p["_sum"]]
    if len(breakdown) >= 2 and total["count"] <= sum(p["count"] for p in breakdown) <= total["count"] * 1.02:
        keep = breakdown  # the breakdown, also when its figures were counted a little apart from the total's
        # ("tahap satu 1.913 siswa, tahap dua 551 ... total sementara 2.460": consistency says they differ)
    else:
        keep = _exact_parts(same, total["count"]) or _likeliest_parts(same, total["count"])
    kept = {id(p) for p in keep}
    dropped = {id(p) for p in same if id(p) not in kept}
    return [p for p in participants if id(p) not in dropped]


def _exact_parts(same: list[dict], whole: int, max_terms: int = 4) -> list[dict] | None:
    """Two to four of ``same`` that add up to ``whole`` (breakdown parts preferred, then earlier ones)."""
    pool = sorted(same, key=lambda p: (not p["_sum"], p["_start"]))[:12]
    for k in range(2, min(max_terms, len(pool)) + 1):
        for combo in combinations(pool, k):
            if sum(p["count"] for p in combo) == whole:
                return list(combo)
    return None


def _likeliest_parts(same: list[dict], whole: int) -> list[dict]:
    order = sorted(same, key=lambda p: (not p["_sum"], bool(p["_demoted"]), p["_subset"],
                                        -_CUE_RANK.get(p["_cue"], 1), p["_start"]))
    keep, room = [], whole
    for p in order:
        if p["count"] > room:
            break  # a less likely count never takes the place of a likelier one that did not fit
        keep.append(p)
        room -= p["count"]
    return keep


LIST_SERIES = "list"  # the series label of the items of a list over named places or bodies (counts' ``listed``)


def _batch_sum(participants: list[dict]) -> dict | None:
    """The programme's total when the article counts only its batches ("Tahap pertama diikuti 50 peserta,
    sedangkan tahap kedua diikuti 30 peserta") or a list over named villages ("Desa A 20 KK, Desa B 15 KK dan
    Desa C 10 KK") and states no overall figure: the sum of those counts, with their evidence. Only for two
    batches or more of one batch word (or one list), counting one thing (one unit, one family), each a different
    figure (two equal figures may be one batch said twice)."""
    batch = [p for p in participants if p["_batch"] and p["_sum"] and not p["_subset"]]
    if len(batch) < 2 or len({p["count"] for p in batch}) < len(batch):
        return None
    if len({p["unit"] for p in batch}) != 1 or len({p["_family"] for p in batch}) != 1:
        return None
    words: dict[str, set[str]] = {}
    for p in batch:
        for label in p["_batch"]:
            word, _, nth = label.partition(" ")
            words.setdefault(word, set()).add(nth)
    if len(words) != 1 or (LIST_SERIES not in words and len(next(iter(words.values()))) < 2):
        return None  # "tahap 1 ... angkatan 3": batches of two kinds are no one series
    first = min(batch, key=lambda p: p["_start"])
    return {"count": sum(p["count"] for p in batch), "unit": first["unit"], "what": first["what"], "total": True,
            "approx": any(p["approx"] for p in batch),
            "evidence": [e for p in sorted(batch, key=lambda p: p["_start"]) for e in p["evidence"]],
            "_part": False, "_sum": False, "_family": first["_family"], "_subset": False, "_demoted": None,
            "_cue": "none", "_start": first["_start"], "_batch": None}


def assemble_participants(mentions: list[Mention]) -> tuple[list[Participant], Consistency]:
    """The record's participants (one per count and thing counted, restatements
    merged) and whether the breakdown parts add up to the total. Reads the count mentions' ``CountValue``s;
    an item carries working keys (``_part``, ``_sum``, ...) until it leaves as a ``Participant``."""
    items: dict[tuple, dict[str, Any]] = {}
    for m in mentions:
        if m.kind != "count" or m.excluded or m.value.get("count") is None:
            continue
        v = count_value(m)
        # one item per count; parts of a breakdown stay apart when they count different things
        key = (v["count"], v.get("item"), v.get("what")) if v.get("part") else (v["count"],)
        it = items.get(key)
        if it is None:
            items[key] = {"count": v["count"], "unit": v.get("unit", ""), "what": v.get("what", ""),
                          "total": bool(v.get("total")), "approx": bool(v.get("approx")),
                          "evidence": [m.evidence()], "_part": bool(v.get("part")),
                          "_sum": bool(v.get("part")) and not v.get("subset"),
                          "_family": _FAMILY.get(v.get("cls", "person"), v.get("cls", "person")),
                          "_subset": bool(v.get("subset")), "_demoted": v.get("not_total"),
                          "_cue": v.get("cue", "none"), "_start": m.start,
                          "_batch": (v.get("batch") if v.get("not_total") == "batch"
                                     else [LIST_SERIES] if v.get("listed") else None)}
        else:
            it["total"] = it["total"] or bool(v.get("total"))
            if m.evidence() not in it["evidence"]:
                it["evidence"].append(m.evidence())
    # a part restating a whole count (the total) is that count, not a second item
    for key in [k for k in items if len(k) == 3 and (k[0],) in items]:
        whole, part = items[(key[0],)], items.pop(key)
        whole["evidence"].extend(e for e in part["evidence"] if e not in whole["evidence"])
        whole["_sum"] = whole["_sum"] or part["_sum"]  # it is still that breakdown's part
    participants = list(items.values())
    totals = [p for p in participants if p["total"]]
    if not totals:
        summed = _batch_sum(participants)
        if summed is not None:
            participants.append(summed)
            totals = [summed]
    total = totals[0] if len({p["count"] for p in totals}) == 1 else None
    if total is not None:
        participants = _fit_parts_to_total(participants, total)
    parts = [p for p in participants if p["_sum"] and not p["total"]
             and (total is None or p["_family"] == total["_family"])]
    parts_sum = sum(p["count"] for p in parts) if parts else None
    total_count = total["count"] if total is not None else None
    consistent = (parts_sum == total_count) if parts_sum is not None and total_count is not None else None
    for p in participants:
        for k in ("_part", "_sum", "_family", "_subset", "_demoted", "_cue", "_start", "_batch"):
            del p[k]
    return cast("list[Participant]", participants), {"parts_sum": parts_sum, "total": total_count,
                                                     "consistent": consistent}
