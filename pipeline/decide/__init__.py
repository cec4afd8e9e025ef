"""Rules propose, learned models decide.

The extractors (rules and the NER model) find the candidates: counts, proposed programme names, dates,
cue words. Four soft choices among them are made by small logistic models learned from the annotated
corpus of real articles (``data/corpus/``, ``make learn``):

- ``detection``: is the article about a programme at all;
- ``total``: which count(s) are the programme's overall number of participants;
- ``name``: which proposed phrase names the programme;
- ``published``: which date is the article's own.

Each model reads features made from what the rules found (cue weights, the rule that matched, the rule's
own choice, positions, titles, ...: ``features.py``), so an analyst's rule edit still changes the output
through them. A missing model file leaves that choice to the rules, as before; ``--decisions none`` turns
all of them off. Weights are JSON (``models/decisions/*.json``): loading them cannot run code.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import features
from .features import Evidence
from .linear import LinearModel

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "decisions"
DECISIONS = ("detection", "total", "name", "published")

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
        if "total" in self.models:
            self._totals(ev, self.models["total"])
        if "name" in self.models:
            self._name(ev, self.models["name"])
        if "published" in self.models and not ev.article.meta.get("published"):  # metadata is never overruled
            published = self._published(ev, self.models["published"], published)
        return published

    @staticmethod
    def _totals(ev: Evidence, model: LinearModel) -> None:
        cands = features.count_candidates(ev)
        if not cands:
            return
        scored = sorted(((model.score(f), m) for m, f in cands), key=lambda t: -t[0])
        second = float(model.card.get("second_threshold", 0.9))
        totals: set[int] = set()
        if scored[0][0] >= model.threshold:
            totals.add(scored[0][1].value["count"])
            totals.update(m.value["count"] for p, m in scored[1:2] if p >= second)
        for _, m in cands:
            m.value["total"] = m.value["count"] in totals and not m.value.get("part")

    @staticmethod
    def _name(ev: Evidence, model: LinearModel) -> None:
        cands = features.name_candidates(ev)
        if not cands:
            return
        _, best = max(((model.score(f), -m.start, i), m) for i, (m, f) in enumerate(cands))
        ev.facts.name_mention = best
        ev.facts.name = best.value["name"]

    @staticmethod
    def _published(ev: Evidence, model: LinearModel, published: str | None) -> str | None:
        cands = features.date_candidates(ev)
        if not cands:
            return published
        p, _, best = max((model.score(f), -m.start, m) for m, f in cands)
        chosen = best.value["start"] if p >= model.threshold else None
        for m, _ in cands:
            if m.value.get("kind") == "publication" and m.value["start"] != chosen:
                m.value["kind"], m.label = "event", "event"
            elif m is best and chosen is not None:
                m.value["kind"], m.label = "publication", "publication"
                m.excluded = False if m.note.startswith("in ") and m.excluded else m.excluded
        return chosen


def describe(decider: Decider) -> dict[str, Any]:
    """For run.json: which choices were learned, and from which model files."""
    return {"version": decider.version, "learned": sorted(decider.models)}
