"""Random edits on two git branches, merged with deckgen's merge driver, through one learner's collection.

Each round: a feature branch edits some notes' cards at random (rewordings, ids, moves,
reorders, splits, deletions, additions: the edits of ``random_releases.py``) and builds
and commits; main edits the other notes, builds, commits and releases (the learner
imports); then main merges the feature branch — the note files by git, ``deckgen.lock`` by
deckgen's merge driver — builds, commits and releases again. After every import the
checks of ``random_releases.py`` hold: no review or scheduling lost, no duplicate, every
live card current and keeping the Anki note it had (through the merge too), every removed
card tagged retired, and ``deckgen build --locked`` passes on a fresh copy.

``tests/test_random_branches.py`` runs a few seeds.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
import sys
import time
from pathlib import Path

from random_releases import History, RCard, RNote
from test_lock_merge import git

from deckgen.api import build, load_config

REPO = Path(__file__).resolve().parents[1]


def _commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message)


def _edit(history: History, notes: list[RNote], side: set[str]) -> list[RCard]:
    """``history.edit`` on the notes of ``side`` only (of ``notes``); the cards it removed."""
    everything, removed = history.notes, history.removed
    history.notes, history.removed = [n for n in notes if n.note_id in side], []
    try:
        history.edit()
        return history.removed
    finally:
        history.notes, history.removed = everything, removed


def run(root: Path, seed: int, rounds: int) -> list[str]:
    """``rounds`` rounds of branch, edit, build, merge; returns the edits made (raises on a broken invariant)."""
    history = History(root, seed)
    history.notes += [RNote(f"note{i}", f"content/n{i}.md") for i in range(3, 6)]  # tagged t3, t4, t5
    with (root / "decks" / "a.yaml").open("a") as manifest:
        manifest.write("  - tag: t3\n  - tag: t4\n")
    with (root / "decks" / "b.yaml").open("a") as manifest:
        manifest.write("  - tag: t5\n")
    for note in history.notes[3:]:
        for _ in range(3):
            note.cards.append(history._new_card())
    (root / ".gitignore").write_text("build/\n.deckgen-cache/\n")
    git(root, "init", "-q", "-b", "main")
    done = subprocess.run(
        [sys.executable, "-m", "deckgen", "lock", "install-merge-driver"], cwd=root, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    try:
        history.release(0)
        _commit(root, "release 0")
        for number in range(1, rounds + 1):
            ids = [n.note_id for n in history.notes]
            history.rng.shuffle(ids)
            feature_side, main_side = set(ids[:3]), set(ids[3:])
            branch = f"feature-{number}"
            git(root, "checkout", "-q", "-b", branch)
            feature = copy.deepcopy(history.notes)
            history.log.append(f"round {number}, {branch}:")
            removed_on_feature = _edit(history, feature, feature_side)
            everything = history.notes
            history.notes = feature
            history.write()
            history.notes = everything
            time.sleep(1.05)
            build(load_config(root))
            _commit(root, f"{branch}: edits")
            git(root, "checkout", "-q", "main")
            history.log.append(f"round {number}, main:")
            history.removed += _edit(history, history.notes, main_side)
            time.sleep(1.05)
            history.release(2 * number - 1)  # writes main's notes, builds, imports, checks
            _commit(root, f"release {2 * number - 1}")
            git(root, "merge", "-q", "--no-edit", branch)
            from_feature = {n.note_id: n for n in feature if n.note_id in feature_side}
            history.notes = [from_feature.get(note.note_id, note) for note in history.notes]
            history.removed += removed_on_feature
            history.log.append(f"round {number}: merged")
            time.sleep(1.05)
            history.release(2 * number)  # the merged notes, built, imported, checked
            _commit(root, f"release {2 * number} (merged {branch})")
    finally:
        history.close()
        shutil.rmtree(root / "build", ignore_errors=True)
    return history.log
