"""The per-article function: Article → mentions → record(s).

``process_batch(articles, resources)`` is pure per article (the batch only
lets spaCy's ``nlp.pipe`` work efficiently); it is what the runner, worker
processes and the tests call. ``Resources`` are loaded once per process.

Each layer of an article's work is cached on disk (``cache.py``) under a key
made of exactly what it depends on, so a re-run redoes only what changed:

==========  ================================================================
layer       key
==========  ================================================================
result      the article (id, path, text, meta), every rule file, NER model,
            code and library versions, today's date: an unchanged re-run
ner         text, NER model version, spaCy version, the NER glue code
spans       text, tokenizer (model or blank), spaCy version, entities rules
segment     text, title, the rule files the segmenter reads, code
orgs ...    the stage's inputs (text and upstream outputs), the rule files
programme   that stage reads (recorded by ``RuleSet.tracked``), code
==========  ================================================================

Because a stage's key holds its inputs rather than the upstream rules, a rule
change that leaves an upstream output unchanged (a noise rule that matches
nothing in this article) still lets every later stage hit the cache.
"""
from __future__ import annotations

import hashlib
import json
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from functools import lru_cache
from importlib.metadata import version
from typing import TYPE_CHECKING, Any, Callable

from . import codec
from .cache import (MISSING, ArticleCache, NullCache, TextProbe, changed_rules, env_digest, fingerprint, make_key,
                    rule_snapshot, source_digest, text_hash)
from .extract.counts import CountExtractor
from .extract.dates import DateExtractor
from .extract.dates_resolve import TODAY
from .extract.ner import DEFAULT_MODEL, NerBackend, NoNer, _dir_digest, backend_version, load_ner
from .extract.orgs import OrgExtractor
from .extract.people import PeopleExtractor
from .extract.places import PlaceExtractor
from .extract.programme import ProgrammeExtractor
from .normalize.records import build_records
from .rules import SCHEMAS, RuleError, RuleSet, TrackedRules, in_file_order, load_rules
from .decide import Decider, Evidence
from .rule_checks import check_rules
from .extract.gazetteer import Gazetteer
from .safe_regex import DEFAULT_LIMIT, RuleTimeout, Timeout, find_slow_rule, stage_limit, time_limit
from .segment import Segmenter, Segmentation
from .types import Article, Mention, Span

if TYPE_CHECKING:  # spaCy takes a second to import: a re-run whose annotations are all cached never needs it
    from .nlp import Annotator

STAGES = ("segment", "annotate", "orgs", "people", "places", "dates", "counts", "programme", "assemble")
EXTRACTORS: dict[str, Callable[..., Any]] = {
    "segment": Segmenter, "orgs": OrgExtractor, "people": PeopleExtractor, "places": PlaceExtractor,
    "dates": DateExtractor, "counts": CountExtractor, "programme": ProgrammeExtractor,
}
LABEL_OF_KIND = {"org": "ORG", "person": "PER", "place": "LOC", "rule": None}


