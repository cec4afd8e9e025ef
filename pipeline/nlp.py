"""Builds the one spaCy pipeline each article goes through.

The pipeline is: tokenizer → [tok2vec, ner from the trained model] →
``idnews_rules`` (a SpanRuler fed from ``rules/entities.jsonl``, validated, so a
malformed pattern fails loudly). No sentencizer: no extractor reads spaCy's sentences (the count
extractor splits its own), so none are computed. When the NER backend is not
a spaCy model, a blank Indonesian pipeline holds the rules and the backend runs
beside it. Only plain tuples leave this module, never Docs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from spacy.language import Language

from . import tokenizer
from .extract.ner import NerBackend, SpacyNer
from .rules import RuleError, RuleSet

RULES_KEY = "idnews_rules"


@dataclass
class Annotation:
    """What the spaCy pass found in one text (character offsets)."""

    ner: list[tuple[int, int, str]] = field(default_factory=list)
    rules: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, label, rule id


def entity_patterns(rules: RuleSet) -> list[dict]:
    return [{"label": r["label"], "pattern": r["pattern"], "id": r.id} for r in rules.get("entities")]


def build_nlp(rules: RuleSet, ner: NerBackend) -> Language:
    nlp = ner.nlp if isinstance(ner, SpacyNer) else tokenizer.blank()
    patterns = entity_patterns(rules)
    if RULES_KEY not in nlp.pipe_names:
        ruler = nlp.add_pipe("span_ruler", name=RULES_KEY,
                             config={"spans_key": RULES_KEY, "validate": True, "phrase_matcher_attr": "LOWER",
                                     "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"}})
        try:
            ruler.add_patterns(patterns)
        except Exception as e:  # spaCy raises ValueError/MatchPatternError listing the bad pattern
            lines = {r.id: f"{r.file}:{r.line}" for r in rules.get("entities")}
            raise RuleError([f"{lines.get(p['id'], 'entities.jsonl')}: bad pattern: {e}" for p in patterns[:1]]) from None
    return nlp


class Annotator:
    """Runs the spaCy pipeline (and a non-spaCy NER backend, if any) over texts in batches."""

    def __init__(self, rules: RuleSet, ner: NerBackend, batch_size: int = 16):
        self.ner = ner
        self.nlp = build_nlp(rules, ner)
        self.batch_size = batch_size
        self.spacy_ner = isinstance(ner, SpacyNer)

    def annotate(self, texts: list[str]) -> Iterator[Annotation]:
        external = iter(()) if self.spacy_ner else self.ner.annotate(texts)
        for doc in self.nlp.pipe(texts, batch_size=self.batch_size):
            ann = Annotation()
            if self.spacy_ner:
                ann.ner = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in {"PER", "ORG", "LOC"}]
            else:
                ann.ner = next(external, [])
            ann.rules = [(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans.get(RULES_KEY, [])]
            yield ann
