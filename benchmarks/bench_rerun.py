#!/usr/bin/env python3
"""Re-run speed: a run after changing one rule file, against the first run.

usage: python benchmarks/bench_rerun.py [--articles N] [--change KIND] [--ner-model none] [--workers W]
                                        [--keep DIR]

1. Generates N articles (default 1000) from the samples in data/raw/: names, numbers and days are
   varied so that every text is different (the cache cannot share work between them).
2. Cold run: an empty article cache.
3. Copies rules/ and changes one rule file (--change, default counted_nouns: one noun dropped, one
   added), then re-runs on the warm cache.
4. Runs the changed rules again with --no-cache and checks that records.jsonl is byte for byte the same.
   With several --change options, steps 3 and 4 are done for each, against the same warm cache.

The code, the learned decisions, the rules and the NER model are copied first and the runs use the copies, so that edits
made in the working tree while the benchmark runs do not change what is measured.

Prints the times and the speed-up, and exits 1 when the re-run is under 10x faster or the outputs
differ. Every run is a separate ``python -m pipeline run`` process: start-up is counted.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.load import iter_articles  # noqa: E402
from pipeline.types import Article  # noqa: E402

SYLLABLES = ["su", "ka", "ma", "ju", "wi", "ra", "ta", "no", "sa", "ri", "de", "wa", "pu", "ti", "lo", "ga",
             "ha", "di", "an", "to", "mu", "ni", "ya", "be", "ku"]
FIRST = ["Budi", "Siti", "Agus", "Dewi", "Eko", "Rina", "Joko", "Sri", "Wahyu", "Yuni", "Bambang", "Lestari",
         "Hendra", "Nurul", "Rahmat", "Fitri", "Slamet", "Ayu", "Teguh", "Wulan"]
# Edits an analyst might make; each changes one rule file of the copy.
CHANGES = {
    "counted_nouns": ("counted_nouns.jsonl",
                      lambda lines: [l for l in lines if '"text": "petani"' not in l]
                      + ['{"id": "bench-penggiat", "text": "penggiat", "cls": "person"}']),
    "programme_cues": ("programme_cues.jsonl",
                       lambda lines: lines + ['{"id": "bench-sekolah-lapang", "text": "sekolah lapang", "weight": 2.0}']),
    "noise": ("noise.jsonl",
              lambda lines: lines + ['{"id": "bench-iklan", "pattern": "^\\\\s*ADVERTISEMENT\\\\s*$", "kind": "boilerplate",'
                                     ' "scope": "line"}']),
    "entities": ("entities.jsonl",
                 lambda lines: lines + ['{"id": "bench-kwt", "label": "ORG", "pattern": [{"LOWER": "kwt"}, '
                                        '{"IS_TITLE": true, "OP": "+"}]}']),
    "titles": ("titles.jsonl", lambda lines: lines + ['{"id": "bench-pembina", "text": "Pembina"}']),
}


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def rule_words() -> set[str]:
    """Every word the rules name (cue words, forms, titles, months, places): those stay as they are."""
    from pipeline.rules import load_rules

    words: set[str] = set()
    rules = load_rules([ROOT / "rules"])
    for stem in rules.by_stem:
        for r in rules.get(stem):
            for key in ("text", "name", "alias"):
                if isinstance(r.get(key), str):
                    words.update(w.casefold() for w in re.findall(r"\w+", r[key]))
    return words


def vary(a: Article, i: int, rng: random.Random, keep: set[str]) -> dict:
    """A new article from a sample: other names (capitalised words no rule names), counts and days."""
    text = a.text
    caps = sorted({w for w in re.findall(r"(?<=[a-z,] )[A-Z][a-z]{3,}", text) if w.casefold() not in keep})
    table = {w: (rng.choice(FIRST) if rng.random() < 0.3 else word(rng)) for w in caps if rng.random() < 0.35}
    if table:
        text = re.sub(r"\b(" + "|".join(map(re.escape, table)) + r")\b", lambda m: table[m.group(1)], text)
    text = re.sub(r"\b([1-9]\d{1,2})(?= [a-z])", lambda m: str(rng.randint(10, 400)), text)
    text = re.sub(r"\((\d{1,2})/", lambda m: f"({rng.randint(1, 28)}/", text)
    out = {"id": f"g{i:05d}", "text": text + f"\n\n(Berita {i})"}
    for key in ("title", "published"):
        if a.meta.get(key):
            out[key] = a.meta[key]
    return out


def generate(folder: Path, n: int, seed: int = 8) -> None:
    samples = [a for a in iter_articles([ROOT / "data" / "raw"]) if isinstance(a, Article)]
    rng = random.Random(seed)
    keep = rule_words()
    folder.mkdir(parents=True)
    per_file = 100
    for f in range(0, n, per_file):
        with open(folder / f"feed{f // per_file:03d}.jsonl", "w", encoding="utf-8") as out:
            for i in range(f, min(n, f + per_file)):
                out.write(json.dumps(vary(samples[i % len(samples)], i, rng, keep), ensure_ascii=False) + "\n")


SNAPSHOT: Path = ROOT  # where the copied code lives (set in main)


def run(inputs: Path, out: Path, rules: Path, cache: Path, extra: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one ``python -m pipeline run`` process, start-up included.

    CPU time is reported too: on a machine shared with others, wall time varies with their load."""
    cmd = [sys.executable, "-m", "pipeline", "run", str(inputs), "--out", str(out), "--rules", str(rules),
           "--cache", str(cache), *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=SNAPSHOT, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"  {done.stdout.strip()} [wall {seconds:.1f}s, cpu {cpu:.1f}s]", file=sys.stderr)
    return seconds, cpu


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--change", choices=sorted(CHANGES), action="append",
                    help="the rule file to change (repeat to measure several, each against the same cold run; "
                         "default counted_nouns)")
    ap.add_argument("--ner-model", default=None, help="'none' to run without the NER model")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = ap.parse_args()
    changes = args.change or ["counted_nouns"]

    global SNAPSHOT
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-rerun-"))
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    SNAPSHOT = work / "src"
    shutil.copytree(ROOT / "pipeline", SNAPSHOT / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "rules", work / "rules")
    if (ROOT / "models" / "decisions").is_dir():  # the copied package finds its learned decisions beside it
        shutil.copytree(ROOT / "models" / "decisions", SNAPSHOT / "models" / "decisions")
    model = args.ner_model
    if model is None and (ROOT / "models" / "id_news_ner" / "meta.json").exists():
        shutil.copytree(ROOT / "models" / "id_news_ner", work / "model")
        model = str(work / "model")
    generate(work / "articles", args.articles)
    extra = ["--workers", str(args.workers)] + (["--ner-model", model] if model else [])

    # the compiled gazetteer in both cache folders first: a first run on a new machine pays that once, apart
    one = work / "warm-in" / "one.txt"
    one.parent.mkdir()
    one.write_text("Pelatihan menjahit bagi 20 warga Desa Sukamaju, Kabupaten Cilacap.\n", encoding="utf-8")
    for cache in ("cache", "cache-nocache"):
        run(one, work / "warm", work / "rules", work / cache, extra + ["--no-cache"])
        shutil.rmtree(work / "warm")

    print(f"{args.articles} articles, NER model: {model or 'none'}, workers: {args.workers}", file=sys.stderr)
    cold = run(work / "articles", work / "out-cold", work / "rules", work / "cache", extra)
    reports, ok = [], True
    for change in changes:
        name, edit = CHANGES[change]
        rules, cache = work / f"rules-{change}", work / f"cache-{change}"
        shutil.copytree(work / "rules", rules)
        shutil.copytree(work / "cache", cache)  # each change against the same warm cache
        path = rules / name
        path.write_text("\n".join(edit(path.read_text(encoding="utf-8").splitlines())) + "\n", encoding="utf-8")
        rerun = run(work / "articles", work / f"out-{change}", rules, cache, extra)
        fresh = run(work / "articles", work / f"out-{change}-nocache", rules, work / "cache-nocache",
                    extra + ["--no-cache"])
        same = (work / f"out-{change}" / "records.jsonl").read_bytes() == \
            (work / f"out-{change}-nocache" / "records.jsonl").read_bytes()
        diff = subprocess.run([sys.executable, "-m", "pipeline", "diff", str(work / "out-cold"),
                               str(work / f"out-{change}")], cwd=SNAPSHOT, capture_output=True, text=True)
        info = json.loads((work / f"out-{change}" / "run.json").read_text(encoding="utf-8"))
        reports.append({"changed_rule_file": name, "rerun_s": round(rerun[0], 1),
                        "rerun_cpu_s": round(rerun[1], 1), "no_cache_run_s": round(fresh[0], 1),
                        "no_cache_run_cpu_s": round(fresh[1], 1), "speedup": round(cold[0] / rerun[0], 1),
                        "cpu_speedup": round(cold[1] / rerun[1], 1), "rerun_equals_no_cache_run": same,
                        "what_changed": diff.stdout.splitlines()[0],
                        "cache": {layer: " ".join(f"{k}={v}" for k, v in c.items())
                                  for layer, c in info["cache"].items()}})
        ok = ok and same and cold[0] / rerun[0] >= 10
    info = json.loads((work / "out-cold" / "run.json").read_text(encoding="utf-8"))
    print(json.dumps({"articles": args.articles, "ner_model": info["versions"]["ner_model"],
                      "workers": args.workers, "cold_s": round(cold[0], 1), "cold_cpu_s": round(cold[1], 1),
                      "reruns": reports}, indent=1))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
