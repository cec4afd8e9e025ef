"""Train the learned decisions from the annotated corpus: ``make learn`` (``python -m pipeline.decide.learn``).

1. Every article of the train splits (``data/corpus/gold`` and ``data/corpus/news_gold``, texts read from
   ``../shared``) goes through the pipeline with the learned decisions off, and the candidates the rules
   propose are recorded with their features (``features.py``).
2. Each candidate is labelled from the gold file: the article is a programme; the count is a gold total;
   the phrase matches a gold programme name (as the scorer matches); the date is a gold publication date.
3. A logistic regression per decision (scikit-learn, L2, ``C`` chosen by 5-fold cross-validation over
   articles, repeated over three fold assignments)
   is fitted on the whole train split and written as JSON to ``models/decisions/``, with a card
   (``CARD.md``) giving the data, the features and the cross-validated figures beside the rules' own.

The test split is never read here. Deterministic: same corpus, rules and code give the same weights.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .. import corpus
from ..evaluate import normalize_name
from . import DECISIONS, MODEL_DIR, Decider, Evidence, choose_date, choose_name, choose_totals, features, keep_org
from .linear import LinearModel

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
# The articles the pipeline is run on are mostly programme articles (the hidden sets of issue 16: 142 of 158);
# the corpus has about half ordinary news. Detection's threshold is chosen for that mix: a missed programme
# and a false record are weighed as they would occur there, not as in the corpus.
TARGET_PROGRAMME_SHARE = 0.9
FOLDS = 5
# cross-validation is repeated over these fold assignments and pooled: with one assignment the best C and
# threshold of detection moved with the assignment (0.05, 0.1 or 0.15 on the same articles)
FOLD_SALTS = ("fold", "fold-b", "fold-c")
MIN_GAIN = 0.01  # a learned choice replaces the rules' only when it is right on 1 point more of the articles in CV
MIN_DF = 4  # a word or pattern feature seen in fewer training articles is left out (it would only memorise)


@dataclass
class Sample:
    """One article's recorded decision inputs and gold labels."""

    article_id: str
    programme: bool
    detection: dict[str, float]
    rule_programme: bool
    counts: list[tuple[dict[str, float], bool, bool, int]] = field(default_factory=list)  # feats, label, rule, count
    names: list[tuple[dict[str, float], bool, bool]] = field(default_factory=list)       # feats, label, rule choice
    dates: list[tuple[dict[str, float], bool, bool, str]] = field(default_factory=list)   # feats, label, rule, iso
    gold_totals: list[int] = field(default_factory=list)
    has_program: bool = False
    gold_published: list[str] = field(default_factory=list)
    # per organisation item: feats, label (None: matches only an optional gold organisation), rules' own, forced
    orgs: list[tuple[dict[str, float], bool | None, bool, bool]] = field(default_factory=list)
    gold_orgs: int = 0
    # per person item: feats, label (None: matches only an optional gold person), the rules' own
    people: list[tuple[dict[str, float], bool | None, bool]] = field(default_factory=list)
    gold_people: int = 0


class Recorder(Decider):
    """A decider that decides nothing (the rules' choices stand) and keeps every article's Evidence features."""

    def __init__(self) -> None:
        super().__init__({}, f"recording-{time.time()}")  # its own result-cache key: every article is seen
        self.seen: dict[str, dict[str, Any]] = {}

    def apply(self, ev: Evidence, published: str | None) -> str | None:
        self.seen[ev.article.id] = {
            "detection": features.detection(ev), "rule_programme": bool(ev.facts.is_programme),
            "counts": [(f, m.value["count"], bool(m.value.get("total"))) for m, f in features.count_candidates(ev)],
            "names": [(f, m.value["name"], bool(f.get("rule_choice"))) for m, f in features.name_candidates(ev)],
            "dates": [(f, m.value["start"], bool(f.get("rule_publication"))) for m, f in features.date_candidates(ev)],
            "orgs": [(f, names, rule, forced) for _, f, rule, forced, names in features.org_candidates(ev)],
            "people": [(f, names, rule) for _, f, rule, names in features.person_candidates(ev)],
            "rule_published": published,
        }
        return published


