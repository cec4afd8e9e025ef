"""Static subword vectors (floret) trained on the unlabelled Indonesian news of ``../shared/corpus/unlabelled``.

Why: the NER model learns only from ~40k labelled sentences; vectors trained on 4.35M tokens of news give
it what words look like in context before it sees a label (issue 17, step 1). floret keeps the table
small: every word is the sum of a few hashed subword rows, so unseen words still get a vector, and the
table has ``bucket`` rows whatever the vocabulary.

1. the news text is tokenised with the pipeline's own tokenizer and written one paragraph a line
   (``training/corpus/unlabelled.txt``, git-ignored; never copied into the repository);
2. ``floret.train_unsupervised`` (CBOW, floret mode) learns the vectors;
3. ``spacy init vectors --mode floret`` turns them into a spaCy vectors folder for ``[initialize] vectors``.

Usage: ``python -m training.vectors [--dim 100] [--bucket 50000] [--epoch 5] [--threads 2]``
Then: ``python -m spacy train training/experiments/floret.cfg --output training/output/floret-s0 --system.seed 0``
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
UNLABELLED = REPO_ROOT.parent / "shared" / "corpus" / "unlabelled" / "news.jsonl.gz"
OUT = REPO_ROOT / "training" / "corpus"


def write_text(src: Path, dest: Path) -> int:
    """Tokenised paragraphs, one a line; returns the number of tokens."""
    sys.path.insert(0, str(REPO_ROOT))
    from pipeline import tokenizer

    tok = tokenizer.blank().tokenizer
    n = 0
    dest.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(src, "rt", encoding="utf-8") as f, open(dest, "w", encoding="utf-8") as out:
        for line in f:
            text = json.loads(line).get("text") or ""
            for para in text.split("\n"):
                para = para.strip()
                if len(para) < 20:
                    continue
                words = [t.text for t in tok(para) if not t.is_space]
                n += len(words)
                out.write(" ".join(words) + "\n")
    return n


def train(text: Path, dest: Path, dim: int, bucket: int, epoch: int, threads: int, min_count: int) -> None:
    import floret

    model = floret.train_unsupervised(str(text), model="cbow", mode="floret", hashCount=2, bucket=bucket,
                                      minn=4, maxn=5, minCount=min_count, dim=dim, epoch=epoch, thread=threads,
                                      )
    model.save_floret_vectors(str(dest))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=UNLABELLED)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--bucket", type=int, default=50000)
    ap.add_argument("--epoch", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args(argv)
    if not a.src.exists():
        print(f"{a.src}: the unlabelled news is not there (../shared/corpus/unlabelled)", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    text = a.out / "unlabelled.txt"
    n = write_text(a.src, text)
    print(f"{n:,} tokens of text in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    vec = a.out / f"vectors-d{a.dim}-b{a.bucket}.floret"
    train(text, vec, a.dim, a.bucket, a.epoch, a.threads, a.min_count)
    print(f"floret vectors in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
    folder = a.out / "vectors_floret"
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "id", str(vec), str(folder), "--mode", "floret"],
                   check=True)
    print(f"spaCy vectors in {folder} ({time.perf_counter() - t0:.0f}s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
