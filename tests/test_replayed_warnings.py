"""A build that does nothing (no-op, replayed prose edit, restored build/) warns as a cold build would.

The last build's warnings are printed again by the builds that reuse it. Those about the
build's own changes against the old lock (a card that moved deck, a note retired) are
history once the new lock is written: a cold build of the same files does not print them,
so neither may the builds that reuse it. Warnings about the files as they stand (a draft
waiting for review) are printed by every build.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from buildutil import CACHE_DIRS
from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from synthetic import make_library  # noqa: E402

MOVED = "learners already have stay in deck"
DRAFT = "draft card(s) not built yet"


def _build(project: Path, day: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(1767225600 + day * 86400), "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "deckgen", "build"], cwd=project, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def _cold(project: Path, day: int) -> str:
    cold = project.parent / f"cold-{day}"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))
    return _build(cold, day).stderr


def test_a_moved_cards_warning_is_not_repeated_by_the_builds_after_it(tmp_path: Path) -> None:
    project = make_library(tmp_path / "project", notes=12, decks=2)
    _build(project, 0)
    source, target = project / "content/part-0/note-00000.md", project / "content/part-1/note-00001.md"
    card = re.findall(r"^Q: .*\nA: .*\n", source.read_text(encoding="utf-8"), flags=re.MULTILINE)[0]
    source.write_text(source.read_text(encoding="utf-8").replace(card, "", 1), encoding="utf-8")
    target.write_text(target.read_text(encoding="utf-8") + "\n" + card, encoding="utf-8")
    draft = project / "content/part-2/note-00002.md"
    draft.write_text(draft.read_text(encoding="utf-8") + "\nQ: A drafted question?\nA: Drafted.\nStatus: draft\n")

    moved = _build(project, 1).stderr
    assert MOVED in moved and DRAFT in moved  # the build that moves the card says so, once

    noop = _build(project, 2)
    assert "Everything is up to date" in noop.stdout
    assert MOVED not in noop.stderr and DRAFT in noop.stderr
    assert noop.stderr == _cold(project, 2)

    prose = project / "content/part-3/note-00003.md"
    prose.write_text(prose.read_text(encoding="utf-8").replace("## Critique\n", "## Critique\nEdited. ", 1))
    replayed = _build(project, 3)
    assert "Everything is up to date" in replayed.stdout  # the prose edit was replayed from the snapshot
    assert replayed.stderr == _cold(project, 3) and DRAFT in replayed.stderr

    shutil.rmtree(project / "build")
    restored = _build(project, 4)  # build/ copied back from the project's cache
    assert restored.stderr == _cold(project, 4) and MOVED not in restored.stderr
