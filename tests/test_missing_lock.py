"""A project with no deckgen.lock (a team that committed only its notes, then built in a fresh clone): the build
says it starts a new lock, and `build --locked` says once that there is no lock, instead of listing every card as
added (an upgrading team's try: 87 'locked: added' lines and never the word 'missing'). Fails on aef5a11."""

from __future__ import annotations

from pathlib import Path

from conftest import run_deckgen
from test_build import make_project


def test_locked_without_a_lock_says_so_once_and_writes_nothing(project: Path) -> None:
    make_project(project)
    result = run_deckgen("build", "--locked", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("there is no deckgen.lock") == 1, result.stderr
    assert "added:" not in result.stderr  # not one line per card
    assert "restore" in result.stderr  # the fix names restoring the committed lock
    assert not (project / "deckgen.lock").exists()
    assert not (project / "build").exists()


def test_a_build_that_creates_the_lock_says_every_deck_starts_at_release_one(project: Path) -> None:
    make_project(project)
    first = run_deckgen("build", cwd=project)
    assert first.returncode == 0, first.stderr
    assert "created deckgen.lock" in first.stdout
    assert "release 1" in first.stdout and "restore" in first.stdout
    assert "updated deckgen.lock" not in first.stdout
    note = project / "content" / "one.md"
    note.write_text(note.read_text().replace("Small steps", "Smaller steps"))
    second = run_deckgen("build", cwd=project)
    assert second.returncode == 0, second.stderr
    assert "updated deckgen.lock" in second.stdout
    assert "created deckgen.lock" not in second.stdout
