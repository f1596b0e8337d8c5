"""A note file whose name holds a newline or a direction override is named escaped in an error, so the
``path:line:col`` line is neither split nor reversed on the terminal (an attacker's try: a copy of a note named
'x<newline>line<U+202E>gpj.md' printed its duplicate-id error across two lines, the second reversed). Fails on
daf97b8."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO, copy_project, run_deckgen


def test_a_control_character_in_a_note_name_is_shown_escaped(tmp_path: Path) -> None:
    project = copy_project(REPO, tmp_path / "proj")
    original = next(p for p in sorted((project / "content").rglob("*.md")))
    shutil.copy(original, original.parent / "x\nline\u202egpj.md")
    result = run_deckgen("build", cwd=project)
    assert result.returncode == 1
    assert "\u202e" not in result.stderr
    line = next(row for row in result.stderr.splitlines() if "duplicate-id" in row and "gpj" in row)
    assert "x\\x0aline\\u202egpj.md:" in line, result.stderr