def _name_ok(name: str, gold_names: list[str]) -> bool:
    from rapidfuzz import fuzz

    n = normalize_name(name)
    return bool(n) and any(fuzz.token_set_ratio(n, normalize_name(g)) >= 85 for g in gold_names)


def record(ids: list[str], articles: Path, rules: list[str], gold_dir: Path,
           ner_model: str | Path | None = None) -> list[Sample]:
    """Run the pipeline (rules only; the shipped NER model unless ``ner_model``) over ``ids`` and label what
    it proposes."""
    from ..load import iter_articles
    from ..process import Resources, process_batch

    res = Resources.load(rules, ner_model, None, use_cache=True, decisions="none")
    rec = Recorder()
    res.decider = rec
    paths = [articles / f"{i}.txt" for i in ids]
    batch = []
    for a in iter_articles(paths):
        if hasattr(a, "text"):
            batch.append(a)
        if len(batch) == 16:
            process_batch(batch, res)
            batch = []
    if batch:
        process_batch(batch, res)
    res.close()
    samples = []
    for i in ids:
        seen = rec.seen.get(i)
        if seen is None:
            continue
        g = corpus.load_gold(i, gold_dir)
        s = Sample(i, bool(g.get("programme")), seen["detection"], seen["rule_programme"])
        if s.programme:
            s.gold_totals = sorted({p["count"] for p in g.get("participants", []) if p.get("total")})
            s.has_program = bool(g.get("program"))
            s.gold_published = list(g.get("published") or [])
            s.counts = [(f, c in s.gold_totals, rule, c) for f, c, rule in seen["counts"]]
            s.names = [(f, _name_ok(n, g.get("program") or []), rule) for f, n, rule in seen["names"]]
            s.dates = [(f, iso in s.gold_published, rule, iso) for f, iso, rule in seen["dates"]]
            s.orgs = label_orgs(seen["orgs"], g.get("organizations") or [], g.get("organizations_optional") or [])
            s.gold_orgs = len(g.get("organizations") or [])
            s.people = label_people(seen["people"], g.get("people") or [], g.get("people_optional") or [])
            s.gold_people = len(g.get("people") or [])
        samples.append(s)
    return samples


def _scorer_labels(names: list[list[str]], by_rules: list[bool], gold: list[dict], optional: list[dict],
                   dropped: frozenset[str]) -> list[bool | None]:
    """Each item labelled as the scorer would pair it: True when it takes a gold item in the article's matching
    (the rules' items first, in text order, then the model's left-out names), None when it matches only an
    optional one (neither rewarded nor penalised), else False. ``dropped``: words the scorer ignores."""
    from ..evaluate import max_matching, names_match

    golds = [g.get("names") or [] for g in gold]
    opts = [o.get("names") or [] for o in optional]
    order = sorted(range(len(names)), key=lambda k: not by_rules[k])
    pairs = max_matching(len(order), len(golds), lambda a, b: names_match(names[order[a]], golds[b], dropped))
    taken = {order[a] for a in pairs}
    return [True if k in taken else None if any(names_match(n, o, dropped) for o in opts) else False
            for k, n in enumerate(names)]


def label_orgs(rows: list[tuple[dict[str, float], list[str], bool, bool]], gold: list[dict], optional: list[dict]
               ) -> list[tuple[dict[str, float], bool | None, bool, bool]]:
    """Each organisation item with its label (``_scorer_labels``, legal forms dropped)."""
    from ..evaluate import LEGAL_FORMS

    labels = _scorer_labels([r[1] for r in rows], [r[2] for r in rows], gold, optional, LEGAL_FORMS)
    return [(f, label, rule, forced) for (f, _, rule, forced), label in zip(rows, labels)]


