"""A note deleted then restored brings back every card the learner had, history and all, even a card whose key
came from an earlier wording of its question.

Found by a helper while fixing the build summary: deleting and restoring `norton-empathy` in the shipped project
restored 7 of its 8 cards; the eighth ('Which concrete empathy move does Norton describe …', whose lock key
q-3823d7a926 came from an earlier wording) came back under a new key, so learners got a duplicate beside the old
card, which stayed retired with their reviews on it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ankiutil import import_apkg, open_collection, review, snapshot
from conftest import run_deckgen

NOTE = Path("content/essays/norton-empathy.md")
LINE = "  - id: norton-empathy\n"
MANIFESTS = ("decks/foundations.yaml", "decks/onboarding.yaml")
QUESTION = "Which concrete empathy move does Norton describe for a prioritisation meeting?"


def _build(project: Path, when: int) -> None:
    done = run_deckgen("build", cwd=project, env={"SOURCE_DATE_EPOCH": str(when)})
    assert done.returncode == 0, done.stderr


def test_a_restored_note_brings_back_each_card_with_its_history_and_no_duplicate(shipped: Path, tmp_path: Path) -> None:
    package = shipped / "build" / "foundations.apkg"
    col = open_collection(tmp_path / "learner.anki2")
    try:
        _build(shipped, 1_900_000_000)
        import_apkg(col, package)
        review(col, "PM Onboarding::Foundations", 25)  # every card of the deck once
        guid = next(g for g, n in snapshot(col)["notes"].items() if n["fields"].get("Question") == QUESTION)
        before = snapshot(col)

        kept = tmp_path / "kept.md"
        manifests = {name: (shipped / name).read_text(encoding="utf-8") for name in MANIFESTS}
        shutil.move(shipped / NOTE, kept)
        for name, text in manifests.items():
            (shipped / name).write_text(text.replace(LINE, ""), encoding="utf-8")
        _build(shipped, 1_900_000_100)
        import_apkg(col, package)
        shutil.move(kept, shipped / NOTE)
        for name, text in manifests.items():
            (shipped / name).write_text(text, encoding="utf-8")
        restored = run_deckgen("build", cwd=shipped, env={"SOURCE_DATE_EPOCH": "1900000200"})
        assert restored.returncode == 0, restored.stderr
        assert " 0 added, 8 restored, 0 edited, 0 retired," in restored.stdout, restored.stdout
        log = import_apkg(col, package)
        after = snapshot(col)
    finally:
        col.close()
    assert log.new == 0, "a restored card must be the learner's old card, not a new one"
    assert set(after["notes"]) == set(before["notes"]) and len(after["cards"]) == len(before["cards"])
    assert after["revlog"] == before["revlog"]
    mine = after["notes"][guid]
    assert mine["fields"]["Question"] == QUESTION and "deckgen::retired" not in mine["tags"]
    assert [c["reps"] for c in after["cards"].values() if c["nid"] == mine["id"]] == [
        c["reps"] for c in before["cards"].values() if c["nid"] == before["notes"][guid]["id"]
    ]
