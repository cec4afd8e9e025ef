"""``python -m pipeline diff OLD_OUT NEW_OUT``: what a rule change did to the records.

Records are matched by article (an article's records keep their order), so a
renamed programme shows as a changed ``program`` field rather than as one
record removed and another added. List fields are compared by item key (name,
date range, count) and reported as items added and removed.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import RunError, json_error_reason

SCALARS = ("title", "published", "program", "confidence")
LISTS = {
    "organizations": lambda x: x.get("name"),
    "people": lambda x: f"{x.get('name')} ({x.get('title') or ''})",
    "places": lambda x: f"{x.get('name')} [{x.get('level')} {x.get('code') or '-'}]",
    "dates": lambda x: f"{x.get('start')}..{x.get('end') or ''} {x.get('kind')}",
    "participants": lambda x: f"{x.get('count')} {x.get('unit') or ''}{' (total)' if x.get('total') else ''}",
    "activities": lambda x: x,
}


def read_records(out_dir: Path) -> dict[str, list[dict[str, Any]]]:
    path = Path(out_dir) / "records.jsonl"
    if not path.is_file():
        raise RunError(f"{path}: no records.jsonl (is {out_dir} an output folder?)")
    by_article: dict[str, list[dict]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise RunError(f"{path}:{n}: invalid JSON at column {e.colno}: {json_error_reason(e)}") from None
            by_article.setdefault(rec["article_id"], []).append(rec)
    return by_article


def diff_records(old: dict[str, list[dict]], new: dict[str, list[dict]]) -> dict[str, Any]:
    added, removed, changed = [], [], []
    for aid in sorted(set(old) | set(new)):
        o, n = old.get(aid, []), new.get(aid, [])
        for i in range(max(len(o), len(n))):
            if i >= len(o):
                added.append({"article_id": aid, "program": n[i].get("program")})
            elif i >= len(n):
                removed.append({"article_id": aid, "program": o[i].get("program")})
            else:
                fields = _field_changes(o[i], n[i])
                if fields:
                    changed.append({"article_id": aid, "fields": fields})
    return {"added": added, "removed": removed, "changed": changed}


def _field_changes(o: dict, n: dict) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in SCALARS:
        if o.get(key) != n.get(key):
            out[key] = {"old": o.get(key), "new": n.get(key)}
    for key, item_key in LISTS.items():
        a = [item_key(x) for x in o.get(key) or []]
        b = [item_key(x) for x in n.get(key) or []]
        plus = [x for x in b if x not in a]
        minus = [x for x in a if x not in b]
        if plus or minus:
            out[key] = {"added": plus, "removed": minus}
    return out


def format_diff(d: dict[str, Any]) -> str:
    lines = [f"{len(d['added'])} records added, {len(d['removed'])} removed, {len(d['changed'])} changed"]
    for r in d["added"]:
        lines.append(f"+ {r['article_id']}: {r['program']}")
    for r in d["removed"]:
        lines.append(f"- {r['article_id']}: {r['program']}")
    for r in d["changed"]:
        lines.append(f"~ {r['article_id']}")
        for field, ch in r["fields"].items():
            if "old" in ch:
                lines.append(f"    {field}: {ch['old']!r} -> {ch['new']!r}")
            else:
                for x in ch["added"]:
                    lines.append(f"    {field} + {x}")
                for x in ch["removed"]:
                    lines.append(f"    {field} - {x}")
    return "\n".join(lines)
