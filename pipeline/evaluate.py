"""Scoring a run's records against gold files written under eval/GUIDELINES.md.

The figures must agree exactly with the project's reference scorer, so the
matching rules below are part of the definition of the metric, not tunable
extraction knowledge (which is why the word lists live here and not in
``rules/``):

- Names match when, after normalisation (NFKC, casefold, ``&`` → ``dan``,
  punctuation → space, legal forms dropped for organisations and honorifics for
  people), one predicted surface form equals or is ≥ 90 (rapidfuzz ``ratio``)
  similar to one gold surface form.
- Within a field, predictions and gold items are paired by a maximum bipartite
  matching; a prediction left unpaired costs precision unless it matches an
  ``*_optional`` gold item; a gold item left unpaired costs recall.
- Counts are micro-summed over articles; ``overall_f1`` is the mean of the five
  field F1s. Articles marked ``programme: false`` only count for detection.
- Records are matched to gold files by the last path part of ``article_id``.
"""
from __future__ import annotations

import collections
import json
import re
import unicodedata
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Iterable

from rapidfuzz import fuzz

FIELDS = ["organizations", "people", "places", "dates", "participants"]
ENTITY_FIELDS = ["organizations", "people", "places"]
RATIO_MEASURES = {"title": "person titles", "total": "totals", "prog_name": "program names", "pub": "published"}

LEGAL_FORMS = frozenset({"pt", "tbk", "persero", "cv", "ud", "the"})
HONORIFICS = frozenset({"bapak", "pak", "ibu", "bu", "h", "hj", "dr", "drg", "ir", "drs", "dra", "prof",
                        "kh", "tgh", "gus", "habib", "sdr", "saudara", "saudari"})
DROPPED_WORDS = {"organizations": LEGAL_FORMS, "people": HONORIFICS, "places": frozenset()}

NAME_SIMILARITY = 90  # rapidfuzz ratio for two normalised names to be the same entity
TITLE_SIMILARITY = 80  # token_set_ratio for a person's title to count as right
PROGRAM_SIMILARITY = 85  # token_set_ratio for the programme name to count as right

Edge = Callable[[dict, dict], bool]


# --- matching --------------------------------------------------------------------------------

def normalize_name(s: str | None, drop: Iterable[str] = ()) -> str:
    """Comparable form of a name: NFKC, casefolded, no punctuation, without the ``drop`` words."""
    s = unicodedata.normalize("NFKC", s or "").casefold()
    s = s.replace("&", " dan ")
    s = re.sub(r"[^\w\s]", " ", s)
    return " ".join(t for t in s.split() if t not in drop)


def names_match(pred_names: Iterable[str], gold_names: Iterable[str], drop: Iterable[str] = ()) -> bool:
    """True when any predicted surface form matches any gold surface form (exact or fuzzy)."""
    gold_norm = [g for g in (normalize_name(x, drop) for x in gold_names) if g]
    for p in pred_names:
        np_ = normalize_name(p, drop)
        if not np_:
            continue
        for ng in gold_norm:
            if np_ == ng or fuzz.ratio(np_, ng) >= NAME_SIMILARITY:
                return True
    return False


