"""In-domain NER training sentences: the corpus train split's articles with every PER/ORG/LOC mention.

Why this exists: the news NER corpora are short sentences from national outlets, while the pipeline reads
whole regional pages (bylines, captions, datelines, long official names of offices and units). The corpus
articles annotated mention by mention (``data/corpus/ner/<id>.json``, written blind, see
``data/corpus/README.md``) teach the model that domain. Only ids of the corpus **train** split are read;
the test split's files are the in-domain test set of the model card and are never trained on. Articles of
the unlabelled news annotated the same way (``data/corpus/ner_news/``, ``load_news``) add to them.

Each article is tokenised with the blank Indonesian tokenizer the training configs use, the annotated
character spans become IOB tags (a span that does not fall on token edges is widened to them and counted),
and the article is cut into lines, so that one example is one paragraph (page furniture lines without
any mention are kept at a rate, to teach the model what is no entity without drowning it in menus).
The texts stay in ``../shared/corpus/articles``; nothing is copied into the repository.
"""
from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

from pipeline import corpus
from pipeline import tokenizer as fast_tokenizer
from training.prepare import LABELS, Sentence

REPO_ROOT = Path(__file__).resolve().parent.parent
NER_DIR = REPO_ROOT / "data" / "corpus" / "ner"
NEWS_NER_DIR = REPO_ROOT / "data" / "corpus" / "ner_news"  # annotated articles of the unlabelled news
NEWS = corpus.SHARED_NEWS


def ner_spans_module():
    """``scripts/ner_spans.py`` (the annotators' checker) as a module: the one reader of the annotation files
    (training here, ``benchmarks/bench_ner.py`` for the in-domain test)."""
    sys.path.insert(0, str(REPO_ROOT / "scripts"))
    try:
        import ner_spans
    finally:
        sys.path.pop(0)
    return ner_spans


def annotated_ids(split: str = "train", folder: Path = NER_DIR) -> list[str]:
    """Ids with an in-domain NER file in ``folder`` that belong to ``split`` of the corpus."""
    return sorted(p.stem for p in Path(folder).glob("*.json") if corpus.split_of(p.stem) == split)


def article_sentences(text: str, found: list[tuple[int, int, str]], tokenizer) -> tuple[list[Sentence], int]:
    """The article's lines as tagged sentences (blank lines dropped), and how many spans fell inside a token.
    Such a token gets the tag ``""`` (missing): spaCy neither rewards nor penalises the model there."""
    doc = tokenizer(text)
    tags = ["O"] * len(doc)
    widened = 0
    for start, end, label in found:
        span = doc.char_span(start, end, label=label, alignment_mode="strict")
        if span is None:  # words glued in the page ("JakartaBank"): the token's tag is unknown, not O
            span = doc.char_span(start, end, alignment_mode="expand")
            widened += 1
            for i in range(span.start, span.end) if span is not None else ():
                tags[i] = ""
            continue
        if any(tags[i] != "O" for i in range(span.start, span.end)):
            continue
        tags[span.start] = f"B-{label}"
        for i in range(span.start + 1, span.end):
            tags[i] = f"I-{label}"
    sentences, words, line_tags = [], [], []
    for token, tag in zip(doc, tags):
        if token.is_space:
            if "\n" in token.text and words:
                sentences.append(Sentence(tuple(words), tuple(line_tags)))
                words, line_tags = [], []
            continue
        words.append(token.text)
        line_tags.append(tag)
        if "\n" in token.whitespace_:
            sentences.append(Sentence(tuple(words), tuple(line_tags)))
            words, line_tags = [], []
    if words:
        sentences.append(Sentence(tuple(words), tuple(line_tags)))
    return [_repair(s) for s in sentences], widened


def _repair(sentence: Sentence) -> Sentence:
    """A line cut inside a mention starts with I-: make it B- so the IOB is valid."""
    tags = list(sentence.tags)
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (i == 0 or tags[i - 1] in ("O", "") or tags[i - 1][2:] != tag[2:]):
            tags[i] = "B-" + tag[2:]
    return Sentence(sentence.words, tuple(tags))


