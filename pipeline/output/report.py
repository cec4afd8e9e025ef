"""``report.html``: one self-contained page for reviewing a run.

Analysts look at a run before they use it, so the page shows the run summary
(counts, time, versions, rule coverage), the records table (search, sort,
filters, pages), the charts, each article's text with its mentions highlighted,
the entity lists and the errors.

It must open from disk, offline, years later: no network, no external files, a
Content-Security-Policy that forbids any fetch, and the one script allowed by its
hash. The data travels as one JSON block the script renders from, so a run of
10,000 records stays fast (a page of rows at a time); the summary, the first page
of records and the errors are also plain HTML, readable without the script. Every
string from the data is escaped (HTML) or JSON-encoded with ``<``, ``>`` and ``&``
escaped, so article text can never become markup.
"""
from __future__ import annotations

import base64
import collections
import hashlib
import html
import json
from importlib import resources
from typing import Any, Callable, Iterable

from pipeline.output.writers import LIST_SEPARATOR, flatten_record

# Texts are embedded for this many articles at most: beyond it the page would be too heavy.
MAX_ARTICLE_TEXTS = 2000
PAGE_SIZE = 50
MAX_ERROR_ROWS = 1000
MAX_ENTITY_ARTICLES = 50   # article ids listed per entity (the count is always complete)
MAX_NEVER_FIRED_SHOWN = 200  # rule ids listed per rule file; run.json has them all

RECORD_TABLE_COLUMNS = ["article_id", "program", "published", "organizations", "people", "places",
                        "provinces", "dates", "participants_total", "participants", "confidence"]
ERROR_TABLE_COLUMNS = ["article_id", "stage", "error", "path"]
LIST_COLUMNS = ["organizations", "people", "places", "provinces", "dates", "participants"]
# run.json keys shown in their own tables rather than as summary rows.
_OWN_SECTIONS = {"counts", "versions", "rule_coverage", "stage_seconds"}


class ReportTexts:
    """Collects ``{article_id, title, text, regions}`` for the per-article view while a run reads.

    Keeps the first ``limit`` articles only (memory and page size stay bounded) and counts all it saw.
    The excluded regions that the page greys out come from each article's result (``set_regions``):
    they were found by the segmenter in the worker, under the rule time limit. Nothing here runs a
    rule, so no user regex can run outside that limit.
    """

    def __init__(self, limit: int = MAX_ARTICLE_TEXTS):
        self.limit = limit
        self.items: list[dict[str, Any]] = []
        self._by_key: dict[tuple[str, str], dict[str, Any]] = {}
        self.seen = 0

    def add(self, article: Any) -> None:
        self.seen += 1
        if len(self.items) >= self.limit:
            return
        title = (article.meta or {}).get("title")
        item = {"article_id": article.id, "title": title, "text": article.text, "regions": []}
        self.items.append(item)
        self._by_key[(article.id, article.path)] = item

    def set_regions(self, article_id: str, path: str, regions: list[list[Any]]) -> None:
        """The regions an article's result carries (ignored for an article not kept)."""
        item = self._by_key.get((article_id, path))
        if item is not None:
            item["regions"] = [list(r) for r in regions]

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


# --- plain HTML pieces ------------------------------------------------------------------------

def _e(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (dict, list)):
        v = json.dumps(v, ensure_ascii=False, indent=1)
        return f"<pre>{html.escape(v)}</pre>"
    return html.escape(str(v))


def _table(rows: Iterable[dict[str, Any]], columns: list[str], table_id: str = "", cls: str = "") -> str:
    attrs = (f' id="{table_id}"' if table_id else "") + (f' class="{cls}"' if cls else "")
    head = "".join(f'<th data-col="{_e(c)}">{_e(c)}</th>' for c in columns)
    body = "\n".join("<tr>" + "".join(f"<td>{_e(r.get(c))}</td>" for c in columns) + "</tr>" for r in rows)
    return f"<table{attrs}><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>"


def _plain(v: Any) -> Any:
    """A run.json value as one readable line: lists joined with ``, ``, dicts as ``key: value``."""
    if isinstance(v, list):
        return ", ".join(str(_plain(x)) for x in v)
    if isinstance(v, dict):
        return "; ".join(f"{k}: {_plain(x)}" for k, x in v.items())
    return v


