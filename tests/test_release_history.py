"""Seven releases of one library through one learner's collection, with reviews between imports.

Every release is built by the real pipeline and imported by the real Anki engine with the
options a learner sees pre-filled. After each import the learner must have lost nothing:
no duplicate notes, every review kept, no interval reset, no blank card, retired cards
found by exactly the published search; and a newcomer importing only that release has
no retired card to study.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from anki.collection import Collection
from ankiutil import import_apkg, open_collection, review, snapshot
from conftest import write

import deckgen.builder.pipeline
from deckgen.anki.notetypes import QA_MODEL_ID, note_types
from deckgen.builder.changelog import changelog_path
from deckgen.builder.pipeline import build
from deckgen.core.config import load_config
from deckgen.lock.identity import guid_of
from deckgen.lock.records import read_lock
from deckgen.lock.retire import RETIRED_SEARCH

HEAD = "---\nid: {id}\ntitle: {title}\nauthor: {author}\ntags: [{tag}]\n---\nBlurb.\n\n## Cards\n\n"

INSPIRED = [
    "Q: In Cagan's 'Inspired', which four risks does discovery address?\nA: Value, usability, feasibility and viability.",
    "Q: In Cagan's 'Inspired', who owns value and viability risk?\nA: The product manager.",
    "Q: In Cagan's 'Inspired', what is an empowered team given?\nA: Problems to solve, not features to build.",
]
NORTON = [
    "Q: In Norton's essay, what does he mean by empathy as craft?\nA: A set of concrete, learnable moves.",
    "Q: In Norton's essay, what crowded out the practice of empathy?\nA: Dashboards, frameworks and process.",
    "C: Norton says empathy can be {{c1::coached}}, not only hired for.",
]
HOROWITZ = [
    "Q: In Horowitz's memo, what does a good PM crisply define?\nA: The target.",
    "Q: In Horowitz's memo, how does a good PM treat excuses?\nA: Makes none; owns the outcome.",
]
NEW_CSS_MARK = "/* release 6: new card style */"


def visible(html: str) -> str:
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", "", html).strip()


class Library:
    """The curator's project: notes on disk, a deck manifest, and numbered builds."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.base = int(time.time()) - 1_000_000  # all builds precede the learner's own edits
        self.release = 0
        self.paths = {
            "inspired": root / "content" / "inspired.md",
            "norton": root / "content" / "norton.md",
            "horowitz": root / "content" / "horowitz.md",
        }
        self.deck = "PM::Essays"

    def note(self, note_id: str, cards: list[str]) -> None:
        authors = {
            "inspired": ("Inspired", "Marty Cagan"),
            "norton": ("Empathy", "Ken Norton"),
            "horowitz": ("Good PM/Bad PM", "Ben Horowitz"),
        }
        title, author = authors[note_id]
        write(
            self.paths[note_id],
            HEAD.format(id=note_id, title=title, author=author, tag=note_id) + "\n\n".join(cards) + "\n",
        )

    def manifest(self, *note_ids: str) -> None:
        items = "".join(f"  - id: {n}\n" for n in note_ids)
        write(self.root / "decks" / "essays.yaml", f"deck: {self.deck}\ndescription: The essays.\nnotes:\n{items}")

    def build(self) -> tuple[Path, Any]:
        self.release += 1
        result = build(load_config(self.root), now=self.base + 10_000 * self.release)
        apkg = Path(result.outputs[0])
        copy = apkg.with_name(f"release{self.release}.apkg")
        copy.write_bytes(apkg.read_bytes())
        return copy, result

    def retired_guids(self) -> set[str]:
        config = load_config(self.root)
        lock = read_lock(config.lock_path)
        return {
            guid_of(config.namespace, n, k, r.anchor)
            for n, rs in lock.cards.items()
            for k, r in rs.items()
            if r.retired
        }

    def live_guids(self) -> set[str]:
        config = load_config(self.root)
        lock = read_lock(config.lock_path)
        return {
            guid_of(config.namespace, n, k, r.anchor) for n, rs in lock.cards.items() for k, r in rs.items() if r.live
        }