class LazyNer:
    """The NER backend's name and version, known without loading the model; loaded on first use.

    An unchanged re-run then never pays for loading the model. The version is computed the way
    ``SpacyNer`` (or, with ``backend="stanza"``, ``StanzaNer``) computes it, and checked against it once
    the model is loaded. The version names the backend and digests the model's files, so the cache keys
    that hold it change with either.
    """

    def __init__(self, model: str | Path | None = None, backend: str | None = None):
        self.model = model
        self.backend_name = None if backend in (None, "", "spacy") else backend
        self._backend: NerBackend | None = None
        self._tokenizer_id: str | None = None
        if self.backend_name is not None:  # another backend: its model folder is required, checked now
            if model in (None, "", "none"):
                raise ValueError(f"the {backend} NER backend needs a model folder (--ner-model PATH)")
            self.path = Path(model)
            self.name, self.version = self.backend_name, backend_version(self.backend_name, self.path)
            return
        if model in (None, ""):
            self.path = DEFAULT_MODEL if (DEFAULT_MODEL / "meta.json").exists() else None
        elif str(model) == "none":
            self.path = None
        else:
            self.path = Path(model)
            if not (self.path / "meta.json").exists():
                raise FileNotFoundError(f"{self.path}: not a spaCy model folder (no meta.json)")
        self._backend: NerBackend | None = None
        self._tokenizer_id: str | None = None
        if self.path is None:
            self.name, self.version = "none", "none"
        else:
            meta = json.loads((self.path / "meta.json").read_text(encoding="utf-8"))
            self.name = "spacy"
            self.version = f"{meta.get('name', 'model')}-{meta.get('version', '0')}-{_dir_digest(self.path)}"

    @property
    def loaded(self) -> bool:
        return self._backend is not None

    @property
    def backend(self) -> NerBackend:
        if self._backend is None:
            self._backend = NoNer() if self.path is None else load_ner(self.path, self.backend_name)
            if self._backend.version != self.version:
                raise RuntimeError(f"{self.path}: model version {self._backend.version} is not the expected "
                                   f"{self.version}")
        return self._backend

    def annotate(self, texts):
        return self.backend.annotate(texts)

    def tokenizer_id(self) -> str:
        """What the SpanRuler's tokens depend on: the model's tokenizer file, or spaCy's blank one."""
        if self._tokenizer_id is None:
            tok = self.path / "tokenizer" if self.path is not None else None
            self._tokenizer_id = hashlib.sha256(tok.read_bytes()).hexdigest() \
                if tok is not None and tok.is_file() else "blank-id"
        return self._tokenizer_id


@dataclass
class Resources:
    """Everything loaded once per process: rules, the spaCy pipeline (lazily), compiled extractors, the cache."""

    rules: RuleSet
    ner: LazyNer
    segmenter: Segmenter
    orgs: OrgExtractor
    people: PeopleExtractor
    places: PlaceExtractor
    dates: DateExtractor
    counts: CountExtractor
    programme: ProgrammeExtractor
    cache: ArticleCache = field(default_factory=NullCache)
    decider: Decider = field(default_factory=Decider)  # the learned choices (decide/); rules-only by default
    deps: dict[str, TrackedRules] = field(default_factory=dict)  # stage -> the view its extractor reads through
    time_limit: float = DEFAULT_LIMIT  # seconds per stage per 20,000 characters (safe_regex)
    _annotator: "Annotator | None" = None
    _span_annotator: "Annotator | None" = None
    _memo: dict[Any, Any] = field(default_factory=dict)  # rule digests and rule diffs, per process

    @classmethod
    def load(cls, rules_dirs: list[str | Path], ner_model: str | Path | None = None,
             cache_dir: str | Path | None = None, use_cache: bool = True,
             decisions: str | Path | None = None, ner_backend: str | None = None) -> "Resources":
        """Load and check everything; ``RuleError`` lists every rule problem, each as ``file:line: message``."""
        cache = ArticleCache(cache_dir) if use_cache else NullCache(cache_dir)
        try:
            rules = load_rules(rules_dirs)
        except RuleError as e:
            if e.rules is None:
                raise
            # the per-rule checks still run on the valid lines, so one pass reports every problem (the
            # extractors' own checks wait: with lines missing they would report consequences, not causes)
            raise RuleError(in_file_order(e.problems + check_rules(e.rules, cache), e.rules)) from None
        ner = LazyNer(ner_model, ner_backend)
        problems = check_rules(rules, cache)
        places_dir = cache_dir
        try:  # the one region index of the process, from the run's cache folder; the extractors share it
            Gazetteer.load(cache_dir)
            places_dir = None  # loaded: the place extractor gets this same index instead of reading the file again
        except Exception:  # noqa: BLE001 - each extractor copes without it (places say so in their own check)
            pass
        built: dict[str, Any] = {}
        deps: dict[str, TrackedRules] = {}
        for stage, make in EXTRACTORS.items():
            deps[stage] = rules.tracked()
            try:
                built[stage] = make(deps[stage], cache_dir=places_dir) if stage == "places" else make(deps[stage])
            except RuleError as e:
                problems.extend(p for p in e.problems if p not in problems)
        if problems:
            raise RuleError(in_file_order(problems, rules))
        if cache.enabled:
            for stem in SCHEMAS:  # what each kind held, so that a later run can tell which rules changed
                key = make_key("rules", stem, rules.stem_digest({stem}))
                if cache.get("rules", key) is MISSING:
                    cache.put("rules", key, rule_snapshot(rules.get(stem)))
        cache.flush()
        try:
            decider = Decider.load(decisions)
        except (OSError, ValueError) as e:
            raise RuleError([f"{decisions or 'models/decisions'}: cannot load the learned decisions: {e}"]) from None
        return cls(rules=rules, ner=ner, segmenter=built.pop("segment"), cache=cache, deps=deps, decider=decider,
                   **built)

    @property
    def annotator(self) -> "Annotator":
        """The full spaCy pipeline (NER model + rules), built on first use."""
        if self._annotator is None:
            from .nlp import Annotator

            self._annotator = Annotator(self.rules, self.ner.backend)
        return self._annotator

    @property
    def span_annotator(self) -> "Annotator":
        """A pipeline for the entity rules alone, when the model's tokens can be had without the model."""
        if self._span_annotator is None:
            from . import tokenizer
            from .nlp import Annotator

            light = Annotator(self.rules, NoNer()) if not _rules_need_ner(self.rules) else None
            if light is not None and self.ner.name == "spacy" and not tokenizer.same_as_blank(self.ner.path):
                light = None  # a custom tokenizer: only the model's own pipeline gives the same tokens
            self._span_annotator = light if light is not None else self.annotator
        return self._span_annotator

    def stem_digest(self, stem: str) -> str:
        key = ("digest", stem)
        if key not in self._memo:
            self._memo[key] = self.rules.stem_digest({stem})
        return self._memo[key]

    def rule_diff(self, stem: str, old_digest: str, new_digest: str) -> list[dict] | None:
        """The rules of ``stem`` that differ between two stored versions (None: unknown or reordered)."""
        key = ("diff", stem, old_digest, new_digest)
        if key not in self._memo:
            before = self.cache.get("rules", make_key("rules", stem, old_digest))
            after = self.cache.get("rules", make_key("rules", stem, new_digest))
            self._memo[key] = None if before is MISSING or after is MISSING else changed_rules(before, after)
        return self._memo[key]

    def result_key(self, a: Article) -> str:
        if "digest" not in self._memo:
            self._memo["digest"] = self.rules.digest
        return make_key("result", env_digest(), self._memo["digest"], self.ner.version, self.decider.version,
                        TODAY.isoformat(), a)

    def close(self) -> None:
        self.cache.close()