def label_people(rows: list[tuple[dict[str, float], list[str], bool]], gold: list[dict], optional: list[dict]
                 ) -> list[tuple[dict[str, float], bool | None, bool]]:
    """Each person item with its label (``_scorer_labels``, honorifics dropped; optional ones are the press and
    captions)."""
    from ..evaluate import HONORIFICS

    labels = _scorer_labels([r[1] for r in rows], [r[2] for r in rows], gold, optional, HONORIFICS)
    return [(f, label, rule) for (f, _, rule), label in zip(rows, labels)]


# --- fitting --------------------------------------------------------------------------------------------

def _vocabulary(rows: list[tuple[str, dict[str, float]]]) -> set[str]:
    """Feature names kept: every numeric feature, and ``kind:value`` ones seen in >= MIN_DF articles."""
    df: Counter = Counter()
    per_article: dict[str, set[str]] = defaultdict(set)
    for aid, f in rows:
        per_article[aid].update(f)
    for names in per_article.values():
        df.update(names)
    return {k for k, n in df.items() if ":" not in k or n >= MIN_DF}


def _fit(rows: list[tuple[str, dict[str, float], bool]], c: float, vocab: set[str]) -> LinearModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if not rows:
        return LinearModel("constant", {}, -4.0)
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([{k: v for k, v in f.items() if k in vocab} for _, f, _ in rows])
    y = [int(label) for _, _, label in rows]
    if len(set(y)) < 2:
        return LinearModel("constant", {}, 4.0 if y and y[0] else -4.0)
    lr = LogisticRegression(C=c, max_iter=5000, class_weight=None)
    lr.fit(x, y)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), lr.coef_[0])}
    return LinearModel("", weights, float(lr.intercept_[0]))


def _folds(ids: list[str], salt: str = "fold") -> list[set[str]]:
    """Article ids in FOLDS groups by a hash of the salted id (stable, no article in two folds)."""
    import hashlib

    groups: list[set[str]] = [set() for _ in range(FOLDS)]
    for i in ids:
        groups[int(hashlib.sha256((salt + i).encode()).hexdigest()[:8], 16) % FOLDS].add(i)
    return groups


@dataclass
class Task:
    """One decision: how to get its rows from a sample and how to judge an article's outcome."""

    name: str
    rows: Callable[[Sample], list[tuple[dict[str, float], bool]]]
    judge: Callable[[Sample, LinearModel | None, float], bool | None]  # None: the article does not count
    thresholds: tuple[float, ...] = (0.5,)
    weighted: bool = False  # weigh articles so that programme articles make TARGET_PROGRAMME_SHARE of the total
    cv: Callable[["Task", list[Sample]], dict[str, Any]] | None = None  # its own cross-validation (default _cv)


# the card's figures where no article measures a decision
NOT_MEASURED = {"C": None, "threshold": 0.5, "cv_accuracy": 0.0, "cv_articles": 0, "fold_accuracies": [], "fold_sd": 0.0}


def _cv_entry(c: float, t: float, score: float, n: int, per_fold: list[float]) -> dict[str, Any]:
    """The card's figures for one (C, threshold): the pooled score, and each fold's with their spread."""
    mean = sum(per_fold) / len(per_fold)
    sd = (sum((a - mean) ** 2 for a in per_fold) / max(len(per_fold) - 1, 1)) ** 0.5
    return {"C": c, "threshold": t, "cv_accuracy": round(score, 4), "cv_articles": n,
            "fold_accuracies": [round(a, 3) for a in per_fold], "fold_sd": round(sd, 3)}


