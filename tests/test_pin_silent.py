"""Pinning an authored card with ``id:`` (README: 'the card keeps its identity whatever you edit') is silent to learners.

Found by the PM-lead helper: adding 'id: some-key' to a card without touching its text was
reported as '1 edited', gave the release a 'Display and safety updates' entry and rewrote
the packages, though nothing a learner has changed (the hidden DeckgenId field took the new
key, so the note was re-shipped with a newer mod and a new position in the new-card queue).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from ankiutil import import_apkg, open_collection, review, snapshot
from conftest import run_deckgen, write
from test_lock_merge import git

from deckgen.lock.retire import RETIRED_SEARCH

NOTE = """\
---
id: horowitz
title: Good Product Manager/Bad Product Manager
author: Ben Horowitz
---
Blurb.

## Cards

Q: In Horowitz's memo, what does a good PM know in depth?
A: The market, the product, the competition.

{pin}Q: In Horowitz's memo, what does a good PM crisply define?
A: {answer}

Q: In Horowitz's memo, how does a good PM treat excuses?
A: Makes none; owns the outcome.
"""
PIN = "id: crisp-target\n"


def _build(project: Path, when: int) -> str:
    result = run_deckgen("build", cwd=project, env={"SOURCE_DATE_EPOCH": str(when)})
    assert result.returncode == 0, result.stderr
    return result.stdout


def _summary(stdout: str) -> str:
    return next(line for line in stdout.splitlines() if line.startswith("Changes since deckgen.lock:"))


def _record(project: Path, uid: str) -> dict[str, object]:
    lines = (project / "deckgen.lock").read_text(encoding="utf-8").splitlines()
    return next(json.loads(line) for line in lines if json.loads(line).get("card") == uid)


def test_adding_an_id_to_a_card_changes_nothing_learners_have(project: Path, tmp_path: Path) -> None:
    note = write(project / "content" / "horowitz.md", NOTE.format(pin="", answer="The target."))
    write(project / "decks" / "roles.yaml", "deck: PM::Roles\nnotes: all\n")
    _build(project, 1_800_000_000)
    apkg = project / "build" / "roles.apkg"
    changelog = project / "build" / "roles.changelog.md"
    first, first_log = apkg.read_bytes(), changelog.read_text(encoding="utf-8")
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, apkg)
        review(col, "PM::Roles", 10)
        before = snapshot(col)

        note.write_text(NOTE.format(pin=PIN, answer="The target."), encoding="utf-8")
        diff = run_deckgen("diff", cwd=project, env={"SOURCE_DATE_EPOCH": "1800100000"})
        assert "edited" not in diff.stdout and "(nothing changes)" in diff.stdout, diff.stdout
        assert "horowitz/crisp-target: is horowitz/q-" in diff.stdout  # the curator still sees the pin
        pinned = _build(project, 1_800_100_000)
        assert " 0 added, 0 edited, 0 retired, " in _summary(pinned), pinned
        assert apkg.read_bytes() == first, "the package is byte for byte the one learners have"
        assert changelog.read_text(encoding="utf-8") == first_log, "no release, no changelog entry"
        record = _record(project, "horowitz/crisp-target")  # the lock knows the card by its id now
        assert record["explicit"] is True and str(record["anchor"]).startswith("horowitz/q-")

        log = import_apkg(col, apkg)
        assert (log.new, log.updated, log.conflicting) == (0, 0, 0)  # every note already there, as it is
        assert snapshot(col) == before  # no duplicate, no history lost: nothing changed at all

        # the pinned card's next edit reaches learners in place, history kept
        note.write_text(NOTE.format(pin=PIN, answer="The target: the what, not the how."), encoding="utf-8")
        edited = _build(project, 1_800_200_000)
        assert " 0 added, 1 edited, 0 retired, " in _summary(edited), edited
        log = import_apkg(col, apkg)
        assert (log.new, log.updated) == (0, 1)
        after = snapshot(col)
        assert after["revlog"] == before["revlog"] and after["cards"] == before["cards"]
        assert len(after["notes"]) == len(before["notes"])

        # retired, suspended as the changelog says, restored: the changelog's search finds the learner's copy
        edited_text = note.read_text(encoding="utf-8")
        card = (
            PIN
            + "Q: In Horowitz's memo, what does a good PM crisply define?\nA: The target: the what, not the how.\n\n"
        )
        assert card in edited_text
        note.write_text(edited_text.replace(card, ""), encoding="utf-8")
        assert " 1 retired, " in _summary(_build(project, 1_800_300_000))
        import_apkg(col, apkg)
        col.sched.suspend_cards(col.find_cards(RETIRED_SEARCH))
        note.write_text(edited_text, encoding="utf-8")
        assert " 1 restored, " in _summary(_build(project, 1_800_400_000))
        import_apkg(col, apkg)
        search = re.search(r"`(is:suspended [^`]*)`", changelog.read_text(encoding="utf-8"))
        assert search is not None and len(col.find_cards(search.group(1))) == 1, search
        assert snapshot(col)["revlog"] == before["revlog"]
    finally:
        col.close()


def _locked(project: Path) -> subprocess.CompletedProcess[str]:
    """``build --locked`` on a fresh checkout: a copy without build outputs or cache (whose replay trusts its memo)."""
    clone = project.parent / f"{project.name}-clone"
    shutil.rmtree(clone, ignore_errors=True)
    shutil.copytree(project, clone, ignore=shutil.ignore_patterns("build", ".deckgen-cache"))
    return run_deckgen("build", "--locked", cwd=clone, env={"SOURCE_DATE_EPOCH": "1900000000"})


def test_a_card_that_moves_away_and_back_ships_the_same_note_on_the_next_build(project: Path) -> None:
    """Back in its note (under ``key-2``, its anchor its first uid) a card is not a pinned card: built again, unchanged.

    The reverted first version of this fix took every card whose anchor is in its own note for a
    pinned one: the build that brought the card back shipped its uid as DeckgenId, the next one
    its anchor, so ``build --locked`` failed after it ('edited: note5/q-…-2', found by
    tests/test_random_branches.py, where one branch renamed a note's id and the merge renamed it back).
    """
    note = write(project / "content" / "horowitz.md", NOTE.format(pin="", answer="The target."))
    write(project / "decks" / "roles.yaml", "deck: PM::Roles\nnotes: all\n")
    _build(project, 1_800_000_000)
    text = note.read_text(encoding="utf-8")
    note.write_text(text.replace("id: horowitz\n", "id: horowitz-2\n"), encoding="utf-8")
    assert " 3 edited, " in _summary(_build(project, 1_800_100_000))  # moved to note horowitz-2
    note.write_text(text, encoding="utf-8")
    assert " 3 edited, " in _summary(_build(project, 1_800_200_000))  # and back
    assert _record(project, "horowitz/" + _key_of(project, "crisply define"))["anchor"]
    locked = _locked(project)
    assert locked.returncode == 0, locked.stderr
    assert " 0 added, 0 edited, 0 retired, " in _summary(_build(project, 1_800_300_000))


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_pinned_card_stays_pinned_through_later_builds_and_a_merge(project: Path) -> None:
    """The DeckgenId a pinned card keeps is in the lock, so every later build (and a merged lock) ships it again."""
    note = write(project / "content" / "horowitz.md", NOTE.format(pin="", answer="The target."))
    write(project / "decks" / "roles.yaml", "deck: PM::Roles\nnotes: all\n")
    write(project / ".gitignore", "build/\n.deckgen-cache/\n")
    _build(project, 1_800_000_000)
    git(project, "init", "-q", "-b", "main")
    assert run_deckgen("lock", "install-merge-driver", cwd=project).returncode == 0
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "release 1")
    apkg = project / "build" / "roles.apkg"
    first = apkg.read_bytes()
    old_key = _key_of(project, "crisply define")

    git(project, "checkout", "-q", "-b", "pin")
    note.write_text(NOTE.format(pin=PIN, answer="The target."), encoding="utf-8")
    assert " 0 added, 0 edited, 0 retired, " in _summary(_build(project, 1_800_100_000))
    assert _record(project, "horowitz/crisp-target")["shipped_as"] == f"horowitz/{old_key}"
    locked = _locked(project)
    assert locked.returncode == 0, locked.stderr
    assert " 0 added, 0 edited, 0 retired, " in _summary(_build(project, 1_800_200_000))
    assert apkg.read_bytes() == first
    git(project, "commit", "-q", "-am", "pin")

    git(project, "checkout", "-q", "main")  # meanwhile another card is reworded
    note.write_text(note.read_text(encoding="utf-8").replace("Makes none;", "Makes no excuses;"), encoding="utf-8")
    assert " 0 added, 1 edited, 0 retired, " in _summary(_build(project, 1_800_300_000))
    git(project, "commit", "-q", "-am", "reword")
    git(project, "merge", "-q", "--no-edit", "pin")
    merged = _build(project, 1_800_400_000)
    assert " 0 added, 0 edited, 0 retired, " in _summary(merged), merged
    assert _record(project, "horowitz/crisp-target")["shipped_as"] == f"horowitz/{old_key}"
    git(project, "commit", "-q", "--allow-empty", "-am", "built the merge")
    locked = _locked(project)
    assert locked.returncode == 0, locked.stderr


def _key_of(project: Path, question: str) -> str:
    lines = (project / "deckgen.lock").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    (uid,) = [r["card"] for r in records if question in r.get("front", "") and not r.get("moved_to") and "card" in r]
    return str(uid).split("/", 1)[1]
