"""ORG spans of the NER model: they fill the gaps the rules left where the article backs them (written twice,
after a role cue, in a list of organisations the rules found), and lengthen a rule name by a few words."""
from __future__ import annotations

import re

from ...names import CONNECTORS
from ...types import span_source
from .context import Cand, Ctx, entry_at, stop_token
from .places import ALL_LEVELS, place_at
from .roles import cue_before
from .tokens import SENTENCE_END, sentence_start


def with_ner(ctx: Ctx, chosen: list[Cand], ner_spans) -> list[Cand]:
    """NER ORG spans fill the gaps the rules left, and lengthen a rule name they start with by a few words
    ("Koperasi Sinar" + "Abadi Jaya"); where they disagree otherwise, the rules win."""
    out = list(chosen)
    cands = _ner_cands(ctx, ner_spans)
    listed = _model_lists(ctx, cands)
    for n in cands:
        over = [c for c in out if c.i < n.j and n.i < c.j]
        if not over:
            if _only_forms(ctx, n.i, n.j):
                continue
            if _ner_plausible(ctx, n.i, n.j) or (_ner_shape_ok(ctx, n.i, n.j)
                                                      and _listed_with(ctx, n.i, n.j, chosen)) \
                    or ((n.i, n.j) in listed and _list_item_ok(ctx, n.i, n.j)):
                out.append(n)
        elif len(over) == 1 and over[0].i == n.i and over[0].j < n.j <= over[0].j + 3 and over[0].entry is None \
                and over[0].origin in {"form", "head", "titleform"} \
                and not any(t.nl or t.text in SENTENCE_END for t in ctx.toks[over[0].j:n.j]) \
                and any(t.is_lower for t in ctx.toks[over[0].j:n.j]):
            over[0].j = n.j  # lower-case words the grammar stops at; capitalised ones it left out on purpose
    return sorted(out, key=lambda c: c.i)


def spare_ner(ctx: Ctx, ner_spans, chosen: list[Cand]) -> list[Cand]:
    """The model's ORG spans the rules left out (no overlap with a chosen name, no headline, at least one
    capitalised word): candidates the learned org decision may still take."""
    out = []
    for n in _ner_cands(ctx, ner_spans):
        if any(c.i < n.j and n.i < c.j for c in chosen) or any(o.i < n.j and n.i < o.j for o in out):
            continue
        if ctx.toks[n.i].line in ctx.title_lines or not any(t.is_cap for t in ctx.toks[n.i:n.j]):
            continue
        out.append(n)
    return out


def _ner_cands(ctx: Ctx, ner_spans) -> list[Cand]:
    out = []
    toks = ctx.toks
    for span in ner_spans:
        s, e, label = span[:3]
        if label != "ORG":
            continue
        idx = ctx.tokens_within(s, e)
        if not idx or any(ctx.excluded[k] for k in idx):
            continue
        c = Cand(idx[0], idx[-1] + 1, "ner", "other", span_source(span))  # the model's or an entities rule's
        m = ctx.lex.prefix.match(toks, idx[0], skip_dots=True)
        if m is not None:
            c.form, c.kind, c.legal = m[1], m[1].kind, m[1].legal
        e2 = entry_at(ctx, idx[0])
        if e2 is not None:
            c.entry, c.entry_span, c.kind = e2[1], (idx[0], e2[0]), e2[1].kind
        out.append(c)
    return out


def _model_lists(ctx: Ctx, cands: list[Cand]) -> set[tuple[int, int]]:
    """The model's names in a list of three or more of its names ("A, B, dan C", "A, B, C serta D"): a list of
    bodies (troupes, start-ups, student unions) the model read as a whole, which no rule may know one of."""
    toks = ctx.toks
    spans = sorted({(c.i, c.j) for c in cands})
    out: set[tuple[int, int]] = set()
    run = spans[:1]
    for sp in spans[1:]:
        gap = toks[run[-1][1]:sp[0]]
        words = [t.low for t in gap]
        if not any(t.nl for t in gap) and not toks[sp[0]].nl \
                and words in (["dan"], ["serta"], [","], [",", "dan"], [",", "serta"]):
            run.append(sp)
            continue
        if len(run) >= 3:
            out.update(run)
        run = [sp]
    if len(run) >= 3:
        out.update(run)
    return out


