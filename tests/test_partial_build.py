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
