"""The annotated corpus of real articles (``data/corpus/``): its train/test split and agreement.

The gold files live in the repository (``data/corpus/gold/<id>.json``, under the rules of the
annotation guidelines); the article texts stay in ``../shared/corpus/articles`` and are read from
there. The split is a hash of the article id, so it never changes when articles are added: about
20% of ids are ``test`` (measured at the end of a session, never tuned on), the rest ``train``.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "data" / "corpus" / "gold"
SECOND_DIR = ROOT / "data" / "corpus" / "gold_second"  # independent second annotations, for agreement
SHARED_ARTICLES = ROOT.parent / "shared" / "corpus" / "articles"
TEST_SHARE = 20  # percent


def split_of(article_id: str) -> str:
    """``"test"`` for about 20% of ids (by a hash of the id), else ``"train"``."""
    h = int(hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:8], 16)
    return "test" if h % 100 < TEST_SHARE else "train"


def ids(split: str = "all", gold_dir: Path | str = GOLD_DIR) -> list[str]:
    """The annotated ids of one split (``train``, ``test`` or ``all``), in name order."""
    found = sorted(p.stem for p in Path(gold_dir).glob("*.json"))
    return found if split == "all" else [i for i in found if split_of(i) == split]


def load_gold(article_id: str, gold_dir: Path | str = GOLD_DIR) -> dict[str, Any]:
    with open(Path(gold_dir) / f"{article_id}.json", encoding="utf-8") as f:
        return json.load(f)


def gold_as_records(gold: dict[str, Any]) -> list[dict[str, Any]]:
    """One annotation read as the pipeline's output (main lists only), so that two annotations of one
    article can be scored against each other with the same scorer as the pipeline."""
    if not gold.get("programme"):
        return []

    def ents(key: str) -> list[dict[str, Any]]:
        out = []
        for e in gold.get(key, []):
            names = e.get("names") or []
            if names:
                out.append({"name": names[0], "aliases": names[1:], "title": e.get("title", ""),
                            "level": e.get("level")})
        return out

    program = (gold.get("program") or [None])[0]
    published = (gold.get("published") or [None])[0]
    return [{
        "article_id": gold["id"], "program": program, "published": published,
        "organizations": ents("organizations"), "people": ents("people"), "places": ents("places"),
        "dates": [{"start": d.get("start"), "end": d.get("end")} for d in gold.get("dates", [])],
        "participants": [{"count": p["count"], "total": bool(p.get("total")), "what": p.get("what", "")}
                         for p in gold.get("participants", [])],
    }]


def agreement(first: Path | str = GOLD_DIR, second: Path | str = SECOND_DIR,
              only: Iterable[str] | None = None) -> dict[str, Any]:
    """The second annotations scored against the first (the reference scorer's measures), over the ids
    annotated twice."""
    from .evaluate import score

    both = sorted(set(ids("all", second)) & set(ids("all", first)))
    if only is not None:
        keep = set(only)
        both = [i for i in both if i in keep]
    records = [r for i in both for r in gold_as_records(load_gold(i, second))]
    summary = score(first, records, only=both)
    summary["articles"] = len(both)
    return summary
