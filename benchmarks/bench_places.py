#!/usr/bin/env python3
"""Speed of the place extractor, and optionally its places F1 on a gold folder.

usage: python benchmarks/bench_places.py [ARTICLES_DIR] [--repeat N] [--score GOLD_DIR [--show] [--segment]]

Prints the gazetteer load time from the on-disk cache (goal < 1 s), the extractor set-up time, and
milliseconds per article (goal < 3 ms). Without ARTICLES_DIR it times a built-in synthetic article.
With --score it groups each article's mentions into places the way records do (one per code, else
per level and name; every surface form an alias) and scores them with the reference scorer's
matching (score.py next to the gold folder), with no NER and no organisation spans; --segment adds
the segmenter's excluded regions (Baca juga lines, ...) and dateline.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract.gazetteer import Gazetteer  # noqa: E402
from pipeline.extract.places import PlaceExtractor  # noqa: E402
from pipeline.rules import load_rules  # noqa: E402
from pipeline.normalize.records import place_items  # noqa: E402

ADMIN = {"provinsi", "kabupaten", "kota", "kecamatan", "kelurahan", "desa"}
SYNTHETIC = (
    "BANDUNG – Pemerintah Kabupaten Bandung bersama PT Contoh Sejahtera menggelar pelatihan bagi warga "
    "Desa Sukamaju, Kecamatan Ciwidey. Kegiatan serupa digelar di Kota Cilegon, Banten, dan Jawa Tengah. "
    "Bupati Bandung menyebut peserta datang dari Kelurahan Rejasari dan Kober, Kecamatan Purwokerto Barat. "
) * 4


def items(mentions) -> list[dict]:
    """One item per place, grouped exactly as records are (name, aliases, code)."""
    return [{"name": p["name"], "aliases": [p["name"], *p["aliases"]], "code": p["code"]} for p in place_items(mentions)]


def score(ex: PlaceExtractor, articles: Path, gold: Path, show: bool, segmenter=None) -> None:
    spec = importlib.util.spec_from_file_location("score", gold.parent.parent / "score.py")
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    tp = fp = fn = 0
    coded = total = admin = admin_coded = 0
    for gf in sorted(gold.glob("*.json")):
        g = json.loads(gf.read_text(encoding="utf-8"))
        if not g.get("programme", True):
            continue
        text = (articles / f"{g['id']}.txt").read_text(encoding="utf-8")
        if segmenter is not None:
            seg = segmenter(text)
            ms = ex.extract(text, seg.regions, dateline=seg.dateline_place)
        else:
            ms = ex.extract(text, [])
        total += len(ms)
        coded += sum(1 for m in ms if m.value.get("code"))
        adm = [m for m in ms if m.value["level"] in ADMIN]
        admin += len(adm)
        admin_coded += sum(1 for m in adm if m.value.get("code"))
        preds = sc.pred_entities([{"places": items(ms)}], "places")
        edge = lambda p, gg: sc.names_match(p["_names"], gg["names"], set())  # noqa: E731
        t, f, n, _, fps, misses = sc.score_field(preds, g.get("places", []), g.get("places_optional", []), edge)
        tp, fp, fn = tp + t, fp + f, fn + n
        if show and (fps or misses):
            print(f"{g['id']}: FP {[p['_names'] for p in fps]}  FN {[x['names'][0] for x in misses]}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"places P={p:.3f} R={r:.3f} F1={f1:.3f} (tp/fp/fn {tp}/{fp}/{fn}); "
          f"mentions with a code: {coded}/{total} = {coded / max(total, 1):.3f}; of official levels "
          f"(provinsi..desa): {admin_coded}/{admin} = {admin_coded / max(admin, 1):.3f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("articles", nargs="?", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--score", type=Path, help="gold folder (e.g. ../shared/eval/dev/gold)")
    ap.add_argument("--show", action="store_true", help="with --score: list misses and false positives")
    ap.add_argument("--segment", action="store_true",
                    help="with --score: pass the segmenter's excluded regions and dateline (pipeline.segment)")
    a = ap.parse_args()

    rules = load_rules([ROOT / "rules"])
    with tempfile.TemporaryDirectory() as cache:
        Gazetteer.load(cache)  # build and write the cache
        t0 = time.perf_counter()
        Gazetteer.load(cache)
        load_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        ex = PlaceExtractor(rules, cache_dir=cache)
        init_s = time.perf_counter() - t0
    print(f"gazetteer load from cache: {load_s * 1000:.0f} ms; PlaceExtractor(): {init_s * 1000:.0f} ms")

    texts = [p.read_text(encoding="utf-8") for p in sorted(a.articles.glob("*.txt"))] if a.articles else [SYNTHETIC]
    for t in texts[:3]:
        ex.extract(t, [])  # warm up
    runs = []
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        for t in texts:
            ex.extract(t, [])
        runs.append((time.perf_counter() - t0) / len(texts))
    chars = statistics.mean(len(t) for t in texts)
    print(f"{len(texts)} articles, {chars:.0f} chars on average: {statistics.median(runs) * 1000:.2f} ms per article")
    if a.score:
        segmenter = None
        if a.segment:
            from pipeline.segment import Segmenter
            segmenter = Segmenter(rules)
        score(ex, a.articles, a.score, a.show, segmenter)
    return 0


if __name__ == "__main__":
    sys.exit(main())
