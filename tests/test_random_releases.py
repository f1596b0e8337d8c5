"""A few seeded random multi-release histories in the real Anki engine (many more: scripts/random_releases.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from random_releases import run


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_edits_never_cost_the_learner(tmp_path: Path, seed: int) -> None:
    edits = run(tmp_path / "project", seed, releases=6)
    assert len(edits) >= 5  # the history really changed something every release
