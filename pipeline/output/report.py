"""A single self-contained HTML page for reviewing a run (``report.html``).

No network access, no external scripts or styles: the page must open from a
laptop or an archive years later. Every piece of article text is escaped; the
only script is a fixed text filter that reads nothing from the data.
"""
from __future__ import annotations

import collections
import html
import json
from typing import Any, Iterable

from pipeline.output.writers import flatten_record

RECORD_TABLE_COLUMNS = ["article_id", "program", "published", "organizations", "people", "places",
                        "dates", "participants_total", "participants", "confidence"]
ERROR_TABLE_COLUMNS = ["article_id", "stage", "error", "path"]

_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;font-size:.85em;margin-bottom:2em}
th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f0f0f0;position:sticky;top:0}
input{font-size:1em;padding:.3em;width:30em;margin:.5em 0}
pre{margin:0;white-space:pre-wrap}
"""

# Fixed code: hides record rows that do not contain the filter text (case-insensitive).
_FILTER_SCRIPT = """
document.getElementById('filter').addEventListener('input', function () {
  var q = this.value.toLowerCase(), shown = 0;
  document.querySelectorAll('#records tbody tr').forEach(function (tr) {
    var hit = tr.textContent.toLowerCase().indexOf(q) !== -1;
    tr.style.display = hit ? '' : 'none';
    if (hit) { shown++; }
  });
  document.getElementById('shown').textContent = shown;
});
"""


def _e(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (dict, list)):
        v = json.dumps(v, ensure_ascii=False, indent=1)
        return f"<pre>{html.escape(v)}</pre>"
    return html.escape(str(v))


def _table(rows: Iterable[dict[str, Any]], columns: list[str], table_id: str = "") -> str:
    id_attr = f' id="{table_id}"' if table_id else ""
    head = "".join(f"<th>{_e(c)}</th>" for c in columns)
    body = "\n".join("<tr>" + "".join(f"<td>{_e(r.get(c))}</td>" for c in columns) + "</tr>" for r in rows)
    return f"<table{id_attr}><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>"


def _summary_rows(records: list[dict[str, Any]], mentions_rows: list[dict[str, Any]],
                  errors: list[dict[str, Any]], run_info: dict[str, Any]) -> list[dict[str, Any]]:
    rows = [{"item": "records", "value": len(records)},
            {"item": "articles with a record", "value": len({r.get("article_id") for r in records})},
            {"item": "errors", "value": len(errors)}]
    by_kind = collections.Counter(m.get("kind") for m in mentions_rows)
    for kind, n in sorted(by_kind.items(), key=lambda kv: str(kv[0])):
        rows.append({"item": f"mentions: {kind}", "value": n})
    for key, value in run_info.items():
        rows.append({"item": key, "value": value})
    return rows


def render_report(records: Iterable[dict[str, Any]], mentions_rows: Iterable[dict[str, Any]],
                  errors: Iterable[dict[str, Any]], run_info: dict[str, Any]) -> str:
    """The whole ``report.html`` page as a string."""
    records, mentions_rows, errors = list(records), list(mentions_rows), list(errors)
    flat = [flatten_record(r) for r in records]
    title = "Programme extraction run"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        "<h2>Run</h2>",
        _table(_summary_rows(records, mentions_rows, errors, run_info), ["item", "value"], "summary"),
        f"<h2>Records (<span id=\"shown\">{len(flat)}</span> of {len(flat)})</h2>",
        '<input id="filter" type="search" placeholder="filter records: any text" autocomplete="off">',
        _table(flat, RECORD_TABLE_COLUMNS, "records"),
        f"<h2>Errors ({len(errors)})</h2>",
        _table(errors, ERROR_TABLE_COLUMNS, "errors") if errors else "<p>none</p>",
        f"<script>{_FILTER_SCRIPT}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"
