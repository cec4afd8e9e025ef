"""A logistic model stored as JSON: named features, weights, a bias and a threshold.

Why JSON: the weights ship in the repository and are read at every run; a JSON file cannot run code
when loaded (a pickle can), diffs show what a retraining changed, and scoring needs no library.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping


@dataclass
class LinearModel:
    name: str
    weights: dict[str, float]
    bias: float
    threshold: float = 0.5
    card: dict[str, Any] = field(default_factory=dict)  # data, features, cross-validated figures

    def score(self, features: Mapping[str, float]) -> float:
        """P(yes) for one candidate's features; features the model has no weight for count for nothing."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items() if v)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def to_json(self) -> str:
        data = {"name": self.name, "bias": round(self.bias, 6), "threshold": round(self.threshold, 4),
                "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-6},
                "card": self.card}
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"

    @classmethod
    def load(cls, path: Path | str) -> "LinearModel":
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
            raise ValueError(f"{path}: not a decision model (no 'weights' object)")
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        return cls(str(data.get("name", Path(path).stem)), weights, float(data.get("bias", 0.0)),
                   float(data.get("threshold", 0.5)), dict(data.get("card") or {}))
