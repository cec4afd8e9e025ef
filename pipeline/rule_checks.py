"""Checks of rule files that schema validation cannot make: spaCy's verdict on entity patterns, and
slow (catastrophically backtracking) regexes. ``rules check`` and every ``run`` call ``check_rules``
before anything is processed, so both report the same problems as ``file:line: message``.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from .cache import MISSING, ArticleCache, NullCache, make_key, source_digest
from .rules import RuleSet
from .safe_regex import slow_patterns


@lru_cache(maxsize=None)
def _spacy_version() -> str:
    return version("spacy")


def check_rules(rules: RuleSet, cache: ArticleCache | None = None) -> list[str]:
    """Problems schema validation cannot see: spaCy patterns, slow regexes.

    Cached per rule file content (so a copied or unchanged file is not checked again); the messages are
    stored without the file's path and given the current one back.
    """
    cache = cache or NullCache()
    problems: list[str] = []
    code = source_digest("rule_checks.py", "safe_regex.py", "rules.py")
    for path, sha in rules.hashes.items():
        one = _one_file(rules, path)
        ids = [r.id for stem in one.by_stem for r in one.get(stem)]  # a later folder may switch some off
        key = make_key("check", sha, Path(path).name, ids, _spacy_version(), code)
        found = cache.get("check", key)
        if found is MISSING:
            found = [p.replace(path, "\0", 1) for p in entity_pattern_problems(one) + slow_patterns(one)]
            cache.put("check", key, found)
        problems.extend(p.replace("\0", path, 1) for p in found)
    return problems


def _one_file(rules: RuleSet, path: str) -> RuleSet:
    return RuleSet(rules.dirs, {s: [r for r in rs if r.path == path] for s, rs in rules.by_stem.items()},
                   {path: rules.hashes[path]})


def entity_pattern_problems(rules: RuleSet) -> list[str]:
    """Every entities rule spaCy's SpanRuler refuses (validate=True), as ``file:line: message``.

    Each pattern is added on its own, so one bad pattern neither hides the others nor is blamed on them.
    """
    entries = rules.get("entities")
    if not entries:
        return []
    from . import tokenizer

    nlp = tokenizer.blank()
    ruler = nlp.add_pipe("span_ruler", config={"validate": True, "phrase_matcher_attr": "LOWER"})
    problems = []
    for r in entries:
        try:
            ruler.add_patterns([{"label": r["label"], "pattern": r["pattern"], "id": r.id}])
        except Exception as e:  # noqa: BLE001 - spaCy raises ValueError/MatchPatternError/TypeError
            msg = " ".join(str(e).split())
            problems.append(f"{r.where}: bad pattern for '{r.id}': {msg[:300]}")
    return problems
