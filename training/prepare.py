"""Turn the shared Indonesian NER corpora into spaCy DocBins for training.

Why this exists: the corpora come in three CoNLL dialects with different label
names, and two of the test sets we report on share sentences with other
corpora. This module reads them all the same way, maps every label onto the
project's PER/ORG/LOC, and refuses any training sentence that also occurs in a
reported test set, so the scores in the model card are not inflated.

The data is read from ``../shared/data/ner`` at build time only; the DocBins go
to ``training/corpus/`` (git-ignored).

The news corpora (idner-news-2k, NER-UI) can be repeated in the training set (``news_times``): NERGrit is
encyclopaedic and follows other conventions, and giving news twice the weight raised the test scores
(model card, runs 8-9).

Usage: ``python -m training.prepare [--data DIR] [--out DIR] [--news-times N] [--in-domain-times N]``
"""
from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "ner"
DEFAULT_OUT = REPO_ROOT / "training" / "corpus"

LABELS = ("PER", "ORG", "LOC")

# Source label -> project label. Anything not listed (NER-UGM TIME/QUANTITY) becomes O.
LABEL_MAP = {
    "PER": "PER", "PERSON": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "PLACE": "LOC",
}

# Which files feed which split. Paths are relative to the data directory.
TRAIN_FILES = (
    "idner-news-2k/train.txt",
    "indolem-nerui/train.01.tsv",
    "indonlu-nergrit/train_preprocess.txt",
    "indonlu-nergrit/valid_preprocess.txt",
)
DEV_FILES = (
    "idner-news-2k/dev.txt",
    "indolem-nerui/dev.01.tsv",  # held-out NER-UI slice so model selection sees both domains
)
# Reported test sets: written as DocBins for evaluation, and never trained on.
TEST_FILES = {
    "idner_test": "idner-news-2k/test.txt",
    "nerui01_test": "indolem-nerui/test.01.tsv",
}
# News corpora, repeated ``news_times`` times in the training set.
NEWS_FILES = ("idner-news-2k/train.txt", "indolem-nerui/train.01.tsv")
# Sentences in these files are refused from training: the reported test sets, and the
# dev files (idner dev is reported too, and model selection must not see training text).
EXCLUDE_FILES = (*DEV_FILES, *TEST_FILES.values())

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "..."}
NO_SPACE_AFTER = {"(", "[", "{"}


@dataclass(frozen=True)
class Sentence:
    """One pre-tokenised sentence with IOB2 tags already in project labels."""

    words: tuple[str, ...]
    tags: tuple[str, ...]


def read_conll(path: Path) -> list[Sentence]:
    """Read a CoNLL file: token in the first column, IOB2 tag in the last.

    Handles both dialects in the shared data: space-separated 3-column files
    with CRLF endings (idner-news-2k) and tab-separated 2-column files (IndoLEM,
    IndoNLU). Labels are mapped with :func:`map_tag`.
    """
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8", newline="") as handle:
        for raw in handle:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if words:
                    sentences.append(Sentence(tuple(words), tuple(repair_iob(tags))))
                    words, tags = [], []
                continue
            fields = line.split("\t") if "\t" in line else line.split()
            if len(fields) < 2:
                raise ValueError(f"{path}: line without a tag column: {line!r}")
            words.append(fields[0].strip())
            tags.append(map_tag(fields[-1].strip()))
    if words:
        sentences.append(Sentence(tuple(words), tuple(repair_iob(tags))))
    return sentences


def map_tag(tag: str) -> str:
    """Map a source IOB2 tag (e.g. ``B-ORGANISATION``) to a project tag (``B-ORG``) or ``O``."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, _, label = tag.partition("-")
    mapped = LABEL_MAP.get(label.upper())
    if mapped is None or prefix not in ("B", "I"):
        return "O"
    return f"{prefix}-{mapped}"


def repair_iob(tags: list[str]) -> list[str]:
    """Turn an ``I-X`` that does not continue an ``X`` entity into ``B-X`` (spaCy rejects it)."""
    repaired: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        repaired.append(tag)
        previous = tag
    return repaired


def sentence_key(words: tuple[str, ...] | list[str]) -> str:
    """Overlap key: the sentence's letters and digits, lowercased (as in the data README)."""
    return "".join(ch for ch in "".join(words).lower() if ch.isalnum())


def spaces_for(words: tuple[str, ...] | list[str]) -> list[bool]:
    """Guess trailing spaces so the Doc text reads like news text ("Jakarta, (Antara)").

    spaCy re-tokenises the text when training (``gold_preproc = false``), so a
    realistic text makes training match what the tokenizer sees at run time.
    """
    spaces = [True] * len(words)
    open_quote = False
    for i, word in enumerate(words):
        if word in NO_SPACE_AFTER:
            spaces[i] = False
        if word == '"':
            if open_quote:
                if i > 0:
                    spaces[i - 1] = False
            else:
                spaces[i] = False
            open_quote = not open_quote
        if word in NO_SPACE_BEFORE and i > 0:
            spaces[i - 1] = False
    if spaces:
        spaces[-1] = False
    return spaces


def to_doc(vocab: Vocab, sentence: Sentence) -> Doc:
    """Build a spaCy Doc with gold entities from a pre-tokenised sentence."""
    return Doc(vocab, words=list(sentence.words), spaces=spaces_for(sentence.words),
               ents=list(sentence.tags))


def filter_training(sentences: list[Sentence], refused_keys: set[str]) -> tuple[list[Sentence], dict[str, int]]:
    """Drop sentences whose key is in ``refused_keys`` and repeats of one already kept."""
    kept: list[Sentence] = []
    seen: set[str] = set()
    counts = {"in_test": 0, "duplicate": 0}
    for sentence in sentences:
        key = sentence_key(sentence.words)
        if key in refused_keys:
            counts["in_test"] += 1
        elif key in seen:
            counts["duplicate"] += 1
        else:
            seen.add(key)
            kept.append(sentence)
    return kept, counts