def _list_item_ok(ctx: Ctx, i: int, j: int) -> bool:
    """A listed name of the model that is no headline, region, position, stop name or speaker."""
    toks = ctx.toks
    if toks[i].line in ctx.title_lines or not (toks[i].is_cap or toks[i].is_upper) or any(t.nl for t in toks[i + 1:j]):
        return False
    text = ctx.text[toks[i].start:toks[j - 1].end]
    return not (ctx.lex.title.match(toks, i) or stop_token(ctx, i) or ctx.lex.stop_prefix.match(toks, i)
                or ctx.lex.key(text) in ctx.lex.stop_name or place_at(ctx, i, ALL_LEVELS) == j
                or _speaker_at(ctx, text))


def _only_forms(ctx: Ctx, i: int, j: int) -> bool:
    """The span is form words joined by connectors and nothing else: kinds of bodies, no name ("Panti Asuhan
    dan Pondok Pesantren")."""
    toks = ctx.toks
    k, forms = i, 0
    while k < j:
        m = ctx.lex.prefix.match(toks, k)
        if m is not None and m[0] <= j:
            k, forms = m[0], forms + 1
        elif toks[k].low in CONNECTORS or toks[k].text in {",", "&", "/"}:
            k += 1
        else:
            return False
    return forms >= 2


def _listed_with(ctx: Ctx, i: int, j: int, chosen: list[Cand]) -> bool:
    """The span stands in a list of organisations the rules found: "digagas Rutgers WPF Indonesia,
    [Aliansi Remaja Independen], dan Plan International Indonesia"."""
    by_end = {c.j: c for c in chosen if c.origin != "ner"}
    starts = {c.i for c in chosen if c.origin != "ner"}
    return _listed_after(ctx, i, j, by_end, starts) or _listed_before(ctx, j, starts)


def _listed_after(ctx: Ctx, i: int, j: int, by_end: dict[int, Cand], starts: set[int]) -> bool:
    """A found name, then ", " or "dan" right before the span (and, after a comma, the list going on after it)."""
    toks = ctx.toks
    k = i - 1
    if k >= 0 and toks[k].low in {"dan", "serta"}:
        k -= 1 if k >= 1 and toks[k - 1].text == "," else 0
    if k >= 1 and (toks[k].text == "," or toks[k].low in {"dan", "serta"}) and k in by_end and not toks[i].nl:
        if toks[k].low in {"dan", "serta"}:
            return True
        # "A, B, dan C" goes on after B; "Kepala Dinas X, Budi Santoso, mengatakan" names the head of X
        prev = by_end[k]
        after_title = ctx.lex.title_stop.ends_at(toks, prev.i)
        nxt = toks[j] if j < len(toks) else None
        going_on = nxt is not None and (nxt.low in {"dan", "serta"} or (
            nxt.text == "," and j + 1 < len(toks) and (toks[j + 1].low in {"dan", "serta"} or j + 1 in starts)))
        if going_on and not after_title:
            return True
    return False


def _listed_before(ctx: Ctx, j: int, starts: set[int]) -> bool:
    """", " or "dan" right after the span, then a found name."""
    toks = ctx.toks
    k = j
    if k < len(toks) and toks[k].text == "," and k + 1 < len(toks) and toks[k + 1].low in {"dan", "serta"}:
        k += 1
    return k + 1 < len(toks) and (toks[k].text == "," or toks[k].low in {"dan", "serta"}) and k + 1 in starts \
        and not toks[k + 1].nl


def _ner_shape_ok(ctx: Ctx, i: int, j: int) -> bool:
    """The span looks like a name (the first checks of ``_ner_plausible``, without the article's backing)."""
    toks = ctx.toks
    words = [t for t in toks[i:j] if t.is_word]
    if len(words) < 2 or any(t.nl for t in toks[i + 1:j]) or toks[i].line in ctx.title_lines or not toks[i].is_cap:
        return False
    if any(t.is_lower and t.low not in CONNECTORS for t in words) or all(t.is_upper for t in words) \
            or any(t.text.isdigit() for t in words):
        return False
    text = ctx.text[toks[i].start:toks[j - 1].end]
    return not (ctx.lex.title.match(toks, i) or stop_token(ctx, i) or ctx.lex.stop_prefix.match(toks, i)
                or ctx.lex.key(text) in ctx.lex.stop_name or place_at(ctx, i, ALL_LEVELS) == j
                or _inside_run(ctx, i, j) or _speaker_at(ctx, text))


