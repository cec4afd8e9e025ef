"""The Stanza NER backend: a model trained here by ``python -m training.stanza_ner`` (Stanza ships none
for Indonesian), run on the pipeline's own tokens.

A Stanza model folder holds ``ner.pt`` (the tagger), ``pretrain.pt`` (its word vectors) and ``meta.json``
(``"backend": "stanza"``). ``stanza`` (and torch) are an optional extra (``pip install -e '.[stanza]'``),
imported only when such a model is loaded. Nothing is downloaded: the tagger is built from the two files
with Stanza's own ``Trainer`` and ``DataLoader``, as its NER processor does, without the ``Pipeline`` (which
wants a ``resources.json`` from the internet).

Text goes through the project's spaCy tokenizer and sentencizer (``tokenizer.blank()``), so the tokens are
those the entity rules see; each sentence's words go to the tagger, and its BIOES tags come back as
(start, end, label) character spans of those tokens.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .ner import LABELS, Span

MODEL_FILES = ("ner.pt", "pretrain.pt")
TEXTS_BATCH_SENTENCES = 64  # annotate() tags the sentences of this many (or more) at once, across texts
MAX_SENTENCE_TOKENS = 250  # a longer "sentence" (a table, a list without full stops) is cut into pieces
INSTALL_HINT = "the Stanza NER backend needs the stanza extra: pip install -e '.[stanza]'"


class StanzaUnavailable(ImportError):
    pass


def require_stanza() -> None:
    """A clear error, before any work, where the optional ``stanza`` package is not installed."""
    import importlib.util

    if importlib.util.find_spec("stanza") is None or importlib.util.find_spec("torch") is None:
        raise StanzaUnavailable(INSTALL_HINT)


def check_model_dir(path: str | Path) -> Path:
    """``path`` if it is a Stanza model folder written by ``training.stanza_ner``; a clear error if not."""
    path = Path(path)
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: no such Stanza model folder")
    missing = [name for name in MODEL_FILES if not (path / name).is_file()]
    if missing:
        hint = " (that is a spaCy model folder: leave out --ner-backend stanza)" if (path / "config.cfg").is_file() else ""
        raise FileNotFoundError(f"{path}: not a Stanza NER model folder (no {', '.join(missing)}){hint}; "
                                f"build one with python -m training.stanza_ner")
    return path


def model_version(path: str | Path) -> str:
    """Backend name, model name and a digest of the weights and metadata: changes when the model changes."""
    path = check_model_dir(path)
    h = hashlib.sha256()
    for name in (*MODEL_FILES, "meta.json"):
        p = path / name
        if p.is_file():
            h.update(name.encode())
            h.update(hashlib.sha256(p.read_bytes()).digest())
    meta = _meta(path)
    return f"stanza-{meta.get('name', path.name)}-{h.hexdigest()[:12]}"


def _meta(path: Path) -> dict:
    try:
        return json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def tags_to_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans [start, end) with labels from BIOES (or IOB2) tags; a broken sequence (an ``I-``/``E-``
    without its ``B-``, a label change inside) still gives the entities a reader would see."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, kind = tag.partition("-")
        if prefix in ("O", "") or not kind:
            prefix, kind = "O", None
        continues = start is not None and kind == label and prefix in ("I", "E")
        if start is not None and not continues:
            spans.append((start, i, label))
            start, label = None, None
        if prefix == "S":
            spans.append((i, i + 1, kind))
        elif prefix in ("B", "I") and not continues:
            start, label = i, kind
        elif prefix == "E":
            if continues:
                spans.append((start, i + 1, label))
                start, label = None, None
            else:
                spans.append((i, i + 1, kind))
    return spans


def char_spans(offsets: Sequence[tuple[int, int]], tags: Sequence[str]) -> list[Span]:
    """The entities of one sentence as character spans: ``offsets`` are its tokens' (start, end) in the
    text, ``tags`` the tagger's tag for each token."""
    if len(offsets) != len(tags):
        raise ValueError(f"{len(tags)} tags for {len(offsets)} tokens")
    return [(offsets[s][0], offsets[e - 1][1], label) for s, e, label in tags_to_spans(tags) if label in LABELS]


