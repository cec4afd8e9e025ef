"""Speed of the date extractor: average milliseconds per article.

usage: python benchmarks/bench_dates.py [ARTICLES_DIR] [--repeat N]
(default ARTICLES_DIR: ../shared/eval/dev/articles, relative to the repo root). Goal: < 2 ms/article.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.extract.dates import DateExtractor  # noqa: E402
from pipeline.rules import load_rules  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", nargs="?", default="../shared/eval/dev/articles")
    ap.add_argument("--repeat", type=int, default=5, help="passes over the articles (best pass is reported)")
    ap.add_argument("--rules", default=str(Path(__file__).resolve().parent.parent / "rules"))
    a = ap.parse_args()
    files = sorted(Path(a.articles).glob("*.txt"))
    if not files:
        print(f"no .txt articles in {a.articles}", file=sys.stderr)
        return 1
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in files]
    t0 = time.perf_counter()
    extractor = DateExtractor(load_rules([a.rules]))
    setup_ms = (time.perf_counter() - t0) * 1000
    best = float("inf")
    mentions = 0
    for _ in range(max(1, a.repeat)):
        t0 = time.perf_counter()
        mentions = sum(len(extractor.extract(t, []).mentions) for t in texts)
        best = min(best, time.perf_counter() - t0)
    chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {chars / len(texts):.0f} chars avg, {mentions} mentions; "
          f"setup {setup_ms:.1f} ms; {best * 1000 / len(texts):.3f} ms/article (best of {a.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
