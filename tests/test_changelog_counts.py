"""The changelog counts what Anki gives the learner: a Reverse card is two cards, a cloze one per number.

Found by the PM-lead helper: a release adding a note with ``Reverse: yes`` said "New cards (1)"
while the learner's deck showed two new cards (and "First release: N cards" undercounted the
same way), although ``deckgen build``, the site and ``deckgen plan`` count Anki cards.
Checked in the real Anki engine: the figures are what the import puts in the learner's deck.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from ankiutil import import_apkg, open_collection
from conftest import ONE_CARD_NOTE, write

from deckgen.builder.pipeline import build
from deckgen.core.config import load_config

BASE = int(time.time()) - 100_000

TWO_WAY = """\
---
id: two
title: Two Ways
author: Ada Example
---
Blurb.

## Cards

Q: In Example's 'Two Ways', what is a bet?
A: A decision made under uncertainty.
Reverse: yes

C: In Example's 'Two Ways', a roadmap is {{c1::a set of bets}} about {{c2::outcomes}}.
"""


def _deck_cards(col: object, deck: str) -> int:
    return len(col.find_cards(f'"deck:{deck}"'))  # type: ignore[attr-defined]


def test_changelog_counts_anki_cards_for_reverse_and_cloze(project: Path, tmp_path: Path) -> None:
    write(project / "content" / "a.md", ONE_CARD_NOTE.format(id="a", title="Alpha", answer="Small steps."))
    deck = write(project / "decks" / "all.yaml", "deck: Test::All\nnotes:\n  - id: a\n  - id: two\n")
    write(project / "content" / "two.md", TWO_WAY)
    config = load_config(project)
    build(config, now=BASE)
    log = (project / "build" / "all.changelog.md").read_text(encoding="utf-8")
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, project / "build" / "all.apkg")
        first = int(re.search(r"First release: (\d+) cards", log).group(1))  # type: ignore[union-attr]
        # two's Q/A with its reverse and its two-number cloze alone make 4 Anki cards of 2 written
        assert first == _deck_cards(col, "Test::All") >= 5, log

        # release 2 adds a second two-way note
        write(project / "content" / "three.md", TWO_WAY.replace("id: two", "id: three").replace("Two Ways", "Three"))
        deck.write_text("deck: Test::All\nnotes:\n  - id: a\n  - id: two\n  - id: three\n")
        build(config, now=BASE + 3600)
        log = (project / "build" / "all.changelog.md").read_text(encoding="utf-8").split("## Release 1")[0]
        before = _deck_cards(col, "Test::All")
        import_apkg(col, project / "build" / "all.apkg")
        added = _deck_cards(col, "Test::All") - before
        listed = int(re.search(r"\*\*New cards \((\d+)\)\*\*", log).group(1))  # type: ignore[union-attr]
        assert listed == added >= 4, log
        # each line names its note's question once and says how many cards it makes
        assert "what is a bet? (2 cards)" in log, log
        assert "(2 cards)" in log.split("a roadmap is")[1].splitlines()[0], log
        # a new cloze is listed as Anki asks it, not with its answers (a PM lead's trial)
        assert "a roadmap is […] about […]." in log and "a set of bets" not in log, log
    finally:
        col.close()


def test_build_and_diff_say_how_many_cards_anki_makes_of_the_changes(shipped: Path) -> None:
    """The build said 'Discovery: 28 cards' (Anki cards) over '2 added … 74 unchanged' (cards as written) and the next
    diff 'unchanged 26' for the same deck (found by the onboarding-manager helper): each count of new, changed and
    unchanged cards now says what Anki makes of them when that differs."""
    from conftest import run_deckgen

    note = shipped / "content" / "frameworks" / "vogels-working-backwards.md"
    note.write_text(
        note.read_text(encoding="utf-8")
        + "\nQ: In Vogels' 'Working Backwards', what does the FAQ answer first?\nA: Customer questions.\nReverse: yes\n"
        + "\nC: In Vogels' account, Amazon writes {{c1::a press release}} and {{c2::an FAQ}} before code.\n",
        encoding="utf-8",
    )
    built = run_deckgen("build", cwd=shipped)
    assert built.returncode == 0, built.stderr
    assert "PM Onboarding::Discovery: 27 cards" in built.stdout
    assert "Changes since deckgen.lock: 2 added (4 cards in Anki), 0 edited, 0 retired, 72 unchanged" in built.stdout
    note.write_text(
        note.read_text(encoding="utf-8") + "\nQ: In Vogels' 'Working Backwards', who reads the FAQ?\nA: Leaders.\n"
    )
    diff = run_deckgen("diff", "discovery", cwd=shipped)
    assert "= unchanged 25 (27 cards in Anki)" in diff.stdout, diff.stdout


def test_the_sites_changelog_tells_a_learner_how_to_update_and_where_the_deck_files_are(shipped: Path) -> None:
    """A learner's and an onboarding manager's try: the site's changelog said each deck's own changelog with the update
    steps sits 'beside its .apkg', but the site holds no such file; it said nothing of how to update."""
    from conftest import run_deckgen

    assert run_deckgen("build", cwd=shipped).returncode == 0
    page = (shipped / "build" / "site" / "changelog.html").read_text(encoding="utf-8")
    assert "To update, import the new file as you did the first time: your progress is kept." in page
    assert "In the folder the decks are built into, each deck also has its own changelog" in page
    assert not list((shipped / "build" / "site").rglob("*.changelog.md"))  # so the page must not point there
