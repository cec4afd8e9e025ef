"""The per-article function: Article → mentions → record(s).

``process_batch(articles, resources)`` is pure per article (the batch only
lets spaCy's ``nlp.pipe`` work efficiently); it is what the runner, worker
processes and the tests call. ``Resources`` are loaded once per process.
"""
from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .extract.counts import CountExtractor
from .extract.dates import DateExtractor
from .extract.ner import NerBackend, load_ner
from .extract.orgs import OrgExtractor
from .extract.people import PeopleExtractor
from .extract.places import PlaceExtractor
from .extract.programme import ProgrammeExtractor
from .nlp import Annotator
from .normalize.records import build_records
from .rules import RuleSet, load_rules
from .segment import Segmenter, Segmentation
from .types import Article, Mention

STAGES = ("segment", "annotate", "orgs", "people", "places", "dates", "counts", "programme", "assemble")


@dataclass
class Resources:
    """Everything loaded once per process: rules, the spaCy pipeline, compiled extractors."""

    rules: RuleSet
    ner: NerBackend
    segmenter: Segmenter
    annotator: Annotator
    orgs: OrgExtractor
    people: PeopleExtractor
    places: PlaceExtractor
    dates: DateExtractor
    counts: CountExtractor
    programme: ProgrammeExtractor

    @classmethod
    def load(cls, rules_dirs: list[str | Path], ner_model: str | Path | None = None,
             cache_dir: str | Path | None = None) -> "Resources":
        rules = load_rules(rules_dirs)
        ner = load_ner(ner_model)
        return cls(rules=rules, ner=ner, segmenter=Segmenter(rules), annotator=Annotator(rules, ner),
                   orgs=OrgExtractor(rules), people=PeopleExtractor(rules),
                   places=PlaceExtractor(rules, cache_dir=cache_dir), dates=DateExtractor(rules),
                   counts=CountExtractor(rules), programme=ProgrammeExtractor(rules))


@dataclass
class ArticleResult:
    article_id: str
    path: str
    status: str  # "record", "no_programme" or "error"
    records: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    error: dict[str, Any] | None = None
    timings: dict[str, float] = field(default_factory=dict)


def process_batch(articles: list[Article], res: Resources) -> list[ArticleResult]:
    """Process articles; an exception in one article becomes that article's error, never the batch's."""
    results: list[ArticleResult] = []
    segs: list[Segmentation | None] = []
    t0 = time.perf_counter()
    for a in articles:
        try:
            segs.append(res.segmenter(a.text, a.meta.get("title")))
        except Exception as e:  # noqa: BLE001 - reported per article
            segs.append(None)
            results.append(_failed(a, "segment", e))
    seg_time = (time.perf_counter() - t0) / max(len(articles), 1)
    ok = [(a, s) for a, s in zip(articles, segs) if s is not None]
    t0 = time.perf_counter()
    try:
        annotations = list(res.annotator.annotate([a.text for a, _ in ok]))
    except Exception:  # one bad text can break a batch: redo one by one to isolate it
        annotations = []
        for a, _ in ok:
            try:
                annotations.extend(res.annotator.annotate([a.text]))
            except Exception as e:  # noqa: BLE001
                annotations.append(e)
    ann_time = (time.perf_counter() - t0) / max(len(ok), 1)
    for (a, seg), ann in zip(ok, annotations):
        if isinstance(ann, Exception):
            results.append(_failed(a, "annotate", ann))
            continue
        timings = {"segment": seg_time, "annotate": ann_time}
        stage = "extract"
        try:
            results.append(_extract(a, seg, ann, res, timings))
        except Exception as e:  # noqa: BLE001
            results.append(_failed(a, stage, e))
    order = {a.id: i for i, a in enumerate(articles)}
    results.sort(key=lambda r: order.get(r.article_id, 0))
    return results


def _timed(timings: dict, name: str, fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
    return out


def _extract(a: Article, seg: Segmentation, ann, res: Resources, timings: dict) -> ArticleResult:
    text, regions = a.text, seg.regions
    ner = [(s, e, label) for s, e, label in ann.ner if not seg.is_excluded(s, e)]
    rule_mentions = _rule_mentions(text, ann.rules, res.rules, seg)
    ner_for_orgs = ner + [(m.start, m.end, m.label) for m in rule_mentions if not m.excluded]
    orgs = _timed(timings, "orgs", res.orgs.extract, text, regions, ner_for_orgs)
    org_spans = [(m.start, m.end) for m in orgs if not m.excluded]
    people = _timed(timings, "people", res.people.extract, text, regions, ner_for_orgs, org_spans)
    loc_spans = [(s, e) for s, e, label in ner_for_orgs if label == "LOC"]
    places = _timed(timings, "places", res.places.extract, text, regions, loc_spans, org_spans, seg.dateline_place)
    date_result = _timed(timings, "dates", res.dates.extract, text, regions, seg.dateline, a.meta.get("published"))
    counts = _timed(timings, "counts", res.counts.extract, text, regions)
    facts = _timed(timings, "programme", res.programme, text, regions)
    mentions: list[Mention] = [*rule_mentions, *orgs, *people, *places, *date_result.mentions, *counts, *facts.cues]
    if facts.name_mention is not None:
        mentions.append(facts.name_mention)
    mentions.extend(Mention("ner", text[s:e], s, e, "ner", {}, label=label, excluded=seg.is_excluded(s, e))
                    for s, e, label in ann.ner)
    t0 = time.perf_counter()
    records = build_records(a, seg, facts, orgs, people, places, date_result, counts) if facts.is_programme else []
    timings["assemble"] = time.perf_counter() - t0
    status = "record" if records else "no_programme"
    return ArticleResult(a.id, a.path, status, records, mentions, None, timings)


def _rule_mentions(text: str, spans, rules: RuleSet, seg: Segmentation) -> list[Mention]:
    """SpanRuler matches from rules/entities.jsonl, with their rule as evidence source."""
    by_id = {r.id: r for r in rules.get("entities")}
    kinds = {"ORG": "org", "PER": "person", "LOC": "place"}
    out = []
    for s, e, label, rid in spans:
        rule = by_id.get(rid)
        source = rule.source if rule else f"rule:entities.jsonl:{rid}"
        out.append(Mention("rule", text[s:e], s, e, source, {"kind": rule.get("kind") if rule else None,
                                                           "entity": kinds.get(label, label.lower())},
                           label=label, excluded=seg.is_excluded(s, e)))
    return out


def _failed(a: Article, stage: str, e: Exception) -> ArticleResult:
    tb = traceback.extract_tb(e.__traceback__)
    where = f" ({Path(tb[-1].filename).name}:{tb[-1].lineno})" if tb else ""
    return ArticleResult(a.id, a.path, "error",
                         error={"article_id": a.id, "path": a.path, "stage": stage,
                                "error": f"{type(e).__name__}: {e}{where}"})