DEV_SHARE = 10  # percent of the annotated train-split articles kept for model selection (``dev_part``)


def dev_part(article_id: str) -> bool:
    """True for about 10% of ids (a hash other than the corpus split's): these articles go to the NER dev
    set, so that choosing the best checkpoint also looks at whole regional pages, not only at news sentences."""
    h = int(hashlib.sha256(f"ner-dev:{article_id}".encode("utf-8")).hexdigest()[:8], 16)
    return h % 100 < DEV_SHARE


def _lines(articles, empty_rate: float, seed: int, stats: dict) -> tuple[list[Sentence], dict]:
    """Training lines from ``(text, spans)`` pairs: every line with a mention, and ``empty_rate`` of the others
    (page furniture without any mention teaches what is no entity, without drowning the model in menus)."""
    tokenizer = fast_tokenizer.blank().tokenizer  # spaCy's Indonesian tokens, built fast
    rng = random.Random(seed)
    out: list[Sentence] = []
    stats.update(articles=0, widened=0, lines_without_mention_dropped=0)
    for text, found in articles:
        sentences, widened = article_sentences(text, found, tokenizer)
        stats["articles"] += 1
        stats["widened"] += widened
        for sentence in sentences:
            if any(t != "O" for t in sentence.tags) or rng.random() < empty_rate:
                out.append(sentence)
            else:
                stats["lines_without_mention_dropped"] += 1
    stats["sentences"] = len(out)
    stats["entities"] = {label: sum(t == f"B-{label}" for s in out for t in s.tags) for label in LABELS}
    return out, stats


def load(split: str = "train", folder: Path = NER_DIR, empty_rate: float = 0.3,
         seed: int = 0, part: str = "all") -> tuple[list[Sentence], dict]:
    """The in-domain sentences of ``split``: every line with a mention, and ``empty_rate`` of the others.
    ``part``: ``"train"`` or ``"dev"`` keeps only the articles of that part (``dev_part``), ``"all"`` all."""
    checker = ner_spans_module()

    def articles():
        for aid in annotated_ids(split, folder):
            if part != "all" and dev_part(aid) != (part == "dev"):
                continue
            text, found, problems = checker.load(aid, Path(folder))
            if problems:
                raise SystemExit(f"{folder}/{aid}.json: {problems[0]} (python3 scripts/ner_spans.py check {aid})")
            yield text, found

    return _lines(articles(), empty_rate, seed, {})


def load_news(folder: Path = NEWS_NER_DIR, empty_rate: float = 0.3, seed: int = 0,
              news: Path = NEWS) -> tuple[list[Sentence], dict]:
    """Training lines from the annotated unlabelled-news articles (``scripts/select_ner_news.py`` picked them:
    no copy of a corpus article, no reserved URL). An article whose record gold (``data/corpus/news_gold/``)
    falls in the test split is left out: those articles measure the whole pipeline, model included; so is any
    copy of a corpus article (``corpus.corpus_copies``)."""
    checker = ner_spans_module()
    held_out = set(corpus.ids("test", corpus.NEWS_GOLD_DIR))
    ids = sorted(p.stem for p in Path(folder).glob("*.json") if p.stem not in held_out)
    texts = corpus.news_texts(ids, news) if ids else {}
    copies = corpus.corpus_copies(texts)  # the same story as a corpus article: never trained on twice, nor a test one
    stats = {"missing_text": sum(1 for aid in ids if aid not in texts), "held_out": len(held_out),
             "corpus_copies": len(copies)}
    texts = {aid: t for aid, t in texts.items() if aid not in copies}

    def articles():
        for aid in ids:
            if aid not in texts:
                continue
            text, found, problems = checker.load(aid, Path(folder), text=texts[aid])
            if problems:
                raise SystemExit(f"{folder}/{aid}.json: {problems[0]}")
            yield text, found

    return _lines(articles(), empty_rate, seed, stats)
