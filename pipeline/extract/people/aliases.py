"""Other names of the people found: nicknames ("Yadi, panggilan akrab Suryadi"), another name after the name
("Saifullah Yusuf (Gus Ipul)", "... alias Gus Ipul"), and later uses of one word of a found name ("Pak Rudi")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.names import is_cut_from

from .candidate import Cand
from .names import Name
from .words import QUOTES

STRAIGHT_QUOTES = frozenset("\"'`")
OPENING_QUOTES = frozenset("“‘«")

if TYPE_CHECKING:
    from .tokens import Doc


def _full_name(doc: Doc, nm: Name) -> bool:
    """Two or more name words, none seen as a place word ("di kawasan Air Itam"): a name on its own."""
    return nm.b - nm.a >= 2 and not any(doc.keys[j] in doc.place_words for j in range(nm.a, nm.b))


def nicknames(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """"Yadi, panggilan akrab Suryadi" / "Suryadi, akrab disapa Yadi": Yadi is Suryadi."""
    out = []
    for kind in ("nickname_before", "nickname_after"):
        table = doc.lex.cue(kind)
        covered_to = 0  # "atau yang akrab disapa": the shorter cue inside it is the same cue
        for i in range(1, doc.n):
            r, k = doc.lex.match(table, doc.keys, i)
            if r is None or i < covered_to:
                continue
            covered_to = i + k
            left = doc.name_before(i)
            right = doc.parse_name(i + k) if i + k < doc.n else None
            known = left is not None and any(o.a <= left.a and left.b <= o.b for o in cands if not o.byline)
            if right and kind == "nickname_after" and not known and not (left and _full_name(doc, left)):
                # "Maryam, penjual pempek di Air Itam yang akrab disapa Mak Yam", "Moh. Rizal ... . Pria yang
                # akrab disapa Ical itu": the person named last, in this sentence or the one before; further
                # back ("Perempuan yang akrab disapa Ani" after a long quote) when the nickname is cut from
                # that person's name (Ani of Budiani)
                nick = doc.clean_name(right.a, right.b)
                left, known = _last_person_before(doc, cands, i, nick), True
            if left and not right and kind == "nickname_before" and doc.keys[i + k - 1].endswith("nya"):
                # "..., ucap Yayuk sapaan akrabnya.": a possessive cue names no one after it; the nickname is the
                # person's named last before it (a quote's sentences not counted)
                right, left = _last_person_before(doc, cands, left.a, doc.clean_name(left.a, left.b)), left
            if not left or not right:
                continue
            nick, full = (left, right) if kind == "nickname_before" else (right, left)
            c = Cand(nick.a, nick.b, r.source, 2, name=doc.clean_name(nick.a, nick.b))
            c.alias_of = doc.clean_name(full.a, full.b)
            out.append(c)
            if kind == "nickname_after" and not known and not any(o.a <= full.a and full.b <= o.b for o in out[:-1]):
                # "Lie Siu Hong atau yang akrab disapa Ahong": being given a nickname makes the full name a person
                out.append(Cand(full.a, full.b, r.source, 2))
    out += _other_names(doc, cands)
    return out


def _other_names(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Another name of a found person right after the name: "Saifullah Yusuf (Gus Ipul)", "Saifullah Yusuf
    atau Gus Ipul", "... alias Gus Ipul" (person_cues nickname_or). Only after a name already found, and only a
    short name that ends there ("Kelompok Tani Makmur atau Poktan Makmur" is no person to begin with)."""
    table = doc.lex.cue("nickname_or")
    out = []
    for c in cands:
        if c.byline or c.alias_of or c.a < 0:
            continue
        nm = doc.parse_name(c.a)
        j = nm.after if nm is not None and nm.b == c.b else c.b
        if j >= doc.n or not doc.same_phrase(j):
            continue
        if doc.toks[j].text == "(":
            right = doc.parse_name(j + 1) if j + 1 < doc.n else None
            if right is None or right.after >= doc.n or doc.toks[right.after].text != ")":
                continue
            if bracketed_org(doc, j) is not None:
                continue  # "A (Bekraf)": the body the person comes from, not another name
        else:
            r, k = doc.lex.match(table, doc.keys, j)
            if r is None or j + k >= doc.n or not doc.same_phrase(j + k):
                continue
            right = doc.parse_name(j + k)
            if right is None or doc.followed_by_cap(right.after):
                continue
        if right.b - right.a > 2:
            continue
        name = doc.clean_name(right.a, right.b)
        if not name or name.casefold() == c.name.casefold():
            continue
        nick = Cand(right.a, right.b, "regex:other_name", 2, name=name)
        nick.alias_of = c.name
        out.append(nick)
    return out


def bracketed_org(doc: Doc, j: int) -> tuple[int, int] | None:
    """The tokens inside the brackets opened at token j when an organisation span (the org extractor's or the
    model's ORG) fills them exactly ("Ellen Xie (Kolla)"), else None."""
    close = doc.bracket_close(j) if j < doc.n and doc.toks[j].text == "(" else None
    if close is None or close == j + 1:
        return None
    s, e = doc.toks[j + 1].start, doc.toks[close - 1].end
    return (j + 1, close) if (s, e) in doc.org_spans or (s, e, "ORG") in doc.ner_other else None


def _last_person_before(doc: Doc, cands: list[Cand], i: int, nick: str = "") -> Name | None:
    """The last person candidate ending before token i, with at most one sentence end between, or any
    number when ``nick`` is cut from that person's name (Ani of Budiani)."""
    before = [c for c in cands if not c.byline and 0 <= c.a and c.b <= i and not c.alias_of]
    if not before:
        return None
    c = max(before, key=lambda c: c.b)
    ends, quoted = 0, False
    for j in range(c.b, i):
        t = doc.toks[j].text
        if t in QUOTES:
            quoted = not quoted if t in STRAIGHT_QUOTES else t in OPENING_QUOTES
        elif t in {".", "!", "?"} and not quoted:
            ends += 1  # a quote's own sentences are one sentence of the text: "A mengatakan ... . "X. Y," ucap B
    if ends <= 1 or (nick and is_cut_from(nick, c.name or doc.span_text(c.a, c.b))):
        return Name(c.a, c.b, c.b, False, c.a)
    return None


def repeats(doc: Doc, cands: list[Cand]) -> list[Cand]:
    """Later standalone uses of a found person's name word ("Rudi", "Pak Rudi")."""
    owners: dict[str, set[str]] = {}
    for c in cands:
        if len(c.name.split()) < 2 or c.byline:
            continue
        for w in c.name.split():
            if len(w) > 2 and not w.endswith("."):
                owners.setdefault(w.casefold(), set()).add(c.name)
    taken = [(c.a, c.b) for c in cands if c.a >= 0] + [c.title for c in cands if c.title]
    byline_chars = [c.span for c in cands if c.span]
    out = []
    for j in range(doc.n):
        if len(owners.get(doc.keys[j], ())) != 1 or not doc.is_name_word(j):
            continue
        if any(a <= j < b for a, b in taken) or any(s <= doc.toks[j].start < e for s, e in byline_chars):
            continue
        if j > 0 and doc.same_phrase(j) and doc.is_name_word(j - 1):
            continue
        if j + 1 < doc.n and doc.same_phrase(j + 1) and (doc.is_name_word(j + 1) or doc.is_initial(j + 1)):
            continue
        out.append(Cand(j, j + 1, "regex:name_repeat", 1, name=doc.toks[j].text))
    return out
