"""Acronyms the article defines ("Koperasi Perempuan Sejahtera Mandiri (KPSM)", "PT X atau ABC"), their later
uses, and the links from a mention written short to the mention that names the body in full."""
from __future__ import annotations

from ...names import acronym_matches
from .context import Cand, Ctx, entry_at, single_trailing, tokens_of
from .grammar import scan
from .places import place_at
from .tokens import Tok, phrase_tokens


def acronym_registry(ctx: Ctx, chosen: list[Cand]) -> dict[str, Cand]:
    """Acronyms the article defines: "Full Name (ACR)", "Full Name (ACR Rest)", "Full Name atau ACR"."""
    registry: dict[str, Cand] = {}
    toks = ctx.toks
    for c in chosen:
        for b0, b1 in c.brackets:
            _bracket_acronym(ctx, c, b0, b1, registry)
        # "PT X atau ABC"
        if c.j + 1 < len(toks) and toks[c.j].low == "atau" and toks[c.j + 1].is_upper:
            a = toks[c.j + 1].text
            words = [t.text for t in toks[c.i:c.j] if t.is_word]
            if acronym_matches(a, words) or acronym_matches(a, words[1:]):
                registry.setdefault(a, c)
    return registry


def _bracket_acronym(ctx: Ctx, c: Cand, b0: int, b1: int, registry: dict[str, Cand]) -> None:
    """The bracket at tokens b0..b1 of candidate ``c`` abbreviates the words before it, or gives the body's other
    name with a head word ("(Dewisnu Foundation)"): it goes in the registry, pointing at ``c``."""
    toks = ctx.toks
    inner = [t for t in toks[b0 + 1:b1 - 1]]
    while inner and (inner[0].low in ctx.lex.legal_words or inner[0].text == ".") and c.legal:
        inner = inner[1:]  # "PT Mitra Karya Sejahtera (PT MKS)": the acronym keeps the legal form of the name
    if not inner:
        return
    text = ctx.text[inner[0].start:inner[-1].end]
    if any(t.low in ctx.lex.legal_words for t in inner):
        return
    whole = ctx.lex.unit.match(toks, b0 + 1) or ctx.lex.prefix.match(toks, b0 + 1)
    if whole is not None and whole[0] == b1 - 1:
        return  # "Kantor Wilayah (Kanwil)", "(KSU)": the bracket abbreviates a form word
    before = [t.text for t in toks[c.i:b0] if t.is_word]
    if not before:
        return
    if _spells(text, inner, before):
        if place_at(ctx, b0 - 1) is not None and acronym_matches(text, before[-3:]) \
                and not acronym_matches(text, before[:-3] or before):
            return  # "(PPU)" after a region name abbreviates the region
        if c.entry is not None and not c.entry.generic and any(a == text for a in [c.entry.name, *c.entry.aliases]):
            return  # the known organisation's own acronym: found by the alias table
        registry.setdefault(text, c)
        if len(inner) > 1 and inner[0].is_upper:
            registry.setdefault(inner[0].text, c)
        c.acronym = c.acronym or text
    elif _other_name(ctx, c, b0, b1):
        registry.setdefault(text, c)  # "(Dewisnu Foundation)", an alternative name
        c.acronym = c.acronym or text


def _other_name(ctx: Ctx, c: Cand, b0: int, b1: int) -> bool:
    """The bracket holds one to three capitalised words with a head word, no region and (after a known
    organisation) no other known one."""
    toks = ctx.toks
    inner = toks[b0 + 1:b1 - 1]
    return bool(len(inner) <= 3 and all(t.is_cap for t in inner if t.is_word) and not place_at(ctx, b0 + 1)
                and not (c.entry is not None and entry_at(ctx, b0 + 1))
                and any(ctx.lex.head.match(toks, k) for k in range(b0 + 1, b1 - 1)))


def _spells(text: str, inner: list[Tok], before: list[str]) -> bool:
    """The bracket's text abbreviates the words before it (or without the first, a form word); or its first word
    does, the rest repeating the name's last words ("(ACR Rest)")."""
    first = inner[0].text
    tail = [t.text.casefold() for t in inner[1:] if t.is_word]
    head_words = before[:-len(tail)] if tail and [w.casefold() for w in before[-len(tail):]] == tail else before
    return acronym_matches(text, before) or acronym_matches(text, before[1:]) or (
        len(inner) > 1 and acronym_matches(first, head_words))


