"""deckgen.lock names the deckgen that wrote it (format 3), so an older deckgen never quietly rewrites it.

An upgrading team's try: both versions said 'deckgen 0.1.0', the lock did not say which deckgen wrote it, and a
teammate still on the old deckgen built over the new lock with exit 0: a card the upgrade had retired came back
into learners' study and the old card design returned. Now the version is 0.2.0; a lock written by a newer
deckgen is refused at its first line; the deckgens before this one (format 2) refuse a format-3 lock ('unknown
format … upgrade deckgen'), proven here by running the previous release's code from git; and a format-2 lock
is read, passes `build --locked` with a warning, and is rewritten by the next build. Fails on aef5a11.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from conftest import REPO, copy_project, run_deckgen

from deckgen import __version__

PREVIOUS = "aef5a11"  # the last commit whose deckgen wrote format 2


def _header(project: Path) -> dict[str, object]:
    return json.loads((project / "deckgen.lock").read_text().split("\n", 1)[0])


def _set_header(project: Path, header: dict[str, object]) -> None:
    lock = project / "deckgen.lock"
    rest = lock.read_text().split("\n", 1)[1]
    lock.write_text(json.dumps(header, sort_keys=True) + "\n" + rest)


def test_the_lock_names_this_deckgen(tmp_path: Path) -> None:
    project = copy_project(REPO, tmp_path / "proj")
    assert _header(project)["format"] == 3 and _header(project)["deckgen"] == __version__ == "0.2.0"
    assert run_deckgen("build", "--locked", cwd=project).returncode == 0


def test_a_lock_written_by_a_newer_deckgen_is_refused_at_its_first_line(tmp_path: Path) -> None:
    project = copy_project(REPO, tmp_path / "proj")
    _set_header(project, {**_header(project), "deckgen": "99.1.0"})
    before = (project / "deckgen.lock").read_bytes()
    for command in (("build",), ("build", "--locked"), ("lint",)):
        result = run_deckgen(*command, cwd=project)
        assert result.returncode == 1, command
        assert (
            "deckgen.lock:1:" in result.stderr and "written by deckgen 99.1.0, newer than this deckgen" in result.stderr
        )
        assert "upgrade deckgen to 99.1.0" in result.stderr and "Traceback" not in result.stderr
    assert (project / "deckgen.lock").read_bytes() == before
    assert not (project / "build").exists()


def test_a_format_two_lock_passes_locked_and_is_rewritten(tmp_path: Path) -> None:
    project = copy_project(REPO, tmp_path / "proj")
    header = _header(project)
    _set_header(project, {"about": header["about"], "format": 2})
    before = (project / "deckgen.lock").read_bytes()
    locked = run_deckgen("build", "--locked", cwd=project)
    assert locked.returncode == 0, locked.stderr
    assert "older deckgen's file format" in locked.stderr
    assert (project / "deckgen.lock").read_bytes() == before
    built = run_deckgen("build", cwd=project)
    assert built.returncode == 0, built.stderr
    assert _header(project) == header
    assert (project / "deckgen.lock").read_text().split("\n", 1)[1] == before.decode().split("\n", 1)[1]


def test_the_previous_deckgen_refuses_this_lock(tmp_path: Path) -> None:
    archive = subprocess.run(["git", "-C", str(REPO), "archive", PREVIOUS, "deckgen"], capture_output=True)
    if archive.returncode != 0:
        pytest.skip(f"the repository's history does not hold {PREVIOUS} (a shallow clone)")
    old = tmp_path / "old"
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(old, filter="data")
    project = copy_project(REPO, tmp_path / "proj")
    env = {**os.environ, "PYTHONPATH": str(old)}
    result = subprocess.run(
        [sys.executable, "-m", "deckgen", "build"], cwd=project, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1, result.stdout
    assert (
        "deckgen.lock:1:" in result.stderr and "unknown format" in result.stderr and "upgrade deckgen" in result.stderr
    )
    assert not (project / "build").exists()
