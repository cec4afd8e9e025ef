"""Cross-article entity resolution: one id per real organisation, person, place.

Items join when their normalised names are equal, when one's multi-word alias
equals another's name, or when their names are near-identical (rapidfuzz
ratio >= ``FUZZY``) within a block sharing the first normalised token. There is
never an all-pairs matrix: blocks are small. Single-word aliases ("Pertamina",
"Hatim") never join entities across articles: they are too ambiguous. Places
with an official code join by code, and their entity id derives from it. Every
join of differing names records why, for ``entities.csv``.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from rapidfuzz import fuzz

from .unionfind import UnionFind

FUZZY = 92
MAX_BLOCK = 2000  # blocks larger than this are compared only by exact keys
# Words left out of the cross-article name key. Not names.LEGAL_WORDS (the legal forms org_key drops within an
# article): this key also drops "the", keeps "perseroda" and splits words its own way; entity ids depend on it.
LEGAL = {"pt", "tbk", "persero", "cv", "ud", "the", "pt."}
KINDS = {"organizations": "org", "people": "per", "places": "loc"}


def name_key(name: str, kind: str) -> str:
    s = unicodedata.normalize("NFKC", name or "").casefold().replace("&", " dan ")
    s = re.sub(r"[^\w\s]", " ", s)
    toks = s.split()
    if kind == "org":
        toks = [t for t in toks if t not in LEGAL]
    return " ".join(toks)


@dataclass
class Entity:
    entity_id: str
    kind: str
    name: str
    aliases: list[str]
    articles: list[str]
    merge_reasons: list[str] = field(default_factory=list)


class Resolver:
    """Collects items (streaming, small per item), then assigns ids."""

    def __init__(self):
        self.uf = UnionFind()
        self.kind: list[str] = []
        self.names: list[str] = []
        self.forms: list[tuple[str, ...]] = []
        self.article: list[str] = []
        self.codes: list[str | None] = []
        self.by_key: dict[tuple[str, str], int] = {}
        self.reasons: defaultdict[int, list[str]] = defaultdict(list)

    def add(self, kind: str, name: str, aliases: Iterable[str], article_id: str, code: str | None = None) -> int:
        i = self.uf.add()
        self.kind.append(kind)
        self.names.append(name)
        self.forms.append(tuple(aliases))
        self.article.append(article_id)
        self.codes.append(code or None)
        key = (kind, code) if code else (kind, name_key(name, kind))
        if not key[1]:
            return i  # a name with no letters or digits joins nothing
        j = self.by_key.setdefault(key, i)
        if j != i:
            self.uf.union(i, j)
            if name != self.names[j]:
                why = f"same code {code}" if code else "same normalised name"
                self.reasons[i].append(f"{why}: '{name}' = '{self.names[j]}'")
        return i

    def resolve(self) -> list[int]:
        """Join by aliases and fuzzy names; returns the root of every item."""
        for i, forms in enumerate(self.forms):
            kind = self.kind[i]
            for f in forms:
                k = name_key(f, kind)
                if len(k.split()) < 2:
                    continue
                j = self.by_key.get((kind, k))
                if j is not None and self.uf.union(i, j):
                    self.reasons[i].append(f"alias '{f}' = name '{self.names[j]}'")
        blocks: defaultdict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
        for (kind, key), i in self.by_key.items():
            if kind == "loc" or not key or re.fullmatch(r"\d+(\.\d+)*", key):
                continue
            blocks[(kind, key.split()[0])].append((key, i))
        for members in blocks.values():
            if len(members) < 2 or len(members) > MAX_BLOCK:
                continue
            for a in range(len(members)):
                ka, ia = members[a]
                for b in range(a + 1, len(members)):
                    kb, ib = members[b]
                    if abs(len(ka) - len(kb)) > 3:
                        continue
                    score = fuzz.ratio(ka, kb)
                    if score >= FUZZY and self.uf.union(ia, ib):
                        self.reasons[ib].append(f"fuzzy {score:.0f}: '{self.names[ib]}' ~ '{self.names[ia]}'")
        return [self.uf.find(i) for i in range(len(self.names))]

    def entities(self) -> tuple[list[int], dict[int, Entity]]:
        roots = self.resolve()
        groups: defaultdict[int, list[int]] = defaultdict(list)
        for i, r in enumerate(roots):
            groups[r].append(i)
        out: dict[int, Entity] = {}
        for r, members in groups.items():
            kind = self.kind[r]
            names = Counter(self.names[i] for i in members)
            # the most frequent name, the longest on ties: stable for the same input
            name = max(names, key=lambda n: (names[n], len(n), n))
            # a resolved place is identified by its code: two places may share a name
            codes = sorted({self.codes[i] for i in members if self.codes[i]})
            basis = f"code:{codes[0]}" if codes else name_key(name, kind)
            eid = f"{kind}:{hashlib.sha1(basis.encode()).hexdigest()[:12]}"
            aliases = sorted({f for i in members for f in (self.names[i], *self.forms[i])} - {name})
            articles = sorted({self.article[i] for i in members})
            reasons = list(dict.fromkeys(x for i in members for x in self.reasons.get(i, [])))
            out[r] = Entity(eid, kind, name, aliases, articles, reasons)
        return roots, out


def resolve_records(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fill ``entity_id`` in every record item; return the rows of ``entities.csv``."""
    res = Resolver()
    refs = []
    for rec in records:
        for field_name, kind in KINDS.items():
            for item in rec.get(field_name, []):
                code = item.get("code") if kind == "loc" else None
                i = res.add(kind, item["name"], item.get("aliases", []), rec["article_id"], code)
                refs.append((i, item))
    roots, entities = res.entities()
    for i, item in refs:
        item["entity_id"] = entities[roots[i]].entity_id
    rows = []
    for e in sorted(entities.values(), key=lambda e: (e.kind, e.name.casefold())):
        rows.append({"entity_id": e.entity_id, "kind": e.kind, "name": e.name, "aliases": e.aliases,
                     "article_count": len(e.articles), "articles": e.articles, "merge_reasons": e.merge_reasons})
    return rows