def acronym_cands(ctx: Ctx, chosen: list[Cand], registry: dict[str, Cand]) -> list[Cand]:
    """Later uses of acronyms the article defined, and acronyms that spell a name found elsewhere
    ("KPSM" ... "Koperasi Perempuan Sejahtera Mandiri")."""
    out = []
    toks = ctx.toks
    taken = tokens_of(chosen)
    for i, t in enumerate(toks):
        if i in taken or ctx.excluded[i] or not t.is_word or not t.is_cap:
            continue
        target = None
        end = i + 1
        for acr, defining in registry.items():
            at = phrase_tokens(acr)
            if tuple(x.text for x in toks[i:i + len(at)]) == at:
                target, end = defining, i + len(at)
                break
        if target is None and t.is_upper and len(t.text) >= 3 and t.low not in ctx.lex.stop_extend \
                and ctx.lex.key(t.text) not in ctx.lex.stop_name and place_at(ctx, i) is None \
                and single_trailing(ctx, i):
            for c in chosen:
                if c.origin in {"form", "head"} and c.entry is None:
                    words = [w.text for w in toks[c.i:(c.place_start or c.j)] if w.is_word and w.kind == "word"]
                    if len(words) >= 2 and acronym_matches(t.text, words):
                        target = c
                        break
        if target is None:
            continue
        c = Cand(i, end, "acronym", target.kind, "regex:org-acronym", link=target)
        c.form = target.form
        scan(ctx, c, end, "closed")
        out.append(c)
    return out


def _spelled_by(ctx: Ctx, acr: str, chosen: list[Cand], me: Cand) -> Cand | None:
    """The one form or head candidate whose words ``acr`` abbreviates (before its region), if any."""
    toks = ctx.toks
    found = []
    for c in chosen:
        if c is me or c.origin not in {"form", "head"} or c.entry is not None:
            continue
        words = [w.text for w in toks[c.i:(c.place_start or c.j)] if w.is_word and w.kind == "word"]
        if len(words) >= 2 and acronym_matches(acr, words):
            found.append(c)
    return found[0] if len({id(c) for c in found}) == 1 else None


def link_names(ctx: Ctx, chosen: list[Cand], registry: dict[str, Cand]) -> None:
    """Mentions written as an acronym point at the mention that defined it."""
    alive = {id(c) for c in chosen}
    for c in chosen:
        if c.link is not None and id(c.link) not in alive:
            c.link = None
        if c.link is not None:
            continue
        end = c.place_start if c.place_start is not None and c.place_start > c.i else c.j
        head = ctx.text[ctx.toks[c.i].start:ctx.toks[end - 1].end]
        target = registry.get(head)
        if target is not None and target is not c and id(target) in alive:
            c.link = target
        elif end == c.i + 1 and c.origin in {"title", "list", "ner"} and ctx.toks[c.i].is_upper:
            # "Kepala DPMK Mimika": an acronym spelling a name the article writes out in full
            c.link = _spelled_by(ctx, ctx.toks[c.i].text, chosen, c)
    # "PT Bank Pembangunan Daerah Sulawesi Tengah atau Bank Sulteng": a shorter name of the same body
    by_end = {c.j: c for c in chosen}
    for c in chosen:
        prev = by_end.get(c.i - 1)
        if c.link is None and prev is not None and ctx.toks[c.i - 1].low == "atau" \
                and _short_name_of([t.text for t in ctx.toks[c.i:c.j] if t.is_word],
                                   [t.text for t in ctx.toks[prev.i:prev.j] if t.is_word]):
            c.link = prev


def _short_name_of(short: list[str], long_: list[str]) -> bool:
    """Every word of ``short`` is a word of ``long_`` or abbreviates a run of them ("Bank Sulteng" of "Bank
    Pembangunan Daerah Sulawesi Tengah"), and it is shorter: "Dinas Perindustrian" is no name of "Dinas
    Koperasi" ("ke Dinas Koperasi atau Dinas Perindustrian" names two)."""
    if not short or len(short) >= len(long_):
        return False
    low = [w.casefold() for w in long_]
    for w in short:
        if w.casefold() in low:
            continue
        if not any(acronym_matches(w, long_[k:k + n]) for n in range(1, 5) for k in range(len(long_) - n + 1)):
            return False
    return True
