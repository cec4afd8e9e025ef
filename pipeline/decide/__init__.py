"""Rules propose, learned models decide.

The extractors (rules and the NER model) find the candidates: counts, proposed programme names, dates,
cue words. The soft choices among them are made by small logistic models learned from the annotated
corpus of real articles (``data/corpus/``, ``make learn``):

- ``detection``: is the article about a programme at all;
- ``total``: which count(s) are the programme's overall number of participants;
- ``name``: which proposed phrase names the programme;
- ``published``: which date is the article's own;
- ``org``: which organisation items the record keeps (and which of the model's names the rules left out it takes);
- ``person``: which people the record keeps (and which of the model's PER names the rules turned down it takes).

Each model reads features made from what the rules found (cue weights, the rule that matched, the rule's
own choice, positions, titles, ...: ``features.py``), so an analyst's rule edit still changes the output
through them. A missing model file leaves that choice to the rules, as before; ``--decisions none`` turns
all of them off. Weights are JSON (``models/decisions/*.json``): loading them cannot run code.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from . import features
from .features import Evidence
from .linear import LinearModel

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "decisions"
DECISIONS = ("detection", "total", "name", "published", "org", "person")

__all__ = ["DECISIONS", "Decider", "Evidence", "LinearModel", "MODEL_DIR", "features"]


@dataclass
class Decider:
    models: dict[str, LinearModel] = field(default_factory=dict)
    version: str = "rules-only"

    @classmethod
    def load(cls, folder: str | Path | None = None) -> "Decider":
        """The models in ``folder`` (default: the shipped ones); ``"none"`` gives the rules' own choices."""
        if folder is not None and str(folder) == "none":
            return cls()
        path = Path(folder) if folder is not None else MODEL_DIR
        models, h = {}, hashlib.sha256()
        for name in DECISIONS:
            f = path / f"{name}.json"
            if f.is_file():
                models[name] = LinearModel.load(f)
                h.update(name.encode() + b"\0" + f.read_bytes())
        return cls(models, h.hexdigest()[:16] if models else "rules-only")

    def apply(self, ev: Evidence, published: str | None) -> str | None:
        """Make the learned choices in place (facts, count and date mentions); returns the publication date."""
        m = self.models.get("detection")
        if m is not None:
            p = m.score(features.detection(ev))
            ev.facts.is_programme = p >= m.threshold
            ev.facts.score = round(p, 3)
        forced = forced_detection(ev)
        if forced is not None:  # an analyst's deciding cue word overrides model and score alike
            ev.facts.is_programme = forced
        if "total" in self.models:
            self._totals(ev, self.models["total"])
        if "name" in self.models:
            self._name(ev, self.models["name"])
        if "published" in self.models and not ev.article.meta.get("published"):  # metadata is never overruled
            published = self._published(ev, self.models["published"], published)
        if "org" in self.models:
            self._orgs(ev, self.models["org"])
        if "person" in self.models:
            self._people(ev, self.models["person"])
        return published

    @staticmethod
    def _totals(ev: Evidence, model: LinearModel) -> None:
        cands = features.count_candidates(ev)
        if not cands:
            return
        totals = choose_totals([(model.score(f), m.value["count"], bool(m.value.get("total"))) for m, f in cands],
                               model.threshold)
        for m, _ in cands:
            m.value["total"] = m.value["count"] in totals and not m.value.get("part")

    @staticmethod
    def _name(ev: Evidence, model: LinearModel) -> None:
        cands = features.name_candidates(ev)
        if not cands:
            return
        best = cands[choose_name([(model.score(f), f) for _, f in cands])][0]
        ev.facts.name_mention = best
        ev.facts.name = best.value["name"]

    @staticmethod
    def _published(ev: Evidence, model: LinearModel, published: str | None) -> str | None:
        cands = features.date_candidates(ev)
        if not cands:
            return published
        i = choose_date([(model.score(f), f) for _, f in cands], model.threshold)
        best = cands[i][0] if i is not None else None
        chosen = best.value["start"] if best is not None else None
        for m, _ in cands:
            if m is best:
                m.value["kind"], m.label = "publication", "publication"
            elif m.value.get("kind") == "publication":
                m.value["kind"], m.label = "event", "event"
        return chosen

    @staticmethod
    def _orgs(ev: Evidence, model: LinearModel) -> None:
        """Which organisation items the record keeps: those the model finds likely enough, and always those an
        analyst's alias rule names; the model's names the rules left out come in when the model takes them."""
        for ms, f, rule, forced, _ in features.org_candidates(ev):
            p = model.score(f)
            keep = keep_org(p, forced, model.threshold)
            for m in ms:
                m.value["org_score"] = round(p, 3)
                if rule and not keep:
                    m.value["dropped"] = True
                elif not rule and keep:
                    m.excluded, m.note = False, "the model's name, taken by the learned org decision"

    @staticmethod
    def _people(ev: Evidence, model: LinearModel) -> None:
        """Which people the record keeps: those the model finds likely enough (a person the rules found and the
        model turns down is excluded with all its mentions); the model's PER names the rules turned down come in
        when the model takes them."""
        for ms, f, rule, _ in features.person_candidates(ev):
            p = model.score(f)
            keep = p >= model.threshold
            for m in ms:
                m.value["person_score"] = round(p, 3)
                if rule and not keep:
                    m.excluded, m.note = True, "turned down by the learned person decision"
                elif not rule and keep:
                    m.excluded, m.note = False, "the model's name, taken by the learned person decision"