def _rules_need_ner(rules: RuleSet) -> bool:
    """A token pattern reading ENT_TYPE/ENT_IOB/ENT_ID depends on the model's entities."""
    return any("ENT_" in json.dumps(r["pattern"]).upper() for r in rules.get("entities"))


@dataclass
class ArticleResult:
    article_id: str
    path: str
    status: str  # "record", "no_programme" or "error"
    records: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    error: dict[str, Any] | None = None
    timings: dict[str, float] = field(default_factory=dict)
    cache: dict[str, str] = field(default_factory=dict)  # layer -> "hit" | "miss"
    rule_hits: dict[str, int] = field(default_factory=dict)  # rule source -> regions/notes it made (not mentions)
    # the excluded regions [start, end, kind, source], computed under the time limit in the worker, so that
    # nothing downstream (report.html) runs a user's noise regex again
    regions: list[list[Any]] = field(default_factory=list)


def encoded(r: ArticleResult) -> str:
    """The result as tagged JSON text (``codec``), made once per result object: the cache stores it and the
    journal writes the same text (a worker's result brings it along to the parent), so no result is
    encoded twice. Valid because a result is not changed once ``process_batch`` has made it."""
    text = r.__dict__.get("_encoded")
    if text is None:
        text = r.__dict__["_encoded"] = codec.dumps_text(r)
    return text


class _Failed(Exception):
    def __init__(self, stage: str, error: Exception):
        self.stage, self.error = stage, error


