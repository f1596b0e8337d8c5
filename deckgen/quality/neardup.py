"""L16: near-duplicate prompts across the whole library, without comparing every pair.

Similarity is the Jaccard overlap of the prompts' content-word stems. Prefix filtering
makes it exact and fast: sort each prompt's stems rarest first; two sets with Jaccard
>= t must share a stem among the first ``n - ceil(t*n) + 1`` of either set, so only
prompts that share a rare stem are ever compared (Chaudhuri et al., 2006).

When the threshold is over 1/3, every near-duplicate pair shares at least two stems, so
the index is keyed by a pair's first two shared stems instead of its first one. In a
library whose prompts reuse a small vocabulary, even the rarest stem of a prompt is shared
by a fixed share of all prompts, and one-stem keys compared a fixed share of all pairs
(quadratic: 0.3 s at 8,000 prompts, 17-28 s at 80,000); two-stem keys compare only prompts
that share two early stems. Both keys find exactly the pairs at or over the threshold.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

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


# Keying by two stems takes every two-stem combination of a prompt's prefix plus one
# stem; past this many stems (long prompts with a low threshold) one-stem keys are cheaper.
_PAIR_PREFIX = 10
# Prefix lengths are computed with this slack under the threshold, so float rounding in
# ``threshold * size`` never shortens a prefix below what a pair at the threshold needs.
_SLACK = 1e-9


def similar_sets(sets: Sequence[frozenset[str]], threshold: float) -> list[Pair]:
    """:func:`near_duplicates` over stem sets already made."""
    if not 0 < threshold <= 1:
        return []
    frequency = Counter(stem for s in sets for stem in s)
    ordered = [sorted(s, key=lambda x: (frequency[x], x)) for s in sets]
    # stem -> (size, position of the stem in that prompt's order) -> prompts: the position
    # filter below skips whole groups without looking at their prompts one by one.
    index: dict[str, dict[tuple[int, int], list[int]]] = defaultdict(dict)
    # (first, second) stem -> (size, position of the second stem) -> prompts: the same,
    # keyed by two stems. Two prompts of 2+ stems sharing one stem have Jaccard <= 1/3,
    # so over that threshold a pair shares at least two. Every prompt goes into ``index``;
    # prompts go into ``twos`` while ``by_two`` holds, and ``by_two`` only ever turns off,
    # so a prompt that looks pairs up by two stems finds every earlier prompt there.
    twos: dict[tuple[str, str], dict[tuple[int, int], list[int]]] = defaultdict(dict)
    by_two = threshold > 1 / 3
    pairs: list[Pair] = []
    # Process prompts from small to large so each pair is seen once, from its larger side.
    for i in sorted(range(len(sets)), key=lambda k: (len(sets[k]), k)):
        size = len(sets[i])
        if size < 2:
            continue  # one-word prompts are too short to call duplicates
        # A pair at the threshold shares at least ceil(threshold * size) stems, so its
        # first shared stem is among the first ``size - that + 1`` of either order, and
        # its second among the first ``size - that + 2``.
        length = size - math.ceil(threshold * size - _SLACK) + 1
        by_two = by_two and length < _PAIR_PREFIX
        candidates: set[int] = set()
        if by_two:
            keys = [
                ((first, second), position)
                for (_, first), (position, second) in combinations(enumerate(ordered[i][: length + 1]), 2)
            ]
            for key, position in keys:
                for (other, other_position), group in twos[key].items():
                    if other < threshold * size:
                        continue
                    # The positional filter below, one stem on: if these are the pair's first
                    # two shared stems, every other shared stem comes after the second in both
                    # orders; if they are not, the first two were checked already.
                    bound = 1 + min(size - position, other - other_position)
                    if bound / (size + other - bound) < threshold:
                        continue
                    candidates.update(group)
            for key, position in keys:
                twos[key].setdefault((size, position), []).append(i)
        prefix = ordered[i][:length]
        if not by_two:
            for position, stem in enumerate(prefix):
                for (other, other_position), group in index[stem].items():
                    # sizes only grow, so other <= size; Jaccard <= small/large bounds it.
                    if other < threshold * size:
                        continue
                    # Positional filter (Xiao et al., PPJoin): if this is the pair's first shared
                    # stem, every shared stem comes at or after it in both orders, so at most
                    # `bound` are shared. If it is not the first, the first one was checked
                    # already. A pair cut here would fail the exact test below as well.
                    bound = min(size - position, other - other_position)
                    if bound / (size + other - bound) < threshold:
                        continue
                    candidates.update(group)
        for j in candidates:
            shared = len(sets[i] & sets[j])
            score = shared / (size + len(sets[j]) - shared)
            if score >= threshold:
                pairs.append(Pair(min(i, j), max(i, j), score))
        for position, stem in enumerate(prefix):
            index[stem].setdefault((size, position), []).append(i)
    return sorted(pairs, key=lambda p: (p.first, p.second))