def sentences_of(doc) -> list[list[tuple[int, int, str]]]:
    """(start, end, text) of each word of each sentence of a spaCy Doc with sentence boundaries; spaces and
    line breaks are left out and end a sentence when they hold a line break; long sentences are cut."""
    out: list[list[tuple[int, int, str]]] = []
    for sent in doc.sents:
        words: list[tuple[int, int, str]] = []
        for tok in sent:
            if tok.is_space:
                if "\n" in tok.text and words:
                    out.append(words)
                    words = []
                continue
            words.append((tok.idx, tok.idx + len(tok.text), tok.text))
            if len(words) >= MAX_SENTENCE_TOKENS:
                out.append(words)
                words = []
        if words:
            out.append(words)
    return out


class StanzaTagger:
    """Stanza's NER ``Trainer`` loaded from a model folder, tagging pre-tokenised sentences on the CPU.

    torch is set to ``threads`` threads (default 1, for the whole process): the pipeline runs in parallel
    through worker processes, and torch's own threads fighting them (or other work) for the cores made the
    annotate stage about 10 times slower on the 2-core build machine."""

    def __init__(self, path: str | Path, batch_size: int = 32, threads: int | None = 1):
        path = check_model_dir(path)
        try:
            import torch
            from stanza.models.common.doc import Document
            from stanza.models.common.pretrain import Pretrain
            from stanza.models.ner.data import DataLoader
            from stanza.models.ner.trainer import Trainer
        except ImportError as e:
            raise StanzaUnavailable(f"{INSTALL_HINT} ({e})") from None
        if threads:
            torch.set_num_threads(threads)
        self._torch, self._Document, self._DataLoader = torch, Document, DataLoader
        pretrain = Pretrain(str(path / "pretrain.pt"), None, -1, save_to_file=False)
        try:
            self.trainer = Trainer(args={"charlm_forward_file": None, "charlm_backward_file": None},
                                   model_file=str(path / "ner.pt"), pretrain=pretrain, device="cpu")
        except Exception as e:  # noqa: BLE001 - a corrupt or foreign file: say which
            raise ValueError(f"{path}: cannot load the Stanza NER model: {e}") from None
        self.config = dict(self.trainer.args, batch_size=batch_size, mode="predict")

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """One tag per word, for each sentence, in order."""
        sentences = [s for s in sentences]
        if not sentences:
            return []
        doc = self._Document([[{"text": w} for w in s] for s in sentences])
        with self._torch.no_grad():
            batches = self._DataLoader(doc, self.config["batch_size"], self.config, vocab=self.trainer.vocab,
                                       evaluation=True, preprocess_tags=False,
                                       bert_tokenizer=self.trainer.model.bert_tokenizer)
            preds: list[list[str]] = []
            for b in batches:
                preds += self.trainer.predict(b)
        return [[t if isinstance(t, str) else t[0] for t in p] for p in preds]


class StanzaNer:
    """The ``NerBackend`` for a Stanza model folder."""

    name = "stanza"

    def __init__(self, path: str | Path, batch_size: int = 32, tagger: StanzaTagger | None = None):
        from .. import tokenizer

        self.path = check_model_dir(path)
        self.version = model_version(self.path)
        self.tagger = tagger if tagger is not None else StanzaTagger(self.path, batch_size)
        self.nlp = tokenizer.blank()
        self.nlp.add_pipe("sentencizer")

    def annotate(self, texts: Iterable[str]) -> Iterator[list[Span]]:
        """Spans per text, in order. The sentences of several texts go to the tagger together (short texts,
        such as one sentence each, would otherwise make batches of one)."""
        pending: list[list[list[tuple[int, int, str]]]] = []  # sentences of each text not yet tagged
        for doc in self.nlp.pipe(texts, batch_size=16):
            pending.append(sentences_of(doc))
            if sum(len(p) for p in pending) >= TEXTS_BATCH_SENTENCES:
                yield from self._tag(pending)
                pending = []
        if pending:
            yield from self._tag(pending)

    def _tag(self, docs: list[list[list[tuple[int, int, str]]]]) -> Iterator[list[Span]]:
        tags = iter(self.tagger.tag([[w for _, _, w in s] for sents in docs for s in sents]))
        for sents in docs:
            spans: list[Span] = []
            for words in sents:
                spans.extend(char_spans([(a, b) for a, b, _ in words], next(tags)))
            yield spans

    def annotate_tokens(self, sentences: list[list[str]]) -> list[list[tuple[int, int, str]]]:
        """Token spans (start, end, label) for sentences already split into words (gold-token scoring)."""
        return [[s for s in tags_to_spans(t) if s[2] in LABELS] for t in self.tagger.tag(sentences)]