def process_batch(articles: list[Article], res: Resources) -> list[ArticleResult]:
    """Process articles; an exception in one article becomes that article's error, never the batch's."""
    results: list[ArticleResult] = []
    todo: list[tuple[Article, str, dict[str, str]]] = []
    for a in articles:
        key = res.result_key(a)
        hit = res.cache.get("result", key)
        if isinstance(hit, ArticleResult):
            hit.timings, hit.cache = {}, {"result": "hit"}
            results.append(hit)
        else:
            todo.append((a, key, {"result": "miss"}))
    segs: list[tuple[Article, str, dict[str, str], Segmentation, dict[str, float]]] = []
    for a, key, layers in todo:
        timings: dict[str, float] = {}
        try:
            seg = _stage(res, layers, timings, "segment", res.segmenter, a.text, a.meta.get("title"))
        except _Failed as f:
            results.append(_failed(a, f.stage, f.error, layers))
            continue
        segs.append((a, key, layers, seg, timings))
    t0 = time.perf_counter()
    annotations = _annotate([a.text for a, *_ in segs], res, [layers for _, _, layers, _, _ in segs])
    ann_time = (time.perf_counter() - t0) / max(len(segs), 1)
    for (a, key, layers, seg, timings), ann in zip(segs, annotations):
        if isinstance(ann, Exception):
            results.append(_failed(a, "annotate", ann, layers))
            continue
        timings["annotate"] = ann_time
        try:
            result = _extract(a, seg, ann, res, timings, layers)
        except _Failed as f:
            results.append(_failed(a, f.stage, f.error, layers))
            continue
        except Exception as e:  # noqa: BLE001
            results.append(_failed(a, "assemble", e, layers))
            continue
        res.cache.put_text("result", key, encoded(result))
        results.append(result)
    res.cache.flush()
    order = {a.id: i for i, a in enumerate(articles)}
    results.sort(key=lambda r: order.get(r.article_id, 0))
    return results


def _stage(res: Resources, layers: dict[str, str], timings: dict[str, float], name: str, fn, *args):
    """``fn(*args)`` from the cache, or run under the time limit and cached.

    The key holds the rule stems the stage had read before this call; if the call reads a new one (a rule
    file used lazily), its output is not stored under a key that would miss that file.
    """
    t0 = time.perf_counter()
    dep = res.deps.get(name)
    used = frozenset(dep.used) if dep is not None else frozenset()
    extra = TODAY.isoformat() if name == "dates" else ""  # two-digit years are read against today
    ikey = make_key(name, env_digest(), extra, fingerprint(args))  # the input, whatever the rules
    state = json.dumps({stem: res.stem_digest(stem) for stem in sorted(used)})
    key = make_key(ikey, state)
    value = res.cache.get(name, key)
    if value is MISSING and res.cache.enabled:
        value = _reusable(res, name, ikey, json.loads(state), args[0]) if used else MISSING
        if value is not MISSING:
            layers[name] = "reused"
            res.cache.put(name, key, value)
            res.cache.put_version(ikey, state, key)
    if value is MISSING:
        layers[name] = "miss"
        text = args[0] if isinstance(args[0], str) else args[0].text  # "assemble" gets the Article
        limit = stage_limit(res.time_limit, text)
        try:
            with time_limit(limit):
                value = fn(*args)
        except Timeout:
            slow = find_slow_rule(text, res.rules, dep.used if dep is not None else ())
            raise _Failed(name, RuleTimeout(name, limit, *(slow or ()))) from None
        except Exception as e:  # noqa: BLE001 - becomes the article's error
            raise _Failed(name, e) from e
        if dep is None or dep.used == used:
            res.cache.put(name, key, value)
            res.cache.put_version(ikey, state, key)
    elif name not in layers:
        layers[name] = "hit"
    timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
    return value


def _reusable(res: Resources, name: str, ikey: str, state: dict[str, str], text: str) -> Any:
    """The output the stage gave for the same input under other rules, when none of the rules that changed
    since can act on this text (``cache.TextProbe``); else ``MISSING``."""
    probe = TextProbe(text)
    for old_state, old_key in res.cache.versions(ikey):
        old = json.loads(old_state)
        if set(old) != set(state):
            continue
        changed = [stem for stem in state if old[stem] != state[stem]]
        if not all(_untouched(res, stem, old[stem], state[stem], probe) for stem in changed):
            continue
        value = res.cache.get(name, old_key)
        if value is not MISSING:
            return value
    return MISSING


def _untouched(res: Resources, stem: str, old_digest: str, new_digest: str, probe: TextProbe) -> bool:
    diff = res.rule_diff(stem, old_digest, new_digest)
    return diff is not None and not any(probe.touches(stem, data) for data in diff)


