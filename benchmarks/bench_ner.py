"""Benchmark the shipped NER model: entity P/R/F1 per label and one-core speed.

Why: the model card's numbers must be reproducible by anyone with the shared
data, and the speed target (tokens/s on one core) must be checked on the same
model the pipeline loads.

Two scoring modes, both exact-match on (start, end, label):
  * ``text``: the sentence text goes through spaCy's own tokenizer, as in the
    pipeline (primary number; spans compared by character offsets);
  * ``gold_tokens``: the corpus tokens are given to the model (comparable with
    published scores).

A third test set is in-domain: whole articles of the corpus test split with every PER/ORG/LOC mention
annotated blind (``data/corpus/ner/``, texts read from ``../shared/corpus/articles``), scored in text mode.

``--backend stanza`` scores a Stanza model folder (``training/stanza_ner.py``) the same way: its text mode
tokenises with the pipeline's tokenizer as the Stanza backend does in the pipeline, and torch runs on one
thread.

Usage: ``python benchmarks/bench_ner.py [--model models/id_news_ner] [--data ../shared/data/ner] [--json out.json]
[--backend spacy|stanza]``
"""
from __future__ import annotations

import os

# One core: set before numpy/thinc are imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
             "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from pipeline import tokenizer  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from training.prepare import DEFAULT_DATA, LABELS, TEST_FILES, Sentence, read_conll, to_doc  # noqa: E402

DEFAULT_MODEL = REPO_ROOT / "models" / "id_news_ner"
TEST_SET_NAMES = {"idner_test": "idner-news-2k test", "nerui01_test": "NER-UI fold-01 test",
                  "in_domain": "corpus test split, whole articles (data/corpus/ner)"}
IN_DOMAIN = REPO_ROOT / "data" / "corpus" / "ner"


def pin_to_one_core() -> None:
    """Run on a single CPU so the speed figure means 'one core'."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def spans(doc: Doc) -> set[tuple[int, int, str]]:
    return {(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents}


def run_on_tokens(nlp, doc: Doc) -> Doc:
    """Apply the pipeline to an already tokenised Doc."""
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f": round(100 * f, 2),
            "tp": tp, "pred": n_pred, "gold": n_gold}


class StanzaModel:
    """A Stanza model folder behind the two calls the scorer makes of a spaCy pipeline."""

    def __init__(self, path: Path):
        import torch

        from pipeline.extract.ner_stanza import StanzaNer

        torch.set_num_threads(1)
        self.backend = StanzaNer(path)
        self.vocab = self.backend.nlp.vocab
        self.pipe_names = ["stanza-ner"]

    def make_doc(self, text: str) -> Doc:
        return self.backend.nlp.make_doc(text)

    def text_spans(self, texts: list[str]) -> list[set[tuple[int, int, str]]]:
        return [set(found) for found in self.backend.annotate(texts)]

    def token_spans(self, gold_docs: list[Doc]) -> list[set[tuple[int, int, str]]]:
        found = self.backend.annotate_tokens([[t.text for t in d] for d in gold_docs])
        return [{(d[s].idx, d[e - 1].idx + len(d[e - 1].text), label) for s, e, label in f}
                for d, f in zip(gold_docs, found)]


def text_spans(nlp, texts: list[str], batch_size: int = 256) -> list[set[tuple[int, int, str]]]:
    """The model's spans for each text, run as the pipeline runs it."""
    if isinstance(nlp, StanzaModel):
        return nlp.text_spans(texts)
    return [spans(doc) for doc in nlp.pipe(texts, batch_size=batch_size)]


def score(nlp, sentences: list[Sentence], mode: str = "text") -> dict[str, dict[str, float]]:
    """Entity P/R/F1 per label and overall ("ALL", micro-averaged)."""
    counts = {label: [0, 0, 0] for label in (*LABELS, "ALL")}  # tp, pred, gold
    gold_docs = [to_doc(nlp.vocab, s) for s in sentences]
    if mode == "text":
        predicted = text_spans(nlp, [d.text for d in gold_docs])
    elif isinstance(nlp, StanzaModel):
        predicted = nlp.token_spans(gold_docs)
    else:
        predicted = [spans(run_on_tokens(nlp, Doc(nlp.vocab, words=[t.text for t in d],
                                                  spaces=[bool(t.whitespace_) for t in d])))
                     for d in gold_docs]
    for gold_doc, pred in zip(gold_docs, predicted):
        add_counts(counts, spans(gold_doc), pred)
    return {label: prf(*c) for label, c in counts.items()}


