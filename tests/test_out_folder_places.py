"""The output folder is never git's or deckgen's own folder, nor a file. An attacker's try: `[paths] out = ".git"` (or
".deckgen-cache") was accepted and the packages, site and CHANGELOG.md went into .git/; `--out` naming a file said
'afile/.deckgen-outputs.json: io: File exists'. Fails on aef5a11."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import REPO, copy_project, run_deckgen


@pytest.mark.parametrize("out", [".git", ".git/objects", ".deckgen-cache"])
def test_an_output_folder_inside_gits_or_deckgens_own_is_refused(tmp_path: Path, out: str) -> None:
    project = copy_project(REPO, tmp_path / "proj")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    before = sorted(p.name for p in (project / ".git").iterdir())
    result = run_deckgen("build", cwd=project, env={"DECKGEN_OUT": out})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"the output folder is inside {out.split('/')[0]}/" in result.stderr, result.stderr
    assert sorted(p.name for p in (project / ".git").iterdir()) == before
    assert not (project / ".deckgen-cache").exists() or not list((project / ".deckgen-cache").glob("*.apkg"))


def test_an_output_folder_that_is_a_file_is_named_as_such(tmp_path: Path) -> None:
    project = copy_project(REPO, tmp_path / "proj")
    (project / "afile").write_text("mine\n")
    result = run_deckgen("build", "--out", "afile", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "afile: out: the output folder is a file" in result.stderr, result.stderr
    assert (project / "afile").read_text() == "mine\n"