@dataclass
class Annotation:
    """What the spaCy pass gives one text (as ``nlp.Annotation``, without importing spaCy to build one)."""

    ner: list[tuple[int, int, str]]
    rules: list[tuple[int, int, str, str]]  # start, end, label, rule id


@lru_cache(maxsize=None)
def _spacy_version() -> str:
    return version("spacy")


def _ner_code(res: Resources) -> str:
    return source_digest("nlp.py", "extract/ner.py", *(("extract/ner_stanza.py",) if res.ner.name == "stanza" else ()))


def _ner_key(res: Resources, ner_code: str, text_digest: str) -> str:
    return make_key("ner", res.ner.version, _spacy_version(), ner_code, text_digest)


def needs_model(articles: list[Article], res: Resources) -> bool:
    """Would processing these articles run the NER model (an article neither cached whole nor with its
    NER spans cached)? Looked up without decoding anything."""
    if res.ner.name == "none" or not res.cache.enabled:
        return res.ner.name != "none"
    code = _ner_code(res)
    return any(not res.cache.has(res.result_key(a)) and not res.cache.has(_ner_key(res, code, text_hash(a.text)))
               for a in articles)


def _annotate(texts: list[str], res: Resources, layers: list[dict[str, str]]) -> list[Annotation | Exception]:
    """NER spans and entity-rule spans per text, each from its own cache layer; the model runs only on
    texts whose NER spans are not cached, the rules only where the entities rules or the text changed."""
    n = len(texts)
    out: list[Any] = [None] * n
    hashes = [text_hash(t) for t in texts]
    has_model = res.ner.name != "none"
    ner_code = _ner_code(res)
    ner_keys = [_ner_key(res, ner_code, h) for h in hashes]
    span_base = (res.ner.tokenizer_id(), _spacy_version(), ner_code,
                 res.ner.version if _rules_need_ner(res.rules) else "")
    span_ikeys = [make_key("spans", *span_base, h) for h in hashes]  # the input, whatever the entities rules
    span_state = json.dumps({"entities": res.stem_digest("entities")})
    span_keys = [make_key(k, span_state) for k in span_ikeys]
    ner: list[Any] = [res.cache.get("ner", k) if has_model else [] for k in ner_keys]
    spans: list[Any] = [res.cache.get("spans", k) for k in span_keys]
    for i in range(n):
        if spans[i] is MISSING and res.cache.enabled:
            spans[i] = _reusable(res, "spans", span_ikeys[i], json.loads(span_state), texts[i])
            if spans[i] is not MISSING:
                layers[i]["spans"] = "reused"
                res.cache.put("spans", span_keys[i], spans[i])
                res.cache.put_version(span_ikeys[i], span_state, span_keys[i])
    for i in range(n):
        if has_model:
            layers[i]["ner"] = "miss" if ner[i] is MISSING else "hit"
        layers[i].setdefault("spans", "miss" if spans[i] is MISSING else "hit")
    full = [i for i in range(n) if ner[i] is MISSING]
    for i, ann in zip(full, _run_annotator(res.annotator, [texts[i] for i in full], res.time_limit) if full else []):
        if isinstance(ann, Exception):
            out[i] = ann
            continue
        ner[i], spans[i] = ann.ner, ann.rules
        res.cache.put("ner", ner_keys[i], ner[i])
        res.cache.put("spans", span_keys[i], spans[i])
        res.cache.put_version(span_ikeys[i], span_state, span_keys[i])
    light = [i for i in range(n) if out[i] is None and spans[i] is MISSING]
    for i, ann in zip(light, _run_annotator(res.span_annotator, [texts[i] for i in light], res.time_limit) if light else []):
        if isinstance(ann, Exception):
            out[i] = ann
            continue
        spans[i] = ann.rules
        res.cache.put("spans", span_keys[i], spans[i])
        res.cache.put_version(span_ikeys[i], span_state, span_keys[i])
    for i in range(n):
        if out[i] is None:
            out[i] = Annotation(ner=list(ner[i]), rules=list(spans[i]))
    return out  # type: ignore[return-value]


