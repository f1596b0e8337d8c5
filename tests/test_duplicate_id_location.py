"""Two notes with one id: the error is located at the newer file, the one to change.

Found by the PM-lead helper: a note copied as a template for a new one keeps the old id; the
error landed on whichever file came later in path order, often the note that had already
shipped, while its advice said "change the newer note's". Changing a shipped note's id gives
its cards new identities in every learner's collection.
"""

from __future__ import annotations

import os
from pathlib import Path

from conftest import ONE_CARD_NOTE, run_deckgen, write


def _lint_errors(project: Path) -> list[str]:
    done = run_deckgen("lint", cwd=project)
    assert done.returncode == 1
    return [line for line in (done.stdout + done.stderr).splitlines() if "duplicate-id" in line]


def test_the_duplicate_id_error_is_at_the_newer_file_whatever_the_path_order(project: Path) -> None:
    shipped = write(
        project / "content" / "example.md",
        ONE_CARD_NOTE.format(id="x", title="Old", answer="Small, frequent releases."),
    )
    write(project / "decks" / "all.yaml", "deck: Test::All\nnotes: all\n")
    assert run_deckgen("build", cwd=project).returncode == 0
    copy = write(project / "content" / "a" / "copy.md", ONE_CARD_NOTE.format(id="x", title="New", answer="Big bets."))
    os.utime(shipped, (1_700_000_000, 1_700_000_000))
    os.utime(copy, (1_800_000_000, 1_800_000_000))
    (error,) = _lint_errors(project)
    assert "content/a/copy.md:2:1: duplicate-id:" in error and "change this note's" in error, error
    assert "also used by content/example.md" in error

    # the other way round: the newer file is the one later in path order
    os.utime(shipped, (1_900_000_000, 1_900_000_000))
    (error,) = _lint_errors(project)
    assert "content/example.md:2:1: duplicate-id:" in error and "also used by content/a/copy.md" in error, error
