"""Retirement in the real Anki engine: existing learners see it marked, new learners never study it."""

from __future__ import annotations

import re
import time
from pathlib import Path

from ankiutil import import_apkg, open_collection, review, snapshot
from conftest import write

from deckgen.builder.pipeline import build
from deckgen.core.config import load_config
from deckgen.lock.identity import guid_of
from deckgen.lock.records import read_lock
from deckgen.lock.retire import RETIRED_SEARCH, RETIRED_TAG

NOTE = """\
---
id: horowitz
title: Good Product Manager/Bad Product Manager
author: Ben Horowitz
tags: [roles]
---
Blurb.

## Cards

Q: In Horowitz's memo, what does a good PM know in depth?
A: The market, the product, the competition.

Q: In Horowitz's memo, what does a good PM crisply define?
A: The target.

Q: In Horowitz's memo, how does a good PM treat excuses?
A: Makes none; owns the outcome.
Reverse: yes

C: Horowitz says a good PM is the {{c1::CEO}} of the product.
"""

RETIRED = ("how does a good PM treat excuses?", "{{c1::CEO}}")


def visible(html: str) -> str:
    html = re.sub(r"<style>.*?</style>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", "", html).strip()


def retire_two(project: Path) -> tuple[Path, Path, set[str]]:
    """Build release 1, then release 2 without a reversed Q/A card and the cloze card."""
    note_path = write(project / "content" / "horowitz.md", NOTE)
    write(project / "decks" / "roles.yaml", "deck: PM::Roles\nnotes: all\n")
    config = load_config(project)
    base = int(time.time()) - 100_000
    first = Path(build(config, now=base).outputs[0])
    first_copy = first.with_name("release1.apkg")
    first_copy.write_bytes(first.read_bytes())
    blocks = note_path.read_text().split("\n\n")
    note_path.write_text("\n\n".join(b for b in blocks if not any(r in b for r in RETIRED)))
    second = Path(build(config, now=base + 1000).outputs[0])
    lock = read_lock(config.lock_path)
    retired = {
        guid_of(config.namespace, n, k, r.anchor) for n, rs in lock.cards.items() for k, r in rs.items() if r.retired
    }
    assert len(retired) == 2
    return first_copy, second, retired


def test_existing_learner_finds_every_retired_card_with_one_search(project: Path, tmp_path: Path) -> None:
    first, second, retired = retire_two(project)
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, first)
        assert len(review(col, "PM::Roles", 6)) == 6
        before = snapshot(col)
        log = import_apkg(col, second)
        assert (log.new, log.updated, log.conflicting) == (0, 2, 0)
        after = snapshot(col)
        assert after["revlog"] == before["revlog"]
        assert after["cards"] == before["cards"], "no card added, removed or rescheduled"
        found = {col.get_note(nid).guid for nid in col.find_notes(RETIRED_SEARCH)}
        assert found == retired
        retired_cards = col.find_cards(RETIRED_SEARCH)
        assert len(retired_cards) == 3  # the reversed card has two, the cloze one
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            assert visible(card.question()) and visible(card.answer()), cid
            is_retired = cid in retired_cards
            assert ("Retired on" in card.question()) == is_retired
            assert (RETIRED_TAG in card.note().tags) == is_retired
    finally:
        col.close()


def test_new_learner_never_gets_retired_cards_to_study(project: Path, tmp_path: Path) -> None:
    _, second, retired = retire_two(project)
    col = open_collection(tmp_path / "fresh.anki2")
    try:
        log = import_apkg(col, second)
        assert log.new == 5  # 3 live notes, and the 2 retired ones without cards
        assert col.find_cards(RETIRED_SEARCH) == []
        assert len(col.find_cards("")) == 3
        col.decks.select(col.decks.id_for_name("PM::Roles"))
        queue = col.sched.get_queued_cards(fetch_limit=100).cards
        assert len(queue) == 3
        assert all(RETIRED_TAG not in col.get_card(q.card.id).note().tags for q in queue)
        # Check Database gives a card to a note that has none (see the README): the
        # published search finds those, so the learner can delete them in one go.
        col.fix_integrity()
        generated = col.find_cards(RETIRED_SEARCH)
        assert {col.get_card(c).note().guid for c in generated} == retired
        assert {col.decks.name(col.get_card(c).did) for c in generated} == {"Default"}
        col.remove_notes(col.find_notes(RETIRED_SEARCH))
        assert len(col.find_cards("")) == 3
    finally:
        col.close()


def test_retired_card_brought_back_is_live_again_for_both_learners(project: Path, tmp_path: Path) -> None:
    first, second, retired = retire_two(project)
    config = load_config(project)
    write(project / "content" / "horowitz.md", NOTE)
    third = build(config, now=int(time.time()) - 50_000)
    assert (third.count("restored"), third.count("added")) == (2, 0)  # as the diff and changelog say
    old, fresh = open_collection(tmp_path / "old.anki2"), open_collection(tmp_path / "fresh.anki2")
    try:
        for apkg in (first, second, Path(third.outputs[0])):
            import_apkg(old, apkg)
        for apkg in (second, Path(third.outputs[0])):
            import_apkg(fresh, apkg)
        for col in (old, fresh):
            assert col.find_notes(RETIRED_SEARCH) == []
            assert len(col.find_notes("")) == 5 and len(col.find_cards("")) == 6  # 4 Q/A (one reversed), 1 cloze
    finally:
        old.close()
        fresh.close()