def _run_annotator(annotator: "Annotator", texts: list[str], limit: float = DEFAULT_LIMIT) -> list[Any]:
    """Annotate a batch under the time limit (entities rules may hold token regexes a user wrote); when the
    batch fails or runs out of time, redo it one text at a time, each under its own limit, so the slow or
    broken text becomes that article's error and the others go on."""
    try:
        with time_limit(stage_limit(limit, "".join(texts))):
            return list(annotator.annotate(texts))
    except (Exception, Timeout):  # noqa: BLE001 - one bad text can break a batch: isolate it
        pass
    out: list[Any] = []
    for t in texts:
        seconds = stage_limit(limit, t)
        try:
            with time_limit(seconds):
                out.extend(annotator.annotate([t]))
        except Timeout:
            out.append(RuleTimeout("annotate", seconds))
        except Exception as e:  # noqa: BLE001
            out.append(e)
    return out


def _extract(a: Article, seg: Segmentation, ann: Annotation, res: Resources, timings: dict,
             layers: dict[str, str]) -> ArticleResult:
    text, regions = a.text, seg.regions
    ner = [Span(s, e, label) for s, e, label in ann.ner if not seg.is_excluded(s, e)]
    rule_mentions = _rule_mentions(text, ann.rules, res.rules, seg)
    ner_for_orgs = ner + _rule_spans(rule_mentions, ann.ner)

    def stage(name, fn, *args):
        return _stage(res, layers, timings, name, fn, *args)

    orgs = stage("orgs", res.orgs.extract, text, regions, ner_for_orgs)
    org_spans = [(m.start, m.end) for m in orgs if not m.excluded]
    people = stage("people", res.people.extract, text, regions, ner_for_orgs, org_spans)
    loc_spans = [(sp.start, sp.end) for sp in ner_for_orgs if sp.label == "LOC"]
    # a place word inside a person's name ("Dr. Rahmat Setiabudi") is no place: names block places as organisations do
    name_spans = [(m.start, m.end) for m in people if not m.excluded and not m.value.get("byline")]
    places = stage("places", res.places.extract, text, regions, loc_spans, org_spans + name_spans, seg.dateline_place)
    date_result = stage("dates", res.dates.extract, text, regions, seg.dateline, a.meta.get("published"))
    counts = stage("counts", res.counts.extract, text, regions, seg.title)
    facts = stage("programme", res.programme, text, regions, org_spans, seg.title)
    # rules proposed; the learned models (if any) choose: programme or not, total, name, publication date
    evidence = Evidence(a, seg.title, seg.dateline, facts, orgs, people, places, date_result.mentions, counts,
                        res.orgs.legal_key_words)
    date_result.published = res.decider.apply(evidence, date_result.published)
    mentions: list[Mention] = [*rule_mentions, *orgs, *people, *places, *date_result.mentions, *counts, *facts.cues]
    if facts.name_mention is not None:
        mentions.append(facts.name_mention)
    mentions.extend(Mention("ner", text[s:e], s, e, "ner", {}, label=label, excluded=seg.is_excluded(s, e))
                    for s, e, label in ann.ner)
    records = stage("assemble", build_records, a, seg, facts, orgs, people, places, date_result, counts,
                    res.orgs.legal_key_words) \
        if facts.is_programme else []
    status = "record" if records else "no_programme"
    return ArticleResult(a.id, a.path, status, records, mentions, None, timings, layers,
                         _hidden_rule_hits(seg, counts), [[r.start, r.end, r.kind, r.source] for r in regions])


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


def _rule_spans(rule_mentions: list[Mention], ner_spans) -> list[Span]:
    """The entities rules' spans for the extractors, each with its rule as source, so the mentions made from them
    name the rule; a span the model found too (same offsets and label) stays the model's ("ner")."""
    model = {(s, e, label) for s, e, label in ner_spans}
    return [Span(m.start, m.end, m.label, "ner" if (m.start, m.end, m.label) in model else m.source)
            for m in rule_mentions if not m.excluded]


def _hidden_rule_hits(seg: Segmentation, counts: list[Mention]) -> dict[str, int]:
    """Rules that acted without being a mention's source: noise regions, count exclusion notes."""
    hits: Counter = Counter(r.source for r in seg.regions if r.source.startswith("rule:"))
    for m in counts:
        if "(rule:" in m.note:
            hits[m.note.rsplit("(", 1)[1].rstrip(")")] += 1
    return dict(hits)


