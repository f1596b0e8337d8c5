"""An incremental build writes exactly what a cold build of the same sources and lock writes.

The build skips work its caches prove unchanged (packages, preview pages, per-note memos).
Whatever it skips, the result must be byte for byte a cold build's: every ``.apkg``, track
bundle, site file, changelog and ``deckgen.lock``, compared by sha256 after a one-note edit.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from synthetic import make_library  # noqa: E402

CACHE_DIRS = {".deckgen-cache"}


def _build(project: Path, when: int) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(when)}
    done = subprocess.run(
        [sys.executable, "-m", "deckgen", "build"], cwd=project, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _outputs(project: Path) -> dict[str, str]:
    """sha256 of every file the build wrote (caches aside) and of the lock."""
    hashes = {}
    for path in sorted((project / "build").rglob("*")):
        rel = path.relative_to(project)
        if path.is_file() and not CACHE_DIRS & set(rel.parts):
            hashes[rel.as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    hashes["deckgen.lock"] = hashlib.sha256((project / "deckgen.lock").read_bytes()).hexdigest()
    return hashes


def _note(project: Path) -> Path:
    return sorted((project / "content").rglob("*.md"))[3]


def _edit_answer(text: str) -> str:
    return re.sub(r"^A: (.*)$", r"A: Edited answer, \1", text, count=1, flags=re.MULTILINE)


def _add_card(text: str) -> str:
    return text + "\nQ: Which new point did this edit add to the note?\nA: A freshly added card about pricing.\n"


def _delete_card(text: str) -> str:
    return re.sub(r"^Q: .*\nA: .*\n\n", "", text, count=1, flags=re.MULTILINE)


def _edit_prose(text: str) -> str:
    return text.replace("## Critique\n", "## Critique\nEdited once. ", 1)


@pytest.mark.parametrize("edit", [_edit_answer, _add_card, _delete_card, _edit_prose])
def test_one_note_edit_builds_what_a_cold_build_writes(tmp_path: Path, edit: Callable[[str], str]) -> None:
    project = make_library(tmp_path / "incremental", notes=40, decks=4)
    _build(project, 1767225600)  # the release the edit starts from (its lock is what a clone has)
    note = _note(project)
    edited = edit(note.read_text(encoding="utf-8"))
    assert edited != note.read_text(encoding="utf-8")
    note.write_text(edited, encoding="utf-8")

    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))
    _build(project, 1767312000)  # incremental: caches and outputs of the first build in place
    _build(cold, 1767312000)  # the same sources and lock, nothing cached

    incremental, fresh = _outputs(project), _outputs(cold)
    assert any(name.endswith(".apkg") for name in fresh) and any("/site/" in name for name in fresh)
    assert incremental == fresh


def test_a_lock_edited_by_hand_is_rewritten_as_a_cold_build_writes_it(tmp_path: Path) -> None:
    """The build skips serialising an unchanged lock only while the file is byte for byte what it wrote."""
    project = make_library(tmp_path / "incremental", notes=12, decks=2)
    _build(project, 1767225600)
    _build(project, 1767225600)  # a no-op: the build now remembers the lock it verified
    lock = project / "deckgen.lock"
    written = lock.read_text(encoding="utf-8")
    card_line = next(line for line in written.splitlines() if line.startswith('{"card": '))
    # the same records, spaced differently (as an editor or a merge tool might leave them)
    lock.write_text(written.replace(card_line, card_line.replace(", ", ",")), encoding="utf-8")
    _note(project).write_text(_edit_prose(_note(project).read_text(encoding="utf-8")), encoding="utf-8")
    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))

    _build(project, 1767312000)
    _build(cold, 1767312000)

    assert lock.read_text(encoding="utf-8") == written
    assert _outputs(project) == _outputs(cold)
