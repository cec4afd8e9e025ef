"""Organisations named in one article, found by rules, optionally extended by NER ORG spans.

Why rules first: the NER model is still being trained, so this package must stand alone. It finds
- names that start with a form word (PT, Dinas, Koperasi, Kelompok Tani, Universitas, ...) and run over the
  following capitalised words, connectors (dan, &, untuk) and bracketed acronyms;
- known organisations from rules/org_aliases*.jsonl (BUMN, ministries, banks, well-known companies), with
  their units ("Pertamina RU IV Cilacap", "PLN UID Banten") and regions ("BI Bengkulu");
- capitalised runs holding an organisation head word (Foundation, Agency, Committee);
- acronyms the article defines in brackets ("... Koperasi Perempuan Sejahtera Mandiri (KPSM)") wherever
  they occur later, and unknown acronyms after a person's position ("Direktur PIWKU") or in lists of
  organisations;
- news outlets (rules/media.jsonl), flagged ``media`` (never programme actors).

Each mention's ``value`` carries the hints ``normalize.orgs.merge_orgs`` needs to tell a company from its
unit and an acronym from its full name. All word lists live in rules/*.jsonl.

The modules, in the order an article goes through them:
``tokens`` (words and lines) and ``lexicon`` (the rules, compiled once) -> ``article`` (what the article says
before any name: themes, the model's spans, regions it defines) -> ``finders`` (candidates by alias, form word,
head word, position, list), each run on by ``grammar`` (how a name goes on, where it stops; ``places`` for
regions) -> ``choose`` (overlaps, checks, headlines) with ``ner_names`` (the model's ORG spans) ->
``acronyms`` (defined acronyms, their later uses, links) -> ``output`` (``Mention`` values; ``roles`` for
the role a phrase around a name gives it).
"""
from __future__ import annotations

from typing import Sequence

from ...names import LegalWords
from ...rules import RuleSet
from ...types import Mention, Region
from .acronyms import acronym_cands, acronym_registry, link_names
from .article import read_article
from .choose import attest, keep_valid, resolve
from .context import Cand, Ctx
from .finders import list_cands, rule_cands
from .lexicon import GENERATED_ALIASES, KINDS, Form, OrgEntry, OrgLexicon
from .ner_names import spare_ner, with_ner
from .output import to_mention, with_media
from .tokens import PhraseTable, Tok, tokenize

__all__ = ["GENERATED_ALIASES", "KINDS", "Form", "OrgEntry", "OrgExtractor", "OrgLexicon", "PhraseTable", "Tok",
           "tokenize"]


class OrgExtractor:
    """Finds organisation mentions in one article (see the package docstring)."""

    def __init__(self, rules: RuleSet):
        self.lex = OrgLexicon(rules)

    @property
    def legal_key_words(self) -> LegalWords:
        """The legal-form words this extractor's names are compared without: record assembly merges with them."""
        return self.lex.legal_key_words

    def extract(self, text: str, regions: list[Region],
                ner_spans: Sequence[tuple[int, int, str]] = ()) -> list[Mention]:
        """Organisation mentions (``kind="org"``, label = organisation kind), in text order. Nothing inside an
        excluded region counts; NER spans (start, end, PER/ORG/LOC) add ORG names, end names at a PER, and
        mark regions."""
        ctx = read_article(self.lex, text, regions, ner_spans)
        chosen = with_ner(ctx, keep_valid(ctx, resolve(rule_cands(ctx))), ner_spans)
        chosen = attest(ctx, chosen)
        registry = acronym_registry(ctx, chosen)
        chosen = resolve(chosen + acronym_cands(ctx, chosen, registry), keep_all=chosen)
        chosen = keep_valid(ctx, chosen)
        chosen += list_cands(ctx, chosen)
        _number(chosen)
        link_names(ctx, chosen, registry)
        spare = _candidates(ctx, spare_ner(ctx, ner_spans, chosen))
        return with_media(ctx, [to_mention(ctx, c) for c in chosen] + spare)


def _candidates(ctx: Ctx, spare: list[Cand]) -> list[Mention]:
    """The model's names the rules rejected, as mentions set aside (``excluded``, ``candidate``): nothing reads
    them but the learned org decision, which may take one into the record."""
    out = []
    for c in spare:
        m = to_mention(ctx, c)
        m.value["mid"], m.value["candidate"] = None, True
        m.excluded, m.note = True, "candidate: the model's name, not taken by the rules"
        out.append(m)
    return out


def _number(chosen: list[Cand]) -> None:
    """Text order, and each candidate's place in it (``mid``: what links point at)."""
    chosen.sort(key=lambda c: c.i)
    for n, c in enumerate(chosen):
        c.mid = n
