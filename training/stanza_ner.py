"""Train a Stanza NER model (BiLSTM-CRF) on the same data as the shipped spaCy model, offline.

Why: Stanza ships no Indonesian NER and nothing may be downloaded, but ``stanza.models.ner_tagger`` trains
from local files. This gives a second, independent model to set beside spaCy's (model card, "Stanza") and
to plug in with ``--ner-backend stanza --ner-model PATH`` (``pipeline/extract/ner_stanza.py``).

One command rebuilds it (needs the ``stanza`` extra: ``pip install -e '.[stanza]'``):

    nice -n 19 .venv/bin/python -m training.stanza_ner --seed 0

Steps (each skipped when its output is already there, unless ``--force``):

1. data: ``training.prepare.load_splits`` (the spaCy model's train/dev sentences, test overlap refused)
   written as Stanza's JSON (``training/corpus/stanza/{train,dev}.json``, git-ignored);
2. word vectors: the project's floret vectors (``python -m training.vectors``, run here when missing) give a
   vector to the ``--vocab`` most frequent lowercased words of the unlabelled news plus every training word;
   written in the word2vec text format and turned into Stanza's ``pretrain.pt``;
3. training: ``python -m stanza.models.ner_tagger`` (CPU, ``--max-steps``, one thread) into
   ``training/output/stanza-sN/``;
4. the model folder (``--out``, default ``models/id_news_ner_stanza``): ``ner.pt``, ``pretrain.pt`` and
   ``meta.json``; then ``benchmarks/bench_ner.py --backend stanza`` scores it (``scores.json`` beside it).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = REPO_ROOT / "training" / "corpus"
STANZA_DATA = CORPUS / "stanza"
OUTPUT = REPO_ROOT / "training" / "output"
DEFAULT_OUT = REPO_ROOT / "models" / "id_news_ner_stanza"
FLORET = CORPUS / "vectors_floret"
UNLABELLED_TEXT = CORPUS / "unlabelled.txt"

# The config of the model card's Stanza runs: ner_tagger's defaults (SGD, lr 0.1, BIOES tags, CRF, dropout 0.5,
# delta embeddings on top of the frozen vectors), except a word LSTM of 128 and a character LSTM of 50 (defaults
# 256 and 100; half the compute per step on the 2-core build machine, see the model card).
TAGGER_ARGS = ["--hidden_dim", "128", "--char_hidden_dim", "50", "--num_layers", "1", "--dropout", "0.5",
               "--word_dropout", "0.01", "--optim", "sgd", "--lr", "0.1", "--batch_size", "32",
               "--eval_interval", "500", "--scheme", "bioes"]


def write_json(sentences, path: Path) -> None:
    """Stanza's NER training format: a list of sentences, each a list of {"text", "ner"} (IOB2 tags; the
    tagger turns them into BIOES itself)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = [[{"text": w, "ner": t} for w, t in zip(s.words, s.tags)] for s in sentences]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def write_data(data_dir: Path, dest: Path = STANZA_DATA) -> dict[str, int]:
    sys.path.insert(0, str(REPO_ROOT))
    from training.prepare import load_splits

    splits, _, _ = load_splits(data_dir)
    for split in ("train", "dev"):
        write_json(splits[split], dest / f"{split}.json")
    return {split: len(s) for split, s in splits.items()}


def vocabulary(text: Path, size: int, extra: list[str]) -> list[tuple[str, str]]:
    """(lowercased word, its most frequent written form): the ``size`` commonest words of ``text`` (one
    tokenised paragraph a line), then the words of ``extra`` not among them."""
    forms: Counter[str] = Counter()
    with open(text, encoding="utf-8") as f:
        for line in f:
            forms.update(line.split())
    by_lower: dict[str, Counter[str]] = {}
    for form, n in forms.items():
        by_lower.setdefault(form.lower(), Counter())[form] += n
    ranked = sorted(by_lower, key=lambda w: -sum(by_lower[w].values()))[:size]
    words = [(w, by_lower[w].most_common(1)[0][0]) for w in ranked]
    seen = set(ranked)
    for form in extra:
        low = form.lower()
        if low not in seen:
            seen.add(low)
            words.append((low, form))
    return words


