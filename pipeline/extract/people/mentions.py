"""Candidates -> person ``Mention``s: the name, the position as written, its organisation, the press role."""
from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.names import clean_person_name
from pipeline.types import Mention, Region, in_regions

from .candidate import Cand
from .positions import strip_title

if TYPE_CHECKING:
    from .tokens import Doc


def to_mentions(doc: Doc, cands: list[Cand], regions: list[Region]) -> list[Mention]:
    out = []
    for c in cands:
        s, e = c.span if c.span is not None else (doc.toks[c.a].start, doc.toks[c.b - 1].end)
        title, organization = c.title_text, c.organization
        if not title and c.title:
            ts, te = doc.toks[c.title[0]].start, doc.toks[c.title[1] - 1].end
            title = strip_title(doc.span_text(*c.title, spaced=True))
            organization = _org_in(doc, ts, te)
        value = {"name": c.name or clean_person_name(doc.text[s:e], doc.lex.rules), "title": title,
                 "organization": organization, "role": c.role or ("official" if title else "person"),
                 "byline": c.byline}
        if c.alias_of:
            value["alias_of"] = c.alias_of
        if not title and not c.byline:
            rank = _rank_before(doc, c.a)
            if rank:
                value["rank"] = rank  # "Bripka Sutrisno", "Ustaz Fauzan": the position when none is stated
        if c.signs:
            value["signs"] = list(c.signs)
        if doc.lex.kin_before is not None and doc.lex.kin_before.search(doc.text, max(0, s - 80), s):
            value["relative"] = True  # "istri Menkop UKM Puspayoga": a relative, not the person named near it
        region = in_regions(s, e, regions)
        if c.candidate:
            if region is not None:
                continue  # the model's name in excluded text: no candidate at all
            value["candidate"] = True
            out.append(Mention("person", doc.text[s:e], s, e, c.out_source, value, excluded=True,
                               note="the model's name without a sign of a person (the learned person decision "
                                    "may take it)"))
            continue
        out.append(Mention("person", doc.text[s:e], s, e, c.out_source, value,
                           excluded=region is not None, note=f"in {region.kind}" if region else ""))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _org_in(doc: Doc, ts: int, te: int) -> str:
    inside = [(s, e) for s, e in doc.org_spans if ts <= s and e <= te]
    if not inside:
        return ""
    s, e = max(inside, key=lambda x: (x[1] - x[0], -x[0]))
    return doc.text[s:e].strip(" ,.")


def _rank_before(doc: Doc, a: int) -> str:
    """The ranks and callings (honorifics marked position) written right before the name at token a, as written:
    "Alm. Bripka" of "Alm. Bripka Sutrisno"; other honorifics between them are passed over ("Kolonel H. Amir")."""
    words: list[str] = []
    k = a - 1
    while k >= 0 and a - k <= 8:
        if doc.keys[k] == "." and k > 0:
            k -= 1
        if doc.keys[k] in doc.lex.ranks:
            words.append(doc.toks[k].text)
        elif not doc.honorific_at(k) or doc.is_initial(k):
            break
        k -= 1
    return " ".join(reversed(words))
