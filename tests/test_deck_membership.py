"""Issue 12 item 1 (part): a note that leaves every deck is retired from its deck's package like a deleted card.

Before, its cards silently vanished from the package: learners kept them unmarked and
never updated, and diff, summary and changelog said nothing. Adding the note back
restores the cards with their identity and history.
"""

from __future__ import annotations

import time
from pathlib import Path

from ankiutil import import_apkg, open_collection, review, snapshot
from conftest import run_deckgen, write

from deckgen.build.pipeline import build
from deckgen.core.config import load_config
from deckgen.lock.retire import RETIRED_SEARCH

BASE = int(time.time()) - 100_000
NOTE = """\
---
id: {id}
title: {title}
author: Ada Example
---
Blurb.

## Cards

Q: In Example's '{title}', what is the point?
A: {answer}
"""


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
