"""Experiment: the training set with the news corpora repeated, so the model leans to their conventions.

idner-news-2k and NER-UI are news, NERGrit is encyclopaedic and tags places differently; repeating the
news sentences ``--times`` times (after the same test/dev refusal as ``training.prepare``) tests whether
the mix matters. Writes ``training/corpus/train_news{N}x.spacy``.

Usage: ``python -m training.experiments.upsample [--times 2]``
"""
from __future__ import annotations

import argparse
from pathlib import Path

from training.prepare import (DEFAULT_DATA, DEFAULT_OUT, EXCLUDE_FILES, TRAIN_FILES, filter_training, read_conll,
                              sentence_key, write_docbin)

NEWS = ("idner-news-2k/train.txt", "indolem-nerui/train.01.tsv")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--times", type=int, default=2)
    args = ap.parse_args(argv)
    refused = {sentence_key(s.words) for name in EXCLUDE_FILES for s in read_conll(args.data / name)}
    kept = {name: filter_training(read_conll(args.data / name), refused)[0] for name in TRAIN_FILES}
    train, _ = filter_training([s for name in TRAIN_FILES for s in kept[name]], set())
    train += [s for name in NEWS for s in kept[name]] * (args.times - 1)
    out = DEFAULT_OUT / f"train_news{args.times}x.spacy"
    write_docbin(train, out)
    print(f"{out}: {len(train)} sentences")


if __name__ == "__main__":
    main()
