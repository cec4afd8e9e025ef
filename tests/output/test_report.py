"""report.html, the Python side: a self-contained, escaped page whose data block carries what
the script renders (records with their filter fields, article texts with mentions and
excluded regions, entities), bounded for big runs. The browser side is test_report_browser.py."""
from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from pipeline.output.report import (
    MAX_ENTITY_ARTICLES, PAGE_SIZE, ReportTexts, _date_span, _largest_total, render_report,
)
from pipeline.types import Article, Region

TEXT = ("Sleman, 3 Mei 2024 – PT Sumber Rejeki Nusantara melatih 40 petani kopi di Desa Wonokerto.\n"
        "Baca juga: Harga cabai naik menjelang Lebaran\n")


def _at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _mention(kind: str, part: str, value: dict | str = "", source: str = "ner", label: str = "", **kw) -> dict:
    s, e = _at(TEXT, part)
    return {"article_id": "sleman-kopi", "kind": kind, "label": label, "text": part, "start": s, "end": e,
            "value": json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else value, "source": source,
            "excluded": kw.get("excluded", False), "in_record": kw.get("in_record", False), "note": ""}


def _record(article_id: str = "sleman-kopi", **over) -> dict:
    rec = {"record_id": "r1", "article_id": article_id, "title": "Petani Kopi Wonokerto Dilatih",
           "published": "2024-05-03", "program": "Kopi Lestari", "activities": ["pelatihan"],
           "organizations": [{"name": "PT Sumber Rejeki Nusantara", "kind": "company", "aliases": [],
                              "role": "organizer", "entity_id": "org:srn", "evidence": []}],
           "people": [],
           "places": [{"name": "Wonokerto", "level": "desa", "code": "34.04.17.2001",
                       "parents": ["Turi", "Kabupaten Sleman", "Daerah Istimewa Yogyakarta"], "evidence": []}],
           "dates": [{"start": "2024-05-03", "end": None, "kind": "event", "text": "3 Mei 2024", "evidence": []}],
           "participants": [{"count": 40, "unit": "orang", "what": "petani kopi", "total": True, "evidence": []}],
           "confidence": 0.9}
    rec.update(over)
    return rec


def _data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def _article(regions=None) -> dict:
    return {"article_id": "sleman-kopi", "title": None, "text": TEXT,
            "regions": regions if regions is not None else [[*_at(TEXT, "Baca juga: Harga cabai naik menjelang Lebaran"),
                                                               "baca_juga", "rule:boilerplate:baca"]]}


# --- self-contained and safe ------------------------------------------------------------------

def test_page_needs_nothing_from_outside():
    page = render_report([_record()], [_mention("org", "PT Sumber Rejeki Nusantara")], [], {},
                         articles=[_article()])
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp  # the one inline script is allowed by its hash, nothing else is


@pytest.mark.parametrize("hostile", [
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "&lt;b&gt; sudah di-escape",
    "baris\u2028pemisah",
])
def test_hostile_article_text_stays_data(hostile):
    text = f"Warga Desa Sukamaju menulis {hostile} di papan.\n"
    page = render_report([_record(program=hostile)], [], [{"article_id": "x", "stage": "load", "error": hostile}],
                         {"note": hostile}, articles=[{"article_id": "sleman-kopi", "text": text, "regions": []}])
    assert page.count("<script") == 2 and page.count("</script>") == 2
    assert "<img src=x" not in page
    data = _data(page)
    assert data["articles"][0]["text"] == text            # exact text survives the round trip
    assert data["records"]["rows"][0][data["records"]["cols"].index("program")] == hostile


# --- what the script receives -------------------------------------------------------------------

def test_records_carry_filter_fields():
    recs = [_record(), _record("b", participants=[], dates=[], published=None, organizations=[], places=[])]
    data = _data(render_report(recs, [], [], {}))
    cols = data["records"]["cols"]
    first, second = (dict(zip(cols, row)) for row in data["records"]["rows"])
    assert first["_orgs"] == ["PT Sumber Rejeki Nusantara"]
    assert first["_provs"] == ["Daerah Istimewa Yogyakarta"] and first["provinces"] == ["Daerah Istimewa Yogyakarta"]
    assert (first["_dlo"], first["_dhi"], first["_n"]) == ("2024-05-03", "2024-05-03", 40)
    assert first["places"] == ["Wonokerto [desa 34.04.17.2001]"]  # one list item per place
    assert (second["_orgs"], second["_provs"], second["_dlo"], second["_n"]) == ([], [], "", None)