def test_card_in_two_decks_is_retired_in_both_and_never_reported_moved(project: Path) -> None:
    note_path = write(project / "content" / "horowitz.md", NOTE)
    write(project / "decks" / "all.yaml", "deck: PM::All\nnotes: all\n")
    write(project / "decks" / "roles.yaml", "deck: PM::Roles\nnotes:\n  - id: horowitz\n")
    config = load_config(project)
    build(config, now=1_700_000_000)
    blocks = note_path.read_text().split("\n\n")
    note_path.write_text("\n\n".join(b for b in blocks if RETIRED[0] not in b))
    result = build(config, now=1_700_000_100)
    assert result.count("retired") == 1
    retired_in = {d.deck: [c.uid for c in d.retired] for d in result.report.decks}
    assert len(retired_in["PM::All"]) == 1 and retired_in["PM::All"] == retired_in["PM::Roles"]
    assert all(not d.moves for d in result.report.decks)
    assert not any("stay in deck" in w for w in result.warnings)


def test_deleting_a_whole_note_file_retires_its_cards_with_real_fronts(project: Path, tmp_path: Path) -> None:
    note_path = write(project / "content" / "horowitz.md", NOTE)
    write(project / "content" / "other.md", NOTE.replace("id: horowitz", "id: other").replace("Horowitz's", "Other's"))
    write(project / "decks" / "roles.yaml", "deck: PM::Roles\nnotes: all\n")
    config = load_config(project)
    base = int(time.time()) - 100_000
    first = Path(build(config, now=base).outputs[0]).read_bytes()
    (tmp_path / "r1.apkg").write_bytes(first)
    note_path.unlink()
    second = build(config, now=base + 1000)
    assert second.count("retired") == 5
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, tmp_path / "r1.apkg")
        log = import_apkg(col, Path(second.outputs[0]))
        assert log.updated == 5 and log.new == 0
        retired_cards = col.find_cards(RETIRED_SEARCH)
        assert len(retired_cards) == 6  # five notes, one of them reversed
        for cid in retired_cards:
            card = col.get_card(cid)
            assert "Retired on" in card.question() and visible(card.answer())
            assert card.note()["Context"] == ""  # the note file is gone, so no context line
            assert "horowitz/" in card.note()["DeckgenId"]
    finally:
        col.close()


def test_track_bundles_carry_the_retired_cards_of_their_decks(project: Path, tmp_path: Path) -> None:
    from test_tracks import make_project

    from deckgen.builder.bundles import bundle_path

    make_project(project)
    config = load_config(project)
    base = int(time.time()) - 100_000
    build(config, now=base)
    bundle = bundle_path(config, "test")
    first = tmp_path / "bundle1.apkg"
    first.write_bytes(bundle.read_bytes())
    note = project / "content" / "a.md"
    note.write_text(
        note.read_text().replace("Q: In Essay a, what is the second point?\nA: Fast feedback (a).\nReverse: yes\n", "")
    )
    assert build(config, now=base + 1000).count("retired") == 1
    col = open_collection(tmp_path / "track-learner.anki2")
    try:
        import_apkg(col, first)
        log = import_apkg(col, bundle)
        assert log.updated == 1 and log.new == 0
        retired_cards = col.find_cards(RETIRED_SEARCH)
        assert len(retired_cards) == 2  # the retired card was reversed: both its cards are marked
        assert all("Retired on" in col.get_card(cid).question() for cid in retired_cards)
    finally:
        col.close()


def test_cards_that_come_back_are_announced_as_restored_not_new(project: Path, tmp_path: Path) -> None:
    """A learner who suspended retired cards finds them with the changelog's search; history is intact."""
    first, second_out, _ = retire_two(project)
    second = second_out.with_name("release2.apkg")  # the next build writes the same path
    second.write_bytes(second_out.read_bytes())
    config = load_config(project)
    write(project / "content" / "horowitz.md", NOTE)
    third = build(config, now=int(time.time()) - 50_000)
    assert third.report is not None
    (deck,) = third.report.decks
    assert len(deck.restored) == 2 and not deck.added
    changelog = (config.out_dir / "roles.changelog.md").read_text(encoding="utf-8").split("## Release")[1]
    # two notes, one with a reverse card: three cards in Anki, as the changelog counts them
    assert "**Restored (3)**" in changelog and "New cards" not in changelog
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, first)
        review(col, "PM::Roles", 6)
        import_apkg(col, second)
        col.sched.suspend_cards(col.find_cards(RETIRED_SEARCH))  # what the changelog told them to do
        history = len(col.db.list("select id from revlog"))
        log = import_apkg(col, Path(third.outputs[0]))
        assert (log.new, log.conflicting) == (0, 0)
        found = col.find_cards(deck.restored_search)
        assert len(found) == 3  # the reversed card's two and the cloze: exactly the learner's suspended ones
        assert len(col.db.list("select id from revlog")) == history
    finally:
        col.close()


def test_a_build_that_retires_cards_says_so_and_lists_them(project: Path) -> None:
    """One line nobody can miss, then each retired card's question (a typo must never retire silently)."""
    from conftest import run_deckgen

    note_path = write(project / "content" / "horowitz.md", NOTE)
    write(project / "decks" / "roles.yaml", "deck: PM::Roles\nnotes: all\n")
    assert run_deckgen("build", cwd=project).returncode == 0
    blocks = note_path.read_text().split("\n\n")
    note_path.write_text("\n\n".join(b for b in blocks if RETIRED[0] not in b))
    dry = run_deckgen("build", "--dry-run", cwd=project)
    assert "1 card retired (if this build is published)" in dry.stderr
    done = run_deckgen("build", cwd=project)
    assert done.returncode == 0
    assert "1 card retired — learners are told to suspend or delete them" in done.stderr
    assert "  - In Horowitz's memo, how does a good PM treat excuses?" in done.stderr
