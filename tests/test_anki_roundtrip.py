"""Built decks in the real Anki engine: clean import, and re-import that keeps every review."""

from __future__ import annotations

import time
from pathlib import Path

from ankiutil import import_apkg, open_collection, review, snapshot
from conftest import write

from deckgen.builder.pipeline import build, plan_build
from deckgen.core.config import load_config
from deckgen.lock.identity import card_guid
from deckgen.lock.records import read_lock

NOTE = """\
---
id: horowitz
title: Good Product Manager/Bad Product Manager
author: Ben Horowitz
source: https://a16z.com/good-product-manager-bad-product-manager/
tags: [roles]
generate: {include: [author]}
---
Blurb.

## Cards

Q: In Horowitz's memo, what does a good PM know in depth?
A: The market, the product, the competition.

Q: In Horowitz's memo, what does a good PM crisply define?
A: The target.

Q: In Horowitz's memo, how does a good PM treat excuses?
A: Makes none; owns the outcome.

Q: In Horowitz's memo, what does a good PM send status reports on?
A: On time, every time.

C: Horowitz says a good PM is the {{c1::CEO}} of the product.
"""


def test_every_shipped_deck_imports_cleanly_and_renders(shipped: Path, tmp_path: Path) -> None:
    config = load_config(shipped)
    plan = plan_build(config)
    result = build(config)
    assert result.outputs, "no decks built"
    for deck, output in zip(result.decks, result.outputs):
        col = open_collection(tmp_path / f"{deck.spec.slug}.anki2")
        try:
            log = import_apkg(col, Path(output))
            # retired cards ship as notes without card rows (deckgen.lock.retire)
            lock = read_lock(shipped / "deckgen.lock")
            retired = {
                card_guid(config.namespace, n, k)
                for n, recs in lock.cards.items()
                for k, r in recs.items()
                if r.retired and n in {c.note_id for c in deck.cards}
            }
            expected_notes = len(deck.cards) + len(retired)
            assert (log.new, log.updated, log.conflicting) == (expected_notes, 0, 0)
            assert not any(log.other.values()), log.other
            assert deck.spec.name in col.decks.all_names_and_ids().__repr__()
            assert {m["name"] for m in col.models.all()} >= {"deckgen Q/A"}
            guids = {card_guid(config.namespace, c.note_id, c.key) for c in deck.cards}
            assert set(snapshot(col)["notes"]) == guids | retired
            expected_cards = sum(2 if c.reverse else 1 for c in deck.cards)
            assert len(col.find_cards("")) == expected_cards
            for cid in col.find_cards(""):
                card = col.get_card(cid)
                assert _visible_text(card.question()), f"blank front: {card.note().guid}"
                assert _visible_text(card.answer()), f"blank back: {card.note().guid}"
                assert col.decks.name(card.did) == deck.spec.name
        finally:
            col.close()
    assert plan.notes  # the shipped project has notes


def _visible_text(html: str) -> str:
    import re

    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", "", html).strip()


def test_edits_update_in_place_and_keep_every_review(project: Path, tmp_path: Path) -> None:
    note_path = write(project / "content" / "horowitz.md", NOTE)
    write(project / "decks" / "roles.yaml", "deck: PM::Roles\nnotes: all\n")
    config = load_config(project)
    t0 = int(time.time()) - 3600
    first = build(config, now=t0)
    apkg = Path(first.outputs[0])

    col = open_collection(tmp_path / "learner.anki2")
    try:
        log = import_apkg(col, apkg)
        assert log.new == 6 and log.updated == 0
        answered = review(col, "PM::Roles", 4)
        assert len(answered) == 4
        before = snapshot(col)
        assert len(before["revlog"]) == 4
        # the learner tags one card they will not see edited
        unchanged_guid = card_guid(config.namespace, "horowitz", "g.author")
        unchanged = col.get_note(before["notes"][unchanged_guid]["id"])
        unchanged.tags.append("my-own-tag")
        col.update_note(unchanged)

        # the curator edits one answer and one question's wording
        text = note_path.read_text()
        text = text.replace("A: The target.", "A: The target, crisply.")
        text = text.replace("how does a good PM treat excuses?", "how does a good PM handle excuses?")
        note_path.write_text(text)
        second = build(config, now=int(time.time()) + 60)
        assert second.count("edited") == 2 and second.count("added") == 0

        log = import_apkg(col, Path(second.outputs[0]))
        assert (log.new, log.updated, log.conflicting) == (0, 2, 0)
        after = snapshot(col)
        assert set(after["notes"]) == set(before["notes"]), "no note added or lost"
        assert after["revlog"] == before["revlog"], "every review kept"
        for cid, card in before["cards"].items():
            for field in ("ivl", "due", "queue", "type", "reps", "deck"):
                assert after["cards"][cid][field] == card[field], (cid, field)
        changed = {g for g in after["notes"] if after["notes"][g]["fields"] != before["notes"][g]["fields"]}
        assert len(changed) == 2
        answers = {after["notes"][g]["fields"]["Answer"] for g in changed}
        questions = {after["notes"][g]["fields"]["Question"] for g in changed}
        assert "The target, crisply." in answers
        assert any("handle excuses" in q for q in questions)
        assert "my-own-tag" in after["notes"][unchanged_guid]["tags"], "unchanged notes are not updated"
    finally:
        col.close()


def test_rebuild_without_changes_is_byte_identical(project: Path) -> None:
    write(project / "content" / "horowitz.md", NOTE)
    write(project / "decks" / "roles.yaml", "deck: PM::Roles\nnotes: all\n")
    config = load_config(project)
    first = Path(build(config, now=1_700_000_000).outputs[0]).read_bytes()
    second = Path(build(config, now=1_800_000_000).outputs[0]).read_bytes()
    assert first == second


def test_new_cards_are_queued_in_manifest_order(project: Path, tmp_path: Path) -> None:
    write(project / "content" / "horowitz.md", NOTE)
    write(project / "content" / "a-first.md", NOTE.replace("id: horowitz", "id: first-by-file"))
    write(project / "decks" / "roles.yaml", "deck: PM::Roles\nnotes:\n  - id: horowitz\n  - id: first-by-file\n")
    config = load_config(project)
    result = build(config, now=1_700_000_000)
    col = open_collection(tmp_path / "order.anki2")
    try:
        import_apkg(col, Path(result.outputs[0]))
        col.decks.select(col.decks.id_for_name("PM::Roles"))
        queue = col.sched.get_queued_cards(fetch_limit=50).cards
        notes_in_order = [col.get_note(col.get_card(q.card.id).nid)["DeckgenId"].split("/")[0] for q in queue]
        assert notes_in_order == ["horowitz"] * 6 + ["first-by-file"] * 6
    finally:
        col.close()