def _cv(task: Task, samples: list[Sample]) -> dict[str, Any]:
    """Cross-validated choice of C and threshold; returns the figures for the card."""
    ids = [s.article_id for s in samples]
    folds = [fold for salt in FOLD_SALTS for fold in _folds(ids, salt)]
    by_id = {s.article_id: s for s in samples}
    best: dict[str, Any] | None = None
    grid: list[dict[str, Any]] = []
    n_pos = sum(1 for s in samples if s.programme) or 1
    n_neg = sum(1 for s in samples if not s.programme) or 1

    def weight(s: Sample) -> float:
        if not task.weighted:
            return 1.0
        return TARGET_PROGRAMME_SHARE / n_pos if s.programme else (1 - TARGET_PROGRAMME_SHARE) / n_neg

    for c in C_GRID:
        outcomes: dict[float, list[tuple[bool, float, bool]]] = defaultdict(list)  # right?, weight, programme?
        per_fold: dict[float, list[float]] = defaultdict(list)
        for held in folds:
            train = [(s.article_id, f, y) for s in samples if s.article_id not in held for f, y in task.rows(s)]
            vocab = _vocabulary([(a, f) for a, f, _ in train])
            model = _fit(train, c, vocab)
            for t in task.thresholds:
                fold = []
                for aid in held:
                    ok = task.judge(by_id[aid], model, t)
                    if ok is not None:
                        fold.append((ok, weight(by_id[aid]), by_id[aid].programme))
                outcomes[t].extend(fold)
                if fold:
                    per_fold[t].append(sum(w for ok, w, _ in fold if ok) / sum(w for _, w, _ in fold))
        for t, oks in outcomes.items():
            if not oks:
                continue
            acc = sum(w for ok, w, _ in oks if ok) / sum(w for _, w, _ in oks)
            if task.weighted:  # the card shows how flat the choice is: every C and threshold
                confusion = _confusion(task, oks)
                grid.append({"C": c, "threshold": t, "cv_accuracy": round(acc, 4),
                             "cv_missed": confusion["cv_missed"], "cv_false": confusion["cv_false"]})
            if best is None or acc > best["cv_accuracy"] + 1e-9:
                best = {**_cv_entry(c, t, acc, len(oks) // len(FOLD_SALTS), per_fold[t]), **_confusion(task, oks)}
    rule = [(ok, weight(s)) for s in samples if (ok := task.judge(s, None, 0.5)) is not None]
    if best is None:  # no article where this decision is measured
        best = dict(NOT_MEASURED)
    best["rules_accuracy"] = round(sum(w for ok, w in rule if ok) / sum(w for _, w in rule), 4) if rule else None
    if task.weighted:
        best["grid"] = grid
        best["rules_errors"] = {"missed": sum(1 for s in samples if s.programme and not s.rule_programme),
                                "false": sum(1 for s in samples if not s.programme and s.rule_programme)}
    return best


def _confusion(task: Task, oks: list[tuple[bool, float, bool]]) -> dict[str, Any]:
    """For detection: how many programme articles were missed and ordinary ones flagged (the mean over the
    repeated fold assignments)."""
    if not task.weighted:
        return {}
    missed = round(sum(1 for ok, _, programme in oks if not ok and programme) / len(FOLD_SALTS), 1)
    false = round(sum(1 for ok, _, programme in oks if not ok and not programme) / len(FOLD_SALTS), 1)
    return {"weighted_for_programme_share": TARGET_PROGRAMME_SHARE, "cv_missed": missed, "cv_false": false}


# --- the four decisions ------------------------------------------------------------------------------------

def _judge_detection(s: Sample, model: LinearModel | None, t: float) -> bool:
    pred = s.rule_programme if model is None else model.score(s.detection) >= t
    return pred == s.programme


def _judge_total(s: Sample, model: LinearModel | None, t: float) -> bool | None:
    if not s.programme or not s.gold_totals:
        return None
    if model is None:
        pred = sorted({c for _, _, rule, c in s.counts if rule})
    else:
        pred = sorted(choose_totals([(model.score(f), c, rule) for f, _, rule, c in s.counts], t))
    return pred == s.gold_totals


def _judge_name(s: Sample, model: LinearModel | None, t: float) -> bool | None:
    if not s.programme or not s.has_program:
        return None
    if not s.names:
        return False
    if model is None:
        return any(y for _, y, rule in s.names if rule)
    return s.names[choose_name([(model.score(f), f) for f, _, _ in s.names])][1]


def _judge_published(s: Sample, model: LinearModel | None, t: float) -> bool | None:
    if not s.programme:
        return None
    if model is None:
        chosen = next((iso for _, _, rule, iso in s.dates if rule), None)
    else:
        i = choose_date([(model.score(f), f) for f, _, _, _ in s.dates], t)
        chosen = s.dates[i][3] if i is not None else None
    if not s.gold_published:
        # the scorer skips such articles; in learning, a date the model claims for one counts as a mistake
        return False if model is not None and chosen is not None else None
    return chosen in s.gold_published


def _org_counts(s: Sample, model: LinearModel | None, t: float) -> tuple[int, int, int]:
    """(tp, fp, fn) of one article's organisations: the rules' items (model None) or those the model keeps."""
    tp = fp = 0
    for f, label, rule, forced in s.orgs:
        keep = rule if model is None else keep_org(model.score(f), forced, t)
        if keep and label is True:
            tp += 1
        elif keep and label is False:
            fp += 1
    return tp, fp, max(s.gold_orgs - tp, 0)


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _cv_org(task: Task, samples: list[Sample]) -> dict[str, Any]:
    return _cv_micro_f1(task, samples, _org_counts, "organisation items")


def _person_counts(s: Sample, model: LinearModel | None, t: float) -> tuple[int, int, int]:
    """(tp, fp, fn) of one article's people: the rules' items (model None) or those the model keeps."""
    tp = fp = 0
    for f, label, rule in s.people:
        keep = rule if model is None else model.score(f) >= t
        tp += keep and label is True
        fp += keep and label is False
    return tp, fp, max(s.gold_people - tp, 0)


def _cv_micro_f1(task: Task, samples: list[Sample], counts: Callable[[Sample, LinearModel | None, float],
                                                                      tuple[int, int, int]], what: str) -> dict[str, Any]:
    """Cross-validated C and threshold for a keep-or-drop decision over items, measured as the scorer measures
    them: micro F1 over the programme articles' items (tp/fp/fn summed over articles), beside the rules' own F1."""
    folds = [fold for salt in FOLD_SALTS for fold in _folds([s.article_id for s in samples], salt)]
    by_id = {s.article_id: s for s in samples}
    measured = [s for s in samples if s.programme]
    best: dict[str, Any] | None = None
    for c in C_GRID:
        total: dict[float, list[int]] = defaultdict(lambda: [0, 0, 0])
        per_fold: dict[float, list[float]] = defaultdict(list)
        for held in folds:
            train = [(s.article_id, f, y) for s in samples if s.article_id not in held for f, y in task.rows(s)]
            model = _fit(train, c, _vocabulary([(a, f) for a, f, _ in train]))
            for t in task.thresholds:
                fold = [0, 0, 0]
                for aid in sorted(held):
                    if by_id[aid].programme:
                        fold = [x + y for x, y in zip(fold, counts(by_id[aid], model, t))]
                total[t] = [x + y for x, y in zip(total[t], fold)]
                per_fold[t].append(_f1(*fold))
        for t, (tp, fp, fn) in sorted(total.items()):
            f1 = _f1(tp, fp, fn)
            if best is None or f1 > best["cv_accuracy"] + 1e-9:
                best = {**_cv_entry(c, t, f1, len(measured), per_fold[t]),
                        "cv_counts": {"tp": tp, "fp": fp, "fn": fn}}
    rules = [0, 0, 0]
    for s in measured:
        rules = [x + y for x, y in zip(rules, counts(s, None, 0.5))]
    best = best or dict(NOT_MEASURED)
    best["rules_accuracy"] = round(_f1(*rules), 4)
    best["rules_counts"] = {"tp": rules[0], "fp": rules[1], "fn": rules[2]}
    best["measure"] = (f"micro F1 over the programme articles' {what}, paired with the gold as the reference scorer "
                       "pairs them (optional ones left out)")
    return best


def _cv_person(task: Task, samples: list[Sample]) -> dict[str, Any]:
    return _cv_micro_f1(task, samples, _person_counts, "people")


TASKS = {
    "detection": Task("detection", lambda s: [(s.detection, s.programme)], _judge_detection,
                      (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5), weighted=True),
    "total": Task("total", lambda s: [(f, y) for f, y, _, _ in s.counts] if s.programme and s.gold_totals else [],
                  _judge_total, (0.1, 0.2, 0.3, 0.4, 0.5)),
    "name": Task("name", lambda s: [(f, y) for f, y, _ in s.names] if s.programme and s.has_program else [],
                 _judge_name),
    "published": Task("published", lambda s: [(f, y) for f, y, _, _ in s.dates] if s.programme else [],
                      _judge_published, (0.1, 0.2, 0.3, 0.5)),
    "org": Task("org", lambda s: [(f, y) for f, y, _, forced in s.orgs if y is not None and not forced]
                if s.programme else [], lambda s, m, t: None, (0.2, 0.3, 0.4, 0.5, 0.6), cv=_cv_org),
    "person": Task("person", lambda s: [(f, y) for f, y, _ in s.people if y is not None] if s.programme else [],
                   lambda s, m, t: None, (0.2, 0.3, 0.4, 0.5, 0.6, 0.7), cv=_cv_person),
}

DESCRIPTIONS = {
    "detection": "is the article about a programme (one row per article)",
    "total": "which count is the programme's overall number of participants (one row per count; the best "
             "count above the threshold is the total)",
    "name": "which proposed phrase names the programme (one row per proposed name; the best one is taken)",
    "published": "which date is the article's own (one row per day date; the best one above the threshold)",
    "org": "which organisation items a record keeps (one row per item the rules propose and per model ORG name the "
           "rules left out; kept above the threshold, or when an analyst's alias rule names it; its CV figure is "
           "micro F1 over organisations, not a share of articles)",
    "person": "which people a record keeps (one row per person the rules propose and per model PER name they turned "
              "down; kept above the threshold; its CV figure is micro F1 over people, not a share of articles)",
}


def train(samples: list[Sample], out: Path, only: list[str] | None = None) -> dict[str, dict[str, Any]]:
    out.mkdir(parents=True, exist_ok=True)
    cards = {}
    for name in only or list(DECISIONS):
        task = TASKS[name]
        cv = (task.cv or _cv)(task, samples)
        rows = [(s.article_id, f, y) for s in samples for f, y in task.rows(s)]
        vocab = _vocabulary([(a, f) for a, f, _ in rows])
        model = _fit(rows, cv["C"] or 1.0, vocab)
        model.name, model.threshold = name, cv["threshold"]
        model.card = {
            "decision": DESCRIPTIONS[name],
            "data": {"articles": len({a for a, _, _ in rows}), "rows": len(rows),
                     "positives": sum(1 for _, _, y in rows if y), "split": "train (data/corpus, hash of id)"},
            "features": len(model.weights),
            "cross_validation": {**cv, "folds": FOLDS, "measure": "share of articles where the choice is right, "
                                 "as the reference scorer judges it"},
            "rebuild": "make learn",
        }
        if "measure" in cv:  # a decision measured its own way (org: micro F1)
            model.card["cross_validation"]["measure"] = cv["measure"]
        gain = cv["cv_accuracy"] - (cv["rules_accuracy"] or 0.0)
        model.card["shipped"] = gain >= MIN_GAIN
        path = out / f"{name}.json"
        if model.card["shipped"]:
            path.write_text(model.to_json(), encoding="utf-8")
        else:  # not better than the rules' own choice in cross-validation: the rules keep deciding
            path.unlink(missing_ok=True)
        cards[name] = model.card
    return cards


def _all_cards(cards: dict[str, dict[str, Any]], out: Path) -> dict[str, dict[str, Any]]:
    """The cards of this training merged into those kept in ``cards.json``, so retraining one decision
    (``--only``) leaves the others' rows in the card as they were."""
    path = out / "cards.json"
    kept = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    kept.update(json.loads(json.dumps(cards)))
    merged = {name: kept[name] for name in DECISIONS if name in kept}
    path.write_text(json.dumps(merged, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return merged


def write_card(cards: dict[str, dict[str, Any]], out: Path, sources: Counter) -> None:
    cards = _all_cards(cards, out)
    lines = ["# Learned decisions: model card", "",
             "Rebuilt by `make learn` (`python -m pipeline.decide.learn`) from the train splits of the annotated",
             f"corpus (`data/corpus/gold`, {sources['corpus']} articles) and of the annotated unlabelled news",
             f"(`data/corpus/news_gold`, {sources['news']} articles); the test splits are never read. One logistic",
             "regression per decision (scikit-learn, L2; C and the threshold chosen by 5-fold cross-validation over",
             "articles, repeated over three fold assignments and pooled), stored as JSON weights. Features:",
             "`pipeline/decide/features.py`.", "",
             "| decision | rows | positives | features | C | threshold | CV accuracy (sd over folds) | rules alone (same articles) | shipped |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for name, card in cards.items():
        cv, d = card["cross_validation"], card["data"]
        lines.append(f"| {name} | {d['rows']} | {d['positives']} | {card['features']} | {cv['C']} | {cv['threshold']} | "
                     f"{cv['cv_accuracy']:.3f} ± {cv['fold_sd']:.3f} ({cv['cv_articles']} articles) | {cv['rules_accuracy']} | "
                     f"{'yes' if card['shipped'] else 'no: the rules decide'} |")
    det = cards.get("detection", {}).get("cross_validation", {})
    if "cv_missed" in det:
        lines += ["", f"Detection is weighed for a stream where {det['weighted_for_programme_share']:.0%} of articles are "
                  "programme articles (the corpus has about half): in cross-validation the learned choice missed "
                  f"{det['cv_missed']} programme articles and flagged {det['cv_false']} others "
                  "(means over the three fold "
                  "assignments); the rules alone missed "
                  f"{det['rules_errors']['missed']} and flagged {det['rules_errors']['false']}."]
        if det.get("grid"):
            near = sorted((g for g in det["grid"] if g["cv_accuracy"] >= det["cv_accuracy"] - 0.005),
                          key=lambda g: (g["threshold"], g["C"]))
            lines += ["", "How flat that choice is: the settings within half a point of the best (CV accuracy, programme "
                      "articles missed, others flagged; every setting is in `cards.json`):", "",
                      "| C | threshold | CV accuracy | missed | flagged |", "| ---: | ---: | ---: | ---: | ---: |"]
            lines += [f"| {g['C']} | {g['threshold']} | {g['cv_accuracy']:.4f} | {g['cv_missed']} | {g['cv_false']} |"
                      for g in near]
    lines += ["", "The candidates are recorded with the shipped NER model, which was trained on the NER labels of the",
              "corpus train split and of most news train articles: there its spans are better than on unseen text, so",
              "the decisions that read the model's signs (person, org) may trust them more than they should. The corpus",
              "test split, which no model has seen, says what such a decision is worth (`make eval-corpus`)."]
    lines += ["", f"A model is shipped only when its CV accuracy is at least {MIN_GAIN:.0%} above the rules' own choice;",
              "otherwise its file is removed and the rules keep that decision.", "", "What each decision is:", ""]
    lines += [f"- `{n}`: {c['decision']}." for n, c in cards.items()]
    lines += ["", "CV accuracy: over the articles where the decision is measured (detection: all; total: programme",
              "articles with a gold total; name: with a gold programme name; published: with a gold publication",
              "date), the share where the learned choice is right, each article predicted by a model that did not",
              "see it. 'Rules alone' is the pipeline's rule-ordered choice on the same articles.", ""]
    (out / "CARD.md").write_text("\n".join(lines), encoding="utf-8")


def recording_key(rules: list[str], ner_model: str | None, *gold: str | Path) -> str:
    """What the recorded candidates and their features depend on: the pipeline's code (the features are computed
    while recording, so a change to ``features.py`` needs a new recording too), the rule files, the NER model
    named and the gold folders' files."""
    import hashlib

    from ..cache import source_digest

    h = hashlib.sha256(f"{ner_model or 'shipped'}\0{source_digest('.')}".encode())  # the whole package's code
    paths = []
    for r in rules:
        paths += sorted(Path(r).rglob("*.jsonl")) if Path(r).is_dir() else [Path(r)]
    for g in gold:
        if g and Path(g).is_dir():
            paths += sorted(Path(g).glob("*.json"))
    for path in paths:
        h.update(str(path).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def load_samples(path: Path, key: str) -> list[Sample] | None:
    """The recorded samples in ``path`` when they were recorded under ``key``; None (record again) when the file
    is missing, of the older format without a key, or recorded before the code, rules or gold changed."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("key") != key:
        print(f"{path}: recorded before the code, rules or gold changed: recording again", file=sys.stderr)
        return None
    return [Sample(**d) for d in data["samples"]]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train the learned decisions from the annotated corpus (train split).")
    ap.add_argument("--gold", type=Path, default=corpus.GOLD_DIR)
    ap.add_argument("--articles", type=Path, default=corpus.SHARED_ARTICLES)
    ap.add_argument("--news-gold", default=str(corpus.NEWS_GOLD_DIR),
                    help="gold of unlabelled-news articles whose train split is learnt from too ('' for none); "
                         "their texts are read from ../shared/corpus/unlabelled into a temporary folder")
    ap.add_argument("--rules", action="append", default=None)
    ap.add_argument("--ner-model", help="record the candidates with this NER model (default: the shipped one), to fit "
                                        "decisions for a model under trial")
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--only", nargs="*", choices=DECISIONS)
    ap.add_argument("--samples", type=Path, help="reuse (or write) the recorded candidates as JSON here; they are "
                                                 "recorded again when the code, the rules or the NER model changed")
    a = ap.parse_args(argv)
    if not a.articles.is_dir():
        print(f"{a.articles}: the corpus texts are not there (they live in ../shared/corpus/articles)", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    rules = a.rules or ["rules"]
    key = recording_key(rules, a.ner_model, a.gold, a.news_gold)
    samples = load_samples(a.samples, key) if a.samples else None
    if samples is None:
        samples = record(corpus.ids("train", a.gold), a.articles, rules, a.gold, a.ner_model)
        news_ids = corpus.ids("train", a.news_gold) if a.news_gold else []
        if news_ids:
            if not corpus.SHARED_NEWS.is_file():
                print(f"{corpus.SHARED_NEWS}: needed for the texts of {a.news_gold}", file=sys.stderr)
                return 1
            with tempfile.TemporaryDirectory(prefix="news-gold-") as texts:
                corpus.write_news_texts(texts, a.news_gold)
                samples += record(news_ids, Path(texts), rules, Path(a.news_gold), a.ner_model)
        if a.samples:
            from dataclasses import asdict

            a.samples.write_text(json.dumps({"key": key, "samples": [asdict(s) for s in samples]}), encoding="utf-8")
    sources = Counter("news" if s.article_id.startswith("n") else "corpus" for s in samples)
    print(f"recorded {len(samples)} train articles ({sources['corpus']} corpus, {sources['news']} news) in "
          f"{time.perf_counter() - t0:.0f}s", file=sys.stderr)
    cards = train(samples, a.out, a.only)
    write_card(cards, a.out, sources)
    for name, card in cards.items():
        cv = card["cross_validation"]
        print(f"{name:10} CV {cv['cv_accuracy']:.3f} over {cv['cv_articles']} articles "
              f"(rules alone {cv['rules_accuracy']}), C={cv['C']}, threshold={cv['threshold']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
