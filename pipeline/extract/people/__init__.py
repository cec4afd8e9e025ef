"""Find the people of one article, their positions, and the press (bylines, credits).

Why patterns: the NER model is optional and still being trained, and Indonesian
news names its people in a few fixed shapes, which also give the position:

    speech verb + NAME [, POSITION]        "ujar Rudi Hartono, Area Manager CSR PT Energi Raya."
    speech verb + POSITION [,] NAME        "kata Kepala Balai Mulya, Budi Santoso, di Sukamaju"
    POSITION [,] NAME                      "Wali Kota Sukamaju Andi Pratama mengatakan"
    NAME selaku|yang juga POSITION         "Darto, selaku koordinator kelompok tani"
    NAME [(45)], POSITION | NAME POSITION  "Nita Sari, pemilik usaha Batik Ayu"
    ORG pimpinan NAME                      position "pimpinan ORG"
    Menurut NAME | NAME mengatakan | Bapak/Ibu NAME
    NICK, panggilan akrab NAME             NICK is another name of NAME
    bylines and credits                    rules/byline_patterns.jsonl

Every word list lives in rules/ (titles, speech_verbs, honorifics, person_cues,
person_stopwords, byline_patterns), but for a few fixed sets in ``words``. A position written before the name often
runs into it with nothing between ("Bupati Sukamaju Andi Pratama"); where the name
starts is decided by evidence from the whole article (see ``tokens.Doc``):
organisation spans, NER PER spans, words seen alone in a speaker's place
("ujar Andi"), and words seen after a place or organisation word ("Kabupaten
Sukamaju") or inside someone's position.

NER PER spans (``gate.ner_name``) are used only where the article makes them plausible: two or more name
words, not inside an organisation, not a place, not the end or start of a longer capitalised name, not
alone in brackets; where a pattern found a name, the pattern's boundaries win. On this text the model
tags common words, programme names and places as PER (measured on the dev set and on held-out articles).

The modules, in the order of ``PeopleExtractor.extract``:
    lexicon, words        the rule files compiled; the few fixed word sets
    tokens (+ names,      ``Doc``: one article's tokens and token tests, the name and position parsers
      positions)            (``NameParser``, ``PositionParser``), official places (``official_places``)
    evidence              what the whole article says about words: people's, places', organisations'
    patterns, titled      candidates from cue words and from position heads (``Cand``, candidate.py)
    model_names           candidates from the NER model's PER spans
    gate                  which candidates are people: one per name span
    aliases               nicknames, other names, later uses of a found name
    press                 bylines and credits
    model_names           the model's PER spans the rules turned down, as candidates (``spare_candidates``)
    signs                 what the article says of each candidate's name, for the learned person decision
    mentions              candidates -> ``Mention``s
"""
from __future__ import annotations

from typing import Sequence

from pipeline.rules import RuleSet
from pipeline.types import Mention, Region

from . import evidence
from .aliases import bracketed_org, nicknames, repeats
from .candidate import Cand
from .gate import resolve
from .lexicon import Lexicon
from .listed_position import listed_positions
from .mentions import to_mentions
from .model_names import ner_candidates, spare_candidates
from .patterns import (affiliation_after, aged, anchored, apposition, honorific, listed_after, one_of_them,
                       opening_apposition)
from .press import bylines
from .signs import signs
from .titled import titled
from .tokens import Doc

__all__ = ["PeopleExtractor"]


class PeopleExtractor:
    """Person mentions (kind="person") with name, position and press role.

    value = {"name", "title", "organization", "role", "byline"} (+ "alias_of" for a
    nickname). ``title`` is the position as written, with its organisation;
    ``organization`` is the organisation inside it when an org span (or the
    "ORG pimpinan NAME" shape) marks it. ``role``: official (has a position),
    person, or reporter/editor/photographer for the press. ``signs``: what the
    article says of the name (``signs.py``). A model PER span the rules turned
    down comes as an excluded mention with ``candidate`` set: the learned person
    decision (decide/) may take it.
    """

    def __init__(self, rules: RuleSet):
        self.rules = rules
        self.lex = Lexicon(rules)

    def extract(self, text: str, regions: list[Region], ner_spans: Sequence[tuple[int, int, str]] = (),
                org_spans: Sequence[tuple[int, int]] = ()) -> list[Mention]:
        doc = Doc(text, self.lex, org_spans, ner_spans)
        evidence.collect(doc)
        evidence.first_look(doc)
        cands = resolve(doc, _pattern_candidates(doc))
        # the patterns' names win: the model only adds names where no pattern found one
        ner = [n for n in ner_candidates(doc) if not any(c.a < n.b and n.a < c.b for c in cands)]
        cands = resolve(doc, cands + ner)
        cands += listed_positions(doc, cands)
        cands += nicknames(doc, cands)
        press = bylines(doc)
        cands += repeats(doc, cands + press)
        cands += spare_candidates(doc, cands + press)
        _affiliations(doc, cands)
        for c in cands:
            c.signs = signs(doc, c)
        return to_mentions(doc, cands + press, regions)


def _affiliations(doc: Doc, cands: list[Cand]) -> None:
    """A name without a position followed by "dari ORG" or by an organisation alone in brackets takes ORG as its
    position ("A, M.Si dari Fakultas Pertanian Unsri", "A (Bekraf), B (Kolla)"), and so does the name listed right before it ("A dan B dari Fakultas Pertanian": both come from it)."""
    found: dict[int, tuple[int, int]] = {}
    bare = [c for c in cands if c.title is None and not c.title_text and not c.byline and c.a >= 0]
    for c in bare:
        c.title = affiliation_after(doc, c.b) or bracketed_org(doc, doc._after_degrees(c.b))
        if c.title is not None:
            found[c.a] = c.title
    for c in bare:
        if c.title is None:
            nxt = listed_after(doc, c.b)
            if nxt is not None and nxt.a in found:
                c.title = found[nxt.a]


def _pattern_candidates(doc: Doc) -> list[Cand]:
    """Every pattern's candidates; a position the cue patterns gave is no position for ``titled``."""
    cands = anchored(doc) + apposition(doc) + aged(doc) + opening_apposition(doc) + one_of_them(doc)
    cands += titled(doc, cands)
    return cands + honorific(doc)
