"""A lock in an older deckgen's format is refused once git's history holds it in this version's format: a teammate
on a deckgen before 0.2.0, whose merge driver could not read the upgraded lock, was left with their branch's older
lock and no conflict markers; merged to main, the new deckgen's `build --locked` passed it with a warning and every
deck's releases went back (a team's try, with real git). A project that simply has not upgraded yet (no format-3
lock in its history) keeps the warning. Fails on f844939."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from conftest import REPO, copy_project, run_deckgen


def _git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t"}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env={**env, "GIT_COMMITTER_EMAIL": "t@e"})


def _as_format_two(lock: Path) -> None:
    first, rest = lock.read_text().split("\n", 1)
    header = json.loads(first)
    lock.write_text(json.dumps({"about": header["about"], "format": 2}) + "\n" + rest)


def test_a_format_two_lock_after_an_upgraded_one_is_refused(tmp_path: Path) -> None:
    project = copy_project(REPO, tmp_path / "team")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "upgraded")
    _as_format_two(project / "deckgen.lock")  # an older deckgen's lock took its place
    _git(project, "commit", "-qam", "merge by a teammate on the old deckgen")
    for command in (("build", "--locked"), ("build",)):
        result = run_deckgen(*command, cwd=project)
        assert result.returncode == 1, (command, result.stdout)
        assert (
            "deckgen.lock:1:" in result.stderr
            and "a deckgen before 0.2.0 has replaced the upgraded lock" in result.stderr
        )
    assert not (project / "build").exists()


def test_a_project_not_upgraded_yet_keeps_the_warning(tmp_path: Path) -> None:
    project = copy_project(REPO, tmp_path / "team")
    _as_format_two(project / "deckgen.lock")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "a team still on the previous deckgen")
    result = run_deckgen("build", "--locked", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "older deckgen's file format" in result.stderr


def test_a_shallow_clone_cannot_pass_an_older_format_lock(tmp_path: Path) -> None:
    """A CI engineer's try: in a checkout of one commit (actions/checkout's default depth) git has no history to ask,
    and the downgraded lock went through `build --locked` and `lint` with a warning. There, an older-format lock is
    refused with the fix (fetch the whole history, or commit the upgraded lock). Real git; fails on 2d71778."""
    project = copy_project(REPO, tmp_path / "team")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "upgraded")
    _as_format_two(project / "deckgen.lock")
    _git(project, "commit", "-qam", "merge by a teammate on the old deckgen")
    shallow = tmp_path / "ci"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{project}", str(shallow))
    for command in (("build", "--locked"), ("lint",)):
        result = run_deckgen(*command, cwd=shallow)
        said = result.stdout + result.stderr
        assert result.returncode == 1 and "too shallow" in said and "fetch-depth: 0" in said, (command, said)
    assert not (shallow / "build").exists()
    whole = tmp_path / "whole"
    _git(tmp_path, "clone", "-q", f"file://{project}", str(whole))
    result = run_deckgen("build", "--locked", cwd=whole)  # the whole history: the refusal that names the commit
    assert result.returncode == 1 and "a deckgen before 0.2.0 has replaced the upgraded lock" in result.stderr


def test_an_older_lock_a_merge_brought_back_is_refused(tmp_path: Path) -> None:
    """A platform engineer's trial: the teammate on the old deckgen merged main into their branch (their older lock
    kept), and main took that merge. git's default history simplification then followed the merge's side that
    kept the older lock and never saw the upgrade commit, so `build --locked` passed with a warning. Fails on
    67f3769."""
    project = copy_project(REPO, tmp_path / "team")
    upgraded = (project / "deckgen.lock").read_text()
    _as_format_two(project / "deckgen.lock")
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "a team on the previous deckgen")
    _git(project, "checkout", "-q", "-b", "old")
    note = next((project / "content").rglob("*.md"))
    note.write_text(note.read_text() + "\n")
    _git(project, "commit", "-qam", "an edit on the old deckgen")
    _git(project, "checkout", "-q", "main")
    (project / "deckgen.lock").write_text(upgraded)
    _git(project, "commit", "-qam", "upgraded")
    _git(project, "checkout", "-q", "old")
    _git(project, "merge", "-q", "-s", "ours", "-m", "merge main, the older lock kept", "main")
    _git(project, "checkout", "-q", "main")
    _git(project, "merge", "-q", "old")
    assert '"format": 2' in (project / "deckgen.lock").read_text().split("\n", 1)[0]
    result = run_deckgen("build", "--locked", cwd=project)
    assert result.returncode == 1 and "a deckgen before 0.2.0 has replaced the upgraded lock" in result.stderr, (
        result.stderr
    )
