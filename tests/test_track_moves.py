"""A note that moves to a deck in another week of a track: the changelog tells track learners how to follow it.

A track learner's cards sit in the track's week decks ('Test::Week 1 — Basics'), not in the
theme decks; Anki never moves a card they already have. The changelog's move instructions
searched ``"deck:Test::X"``, which finds nothing in a track learner's collection, and said to
choose ``Test::Y``, a deck outside the track. Checked in the real Anki engine: the search the
changelog gives finds exactly the moved cards, and the deck it names is where the new bundle
puts them for a newcomer.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from ankiutil import import_apkg, open_collection, review
from conftest import ONE_CARD_NOTE, write

from deckgen.builder.pipeline import build
from deckgen.core.config import load_config

BASE = int(time.time()) - 100_000
TRACK = """\
track: Test onboarding
role: Associate PM
deck: Test
stages:
  - title: Basics
    decks: [x]
  - title: Depth
    decks: [y]
"""


def _decks_of(col: object, search: str) -> set[str]:
    return {col.decks.name(col.get_card(c).did) for c in col.find_cards(search)}  # type: ignore[attr-defined]


def test_a_track_learner_is_told_how_to_move_a_note_that_changed_week(project: Path, tmp_path: Path) -> None:
    write(project / "content" / "a.md", ONE_CARD_NOTE.format(id="a", title="Alpha", answer="Small steps."))
    write(project / "content" / "b.md", ONE_CARD_NOTE.format(id="b", title="Beta", answer="Big bets."))
    write(project / "content" / "c.md", ONE_CARD_NOTE.format(id="c", title="Gamma", answer="Many tries."))
    x = write(project / "decks" / "x.yaml", "deck: Test::X\nnotes:\n  - id: a\n  - id: b\n")
    y = write(project / "decks" / "y.yaml", "deck: Test::Y\nnotes:\n  - id: c\n")
    write(project / "decks" / "tracks" / "t.yaml", TRACK)
    config = load_config(project)
    build(config, now=BASE)
    bundle = project / "build" / "tracks" / "t.apkg"
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, bundle)
        week1, week2 = "Test::Week 1 — Basics", "Test::Week 2 — Depth"
        assert _decks_of(col, "DeckgenId:b/*") == {week1}
        review(col, week1, 4)

        x.write_text("deck: Test::X\nnotes:\n  - id: a\n")
        y.write_text("deck: Test::Y\nnotes:\n  - id: c\n  - id: b\n")
        build(config, now=BASE + 3600)
        import_apkg(col, bundle)
        assert _decks_of(col, "DeckgenId:b/*") == {week1}, "Anki keeps the learner's copies where they were"

        fresh = open_collection(tmp_path / "fresh.anki2")
        try:
            import_apkg(fresh, bundle)
            home = _decks_of(fresh, "DeckgenId:b/*")
        finally:
            fresh.close()
        assert home == {week2}

        log = (project / "build" / "CHANGELOG.md").read_text(encoding="utf-8")
        told = re.search(r"Test onboarding.*?search `([^`]+)`.*?choose `([^`]+)`", log, re.S)
        assert told, log
        search, target = told.groups()
        assert col.find_cards(search) and set(col.find_cards(search)) == set(col.find_cards("DeckgenId:b/*"))
        assert {target} == home
        assert not col.find_cards(f"DeckgenId:a/* ({search})"), "a stayed in week 1: it is not moved"
    finally:
        col.close()


def test_a_move_inside_one_week_tells_track_learners_nothing(project: Path) -> None:
    write(project / "content" / "a.md", ONE_CARD_NOTE.format(id="a", title="Alpha", answer="Small steps."))
    write(project / "content" / "b.md", ONE_CARD_NOTE.format(id="b", title="Beta", answer="Big bets."))
    x = write(project / "decks" / "x.yaml", "deck: Test::X\nnotes:\n  - id: a\n  - id: b\n")
    write(project / "content" / "c.md", ONE_CARD_NOTE.format(id="c", title="Gamma", answer="Many tries."))
    y = write(project / "decks" / "y.yaml", "deck: Test::Y\nnotes:\n  - id: c\n")
    write(
        project / "decks" / "tracks" / "t.yaml",
        TRACK.replace("decks: [x]", "decks: [x, y]").split("  - title: Depth")[0],
    )
    config = load_config(project)
    build(config, now=BASE)
    x.write_text("deck: Test::X\nnotes:\n  - id: a\n")
    y.write_text("deck: Test::Y\nnotes:\n  - id: c\n  - id: b\n")
    build(config, now=BASE + 3600)
    log = (project / "build" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Some notes moved to this deck" in log and "Test onboarding" not in log
