"""Imported seed and gold notes build into decks that the real Anki engine imports cleanly,
and rewording a note updates its generated cards in place."""

from __future__ import annotations

import re
from pathlib import Path

from ankiutil import import_apkg, open_collection, review, snapshot
from conftest import FIXTURES, run_deckgen, write

from deckgen.builder.pipeline import plan_build
from deckgen.core.config import load_config
from deckgen.lock.identity import card_guid

GOLD = FIXTURES / "gold"


def _visible(html: str) -> str:
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", "", html).strip()


def test_gold_notes_import_build_and_load_into_anki(project: Path, tmp_path: Path) -> None:
    write(project / "decks" / "gold.yaml", "deck: Gold::Essays\nnotes: all\n")
    sources = [str(p) for p in sorted(GOLD.iterdir()) if p.suffix in (".txt", ".md")]
    imported = run_deckgen("import", *sources, "--into", "content/gold", cwd=project)
    assert imported.returncode == 0, imported.stderr
    built = run_deckgen("build", cwd=project, env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert built.returncode == 0, built.stderr
    config = load_config(project)
    deck = plan_build(config).decks[0]
    generated = [c for c in deck.cards if c.origin.startswith("generated:")]
    assert len(generated) >= 40 and {c.kind for c in generated} == {"basic", "cloze"}

    col = open_collection(tmp_path / "learner.anki2")
    try:
        log = import_apkg(col, project / "build" / "gold.apkg")
        assert (log.new, log.updated, log.duplicate, log.conflicting) == (len(deck.cards), 0, 0, 0)
        assert not any(log.other.values()), log.other
        assert set(snapshot(col)["notes"]) == {card_guid(config.namespace, c.note_id, c.key) for c in deck.cards}
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            assert _visible(card.question()) and _visible(card.answer()), card.note().guid
            assert "{{c1::" not in card.question()  # clozes rendered by Anki, not shown raw
        assert review(col, "Gold::Essays", 5)
    finally:
        col.close()


def test_rewording_the_seed_updates_generated_cards_in_place(project: Path, tmp_path: Path) -> None:
    write(project / "decks" / "all.yaml", "deck: PM::Essays\nnotes: all\n")
    seed = write(tmp_path / "inbox" / "norton.txt", (GOLD / "norton-empathy.txt").read_text())
    assert run_deckgen("import", str(seed), cwd=project).returncode == 0
    assert run_deckgen("build", cwd=project, env={"SOURCE_DATE_EPOCH": "1700000000"}).returncode == 0
    col = open_collection(tmp_path / "learner.anki2")
    try:
        first = import_apkg(col, project / "build" / "all.apkg")
        assert first.new > 5
        review(col, "PM::Essays", 3)
        reviews = snapshot(col)["revlog"]

        seed.write_text(
            seed.read_text().replace("a set of concrete, learnable moves", "a set of specific, teachable habits")
        )
        assert run_deckgen("import", str(seed), cwd=project).returncode == 0
        assert run_deckgen("build", cwd=project, env={"SOURCE_DATE_EPOCH": "1800000000"}).returncode == 0
        second = import_apkg(col, project / "build" / "all.apkg")
        assert (second.new, second.updated) == (0, 1)
        after = snapshot(col)
        assert after["revlog"] == reviews
        guid = card_guid(load_config(project).namespace, "empathy-and-product-management", "g.contrast.empathy")
        assert after["notes"][guid]["fields"]["Answer"] == "A set of specific, teachable habits"
    finally:
        col.close()
