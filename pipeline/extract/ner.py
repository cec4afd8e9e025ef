"""The NER slot: one small interface, so another backend can be plugged in.

A backend turns texts into (start, end, label) character spans with labels
PER, ORG, LOC. The default backend is the spaCy model trained by
``python -m pipeline.train`` and shipped in ``models/id_news_ner``. Stanza has
no Indonesian NER model; ``stanza`` runs one trained here (``training/stanza_ner.py``,
backend in ``ner_stanza.py``, the optional ``stanza`` extra). Another backend only has
to implement ``NerBackend`` and be registered in ``BACKENDS``.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterable, Iterator, Protocol

Span = tuple[int, int, str]
DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "id_news_ner"
LABELS = {"PER", "ORG", "LOC"}


class NerBackend(Protocol):
    name: str
    version: str  # identifies the exact model (used in run.json and cache keys)

    def annotate(self, texts: Iterable[str]) -> Iterator[list[Span]]: ...


class NoNer:
    """Used when no model is installed: the rule extractors carry the run alone."""

    name = "none"
    version = "none"

    def annotate(self, texts: Iterable[str]) -> Iterator[list[Span]]:
        for _ in texts:
            yield []


class SpacyNer:
    """A spaCy pipeline with an ``ner`` component, loaded once per process."""

    name = "spacy"

    def __init__(self, path: str | Path = DEFAULT_MODEL, batch_size: int = 16):
        from .. import tokenizer

        self.path = Path(path)
        self.nlp = tokenizer.load(self.path, exclude=["parser", "tagger", "lemmatizer", "attribute_ruler"])
        self.batch_size = batch_size
        meta = self.nlp.meta
        digest = _dir_digest(self.path)
        self.version = f"{meta.get('name', 'model')}-{meta.get('version', '0')}-{digest}"

    def annotate(self, texts: Iterable[str]) -> Iterator[list[Span]]:
        for doc in self.nlp.pipe(texts, batch_size=self.batch_size):
            yield [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS]


def _dir_digest(path: Path) -> str:
    """A short hash of the model's weights and config: changes when the model changes."""
    h = hashlib.sha256()
    for p in sorted(path.rglob("*")):
        if p.is_file() and p.name in {"model", "cfg", "config.cfg", "meta.json", "strings.json"}:
            h.update(p.relative_to(path).as_posix().encode())
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:12]


def _stanza(path: str | Path) -> NerBackend:
    from .ner_stanza import StanzaNer  # imports stanza (and torch) only now

    return StanzaNer(path)


BACKENDS = {"spacy": SpacyNer, "stanza": _stanza, "none": NoNer}


def backend_version(backend: str, path: str | Path) -> str:
    """The version a backend will report for the model at ``path``, without loading it (cache keys)."""
    if backend == "stanza":
        from .ner_stanza import model_version, require_stanza

        require_stanza()
        return model_version(path)
    raise ValueError(f"no version without loading for backend {backend!r}")


def load_ner(model: str | Path | None = None, backend: str | None = None) -> NerBackend:
    """The backend for ``model``: a spaCy model folder, "none", or the shipped default when present;
    with ``backend`` ("stanza"), a model folder of that backend."""
    if backend not in (None, "", "spacy"):
        if backend not in BACKENDS or backend == "none":
            raise ValueError(f"unknown NER backend {backend!r} (known: {', '.join(sorted(BACKENDS))})")
        if model in (None, "", "none"):
            raise ValueError(f"the {backend} NER backend needs a model folder (--ner-model PATH)")
        return BACKENDS[backend](model)
    if model in (None, ""):
        return SpacyNer(DEFAULT_MODEL) if (DEFAULT_MODEL / "meta.json").exists() else NoNer()
    if str(model) == "none":
        return NoNer()
    path = Path(model)
    if not (path / "meta.json").exists():
        raise FileNotFoundError(f"{path}: not a spaCy model folder (no meta.json)")
    return SpacyNer(path)
