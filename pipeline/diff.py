"""``python -m pipeline diff OLD_OUT NEW_OUT``: what a rule change did to the records.

Records are matched by ``record_id``, then by article and programme name, then (what is left
of one article, in order) by article alone, so that a renamed programme shows as a changed
``program`` rather than as one record removed and another added. Every field of a matched pair
is compared. In the lists (organisations, people, places, dates, participants) items are matched
by name (or date range, or count), then by a looser key (an alias, the place code, the unit), and
every field of a matched item is compared too: an organisation's ``kind``, ``role``, ``aliases``,
``entity_id`` and ``evidence``, a person's ``title`` and ``organization``, and so on. Items that
match nothing are reported as added or removed. The report ends with the number of changes by field.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import RunError

NOT_COMPARED = ("record_id", "article_id")  # the match itself (record_id is a hash of article_id + program)
SCALARS = ("title", "published", "program", "confidence")  # shown first, in this order; other fields follow


def _norm(s: Any) -> str | None:
    return " ".join(str(s).casefold().split()) if s not in (None, "") else None


def _names(x: dict) -> set[str]:
    return {n for n in map(_norm, [x.get("name"), *(x.get("aliases") or [])]) if n}


def _first_start(x: dict) -> Any:
    ev = x.get("evidence") or []
    return ev[0].get("start") if ev and isinstance(ev[0], dict) else None


# per list field: how an item is shown when added or removed, how it is named in a changed field,
# and the keys tried in turn to match an old item with a new one (a key of None never matches)
LABELS: dict[str, Callable[[dict], str]] = {
    "organizations": lambda x: f"{x.get('name')}",
    "people": lambda x: f"{x.get('name')} ({x.get('title') or ''})",
    "places": lambda x: f"{x.get('name')} [{x.get('level')} {x.get('code') or '-'}]",
    "dates": lambda x: f"{x.get('start')}..{x.get('end') or ''} {x.get('kind')}",
    "participants": lambda x: f"{x.get('count')} {x.get('unit') or ''}{' (total)' if x.get('total') else ''}",
}
SHORT: dict[str, Callable[[dict], str]] = {
    "organizations": lambda x: f"{x.get('name')}",
    "people": lambda x: f"{x.get('name')}",
    "places": lambda x: f"{x.get('name')}",
    "dates": lambda x: f"{x.get('start')}..{x.get('end') or ''}",
    "participants": lambda x: f"{x.get('count')} {x.get('unit') or ''}".strip(),
}
KEYS: dict[str, list[Callable[[dict], Any]]] = {
    "organizations": [lambda x: _norm(x.get("name")), lambda x: x.get("entity_id")],
    "people": [lambda x: _norm(x.get("name")), lambda x: x.get("entity_id")],
    "places": [lambda x: (_norm(x.get("name")), x.get("level")), lambda x: x.get("code"),
               lambda x: _norm(x.get("name"))],
    "dates": [lambda x: (x.get("start"), x.get("end"), x.get("kind")), lambda x: (x.get("start"), x.get("end")),
              lambda x: _norm(x.get("text")), _first_start],
    "participants": [lambda x: (x.get("count"), _norm(x.get("unit")), _norm(x.get("what")), bool(x.get("total"))),
                     lambda x: (_norm(x.get("unit")), _norm(x.get("what")), bool(x.get("total"))),
                     lambda x: (x.get("count"), _norm(x.get("unit"))), _first_start],
}
ALIAS_MATCHED = ("organizations", "people", "places")  # last resort: a name of one is a name of the other


def read_records(out_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """The records of an output folder, by article, in file order."""
    from .output.writers import read_records as iter_records

    path = Path(out_dir) / "records.jsonl"
    if not path.is_file():
        raise RunError(f"{path}: no records.jsonl (is {out_dir} an output folder?)")
    by_article: dict[str, list[dict]] = {}
    for rec in iter_records(path):
        by_article.setdefault(rec["article_id"], []).append(rec)
    return by_article


def _pair(old: list, new: list, keys: Iterable[Callable[[Any], Any]],
          related: Callable[[Any, Any], bool] | None = None) -> tuple[list[tuple[Any, Any]], list, list]:
    """(matched pairs, old items left, new items left): each key is tried in turn on what is still unmatched."""
    left_o, left_n = list(range(len(old))), list(range(len(new)))
    pairs: list[tuple[int, int]] = []
    for key in keys:
        index: dict[Any, list[int]] = {}
        for j in left_n:
            k = key(new[j])
            if k is not None:
                index.setdefault(k, []).append(j)
        for i in list(left_o):
            k = key(old[i])
            if k is not None and index.get(k):
                j = index[k].pop(0)
                pairs.append((i, j))
                left_o.remove(i)
                left_n.remove(j)
    if related is not None:
        for i in list(left_o):
            j = next((j for j in left_n if related(old[i], new[j])), None)
            if j is not None:
                pairs.append((i, j))
                left_o.remove(i)
                left_n.remove(j)
    pairs.sort()
    return [(old[i], new[j]) for i, j in pairs], [old[i] for i in left_o], [new[j] for j in left_n]


def _record_ref(rec: dict) -> dict[str, Any]:
    return {"article_id": rec.get("article_id"), "program": rec.get("program"), "record_id": rec.get("record_id")}


def diff_records(old: dict[str, list[dict]], new: dict[str, list[dict]]) -> dict[str, Any]:
    """Records added, removed and changed (each change one field: see ``record_changes``), and the
    number of changes by field."""
    added, removed, changed = [], [], []
    by_field: Counter = Counter()
    for aid in sorted(set(old) | set(new)):
        pairs, gone, came = _pair(old.get(aid, []), new.get(aid, []), [
            lambda r: r.get("record_id"), lambda r: ("program", _norm(r.get("program"))), lambda r: "in order"])
        removed.extend(_record_ref(r) for r in gone)
        added.extend(_record_ref(r) for r in came)
        for o, n in pairs:
            changes = record_changes(o, n)
            if changes:
                changed.append({**_record_ref(n), "changes": changes})
                by_field.update(c["field"] for c in changes)
    return {"added": added, "removed": removed, "changed": changed,
            "by_field": dict(sorted(by_field.items(), key=lambda kv: (-kv[1], kv[0])))}


def record_changes(o: dict, n: dict) -> list[dict[str, Any]]:
    """Every difference between two versions of a record, one dict per change:
    ``{"field", "old", "new"}`` for a value, ``{"field", "added"}`` / ``{"field", "removed"}`` for a list
    item, and ``{"field": "organizations.role", "item": "<name>", "old", "new"}`` inside a list item."""
    out: list[dict[str, Any]] = []
    keys = [k for k in SCALARS if k in o or k in n]
    keys += [k for k in dict.fromkeys([*o, *n]) if k not in keys and k not in NOT_COMPARED]
    for key in keys:
        a, b = o.get(key), n.get(key)
        if a == b:
            continue
        if key in KEYS and isinstance(a or [], list) and isinstance(b or [], list):
            out.extend(_list_changes(key, a or [], b or []))
        elif isinstance(a or [], list) and isinstance(b or [], list) and _hashable(a or []) and _hashable(b or []):
            out.extend({"field": key, "added": x} for x in b or [] if x not in (a or []))
            out.extend({"field": key, "removed": x} for x in a or [] if x not in (b or []))
        else:
            out.append({"field": key, "old": a, "new": b})
    return out


def _hashable(items: list) -> bool:
    return all(isinstance(x, (str, int, float, bool)) or x is None for x in items)


def _list_changes(key: str, a: list, b: list) -> list[dict[str, Any]]:
    related = (lambda x, y: bool(_names(x) & _names(y))) if key in ALIAS_MATCHED else None
    pairs, gone, came = _pair(a, b, KEYS[key], related)
    out: list[dict[str, Any]] = []
    label, short = LABELS[key], SHORT[key]
    for x, y in pairs:
        for f in dict.fromkeys([*x, *y]):
            if x.get(f) == y.get(f):
                continue
            change = {"field": f"{key}.{f}", "item": short(x)}
            if f == "evidence":
                ea, eb = x.get(f) or [], y.get(f) or []
                change.update(added=[e for e in eb if e not in ea], removed=[e for e in ea if e not in eb])
            else:
                change.update(old=x.get(f), new=y.get(f))
            out.append(change)
    out.extend({"field": key, "added": label(y)} for y in came)
    out.extend({"field": key, "removed": label(x)} for x in gone)
    return out


def _evidence(e: Any) -> str:
    if not isinstance(e, dict):
        return repr(e)
    return f"{e.get('text')!r} {e.get('start')}-{e.get('end')} {e.get('source')}"


def format_change(c: dict[str, Any]) -> list[str]:
    """The lines of one change, indented under its record."""
    where = c["field"]
    if "item" in c:  # organizations.role of one organisation: organizations[Koperasi Maju].role
        list_field, item_field = where.split(".", 1)
        where = f"{list_field}[{c['item']}].{item_field}"
    if "old" in c:
        return [f"    {where}: {c['old']!r} -> {c['new']!r}"]
    if "item" in c:  # evidence of an item
        return ([f"    {where} + {_evidence(e)}" for e in c["added"]]
                + [f"    {where} - {_evidence(e)}" for e in c["removed"]])
    if "added" in c:
        return [f"    {where} + {c['added']}"]
    return [f"    {where} - {c['removed']}"]


def format_diff(d: dict[str, Any]) -> str:
    def name(r: dict) -> str:
        return f"{r['article_id']}: {r['program']}" if r.get("program") is not None else f"{r['article_id']}"

    lines = [f"{len(d['added'])} records added, {len(d['removed'])} removed, {len(d['changed'])} changed"]
    lines += [f"+ {name(r)}" for r in d["added"]]
    lines += [f"- {name(r)}" for r in d["removed"]]
    for r in d["changed"]:
        lines.append(f"~ {name(r)}")
        for c in r["changes"]:
            lines.extend(format_change(c))
    if d["by_field"]:
        n = sum(d["by_field"].values())
        width = max(map(len, d["by_field"]))
        lines.append(f"{n} change{'s' if n != 1 else ''} by field:")
        lines += [f"  {f.ljust(width)}  {k}" for f, k in d["by_field"].items()]
    return "\n".join(lines)