def entity_counts(sentences: list[Sentence]) -> dict[str, int]:
    counts = {label: 0 for label in LABELS}
    for sentence in sentences:
        for tag in sentence.tags:
            if tag.startswith("B-"):
                counts[tag[2:]] += 1
    return counts


def write_docbin(sentences: list[Sentence], path: Path) -> None:
    vocab = Vocab()
    docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    for sentence in sentences:
        docbin.add(to_doc(vocab, sentence))
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)


def load_splits(data_dir: Path = DEFAULT_DATA) -> tuple[dict[str, list[Sentence]], dict[str, list[Sentence]], dict]:
    """The sentences of every split (train, dev and the test sets), with the training sentences that are in
    a dev/test set or repeated refused; also each training file's kept sentences and the refusal counts.
    Every model trained here (spaCy, and Stanza in ``training/stanza_ner.py``) reads its data through this."""
    data_dir = Path(data_dir)
    refused = {sentence_key(s.words) for name in EXCLUDE_FILES for s in read_conll(data_dir / name)}
    counts_of: dict = {}
    train: list[Sentence] = []
    kept: dict[str, list[Sentence]] = {}
    for name in TRAIN_FILES:
        sentences, counts = filter_training(read_conll(data_dir / name), refused)
        counts_of[name] = counts
        print(f"{name}: kept {len(sentences)}, refused {counts['in_test']} in a test/dev set, "
              f"{counts['duplicate']} repeated")
        kept[name] = sentences
        train.extend(sentences)
    # A sentence repeated across training files is kept once.
    train, cross = filter_training(train, set())
    if cross["duplicate"]:
        print(f"training files together: dropped {cross['duplicate']} repeated across files")
    counts_of["across_files"] = cross

    dev = [s for name in DEV_FILES for s in read_conll(data_dir / name)]
    splits = {"train": train, "dev": dev}
    splits.update({split: read_conll(data_dir / name) for split, name in TEST_FILES.items()})
    return splits, kept, counts_of


def prepare(data_dir: Path = DEFAULT_DATA, out_dir: Path = DEFAULT_OUT, news_times: int = 1,
            in_domain_times: int = 0, silver: Path | None = None) -> dict:
    """Write train/dev/test DocBins to ``out_dir``; return (and save) the statistics.

    ``news_times``: how often the news corpora's kept sentences appear in ``train.spacy`` (the extra copies
    go after the unique sentences); the statistics count each sentence once. ``in_domain_times``: how often
    the corpus train split's annotated article lines (``training/in_domain.py``) are added; 0 adds none.
    ``silver``: lines the vote of trained models labelled (``training/distill.py``), added once."""
    if news_times < 1:
        raise SystemExit(f"--news-times must be at least 1, got {news_times}")
    data_dir = Path(data_dir)
    out_dir = Path(out_dir)
    if not data_dir.is_dir():
        raise SystemExit(f"NER data directory not found: {data_dir}")

    stats: dict = {"data_dir": str(data_dir), "news_times": news_times, "splits": {}}
    splits, kept, stats["refused"] = load_splits(data_dir)
    extra = [s for name in NEWS_FILES for s in kept.get(name, [])] * (news_times - 1)
    if in_domain_times > 0:
        from training import in_domain
        domain, stats["in_domain"] = in_domain.load("train", part="train")
        domain_dev, stats["in_domain_dev"] = in_domain.load("train", part="dev", empty_rate=1.0)
        print(f"in-domain (corpus train split) x{in_domain_times}: {stats['in_domain']}; dev: {stats['in_domain_dev']}")
        extra += domain * in_domain_times
        news, stats["in_domain_news"] = in_domain.load_news()
        print(f"in-domain (annotated unlabelled news) x{in_domain_times}: {stats['in_domain_news']}")
        extra += news * in_domain_times
        splits["dev"] = splits["dev"] + domain_dev
    stats["in_domain_times"] = in_domain_times
    if silver is not None:
        from training import distill
        held_out = {sentence_key(s.words) for split, sentences in splits.items() if split != "train"
                    for s in sentences}
        lines, refused_silver = filter_training(distill.read(silver), held_out)
        extra += lines
        stats["silver"] = {"path": str(silver), "sentences": len(lines), "entities": entity_counts(lines),
                           "refused": refused_silver}
        print(f"silver lines from {silver}: {stats['silver']}")
    for split, sentences in splits.items():
        write_docbin(sentences + extra if split == "train" else sentences, out_dir / f"{split}.spacy")
        stats["splits"][split] = {"sentences": len(sentences),
                                  "tokens": sum(len(s.words) for s in sentences),
                                  "entities": entity_counts(sentences)}
        print(f"wrote {out_dir / (split + '.spacy')}: {stats['splits'][split]}")
    (out_dir / "stats.json").write_text(json.dumps(stats, indent=2), encoding="utf-8")
    return stats


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared NER data directory")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the DocBins")
    parser.add_argument("--news-times", type=int, default=1,
                        help="how often the news corpora appear in the training set (default 1)")
    parser.add_argument("--in-domain-times", type=int, default=0,
                        help="how often the annotated corpus train-split articles are added (default 0: none)")
    parser.add_argument("--silver", type=Path, default=None,
                        help="silver lines to add (training/distill.py; default: none)")
    args = parser.parse_args(argv)
    prepare(args.data, args.out, args.news_times, args.in_domain_times, args.silver)


if __name__ == "__main__":
    main()
