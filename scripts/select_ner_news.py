#!/usr/bin/env python3
"""Pick articles of the unlabelled news for in-domain NER annotation, and write their texts for annotators.

usage: python3 scripts/select_ner_news.py [--n 480] [--min-cues 2] [--out /tmp/ner_news_texts]

Why: the corpus train split gives 475 annotated pages; more pages of the same kind teach the model the
domain further. The picks are articles of ``../shared/corpus/unlabelled/news.jsonl.gz`` that
- mention programme work (``--min-cues`` cue words of ``pipeline.corpus.PROGRAMME_CUES``, default 2), like the articles this product reads
  (the second batch took ``--min-cues 0``: any news, as the corpus holds ordinary news too);
- are not annotated yet (no file in ``data/corpus/ner_news/``);
- are 1,200-4,500 characters long (whole articles, not stubs);
- are no copy of a corpus article (same URL, or a fifth of their 8-word sequences in one: an earlier version
  of this check compared sampled sequences and the opening words, and let 145 copies through, see
  ``data/corpus/README.md``), so the in-domain test never leaks into training;
- have no URL whose normalised hash is in ``../shared/eval/reserved.txt`` (held out for scoring).
The sample is fixed by a hash of the article id. Texts go to ``--out`` (outside the repository: the
publishers keep their copyright); the annotations go to ``data/corpus/ner_news/<id>.json``, and
``training/in_domain.py`` reads the texts back from the shared file at training time.
"""
from __future__ import annotations

import argparse
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from pipeline.corpus import pick_news  # noqa: E402

DONE = ROOT / "data" / "corpus" / "ner_news"


def select(n: int, min_cues: int = 2) -> list[dict]:
    return pick_news(n, min_cues, skip={p.stem for p in DONE.glob("*.json")}, salt="ner-news:")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=480)
    ap.add_argument("--min-cues", type=int, default=2)
    ap.add_argument("--out", type=pathlib.Path, default=pathlib.Path("/tmp/ner_news_texts"))
    args = ap.parse_args(argv)
    picks = select(args.n, args.min_cues)
    args.out.mkdir(parents=True, exist_ok=True)
    for r in picks:
        (args.out / f"n{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    print(f"{len(picks)} articles -> {args.out} (ids: n + the news id)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
