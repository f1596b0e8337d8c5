"""A build after a card edit reuses the last build's shipped rows (deckgen.builder.patch) and writes what a cold build does.

Each reuse path is checked twice: the incremental outputs equal a cold build's byte for
byte, and the path was taken (an unchanged note's cards kept from the rows, an unchanged
deck's live notes kept as they are). A stored row that is not what the last build shipped
(tampered with, or left from another build) must never ship: its deck is planned in full;
and with the proof switched off the same tampered row does change the outputs, so these
tests would catch a reuse that trusted it.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from conftest import REPO

from deckgen.builder import incremental, patch
from deckgen.builder.pipeline import build
from deckgen.core.config import load_config

sys.path.insert(0, str(REPO / "bench"))
from buildutil import CACHE_DIRS, output_hashes
from synthetic import make_library  # noqa: E402


def _build(project: Path, when: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """One `deckgen build`, as its own process would run it (no replay refused earlier in this one)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(when))
    incremental._REFUSED.clear()
    build(load_config(project))


def _edit_answer(project: Path) -> None:
    note = sorted((project / "content").rglob("*.md"))[3]
    text = note.read_text(encoding="utf-8")
    note.write_text(re.sub(r"^A: (.*)$", r"A: Edited answer, \1", text, count=1, flags=re.MULTILINE), encoding="utf-8")


class _Taken:
    """Counts what the reuse paths handed the plan."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.notes = 0
        self.decks: list[str] = []
        built, unchanged = patch.Reuse.built, patch.Reuse.unchanged_decks

        def counted_built(reuse: patch.Reuse, *args: object, **kwargs: object) -> object:
            result = built(reuse, *args, **kwargs)  # type: ignore[arg-type]
            self.notes += result is not None
            return result

        def counted_decks(reuse: patch.Reuse, decks: object) -> dict[str, object]:
            result = unchanged(reuse, decks)  # type: ignore[arg-type]
            self.decks += sorted(result)
            return result  # type: ignore[return-value]

        monkeypatch.setattr(patch.Reuse, "built", counted_built)
        monkeypatch.setattr(patch.Reuse, "unchanged_decks", counted_decks)


def _cold_copy(project: Path, tmp_path: Path) -> Path:
    """The edited library as a fresh clone has it (its lock the one the incremental build starts from)."""
    cold = tmp_path / f"cold-{len(list(tmp_path.iterdir()))}"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))
    return cold


def _cold(cold: Path, when: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    _build(cold, when, monkeypatch)
    return output_hashes(cold)


def _rows_of(project: Path) -> dict[str, str]:
    with sqlite3.connect(project / ".deckgen-cache" / "notes.sqlite") as db:
        return dict(db.execute("SELECT key, value FROM entries WHERE key LIKE ?", (patch.ROWS + "%",)))


def _tamper(project: Path, slug: str) -> None:
    """Reword one shipped answer in a deck's stored rows, keeping the row's digest (as a stale or forged row would)."""
    key = patch.ROWS + slug
    with sqlite3.connect(project / ".deckgen-cache" / "notes.sqlite") as db:
        (value,) = db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        rows = json.loads(value)
        rows[5][3][1] = "A forged answer that no build rendered"  # the 6th note's second field (its back)
        db.execute("UPDATE entries SET value = ? WHERE key = ?", (json.dumps(rows), key))


def _edited_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = make_library(tmp_path / "incremental", notes=40, decks=4)
    _build(project, 1767225600, monkeypatch)
    assert sorted(_rows_of(project)) == [patch.ROWS + f"topic-{n:02d}" for n in range(4)]
    _edit_answer(project)
    return project


def test_a_card_edit_reuses_unchanged_notes_and_decks_and_builds_what_a_cold_build_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _edited_library(tmp_path, monkeypatch)
    cold = _cold_copy(project, tmp_path)
    taken = _Taken(monkeypatch)
    _build(project, 1767312000, monkeypatch)
    assert taken.notes == 39  # every note but the edited one from the rows
    assert len(taken.decks) == 3  # every deck but the edited card's: its stored notes as they are
    assert output_hashes(project) == _cold(cold, 1767312000, monkeypatch)


def test_rows_are_rewritten_only_for_the_deck_that_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _edited_library(tmp_path, monkeypatch)
    before = _rows_of(project)
    _build(project, 1767312000, monkeypatch)
    after = _rows_of(project)
    assert sorted(after) == sorted(before)
    assert sum(before[key] != after[key] for key in before) == 1
    # and the next card edit takes the rows the card-edit build stored
    _edit_answer(project)
    cold = _cold_copy(project, tmp_path)
    taken = _Taken(monkeypatch)
    _build(project, 1767398400, monkeypatch)
    assert taken.notes == 39 and len(taken.decks) == 3
    assert output_hashes(project) == _cold(cold, 1767398400, monkeypatch)


def test_a_forged_row_never_ships(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _edited_library(tmp_path, monkeypatch)
    untouched = next(slug for slug in (f"topic-{n:02d}" for n in range(4)) if slug != _edited_deck(project))
    _tamper(project, untouched)
    cold = _cold_copy(project, tmp_path)
    taken = _Taken(monkeypatch)
    _build(project, 1767312000, monkeypatch)
    assert untouched not in taken.decks  # its rows did not prove out: planned in full
    assert len(taken.decks) == 2
    assert output_hashes(project) == _cold(cold, 1767312000, monkeypatch)


def test_without_the_proof_the_forged_row_would_ship(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The control for the test above: a reuse that trusted the stored rows writes different outputs."""
    project = _edited_library(tmp_path, monkeypatch)
    untouched = next(slug for slug in (f"topic-{n:02d}" for n in range(4)) if slug != _edited_deck(project))
    _tamper(project, untouched)
    cold = _cold_copy(project, tmp_path)
    monkeypatch.setattr(patch.Reuse, "shipped", lambda *args: True)
    taken = _Taken(monkeypatch)
    _build(project, 1767312000, monkeypatch)
    assert untouched in taken.decks
    assert output_hashes(project) != _cold(cold, 1767312000, monkeypatch)


def _edited_deck(project: Path) -> str:
    """The slug of the deck holding the edited note (its first tag names it)."""
    note = sorted((project / "content").rglob("*.md"))[3]
    found = re.search(r"topic-\d\d", note.read_text(encoding="utf-8"))
    assert found is not None
    return found.group(0)


def test_cards_in_several_decks_are_kept_with_their_decks_and_positions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every card also ships in an 'everything' deck: records hold several decks and positions, kept as recorded."""
    project = make_library(tmp_path / "incremental", notes=40, decks=4)
    (project / "decks" / "everything.yaml").write_text("deck: Bench::Everything\nnotes:\n  - tag: synthetic\n")
    _build(project, 1767225600, monkeypatch)
    assert '"decks": [' in (project / "deckgen.lock").read_text(encoding="utf-8")
    _edit_answer(project)
    cold = _cold_copy(project, tmp_path)
    taken = _Taken(monkeypatch)
    _build(project, 1767312000, monkeypatch)
    assert taken.notes == 39
    assert len(taken.decks) == 3  # the everything deck holds the edited card too
    assert output_hashes(project) == _cold(cold, 1767312000, monkeypatch)