@pytest.mark.parametrize("dates, published, expected", [
    ([{"start": "2024-03-12", "end": "2024-03-14", "kind": "event"}], "2024-03-20", ("2024-03-12", "2024-03-14")),
    ([{"start": "2024-03", "end": None, "kind": "event"}], None, ("2024-03-01", "2024-03-31")),
    ([{"start": "2023", "end": None, "kind": "event"}], None, ("2023-01-01", "2023-12-31")),
    ([{"start": "2024-05-02", "end": None, "kind": "event"},
      {"start": "2024-04-28", "end": "2024-04-29", "kind": "event"}], None, ("2024-04-28", "2024-05-02")),
    ([{"start": "2024-03-20", "end": None, "kind": "publication"}], "2024-03-20", ("2024-03-20", "2024-03-20")),
    ([], None, ("", "")),
])
def test_record_date_span(dates, published, expected):
    assert _date_span({"dates": dates, "published": published}) == expected


@pytest.mark.parametrize("participants, expected", [
    ([{"count": 40, "total": True}], 40),
    ([{"count": 40, "total": True}, {"count": 65, "total": True}, {"count": 900, "total": False}], 65),
    ([{"count": 12, "total": False}], None),
    ([{"count": None, "total": True}], None),
    ([], None),
])
def test_largest_participant_total(participants, expected):
    assert _largest_total({"participants": participants}) == expected


def test_article_view_gets_text_regions_and_valid_mentions_only():
    mentions = [_mention("org", "PT Sumber Rejeki Nusantara", {"name": "PT Sumber Rejeki Nusantara", "acronym": None,
                                                                "kind": "company"}, "rule:org_forms.jsonl:pt",
                         "company", in_record=True),
                _mention("cue", "Lebaran", excluded=True),
                {**_mention("count", "40 petani"), "end": 10_000},        # offsets outside the text: dropped
                {**_mention("place", "Wonokerto"), "article_id": "lain"}]  # another article's: not embedded
    data = _data(render_report([_record()], mentions, [], {}, articles=[_article()]))
    (art,) = data["articles"]
    assert art["title"] == "Petani Kopi Wonokerto Dilatih"  # no title of its own: the record's
    assert art["records"] == 1 and art["regions"][0][2] == "baca_juga"
    org, cue = art["mentions"]
    s, e = _at(TEXT, "PT Sumber Rejeki Nusantara")
    assert org == [s, e, "org", "company", {"name": "PT Sumber Rejeki Nusantara", "kind": "company"},
                   "rule:org_forms.jsonl:pt", False, True, ""]  # empty value fields dropped
    assert cue[2] == "cue" and cue[6] is True


def test_entities_are_listed_with_counts_and_bounded_article_lists():
    ents = [{"entity_id": "org:srn", "kind": "org", "name": "PT Sumber Rejeki Nusantara", "aliases": ["SRN"],
             "article_count": 120, "articles": [f"a{i}" for i in range(120)], "merge_reasons": []}]
    data = _data(render_report([], [], [], {}, entities=ents))
    row = dict(zip(data["entities"]["cols"], data["entities"]["rows"][0]))
    assert row["article_count"] == 120 and len(row["articles"]) == MAX_ENTITY_ARTICLES and row["aliases"] == ["SRN"]


# --- bounded for big runs -----------------------------------------------------------------------

def _articles(n: int):
    return [Article(f"a{i}", f"a{i}.txt", f"Pelatihan menjahit ke-{i} di Desa Sukamaju.", {"title": f"Judul {i}"})
            for i in range(n)]


def test_report_texts_keep_the_first_articles_and_count_all():
    texts = ReportTexts(limit=3)
    for a in _articles(5):
        texts.add(a)
    for a in _articles(5):
        texts.set_regions(a.id, a.path, [[0, 9, "byline", "rule:x"]])  # what each result carries
    assert texts.seen == 5 and [t["article_id"] for t in texts] == ["a0", "a1", "a2"]
    assert texts.items[0] == {"article_id": "a0", "title": "Judul 0", "text": "Pelatihan menjahit ke-0 di Desa Sukamaju.",
                              "regions": [[0, 9, "byline", "rule:x"]]}
    page = render_report([], [], [], {}, articles=texts)
    assert "read 5 articles: the page holds the texts of the first 3 only" in page
    assert _data(page)["articles_seen"] == 5


