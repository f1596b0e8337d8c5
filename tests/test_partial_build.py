"""Issue 12 item 3: `deckgen build DECK` records in the lock only what it wrote.

Another deck's edit stays pending: `deckgen diff` keeps showing it, and the build that
writes that deck lists it in the deck's changelog (never "your cards are not affected"),
and the deck's learners get it in Anki.
"""

from __future__ import annotations

import time
from pathlib import Path

from ankiutil import import_apkg, open_collection
from conftest import ONE_CARD_NOTE, run_deckgen, write

from deckgen.builder.pipeline import build, plan_build
from deckgen.core.config import load_config

BASE = int(time.time()) - 100_000
NOTE = ONE_CARD_NOTE


def test_partial_build_leaves_other_decks_changes_pending(project: Path, tmp_path: Path) -> None:
    write(project / "content" / "a.md", NOTE.format(id="a", title="Alpha", answer="Small steps."))
    b = write(project / "content" / "b.md", NOTE.format(id="b", title="Beta", answer="Big bets."))
    write(project / "decks" / "alpha.yaml", "deck: Test::Alpha\nnotes:\n  - id: a\n")
    write(project / "decks" / "beta.yaml", "deck: Test::Beta\nnotes:\n  - id: b\n")
    config = load_config(project)
    build(config, now=BASE)
    beta_v1 = (project / "build" / "beta.apkg").read_bytes()
    lock_v1 = (project / "deckgen.lock").read_text()

    b.write_text(NOTE.format(id="b", title="Beta", answer="Big, reversible bets."))
    result = build(config, ["alpha"], now=BASE + 3600)
    assert [c for c in result.changes if c.status != "unchanged"] == [], "the partial build changed nothing it wrote"
    assert (project / "deckgen.lock").read_text() == lock_v1, "beta's edit is not recorded by a build of alpha"
    pending = [c.uid for c in plan_build(config, now=BASE + 7200).changes if c.status == "edited"]
    assert pending == ["b/" + pending[0].split("/", 1)[1]] and pending[0].startswith("b/")
    diff = run_deckgen("diff", cwd=project)
    assert diff.returncode == 0 and "~ edited" in diff.stdout and "Big, reversible bets." in diff.stdout

    build(config, now=BASE + 7200)
    log = (project / "build" / "beta.changelog.md").read_text()
    newest = log.split("## Release 2", 1)[1].split("## Release 1", 1)[0]
    assert "Big, reversible bets." in newest and "not affected" not in newest
    col = open_collection(tmp_path / "learner.anki2")
    try:
        (tmp_path / "beta1.apkg").write_bytes(beta_v1)
        import_apkg(col, tmp_path / "beta1.apkg")
        assert import_apkg(col, project / "build" / "beta.apkg").updated == 1
        answers = [col.get_note(nid)["Answer"] for nid in col.find_notes("")]
        assert any("reversible" in a for a in answers)
    finally:
        col.close()


def test_a_card_two_decks_hold_ships_in_both_when_one_is_built(project: Path, tmp_path: Path) -> None:
    """A card has one record in the lock: a build of one deck that changes it writes every released deck holding it.

    Before, `deckgen build second` recorded the shared card, so `deckgen diff` showed nothing
    pending for 'all', and all's next release said 'your cards are not affected' while its
    package brought the new card.
    """
    a = write(project / "content" / "a.md", NOTE.format(id="a", title="Alpha", answer="Small steps."))
    write(project / "decks" / "all.yaml", "deck: Test::All\nnotes: all\n")
    write(project / "decks" / "second.yaml", "deck: Test::Second\nnotes:\n  - id: a\n")
    write(project / "decks" / "other.yaml", "deck: Test::Other\nnotes:\n  - id: b\n")
    write(project / "content" / "b.md", NOTE.format(id="b", title="Beta", answer="Big bets."))
    config = load_config(project)
    build(config, now=BASE)
    all_v1 = (project / "build" / "all.apkg").read_bytes()
    other_v1 = (project / "build" / "other.apkg").read_bytes()

    a.write_text(NOTE.format(id="a", title="Alpha", answer="Small, safe steps."))
    result = run_deckgen("build", "second", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "also building deck 'Test::All' (decks/all.yaml): it holds 1 card(s) this build changes" in result.stderr
    written = {line for line in result.stdout.splitlines() if line.startswith("wrote ")}
    assert (
        f"wrote {project / 'build' / 'all.apkg'}" in written and f"wrote {project / 'build' / 'second.apkg'}" in written
    )
    assert (project / "build" / "other.apkg").read_bytes() == other_v1  # holds no changed card: left alone
    newest = (project / "build" / "all.changelog.md").read_text().split("## Release 2", 1)[1].split("## Release 1")[0]
    assert "Small, safe steps." in newest and "not affected" not in newest
    assert "(nothing changes)" in run_deckgen("diff", "all", cwd=project).stdout  # nothing left pending
    col = open_collection(tmp_path / "learner.anki2")
    try:  # a learner of 'all' gets the edit
        (tmp_path / "all1.apkg").write_bytes(all_v1)
        import_apkg(col, tmp_path / "all1.apkg")
        assert import_apkg(col, project / "build" / "all.apkg").updated == 1
        assert any("safe" in col.get_note(nid)["Answer"] for nid in col.find_notes(""))
    finally:
        col.close()


def test_a_deck_never_released_is_not_built_for_a_shared_card(project: Path) -> None:
    write(project / "content" / "a.md", NOTE.format(id="a", title="Alpha", answer="Small steps."))
    write(project / "decks" / "all.yaml", "deck: Test::All\nnotes: all\n")
    write(project / "decks" / "second.yaml", "deck: Test::Second\nnotes:\n  - id: a\n")
    result = run_deckgen("build", "second", cwd=project)  # the first build: 'all' has no learners yet
    assert result.returncode == 0 and "also building" not in result.stderr
    assert not (project / "build" / "all.apkg").exists()
    assert run_deckgen("build", cwd=project).returncode == 0
    assert "First release: 2 cards." in (project / "build" / "all.changelog.md").read_text()  # every card of it
