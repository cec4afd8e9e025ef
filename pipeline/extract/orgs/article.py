"""What the article says before any name is read: themes and slogans (never a body), the model's PER and LOC
spans, the region abbreviations it defines, and the known organisations it names by an alias only they use."""
from __future__ import annotations

from typing import Sequence

from ...names import CONNECTORS, acronym_matches
from ...types import Region
from .context import Ctx, excluded_tokens
from .lexicon import OrgLexicon
from .places import place_at
from .tokens import QUOTES, title_lines, tokenize


def read_article(lex: OrgLexicon, text: str, regions: Sequence[Region], ner_spans) -> Ctx:
    """The article tokenised, its excluded regions, headlines, themes and the model's spans marked."""
    toks = tokenize(text)
    ctx = Ctx(lex, text, toks, title_lines(toks), excluded_tokens(toks, regions), set(), {}, set())
    _themes(ctx)
    _ner_tokens(ctx, ner_spans)
    _article_places(ctx)
    _owners(ctx)
    return ctx


def _owners(ctx: Ctx) -> None:
    """Known organisations named by an alias only they use: a shared alias elsewhere goes to them."""
    for i in range(len(ctx.toks)):
        m = ctx.lex.aliases.match(ctx.toks, i, skip_dots=True)
        if m is not None and len(m[1]) == 1:
            ctx.owners.add(m[1][0].id)


def _themes(ctx: Ctx) -> None:
    """Titles, themes and slogans ('seminar bertema "Koperasi Maju, Anggota Sejahtera"', 'bertajuk Koperasi
    Tani Menuju Digital') name no organisation: their words are passed over like excluded text, so none
    becomes a body or another body's alias."""
    toks = ctx.toks
    for i in range(len(toks)):
        m = ctx.lex.theme_cue.match(toks, i)
        if m is None:
            continue
        k = m[0]
        while k < len(toks) and toks[k].text in {":", ","} and not toks[k].nl:
            k += 1
        if k >= len(toks) or toks[k].nl and k > m[0]:
            continue
        if toks[k].text in QUOTES:
            end = k + 1
            while end < len(toks) and not toks[end].nl and toks[end].text not in QUOTES and end - k < 40:
                end += 1
            if end >= len(toks) or toks[end].text not in QUOTES:
                continue
            end += 1
        else:
            end = k
            while end < len(toks) and end - k < 15 and not (end > k and toks[end].nl):
                t = toks[end]
                if t.is_cap or t.is_num or t.text in {"-", "&", ":"}:
                    end += 1
                elif t.low in CONNECTORS and end + 1 < len(toks) and toks[end + 1].is_cap and not toks[end + 1].nl:
                    end += 1
                else:
                    break
        ctx.theme.update(range(k, end))


def _ner_tokens(ctx: Ctx, ner_spans) -> None:
    for s, e, label, *_ in ner_spans:
        idx = ctx.tokens_within(s, e)
        if not idx:
            continue
        if label == "LOC":
            ctx.loc_starts[idx[0]] = idx[-1] + 1
        elif label == "ORG":
            ctx.ner_orgs.append((idx[0], idx[-1] + 1))
        elif label == "PER" and _person_like(ctx, idx):
            ctx.per_starts.add(idx[0])
            ctx.per_ends[idx[-1] + 1] = idx[0]


def _person_like(ctx: Ctx, idx: range) -> bool:
    """A PER span from NER that may end an organisation's name: two or more capitalised words, none a word
    that is never part of a person's name (rules/person_stopwords: "Mandiri", "Tani") and none a region. The
    model also tags single place words ("Banyumas") and the ends of group names ("Sekar Mandiri") as PER."""
    words = [ctx.toks[k] for k in idx if ctx.toks[k].is_word]
    if len(words) < 2 or any(not t.is_cap or t.low in ctx.lex.person_stop for t in words):
        return False
    return not any(place_at(ctx, k) is not None for k in idx if ctx.toks[k].is_word)


def _article_places(ctx: Ctx) -> None:
    """Region abbreviations the article defines: "Kabupaten Kutai Kartanegara (Kukar)" -> Kukar."""
    toks = ctx.toks
    for j, t in enumerate(toks):
        if t.text != "(" or j < 1 or j + 2 >= len(toks) or toks[j + 2].text != ")" or not toks[j + 1].is_cap:
            continue
        for n in range(1, 5):
            k = j - n
            if k < 0:
                break
            end = place_at(ctx, k)
            if end == j:
                words = [toks[q].text for q in range(k, j)
                         if toks[q].is_word and ctx.lex.place_cue.match(toks, q) is None]
                if acronym_matches(toks[j + 1].text, words):
                    ctx.places.add((toks[j + 1].low,))
                break