def test_report_texts_without_a_result_show_no_regions():
    """An article that failed before segmenting carries no regions: its text is shown plain."""
    texts = ReportTexts()
    texts.add(_articles(1)[0])
    assert texts.items[0]["regions"] == []
    assert "the page holds the texts" not in render_report([], [], [], {}, articles=texts)


def test_ten_thousand_records_render_one_page_of_rows_as_html():
    recs = [_record(f"a{i}", record_id=f"r{i}") for i in range(10_000)]
    page = render_report(recs, [], [], {})
    table = page[page.index('<table id="records"'):]
    table = table[:table.index("</table>")]
    assert table.count("<tr>") == 1 + PAGE_SIZE               # head + first page, the script does the rest
    assert len(_data(page)["records"]["rows"]) == 10_000
    assert len(page) < 10_000 * 800                          # compact rows, not a wall of HTML


# --- the summary --------------------------------------------------------------------------------

RUN_INFO = {
    "started": "2024-06-01T08:00:00+00:00", "seconds": 12.5, "inputs": ["data/raw"],
    "counts": {"inputs": 3, "articles_with_record": 2, "articles_no_programme": 1, "articles_failed": 0,
               "records": 2, "entities": 7},
    "versions": {"package": "0.1.0", "spacy": "3.8.2", "rules": {"digest": "abc123", "files": {"rules/a.jsonl": "f00"}}},
    "stage_seconds": {"annotate": 2.0, "places": 0.5},
    "rule_coverage": {"hits": {"rule:org_forms.jsonl:pt": 9, "rule:titles.jsonl:kepala": 2},
                      "never_fired": ["rule:org_forms.jsonl:cv", "rule:org_forms.jsonl:ud", "rule:media.jsonl:koran"],
                      "disagreements": [{"article_id": "a", "text": "Bank Jateng", "rule": "rule:entities.jsonl:b",
                                         "rule_label": "ORG", "ner_labels": ["LOC"]}]},
}


def test_summary_shows_counts_versions_times_and_rule_coverage():
    page = render_report([_record()], [], [], RUN_INFO)
    assert "<b>3</b><span>articles</span>" in page and "<b>12.5</b><span>seconds</span>" in page
    assert "<td>spacy</td><td>3.8.2</td>" in page and "<td>rules digest</td><td>abc123</td>" in page
    assert "<td>inputs</td><td>data/raw</td>" in page   # lists read as text, not JSON
    assert "<td>annotate</td>" in page and 'style="width:25%"' in page  # places: 0.5 of 2.0
    coverage = page[page.index('id="coverage"'):]
    coverage = coverage[:coverage.index("</table>")]
    # rule file, rules, fired, share, hits
    assert re.search(r"<td>org_forms.jsonl</td><td[^>]*>3</td><td[^>]*>1</td><td[^>]*>33%</td><td[^>]*>9</td>",
                     coverage)
    assert re.search(r"<td>media.jsonl</td><td[^>]*>1</td><td[^>]*>0</td><td[^>]*>0%</td>", coverage)
    assert "cv, ud" in coverage
    assert "1 rule/model disagreements" in page and "Bank Jateng" in page


def test_errors_are_listed_and_capped():
    errors = [{"article_id": f"a{i}", "stage": "load", "error": "tidak bisa dibaca", "path": f"a{i}.txt"}
              for i in range(1005)]
    page = render_report([], [], errors, {})
    assert 'data-title="Errors (1005)"' in page and "… and 5 more in errors.jsonl" in page
    assert "<td>a999</td>" in page and "<td>a1000</td>" not in page


def test_stage_times_of_a_cached_run_say_why_they_are_zero():
    cached = {**RUN_INFO, "stage_seconds": {"annotate": 0.0, "load": 0.01}, "cache": {"result": {"hit": 3}}}
    page = render_report([_record()], [], [], cached)
    assert "3 of 3 articles came whole from the cache" in page
    assert "came whole from the cache" not in render_report([_record()], [], [], RUN_INFO)


def test_the_summary_names_the_model_a_run_used(tmp_path):
    from pipeline.run import RunConfig, run

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Pelatihan menjahit bagi 20 ibu rumah tangga di Desa Sukamaju.\n",
                                          encoding="utf-8")
    info = run(RunConfig(inputs=[tmp_path / "in"], out=tmp_path / "out", use_cache=False))
    assert info["settings"]["ner_model"].startswith("shipped (") and info["versions"]["ner_model"] in \
        info["settings"]["ner_model"]
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<td>settings</td>" in page and "ner_model: shipped (" in page