def check_import(col: Collection, library: Library, apkg: Path, tmp_path: Path) -> dict[str, Any]:
    """Import ``apkg`` and assert that the learner lost nothing; return the import log and snapshots."""
    before = snapshot(col)
    log = import_apkg(col, apkg)
    after = snapshot(col)
    assert log.conflicting == 0 and not any(log.other.values()), log
    # zero duplicate notes: one note per identity ever shipped, one per DeckgenId
    ids = [n["fields"].get("DeckgenId") for n in after["notes"].values()]
    assert len(ids) == len(set(ids)), "two notes for one card"
    assert set(after["notes"]) == library.live_guids() | library.retired_guids()
    # every review kept, no interval reset, no card rescheduled by the import
    assert after["revlog"] == before["revlog"]
    for cid, card in before["cards"].items():
        for field in ("ivl", "due", "queue", "type", "reps", "deck"):
            assert after["cards"][cid][field] == card[field], (cid, field)
    # every card renders a real front and back
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        assert visible(card.question()) and visible(card.answer()), card.note().guid
        assert "card is blank" not in card.question() and "No cloze" not in card.question()
    # the published search finds exactly the retired cards, and each says so
    found = {col.get_note(nid).guid for nid in col.find_notes(RETIRED_SEARCH)}
    assert found == library.retired_guids()
    for cid in col.find_cards(RETIRED_SEARCH):
        assert "Retired on" in col.get_card(cid).question()
    # a newcomer importing only this release has no retired card to study
    fresh = open_collection(tmp_path / f"fresh{library.release}.anki2")
    try:
        import_apkg(fresh, apkg)
        assert fresh.find_cards(RETIRED_SEARCH) == []
        live_notes = {fresh.get_card(c).note().guid for c in fresh.find_cards("")}
        assert live_notes == library.live_guids()
        fresh.decks.select(fresh.decks.id_for_name(library.deck))
        queued = fresh.sched.get_queued_cards(fetch_limit=500).cards
        assert len(queued) == len(fresh.find_cards("")), "every live card is there to study, nothing else"
    finally:
        fresh.close()
    return {"log": log, "before": before, "after": after}


def study(col: Collection, *decks: str, answers: int = 4) -> None:
    """Answer cards Good in each deck (twice graduates a new card to review)."""
    for deck in decks:
        if col.decks.id_for_name(deck):
            review(col, deck, answers)