def _summary_rows(records: list[dict[str, Any]], mentions_rows: list[dict[str, Any]],
                  errors: list[dict[str, Any]], run_info: dict[str, Any]) -> list[dict[str, Any]]:
    rows = [{"item": "records", "value": len(records)},
            {"item": "articles with a record", "value": len({r.get("article_id") for r in records})},
            {"item": "errors", "value": len(errors)}]
    by_kind = collections.Counter(m.get("kind") for m in mentions_rows)
    for kind, n in sorted(by_kind.items(), key=lambda kv: str(kv[0])):
        rows.append({"item": f"mentions: {kind}", "value": n})
    for key, value in run_info.items():
        if key not in _OWN_SECTIONS:
            rows.append({"item": key, "value": _plain(value)})
    return rows


def _cards(records: list, errors: list, run_info: dict[str, Any], n_entities: int) -> str:
    c = run_info.get("counts") or {}
    seconds = run_info.get("seconds")
    items = [("articles", c.get("inputs")), ("with a record", c.get("articles_with_record")),
             ("no programme", c.get("articles_no_programme")), ("records", len(records)),
             ("errors", len(errors)), ("entities", c.get("entities", n_entities or None)),
             ("seconds", f"{seconds:.1f}" if isinstance(seconds, (int, float)) else None)]
    cards = "".join(f'<div class="card{" bad" if label == "errors" and value else ""}">'
                    f'<b>{_e(value)}</b><span>{_e(label)}</span></div>'
                    for label, value in items if value is not None)
    return f'<div class="cards">{cards}</div>'


def _versions(run_info: dict[str, Any]) -> str:
    v = run_info.get("versions")
    if not isinstance(v, dict):
        return ""
    rules = v.get("rules") if isinstance(v.get("rules"), dict) else {}
    rows = [{"component": k, "version": val} for k, val in v.items() if k != "rules"]
    if rules:
        rows.append({"component": "rules digest", "version": rules.get("digest")})
    files = rules.get("files") or {}
    hashes = _table([{"file": f, "sha256": h} for f, h in sorted(files.items())], ["file", "sha256"], cls="small")
    return ("<h3>Versions</h3>" + _table(rows, ["component", "version"], "versions")
            + (f"<details><summary>{len(files)} rule files and their hashes</summary>{hashes}</details>"
               if files else ""))


def _stage_times(run_info: dict[str, Any]) -> str:
    st = run_info.get("stage_seconds")
    if not isinstance(st, dict) or not st:
        return ""
    top = max(st.values()) or 1
    rows = "".join(f'<tr><td>{_e(k)}</td><td class="num">{v:.2f}</td>'
                   f'<td class="barcell"><div class="bar" style="width:{100 * v / top:.0f}%"></div></td></tr>'
                   for k, v in sorted(st.items(), key=lambda kv: -kv[1]))
    cache = run_info.get("cache") if isinstance(run_info.get("cache"), dict) else {}
    result = cache.get("result") if isinstance(cache.get("result"), dict) else {}
    hits, total = result.get("hit", 0), sum(v for v in result.values() if isinstance(v, int))
    note = (f'<p class="note">{hits} of {total} articles came whole from the cache: their stages did no work '
            "in this run, so they add no time here.</p>" if hits else "")
    return ('<h3>Time per stage (seconds, all articles)</h3>' + note + '<table class="small" id="stages">'
            f"<thead><tr><th>stage</th><th>seconds</th><th></th></tr></thead><tbody>{rows}</tbody></table>")


def _rule_file(source: str) -> tuple[str, str]:
    """``rule:<file>:<id>`` -> (file, id)."""
    parts = source.split(":", 2)
    return (parts[1], parts[2]) if len(parts) == 3 else (source, "")


