"""Issue 12 item 1 (part): a note that leaves every deck is retired from its deck's package like a deleted card.

Before, its cards silently vanished from the package: learners kept them unmarked and
never updated, and diff, summary and changelog said nothing. Adding the note back
restores the cards with their identity and history.
"""

from __future__ import annotations

import time
from pathlib import Path

from ankiutil import import_apkg, open_collection, review, snapshot
from conftest import ONE_CARD_NOTE, run_deckgen, write

from deckgen.builder.pipeline import build
from deckgen.core.config import load_config
from deckgen.lock.retire import RETIRED_SEARCH

BASE = int(time.time()) - 100_000
NOTE = ONE_CARD_NOTE


def test_note_leaving_every_deck_is_retired_then_restored(project: Path, tmp_path: Path) -> None:
    write(project / "content" / "a.md", NOTE.format(id="a", title="Alpha", answer="Small steps."))
    write(project / "content" / "b.md", NOTE.format(id="b", title="Beta", answer="Big bets."))
    manifest = write(project / "decks" / "main.yaml", "deck: Test::Main\nnotes:\n  - id: a\n  - id: b\n")
    config = load_config(project)
    apkg = project / "build" / "main.apkg"
    build(config, now=BASE)
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, apkg)
        review(col, "Test::Main", 10)
        before = snapshot(col)

        manifest.write_text("deck: Test::Main\nnotes:\n  - id: a\n")  # b's '- id:' line deleted
        diff = run_deckgen("diff", cwd=project)
        assert diff.returncode == 0 and diff.stdout.count("- retired") == 2, diff.stdout  # b's Q/A and author card
        assert "no longer in any deck" in diff.stdout
        result = build(config, now=BASE + 3600)
        assert result.count("retired") == 2
        log = (project / "build" / "main.changelog.md").read_text().split("## Release 1")[0]
        assert "**Retired (2)**" in log and "not affected" not in log
        imported = import_apkg(col, apkg)
        assert imported.new == 0 and imported.updated == 2
        retired = {col.get_note(n).guid for n in col.find_notes(RETIRED_SEARCH)}
        assert len(retired) == 2
        after = snapshot(col)
        assert after["revlog"] == before["revlog"] and after["cards"] == before["cards"]

        manifest.write_text("deck: Test::Main\nnotes:\n  - id: a\n  - id: b\n")  # back in the deck
        build(config, now=BASE + 7200)
        imported = import_apkg(col, apkg)
        assert imported.new == 0 and imported.updated == 2, "restored in place: identity and history kept"
        assert not col.find_notes(RETIRED_SEARCH)
        assert snapshot(col)["revlog"] == before["revlog"]
    finally:
        col.close()


def test_note_moved_to_another_deck_is_announced_and_kept_current_in_the_old_deck(
    project: Path, tmp_path: Path
) -> None:
    write(project / "content" / "a.md", NOTE.format(id="a", title="Alpha", answer="Small steps."))
    b = write(project / "content" / "b.md", NOTE.format(id="b", title="Beta", answer="Big bets."))
    write(project / "content" / "c.md", NOTE.format(id="c", title="Gamma", answer="Many tries."))
    x = write(project / "decks" / "x.yaml", "deck: Test::X\nnotes:\n  - id: a\n  - id: b\n")
    y = write(project / "decks" / "y.yaml", "deck: Test::Y\nnotes:\n  - id: c\n")
    config = load_config(project)
    build(config, now=BASE)
    x_apkg, y_apkg = project / "build" / "x.apkg", project / "build" / "y.apkg"
    col = open_collection(tmp_path / "learner.anki2")
    both = open_collection(tmp_path / "both.anki2")
    try:
        import_apkg(col, x_apkg)
        review(col, "Test::X", 10)
        before = snapshot(col)
        import_apkg(both, x_apkg)
        import_apkg(both, y_apkg)

        x.write_text("deck: Test::X\nnotes:\n  - id: a\n")
        y.write_text("deck: Test::Y\nnotes:\n  - id: c\n  - id: b\n")
        diff = run_deckgen("diff", cwd=project)
        assert "< left      2 card(s) to deck 'Test::Y'" in diff.stdout, diff.stdout
        build(config, now=BASE + 3600)
        log = (project / "build" / "x.changelog.md").read_text().split("## Release 1")[0]
        assert "**Moved to `Test::Y` (2)**" in log and "Change Deck" in log and "not affected" not in log
        imported = import_apkg(col, x_apkg)
        assert imported.new == 0 and imported.conflicting == 0
        after = snapshot(col)
        assert after["revlog"] == before["revlog"] and after["cards"] == before["cards"]
        assert not col.find_notes(RETIRED_SEARCH), "a moved card is not retired: it still belongs to the curriculum"
        notes_before = len(both.find_notes(""))
        import_apkg(both, x_apkg)
        import_apkg(both, y_apkg)
        assert len(both.find_notes("")) == notes_before, "no duplicate for a learner of both decks"

        fresh = open_collection(tmp_path / "fresh.anki2")
        try:
            import_apkg(fresh, x_apkg)
            decks = {fresh.decks.name(fresh.get_card(c).did) for c in fresh.find_cards("")}
            assert fresh.card_count() == 2 and decks == {"Test::X"}, "a newcomer to X studies only a's cards"
        finally:
            fresh.close()

        # the learner of X keeps getting the moved card's updates through X's package
        b.write_text(NOTE.format(id="b", title="Beta", answer="Big, reversible bets."))
        build(config, now=BASE + 7200)
        assert import_apkg(col, x_apkg).updated == 1
        answers = [col.get_note(n)["Answer"] for n in col.find_notes("")]
        assert any("reversible" in a for a in answers)
    finally:
        col.close()
        both.close()
