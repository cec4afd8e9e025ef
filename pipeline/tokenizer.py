"""spaCy's Indonesian tokenizer, built in milliseconds instead of seconds.

spaCy's Indonesian defaults hold about 16,000 tokenizer exceptions, nearly all of them hyphenated
words that must stay one token ("anak-anak", "buah-buahan"), each in three spellings. spaCy adds
every exception as a special case one at a time, which takes about 1.6 s each time a tokenizer is
built, and loading a saved model builds it twice: over 3 s per process before the first article,
and again for every blank pipeline.

Here those plain exceptions (one token, the text unchanged, word characters joined by hyphens) go
into a set that spaCy consults through ``token_match``; the few hundred others (abbreviations such
as "a.", emoticons) stay special cases. The tokens are the same: spaCy checks ``token_match``
wherever it checks a special case while stripping prefixes and suffixes, and before splitting
infixes. One more place: spaCy also finds exceptions inside a longer chunk split at its infixes
("anak-anak/remaja", "anak-anak-anak") and joins them again; ``FastTokenizer`` does the same after
tokenising (``tests/test_tokenizer.py`` compares both tokenizers on real-looking text).

The tokenizer is built from the same settings spaCy serialises (a model's ``tokenizer`` file, or the
Indonesian defaults), so a model with a different tokenizer keeps its own rules.
"""
from __future__ import annotations

import re
import re._constants as sre_c
import re._parser as sre_parse
from functools import lru_cache

import numpy
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

PLAIN_WORD = re.compile(r"^\w+(?:-\w+)+$")
PLACEHOLDER = "idnews.placeholder_tokenizer.v1"


class WordSet:
    """``token_match`` for a set of words. ``pattern`` is None so spaCy serialises no regex for it."""

    pattern = None

    def __init__(self, words, fallback=None):
        self.words = frozenset(words)
        self.fallback = fallback

    def match(self, text: str):
        if text in self.words:
            return True
        return self.fallback(text) if self.fallback is not None else None


class FastTokenizer(Tokenizer):
    """spaCy's Tokenizer, plus the joining of hyphenated exceptions found inside a longer chunk."""

    def __call__(self, text: str):
        doc = super().__call__(text)
        words = getattr(self.token_match, "__self__", None)
        if isinstance(words, WordSet) and "-" in text:
            spans = _inner_exceptions(doc, words.words)
            if spans:
                with doc.retokenize() as retok:
                    for start, end in spans:
                        retok.merge(doc[start:end])
        return doc

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        """What spaCy's tokenizer would save: the exceptions kept in the set go back among the others,
        so a saved pipeline loads the same with plain ``spacy.load``."""
        data = srsly.msgpack_loads(super().to_bytes(exclude=exclude))
        words = getattr(self.token_match, "__self__", None)
        if isinstance(words, WordSet) and "exceptions" in data:
            data["exceptions"].update({w: [{ORTH: w}] for w in words.words})
            own = getattr(words.fallback, "__self__", None)
            data["token_match"] = own.pattern if own is not None else None
        return srsly.msgpack_dumps(data)


class EdgeGate:
    """``prefix_search`` / ``suffix_search`` that skip the regex when the chunk's first (last) character
    cannot begin (end) any match.

    spaCy's affix regexes are alternations of about two hundred anchored pieces, which Python's ``re``
    tries one by one: some 25 µs for each new chunk, though nearly every chunk starts with a letter none
    of them can take. The characters an alternative can start (end) with are read from the parsed regex,
    over-approximated wherever unsure, so the answer is the regex's own whenever it could match.
    ``pattern`` stays the regex text: spaCy serialises the tokenizer as before."""

    def __init__(self, pattern: str, at_end: bool):
        self.regex = re.compile(pattern)
        self.pattern = pattern
        self.at_end = at_end
        parsed = sre_parse.parse(pattern)
        self._atoms = None if parsed.state.flags & re.IGNORECASE else _edge_atoms(parsed.data, at_end)
        self._memo: dict[str, bool] = {}

    def search(self, text: str):
        c = text[-1:] if self.at_end else text[:1]
        ok = self._memo.get(c)
        if ok is None:
            ok = self._memo[c] = self._atoms is None or not c or any(_atom_takes(a, ord(c)) for a in self._atoms)
        return self.regex.search(text) if ok else None