def keep_org(p: float, forced: bool, threshold: float) -> bool:
    """An organisation item stays when an analyst's alias rule names it, else when P(gold) clears the threshold."""
    return forced or p >= threshold


def choose_totals(scored: list[tuple[float, int, bool]], threshold: float) -> set[int]:
    """The total(s) from (P(total), count, the rules' own mark) per count: the likeliest count when it clears
    the threshold; when the rules marked it too, every count the rules marked with it ("75 sekolah dan 6
    perguruan tinggi" are both totals), since the rules see how the counts are joined."""
    if not scored:
        return set()
    best = max(scored, key=lambda t: t[0])
    if best[0] < threshold:
        return set()
    if best[2]:
        return {c for _, c, rule in scored if rule}
    return {best[1]}


STRONG_DATE_RULES = ("how:dateline", "how:stamp")
# rules/programme_cues.jsonl: a cue word with a weight this large (or its negative) decides detection alone
DECIDING_CUE_WEIGHT = 10.0
# rules/programme_name_patterns.jsonl: a pattern with this priority or more names the programme alone
DECIDING_NAME_PRIORITY = 10


def forced_detection(ev: Evidence) -> bool | None:
    """True/False when a cue word of weight >= 10 / <= -10 occurs in the article (the negative wins), else None."""
    weights = [c.value["weight"] for c in ev.facts.cues if abs(c.value["weight"]) >= DECIDING_CUE_WEIGHT]
    if not weights:
        return None
    return min(weights) > 0


def choose_name(scored: list[tuple[float, dict[str, float]]]) -> int:
    """Which proposed name (index): a pattern of priority >= 10 always (the highest, then the first);
    otherwise the likeliest, the first on ties."""
    forced = [i for i, (_, f) in enumerate(scored) if f.get("priority", 0) >= DECIDING_NAME_PRIORITY]
    if forced:
        return max(forced, key=lambda i: (scored[i][1]["priority"], -i))
    return max(range(len(scored)), key=lambda k: (scored[k][0], -k))


def choose_date(scored: list[tuple[float, dict[str, float]]], threshold: float) -> int | None:
    """Which date (index) is the article's own: a dateline or a stamp at the top that the rules recognised
    always (the rules' strong evidence overrides); otherwise the likeliest date if it clears the threshold."""
    for i, (_, f) in enumerate(scored):
        if any(f.get(k) for k in STRONG_DATE_RULES):
            return i
    if not scored:
        return None
    i = max(range(len(scored)), key=lambda k: (scored[k][0], -k))
    return i if scored[i][0] >= threshold else None
