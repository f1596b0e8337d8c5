"""A cache folder that is a symbolic link is never used: a build never deletes or writes where the link points.

Found by trying the product as an attacker: a link committed at .deckgen-cache/packages (or restored
from a CI cache) made `deckgen build --locked` on a fresh clone delete every file in the folder it
pointed to and fill it with packages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_deckgen


@pytest.mark.parametrize("store", ["packages", "outputs", "site-pages"])
def test_a_linked_cache_folder_is_left_alone(shipped: Path, tmp_path: Path, store: str) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / ".bashrc").write_text("export PATH=...\n")
    (victim / "notes.txt").write_text("data\n")
    project = shipped
    (project / ".deckgen-cache").mkdir()
    (project / ".deckgen-cache" / store).symlink_to(victim)
    result = run_deckgen("build", "--locked", cwd=project)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in victim.iterdir()) == [".bashrc", "notes.txt"]
    assert (project / "build" / "onboarding.apkg").exists()