# Stems whose rules can be seen firing (a mention's source, a region, a note); the others shape matching
# without leaving a trace (stop words, month names, number words), so "never fired" says nothing about them.
EVIDENCE_STEMS = ("entities", "noise", "counted_nouns", "count_exclusions", "relative_dates", "org_aliases",
                  "org_forms", "titles", "media", "person_cues", "speech_verbs", "byline_patterns", "place_aliases",
                  "place_cues", "programme_cues", "programme_name_patterns")


def rule_coverage(rules: RuleSet, results: list[ArticleResult]) -> dict[str, Any]:
    """Hits per rule, rules that never fired, and places where a rule and the NER model disagreed.

    A disagreement: a mention from a rule (an entities span, or an org/person/place whose source is a
    rule) that the model labelled differently on mostly the same text (overlap over half the union).
    Cheap enough to call once per article (``article_coverage`` is the per-article part).
    """
    hits: Counter = Counter()
    disagreements: list[dict[str, Any]] = []
    for r in results:
        h, d = article_coverage(r)
        hits.update(h)
        disagreements.extend(d)
    tracked = evidence_sources(rules)
    return {"hits": dict(hits.most_common()), "never_fired": [s for s in tracked if s not in hits],
            "not_tracked": sorted(s for s in rules.by_stem if s not in EVIDENCE_STEMS and rules.get(s)),
            "disagreements": disagreements[:500], "disagreements_total": len(disagreements)}


def article_coverage(r: ArticleResult) -> tuple[Counter, list[dict[str, Any]]]:
    """One article's rule hits (mentions, regions, notes) and rule/model disagreements."""
    hits: Counter = Counter(r.rule_hits)
    disagreements = []
    ner_spans = [(m.start, m.end, m.label) for m in r.mentions if m.kind == "ner"]
    for m in r.mentions:
        if not m.source.startswith("rule:"):
            continue
        hits[m.source] += 1
        want = m.label if m.kind == "rule" else LABEL_OF_KIND.get(m.kind)
        if not want or m.excluded or not ner_spans:
            continue
        close = {label for s, e, label in ner_spans
                 if s < m.end and m.start < e and _jaccard(s, e, m.start, m.end) > 0.5}
        if close and want not in close:
            disagreements.append({"article_id": r.article_id, "text": m.text, "start": m.start, "end": m.end,
                                  "rule": m.source, "rule_label": want, "ner_labels": sorted(close)})
    return hits, disagreements


def evidence_sources(rules: RuleSet) -> list[str]:
    """``rule:<file>:<id>`` of every rule whose firing can be seen (see ``EVIDENCE_STEMS``), memoised."""
    memo = rules.__dict__.get("_evidence_sources")
    if memo is None:
        memo = [rule.source for stem in EVIDENCE_STEMS for rule in rules.get(stem)]
        rules.__dict__["_evidence_sources"] = memo
    return memo


def _jaccard(s1: int, e1: int, s2: int, e2: int) -> float:
    inter = min(e1, e2) - max(s1, s2)
    return inter / (max(e1, e2) - min(s1, s2)) if inter > 0 else 0.0


def cache_summary(results: list[ArticleResult]) -> dict[str, dict[str, int]]:
    """Per cache layer, how many articles hit, missed, or reused an output from before a rule change that
    cannot have touched them (for run.json)."""
    out: dict[str, Counter] = {}
    for r in results:
        for layer, state in r.cache.items():
            out.setdefault(layer, Counter())[state] += 1
    return {layer: dict(sorted(c.items())) for layer, c in out.items()}


def _failed(a: Article, stage: str, e: Exception, layers: dict[str, str] | None = None) -> ArticleResult:
    tb = traceback.extract_tb(e.__traceback__)
    where = f" ({Path(tb[-1].filename).name}:{tb[-1].lineno})" if tb and not isinstance(e, RuleTimeout) else ""
    return ArticleResult(a.id, a.path, "error",
                         error={"article_id": a.id, "path": a.path, "stage": stage,
                                "error": f"{type(e).__name__}: {e}{where}"}, cache=dict(layers or {}))
