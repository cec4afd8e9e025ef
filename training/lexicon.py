"""Write the lexicon the NER model's ``idnews_lexicon_tags`` component reads (see
``pipeline/extract/ner_lexicon.py``): region names from the gazetteer, organisation forms, titles and
honorifics from ``rules/``. The file goes to ``training/corpus/lexicon.json`` (git-ignored); the
trained model stores its own copy.

Usage: ``python -m training.lexicon [--rules rules] [--out training/corpus/lexicon.json]``
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from pipeline.extract.gazetteer import Gazetteer
from pipeline.extract.ner_lexicon import build_lexicon

REPO_ROOT = Path(__file__).resolve().parent.parent


def common_words(corpus: Path, min_count: int = 2) -> set[str]:
    """Words written in lower case at least ``min_count`` times in the training text (each sentence counted
    once, however often the training set repeats it)."""
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    seen: Counter = Counter()
    sentences: set[str] = set()
    for doc in DocBin().from_disk(corpus).get_docs(Vocab()):
        if doc.text not in sentences:
            sentences.add(doc.text)
            seen.update(t.text for t in doc if t.text.islower())
    return {w for w, c in seen.items() if c >= min_count}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rules", type=Path, default=REPO_ROOT / "rules")
    ap.add_argument("--out", type=Path, default=REPO_ROOT / "training" / "corpus" / "lexicon.json")
    ap.add_argument("--corpus", type=Path, default=REPO_ROOT / "training" / "corpus" / "train.spacy",
                    help="training DocBin: words written in lower case there are common words, not names")
    ap.add_argument("--common-class", action="store_true",
                    help="also tag those common words COMMON (a capital on them then reads as sentence start)")
    args = ap.parse_args(argv)
    lexicon = build_lexicon(args.rules, Gazetteer.load(), common_words(args.corpus), args.common_class)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(lexicon, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print(f"{args.out}: {len(lexicon)} phrases {dict(Counter(lexicon.values()))}")


if __name__ == "__main__":
    main()