_SKIP = {sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT}  # consume no character
_REPEATS = {sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", sre_c.MAX_REPEAT)}


def _edge_atoms(items, at_end: bool) -> list | None:
    """The atoms one of which the first (last) character of any match must satisfy; None when unknown."""
    for op, av in (list(items)[::-1] if at_end else list(items)):
        if op in _SKIP:
            continue
        if op in _REPEATS:
            return _edge_atoms(av[2], at_end) if av[0] > 0 else None
        if op is sre_c.SUBPATTERN:
            return _edge_atoms(av[-1], at_end)
        if op is sre_c.BRANCH:
            atoms: list = []
            for branch in av[1]:
                sub = _edge_atoms(branch, at_end)
                if sub is None:
                    return None
                atoms += sub
            return atoms
        return [(op, av)]
    return None  # may match the empty string


def _atom_takes(atom, ch: int) -> bool:
    """Whether one parsed atom can match the character ``ch`` (True when unsure)."""
    op, av = atom
    if op is sre_c.LITERAL:
        return av == ch
    if op is sre_c.NOT_LITERAL:
        return av != ch
    if op is sre_c.IN:
        negate = bool(av) and av[0][0] is sre_c.NEGATE
        hit = False
        for iop, iav in av[negate:]:
            if iop is sre_c.LITERAL:
                hit = iav == ch
            elif iop is sre_c.RANGE:
                hit = iav[0] <= ch <= iav[1]
            else:
                return True  # a category or anything else: assume it may match
            if hit:
                break
        return hit != negate
    return True


def _inner_exceptions(doc, words: frozenset) -> list[tuple[int, int]]:
    """Token spans (no space inside) that spell a hyphenated exception, chosen as spaCy's special-case
    matcher chooses them: longest first, then leftmost, never sharing a token."""
    found = []
    n = len(doc)
    dash = doc.vocab.strings["-"]
    for k in numpy.nonzero(doc.to_array(ORTH) == dash)[0].tolist():
        i = k - 1
        if i < 0 or k + 1 >= n or doc[i].whitespace_ or doc[k].whitespace_:
            continue  # every word followed by "-" starts candidates: "tes-anak-anak" holds "anak-anak"
        text, j = doc[i].text, i
        while j + 2 < n and doc[j + 1].text == "-" and not doc[j].whitespace_ and not doc[j + 1].whitespace_:
            text += "-" + doc[j + 2].text
            j += 2
            if text in words:
                found.append((i, j + 1))
    if not found:
        return []
    found.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    seen: set[int] = set()
    keep = []
    for s, e in found:
        if s in seen or e - 1 in seen:
            continue
        keep.append((s, e))
        seen.update(range(s, e))
    return sorted(keep)


def _is_plain(key: str, value: Any) -> bool:
    return (bool(PLAIN_WORD.match(key)) and len(value) == 1
            and set(value[0]) in ({ORTH}, {"ORTH"}) and next(iter(value[0].values())) == key)


@lru_cache(maxsize=1)
def _settings_from_defaults() -> dict[str, Any]:
    """The Indonesian defaults in the form spaCy serialises a tokenizer (built once; read, never changed)."""
    from spacy.lang.id import Indonesian

    d = Indonesian.Defaults
    return {
        "prefix_search": compile_prefix_regex(d.prefixes).pattern if d.prefixes else None,
        "suffix_search": compile_suffix_regex(d.suffixes).pattern if d.suffixes else None,
        "infix_finditer": compile_infix_regex(d.infixes).pattern if d.infixes else None,
        "token_match": d.token_match.__self__.pattern if d.token_match else None,
        "url_match": d.url_match.__self__.pattern if d.url_match else None,
        "exceptions": d.tokenizer_exceptions,
        "faster_heuristics": True,
    }


def build_tokenizer(vocab, settings: dict[str, Any]) -> Tokenizer:
    """A Tokenizer equal to the one spaCy would build from ``settings``, with plain exceptions in a set."""
    plain = {k for k, v in settings.get("exceptions", {}).items() if _is_plain(k, v)}
    rules = {k: v for k, v in settings.get("exceptions", {}).items() if k not in plain}
    compiled = {k: re.compile(settings[k]) if settings.get(k) else None
                for k in ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")}
    own_match = compiled["token_match"].match if compiled["token_match"] else None
    return FastTokenizer(
        vocab,
        rules=rules,
        prefix_search=EdgeGate(settings["prefix_search"], at_end=False).search if compiled["prefix_search"] else None,
        suffix_search=EdgeGate(settings["suffix_search"], at_end=True).search if compiled["suffix_search"] else None,
        infix_finditer=compiled["infix_finditer"].finditer if compiled["infix_finditer"] else None,
        token_match=WordSet(plain, own_match).match if plain else own_match,
        url_match=compiled["url_match"].match if compiled["url_match"] else None,
        faster_heuristics=settings.get("faster_heuristics", True),
    )


@spacy.registry.tokenizers(PLACEHOLDER)
def _placeholder_tokenizer():
    """Stands in while a pipeline is created, so spaCy does not build the slow tokenizer first."""

    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


_OVERRIDE = {"nlp": {"tokenizer": {"@tokenizers": PLACEHOLDER}}}


def same_as_blank(path: str | Path) -> bool:
    """Whether the model at ``path`` tokenizes as ``blank()`` does (its tokenizer settings are the defaults)."""
    tok_file = Path(path) / "tokenizer"
    if not tok_file.is_file():
        return False
    saved = srsly.msgpack_loads(tok_file.read_bytes())
    defaults = _settings_from_defaults()
    return all(saved.get(k) == v for k, v in defaults.items())


def blank() -> Language:
    """``spacy.blank("id")`` with the same tokens, built fast."""
    nlp = spacy.blank("id", config=_OVERRIDE)
    nlp.tokenizer = build_tokenizer(nlp.vocab, _settings_from_defaults())
    return nlp


def load(path: str | Path, exclude: list[str] | tuple[str, ...] = ()) -> Language:
    """``spacy.load(path)`` with the model's own tokenizer settings, built fast.

    Only for the standard spaCy tokenizer: a model that names another tokenizer is loaded by spaCy as is.
    """
    from .extract import ner_lexicon  # noqa: F401 - registers the lexicon component a model may hold

    path = Path(path)
    config = spacy.util.load_config(path / "config.cfg")
    standard = config["nlp"].get("tokenizer", {}).get("@tokenizers") == "spacy.Tokenizer.v1"
    tok_file = path / "tokenizer"
    if not standard or not tok_file.is_file():
        return spacy.load(path, exclude=list(exclude))
    nlp = spacy.load(path, exclude=[*exclude, "tokenizer"], config=_OVERRIDE)
    nlp.tokenizer = build_tokenizer(nlp.vocab, srsly.msgpack_loads(tok_file.read_bytes()))
    return nlp
