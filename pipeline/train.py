"""Rebuild the shipped NER model ``models/id_news_ner`` from the shared corpora.

Why one entry point: the model card promises that one command rebuilds the
model, so preparation, training, copying the best checkpoint, benchmarking and
writing the card all happen here, in that order.

Usage (from the repository root; the machine is shared, so be nice)::

    nice -n 10 .venv/bin/python -m pipeline.train [--data ../shared/data/ner]

This is a build-time tool: it needs the shared data and the ``training/``
folder of a source checkout, and is not used by the extraction pipeline.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

MODEL_NAME = "id_news_ner"
MODEL_VERSION = "1.2.0"
DEFAULT_CONFIG = REPO_ROOT / "training" / "config.cfg"
NEWS_TIMES = 1  # 2 repeats idner-news-2k and NER-UI (model card, runs 8-9 and 15-17)
IN_DOMAIN_TIMES = 1  # the annotated corpus train split and news articles, once (model card, runs 21-23)
DEFAULT_OUTPUT = REPO_ROOT / "training" / "output" / "final"
DEFAULT_MODEL_DIR = REPO_ROOT / "models" / MODEL_NAME
CARD_TEMPLATE = REPO_ROOT / "training" / "MODEL_CARD.template.md"
BENCH_SCRIPT = REPO_ROOT / "benchmarks" / "bench_ner.py"
REBUILD_COMMAND = "nice -n 10 .venv/bin/python -m pipeline.train --data ../shared/data/ner"

SOURCES = [
    {"name": "idner-news-2k (train)", "url": "https://github.com/khairunnisaor/idner-news-2k",
     "license": "MIT"},
    {"name": "IndoLEM NER-UI (fold 01 train)", "url": "https://github.com/indolem/indolem",
     "license": "CC BY 4.0"},
    {"name": "IndoNLU NERGrit (train + valid)", "url": "https://github.com/indobenchmark/indonlu",
     "license": "MIT (IndoNLU); NERGrit corpus by the NERGRIT developers, see MODEL_CARD.md"},
]


def parse_overrides(pairs: list[str]) -> dict[str, object]:
    """``section.key=value`` pairs (values parsed as JSON where possible) for spaCy's config."""
    overrides: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise SystemExit(f"--set expects key=value, got {pair!r}")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    return overrides


def train(config: Path, output: Path, corpus: Path, overrides: dict[str, object]) -> float:
    """Run ``spacy train``; return its wall-clock seconds."""
    from spacy.cli.train import train as spacy_train

    from pipeline.extract import ner_lexicon  # noqa: F401 - registers the lexicon component
    from training.lexicon import main as write_lexicon

    all_overrides = {"paths.train": str(corpus / "train.spacy"), "paths.dev": str(corpus / "dev.spacy"),
                     **overrides}
    write_lexicon(["--corpus", str(corpus / "train.spacy"), "--out", str(corpus / "lexicon.json")])
    if output.exists():
        shutil.rmtree(output)
    start = time.perf_counter()
    spacy_train(config, output, use_gpu=-1, overrides=all_overrides)
    return time.perf_counter() - start


def ensure_vectors(config: Path) -> None:
    """Build the floret vectors a config reads (``[paths] vectors``) when they are not there yet."""
    import spacy

    path = spacy.util.load_config(config)["paths"].get("vectors")
    if path and not (REPO_ROOT / path).exists():
        from training.vectors import main as build_vectors
        if build_vectors([]) != 0:
            raise SystemExit(f"{config} needs the floret vectors {path}, and they could not be built")


