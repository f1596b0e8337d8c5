"""Shared test helper: near-duplicate pairs found the slow, obvious way, to check L16's index against."""

from __future__ import annotations

from itertools import combinations


def brute_force(sets: list[frozenset[str]], threshold: float) -> list[tuple[int, int, float]]:
    """Every pair of sets of 2+ stems at or over ``threshold``, compared one by one."""
    out = []
    for i, j in combinations(range(len(sets)), 2):
        if len(sets[i]) < 2 or len(sets[j]) < 2:
            continue
        shared = len(sets[i] & sets[j])
        score = shared / (len(sets[i]) + len(sets[j]) - shared)
        if score >= threshold:
            out.append((i, j, score))
    return out