def max_matching(n_pred: int, n_gold: int, edge: Callable[[int, int], bool]) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn's augmenting paths): ``{pred index: gold index}``.

    Predictions are tried in order and each tries gold items in order, so ties are
    broken the same way on every run (and the same way as the reference scorer).
    """
    adj = [[j for j in range(n_gold) if edge(i, j)] for i in range(n_pred)]
    gold_of: dict[int, int] = {}
    pred_of: dict[int, int] = {}

    def try_assign(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in pred_of or try_assign(pred_of[j], seen):
                gold_of[i] = j
                pred_of[j] = i
                return True
        return False

    for i in range(n_pred):
        try_assign(i, set())
    return gold_of


def score_field(preds: list[dict], gold: list[dict], optional: list[dict], edge: Edge):
    """Pair predictions with gold items; returns ``(tp, fp, fn, pairs, false_positives, misses)``.

    An unpaired prediction that matches an optional gold item is neither a hit nor a miss.
    """
    m = max_matching(len(preds), len(gold), lambda i, j: edge(preds[i], gold[j]))
    fps = [p for i, p in enumerate(preds) if i not in m and not any(edge(p, o) for o in optional)]
    matched_gold = set(m.values())
    misses = [g for j, g in enumerate(gold) if j not in matched_gold]
    pairs = [(preds[i], gold[j]) for i, j in m.items()]
    return len(m), len(fps), len(misses), pairs, fps, misses


def date_matches(pred: dict, gold: dict) -> bool:
    """Exact start and end; a gold start shorter than a day (``2020-03``) is a prefix to match."""
    ps, pe = pred.get("start") or "", pred.get("end") or None
    if pe == ps:
        pe = None
    gs, ge = gold.get("start") or "", gold.get("end")
    if len(gs) < 10:
        return ps.startswith(gs)
    return ps == gs and (pe or None) == (ge or None)


def count_matches(pred: dict, gold: dict) -> bool:
    return pred["count"] == gold["count"]


# --- what the system predicted for one article -----------------------------------------------

def predicted_entities(records: list[dict], key: str) -> list[dict]:
    """The article's organisations/people/places over all its records, one per distinct main name.

    Each item gets ``_names``: its name followed by its aliases. Two items count as
    one only when their main names normalise the same (no words dropped).
    """
    out, seen = [], set()
    for r in records:
        for e in r.get(key) or []:
            if isinstance(e, str):
                e = {"name": e}
            names = [e.get("name") or ""] + list(e.get("aliases") or [])
            k = normalize_name(names[0])
            if k in seen:
                continue
            seen.add(k)
            out.append({**e, "_names": names})
    return out


def predicted_dates(records: list[dict]) -> list[dict]:
    """Distinct (start, end) dates over the article's records; ``end == start`` means no end."""
    out, seen = [], set()
    for r in records:
        for x in r.get("dates") or []:
            k = (x.get("start"), x.get("end") if x.get("end") != x.get("start") else None)
            if k not in seen:
                seen.add(k)
                out.append(x)
    return out


def predicted_counts(records: list[dict]) -> list[dict]:
    """Every participant item with an integer count (not deduplicated: each count is a claim)."""
    return [x for r in records for x in r.get("participants") or [] if isinstance(x.get("count"), int)]


# --- scoring ---------------------------------------------------------------------------------

def load_records(path: Path | str) -> list[dict]:
    """Read a ``records.jsonl`` file (blank lines skipped; a broken line names its file, line and column)."""
    from .output.writers import read_records

    return list(read_records(path))


def group_by_article(records: Iterable[dict]) -> dict[str, list[dict]]:
    """Records keyed by the last path part of their ``article_id`` (gold ids carry no folders)."""
    out: dict[str, list[dict]] = collections.defaultdict(list)
    for r in records:
        out[PurePosixPath(str(r.get("article_id", ""))).name].append(r)
    return out


def _title_ok(pred: dict, gold_title: str) -> bool:
    said = " ".join(x for x in [pred.get("title") or "", pred.get("organization") or ""] if x)
    return bool(said) and fuzz.token_set_ratio(normalize_name(said), normalize_name(gold_title)) >= TITLE_SIMILARITY


def _program_ok(names: list[str], gold_names: list[str]) -> bool:
    return any(n and any(fuzz.token_set_ratio(normalize_name(n), normalize_name(g)) >= PROGRAM_SIMILARITY
                         for g in gold_names) for n in names)


def _score_article(gold: dict, recs: list[dict], tot: dict, extra: collections.Counter) -> dict:
    """Add one article's counts to ``tot``/``extra``; return its details (fp/fn lists, checks)."""
    d: dict[str, Any] = {}
    has = bool(recs)
    extra["articles"] += 1
    if not gold.get("programme", True):
        extra["prog_neg"] += 1
        extra["prog_fp"] += has
        d["programme"] = {"gold": False, "pred": has}
        return d
    extra["prog_pos"] += 1
    extra["prog_tp"] += has
    d["programme"] = {"gold": True, "pred": has}

    for field in ENTITY_FIELDS:
        drop = DROPPED_WORDS[field]
        preds = predicted_entities(recs, field)
        edge = lambda p, g, drop=drop: names_match(p["_names"], g["names"], drop)  # noqa: E731
        tp, fp, fn, pairs, fps, misses = score_field(preds, gold.get(field, []),
                                                     gold.get(field + "_optional", []), edge)
        _add(tot[field], tp, fp, fn)
        d[field] = {"fp": [p["_names"][0] for p in fps], "fn": [m["names"][0] for m in misses]}
        if field == "people":
            for p, g in pairs:
                if g.get("title"):
                    extra["title_n"] += 1
                    extra["title_ok"] += _title_ok(p, g["title"])

    tp, fp, fn, _, fps, misses = score_field(predicted_dates(recs), gold.get("dates", []),
                                             gold.get("dates_optional", []), date_matches)
    _add(tot["dates"], tp, fp, fn)
    d["dates"] = {"fp": [(x.get("start"), x.get("end")) for x in fps],
                  "fn": [(x.get("start"), x.get("end")) for x in misses]}

    counts = predicted_counts(recs)
    tp, fp, fn, _, fps, misses = score_field(counts, gold.get("participants", []),
                                             gold.get("participants_optional", []), count_matches)
    _add(tot["participants"], tp, fp, fn)
    d["participants"] = {"fp": [x["count"] for x in fps], "fn": [x["count"] for x in misses]}

    gold_totals = sorted(x["count"] for x in gold.get("participants", []) if x.get("total"))
    if gold_totals:
        pred_totals = sorted({x["count"] for x in counts if x.get("total")})
        extra["total_n"] += 1
        extra["total_ok"] += pred_totals == sorted(set(gold_totals))
        d["total"] = {"gold": gold_totals, "pred": pred_totals}

    if gold.get("program"):
        names = [r.get("program") or "" for r in recs]
        ok = _program_ok(names, gold["program"])
        extra["prog_name_n"] += 1
        extra["prog_name_ok"] += ok
        d["program"] = {"pred": names, "ok": ok}

    if gold.get("published"):
        pubs = {r.get("published") for r in recs}
        ok = bool(pubs & set(gold["published"]))
        extra["pub_n"] += 1
        extra["pub_ok"] += ok
        d["published"] = {"pred": sorted(p for p in pubs if p), "ok": ok}
    return d


