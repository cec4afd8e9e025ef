"""Silver NER labels for the unlabelled news: what several trained models agree on (#17, distillation).

Why: the gold NER data is about 25k lines, and three models trained on it with different seeds disagree by
up to two points; their vote is better than any one of them. Labelling unannotated pages of the same kind with
that vote, and training one model on the silver lines beside the gold, gives the single shipped model some of
the vote's accuracy at one model's speed.

Which pages: articles of ``../shared/corpus/unlabelled/news.jsonl.gz`` of whole-article length (1,200-4,500
characters; ``min_cues`` programme cue words, default none: of the 1,222 such articles with a cue, all but 30 are
annotated already or reserved for scoring, so the silver pages are general news), that nobody annotated (not in
``data/corpus/news_gold``, ``gold_second_news`` or ``ner_news``), whose URL is neither reserved for scoring nor a
corpus article's own, and that copy no corpus article and no news-gold article (``corpus.corpus_copies``):
no test article, nor a copy of one, is ever labelled. The sample is fixed by a hash of the id.

How the vote tags a line (tokens and lines as ``training/in_domain.py`` cuts them): a span that at least
``min_votes`` models predict with the same edges and label is an entity; a token that at least ``min_votes``
models put inside some entity but no agreed span covers is left unknown (``""``: spaCy neither rewards nor
penalises the student there); every other token is ``O``. Lines without an entity are kept at
``empty_rate``, as for the gold lines.

Usage (writes JSON lines of words and tags, outside git)::

    .venv/bin/python -m training.distill --models training/output/clean-s0/model-best \\
        training/output/clean-s1/model-best training/output/clean-s2/model-best --articles 1500 \\
        --out training/corpus/silver.jsonl

then ``python -m pipeline.train --silver training/corpus/silver.jsonl ...``. The texts never enter the
repository; the silver file sits in the git-ignored ``training/corpus/``.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from pipeline import corpus  # noqa: E402
from training.prepare import LABELS, Sentence  # noqa: E402

ANNOTATED_DIRS = (corpus.NEWS_GOLD_DIR, REPO_ROOT / "data" / "corpus" / "gold_second_news",
                  REPO_ROOT / "data" / "corpus" / "ner_news")
DEFAULT_OUT = REPO_ROOT / "training" / "corpus" / "silver.jsonl"


def pick_articles(n: int, min_cues: int = 0, news: Path = corpus.SHARED_NEWS) -> dict[str, str]:
    """``n`` unannotated articles of the unlabelled news (id -> text) that may be trained on (see the module)."""
    annotated = {p.stem for d in ANNOTATED_DIRS for p in Path(d).glob("*.json")}
    with tempfile.TemporaryDirectory() as gold_texts:  # the news-gold articles, as a folder to compare with
        corpus.write_news_texts(gold_texts, news=news)
        rows = corpus.pick_news(n, min_cues, annotated, salt="silver:n",
                                copy_of=(corpus.SHARED_ARTICLES, gold_texts), news=news)
    return {"n" + r["id"]: r["text"] for r in rows}


def vote_tags(n_tokens: int, predictions: list[list[tuple[int, int, str]]], min_votes: int = 2) -> list[str]:
    """IOB tags of one line from each model's token spans ``(start, end, label)``: agreed spans, unknown
    (``""``) where enough models see an entity but do not agree on it, ``O`` elsewhere."""
    votes = Counter(span for spans in predictions for span in set(spans))
    inside = [0] * n_tokens
    for spans in predictions:
        for start, end, _ in spans:
            for i in range(start, end):
                inside[i] += 1
    tags = ["" if k >= min_votes else "O" for k in inside]
    for (start, end, label), k in sorted(votes.items()):
        if k >= min_votes:
            tags[start] = f"B-{label}"
            for i in range(start + 1, end):
                tags[i] = f"I-{label}"
    return tags


def label(model_paths: list[Path], texts: dict[str, str], min_votes: int = 2, empty_rate: float = 0.3,
          seed: int = 0) -> tuple[list[Sentence], dict]:
    """The silver lines of ``texts``: each article cut into lines, each line tagged by the models' vote."""
    import spacy
    from spacy.tokens import Doc

    from pipeline import tokenizer as fast_tokenizer
    from training.in_domain import article_sentences

    models = [spacy.load(p) for p in model_paths]
    tokenizer = fast_tokenizer.blank().tokenizer
    lines = [s for text in texts.values() for s in article_sentences(text, [], tokenizer)[0]]
    predictions: list[list[list[tuple[int, int, str]]]] = [[] for _ in lines]
    for nlp in models:
        docs = (Doc(nlp.vocab, words=list(s.words)) for s in lines)
        for i, doc in enumerate(nlp.pipe(docs, batch_size=256)):
            predictions[i].append([(e.start, e.end, e.label_) for e in doc.ents if e.label_ in LABELS])
    rng = random.Random(seed)
    out: list[Sentence] = []
    stats = {"articles": len(texts), "lines": len(lines), "models": [str(p) for p in model_paths],
             "min_votes": min_votes, "unknown_tokens": 0, "tokens": 0}
    for line, preds in zip(lines, predictions):
        tags = vote_tags(len(line.words), preds, min_votes)
        if any(t not in ("O", "") for t in tags) or rng.random() < empty_rate:
            out.append(Sentence(line.words, tuple(tags)))
            stats["tokens"] += len(tags)
            stats["unknown_tokens"] += sum(t == "" for t in tags)
    stats["sentences"] = len(out)
    stats["entities"] = {lab: sum(t == f"B-{lab}" for s in out for t in s.tags) for lab in LABELS}
    return out, stats


def write(sentences: list[Sentence], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for s in sentences:
            f.write(json.dumps({"words": list(s.words), "tags": list(s.tags)}, ensure_ascii=False) + "\n")


def read(path: Path) -> list[Sentence]:
    """The silver lines written by ``write`` (``training.prepare --silver``)."""
    out = []
    with Path(path).open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            row = json.loads(line)
            if len(row["words"]) != len(row["tags"]):
                raise SystemExit(f"{path}:{n}: {len(row['words'])} words but {len(row['tags'])} tags")
            out.append(Sentence(tuple(row["words"]), tuple(row["tags"])))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models", type=Path, nargs="+", required=True, help="trained spaCy models that vote")
    ap.add_argument("--articles", type=int, default=1500, help="how many unannotated articles to label")
    ap.add_argument("--min-cues", type=int, default=0,
                    help="programme cue words an article needs (the cue-rich ones are nearly all annotated already)")
    ap.add_argument("--min-votes", type=int, default=2, help="models that must agree on a span")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    if args.min_votes > len(args.models):
        ap.error(f"--min-votes {args.min_votes} needs at least that many --models")
    texts = pick_articles(args.articles, args.min_cues)
    sentences, stats = label(args.models, texts, args.min_votes)
    write(sentences, args.out)
    args.out.with_suffix(".stats.json").write_text(json.dumps(stats, indent=2), encoding="utf-8")
    print(json.dumps(stats))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