def _ner_plausible(ctx: Ctx, i: int, j: int) -> bool:
    """An ORG span from NER that the rules did not find is kept only when it looks like a name and the
    article backs it: written twice in the body, or right after a role cue ("bekerja sama dengan X").
    The model also tags regions, positions, programmes and headline fragments as ORG."""
    toks = ctx.toks
    if not _name_shaped(ctx, i, j):
        return False
    text = ctx.text[toks[i].start:toks[j - 1].end]
    if ctx.lex.key(text) in ctx.lex.stop_name or place_at(ctx, i, ALL_LEVELS) == j:
        return False
    if _after_prefix_word(ctx, text):
        return False  # "program Tani Muda Berdaya" somewhere: the name of a programme or an event
    if _inside_run(ctx, i, j) or _speaker_at(ctx, text):
        return False
    body = [m.start() for m in re.finditer(re.escape(text), ctx.text)]
    body = [p for p in body if not any(t.line in ctx.title_lines for t in toks if t.start == p)]
    return len(body) >= 2 or cue_before(ctx, i) is not None


def _name_shaped(ctx: Ctx, i: int, j: int) -> bool:
    """Two or more capitalised words on one body line, no lower-case word but connectors, no digits, no dots,
    not only acronyms, not starting with a position, a stop word or a place word."""
    toks = ctx.toks
    span = toks[i:j]
    words = [t for t in span if t.is_word]
    if len(words) < 2 or any(t.nl for t in span[1:]) or toks[i].line in ctx.title_lines or not toks[i].is_cap:
        return False
    if any(t.is_lower and t.low not in CONNECTORS for t in words) or any(t.text.isdigit() or "%" in t.text for t in span):
        return False
    if any(t.text == "." for t in span) or all(t.is_upper for t in words):
        return False  # "S.Pd", "TOT AUTP": degrees and strings of acronyms
    if ctx.lex.title.match(toks, i) or stop_token(ctx, i) or ctx.lex.stop_prefix.match(toks, i) \
            or ctx.lex.key(toks[i].text) in ctx.lex.stop_name or ctx.lex.place_cue.match(toks, i):
        return False
    return True


def _inside_run(ctx: Ctx, i: int, j: int) -> bool:
    """A span that starts or stops inside a longer capitalised name ("Aparatur [Sipil Negara]", "MNC
    [Vision Network]", "[Energy Asia] Awards", "[Gerakan Mengajar] Desa"): a fragment, not a name."""
    toks = ctx.toks
    p = toks[i - 1] if i > 0 else None
    if p is not None and not toks[i].nl and p.kind == "word" and p.is_cap and not sentence_start(toks, i - 1) \
            and not ctx.lex.title_stop.match(toks, i - 1) and cue_before(ctx, i) is None:
        return True
    n = toks[j] if j < len(toks) else None
    return n is not None and not n.nl and n.kind == "word" and (n.is_cap or n.is_num) \
        and not ctx.lex.title.match(toks, j) and j not in ctx.per_starts and not ctx.lex.prefix.match(toks, j)


def _speaker_at(ctx: Ctx, text: str) -> bool:
    """The span is a speaker somewhere in the article, so a person: a speech verb right after it ("Dewa Patra
    mengatakan") or right before it ("kata Dewa Patra")."""
    for m in re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", ctx.text):
        after = ctx.text[m.end():m.end() + 40]
        w = re.match(r"\s*(\w+)", after)
        if w and w.group(1).casefold() in ctx.lex.speech_after:
            return True
        before = re.findall(r"[\w.]+", ctx.text[max(0, m.start() - 40):m.start()])
        if before and before[-1].casefold() in ctx.lex.speech_before:
            return True
    return False


def _after_prefix_word(ctx: Ctx, text: str) -> bool:
    """``text`` follows, somewhere in the article, a one-word prefix stop word in any case ("program X",
    "kegiatan X"): the name of a programme or an event."""
    if not ctx.lex.stop_prefix_words:
        return False
    words = "|".join(re.escape(w) for w in sorted(ctx.lex.stop_prefix_words))
    return re.search(rf"(?<!\w)(?:{words})[ \t]+{re.escape(text)}(?!\w)", ctx.text, re.I) is not None
