"""Regions at a token: a place word and its name ("Kabupaten Kutai Kartanegara"), a region the gazetteer, the
rules or the article know ("Lombok Barat", "NTT", an article-defined "Kukar"). A region ends or closes a name."""
from __future__ import annotations

from ..gazetteer import squash
from .context import Ctx, stop_token

ALL_LEVELS = ("provinsi", "kabupaten", "kota", "kecamatan", "kelurahan", "desa")


def place_at(ctx: Ctx, j: int, levels=("provinsi", "kabupaten", "kota")) -> int | None:
    """End of a region name starting at token j: a place word and its name ("Kabupaten Kutai Kartanegara"),
    or a known region ("Lombok Barat", "NTT", an article-defined "Kukar")."""
    toks = ctx.toks
    cue = ctx.lex.place_cue.match(toks, j, skip_dots=True)
    if cue is not None:
        k = cue[0]
        if k < len(toks) and toks[k].text == ".":
            k += 1
        if k < len(toks) and not toks[k].nl and toks[k].is_cap and not stop_token(ctx, k):
            end = region_name(ctx, k, ALL_LEVELS, after_cue=True)
            if end is None and cue[1].kind == "government" and not cue[1].rule.get("weak"):
                end = k + 1  # "Kabupaten X": X is a region even when unknown; "Desa Wisata" is not
            return end
        return None
    return region_name(ctx, j, levels)


def region_name(ctx: Ctx, j: int, levels, after_cue: bool = False) -> int | None:
    toks = ctx.toks
    if j >= len(toks) or not toks[j].is_cap:
        return None

    # a LOC span from NER that starts here (never one that began earlier) and names a known region
    if j in ctx.loc_starts and known_region(ctx, j, ctx.loc_starts[j]):
        return ctx.loc_starts[j]
    gaz = ctx.lex.gazetteer
    for n in range(min(4, len(toks) - j), 0, -1):
        span = toks[j:j + n]
        if any(t.nl for t in span[1:]) or not all(t.is_cap for t in span):
            continue
        words = tuple(t.low for t in span)
        if n == 1 and not after_cue and words[0] in ctx.lex.place_stop:
            continue  # "Mitra", "Karya": words before they are regions
        if words in ctx.places or ctx.lex.place_words.get(words) in levels or (
                "provinsi" in levels and words in ctx.lex.place_words):
            return j + n
        if gaz is not None:
            codes = gaz.lookup(squash(" ".join(t.text for t in span)))
            if any(gaz.level(c) in levels for c in codes):
                return j + n
    return None


def known_region(ctx: Ctx, j: int, end: int) -> bool:
    """The words j..end name a region the gazetteer or the article knows (the model also marks names
    running on into a person, "DIY Rudi Hartono", as LOC)."""
    words = tuple(t.low for t in ctx.toks[j:end])
    if words in ctx.places or words in ctx.lex.place_words:
        return True
    gaz = ctx.lex.gazetteer
    return gaz is not None and bool(gaz.lookup(squash(" ".join(t.text for t in ctx.toks[j:end]))))
