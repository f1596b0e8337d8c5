"""Pinning an authored card with ``id:`` (README: 'the card keeps its identity whatever you edit') is silent to learners.

Found by the PM-lead helper: adding 'id: some-key' to a card without touching its text was
reported as '1 edited', gave the release a 'Display and safety updates' entry and rewrote
the packages, though nothing a learner has changed (the hidden DeckgenId field took the new
key, so the note was re-shipped with a newer mod and a new position in the new-card queue).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ankiutil import import_apkg, open_collection, review, snapshot
from conftest import run_deckgen, write

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