def _coverage(run_info: dict[str, Any]) -> str:
    cov = run_info.get("rule_coverage")
    if not isinstance(cov, dict):
        return ""
    hits: dict[str, int] = cov.get("hits") or {}
    never: list[str] = cov.get("never_fired") or []
    per_file: dict[str, dict[str, Any]] = collections.defaultdict(lambda: {"fired": 0, "hits": 0, "never": []})
    for src, n in hits.items():
        f = per_file[_rule_file(src)[0]]
        f["fired"] += 1
        f["hits"] += n
    for src in never:
        per_file[_rule_file(src)[0]]["never"].append(_rule_file(src)[1])
    file_rows = []
    for name, f in sorted(per_file.items()):
        total = f["fired"] + len(f["never"])
        shown = ", ".join(f["never"][:MAX_NEVER_FIRED_SHOWN])
        more = len(f["never"]) - MAX_NEVER_FIRED_SHOWN
        never_cell = (f"<details><summary>{len(f['never'])}</summary><div class=\"ids\">{_e(shown)}"
                      f"{_e(f' … and {more} more (run.json lists all)') if more > 0 else ''}</div></details>"
                      if f["never"] else "0")
        file_rows.append(f'<tr><td>{_e(name)}</td><td class="num">{total}</td><td class="num">{f["fired"]}</td>'
                         f'<td class="num">{100 * f["fired"] / total if total else 0:.0f}%</td>'
                         f'<td class="num">{f["hits"]}</td><td>{never_cell}</td></tr>')
    top = [{"rule": src, "hits": n} for src, n in sorted(hits.items(), key=lambda kv: -kv[1])[:25]]
    dis = cov.get("disagreements") or []
    dis_rows = [{"article_id": d.get("article_id"), "text": d.get("text"), "rule": d.get("rule"),
                 "rule label": d.get("rule_label"), "model labels": ", ".join(d.get("ner_labels") or [])}
                for d in dis]
    return ("<h3>Rule coverage</h3>"
            f"<p>{len(hits)} rules fired, {len(never)} never fired in this run.</p>"
            '<table class="small" id="coverage"><thead><tr><th>rule file</th><th>rules</th><th>fired</th>'
            "<th>share</th><th>hits</th><th>never fired</th></tr></thead><tbody>"
            + "".join(file_rows) + "</tbody></table>"
            + "<details><summary>Most used rules</summary>" + _table(top, ["rule", "hits"], cls="small")
            + "</details>"
            + f"<details><summary>{len(dis)} rule/model disagreements</summary>"
            + (_table(dis_rows, ["article_id", "text", "rule", "rule label", "model labels"], cls="small")
               if dis else "<p>none</p>") + "</details>")


# --- the data the script renders from ---------------------------------------------------------

def _date_span(rec: dict[str, Any]) -> tuple[str, str]:
    """The record's event dates as a full ISO range (a month ``2024-03`` spans 03-01..03-31); else published."""
    starts, ends = [], []
    for d in rec.get("dates") or []:
        if d.get("kind") == "event" and d.get("start"):
            starts.append(d["start"])
            ends.append(d.get("end") or d["start"])
    if not starts and rec.get("published"):
        starts, ends = [rec["published"]], [rec["published"]]
    if not starts:
        return "", ""
    lo, hi = min(starts), max(ends)
    return (lo + "-01-01"[len(lo) - 4:] if len(lo) < 10 else lo[:10],
            hi + "-12-31"[len(hi) - 4:] if len(hi) < 10 else hi[:10])


def _largest_total(rec: dict[str, Any]) -> int | float | None:
    totals = [p["count"] for p in rec.get("participants") or []
              if p.get("total") and isinstance(p.get("count"), (int, float)) and not isinstance(p["count"], bool)]
    return max(totals) if totals else None


def _record_rows(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Records as columns + rows (compact for 10,000 records), with the fields filters need."""
    extra = ["title", "_orgs", "_provs", "_dlo", "_dhi", "_n"]
    rows = []
    for rec in records:
        flat = flatten_record(rec)
        for c in LIST_COLUMNS:  # lists again, so the page can show one item per line
            flat[c] = [x for x in (flat[c] or "").split(LIST_SEPARATOR) if x]
        lo, hi = _date_span(rec)
        flat.update(_orgs=[o.get("name") for o in rec.get("organizations") or [] if o.get("name")],
                    _provs=flat["provinces"], _dlo=lo, _dhi=hi, _n=_largest_total(rec))
        rows.append([flat.get(c) for c in RECORD_TABLE_COLUMNS + extra])
    return {"cols": RECORD_TABLE_COLUMNS + extra, "rows": rows}


def _compact_value(value: Any) -> Any:
    """A mention's normalised value without its empty fields (smaller page, shorter tooltips)."""
    if isinstance(value, str):
        if not value:
            return None
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if v not in (None, "", [], {})} or None
    return value


