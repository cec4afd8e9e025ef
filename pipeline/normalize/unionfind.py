"""Disjoint sets for merging surface forms (within an article) and entities (across a run)."""
from __future__ import annotations


class UnionFind:
    """Union-find with path halving; items are 0..n-1, more can be added with ``add``."""

    def __init__(self, n: int = 0):
        self.parent = list(range(n))

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        """Join the sets of a and b; False when they were already one. The smaller root wins (stable)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        return True

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return out