def install_model(best: Path, model_dir: Path) -> dict:
    """Copy the best checkpoint into ``model_dir`` with the project's name and sources in meta."""
    import spacy

    from pipeline.extract import ner_lexicon  # noqa: F401 - registers the lexicon component

    nlp = spacy.load(best)  # spaCy's own loader: the saved tokenizer must keep every exception
    extra = sorted(set(nlp.pipe_names) - {"lexicon", "tok2vec", "ner"})
    if extra:
        raise SystemExit(f"unexpected components in the trained pipeline: {extra}")
    nlp.meta.update({
        "name": MODEL_NAME, "version": MODEL_VERSION,
        "description": "Indonesian news NER (PER, ORG, LOC); CNN tok2vec + transition-based NER. "
                       "See MODEL_CARD.md.",
        "license": "MIT (model); training data: MIT, CC BY 4.0, MIT - see MODEL_CARD.md",
        "sources": SOURCES, "author": "pipeline project", "email": "", "url": "",
    })
    if model_dir.exists():
        shutil.rmtree(model_dir)
    model_dir.parent.mkdir(parents=True, exist_ok=True)  # an experiment's --model-dir may name a new folder
    nlp.to_disk(model_dir)
    return nlp.meta


def run_benchmark(model_dir: Path, data: Path, out_json: Path) -> dict:
    """Run the benchmark in a fresh process so its one-thread settings apply before numpy loads."""
    subprocess.run([sys.executable, str(BENCH_SCRIPT), "--model", str(model_dir), "--data", str(data),
                    "--json", str(out_json)], check=True)
    return json.loads(out_json.read_text(encoding="utf-8"))


def scores_table(bench: dict) -> str:
    names = {"idner_test": "idner-news-2k test", "nerui01_test": "NER-UI fold-01 test",
             "in_domain": "in-domain (corpus test split, whole pages)"}
    lines = ["| test set | label | P | R | F1 | F1 (gold tokens) | gold entities |",
             "|---|---|---|---|---|---|---|"]
    for split, by_mode in bench["scores"].items():
        for label, s in by_mode["text"].items():
            gold_tok = by_mode.get("gold_tokens", {}).get(label)
            lines.append(f"| {names.get(split, split)} | {'**all**' if label == 'ALL' else label} | "
                         f"{s['p']:.1f} | {s['r']:.1f} | {s['f']:.1f} | "
                         f"{'-' if gold_tok is None else format(gold_tok['f'], '.1f')} | {s['gold']} |")
    return "\n".join(lines)


def data_table(stats: dict) -> str:
    lines = ["| split | sentences | tokens | PER | ORG | LOC |", "|---|---|---|---|---|---|"]
    for split, s in stats["splits"].items():
        e = s["entities"]
        lines.append(f"| {split} | {s['sentences']:,} | {s['tokens']:,} | {e['PER']:,} | {e['ORG']:,} | {e['LOC']:,} |")
    for key, name in (("in_domain", "in-domain train (corpus train split)"),
                      ("in_domain_news", "in-domain train (annotated unlabelled news)"),
                      ("in_domain_dev", "in-domain dev (part of dev)")):
        d = stats.get(key)
        if d:
            e = d["entities"]
            times = f" (x{stats.get('in_domain_times', 1)})" if key != "in_domain_dev" else ""
            lines.append(f"| {name}{times}: {d['articles']} articles | {d['sentences']:,} lines | - | "
                         f"{e['PER']:,} | {e['ORG']:,} | {e['LOC']:,} |")
    refused = ", ".join(f"{name}: {c['in_test']} in a dev/test set, {c['duplicate']} repeated"
                        for name, c in stats["refused"].items() if c["in_test"] or c["duplicate"])
    return "\n".join(lines) + f"\n\nRefused from training: {refused}."


