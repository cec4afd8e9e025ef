#!/usr/bin/env python3
"""Turn an in-domain NER annotation (every PER/ORG/LOC mention in text order) into character spans, and check it.

usage: python3 scripts/ner_spans.py check [--dir DIR] [--texts TEXTS] ID [ID ...]
       (annotators: checks DIR/<id>.json against TEXTS/<id>.txt; defaults data/corpus/ner, the corpus articles)
       python3 scripts/ner_spans.py agree FIRST_DIR SECOND_DIR           (agreement of two annotations)

An annotation file is {"id": ..., "entities": [{"text": "Siti Aminah", "label": "PER"}, ...]}: every mention
in the order it occurs in ../shared/corpus/articles/<id>.txt, repeats included. Each text is looked up after the
end of the previous one; ``spans()`` gives (start, end, label) character offsets. Annotators never see a model's
output: this script only reads the article and the annotation.
"""
from __future__ import annotations

import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "corpus" / "articles"
NER_DIR = ROOT / "data" / "corpus" / "ner"
LABELS = {"PER", "ORG", "LOC"}


def spans(text: str, entities: list[dict]) -> tuple[list[tuple[int, int, str]], list[str]]:
    """(start, end, label) for each entity found in order, and the problems (entities not found in order)."""
    out, problems, pos = [], [], 0
    for n, e in enumerate(entities):
        t, label = e.get("text", ""), e.get("label")
        if label not in LABELS:
            problems.append(f"entity {n} {t!r}: label {label!r} is not one of PER, ORG, LOC")
            continue
        if not t or t != t.strip():
            problems.append(f"entity {n} {t!r}: empty or with spaces at its ends")
            continue
        i = text.find(t, pos)
        if i < 0:
            where = "anywhere in the text" if text.find(t) < 0 else "after the previous entity (order or a repeat?)"
            problems.append(f"entity {n} {t!r}: not found {where}")
            continue
        out.append((i, i + len(t), label))
        pos = i + len(t)
    return out, problems


def inside_words(text: str, found: list[tuple[int, int, str]]) -> list[str]:
    """Spans that start or end inside a word: either words glued together in the page ("JakartaBank"), which is
    right, or an entry that landed in a longer word because an earlier occurrence was skipped, which is not."""
    out = []
    for start, end, label in found:
        cut_start = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
        cut_end = end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
        if cut_start or cut_end:
            out.append(f"{label} {text[start:end]!r} at {start} sits inside "
                       f"{text[max(0, start - 12):end + 12]!r}: glued in the page, or a skipped earlier one?")
    return out


def load(aid: str, folder: pathlib.Path = NER_DIR, articles: pathlib.Path | None = None,
         text: str | None = None) -> tuple[str, list[tuple[int, int, str]], list[str]]:
    """The article's text, the annotation's character spans, and its problems. The text is read from
    ``articles`` (default: the corpus articles) unless given."""
    if text is None:
        text = ((articles or ARTICLES) / f"{aid}.txt").read_text(encoding="utf-8")
    data = json.loads((folder / f"{aid}.json").read_text(encoding="utf-8"))
    if data.get("id") != aid:
        return text, [], [f"id {data.get('id')!r} differs from the file name"]
    found, problems = spans(text, data.get("entities", []))
    return text, found, problems


def agreement(ids: list[str], first: pathlib.Path, second: pathlib.Path) -> dict[str, tuple[float, float, float, int]]:
    """Exact-span agreement of two annotations of the same articles, per label and over all: the second
    scored against the first as P/R/F1 (F1 is symmetric), with the first's mention count."""
    counts = {label: [0, 0, 0] for label in (*sorted(LABELS), "ALL")}  # both, second only, first only
    for aid in ids:
        _, a, pa = load(aid, first)
        _, b, pb = load(aid, second)
        if pa or pb:
            raise SystemExit(f"{aid}: {(pa or pb)[0]}")
        for label in (*sorted(LABELS), "ALL"):
            sa = {x for x in a if label in ("ALL", x[2])}
            sb = {x for x in b if label in ("ALL", x[2])}
            counts[label][0] += len(sa & sb)
            counts[label][1] += len(sb - sa)
            counts[label][2] += len(sa - sb)
    out = {}
    for label, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[label] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, tp + fn)
    return out


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "agree":
        first, second = pathlib.Path(argv[1]), pathlib.Path(argv[2])
        ids = sorted(p.stem for p in second.glob("*.json") if (first / p.name).is_file())
        print(f"{len(ids)} articles annotated in both; {second} scored against {first} (exact spans)")
        for label, (p, r, f, n) in agreement(ids, first, second).items():
            print(f"{label:4} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({n} mentions in the first)")
        return 0
    if len(argv) < 2 or argv[0] != "check":
        print(__doc__)
        return 2
    ids, folder, texts = argv[1:], NER_DIR, None
    while ids[:1] in (["--dir"], ["--texts"]) and len(ids) >= 2:
        if ids[0] == "--dir":
            folder = pathlib.Path(ids[1])
        else:
            texts = pathlib.Path(ids[1])
        ids = ids[2:]
    bad = 0
    for aid in ids:
        try:
            text, found, problems = load(aid, folder, texts)
        except (OSError, json.JSONDecodeError) as e:
            print(f"{aid}: ERROR {e}")
            bad += 1
            continue
        for p in problems:
            print(f"{aid}: ERROR {p}")
        for w in inside_words(text, found):
            print(f"{aid}: WARNING {w}")
        bad += len(problems)
        print(f"{aid}: {len(found)} spans ({', '.join(f'{l} {sum(1 for *_, x in found if x == l)}' for l in sorted(LABELS))})")
    print(f"{len(ids)} files, {bad} errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