def _add(t: list[int], tp: int, fp: int, fn: int) -> None:
    t[0] += tp
    t[1] += fp
    t[2] += fn


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def gold_files(gold_dir: Path | str, only: Iterable[str] | None = None) -> list[Path]:
    """The gold files in name order, optionally only those whose stem is in ``only``."""
    files = sorted(Path(gold_dir).glob("*.json"))
    if only is not None:
        keep = set(only)
        files = [f for f in files if f.stem in keep]
    return files


def score(gold_dir: Path | str, records: Iterable[dict], only: Iterable[str] | None = None) -> dict[str, Any]:
    """Score ``records`` against every ``*.json`` gold file in ``gold_dir``.

    Returns the reference scorer's summary (same keys and numbers as its ``--json``
    output: one ``{p, r, f1, tp, fp, fn}`` per field; ``title``, ``total``,
    ``prog_name``, ``pub`` accuracies or None; ``prog_found``, ``neg_flagged``,
    ``detection_ok``, ``overall_f1``) plus ``counts`` (the raw numerators and
    denominators) and ``details`` (per article: fp/fn lists and checks).
    Records of articles without a gold file are ignored.
    """
    by_article = group_by_article(records)
    tot: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    extra: collections.Counter = collections.Counter()
    details: dict[str, dict] = {}
    for gf in gold_files(gold_dir, only):
        with open(gf, encoding="utf-8") as f:
            gold = json.load(f)
        details[gold["id"]] = _score_article(gold, by_article.get(gold["id"], []), tot, extra)

    summary: dict[str, Any] = {field: _prf(*tot[field]) for field in FIELDS}
    for k in RATIO_MEASURES:
        n = extra[k + "_n"]
        summary[k] = extra[k + "_ok"] / n if n else None
    summary["prog_found"] = f"{extra['prog_tp']}/{extra['prog_pos']}"
    summary["neg_flagged"] = f"{extra['prog_fp']}/{extra['prog_neg']}"
    summary["detection_ok"] = extra["prog_tp"] == extra["prog_pos"] and extra["prog_fp"] == 0
    summary["overall_f1"] = sum(summary[f]["f1"] for f in FIELDS) / len(FIELDS)
    summary["counts"] = dict(extra)
    summary["details"] = details
    return summary


def format_report(summary: dict[str, Any]) -> str:
    """The summary as the reference scorer prints it (a fixed-width table, then the ratios)."""
    counts = summary.get("counts", {})
    lines = [f"{'field':14} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn"]
    for field in FIELDS:
        s = summary[field]
        lines.append(f"{field:14} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}   {s['tp']}/{s['fp']}/{s['fn']}")
    for k, label in RATIO_MEASURES.items():
        n, ok = counts.get(k + "_n", 0), counts.get(k + "_ok", 0)
        lines.append(f"{label:14} " + (f"{ok}/{n} = {ok / n:.3f}" if n else "n/a"))
    lines.append(f"programme detection: {summary['prog_found']} found, "
                 f"{summary['neg_flagged']} negatives flagged")
    lines.append(f"overall F1={summary['overall_f1']:.3f}")
    return "\n".join(lines) + "\n"
