"""Lexicon features for the NER model: what the project's word lists say about each token.

Why: the rule files and the region gazetteer know things the NER corpora rarely show (thousands of
kabupaten and kecamatan names, "Dinas"/"Koperasi"/"PT" starting an organisation, "Bupati" before a
name). Instead of forcing those as fixed entities (which would impose our conventions on the
model's spans), this component writes a lexicon class into each token's ``TAG`` (no tagger runs
in this pipeline), and the model's embedding layer reads ``TAG`` as one more feature beside the
word's shape and affixes. The model learns how much to trust it.

Classes: ``REG``/``REG_I`` (first / later word of a region name), ``REG_HEAD`` (Provinsi,
Kabupaten, Kecamatan, Desa...), ``ORG_PRE``/``ORG_SUF``/``ORG_HEAD`` (organisation forms),
``TITLE`` (position heads), ``HON`` (honorifics), optionally ``COMMON`` (a word the training text
writes in lower case, so a capital letter on it says "sentence start", not "name"), else empty. The
lists are stored with the model (``to_disk``), built at training time by ``build_lexicon`` from
``rules/`` and the gazetteer.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc

FACTORY = "idnews_lexicon_tags"
MAX_PHRASE = 5
_WORD = re.compile(r"\w+(?:[-.']\w+)*\.?|[^\w\s]")
REGION_HEADS = ("provinsi", "kabupaten", "kab.", "kota", "kecamatan", "kec.", "desa", "kelurahan", "dusun",
                "kampung", "nagari", "gampong", "distrik")


def phrase_key(text: str) -> tuple[str, ...]:
    return tuple(m.group().casefold() for m in _WORD.finditer(text))


class LexiconTags:
    """Writes a lexicon class into ``token.tag_`` (longest phrase wins, earlier class on ties)."""

    def __init__(self, nlp: Language, name: str = FACTORY):
        self.name = name
        self.phrases: dict[tuple[str, ...], str] = {}
        self.firsts: set[str] = set()

    def set_phrases(self, phrases: dict[tuple[str, ...], str]) -> None:
        self.phrases = {tuple(k): v for k, v in phrases.items() if k}
        self.firsts = {k[0] for k in self.phrases}

    def initialize(self, get_examples=None, *, nlp=None, path: str | None = None) -> None:
        """Training: read the lists that ``python -m training.lexicon`` wrote."""
        if path:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            self.set_phrases({tuple(k.split(" ")): v for k, v in data.items()})

    def __call__(self, doc: Doc) -> Doc:
        keys = [t.lower_ for t in doc]
        tags = [""] * len(keys)
        i, n = 0, len(keys)
        while i < n:
            if keys[i] not in self.firsts:
                i += 1
                continue
            for k in range(min(MAX_PHRASE, n - i), 0, -1):
                cls = self.phrases.get(tuple(keys[i:i + k]))
                if cls is not None:
                    tags[i] = cls
                    for j in range(i + 1, i + k):
                        tags[j] = cls + "_I" if cls == "REG" else cls
                    i += k
                    break
            else:
                i += 1
        for t, tag in zip(doc, tags):
            if tag:
                t.tag_ = tag
        return doc

    def to_disk(self, path, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        data = {" ".join(k): v for k, v in sorted(self.phrases.items())}
        (path / "phrases.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path, exclude: Iterable[str] = ()) -> "LexiconTags":
        data = json.loads((Path(path) / "phrases.json").read_text(encoding="utf-8"))
        self.set_phrases({tuple(k.split(" ")): v for k, v in data.items()})
        return self

    def to_bytes(self, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps({" ".join(k): v for k, v in sorted(self.phrases.items())}, ensure_ascii=False).encode()

    def from_bytes(self, data: bytes, exclude: Iterable[str] = ()) -> "LexiconTags":
        self.set_phrases({tuple(k.split(" ")): v for k, v in json.loads(data).items()})
        return self


@Language.factory(FACTORY)
def make_lexicon_tags(nlp: Language, name: str) -> LexiconTags:
    return LexiconTags(nlp, name)


def build_lexicon(rules_dir: Path, gazetteer, common_words: set[str] = frozenset(),
                  common_class: bool = False) -> dict[str, str]:
    """Phrase (space-joined, lower case) -> class, from the rule files and the region gazetteer.

    ``common_words``: words usually written in lower case ("baru", "jaya"); a one-word region name that is
    one of them ("Kecamatan Baru") says too little to be a feature. ``common_class``: also tag each
    common word ``COMMON`` (where no longer phrase or other class claims it)."""
    from ..rules import load_rules

    rules = load_rules([rules_dir])
    out: dict[tuple[str, ...], str] = {}

    def add(text: str, cls: str) -> None:
        key = phrase_key(text)
        if key and len(key) <= MAX_PHRASE and key not in out:
            out[key] = cls

    for h in REGION_HEADS:
        add(h, "REG_HEAD")
    for r in rules.get("honorifics"):
        if r.get("type") == "honorific":
            add(r["text"], "HON")
    for r in rules.get("titles"):
        if r.get("kind", "head") == "head":
            add(r["text"], "TITLE")
    classes = {"prefix": "ORG_PRE", "suffix": "ORG_SUF", "head": "ORG_HEAD", "title": "TITLE"}
    for r in rules.get("org_forms"):
        cls = classes.get(r.get("position", ""))
        if cls:
            add(r["text"], cls)
    stop = {k for r in rules.get("place_stopwords") if r.get("position") != "dateline" for k in [phrase_key(r["text"])]}
    levels = ("provinsi", "kabupaten", "kota", "kecamatan")  # desa names are too many and too often words

    def add_region(name: str) -> None:
        key = phrase_key(name)
        if key and key not in stop and not (len(key) == 1 and (len(key[0]) < 4 or key[0] in common_words)):
            add(name, "REG")

    for code, name in gazetteer.names.items():
        if gazetteer.level(code) in levels:
            for variant in {name, re.sub(r"^(?:Kabupaten|Kota)(?: Administrasi)?\s+", "", name)}:
                add_region(variant)
    for r in rules.get("place_aliases"):
        if r.get("level") in levels:
            add_region(r.get("alias") or "")
    if common_class:
        for word in sorted(common_words):
            add(word, "COMMON")
    return {" ".join(k): v for k, v in out.items()}