def _article_payload(articles: list[dict[str, Any]], mentions_rows: list[dict[str, Any]],
                     records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Texts with their regions and mentions (``[start, end, kind, label, value, source, excluded,
    in_record, note]``) for the per-article view; mentions outside the text are dropped."""
    by_article: dict[Any, list[dict[str, Any]]] = collections.defaultdict(list)
    wanted = {a.get("article_id") for a in articles}
    for m in mentions_rows:
        if m.get("article_id") in wanted:
            by_article[m.get("article_id")].append(m)
    n_records = collections.Counter(r.get("article_id") for r in records)
    record_titles = {r.get("article_id"): r.get("title") for r in records if r.get("title")}
    compact: dict[str, Any] = {}  # a mention's value text -> its compact form (many mentions share one)
    out = []
    for a in articles:
        text = a.get("text") or ""
        ms = []
        for m in by_article.get(a.get("article_id"), []):
            s, e = m.get("start"), m.get("end")
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                continue
            value = m.get("value")
            if isinstance(value, str):
                if value not in compact:
                    compact[value] = _compact_value(value)
                value = compact[value]
            else:
                value = _compact_value(value)
            ms.append([s, e, m.get("kind") or "", m.get("label") or "", value,
                       m.get("source") or "", bool(m.get("excluded")), bool(m.get("in_record")), m.get("note") or ""])
        regions = [list(r)[:4] for r in a.get("regions") or []]
        title = a.get("title") or record_titles.get(a.get("article_id")) or ""
        out.append({"id": a.get("article_id"), "title": title, "text": text, "regions": regions,
                    "mentions": ms, "records": n_records.get(a.get("article_id"), 0)})
    return out


def _entity_rows(entities: list[dict[str, Any]]) -> list[list[Any]]:
    rows = []
    for e in entities:
        arts = list(e.get("articles") or [])
        rows.append([e.get("entity_id"), e.get("kind"), e.get("name"), list(e.get("aliases") or []),
                     e.get("article_count") if e.get("article_count") is not None else len(arts),
                     arts[:MAX_ENTITY_ARTICLES]])
    return rows


def _json_for_script(data: Any) -> str:
    """JSON that can sit inside ``<script>``: no ``<``, ``>`` or ``&`` left to end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _asset(name: str) -> str:
    return resources.files("pipeline.output").joinpath("assets", name).read_text(encoding="utf-8")


# --- the page ---------------------------------------------------------------------------------

def render_report(records: Iterable[dict[str, Any]], mentions_rows: Iterable[dict[str, Any]],
                  errors: Iterable[dict[str, Any]], run_info: dict[str, Any], *,
                  entities: Iterable[dict[str, Any]] | None = None,
                  articles: Iterable[dict[str, Any]] | None = None) -> str:
    """The whole ``report.html`` page as a string.

    ``articles``: ``{article_id, title, text, regions}`` dicts (regions as ``[start, end,
    kind, source]``) for the per-article view; if it has a ``seen`` count larger than its
    length (a ``ReportTexts`` over a big run) the page says texts were left out.
    """
    records, mentions_rows, errors = list(records), list(mentions_rows), list(errors)
    entities = list(entities or [])
    seen = getattr(articles, "seen", None)
    articles = list(articles or [])
    flat = [flatten_record(r) for r in records]
    title = "Programme extraction run"
    started = run_info.get("started")
    data = {
        "records": _record_rows(records),
        "articles": _article_payload(articles, mentions_rows, records),
        "articles_seen": seen if isinstance(seen, int) else len(articles),
        "entities": {"cols": ["entity_id", "kind", "name", "aliases", "article_count", "articles"],
                     "rows": _entity_rows(entities)},
        "page_size": PAGE_SIZE,
    }
    script = _asset("report.js")
    script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = (f"default-src 'none'; script-src 'sha256-{script_hash}'; style-src 'unsafe-inline'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    texts_note = ""
    if data["articles_seen"] > len(articles):
        texts_note = (f'<p class="note">This run read {data["articles_seen"]} articles: the page holds the texts of '
                      f"the first {len(articles)} only, to stay light. The tables and charts cover all.</p>")
    error_rows = errors[:MAX_ERROR_ROWS]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{_asset('report.css')}</style></head><body>",
        f"<header><h1>{_e(title)}</h1><p class=\"sub\">{_e(started)}</p>",
        '<nav id="tabs"></nav></header>',
        "<main>",
        '<section class="tab" id="tab-summary" data-title="Summary"><h2>Run</h2>',
        _cards(records, errors, run_info, len(entities)),
        '<div class="cols"><div>',
        _table(_summary_rows(records, mentions_rows, errors, run_info), ["item", "value"], "summary", "small"),
        _stage_times(run_info),
        "</div><div>",
        _versions(run_info),
        "</div></div>",
        _coverage(run_info),
        "</section>",
        f'<section class="tab" id="tab-records" data-title="Records ({len(flat)})">',
        f'<h2>Records (<span id="shown">{len(flat)}</span> of {len(flat)})</h2>',
        '<div class="filters">'
        '<input id="filter" type="search" placeholder="search records: any text" autocomplete="off">'
        '<label>organisation <input id="f-org" list="org-list" type="search" autocomplete="off"></label>'
        '<datalist id="org-list"></datalist>'
        '<label>province <select id="f-prov"><option value="">all</option></select></label>'
        '<label>date from <input id="f-from" type="date"></label><label>to <input id="f-to" type="date"></label>'
        '<label>participants <input id="f-nmin" type="number" min="0" placeholder="min"></label>'
        '<label>to <input id="f-nmax" type="number" min="0" placeholder="max"></label>'
        '<button id="f-reset" type="button">reset</button></div>',
        '<p class="hint">Date filter: the event dates of a record (its publication date when it has none). '
        "Participants: its largest total. Click a column to sort.</p>",
        '<div class="pager" id="records-pager"></div>',
        '<div class="scroll">',
        _table(flat[:PAGE_SIZE], RECORD_TABLE_COLUMNS, "records"),
        "</div>",
        (f"<noscript><p>Without JavaScript only the first {PAGE_SIZE} records are shown; "
         "records.csv has them all.</p></noscript>" if len(flat) > PAGE_SIZE else ""),
        "</section>",
        '<section class="tab" id="tab-charts" data-title="Charts"><h2>Charts</h2>',
        '<p class="hint">Programmes among the records that match the records filter '
        '(<span id="chart-count"></span>). Click a bar to filter by it.</p>',
        '<div id="charts"></div></section>',
        f'<section class="tab" id="tab-articles" data-title="Articles ({len(articles)})"><h2>Articles</h2>',
        texts_note,
        '<div class="articles"><div class="alist"><input id="a-filter" type="search" placeholder="find article" '
        'autocomplete="off"><ul id="article-list"></ul></div>'
        '<div id="article-view"><p class="hint">Choose an article.</p></div></div></section>',
        f'<section class="tab" id="tab-entities" data-title="Entities ({len(entities)})"><h2>Entities</h2>',
        '<div class="filters"><input id="e-filter" type="search" placeholder="search entities" autocomplete="off">'
        '<label>kind <select id="e-kind"><option value="">all</option></select></label></div>',
        '<div class="pager" id="entities-pager"></div><div class="scroll"><table id="entities"><thead></thead>'
        "<tbody></tbody></table></div></section>",
        f'<section class="tab" id="tab-errors" data-title="Errors ({len(errors)})"><h2>Errors ({len(errors)})</h2>',
        _table(error_rows, ERROR_TABLE_COLUMNS, "errors", "small") if errors else "<p>none</p>",
        (f"<p>… and {len(errors) - MAX_ERROR_ROWS} more in errors.jsonl</p>" if len(errors) > MAX_ERROR_ROWS
         else ""),
        "</section></main>",
        '<div id="tip" hidden></div>',
        f'<script type="application/json" id="report-data">{_json_for_script(data)}</script>',
        f"<script>{script}</script>",
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"
