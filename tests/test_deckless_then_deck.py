"""A note built while no deck selected it, then added to a deck: its cards are new to that deck's learners.

While in no deck, every build warns that no learner gets its cards (it said "2 added" and nothing else).

Found by the PM-lead helper: the deck's release listed them as unchanged ("Card order or deck
details changed; your cards are not affected.") while the import brought the learner new cards.
Checked in the real Anki engine: what the changelog calls new is what the import adds.
"""

from __future__ import annotations

import time
from pathlib import Path

from ankiutil import import_apkg, open_collection
from conftest import ONE_CARD_NOTE, run_deckgen, write

from deckgen.builder.pipeline import build
from deckgen.core.config import load_config

BASE = int(time.time()) - 100_000


def test_a_note_that_joins_a_deck_after_a_build_in_no_deck_is_new_to_that_deck(project: Path, tmp_path: Path) -> None:
    write(project / "content" / "a.md", ONE_CARD_NOTE.format(id="a", title="Alpha", answer="Small steps."))
    deck = write(project / "decks" / "all.yaml", "deck: Test::All\nnotes:\n  - id: a\n")
    config = load_config(project)
    build(config, now=BASE)
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, project / "build" / "all.apkg")
        write(project / "content" / "later.md", ONE_CARD_NOTE.format(id="later", title="Later", answer="Big bets."))
        # 'later' is in no deck: its cards are recorded and ship nowhere; the build says so, on every build
        for _ in range(2):
            built = run_deckgen("build", cwd=project, env={"SOURCE_DATE_EPOCH": str(BASE + 3600)})
            assert built.returncode == 0, built.stderr
            assert "content/later.md:2:1: no-deck: note 'later' is in no deck, so no learner gets its 2 card(s)" in (
                built.stderr
            )
            assert "add '- id: later' to a deck file in decks/" in built.stderr
        deck.write_text("deck: Test::All\nnotes:\n  - id: a\n  - id: later\n")

        diff = run_deckgen("diff", cwd=project)
        assert diff.stdout.count("+ added") == 2, diff.stdout  # later's Q/A and author cards
        result = build(config, now=BASE + 7200)
        assert not [w for w in result.warnings if "in no deck" in w]
        log = (project / "build" / "all.changelog.md").read_text(encoding="utf-8").split("## Release 1")[0]
        assert "**New cards (2)**" in log and "not affected" not in log, log
        assert "Later" in log
        imported = import_apkg(col, project / "build" / "all.apkg")
        assert imported.new == 2 and imported.updated == 0
    finally:
        col.close()
