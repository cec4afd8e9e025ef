"""The token layer of one article (``Doc``): its tokens, tests on tokens, headings, official place names, and the
evidence about names that ``evidence.collect`` fills in.

Names and positions are read by the mixins ``names.NameParser`` and ``positions.PositionParser``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from pipeline.names import clean_person_name
from pipeline.types import span_source

from .names import NameParser
from .official_places import place_phrases
from .positions import PositionParser
from .words import GLUED_RE, GLUED_TAIL_RE, HEADING_MIN_WORDS, NOT_NAME_RE, QUOTES, TOKEN_RE

if TYPE_CHECKING:
    from .lexicon import Lexicon


@dataclass
class Tok:
    text: str
    start: int
    end: int
    kind: str  # w(ord) | n(umber) | p(unctuation)
    cf: str
    gap: str  # the text between the previous token and this one
    glued: bool = False  # split off the word before it ("Jakarta|Bupati"): a space was lost there


def tokenize(text: str) -> list[Tok]:
    """Words, numbers and signs; words a scraper glued together ("JakartaBupati", "UmumBhayangkari") are split
    where a capitalised word of 3+ lower-case letters meets the next one ("McLeod", "KerjaKu", "detikNews" stay
    whole), and where a capitalised word runs into a lower-case verb or clause word that never ends a name
    ("Yusufbakal", "Subektitidak": ``GLUED_TAIL_RE``)."""
    toks: list[Tok] = []
    prev = 0
    for m in TOKEN_RE.finditer(text):
        s = m.group()
        kind = "w" if s[0].isalpha() else "n" if s[0].isdigit() else "p"
        start = m.start()
        if kind == "w":
            g = GLUED_RE.match(s)
            while g:
                toks.append(Tok(g.group(1), start, start + g.end(1), kind, g.group(1).casefold(),
                                text[prev:start], start > m.start()))
                start, prev, s = start + g.end(1), start + g.end(1), s[g.end(1):]
                g = GLUED_RE.match(s)
            g = GLUED_TAIL_RE.match(s)
            if g:
                toks.append(Tok(g.group(1), start, start + g.end(1), kind, g.group(1).casefold(),
                                text[prev:start], start > m.start()))
                start, prev, s = start + g.end(1), start + g.end(1), s[g.end(1):]
        toks.append(Tok(s, start, m.end(), kind, s.casefold(), text[prev:start], start > m.start()))
        prev = m.end()
    return toks


class Doc(NameParser, PositionParser):
    """One article's tokens, token tests, name/position parsers, and the evidence about names.

    Evidence (sets of case-folded words):
      ``person_strong``: seen alone where a speaker stands ("ujar Rudi", "Pak Rudi", "Menurut Rudi");
      ``person_weak``: seen alone before an action verb at the start of a clause ("Rudi menambahkan");
      ``place_words``: seen after a place/organisation word ("Kota Sukamaju", "PT Sinar Tirta", "di Sukamaju"),
      inside someone's position, or written in capitals (a dateline).
    """

    def __init__(self, text: str, lex: Lexicon, org_spans, ner_spans):
        self.text = text
        self.lex = lex
        self.toks = tokenize(text)
        self.keys = [t.cf for t in self.toks]
        self.n = len(self.toks)
        self._starts = [t.start for t in self.toks]
        self.org_spans = sorted((int(s), int(e)) for s, e, *_ in org_spans)
        per = [sp for sp in ner_spans if str(sp[2]).upper() in {"PER", "PERSON"}]
        self.ner_people = sorted((int(sp[0]), int(sp[1])) for sp in per)
        self._span_sources: dict[tuple[int, int], str] = {}  # the model's source wins over a rule's on the same span
        for sp in per:
            src = span_source(sp)
            key = (int(sp[0]), int(sp[1]))
            if key not in self._span_sources or src == "ner":
                self._span_sources[key] = src
        self.ner_all = list(self.ner_people)  # every PER span of the model (``ner_people`` keeps the plausible ones)
        self.ner_other = sorted((int(s), int(e), str(lab).upper()) for s, e, lab, *_ in ner_spans
                                if str(lab).upper() not in {"PER", "PERSON"})  # its ORG and LOC spans
        self.person_strong: set[str] = set()
        self.person_weak: set[str] = set()
        self.known_names: set[str] = set()  # full names from NER or unambiguous patterns
        self.pattern_names: set[str] = set()  # the same, from patterns only (what the model's names need)
        self.place_words: set[str] = set()
        self.group_words: set[str] = set()  # seen after "para Ibu", "kelompok Bapak": never a person
        self.ner_items: dict[int, int] = {}  # the model's plausible names: first token (honorifics) -> token after
        self.head_at: dict[int, int] = {}
        for i in range(self.n):
            r, k = lex.match(lex.heads, self.keys, i)
            if r is not None:
                self.head_at[i] = k
        self.heading_lines = self._heading_lines()
        self.place_toks = self._place_tokens()

    @cached_property
    def lower_words(self) -> frozenset[str]:
        """The words the article writes in lower case somewhere (everyday words, not names)."""
        return frozenset(t.cf for t in self.toks if t.kind == "w" and t.text.islower())

    def span_source(self, s: int, e: int) -> str:
        """Where the PER span s..e came from: "ner" (the model) or an entities rule's source."""
        return self._span_sources.get((s, e), "ner")

    def clean_name(self, a: int, b: int) -> str:
        """The person's name that tokens a..b-1 hold, without honorifics and degrees."""
        return clean_person_name(self.span_text(a, b), self.lex.rules)

    # --- evidence ---------------------------------------------------------------
    def is_person_word(self, cf: str) -> bool:
        if cf in self.group_words:
            return False
        return cf in self.person_strong or (cf in self.person_weak and cf not in self.place_words)

    def is_place_word(self, cf: str) -> bool:
        return cf in self.group_words or (cf in self.place_words and cf not in self.person_strong)

    def is_place(self, j: int) -> bool:
        """Token j is a place or organisation word here or elsewhere in the article."""
        return self.is_place_word(self.keys[j]) or (j in self.place_toks and self.keys[j] not in self.person_strong)

    def _place_tokens(self) -> set[int]:
        """Tokens covered by an official place name written with capitals ("Batu Ampar", "Sleman")."""
        phrases = place_phrases()
        out: set[int] = set()
        for i in range(self.n):
            for key in phrases.get(self.keys[i], ()):
                n = len(key)
                if tuple(self.keys[i:i + n]) == key and all(self.is_cap(j) for j in range(i, i + n)) \
                        and all(self.same_phrase(j) for j in range(i + 1, i + n)):
                    out.update(range(i, i + n))
        return out

    def _heading_lines(self) -> list[tuple[int, int]]:
        """Char ranges of lines written in Title Case without a final stop (headlines, captions)."""
        out = []
        pos = 0
        for line in self.text.split("\n"):
            words = re.findall(r"[^\W\d_][\w'’-]*", line)
            # (a sentence ending inside the line makes it a hard-wrapped line of the body, not a headline)
            if len(words) >= HEADING_MIN_WORDS and not line.rstrip().endswith((".", ",", ":", ";", "\"", "”")) \
                    and not re.search(r"[a-z]{4}[.!?]\s+[A-Z]", line):
                caps = sum(w[0].isupper() for w in words)
                if caps >= 0.75 * len(words):
                    out.append((pos, pos + len(line)))
            pos += len(line) + 1
        return out

    def in_heading(self, j: int) -> bool:
        s = self.toks[j].start
        return any(a <= s < b for a, b in self.heading_lines)

    # --- token tests ------------------------------------------------------
    def same_phrase(self, j: int) -> bool:
        """Token j follows token j-1 on the same line with at most two spaces between."""
        g = self.toks[j].gap
        return "\n" not in g and len(g) <= 2

    def adjacent(self, j: int) -> bool:
        return self.toks[j].gap == ""

    def is_initial(self, j: int) -> bool:
        t = self.toks[j]
        return (t.kind == "w" and len(t.text) == 1 and t.text.isupper() and j + 1 < self.n
                and self.toks[j + 1].text == "." and self.adjacent(j + 1))

    def is_acronym(self, j: int) -> bool:
        t = self.toks[j]
        letters = [c for c in t.text if c.isalpha()]
        return t.kind == "w" and len(letters) >= 2 and all(c.isupper() for c in letters)

    def is_cap(self, j: int) -> bool:
        t = self.toks[j]
        return t.kind == "w" and t.text[0].isupper()

    def is_name_word(self, j: int) -> bool:
        """A capitalised word that may be part of a person's name."""
        t = self.toks[j]
        if t.kind != "w" or not t.text[0].isupper() or len(t.text) < 2:
            return False
        lex, cf = self.lex, t.cf
        if cf in lex.stop or cf in lex.title_words or cf in lex.head_single or NOT_NAME_RE.match(cf):
            return False
        if (cf,) in lex.before or (cf,) in lex.after or (cf,) in lex.cue("intro"):
            return False
        if self.is_acronym(j) or any(c.isdigit() for c in t.text):
            return False
        return not lex.words.is_degree_word(t.text)

    def tok_at_or_after(self, pos: int, lo: int = 0) -> int:
        """The first token at or after ``lo`` that starts at or after character ``pos`` (``n`` if none)."""
        return bisect_left(self._starts, pos, lo)

    def model_person_at(self, a: int, b: int) -> tuple[int, int] | None:
        """The model's PER span (any, plausible or not) that ends where tokens a..b-1 end, as token positions (its
        start may lie before or after token a), else None."""
        e = self.toks[b - 1].end
        for ps, pe in self.ner_all:
            if pe == e:
                return self.tok_at_or_after(ps), b
        return None

    def in_org(self, a: int, b: int) -> bool:
        s, e = self.toks[a].start, self.toks[b - 1].end
        return any(os < e and s < oe for os, oe in self.org_spans)

    def span_text(self, a: int, b: int, spaced: bool = False) -> str:
        """The text of tokens a..b-1; ``spaced``: with the spaces a scraper lost put back ("Bupati Banyuwangi")."""
        if spaced and any(self.toks[j].glued for j in range(a + 1, b)):
            return "".join((" " if j > a and self.toks[j].glued else self.toks[j].gap if j > a else "")
                           + self.toks[j].text for j in range(a, b))
        return self.text[self.toks[a].start:self.toks[b - 1].end]

    def starts_clause(self, a: int) -> bool:
        """Token a starts a clause: line start, after punctuation or after a lowercase word."""
        if a == 0 or "\n" in self.toks[a].gap:
            return True
        p = self.toks[a - 1]
        return p.kind == "p" or (p.kind == "w" and p.text.islower())

    def starts_sentence(self, a: int) -> bool:
        """Token a starts a sentence: line start, or after . ! ? : or a quote."""
        if a == 0 or "\n" in self.toks[a].gap:
            return True
        p = self.toks[a - 1].text
        return p in ".!?:" or p in QUOTES

    def followed_by_cap(self, j: int) -> bool:
        """More capitalised words follow: the name parsed so far is only part of something longer."""
        if j < self.n and self.is_acronym(j) and self.keys.count(self.keys[j]) > 1 and not (
                j + 1 < self.n and self.same_phrase(j + 1) and self.is_cap(j + 1)):
            return False  # "Ateng Hartono BPS mengatakan": the organisation's acronym after the name
        return j < self.n and self.same_phrase(j) and self.is_cap(j) and j not in self.head_at
