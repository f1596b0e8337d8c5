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


def test_a_lock_deleted_by_mistake_is_not_replaced_while_git_tracks_it(project: Path) -> None:
    """A PM lead's try: with deckgen.lock deleted by mistake, lint said 'run `deckgen build`', a dry run showed every
    deck at release 1, and only the real build, once written, said to restore the lock. While git's index still
    tracks it, lint, the dry run and the build refuse at once and name `git checkout`; after `git rm` (starting over on
    purpose) the build creates a new lock. Tested with real git; fails on c924e7b."""
    import subprocess

    make_project(project)
    assert run_deckgen("build", cwd=project).returncode == 0
    git = ["git", "-c", "user.name=T", "-c", "user.email=t@example.com"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "decks"]):
        subprocess.run([*git, *args], cwd=project, check=True)
    (project / "deckgen.lock").unlink()
    for command in (["lint"], ["build", "--dry-run"], ["build"]):
        result = run_deckgen(*command, cwd=project)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        said = result.stdout + result.stderr
        assert "deckgen.lock is deleted but git still tracks it" in said and "git checkout -- deckgen.lock" in said
    assert not (project / "deckgen.lock").exists()
    subprocess.run([*git, "rm", "-q", "--cached", "deckgen.lock"], cwd=project, check=True)
    again = run_deckgen("build", cwd=project)
    assert again.returncode == 0 and "created deckgen.lock" in again.stdout, again.stderr
