"""The article as the organisation finders see it (``Ctx``), the candidates they propose (``Cand``), and the
small token tests every stage asks: a stop token, a known organisation's alias, a form word that breaks a name,
the end of a capitalised run."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from ...types import Region
from .lexicon import Form, OrgEntry, OrgLexicon
from .tokens import Tok


@dataclass
class Ctx:
    """One article as the finders read it: its tokens, what is excluded, and what the article itself says
    (regions it defines, the model's LOC and PER spans, themes)."""

    lex: OrgLexicon
    text: str
    toks: list[Tok]
    title_lines: set[int]
    excluded: list[bool]
    places: set[tuple[str, ...]]  # region names this article defines ("Sumsel" from "Sumatera Selatan (Sumsel)")
    loc_starts: dict[int, int]  # first token of a NER LOC span -> token after it
    per_starts: set[int]
    per_ends: dict[int, int] = field(default_factory=dict)  # the token after a person-like NER PER span -> its start
    ner_orgs: list[tuple[int, int]] = field(default_factory=list)  # token spans the model (or an entity rule) calls ORG
    owners: set[str] = field(default_factory=set)  # known organisations named by an alias only they use
    theme: set[int] = field(default_factory=set)  # tokens of a title, theme or slogan ("bertema ...")
    _starts: list[int] | None = field(default=None, repr=False)

    def tokens_within(self, s: int, e: int) -> range:
        """The tokens lying wholly inside characters s..e (a model's or a rule's span), found by bisection:
        the same tokens as scanning every token, without scanning every token for every span."""
        if self._starts is None:
            self._starts = [t.start for t in self.toks]
        k = bisect_left(self._starts, s)
        m = k
        while m < len(self.toks) and self.toks[m].end <= e:
            m += 1
        return range(k, m)


WEB_NAME_SOURCE = "regex:org-web-name"  # a platform by its web name; no outlet pattern overrides it


@dataclass
class Cand:
    """A name the finders propose: tokens i..j, what found it (``origin``), and what the grammar learnt on the
    way (form word, known organisation, unit, trailing region, brackets)."""

    i: int
    j: int
    origin: str
    kind: str
    source: str
    form: Form | None = None
    entry: OrgEntry | None = None
    entry_span: tuple[int, int] | None = None  # tokens of the known name inside the candidate
    unit_start: int | None = None  # first token of a company unit
    place_start: int | None = None  # first token of a trailing region
    brackets: list[tuple[int, int]] = field(default_factory=list)  # token ranges of '(...)' groups
    legal: bool = False
    link: "Cand | None" = None  # the candidate whose bracket defined this acronym
    virtual_form: str = ""  # the form word a title implied ("Kadis X" -> "Dinas"), not in the text
    acronym: str = ""
    mid: int = -1


def excluded_tokens(toks: list[Tok], regions: Sequence[Region]) -> list[bool]:
    if not regions:
        return [False] * len(toks)
    return [any(r.overlaps(t.start, t.end) for r in regions) for t in toks]


# ----- small token tests ------------------------------------------------------------------------------
def stop_token(ctx: Ctx, j: int) -> bool:
    t = ctx.toks[j]
    return t.low in ctx.lex.calendar or ctx.excluded[j]


def entry_at(ctx: Ctx, j: int, generated_only: bool = False) -> tuple[int, OrgEntry] | None:
    m = (ctx.lex.generated_aliases if generated_only else ctx.lex.aliases).match(ctx.toks, j, skip_dots=True)
    if not m:
        return None
    owners = m[1]
    if len(owners) > 1 and ctx.owners:
        # a shared alias goes to the owner the article names unambiguously elsewhere
        for e in owners:
            if e.id in ctx.owners:
                return m[0], e
    return m[0], owners[0]


def is_breaking(ctx: Ctx, j: int) -> bool:
    m = ctx.lex.prefix.match(ctx.toks, j, skip_dots=True)
    return m is not None and m[1].breaks


def single_trailing(ctx: Ctx, j: int) -> bool:
    """Whether token j ends a capitalised run (so it is not the first name of a person)."""
    toks = ctx.toks
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is None or nxt.nl or not (nxt.is_cap and nxt.kind != "punct") or nxt.text == "("


# ----- candidates ------------------------------------------------------------------------------------
def name_of(ctx: Ctx, c: Cand) -> str:
    return ctx.text[ctx.toks[c.i].start:ctx.toks[c.j - 1].end]


def tokens_of(cands: Iterable[Cand]) -> set[int]:
    return {k for c in cands for k in range(c.i, c.j)}
