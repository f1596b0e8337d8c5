"""A deck's first release counts every card it ships, restored ones included.

A retired card that comes back in a brand-new deck is listed under "Restored" (a learner who
kept it has its history), but "First release: N cards" left it out, so a new deck of four
cards announced two.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from conftest import ONE_CARD_NOTE, write

from deckgen.builder.pipeline import build
from deckgen.core.config import load_config

BASE = int(time.time()) - 100_000


def test_first_release_counts_a_card_restored_into_a_new_deck(project: Path) -> None:
    write(project / "content" / "a.md", ONE_CARD_NOTE.format(id="a", title="Alpha", answer="Small steps."))
    write(project / "content" / "b.md", ONE_CARD_NOTE.format(id="b", title="Beta", answer="Big bets."))
    x = write(project / "decks" / "x.yaml", "deck: Test::X\nnotes:\n  - id: a\n  - id: b\n")
    config = load_config(project)
    build(config, now=BASE)
    x.write_text("deck: Test::X\nnotes:\n  - id: a\n")  # b's cards retired
    assert build(config, now=BASE + 3600).count("retired") == 2
    write(project / "decks" / "z.yaml", "deck: Test::Z\nnotes:\n  - id: b\n  - id: a\n")
    result = build(config, now=BASE + 7200)
    assert result.count("restored") == 2

    log = (project / "build" / "z.changelog.md").read_text(encoding="utf-8")
    shipped = next(len(d.cards) for d in result.decks if d.spec.slug == "z")
    assert shipped == 4
    assert re.search(r"First release: (\d+) cards", log).group(1) == "4", log  # type: ignore[union-attr]
