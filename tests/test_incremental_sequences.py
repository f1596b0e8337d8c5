"""A few seeded random sequences of edits, each build compared with a cold one (many more: scripts/incremental_sequences.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from incremental_sequences import run


@pytest.mark.parametrize("seed", [8, 21, 1026])
def test_every_build_of_a_random_sequence_of_edits_is_a_cold_builds(tmp_path: Path, seed: int) -> None:
    # 8 and 21 fail on d09aab5: a build after one that renamed a track's week (seed 8, step 3) or a
    # deck (seed 21, step 5) repeated that build's warning (at step 5 and 7), which a cold build does not print.
    # 1026 sets a deck's pace, adds a draft card, changes a note's id: and a note's author, among others.
    steps = run(tmp_path, seed, steps=8)
    assert len({step.name for step in steps}) >= 6  # the sequence really mixed kinds of edit
