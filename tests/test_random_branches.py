"""A few seeded random two-branch histories, merged with deckgen's driver, in the real Anki engine and real git."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from random_branches import run

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


@pytest.mark.parametrize("seed", [1, 3])
def test_random_edits_on_two_branches_never_cost_the_learner(tmp_path: Path, seed: int) -> None:
    edits = run(tmp_path / "project", seed, rounds=2)
    assert sum(": merged" in line for line in edits) == 2 and len(edits) >= 8
