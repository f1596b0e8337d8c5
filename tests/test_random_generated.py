"""A few seeded random histories of generated cards in the real Anki engine (tests/random_generated.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from random_generated import run


@pytest.mark.parametrize("seed", [1, 2])
def test_random_edits_of_essays_never_cost_the_learner_their_generated_cards(tmp_path: Path, seed: int) -> None:
    edits, generated = run(tmp_path / "project", seed, releases=6)
    assert len(edits) >= 5
    assert generated.get("added", 0) and generated.get("retired", 0), generated  # the generated cards changed
