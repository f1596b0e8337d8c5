"""Identity defects found by the randomized checker (issue 12, items 10–13), each in the real Anki engine.

10. Adding ``id:`` to an existing card keeps its identity (GUID, history).
11. A new cloze never inherits a deleted cloze's identity (a cloze's answer is its hidden text).
12. ``build --locked`` passes in a fresh clone right after a committed build (positions are a fixpoint).
13. A retired card re-shipped with changed content gets a newer ``mod`` (learners receive it).
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from ankiutil import import_apkg, open_collection, review, snapshot
from conftest import write

from deckgen.builder.pipeline import build, plan_build
from deckgen.core.config import load_config

BASE = int(time.time()) - 200_000

HEAD = """\
---
id: {id}
title: {title}
author: Ada Example
---
Blurb.

## Cards

"""


def release(project: Path, step: int) -> Path:
    """Build at BASE + step hours; return a copy of the deck package for this release."""
    result = build(load_config(project), now=BASE + step * 3600)
    apkg = Path(result.outputs[0])
    copy = project.parent / f"release{step}.apkg"
    copy.write_bytes(apkg.read_bytes())
    return copy


def note_by_text(col, text: str):  # type: ignore[no-untyped-def]
    (nid,) = [n for n in col.find_notes("") if text in " ".join(col.get_note(n).fields)]
    return col.get_note(nid)


def test_10_adding_an_id_keeps_the_cards_identity(project: Path, tmp_path: Path) -> None:
    card = "Q: In Example's 'Alpha', what is alpha?\nA: The first letter of the Greek alphabet."
    other = "Q: In Example's 'Alpha', what follows alpha?\nA: Beta, the second letter."
    path = write(
        project / "content" / "alpha.md", HEAD.format(id="alpha", title="Alpha") + card + "\n\n" + other + "\n"
    )
    write(project / "decks" / "main.yaml", "deck: Test::Letters\nnotes: all\n")
    first = release(project, 1)
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, first)
        assert len(review(col, "Test::Letters", 10)) >= 3
        before = snapshot(col)
        guid = note_by_text(col, "first letter of the Greek").guid
        # the build's own advice: "give the card an explicit 'id:' line"
        path.write_text(path.read_text().replace(card, "id: alpha-def\n" + card))
        plan = plan_build(load_config(project), now=BASE + 2 * 3600)
        assert not [c for c in plan.changes if c.status in ("added", "retired")], plan.changes
        second = release(project, 2)
        log = import_apkg(col, second)
        assert log.new == 0 and log.conflicting == 0
        after = snapshot(col)
        assert after["revlog"] == before["revlog"] and set(after["cards"]) == set(before["cards"])
        note = note_by_text(col, "first letter of the Greek")
        assert note.guid == guid and "deckgen::retired" not in note.tags
        # Pinning alone ships nothing new: the learner's note is untouched, DeckgenId included (it
        # used to take the new key, an update of every learner's note that changed nothing they
        # see). The lock records the DeckgenId the card keeps (``shipped_as``), which the
        # changelog's searches use (tests/test_pin_silent.py).
        assert note["DeckgenId"] == before["notes"][guid]["fields"]["DeckgenId"] and log.updated == 0
        assert note["DeckgenId"].startswith("alpha/q-")  # its uid before the pin
        # and the id now holds on its own: rewording both sides keeps the card, updated in place
        path.write_text(path.read_text().replace(card, "Q: In Example's 'Alpha', name alpha.\nA: A Greek letter."))
        third = release(project, 3)
        log = import_apkg(col, third)
        assert log.new == 0 and log.updated == 1 and note_by_text(col, "A Greek letter").guid == guid
        assert note_by_text(col, "A Greek letter")["DeckgenId"] == note["DeckgenId"]
        assert snapshot(col)["revlog"] == before["revlog"]
    finally:
        col.close()


def test_11_a_new_cloze_does_not_inherit_a_deleted_clozes_identity(project: Path, tmp_path: Path) -> None:
    old = "C: In Example's 'Letters', {{c1::alpha}} is the first Greek letter."
    new = "C: In Example's 'Letters', the capital of France is {{c1::Paris}}."
    path = write(project / "content" / "letters.md", HEAD.format(id="letters", title="Letters") + old + "\n")
    write(project / "decks" / "main.yaml", "deck: Test::Letters\nnotes: all\n")
    first = release(project, 1)
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, first)
        review(col, "Test::Letters", 10)
        learned = note_by_text(col, "first Greek letter")
        path.write_text(path.read_text().replace(old, new))
        plan = plan_build(load_config(project), now=BASE + 2 * 3600)
        statuses = sorted(c.status for c in plan.changes if c.status != "unchanged")
        assert statuses == ["added", "retired"], [(c.uid, c.status, c.reason) for c in plan.changes]
        log = import_apkg(col, release(project, 2))
        assert log.new == 1, "the unrelated cloze arrives as a new card"
        kept = col.get_note(learned.id)
        assert "first Greek letter" in kept["Text"] and "deckgen::retired" in kept.tags
        assert "Paris" not in kept["Text"], "the studied card never asks a fact the learner never saw"
        # a cloze whose hidden text stays is the same card, whatever else is reworded
        path.write_text(path.read_text().replace(new, new.replace("the capital of France", "France's capital")))
        plan = plan_build(load_config(project), now=BASE + 3 * 3600)
        assert sorted(c.status for c in plan.changes if c.status != "unchanged") == ["edited"]
    finally:
        col.close()


NOTE12 = "Q: In Example's 'Essay {i}', what is fact {i}?\nA: Fact {i} answer."


def manifests(project: Path, decks: dict[str, list[int]]) -> None:
    shutil.rmtree(project / "decks", ignore_errors=True)
    for name, ids in decks.items():
        body = "".join(f"  - id: n{i}\n" for i in ids)
        write(project / "decks" / f"{name}.yaml", f"deck: Test::{name}\nnotes:\n{body}")


def test_12_locked_passes_in_a_fresh_clone_after_a_committed_build(project: Path, tmp_path: Path) -> None:
    """A note moved into a second deck (and the other deck reordered): positions from the lock are a fixpoint."""
    for i in range(4):
        body = NOTE12.format(i=i) + "\n\n" + NOTE12.format(i=i).replace("fact", "detail").replace("Fact", "Detail")
        write(project / "content" / f"n{i}.md", HEAD.format(id=f"n{i}", title=f"Essay {i}") + body + "\n")
    manifests(project, {"a": [3], "b": [0, 1, 2]})
    release(project, 1)
    # one release: n1 joins deck a (its first deck now), deck b is reordered, and a card is deleted
    manifests(project, {"a": [1, 3], "b": [1, 2, 0]})
    n0 = project / "content" / "n0.md"
    n0.write_text(
        n0.read_text().replace("\n\n" + NOTE12.format(i=0).replace("fact", "detail").replace("Fact", "Detail"), "")
    )
    build(load_config(project), now=BASE + 2 * 3600)  # with the build cache, as a curator does
    committed = {p.name: p.read_bytes() for p in (project / "build").glob("*.apkg")}
    clone = tmp_path / "clone"
    shutil.copytree(project, clone, ignore=shutil.ignore_patterns("build"))
    build(load_config(clone), locked=True, now=BASE + 3 * 3600, use_cache=False)  # raises LockError on main
    fresh = {p.name: p.read_bytes() for p in (clone / "build").glob("*.apkg")}
    assert fresh == committed, "a fresh clone ships the same packages"
    col = open_collection(tmp_path / "learner.anki2")
    try:
        for apkg in sorted((clone / "build").glob("*.apkg")):
            assert import_apkg(col, apkg).conflicting == 0
        assert col.card_count() > 0
    finally:
        col.close()


def test_13_a_retired_card_reshipped_with_changed_content_gets_a_newer_mod(project: Path, tmp_path: Path) -> None:
    gone = "Q: In Example's 'Alpha', what is alpha?\nA: The first letter."
    stays = "Q: In Example's 'Alpha', what follows alpha?\nA: Beta, the second letter."
    path = write(
        project / "content" / "alpha.md", HEAD.format(id="alpha", title="Alpha") + gone + "\n\n" + stays + "\n"
    )
    write(
        project / "content" / "beta.md",
        HEAD.format(id="beta", title="Beta") + "Q: In Example's 'Beta', what is beta?\nA: The second Greek letter.\n",
    )
    write(project / "decks" / "main.yaml", "deck: Test::Letters\nnotes: all\n")
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, release(project, 1))
        review(col, "Test::Letters", 10)
        path.write_text(path.read_text().replace(gone + "\n\n", ""))
        import_apkg(col, release(project, 2))  # the card is retired
        path.unlink()  # a release later its whole note is deleted: the retired card's context goes
        third = release(project, 3)
        import_apkg(col, third)
        fresh = open_collection(tmp_path / "fresh.anki2")
        try:
            import_apkg(fresh, third)
            shipped = {g: n["fields"] for g, n in snapshot(fresh)["notes"].items()}
        finally:
            fresh.close()
        mine = {g: n["fields"] for g, n in snapshot(col)["notes"].items()}
        stale = [g for g in shipped if mine.get(g) != shipped[g]]
        assert not stale, "the learner's collection matches the package: every changed note was delivered"
    finally:
        col.close()
