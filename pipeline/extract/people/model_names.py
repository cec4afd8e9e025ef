"""Candidates from the NER model's PER spans (those ``gate.ner_name`` accepts), with a position found around them;
and the spans the rules turned down, as candidates for the learned person decision (``spare_candidates``)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .candidate import Cand
from .gate import honorifics_before, person_evidence, span_name
from .names import Name
from .official_places import village_words
from .patterns import title_after_name
from .words import MAX_TITLE_TOKENS

if TYPE_CHECKING:
    from .tokens import Doc


def ner_candidates(doc: Doc) -> list[Cand]:
    """PER spans from the NER model (those ``gate.ner_name`` accepts), with a position found around them."""
    out = []
    for s, e in doc.ner_people:
        a = doc.tok_at_or_after(s)
        b = doc.tok_at_or_after(e, a)
        nm = doc.parse_name(a)
        if nm is None:
            continue
        if nm.b > b:
            nm = Name(nm.a, b, b, nm.honorific, nm.h0)
        nm, title, comma = _with_position(doc, nm)
        if title is None and not person_evidence(doc, nm):
            continue
        out.append(Cand(nm.a, nm.b, "ner", 2 + bool(title), title, comma, span_source=doc.span_source(s, e)))
    return out


def spare_candidates(doc: Doc, found: list[Cand]) -> list[Cand]:
    """The model's PER spans the rules turned down (not plausible, or no sign of a person) that touch no name or
    position found: candidates (``Cand.candidate``) that the learned person decision (decide/) may still take.
    A span holding a word that is no name word ("Penyaluran", "Dinas ...") gives none."""
    taken = [(c.a, c.b) for c in found if c.a >= 0] + [c.title for c in found if c.title]
    chars = [c.span for c in found if c.span]
    out: list[Cand] = []
    for s, e in doc.ner_all:
        nm = span_name(doc, s, e)
        if nm is None or any(a < nm.b and nm.h0 < b for a, b in taken) or any(cs < e and s < ce for cs, ce in chars):
            continue
        nm, title, comma = _with_position(doc, nm)
        c = Cand(nm.a, nm.b, "ner", 0, title, comma, candidate=True, span_source=doc.span_source(s, e))
        out.append(c)
        taken.append((nm.h0, nm.after))
    return out


def _with_position(doc: Doc, nm: Name) -> tuple[Name, tuple[int, int] | None, bool]:
    """The name and a position found around it: after it, or before it (not a caption's label in capitals; a
    village's name after Camat/Lurah goes to the position)."""
    title, comma = title_after_name(doc, nm.after)
    if title is None:
        title, comma = _title_before(doc, nm.h0)
        if title is not None and doc.toks[title[0]].text.isupper() and len(doc.toks[title[0]].text) > 3:
            title, comma = None, False  # "PETANI ORGANIK - Name": a caption's label, not a position
        elif title is not None and not comma and _place_first(doc, nm, title):
            nm, title = Name(nm.a + 1, nm.b, nm.after, False, nm.a + 1), (title[0], nm.a + 1)
    return nm, title, comma


def _place_first(doc: Doc, nm: Name, title: tuple[int, int]) -> bool:
    """"Lurah Sukamaju Darsono": the model's name right after a head that takes a place (and is all the position)
    starts with a village's name: that word is the place."""
    h = title[0]
    head = doc.lex.heads.get(tuple(doc.keys[h:h + doc.head_at.get(h, 0)]))
    return (head is not None and head.get("place_after") and title[1] == nm.a == h + doc.head_at[h]
            and nm.b - nm.a >= 2 and doc.is_name_word(nm.a + 1) and doc.keys[nm.a] in village_words())


def _title_before(doc: Doc, a: int) -> tuple[tuple[int, int] | None, bool]:
    """A position run that ends right before token a (a comma between allowed; the name's honorifics passed over:
    "widyaiswara Balai X, Dr. A")."""
    a = honorifics_before(doc, a)
    comma = a > 0 and doc.keys[a - 1] == ","
    end = a - 1 if comma else a
    for h in range(end - 1, max(-1, end - MAX_TITLE_TOKENS), -1):
        if h in doc.head_at:
            if doc.title_end(h + doc.head_at[h], first=False) >= end and not (comma and doc.ranked_name_ends(h, end)):
                return (h, end), comma
            return None, False
    return None, False
