"""Upgrading from the sentence-pattern generator: learners keep their cards, curation keeps its meaning.

tests/fixtures/upgrade/ is a project built with the generator before ideas (commit in
MADE_WITH): its notes, curation (``generate: reject``), deckgen.lock and the package that
build shipped (old-all.apkg). Rebuilding it with today's generator and importing both
packages into one real Anki collection must leave no duplicate notes, keep the review
history of cards that continue, and never bring a rejected card back.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from ankiutil import import_apkg, open_collection, review
from conftest import FIXTURES, run_deckgen

from deckgen.core.config import load_config
from deckgen.lock.identity import card_guid
from deckgen.lock.records import read_lock

UPGRADE = FIXTURES / "upgrade"
NOTE = "empathy-and-product-management"


def _words(text: str) -> frozenset[str]:
    text = re.sub(r"<[^>]+>|\{\{c\d+::|\}\}", " ", text)
    small = {"a", "an", "the", "of", "to", "and", "or", "in", "on", "for", "is", "are", "it", "as", "by", "with"}
    return frozenset(w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in small)


def _rebuilt(tmp_path: Path) -> Path:
    root = tmp_path / "proj"
    shutil.copytree(UPGRADE, root)
    (root / "old-all.apkg").unlink()
    result = run_deckgen("build", cwd=root, env={"SOURCE_DATE_EPOCH": "1800000000"})
    assert result.returncode == 0, result.stderr
    return root


def test_rebuild_keeps_identities_and_rejections(tmp_path: Path) -> None:
    root = _rebuilt(tmp_path)
    old = read_lock(UPGRADE / "deckgen.lock").cards[NOTE]
    new = read_lock(root / "deckgen.lock").cards[NOTE]
    live = {k: r for k, r in new.items() if not r.retired}
    # the contrast card keeps its key; the claim card continues the old 'argues' card
    assert "g.contrast.empathy" in live and "g.argues.empathy-product-management" in live
    assert "reduced to a buzzword" in live["g.argues.empathy-product-management"].back.lower()
    assert not any(k.startswith("g.claim.") for k in live)
    # cards the old generator shipped and the new one does not are retired, not deleted
    assert all(k in new for k in old)
    assert new["g.author"].retired and new["g.thesis"].retired
    # rejected then (g.rather.disposition-coached, g.critique): still absent
    shipped = [r.front + " " + r.back for r in live.values()]
    assert not any("coached" in s for s in shipped)
    assert not any("romanticizing" in s.lower() or "structural conditions" in s for s in shipped)
    preview = run_deckgen("cards", NOTE, "--shipping", "--format", "json", cwd=root)
    assert preview.returncode == 0, preview.stderr
    assert not any("coached" in c["back"] for c in json.loads(preview.stdout))


def test_learners_upgrading_get_no_duplicates_and_keep_history(tmp_path: Path) -> None:
    root = _rebuilt(tmp_path)
    col = open_collection(tmp_path / "learner.anki2")
    try:
        first = import_apkg(col, UPGRADE / "old-all.apkg")
        assert first.new > 0
        answered = review(col, "Upgrade", 6)
        assert answered
        history = {cid: len(col.db.list("select id from revlog where cid = ?", cid)) for cid in answered}
        notes_before = len(col.find_notes(""))
        second = import_apkg(col, root / "build" / "all.apkg")
        assert second.conflicting == 0  # ('duplicate' counts unchanged notes Anki skipped, not copies)
        config = load_config(root)
        lock = read_lock(root / "deckgen.lock")
        shipped_guids = {card_guid(config.namespace, n, k) for n, recs in lock.cards.items() for k in recs}
        guids = {col.get_note(nid).guid for nid in col.find_notes("")}
        assert guids <= shipped_guids  # every note the learner has is one the lock knows: none orphaned
        assert len(col.find_notes("")) == notes_before + second.new
        for cid, count in history.items():  # the reviewed cards and their history are still there
            assert len(col.db.list("select id from revlog where cid = ?", cid)) == count
            col.get_card(cid)
        # no two studyable notes ask the same thing: answers of live notes never coincide
        live = [col.get_note(nid) for nid in col.find_notes("-tag:deckgen::retired")]
        answers = [_words(" ".join(n.fields[1:3])) or _words(n.fields[0]) for n in live]
        for i, one in enumerate(answers):
            for other in answers[i + 1 :]:
                if one and other:
                    assert len(one & other) / min(len(one), len(other)) < 0.75, (one, other)
        # the rejected card never reached the learner
        assert not col.find_notes("coached -tag:deckgen::retired")
    finally:
        col.close()
