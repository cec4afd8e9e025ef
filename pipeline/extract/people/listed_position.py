"""POSITION, NAME where the position run holds commas, lists or quotes, or is an organisation's unit.

The position parser (``positions.title_end``) stops at a comma unless what follows is surely more of the position,
so a position that lists its fields or its bodies ("Kepala Bidang Perizinan, Pengawasan, dan Penindakan, Kanwil X,
NAME mengatakan"; "Pendiri A, B, dan C, NAME, menilai") or quotes a programme ("kata Manajer Proyek "Desa
Cerdas", NAME") leaves the speaker without one; and a unit written as an organisation right before a speaker ("Komisi
IV DPR RI Dr. NAME menyampaikan", "Departemen Humas PT X, NAME mengatakan") is where the speaker works.

Read from the name backwards instead: a run of capitalised words, numbers, commas, list words, brackets and quotes on
the name's line that goes back to a position head (rules/titles) starting a clause, or that is one organisation span
ending right before the name and starting a clause. The name must be a speaker's: a speaker's verb follows it (its
brackets and commas passed over), or a speech verb or intro word ("kata", "Menurut") comes before the position. The
run stops at another person's name (a candidate or the model's PER span): "Bupati A, Wakil Bupati B, NAME" is a list
of people, not one position.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .candidate import Cand
from .patterns import anchor_before, speaker_verb_at
from .titled import title_start
from .words import AND_WORDS, NAME_JOINERS, QUOTES

if TYPE_CHECKING:
    from .tokens import Doc

# signs and lowercase words that may stand inside a position run read backwards
_RUN_SIGNS = frozenset({",", "&", "/", "-", "–", "(", ")", "."}) | QUOTES
_RUN_WORDS = AND_WORDS | NAME_JOINERS | {"untuk", "pada", "bagi"}
_MAX_RUN = 30  # tokens


def listed_positions(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Give a position to each name without one that a listed position or a unit comes right before; a model PER
    span no candidate covers gets a candidate when the rules found the same name elsewhere. Returns the new ones."""
    taken = [(c.a, c.b) for c in cands if c.a >= 0]
    for c in cands:
        if c.title is None and not c.title_text and not c.byline and not c.candidate and c.a >= 0:
            c.title = position_before(doc, c.a, c.b, taken)
    names = {doc.clean_name(c.a, c.b).casefold(): c for c in cands
             if c.a >= 0 and not c.byline and not c.candidate and not c.alias_of}
    out = []
    for ps, pe in doc.ner_all:
        a, b = doc.tok_at_or_after(ps), doc.tok_at_or_after(pe)
        if a >= b or any(x < b and a < y for x, y in taken) or not doc.is_cap(a):
            continue  # (a name the model starts with a lowercase word is a typo that would lead the merged name)
        same = names.get(doc.clean_name(a, b).casefold())
        if same is None and not (all(doc.is_name_word(k) for k in range(a, b) if doc.toks[k].kind == "w")
                                 and _speaker_after(doc, b)):
            continue
        title = position_before(doc, a, b, taken)
        if title is not None:
            source = same.source if same is not None else _source(doc, title, b)
            out.append(Cand(a, b, source, 3, title, comma=doc.keys[a - 1] == ","))
            taken.append((a, b))
    return out


def position_before(doc: Doc, a: int, b: int, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The token range of the position written before the name a..b, read backwards (see the module's doc)."""
    while a > 1 and (doc.honorific_at(a - 1) or doc.keys[a - 1] == "." and doc.honorific_at(a - 2)):
        a -= 1 if doc.honorific_at(a - 1) else 2  # "Komisi IV DPR RI Dr. NAME": the name's honorifics
    if a < 2 or not doc.same_phrase(a):
        return None
    comma = doc.keys[a - 1] == ","
    end = a - 1 if comma else a
    if end < 1 or not doc.same_phrase(end) and comma:
        return None
    lo = end
    while lo > 0 and end - lo < _MAX_RUN and _in_run(doc, lo - 1) and doc.same_phrase(lo) \
            and not any(x <= lo - 1 < y for x, y in taken) and not _in_model_person(doc, lo - 1):
        lo -= 1
    if lo >= end:
        return None
    start = _head_start(doc, lo, end) if comma or _quoted(doc, lo, end) else None
    if start is None:
        start = _unit_start(doc, lo, end)
    if start is None or not _speaker(doc, b, start):
        return None
    while end > start and doc.keys[end - 1] in {",", "."} | _RUN_WORDS:
        end -= 1
    return (start, end) if end > start else None


def _source(doc: Doc, title: tuple[int, int], b: int) -> str:
    """The rule a new candidate names: the position head's, else the speaker's verb after the name."""
    h = next((k for k in range(*title) if k in doc.head_at), None)
    if h is not None:
        return doc.lex.heads[tuple(doc.keys[h:h + doc.head_at[h]])].source
    j = b + 1 if b < doc.n and doc.keys[b] == "," else b
    for table in (doc.lex.after, doc.lex.before):
        r, _ = doc.lex.match(table, doc.keys, j)
        if r is not None:
            return r.source
    return "rule:titles.jsonl"


def _in_run(doc: Doc, j: int) -> bool:
    t = doc.toks[j]
    return (t.kind == "n" or (t.kind == "w" and t.text[0].isupper()) or t.text in _RUN_SIGNS
            or t.cf in _RUN_WORDS)


def _in_model_person(doc: Doc, j: int) -> bool:
    s = doc.toks[j].start
    return any(ps <= s < pe for ps, pe in doc.ner_all)


def _quoted(doc: Doc, lo: int, end: int) -> bool:
    return any(doc.toks[k].text in QUOTES for k in range(lo, end))


def _head_start(doc: Doc, lo: int, end: int) -> int | None:
    """The first position head in lo..end that starts a clause (its position words before it included), when the
    run between it and the name holds a comma or a quote (else the position parser read it already)."""
    for h in range(lo, end):
        if h not in doc.head_at:
            continue
        s = title_start(doc, h)
        if s >= lo and (doc.starts_clause(s) or anchor_before(doc, s)) and h + doc.head_at[h] < end:
            return s
    return None


def _unit_start(doc: Doc, lo: int, end: int) -> int | None:
    """An organisation span that ends right before the name (its comma) and starts a clause inside the run."""
    e_char = doc.toks[end - 1].end
    for s_char, oe in doc.org_spans:
        if oe != e_char:
            continue
        s = doc.tok_at_or_after(s_char)
        if lo <= s < end - 1 and (doc.starts_sentence(s) or doc.starts_clause(s) and doc.keys[s - 1] == ","):
            return s
    return None


def _speaker(doc: Doc, b: int, start: int) -> bool:
    """The name ending before token b speaks: a speaker's verb after it (its brackets passed over), or a speech
    verb or intro word before the position at ``start``."""
    return _speaker_after(doc, b) or anchor_before(doc, start)


def _speaker_after(doc: Doc, b: int) -> bool:
    """A speaker's verb right after the name ending before token b (its brackets and a comma passed over), or a
    speech verb written before its name elsewhere ("ungkap") with the clause's lowercase words after it."""
    j = b
    if j < doc.n and doc.toks[j].text == "(":
        close = doc.bracket_close(j)
        j = close + 1 if close is not None else j
    if speaker_verb_at(doc, j):
        return True
    r, k = doc.lex.match(doc.lex.before, doc.keys, j) if j < doc.n else (None, 0)
    return r is not None and j + k < doc.n and doc.toks[j + k].kind == "w" and doc.toks[j + k].text.islower()
