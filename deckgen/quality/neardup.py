"""L16: near-duplicate prompts across the whole library, without comparing every pair.

Similarity is the Jaccard overlap of the prompts' content-word stems. Prefix filtering
makes it exact and fast: sort each prompt's stems rarest first; two sets with Jaccard
>= t must share a stem among the first ``n - ceil(t*n) + 1`` of either set, so only
prompts that share a rare stem are ever compared (Chaudhuri et al., 2006).

A stem in many prompts makes a poor key (in a library whose prompts reuse a small
vocabulary, even a prompt's rarest stem is in a fixed share of all prompts, and one-stem
keys compared a fixed share of all pairs: 0.3 s at 8,000 prompts, 17-28 s at 80,000).
When the threshold is over 1/3, every pair at the threshold shares at least two stems, so
a pair whose first shared stem is common is keyed by its first two shared stems instead.
Rare first stems keep one-stem keys (their groups are small), so the index stays small.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from deckgen.core.text import content_stems, plain

_CLOZE_MARKUP = ("{{", "}}", "::")


@dataclass(frozen=True)
class Pair:
    """Two prompts (by index into the input) and their similarity."""

    first: int
    second: int
    similarity: float


def prompt_stems(text: str) -> frozenset[str]:
    """The comparable content of a prompt (cloze markup and Markdown removed)."""
    for mark in _CLOZE_MARKUP:
        text = text.replace(mark, " ")
    return frozenset(s for s in content_stems(plain(text)) if not (s.startswith("c") and s[1:].isdigit()))


def near_duplicates(prompts: Sequence[str], threshold: float) -> list[Pair]:
    """Every pair of prompts whose stem sets have Jaccard similarity >= ``threshold``."""
    return similar_sets([prompt_stems(p) for p in prompts], threshold)


def similarity(first: frozenset[str], second: frozenset[str], threshold: float) -> float | None:
    """The Jaccard similarity of two prompts' stem sets when a pair (>= ``threshold``, both 2+ stems), else None."""
    small, large = sorted((len(first), len(second)))
    if small < 2 or small < threshold * large:
        return None
    shared = len(first & second)
    score = shared / (len(first) + len(second) - shared)
    return score if score >= threshold else None


# A stem in more than this many prompts is keyed together with each later stem of the prefix.
COMMON = 64
# Keying by two stems takes the two-stem combinations of a prompt's prefix plus one stem;
# from a prefix this long on (long prompts, low thresholds) one-stem keys are cheaper.
_PAIR_PREFIX = 10
# Prefix lengths are computed with this slack under the threshold, so float rounding in
# ``threshold * size`` never shortens a prefix below what a pair at the threshold needs.
_SLACK = 1e-9


def similar_sets(sets: Sequence[frozenset[str]], threshold: float, *, common: int = COMMON) -> list[Pair]:
    """:func:`near_duplicates` over stem sets already made (``common``: see :data:`COMMON`)."""
    if not 0 < threshold <= 1:
        return []
    frequency = Counter(stem for s in sets for stem in s)
    rank = {stem: (count, stem) for stem, count in frequency.items()}  # rarest first; the key looked up in C
    ordered = [sorted(s, key=rank.__getitem__) for s in sets]
    # Two prompts of 2+ stems that share one stem have Jaccard <= 1/3: over that threshold
    # a pair shares two, and a common first shared stem is keyed with the second.
    paired = {stem for stem, count in frequency.items() if count > common} if threshold > 1 / 3 else set()
    # key (a stem, or a common stem and a later one) -> (size, position of the key's last
    # stem in that prompt's order) -> prompts: the position filter below skips whole groups
    # without looking at their prompts one by one.
    index: dict[str | tuple[str, str], dict[tuple[int, int], list[int]]] = defaultdict(dict)
    # Whether prompts still key common stems by two. It only ever turns off, and every
    # prompt is also indexed by its one-stem keys, so a prompt finds every earlier one
    # under the keys it looks up.
    by_two = bool(paired)
    pairs: list[Pair] = []
    # Process prompts from small to large so each pair is seen once, from its larger side.
    for i in sorted(range(len(sets)), key=lambda k: (len(sets[k]), k)):
        size = len(sets[i])
        if size < 2:
            continue  # one-word prompts are too short to call duplicates
        # A pair at the threshold shares at least ceil(threshold * size) stems, so its
        # first shared stem is among the first ``length`` stems of either order, and its
        # second among the first ``length + 1``. Both prompts key the first shared stem
        # alike: alone, or (when it is common) with the second.
        length = size - math.ceil(threshold * size - _SLACK) + 1
        by_two = by_two and length < _PAIR_PREFIX
        head = ordered[i][: length + 1]
        keys: list[tuple[str | tuple[str, str], int, int]] = []  # (key, position, shared stems before it)
        also: list[tuple[str | tuple[str, str], int, int]] = []  # one-stem keys indexed, not looked up
        for position, stem in enumerate(head[:length]):
            if by_two and stem in paired:
                keys += [((stem, head[later]), later, 1) for later in range(position + 1, len(head))]
                also.append((stem, position, 0))
            else:
                keys.append((stem, position, 0))
        candidates: set[int] = set()
        for key, position, before in keys:
            for (other, other_position), group in index[key].items():
                # sizes only grow, so other <= size; Jaccard <= small/large bounds it.
                if other < threshold * size:
                    continue
                # Positional filter (Xiao et al., PPJoin): if this key holds the pair's first
                # shared stem(s), every other shared stem comes after it in both orders, so
                # at most `bound` are shared. If it does not, the key that does was checked
                # already. A pair cut here would fail the exact test below as well.
                bound = before + min(size - position, other - other_position)
                if bound / (size + other - bound) < threshold:
                    continue
                candidates.update(group)
        for j in candidates:
            shared = len(sets[i] & sets[j])
            score = shared / (size + len(sets[j]) - shared)
            if score >= threshold:
                pairs.append(Pair(min(i, j), max(i, j), score))
        for key, position, _ in keys + also:
            index[key].setdefault((size, position), []).append(i)
    return sorted(pairs, key=lambda p: (p.first, p.second))