def write_card(model_dir: Path, meta: dict, bench: dict, stats: dict, train_seconds: float,
               overrides: dict[str, object], config_path: Path | None = None) -> Path:
    import spacy

    perf = meta.get("performance", {})
    config_rel = Path(config_path or DEFAULT_CONFIG).resolve().relative_to(REPO_ROOT)
    flags = f" --news-times {stats['news_times']}" if stats.get("news_times", 1) != NEWS_TIMES else ""
    if stats.get("in_domain_times", 0) != IN_DOMAIN_TIMES:
        flags += f" --in-domain-times {stats.get('in_domain_times', 0)}"
    if stats.get("silver"):
        flags += f" --silver {stats['silver']['path']}"
    if config_rel != DEFAULT_CONFIG.relative_to(REPO_ROOT):
        flags += f" --config {config_rel}"
    config = spacy.util.load_config(model_dir / "config.cfg")
    t2v = config["components"]["tok2vec"]["model"]
    embed, encode = t2v["embed"], t2v["encode"]
    architecture = (f"CNN tok2vec (width {encode['width']}, depth {encode['depth']}, window "
                    f"{encode['window_size']}; hash embeddings of {', '.join(embed['attrs'])} with rows "
                    f"{', '.join(map(str, embed['rows']))})")
    vectors = config["paths"].get("vectors")
    values = {
        "vectors": ("static floret vectors trained on the unlabelled news (`python -m training.vectors`)"
                    if vectors else "no pretrained vectors"),
        "config": str(config_rel),
        "scores_table": scores_table(bench),
        "data_table": data_table(stats),
        "speed": f"{bench['speed']['tokens_per_s']:,}",
        "size_mb": f"{bench['size_mb']:.1f}",
        "train_minutes": f"{train_seconds / 60:.1f}",
        "dev_f": f"{100 * perf.get('ents_f', 0):.1f}",
        "command": REBUILD_COMMAND + flags + "".join(f" --set {k}={json.dumps(v)}" for k, v in overrides.items()),
        "spacy_version": spacy.__version__,
        "python_version": platform.python_version(),
        "date": dt.date.today().isoformat(),
        "pipeline": ", ".join(bench["pipeline"]),
        "version": MODEL_VERSION,
        "architecture": architecture,
    }
    card = CARD_TEMPLATE.read_text(encoding="utf-8")
    for key, value in values.items():
        card = card.replace("{{" + key + "}}", value)
    path = model_dir / "MODEL_CARD.md"
    path.write_text(card, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    from training.prepare import DEFAULT_DATA, DEFAULT_OUT, prepare

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared NER data directory")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="spaCy training output")
    parser.add_argument("--model-dir", type=Path, default=DEFAULT_MODEL_DIR)
    parser.add_argument("--news-times", type=int, default=NEWS_TIMES,
                        help=f"how often the news corpora appear in the training set (default {NEWS_TIMES})")
    parser.add_argument("--in-domain-times", type=int, default=IN_DOMAIN_TIMES,
                        help=f"how often the annotated in-domain articles are added (default {IN_DOMAIN_TIMES})")
    parser.add_argument("--silver", type=Path, default=None,
                        help="silver lines from a vote of trained models (python -m training.distill; default none)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_OUT,
                        help="where the training DocBins are written (a folder of its own per parallel run)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="spaCy config override, e.g. training.max_steps=2000 (experiments)")
    parser.add_argument("--card-only", action="store_true",
                        help="skip training: reinstall --output's model-best, re-benchmark, rewrite the card")
    args = parser.parse_args(argv)
    overrides = parse_overrides(args.set)

    record = args.output / "train_run.json"
    run = json.loads(record.read_text(encoding="utf-8")) if args.card_only else {}
    news_times = run.get("news_times", 1) if args.card_only else args.news_times
    in_domain_times = run.get("in_domain_times", 0) if args.card_only else args.in_domain_times
    silver = (Path(run["silver"]) if run.get("silver") else None) if args.card_only else args.silver
    stats = prepare(args.data, args.corpus, news_times, in_domain_times, silver)
    ensure_vectors(args.config)
    if args.card_only:
        seconds, overrides = run["seconds"], run["overrides"]
    else:
        seconds = train(args.config, args.output, args.corpus, overrides)
        record.write_text(json.dumps({"seconds": seconds, "overrides": overrides, "news_times": news_times,
                                      "in_domain_times": in_domain_times,
                                      "silver": str(silver) if silver else None}), encoding="utf-8")
    print(f"training took {seconds / 60:.1f} min")
    meta = install_model(args.output / "model-best", args.model_dir)
    bench = run_benchmark(args.model_dir, args.data, args.output / "bench.json")
    card = write_card(args.model_dir, meta, bench, stats, seconds, overrides, args.config)
    print(f"model in {args.model_dir}, card in {card}")


if __name__ == "__main__":
    main()
