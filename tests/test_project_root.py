"""The project a command works on is looked for upward, but never past the root of the git repository it runs in.

A CI job with the wrong working directory, or a notes repository vendored below another project, built the outer
project — writing its deckgen.lock and build/ outside the checkout — and exited 0 (a platform engineer's trial).
Real `git` makes the repositories.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import ONE_CARD_NOTE, run_deckgen, write

TOML = '[project]\nname = "Outer"\nnamespace = "test-namespace-0001"\n'


def _outer(root: Path) -> None:
    write(root / "deckgen.toml", TOML)
    write(root / "decks" / "all.yaml", "deck: All\nnotes: all\n")
    write(root / "content" / "a.md", ONE_CARD_NOTE.format(id="a", title="A", answer="Practice, not talent"))


def test_a_project_above_the_repository_root_is_not_used(tmp_path: Path) -> None:
    _outer(tmp_path)
    inner = tmp_path / "vendor" / "notes"
    inner.mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=inner, check=True)
    built = run_deckgen("build", cwd=inner)
    assert built.returncode == 1, built
    assert "no deckgen.toml in this git repository" in built.stderr, built.stderr
    assert f"the deckgen.toml at {tmp_path.resolve()} is outside this repository" in built.stderr, built.stderr
    assert "Traceback" not in built.stderr
    assert not (tmp_path / "deckgen.lock").exists() and not (tmp_path / "build").exists()  # nothing written


def test_a_subfolder_of_the_project_repository_still_finds_it(tmp_path: Path) -> None:
    _outer(tmp_path)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    linted = run_deckgen("lint", cwd=tmp_path / "content")
    assert "1 card checked" in linted.stdout, linted
