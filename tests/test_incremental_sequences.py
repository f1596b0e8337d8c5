"""A few seeded random sequences of edits, each build compared with a cold one (many more: scripts/incremental_sequences.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from incremental_sequences import run


@pytest.mark.parametrize("seed", [1, 4])
def test_every_build_of_a_random_sequence_of_edits_is_a_cold_builds(tmp_path: Path, seed: int) -> None:
    # seed 1: a card moved to another deck, then build/ deleted (the restored build repeated the move's warning)
    steps = run(tmp_path, seed, steps=10)
    assert len({step.name for step in steps}) >= 6  # the sequence really mixed kinds of edit
