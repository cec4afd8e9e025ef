"""The role a phrase around a mention gives the organisation ("didukung X", "X menggelar ..."), from
rules/role_cues.jsonl."""
from __future__ import annotations

from ...rules import Rule
from .context import Cand, Ctx
from .tokens import QUOTES, Tok


def role_of(ctx: Ctx, c: Cand) -> str | None:
    """The role a phrase around the mention gives it: right before it ("didukung X", "program CSR X",
    "program Desa Berdaya milik X"), or after it, past a few small words, a date or a bracket, in the same
    sentence ("X, Sabtu (12/3), menggelar ...": X runs the activity)."""
    cue = cue_before(ctx, c.i, name_side=True)
    if cue is not None:
        return cue
    toks = ctx.toks
    k = c.j
    skipped = words = 0
    while k < len(toks) and skipped <= 8 and words <= 3 and not toks[k].nl:
        m = ctx.lex.cue_after.match(toks, k)
        if m is not None and _within(ctx, k, m[1]):
            return m[1]["role"]
        t = toks[k]
        if t.text == "(" and _bracket_end(toks, k) is not None:
            k = _bracket_end(toks, k)
            skipped += 1
            continue
        if t.is_lower and t.low not in {"dan", "serta", "atau"} or t.text == "," or t.low in ctx.lex.calendar \
                or (t.is_num and skipped):
            words += t.is_lower
            k += 1
            skipped += 1
            continue
        break
    return None


def cue_before(ctx: Ctx, i: int, name_side: bool = False) -> str | None:
    """The role a phrase right before token i gives; with ``name_side`` also a programme word before the
    capitalised name that token i ends (role only: that is no evidence of an organisation)."""
    rule = _bracket_cue(ctx, i)
    if rule is None:
        rule = _phrase_cue(ctx, i)
    if rule is None and name_side:
        rule = _programme_cue(ctx, i)
    return rule["role"] if rule is not None else None


def _bracket_cue(ctx: Ctx, i: int) -> Rule | None:
    """"Corporate Social Responsibility (CSR) Semen Tonasa": the bracket right before token i holds the cue."""
    toks = ctx.toks
    if i >= 2 and toks[i - 1].text == ")" and not toks[i].nl:
        q = i - 2
        while q > 0 and toks[q].text != "(" and i - q < 6 and not toks[q].nl:
            q -= 1
        inner = tuple(t.low for t in toks[q + 1:i - 1])
        if toks[q].text == "(":
            for phrase, rule in ctx.lex.cues_before:
                if inner == phrase and _within(ctx, q + 1, rule):
                    return rule
    return None


def _phrase_cue(ctx: Ctx, i: int) -> Rule | None:
    """A cue phrase ending right before token i, on its line ("didukung", "bekerja sama dengan")."""
    toks = ctx.toks
    for phrase, rule in ctx.lex.cues_before:
        n = len(phrase)
        if i - n < 0 or toks[i].nl:
            continue
        span = toks[i - n:i]
        if tuple(t.low for t in span) == phrase and not any(t.nl for t in span[1:]) and _within(ctx, i - n, rule):
            return rule
    return None


def _programme_cue(ctx: Ctx, i: int) -> Rule | None:
    """"inisiatif Desa Energi Berdikari Pertamina": a programme's name, then the body it belongs to."""
    toks = ctx.toks
    q = i - 1
    while q >= 0 and i - q <= 6 and not toks[q + 1].nl and (toks[q].is_cap or toks[q].is_num or toks[q].text in QUOTES):
        q -= 1
    if 0 <= q < i - 1 and not toks[q + 1].nl:
        for k in range(max(0, q - 2), q + 1):
            m = ctx.lex.cue_name.match(toks, k)
            if m is not None and m[0] == q + 1:
                return m[1]
    return None


def _within(ctx: Ctx, k: int, rule) -> bool:
    """A cue with ``within`` words counts only right after one of them and the name it carries ("program
    Desa Berdaya dari X", "program CSR dari X"): only capitalised words, numbers, quotes and brackets between."""
    words = rule.get("within")
    if not words:
        return True
    want = {w.casefold() for w in words}
    toks = ctx.toks
    for q in range(k - 1, max(-1, k - 10), -1):
        t = toks[q]
        if t.low in want:
            return True
        if toks[q + 1].nl or not (t.is_cap or t.is_num or t.text in QUOTES | {"(", ")", "-", "&"}):
            return False
    return False


def _bracket_end(toks: list[Tok], k: int) -> int | None:
    """The token after the ')' closing the bracket at k on the same line (at most eight tokens), or None."""
    for q in range(k + 1, min(k + 10, len(toks))):
        if toks[q].nl or toks[q].text == "(":
            return None
        if toks[q].text == ")":
            return q + 1
    return None
