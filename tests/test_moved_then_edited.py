"""A card moved to another deck, then edited: the old deck's release lists the edit, since its package updates its
learners' copies. A PM lead's trial: the old deck's changelog said 'Card order or deck details changed; your cards
are not affected' while importing its package changed the moved card's answer. Checked in the real Anki engine.
Fails on 8aecc32."""

from __future__ import annotations

import time
from pathlib import Path

from ankiutil import import_apkg, open_collection
from conftest import ONE_CARD_NOTE, write

from deckgen.builder.pipeline import build
from deckgen.core.config import load_config

BASE = int(time.time()) - 100_000


def test_the_old_deck_lists_the_edit_of_a_card_that_left_it(project: Path, tmp_path: Path) -> None:
    write(project / "content" / "a" / "x.md", ONE_CARD_NOTE.format(id="x", title="X", answer="Weekly demos."))
    z = write(project / "content" / "b" / "z.md", ONE_CARD_NOTE.format(id="z", title="Z", answer="Customer calls."))
    write(project / "content" / "b" / "y.md", ONE_CARD_NOTE.format(id="y", title="Y", answer="Pair programming."))
    write(project / "decks" / "a.yaml", 'deck: A\nnotes:\n  - path: "content/a/*.md"\n')
    write(project / "decks" / "b.yaml", 'deck: B\nnotes:\n  - path: "content/b/*.md"\n')
    config = load_config(project)
    build(config, now=BASE)
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, project / "build" / "b.apkg")  # a learner of deck B
        moved = project / "content" / "a" / "z.md"
        z.rename(moved)
        build(config, now=BASE + 3600)
        moved.write_text(moved.read_text().replace("A: Customer calls.", "A: Customer calls every week."))
        build(config, now=BASE + 7200)
        log = (project / "build" / "b.changelog.md").read_text(encoding="utf-8").split("## Release 2")[0]
        assert "**Changed (1)**" in log and "Customer calls every week" in log, log
        assert "your cards are not affected" not in log, log
        import_apkg(col, project / "build" / "b.apkg")
        answers = [col.get_note(n)["Answer"] for n in col.find_notes("")]
        assert any("Customer calls every week" in a for a in answers), answers  # what the changelog says happened
    finally:
        col.close()