def test_seven_releases_through_one_collection(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = Library(project)
    col = open_collection(tmp_path / "learner.anki2")
    try:
        # Release 1: two essays.
        library.note("inspired", INSPIRED)
        library.note("norton", NORTON)
        library.manifest("inspired", "norton")
        apkg, _ = library.build()
        check_import(col, library, apkg, tmp_path)
        study(col, "PM::Essays", answers=8)
        assert len(snapshot(col)["revlog"]) == 8
        # the learner flags, marks and annotates a card no release will change
        keep = col.get_note(col.find_notes('"DeckgenId:inspired/g.author"')[0])
        keep.tags += ["marked", "my-tag"]
        keep["Extra"] = "my own note"
        col.update_note(keep)
        keep_card = keep.cards()[0]
        col.set_user_flag_for_cards(1, [keep_card.id])

        def learner_kept_their_changes() -> None:
            note = col.get_note(keep.id)
            assert {"marked", "my-tag"} <= set(note.tags) and note["Extra"] == "my own note"
            assert col.get_card(keep_card.id).user_flag() == 1

        # Release 2: edit wording, add cards (one in an existing note, one new note).
        library.note("inspired", [INSPIRED[0].replace("address?", "tackle?"), INSPIRED[1], INSPIRED[2]])
        library.note(
            "norton",
            [
                NORTON[0],
                NORTON[1].replace("process.", "process for its own sake."),
                NORTON[2],
                "Q: In Norton's essay, what should a PM do when a metric trades away user welfare?\nA: Push back.",
            ],
        )
        library.note("horowitz", HOROWITZ)
        library.manifest("inspired", "norton", "horowitz")
        apkg, result = library.build()
        assert (result.count("edited"), result.count("added")) == (2, 1 + 1 + 2)  # horowitz has an author card
        outcome = check_import(col, library, apkg, tmp_path)
        assert (outcome["log"].updated, outcome["log"].new) == (2, 4)
        learner_kept_their_changes()
        study(col, "PM::Essays")

        # Release 3: remove cards.
        library.note("inspired", [INSPIRED[0].replace("address?", "tackle?"), INSPIRED[1]])
        apkg, result = library.build()
        assert result.count("retired") == 1
        assert check_import(col, library, apkg, tmp_path)["log"].updated == 1
        assert len(library.retired_guids()) == 1
        learner_kept_their_changes()
        study(col, "PM::Essays")

        # Release 4: split a card in two.
        library.note(
            "norton",
            [
                NORTON[0].replace("moves.", "moves, not a trait."),
                "Q: In Norton's essay, what replaces empathy as a personality trait?\nA: Practice you can coach.",
                NORTON[1].replace("process.", "process for its own sake."),
                NORTON[2],
                "Q: In Norton's essay, what should a PM do when a metric trades away user welfare?\nA: Push back.",
            ],
        )
        apkg, result = library.build()
        assert (result.count("edited"), result.count("added"), result.count("retired")) == (1, 1, 0)
        check_import(col, library, apkg, tmp_path)
        learner_kept_their_changes()
        study(col, "PM::Essays")

        # Release 5: rename the deck (and add a card, which goes to the new name).
        library.deck = "PM::Essential Essays"
        library.manifest("inspired", "norton", "horowitz")
        library.note(
            "horowitz",
            HOROWITZ + ["Q: In Horowitz's memo, what does a good PM send status reports on?\nA: On time, every time."],
        )
        apkg, result = library.build()
        assert any("stay in deck 'PM::Essays'" in w for w in result.warnings)
        check_import(col, library, apkg, tmp_path)
        learner_kept_their_changes()
        [move] = result.report.decks[0].moves
        changelog = changelog_path(project / "build", "essays").read_text()
        assert move.search in changelog and "This deck was renamed" in changelog
        # the learner follows the changelog: the search finds exactly their old live cards
        old_deck = col.decks.id_for_name("PM::Essays")
        in_old_deck = {c for c in col.find_cards("") if col.get_card(c).did == old_deck}
        retired_cards = set(col.find_cards(RETIRED_SEARCH))
        assert set(col.find_cards(move.search)) == in_old_deck - retired_cards
        col.set_deck(list(col.find_cards(move.search)), col.decks.id_for_name("PM::Essential Essays"))
        study(col, "PM::Essential Essays")

        # Release 6: change the CSS; learners get it on import, nothing else changes.
        styled = tuple(replace(nt, css=nt.css + "\n" + NEW_CSS_MARK) for nt in note_types())
        monkeypatch.setattr(deckgen.builder.pipeline, "note_types", lambda: styled)
        apkg, result = library.build()
        assert result.report.note_types and all(change == "changed" for _, change in result.report.note_types)
        outcome = check_import(col, library, apkg, tmp_path)
        assert outcome["log"].updated == 0
        assert NEW_CSS_MARK in col.models.get(QA_MODEL_ID)["css"]
        learner_kept_their_changes()
        study(col, "PM::Essential Essays")

        # Release 7: move a note file to another folder: nothing changes for anyone.
        (project / "content" / "essays").mkdir()
        library.paths["norton"].rename(project / "content" / "essays" / "norton.md")
        apkg, result = library.build()
        assert {c.status for c in result.changes} == {"unchanged"}
        outcome = check_import(col, library, apkg, tmp_path)
        assert outcome["log"].updated == 0 and outcome["log"].new == 0
        learner_kept_their_changes()
        assert len(snapshot(col)["revlog"]) > 8

        # The changelog kept an entry for every release that changed the deck, newest first.
        changelog = changelog_path(project / "build", "essays").read_text()
        assert re.findall(r"^## Release (\d+)", changelog, flags=re.M) == ["6", "5", "4", "3", "2", "1"]
        assert RETIRED_SEARCH in changelog
        for app in ("Anki desktop", "AnkiDroid", "AnkiMobile"):
            assert app in changelog
        description = col.decks.get(col.decks.id_for_name("PM::Essential Essays"))["desc"]
        assert "Release 6" in description
    finally:
        col.close()


def test_new_cards_of_a_later_release_arrive_in_manifest_order(project: Path, tmp_path: Path) -> None:
    library = Library(project)
    library.note("inspired", INSPIRED)
    library.note("norton", NORTON)
    library.manifest("inspired", "norton")
    col = open_collection(tmp_path / "learner.anki2")
    try:
        apkg, _ = library.build()
        import_apkg(col, apkg)
        # release 2 puts a new note between the two and new cards at the start of each
        library.note(
            "inspired", ["Q: In Cagan's 'Inspired', what is a product team?\nA: A cross-functional team."] + INSPIRED
        )
        library.note("horowitz", HOROWITZ)
        library.manifest("inspired", "horowitz", "norton")
        library.note("norton", ["Q: In Norton's essay, what is the first empathy move?\nA: Listening well."] + NORTON)
        apkg, result = library.build()
        import_apkg(col, apkg)
        release = result.report.decks[0]
        added = [c.uid for c in release.added]
        col.decks.select(col.decks.id_for_name("PM::Essays"))
        queue = col.sched.get_queued_cards(fetch_limit=100).cards
        order = [col.get_card(q.card.id).note()["DeckgenId"] for q in queue]
        manifest_order = [card.uid for card in result.decks[0].cards]
        assert order == manifest_order, "all cards still new: the queue follows the manifest"
        assert [uid for uid in order if uid in added] == [uid for uid in manifest_order if uid in added]
    finally:
        col.close()
