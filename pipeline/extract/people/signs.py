"""What the article says of a candidate's name: the signs of a person (or of something else) around it.

The rules already act on most of these (``gate``, ``titled``); the signs are written into each person mention
(``value["signs"]``) so that the learned person decision (decide/) reads the same evidence, and so that an
analyst's rule (an honorific, a speech verb, a position, a stop word) still moves that decision.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .candidate import Cand
from .gate import ner_name, person_evidence
from .names import Name
from .official_places import village_words
from .patterns import anchor_before, speaker_verb_at
from .words import NOT_NAME_RE

if TYPE_CHECKING:
    from .tokens import Doc

PREPOSITIONS = frozenset({"di", "ke", "dari", "pada", "kepada"})
COPULAS = frozenset({"adalah", "ialah", "yakni", "yaitu", "bernama", "namanya"})


def signs(doc: Doc, c: Cand) -> tuple[str, ...]:
    """The signs around candidate c (a name span of tokens), sorted."""
    if c.span is not None or c.a < 0 or c.b <= c.a:
        return ()
    h0 = _honorifics_start(doc, c.a)
    after = doc._after_degrees(c.b)
    words = [j for j in range(c.a, c.b) if doc.toks[j].kind == "w" and len(doc.toks[j].text) > 1]
    out: set[str] = set()
    if h0 < c.a:
        out.add("honorific")
    if after > c.b:
        out.add("degrees")
    out.update(_model_signs(doc, c.a, c.b))
    out.update(_evidence_signs(doc, c, words, h0, after))
    out.update(_context_signs(doc, c, h0, after))
    out.update(_word_signs(doc, words))
    return tuple(sorted(out))


def _honorifics_start(doc: Doc, a: int) -> int:
    """The first token of the honorifics written right before token a ("Bapak Dr. H." + name), else a."""
    h0 = a
    for k in range(a - 1, max(-1, a - 8), -1):
        if doc.skip_honorifics(k) == (a, True):
            h0 = k
    return h0


def _model_signs(doc: Doc, a: int, b: int) -> set[str]:
    """What the NER model said of the span: the same PER span, an overlapping one, ORG or LOC over it."""
    s, e = doc.toks[a].start, doc.toks[b - 1].end
    out = set()
    per = [(ps, pe) for ps, pe in doc.ner_all if ps < e and s < pe]
    if any(ps <= s and e <= pe for ps, pe in per):
        out.add("model_per" if any((ps, pe) == (s, e) for ps, pe in per) else "model_per_wider")
    elif per:
        out.add("model_per_part")
    for os, oe, label in doc.ner_other:
        if os < e and s < oe:
            out.add(f"model_{label.lower()}")
    if ner_name(doc, s, e) is not None:
        out.add("model_plausible")
    return out


def _evidence_signs(doc: Doc, c: Cand, words: list[int], h0: int, after: int) -> set[str]:
    """What the rest of the article says of the name's words."""
    out = set()
    name = doc.clean_name(c.a, c.b).casefold()
    if name in doc.known_names:
        out.add("known_name")
    if any(doc.is_person_word(doc.keys[j]) for j in words):
        out.add("person_word")
    if any(doc.is_place(j) for j in words):
        out.add("place_word")
    if any(doc.keys[j] in doc.group_words for j in words):
        out.add("group_word")
    if person_evidence(doc, Name(c.a, c.b, after, h0 < c.a, h0)):
        out.add("person_evidence")
    if doc.in_org(c.a, c.b):
        out.add("in_org")
    if name and doc.text.casefold().count(name) > 1:
        out.add("repeated")
    return out


def _context_signs(doc: Doc, c: Cand, h0: int, after: int) -> set[str]:
    """What stands right around the name."""
    out = set()
    if doc.in_heading(c.a):
        out.add("heading")
    if doc.starts_sentence(h0):
        out.add("sentence_start")
    if h0 > 0 and anchor_before(doc, h0):
        out.add("verb_before")
    if speaker_verb_at(doc, after):
        out.add("verb_after")
    prev = doc.keys[h0 - 1] if h0 > 0 else ""
    if prev in PREPOSITIONS:
        out.add("preposition_before")
    if prev == "(" and after < doc.n and doc.toks[after].text == ")":
        out.add("in_brackets")
    if after < doc.n and doc.toks[after].text == "(":
        out.add("bracket_after")
    if prev == "," and after < doc.n and doc.keys[after] == ",":
        out.add("commas")
    if h0 > 0 and doc.same_phrase(h0) and doc.is_cap(h0 - 1) and not doc.starts_sentence(h0):
        out.add("cap_before")
    if doc.followed_by_cap(after):
        out.add("cap_after")
    if c.title:
        out.add("position_after" if c.title[0] >= c.b else "position_before")
    if prev in COPULAS:
        out.add("copula_before")
    if _head_in_sentence_before(doc, h0):
        out.add("head_in_sentence")
    return out


def _head_in_sentence_before(doc: Doc, h0: int) -> bool:
    """A position head earlier in the same sentence ("Salah satu penerima bantuan adalah Warsini")."""
    for j in range(h0 - 1, max(-1, h0 - 25), -1):
        if doc.toks[j].text in ".!?" or "\n" in doc.toks[j + 1].gap:
            return False
        if j in doc.head_at:
            return True
    return False


def _word_signs(doc: Doc, words: list[int]) -> set[str]:
    """The name's own words: everyday words written in lower case elsewhere in the article, derived nouns,
    capitals, villages' names."""
    out = set()
    if any(doc.keys[j] in doc.lower_words for j in words):
        out.add("lower_elsewhere")
    if any(NOT_NAME_RE.match(doc.keys[j]) for j in words):
        out.add("derived_word")
    if any(doc.toks[j].text.isupper() for j in words):
        out.add("capitals")
    if any(doc.keys[j] in village_words() for j in words):
        out.add("village_word")
    out.add("one_word" if len(words) == 1 else "two_words" if len(words) == 2 else "three_words")
    return out
