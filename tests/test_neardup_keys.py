"""L16's index with two-stem keys finds exactly the pairs that comparing every pair finds.

Over a threshold of 1/3, ``similar_sets`` keys a pair whose first shared stem is common (in
more than ``common`` prompts) by its first two shared stems (a library whose prompts reuse a
small vocabulary compared a fixed share of all pairs with one-stem keys: quadratic at 20,000
notes); a long prompt at a low threshold switches the rest of the run back to one-stem keys.
Each case here is checked against the obvious computation, with every stem common, none, and
some, so a key, a prefix length or a filter that ever drops (or adds) a pair fails.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pairutil import brute_force

from deckgen.quality.neardup import COMMON, near_duplicates, prompt_stems, similar_sets

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synthetic import note_text  # noqa: E402

THRESHOLDS = (0.2, 0.3, 1 / 3, 0.34, 0.4, 0.5, 0.6, 2 / 3, 0.7, 0.75, 0.8, 0.85, 0.9, 1.0)


def found(sets: list[frozenset[str]], threshold: float, common: int = COMMON) -> list[tuple[int, int, float]]:
    return [(p.first, p.second, p.similarity) for p in similar_sets(sets, threshold, common=common)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.frozensets(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), max_size=24), min_size=2, max_size=40),
    st.sampled_from(THRESHOLDS),
    st.sampled_from([0, 1, 2, 4, COMMON]),
)
def test_pairs_are_exactly_those_of_the_obvious_computation(
    sets: list[frozenset[str]], threshold: float, common: int
) -> None:
    assert found(sets, threshold, common) == brute_force(sets, threshold)


def test_a_small_vocabulary_library_keeps_every_pair() -> None:
    """Thousands of prompts over a few dozen stems (the shape that made one-stem keys quadratic)."""
    rng = random.Random(11)
    vocab = [f"w{n}" for n in range(20)]
    sets = [frozenset(rng.sample(vocab, rng.choice((2, 3, 4, 5, 6, 7, 8)))) for _ in range(1500)]
    assert min(Counter(stem for s in sets for stem in s).values()) > COMMON  # every stem is common
    for threshold in (0.3, 0.5, 0.8, 1.0):
        expected = brute_force(sets, threshold)
        assert expected  # the case has pairs to lose
        for common in (COMMON, 200, 1000):  # all, some or no stems keyed by two
            assert found(sets, threshold, common) == expected


def test_pairs_at_exactly_the_threshold_are_reported() -> None:
    four, five = frozenset("abcd"), frozenset("abcde")
    other = frozenset("vwxyz")
    assert found([other, five, four], 0.8) == [(1, 2, 0.8)]  # 4 shared of 5: exactly 0.8
    assert found([frozenset("ab"), frozenset("abc")], 2 / 3) == [(0, 1, 2 / 3)]
    assert found([frozenset("ab"), frozenset("bc")], 1 / 3) == [(0, 1, 1 / 3)]  # one shared stem
    assert found([frozenset("ab"), frozenset("bc")], 0.34) == []


def test_a_pair_across_the_switch_to_one_stem_keys_is_found() -> None:
    """A short prompt indexed by two stems, then a long one that looks pairs up by one stem."""
    short = frozenset(f"s{n}" for n in range(9))  # at 0.5: a prefix of 5 stems, keyed by two
    long = short | frozenset(f"l{n}" for n in range(9))  # 18 stems: a prefix of 10, keyed by one
    noise = [frozenset({f"s{n}", f"x{n}", f"y{n}"}) for n in range(9)]
    sets = [long, *noise, short]
    assert found(sets, 0.5, common=0) == brute_force(sets, 0.5)
    assert (0, 10, 0.5) in found(sets, 0.5, common=0)


def test_synthetic_library_prompts_give_the_same_pairs() -> None:
    """The benchmark library's own prompts (near-duplicate questions of one note, and across notes)."""
    rng = random.Random(7)
    prompts = []
    for index in range(300):
        for line in note_text(index, rng, 20).splitlines():
            if line.startswith(("Q: ", "C: ")):
                prompts.append(line[3:])
    sets = [prompt_stems(p) for p in prompts]
    expected = brute_force(sets, 0.8)
    assert len(expected) > 10
    assert [(p.first, p.second, p.similarity) for p in near_duplicates(prompts, 0.8)] == expected


@pytest.mark.parametrize("threshold", [0.0, -0.5, 1.5])
def test_thresholds_out_of_range_find_nothing(threshold: float) -> None:
    assert similar_sets([frozenset("ab"), frozenset("ab")], threshold) == []