def write_vectors(words: list[tuple[str, str]], floret_dir: Path, dest: Path) -> int:
    """word2vec text format (header "N DIM"); each word's vector is floret's for its written form."""
    import numpy as np
    import spacy

    vectors = spacy.load(floret_dir).vocab.vectors
    words = [(low, form) for low, form in words if low and not any(ch.isspace() for ch in low)]
    dest.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(dest, "w", encoding="utf-8") as out:
        out.write(f"{len(words)} {vectors.shape[1]}\n")
        for start in range(0, len(words), 5000):
            chunk = words[start:start + 5000]
            batch = np.asarray(vectors.get_batch([form for _, form in chunk]))
            for (low, _), row in zip(chunk, batch):
                out.write(low + " " + " ".join(f"{x:.5f}" for x in row) + "\n")
                n += 1
    return n


def build_pretrain(data_dir: Path, size: int, force: bool) -> Path:
    """``training/corpus/stanza/pretrain-{size}.pt`` from the floret vectors (trained first when missing)."""
    pt = STANZA_DATA / f"pretrain-{size}.pt"
    if pt.exists() and not force:
        return pt
    if not (FLORET / "config.cfg").exists() or not UNLABELLED_TEXT.exists():
        subprocess.run([sys.executable, "-m", "training.vectors"], cwd=REPO_ROOT, check=True)
    train = json.loads((STANZA_DATA / "train.json").read_text(encoding="utf-8"))
    words = vocabulary(UNLABELLED_TEXT, size, [tok["text"] for sent in train for tok in sent])
    txt = STANZA_DATA / f"vectors-{size}.txt"
    n = write_vectors(words, FLORET, txt)
    from stanza.models.common.pretrain import Pretrain

    Pretrain(str(pt), str(txt), max_vocab=-1, save_to_file=True).load()
    txt.unlink()
    print(f"{pt}: {n:,} words", file=sys.stderr)
    return pt


def train(pretrain: Path, seed: int, max_steps: int, threads: int, extra: list[str]) -> Path:
    run_dir = OUTPUT / f"stanza-s{seed}"
    run_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads), CUDA_VISIBLE_DEVICES="")
    cmd = [sys.executable, "-m", "stanza.models.ner_tagger", "--mode", "train", "--cpu", "--shorthand", "id_news",
           "--train_file", str(STANZA_DATA / "train.json"), "--eval_file", str(STANZA_DATA / "dev.json"),
           "--wordvec_pretrain_file", str(pretrain), "--save_dir", str(run_dir), "--save_name", "ner.pt",
           "--seed", str(seed), "--max_steps", str(max_steps), *TAGGER_ARGS, *extra]
    print(" ".join(cmd), file=sys.stderr)
    with open(run_dir / "train.log", "w", encoding="utf-8") as log:
        subprocess.run(cmd, cwd=REPO_ROOT, env=env, check=True, stdout=log, stderr=subprocess.STDOUT)
    return run_dir / "ner.pt"


def package(model: Path, pretrain: Path, out: Path, info: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(model, out / "ner.pt")
    shutil.copyfile(pretrain, out / "pretrain.pt")
    (out / "meta.json").write_text(json.dumps(info, indent=2), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO_ROOT.parent / "shared" / "data" / "ner")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model folder to write")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-steps", type=int, default=3000)
    ap.add_argument("--vocab", type=int, default=100000, help="words of the unlabelled news given a vector")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--force", action="store_true", help="rebuild the data and the vectors too")
    ap.add_argument("--no-bench", action="store_true")
    ap.add_argument("tagger_args", nargs="*", help="after --: more ner_tagger options")
    a = ap.parse_args(argv)
    import stanza  # noqa: F401 - fail early with the install hint

    t0 = time.perf_counter()
    if a.force or not (STANZA_DATA / "train.json").exists():
        print(write_data(a.data), file=sys.stderr)
    pretrain = build_pretrain(a.data, a.vocab, a.force)
    model = train(pretrain, a.seed, a.max_steps, a.threads, a.tagger_args)
    minutes = (time.perf_counter() - t0) / 60
    info = {"backend": "stanza", "name": "id_news_ner_stanza", "stanza": stanza.__version__,
            "labels": ["PER", "ORG", "LOC"], "seed": a.seed, "max_steps": a.max_steps, "vocab": a.vocab,
            "tagger_args": TAGGER_ARGS + a.tagger_args, "train_minutes": round(minutes, 1)}
    package(model, pretrain, a.out, info)
    print(f"{a.out}: trained in {minutes:.1f} min", file=sys.stderr)
    if not a.no_bench:
        subprocess.run([sys.executable, "benchmarks/bench_ner.py", "--backend", "stanza", "--model", str(a.out),
                        "--data", str(a.data), "--json", str(a.out / "scores.json")], cwd=REPO_ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
