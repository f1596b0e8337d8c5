"""L16: near-duplicate prompts across the whole library, without comparing every pair.

Similarity is the Jaccard overlap of the prompts' content-word stems. Prefix filtering
makes it exact and fast: sort each prompt's stems rarest first; two sets with Jaccard
>= t must share a stem among the first ``n - ceil(t*n) + 1`` of either set, so only
prompts that share a rare stem are ever compared (Chaudhuri et al., 2006).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Sequence

from deckgen.quality import content_stems, plain

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
    if not 0 < threshold <= 1:
        return []
    sets = [prompt_stems(p) for p in prompts]
    frequency = Counter(stem for s in sets for stem in s)
    ordered = [sorted(s, key=lambda x: (frequency[x], x)) for s in sets]
    index: dict[str, list[int]] = defaultdict(list)
    pairs: list[Pair] = []
    # Process prompts from small to large so each pair is seen once, from its larger side.
    for i in sorted(range(len(sets)), key=lambda k: (len(sets[k]), k)):
        size = len(sets[i])
        if size < 2:
            continue  # one-word prompts are too short to call duplicates
        prefix = ordered[i][: size - math.ceil(threshold * size) + 1]
        candidates: set[int] = set()
        for stem in prefix:
            candidates.update(index[stem])
        for j in candidates:
            # sizes only grow, so len(sets[j]) <= size; Jaccard <= small/large bounds it.
            if len(sets[j]) < threshold * size:
                continue
            shared = len(sets[i] & sets[j])
            score = shared / (size + len(sets[j]) - shared)
            if score >= threshold:
                pairs.append(Pair(min(i, j), max(i, j), score))
        for stem in prefix:
            index[stem].append(i)
    return sorted(pairs, key=lambda p: (p.first, p.second))
