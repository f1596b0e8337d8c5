"""When only the card design changed (an upgrade's new note type CSS), lint, `build --locked` and diff say so,
instead of 'note type templates or CSS, card order, or a deck's name, description or release' (an upgrading
team's try: the 'or' list for a project where only the CSS had changed). Fails on aef5a11."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO, copy_project, run_deckgen


def test_a_card_design_change_is_named_as_such(tmp_path: Path) -> None:
    project = copy_project(REPO, tmp_path / "proj")
    lock = project / "deckgen.lock"
    # the lock as an older deckgen with another card design left it: the Q/A note type's hash differs
    text = lock.read_text()
    line = next(row for row in text.splitlines() if row.startswith('{"notetype": "deckgen Q/A"'))
    lock.write_text(text.replace(line, re.sub(r'"hash": "[0-9a-f]{8}', '"hash": "00000000', line, count=1)))
    lint = run_deckgen("lint", cwd=project)
    assert (
        "out of step with the notes (the card design (templates or CSS of 'deckgen Q/A'))" in lint.stdout + lint.stderr
    )
    locked = run_deckgen("build", "--locked", cwd=project)
    assert locked.returncode == 1
    assert "the card design (templates or CSS of 'deckgen Q/A') changed" in locked.stderr, locked.stderr
    diff = run_deckgen("diff", cwd=project)
    assert "(a new release for the card design (the note types' templates or CSS)" in diff.stdout, diff.stdout
    assert "card order" not in lint.stdout + lint.stderr + locked.stderr
