"""The article cache: a re-run reuses what did not change and recomputes exactly what did.

Each test edits a copy of the shipped rules, a text, or the NER model version, and checks which cache
layers hit and that the output equals a run without the cache.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import shutil
from pathlib import Path

import pytest

from pipeline.cache import FILE_NAME, MISSING, ArticleCache, NullCache, TextProbe, changed_rules, fingerprint, make_key
from pipeline.process import LazyNer, Resources, needs_model, process_batch
from pipeline.types import Article, Region

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"

TEXT_A = """Bantul - Sebanyak 25 petani dari Kelompok Tani Ngudi Makmur mengikuti pelatihan pembuatan pupuk organik
di Balai Desa Srigading, Kecamatan Sanden, Kabupaten Bantul, Senin (4/3/2024).

Ketua Kelompok Tani Ngudi Makmur, Suparjo, mengatakan pelatihan itu didukung PT Sinar Tani Sejahtera.
"Kami ingin mengurangi pupuk kimia," kata Suparjo.

Baca juga: Harga gabah naik di tingkat petani
"""
TEXT_B = """Sleman - Dinas Koperasi dan UKM Kabupaten Sleman menggelar pelatihan pengemasan produk bagi 40 pelaku UMKM
pada 12 Maret 2024 di Kapanewon Depok. Kepala Dinas, Sri Wahyuni, berharap produk lokal lebih laku.
"""


class FakeNerBackend:
    """A stand-in NER model: every capitalised word pair is an ORG; counts how many texts it was run on."""

    name = "fake"

    def __init__(self, version: str):
        self.version = version
        self.calls = 0

    def annotate(self, texts):
        import re

        for t in texts:
            self.calls += 1
            yield [(m.start(), m.end(), "ORG") for m in re.finditer(r"PT [A-Z]\w+ [A-Z]\w+", t)]


class FakeNer:
    """What ``Resources`` needs of ``LazyNer``, with a version the test chooses."""

    path = None

    def __init__(self, version: str):
        self.name, self.version = "fake", version
        self.backend = FakeNerBackend(version)

    def tokenizer_id(self) -> str:
        return "blank-id"


def articles(text_a: str = TEXT_A) -> list[Article]:
    return [Article("a", "a.txt", text_a, {}), Article("b", "b.txt", TEXT_B, {"published": "2024-03-12"})]


def load(rules_dir: Path, cache_dir: Path | None, version: str = "m1") -> Resources:
    res = Resources.load([rules_dir], "none", cache_dir=cache_dir, use_cache=cache_dir is not None)
    res.ner = FakeNer(version)
    res.time_limit = 0  # no alarms needed here
    return res


def layers(results) -> dict[str, dict[str, str]]:
    return {r.article_id: r.cache for r in results}


def plain(results) -> list:
    """What a run writes for these results (timings and cache states aside)."""
    return [(r.article_id, r.status, json.dumps(r.records, sort_keys=True, default=str),
             [(m.kind, m.start, m.end, m.source, m.label, m.excluded) for m in r.mentions]) for r in results]


@pytest.fixture()
def rules_copy(tmp_path) -> Path:
    dst = tmp_path / "rules"
    shutil.copytree(RULES_DIR, dst)
    return dst


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    """Shipped rules (copied), a cache filled by one run; each test works on its own copy of the cache."""
    base = tmp_path_factory.mktemp("warm")
    rules_dir = base / "rules"
    shutil.copytree(RULES_DIR, rules_dir)
    cache_dir = base / "cache"
    res = load(rules_dir, cache_dir)
    first = process_batch(articles(), res)
    res.close()
    assert all(r.status == "record" for r in first), [r.error for r in first]
    assert res.ner.backend.calls == 2
    return rules_dir, cache_dir, first


def fresh_copy(warm, tmp_path) -> tuple[Path, Path, list]:
    rules_dir, cache_dir, first = warm
    rules2, cache2 = tmp_path / "rules", tmp_path / "cache"
    shutil.copytree(rules_dir, rules2)
    shutil.copytree(cache_dir, cache2)
    return rules2, cache2, first


# -- hits -------------------------------------------------------------------------------------------------
def test_unchanged_rerun_takes_whole_results_from_the_cache(warm, tmp_path):
    rules_dir, cache_dir, first = fresh_copy(warm, tmp_path)
    res = load(rules_dir, cache_dir)
    again = process_batch(articles(), res)
    assert layers(again) == {"a": {"result": "hit"}, "b": {"result": "hit"}}
    assert res.ner.backend.calls == 0
    assert plain(again) == plain(first)


def test_no_cache_stores_nothing_and_recomputes(tmp_path):
    res = Resources.load([RULES_DIR], "none", cache_dir=tmp_path / "c", use_cache=False)
    assert isinstance(res.cache, NullCache)
    process_batch(articles()[:1], res)
    again = process_batch(articles()[:1], res)
    assert again[0].cache["result"] == "miss" and again[0].cache["orgs"] == "miss"
    assert not (tmp_path / "c" / FILE_NAME).exists()


# -- invalidation -----------------------------------------------------------------------------------------
def test_the_model_is_needed_only_where_its_spans_are_not_cached(warm, tmp_path):
    """The worker pool loads the model before forking only when the first batch will run it."""
    rules_dir, cache_dir, _ = fresh_copy(warm, tmp_path)
    with open(rules_dir / "counted_nouns.jsonl", "a", encoding="utf-8") as f:  # every result misses
        f.write(json.dumps({"id": "t-penggiat", "text": "penggiat", "cls": "person"}) + "\n")
    res = load(rules_dir, cache_dir)
    assert not needs_model(articles(), res)
    assert needs_model(articles(TEXT_A + " Berita lain."), res)  # a new text: its spans are not cached
    assert not needs_model(articles(), load(rules_dir, cache_dir)) and needs_model(articles(), load(rules_dir, None))
    assert needs_model(articles(), load(rules_dir, cache_dir, version="m2"))
    process_batch(articles(), res)
    assert res.ner.backend.calls == 0


def test_model_change_reruns_the_model_and_what_follows(warm, tmp_path):
    rules_dir, cache_dir, first = fresh_copy(warm, tmp_path)
    res = load(rules_dir, cache_dir, version="m2")
    again = process_batch(articles(), res)
    assert res.ner.backend.calls == 2
    for r in again:
        assert (r.cache["result"], r.cache["ner"], r.cache["spans"], r.cache["segment"]) == ("miss", "miss", "hit", "hit")
    # the fake model found the same spans: every extraction stage gets the same input and hits
    assert {r.cache["orgs"] for r in again} == {"hit"}
    assert plain(again) == plain(first)


def test_text_change_recomputes_that_article_only(warm, tmp_path):
    rules_dir, cache_dir, _ = fresh_copy(warm, tmp_path)
    res = load(rules_dir, cache_dir)
    changed = TEXT_A.replace("25 petani", "27 petani")
    again = process_batch(articles(changed), res)
    assert res.ner.backend.calls == 1
    a, b = again
    assert b.cache == {"result": "hit"}
    assert {a.cache[k] for k in ("result", "ner", "spans", "segment", "orgs", "people", "counts")} == {"miss"}
    (rec,) = a.records
    assert 27 in [p["count"] for p in rec["participants"]]


def test_counted_nouns_change_recomputes_the_counts_of_articles_it_can_touch(warm, tmp_path):
    rules_dir, cache_dir, first = fresh_copy(warm, tmp_path)
    path = rules_dir / "counted_nouns.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [l for l in lines if '"text": "petani"' not in l]  # "25 petani" is no longer a count
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = load(rules_dir, cache_dir)
    again = process_batch(articles(), res)
    a, b = again
    assert res.ner.backend.calls == 0
    assert a.cache["counts"] == "miss"  # "petani" is in article a
    assert b.cache["counts"] == "reused"  # not in b: its counts cannot have changed
    for r in again:
        assert {r.cache[k] for k in ("ner", "spans", "segment", "orgs", "people", "places", "dates", "programme")} \
            == {"hit"}
    assert 25 not in [p["count"] for p in a.records[0]["participants"]]
    cold = process_batch(articles(), load(rules_dir, None))
    assert plain(again) == plain(cold)


@pytest.mark.parametrize("file, line, stage, touched", [
    # kinds whose rules act only where their words occur: only articles holding the words are recomputed
    ("programme_cues.jsonl", {"id": "x", "text": "pupuk organik", "weight": 1.0}, "programme", ("miss", "reused")),
    ("programme_cues.jsonl", {"id": "x", "text": "kapal selam", "weight": 1.0}, "programme", ("reused", "reused")),
    ("titles.jsonl", {"id": "x", "text": "Ketua Kelompok Tani"}, "people", ("miss", "reused")),
    ("entities.jsonl", {"id": "x", "label": "ORG", "pattern": [{"LOWER": "kelompok"}, {"LOWER": "tani"},
                                                               {"IS_TITLE": True, "OP": "+"}]}, "spans", ("miss", "reused")),
    ("entities.jsonl", {"id": "x", "label": "ORG", "pattern": [{"IS_TITLE": True}, {"TEXT": "Tbk"}]}, "spans",
     ("reused", "reused")),
    # a kind read in ways the cache cannot see (org_forms: one form may name another): every article
    ("org_forms.jsonl", {"id": "x", "text": "Paguyuban", "position": "prefix", "kind": "community"}, "orgs",
     ("miss", "miss")),
])
def test_which_articles_a_rule_change_recomputes(warm, tmp_path, file, line, stage, touched):
    rules_dir, cache_dir, first = fresh_copy(warm, tmp_path)
    with open(rules_dir / file, "a", encoding="utf-8") as f:
        f.write(json.dumps(line) + "\n")
    res = load(rules_dir, cache_dir)
    again = process_batch(articles(), res)
    assert tuple(r.cache[stage] for r in again) == touched
    cold = process_batch(articles(), load(rules_dir, None))
    assert plain(again) == plain(cold)


def test_a_comment_edit_reuses_everything(warm, tmp_path):
    rules_dir, cache_dir, first = fresh_copy(warm, tmp_path)
    with open(rules_dir / "titles.jsonl", "a", encoding="utf-8") as f:
        f.write("// a note for the team\n")
    again = process_batch(articles(), load(rules_dir, cache_dir))
    assert {r.cache["people"] for r in again} == {"reused"}
    assert plain(again) == plain(first)


def test_noise_change_recomputes_segmentation_and_only_what_it_changed(warm, tmp_path):
    rules_dir, cache_dir, first = fresh_copy(warm, tmp_path)
    with open(rules_dir / "noise.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps({"id": "kata-suparjo", "pattern": '^".*kata Suparjo\\.$', "kind": "quote",
                            "scope": "line"}) + "\n")
    res = load(rules_dir, cache_dir)
    a, b = process_batch(articles(), res)
    assert (a.cache["segment"], b.cache["segment"]) == ("miss", "reused")  # the pattern matches in a only
    assert a.cache["counts"] == "miss"  # article a has new regions: its stages see new input
    assert {b.cache[k] for k in ("orgs", "people", "places", "dates", "counts", "programme")} == {"hit"}
    assert a.rule_hits.get("rule:noise.jsonl:kata-suparjo") == 1
    cold = process_batch(articles(), load(rules_dir, None))
    assert plain([a, b]) == plain(cold)


def test_entities_change_reruns_the_rules_but_not_the_model(warm, tmp_path):
    rules_dir, cache_dir, _ = fresh_copy(warm, tmp_path)
    with open(rules_dir / "entities.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps({"id": "ngudi-makmur", "label": "ORG", "pattern": "Kelompok Tani Ngudi Makmur"}) + "\n")
    res = load(rules_dir, cache_dir)
    a, b = process_batch(articles(), res)
    assert res.ner.backend.calls == 0
    assert (a.cache["ner"], a.cache["spans"]) == ("hit", "miss")
    assert [m.source for m in a.mentions if m.kind == "rule"] == ["rule:entities.jsonl:ngudi-makmur"] * 2


# -- the store --------------------------------------------------------------------------------------------
def test_store_round_trip_and_damaged_entries(tmp_path):
    c = ArticleCache(tmp_path)
    assert c.get("x", "k") is MISSING
    value = [Region(1, 5, "byline", "rule:noise.jsonl:oleh"), {"a": (1, 2)}]
    c.put("x", "k", value)
    assert c.get("x", "k") is MISSING  # not written before flush
    c.flush()
    assert c.get("x", "k") == value
    c._db().execute("UPDATE entries SET value = ? WHERE key = ?", (b"not stored data", "k"))
    assert c.get("x", "k") is MISSING
    assert c.stats["x.hit"] == 1 and c.stats["x.miss"] == 3
    c.close()


def test_unusable_cache_folder_warns_once_and_the_run_goes_on(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    c = ArticleCache(blocker / "cache")
    assert c.get("x", "k") is MISSING
    c.put("x", "k", 1)
    c.flush()
    assert capsys.readouterr().err.count("article cache off") == 1


def _writer(folder: str, n: int, start: int) -> None:
    c = ArticleCache(folder)
    for i in range(start, start + n):
        c.put("w", f"k{i}", i)
        if i % 10 == 0:
            c.flush()
    c.close()


def test_several_processes_write_one_cache(tmp_path):
    ctx = mp.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), 100, k * 100)) for k in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    c = ArticleCache(tmp_path)
    assert [c.get("w", f"k{i}") for i in range(300)] == list(range(300))


def test_keys_depend_on_every_part():
    assert make_key("a", "b") != make_key("ab")
    assert make_key("a", 1) == make_key("a", 1)
    assert fingerprint([Region(1, 2, "x")]) != fingerprint([Region(1, 3, "x")])


@pytest.mark.slow
def test_lazy_model_version_is_the_loaded_models_version():
    lazy = LazyNer(None)
    if lazy.path is None:
        pytest.skip("no NER model in models/id_news_ner")
    assert not lazy.loaded
    assert lazy.backend.version == lazy.version  # loading checks it too


# -- which rules can act on a text -----------------------------------------------------------------------
PROBE_TEXT = "Bapak Drs. Wahyu, S. Sos membuka pelatihan bagi 30 petani. Baca juga: Harga gabah naik"


@pytest.mark.parametrize("stem, data, touches", [
    ("counted_nouns", {"text": "petani"}, True),
    ("counted_nouns", {"text": "nelayan"}, False),
    ("honorifics", {"text": "S.Sos"}, True),  # written "S. Sos": compared without dots and spaces
    ("programme_cues", {"text": "pelatih*"}, True),
    ("noise", {"pattern": r"^\s*baca\s+juga"}, False),  # not at a line start here
    ("noise", {"pattern": r"baca\s+juga:"}, True),
    ("entities", {"pattern": "Harga Gabah"}, True),
    ("entities", {"pattern": [{"LOWER": {"IN": ["bumdes", "bumdesa"]}}, {"IS_TITLE": True, "OP": "+"}]}, False),
    ("entities", {"pattern": [{"LOWER": "kwt", "OP": "?"}, {"IS_TITLE": True}]}, True),  # no word required
    ("org_forms", {"text": "Koperasi"}, True),  # a kind the cache cannot see through: always
])
def test_text_probe(stem, data, touches):
    assert TextProbe(PROBE_TEXT).touches(stem, data) is touches


def test_changed_rules_between_snapshots():
    def snap(*rules):
        return [(i, {"data": {"id": i, "text": t}, "file": f}) for i, t, f in rules]

    old = snap(("a", "petani", "x.jsonl"), ("b", "nelayan", "x.jsonl"), ("c", "warga", "x.jsonl"))
    assert changed_rules(old, old) == []
    edited = snap(("a", "petani", "x.jsonl"), ("b", "nelayan tangkap", "x.jsonl"), ("d", "pemuda", "x.jsonl"))
    assert changed_rules(old, edited) == [{"id": "b", "text": "nelayan"}, {"id": "c", "text": "warga"},
                                          {"id": "b", "text": "nelayan tangkap"}, {"id": "d", "text": "pemuda"}]
    moved = snap(("a", "petani", "y.jsonl"), ("b", "nelayan", "x.jsonl"), ("c", "warga", "x.jsonl"))
    assert changed_rules(old, moved) == [{"id": "a", "text": "petani"}] * 2  # the evidence would name y.jsonl
    assert changed_rules(old, list(reversed(old))) is None  # order can decide which rule wins


def test_the_cache_is_kept_under_its_size_by_dropping_the_oldest(tmp_path):
    import random

    rng = random.Random(0)
    values = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(4000)) for _ in range(300)]
    c = ArticleCache(tmp_path)  # random text: compression cannot shrink it much
    for i in range(300):
        c.put("x", f"k{i}", values[i])
        if i % 50 == 49:
            c.flush()
    c.flush()
    assert c.size() > 1_000_000
    assert c.prune(600_000) > 0
    assert c.size() <= 480_000
    assert c.get("x", "k0") is MISSING and c.get("x", "k299") == values[299]