def add_counts(counts: dict[str, list[int]], gold: set, pred: set) -> None:
    """Add one document's (tp, predicted, gold) per label and over all labels to ``counts``."""
    for label in LABELS:
        g = {s for s in gold if s[2] == label}
        p = {s for s in pred if s[2] == label}
        counts[label][0] += len(g & p)
        counts[label][1] += len(p)
        counts[label][2] += len(g)
    counts["ALL"][0] += len(gold & pred)
    counts["ALL"][1] += len(pred)
    counts["ALL"][2] += len(gold)


def score_in_domain(nlp, folder: Path = IN_DOMAIN) -> dict[str, dict[str, float]] | None:
    """Entity P/R/F1 per label on whole annotated articles (exact character spans), or None without data."""
    from training.in_domain import annotated_ids, ner_spans_module

    ner_spans = ner_spans_module()
    ids = annotated_ids("test", folder)  # the folder also holds the train split's files (training data)
    if not ids or not ner_spans.ARTICLES.is_dir():
        return None
    counts = {label: [0, 0, 0] for label in (*LABELS, "ALL")}
    texts, golds = [], []
    for aid in ids:
        text, found, problems = ner_spans.load(aid, Path(folder))
        if problems:
            raise SystemExit(f"{folder}/{aid}.json: {problems[0]} (python3 scripts/ner_spans.py check {aid})")
        texts.append(text)
        golds.append(set(found))
    for gold, pred in zip(golds, text_spans(nlp, texts, batch_size=16)):
        add_counts(counts, gold, pred)
    return {label: prf(*c) for label, c in counts.items()}


def speed(nlp, texts: list[str], min_seconds: float = 3.0) -> dict[str, float]:
    """Tokens per second of nlp.pipe over ``texts`` (repeated until ``min_seconds``), best of 3 rounds."""
    n_tokens = sum(len(nlp.make_doc(t)) for t in texts)
    def run(batch: list[str]) -> None:
        if isinstance(nlp, StanzaModel):
            nlp.text_spans(batch)
        else:
            list(nlp.pipe(batch, batch_size=256))

    run(texts[:200])  # warm-up
    best = 0.0
    for _ in range(3):
        done, start = 0, time.perf_counter()
        while True:
            run(texts)
            done += n_tokens
            elapsed = time.perf_counter() - start
            if elapsed >= min_seconds / 3:
                break
        best = max(best, done / elapsed)
    return {"tokens_per_s": round(best), "tokens": n_tokens}


def model_size_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file()) / 2**20, 2)


def benchmark(model: Path = DEFAULT_MODEL, data_dir: Path = DEFAULT_DATA, backend: str = "spacy") -> dict:
    pin_to_one_core()
    nlp = StanzaModel(model) if backend == "stanza" else tokenizer.load(model)
    result: dict = {"model": str(model), "pipeline": nlp.pipe_names,
                    "size_mb": model_size_mb(model), "scores": {}}
    texts: list[str] = []
    for split, rel in TEST_FILES.items():
        sentences = read_conll(Path(data_dir) / rel)
        texts.extend(to_doc(nlp.vocab, s).text for s in sentences)
        result["scores"][split] = {mode: score(nlp, sentences, mode) for mode in ("text", "gold_tokens")}
    in_domain = score_in_domain(nlp)
    if in_domain is not None:
        result["scores"]["in_domain"] = {"text": in_domain}
    result["speed"] = speed(nlp, texts)
    return result


def format_table(result: dict) -> str:
    lines = [f"model {result['model']}  pipeline {result['pipeline']}  size {result['size_mb']} MB",
             "| test set | mode | label | P | R | F1 | gold |", "|---|---|---|---|---|---|---|"]
    for split, by_mode in result["scores"].items():
        for mode, by_label in by_mode.items():
            for label, s in by_label.items():
                lines.append(f"| {TEST_SET_NAMES.get(split, split)} | {mode} | {label} | "
                             f"{s['p']:.1f} | {s['r']:.1f} | {s['f']:.1f} | {s['gold']} |")
    sp = result["speed"]
    lines.append(f"speed: {sp['tokens_per_s']:,} tokens/s on one core ({sp['tokens']:,} tokens per pass)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--backend", choices=("spacy", "stanza"), default="spacy",
                        help="what --model is: a spaCy pipeline (default) or a Stanza model folder")
    args = parser.parse_args(argv)
    result = benchmark(args.model, args.data, args.backend)
    print(format_table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
