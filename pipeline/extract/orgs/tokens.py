"""The organisation extractor's tokens: words, initials and punctuation with their offsets and lines, the
phrase tables every word list is matched with, and what the lines of an article look like (headlines in
Title Case, captions in capitals)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ...names import CONNECTORS

_TOKEN = re.compile(r"(?P<init>(?:[^\W\d_]\.){2,})|(?P<word>[^\W_]+(?:['’\-][^\W_]+)*\+?)|(?P<punct>[^\w\s])")
_ROMAN = re.compile(r"^(?=[IVXL]+$)L?X{0,3}(?:IX|IV|V?I{0,3})$")
YEAR = re.compile(r"^(?:19|20)\d\d$")
NUMBER = re.compile(r"^\d+(?:-\d+)*$")
SENTENCE_END = {".", "!", "?", "…"}
QUOTES = {'"', "“", "”", "‘", "’", "«", "»", "'"}
DASHES = {"-", "–", "—"}
_ANY_CASE_WORDS = {"persero", "perseroda", "tbk"}  # written "(persero)", "TBK" as often as not


@dataclass
class Tok:
    text: str
    start: int
    end: int
    kind: str  # init | word | punct
    nl: bool  # a line break between the previous token and this one
    low: str = ""
    line: int = 0

    def __post_init__(self):
        self.low = self.text.casefold()

    @property
    def is_word(self) -> bool:
        return self.kind != "punct"

    @property
    def is_cap(self) -> bool:
        return self.kind != "punct" and self.text[:1].isupper()

    @property
    def is_lower(self) -> bool:
        return self.kind == "word" and self.text[:1].islower()

    @property
    def is_upper(self) -> bool:
        """An acronym-like word: all letters upper case, at least two (BPJS, UPT-PPT, KPI)."""
        letters = [c for c in self.text if c.isalpha()]
        return self.kind == "word" and len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def is_num(self) -> bool:
        return self.kind == "word" and (bool(NUMBER.match(self.text)) or bool(_ROMAN.match(self.text)))


def tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    line = 0
    prev_end = 0
    for m in _TOKEN.finditer(text):
        gap = text[prev_end:m.start()]
        nl = "\n" in gap
        line += gap.count("\n")
        kind = m.lastgroup or "punct"
        toks.append(Tok(m.group(), m.start(), m.end(), kind, nl, line=line))
        prev_end = m.end()
    return toks


def phrase_tokens(s: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _TOKEN.finditer(s))


def _shape_ok(pattern: str, tok: Tok, any_case: bool) -> bool:
    """Whether ``tok`` is written like ``pattern`` (case-sensitive for acronyms, capitalised for names)."""
    if tok.low != pattern.casefold():
        return False
    if any_case or not pattern[:1].isalpha() or pattern[:1].islower() or tok.low in _ANY_CASE_WORDS:
        return True
    if tok.text == pattern:
        return True
    letters = [c for c in pattern if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return False  # an acronym must be written exactly
    return tok.text[:1].isupper() and (tok.is_upper or tok.text[1:].islower())


class PhraseTable:
    """Multi-word phrases (forms, aliases, cues) matched token by token, longest first."""

    def __init__(self):
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any, bool]]] = {}

    def add(self, phrase: str, payload: Any, any_case: bool = False) -> None:
        toks = phrase_tokens(phrase)
        if toks:
            lst = self._by_first.setdefault(toks[0].casefold(), [])
            lst.append((toks, payload, any_case))
            lst.sort(key=lambda x: -len(x[0]))

    def match(self, toks: list[Tok], i: int, skip_dots: bool = False) -> tuple[int, Any] | None:
        """(end, payload) of the longest phrase starting at token i, or None. With ``skip_dots``, a '.' or ','
        the phrase lacks is passed over after a legal abbreviation ("PT." for "PT", ", Tbk")."""
        if i >= len(toks):
            return None
        for phrase, payload, any_case in self._by_first.get(toks[i].low, ()):
            j = i
            ok = True
            for k, p in enumerate(phrase):
                if k and skip_dots and j < len(toks) and toks[j].text in {".", ","} and p not in {".", ","} \
                        and toks[j - 1].low in {"pt", "cv", "ud", "tbk", "persero"} | {")"}:
                    if toks[j].text == "." or (j + 1 < len(toks) and toks[j + 1].low == "tbk"):
                        j += 1
                if j >= len(toks) or (k and toks[j].nl) or not _shape_ok(p, toks[j], any_case):
                    ok = False
                    break
                j += 1
            if ok:
                return j, payload
        return None

    def ends_at(self, toks: list[Tok], i: int, back: int = 3) -> bool:
        """A phrase of the table that starts up to ``back`` tokens before token i ends right before it ("Ketua
        [Asosiasi ...]", "Sinar Mas Group [dan ...]")."""
        return any(m is not None and m[0] == i for m in (self.match(toks, q) for q in range(max(0, i - back), i)))

    def __contains__(self, phrase: str) -> bool:
        toks = phrase_tokens(phrase)
        return bool(toks) and any(p == toks for p, _, _ in self._by_first.get(toks[0].casefold(), ()))


def is_acronym(text: str) -> bool:
    """A form written as an acronym (BPTP, UPT): a region right after it is its seat, not its field."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def caps_line(toks: list[Tok], i: int) -> bool:
    """Whether token i stands in an ALL-CAPS stretch (a caption or headline), where case says nothing."""
    around = [t for t in toks[max(0, i - 6):i + 7] if t.kind == "word" and t.line == toks[i].line
              and len(t.text) >= 3 and not t.text.isdigit()]
    return len(around) >= 4 and sum(t.is_upper for t in around) >= 0.8 * len(around)


def sentence_start(toks: list[Tok], i: int) -> bool:
    return i == 0 or toks[i].nl or toks[i - 1].text in SENTENCE_END or toks[i - 1].text in {"“", '"', "‘"}


def title_lines(toks: list[Tok]) -> set[int]:
    """Lines written in Title Case (headlines): most longer words capitalised."""
    lines: dict[int, list[Tok]] = {}
    for t in toks:
        lines.setdefault(t.line, []).append(t)
    out = set()
    for line, ts in lines.items():
        if ts[0].is_lower:
            continue  # "ke Balai Rehabilitasi Sosial ...": a hard-wrapped line of a sentence, not a headline
        prev = lines.get(line - 1)
        if prev and prev[-1].text not in SENTENCE_END | {":", '"', "”", "|", ")"} and prev[-1].end - prev[0].start > 60:
            continue  # the line goes on with the sentence of the line right above it
        words = [t for t in ts if t.kind == "word" and len(t.text) >= 3 and t.low not in CONNECTORS
                 and not t.text.isdigit()]
        inner_stop = any(t.text in SENTENCE_END and k + 1 < len(ts) and ts[k + 1].is_cap and ts[k - 1].kind == "word"
                         and len(ts[k - 1].text) > 3 for k, t in enumerate(ts[1:-1], 1))
        if len(words) >= 3 and ts[-1].end - ts[0].start <= 250 and ts[-1].text not in SENTENCE_END and not inner_stop:
            caps = sum(1 for t in words if t.is_cap)
            if caps / len(words) >= 0.75 and len(words) - caps <= 2:
                out.add(line)
    return out
