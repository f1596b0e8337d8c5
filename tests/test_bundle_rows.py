"""Track bundles and packages: one writer per build, and outputs byte for byte a cold build's.

One :class:`~deckgen.anki.package.PackageWriter` serves a whole build: its genanki models,
and what they remember about which cards a note gets, serve every package, so a track
bundle does not work out again the cards of the notes its decks' packages wrote. What is
remembered must never be stale, and a build that reuses it (and skips unchanged packages)
must write what a cold build writes, after every kind of change and whatever happened to
the caches.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from ankiutil import import_apkg, open_collection
from buildutil import CACHE_DIRS, output_hashes
from test_incremental_outputs import (
    _add_card,
    _build,
    _delete_card,
    _edit_answer,
    _note,
    make_library,
)

from deckgen.anki.notetypes import note_types
from deckgen.anki.package import PackageWriter
from deckgen.anki.packaged import PackagedDeck, PackagedNote

_TYPES = [(nt, 1700000000) for nt in note_types()]
_CLOZE = next(nt for nt, _ in _TYPES if nt.kind == "cloze")


def _cloze(guid: str, text: str, due: int) -> PackagedNote:
    fields = tuple(text if name == "Text" else f"{name.lower()} of {guid}" for name in _CLOZE.fields)
    return PackagedNote(guid, _CLOZE.id, fields, ("deckgen",), 1700000100, due)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _card_ords(apkg: Path, tmp_path: Path) -> list[int]:
    with zipfile.ZipFile(apkg) as archive:
        (tmp_path / "col.anki2").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "col.anki2") as db:
        return sorted(row[0] for row in db.execute("SELECT ord FROM cards"))


def test_what_a_writer_remembers_is_never_stale(tmp_path: Path) -> None:
    """A note given a second cloze under the same GUID and mod gets its second card, as a new writer writes it.

    (Seen failing with the cloze cards remembered by the note's other fields: the bundle kept one card.)
    """
    deck = PackagedDeck(1, "Deck", "", (_cloze("g1", "{{c1::Paris}} is in France.", 1),))
    edited = _cloze("g1", "{{c1::Paris}} is in {{c2::France}}.", 7)
    bundle = PackagedDeck(2, "Track::Week 1", "", (edited,))

    shared = PackageWriter(_TYPES)
    shared.write(tmp_path / "deck.apkg", [deck])
    shared.write(tmp_path / "reused.apkg", [bundle])
    PackageWriter(_TYPES).write(tmp_path / "fresh.apkg", [bundle])
    assert _sha(tmp_path / "reused.apkg") == _sha(tmp_path / "fresh.apkg")
    assert _card_ords(tmp_path / "deck.apkg", tmp_path) == [0]
    assert _card_ords(tmp_path / "reused.apkg", tmp_path) == [0, 1]


def test_a_bundle_from_a_shared_writer_imports_like_its_decks(tmp_path: Path) -> None:
    """Anki (the real engine) reads the bundle's notes and cards as the same as the deck's package's."""
    texts = ["{{c1::Paris}} is in France.", "{{c1::Rome}} is in {{c2::Italy}}."]
    deck = PackagedDeck(1, "Deck", "", tuple(_cloze(f"g{i}", text, i) for i, text in enumerate(texts, 1)))
    bundle = PackagedDeck(2, "Track::Week 1", "", tuple(replace(n, due=10 + n.due) for n in deck.notes))
    writer = PackageWriter(_TYPES)
    writer.write(tmp_path / "deck.apkg", [deck])
    writer.write(tmp_path / "bundle.apkg", [bundle])
    seen = {}
    for name in ("deck", "bundle"):
        col = open_collection(tmp_path / f"{name}.anki2")
        try:
            import_apkg(col, tmp_path / f"{name}.apkg")
            notes = [col.get_note(nid) for nid in col.find_notes("")]
            seen[name] = sorted((n.guid, tuple(n.fields), len(n.card_ids())) for n in notes)
        finally:
            col.close()
    assert seen["bundle"] == seen["deck"]
    assert [count for _, _, count in seen["deck"]] == [1, 2]


def _track_decks(project: Path, decks: list[str]) -> None:
    (project / "decks" / "tracks" / "bench.yaml").write_text(
        "track: Bench track\nrole: Benchmark reader\ndeck: Bench Track\nnew_per_day: 20\nstages:\n"
        f"  - title: Week 1\n    decks: [{', '.join(decks[:2])}]\n"
        f"  - title: Week 2\n    decks: [{', '.join(decks[2:])}]\n",
        encoding="utf-8",
    )


def _edit_note(edit: Callable[[str], str]) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        note = _note(project)
        note.write_text(edit(note.read_text(encoding="utf-8")), encoding="utf-8")

    change.__name__ = edit.__name__
    return change


def deck_left_the_track(project: Path) -> None:
    _track_decks(project, ["topic-00", "topic-01", "topic-02"])


def deck_joined_the_track(project: Path) -> None:
    _track_decks(project, ["topic-00", "topic-01", "topic-02", "topic-03", "topic-04"])


def decks_changed_weeks(project: Path) -> None:
    _track_decks(project, ["topic-03", "topic-02", "topic-01", "topic-00"])


def note_cache_deleted(project: Path) -> None:
    _edit_note(_edit_answer)(project)
    shutil.rmtree(project / ".deckgen-cache")


def note_cache_corrupted(project: Path) -> None:
    _edit_note(_edit_answer)(project)
    (project / ".deckgen-cache" / "notes.sqlite").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)


def build_state_corrupted(project: Path) -> None:
    _edit_note(_edit_answer)(project)
    (project / "build" / ".deckgen-cache" / "build.json").write_text('{"digest": [', encoding="utf-8")


def bundle_digest_wrong(project: Path) -> None:
    """The record says the bundle holds the edited content already: the file on disk must still be checked."""
    import json

    _edit_note(_edit_answer)(project)
    state_path = project / "build" / ".deckgen-cache" / "build.json"
    state = json.loads(state_path.read_text(encoding="utf-8"))
    state["deck_digests"] = {name: "0" * 64 for name in state["deck_digests"]}
    state_path.write_text(json.dumps(state), encoding="utf-8")


def bundle_replaced_by_hand(project: Path) -> None:
    _edit_note(_edit_answer)(project)
    bundle = project / "build" / "tracks" / "bench.apkg"
    bundle.write_bytes(bundle.read_bytes()[:-10])


CHANGES = [
    _edit_note(_edit_answer),
    _edit_note(_add_card),
    _edit_note(_delete_card),
    deck_left_the_track,
    deck_joined_the_track,
    decks_changed_weeks,
    note_cache_deleted,
    note_cache_corrupted,
    build_state_corrupted,
    bundle_digest_wrong,
    bundle_replaced_by_hand,
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_a_bundle_after_each_change_is_what_a_cold_build_writes(tmp_path: Path, change: Callable[[Path], None]) -> None:
    project = make_library(tmp_path / "incremental", notes=40, decks=5)
    _track_decks(project, ["topic-00", "topic-01", "topic-02", "topic-03"])
    _build(project, 1767225600)  # the release the change starts from (its lock is what a clone has)
    before = output_hashes(project)
    change(project)

    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))
    _build(project, 1767312000)  # caches and outputs of the first build in place (whatever is left of them)
    _build(cold, 1767312000)  # the same sources and lock, nothing cached

    incremental, fresh = output_hashes(project), output_hashes(cold)
    assert "build/tracks/bench.apkg" in fresh
    assert incremental == fresh
    assert before["build/tracks/bench.apkg"] != fresh["build/tracks/bench.apkg"]  # the change reached the bundle


def _kept(project: Path) -> list[Path]:
    return sorted((project / ".deckgen-cache" / "packages").glob("*.apkg"))


def outputs_deleted(project: Path) -> None:
    shutil.rmtree(project / "build")


def kept_packages_swapped(project: Path) -> None:
    """Each kept package holds another's bytes (names unchanged): every copy must be refused."""
    shutil.rmtree(project / "build")
    kept = _kept(project)
    contents = [path.read_bytes() for path in kept]
    for path, data in zip(kept, contents[1:] + contents[:1]):
        path.write_bytes(data)


def kept_packages_truncated(project: Path) -> None:
    shutil.rmtree(project / "build")
    for path in _kept(project):
        path.write_bytes(path.read_bytes()[:100])


def kept_packages_deleted_and_a_card_edited(project: Path) -> None:
    shutil.rmtree(project / "build")
    shutil.rmtree(project / ".deckgen-cache" / "packages")
    _edit_note(_edit_answer)(project)


def kept_packages_deleted_outputs_kept(project: Path) -> None:
    """Packages the next build skips (already in build/) are kept too, so a later rm -rf build/ finds them all."""
    shutil.rmtree(project / ".deckgen-cache" / "packages")
    _edit_note(_edit_answer)(project)


@pytest.mark.parametrize(
    "change",
    [
        outputs_deleted,
        kept_packages_swapped,
        kept_packages_truncated,
        kept_packages_deleted_and_a_card_edited,
        kept_packages_deleted_outputs_kept,
    ],
    ids=lambda change: change.__name__,
)
def test_a_build_after_rm_build_copies_kept_packages_only_when_intact(
    tmp_path: Path, change: Callable[[Path], None]
) -> None:
    """``rm -rf build/`` with the project's cache kept: packages come from the cache, byte for byte a cold build's."""
    project = make_library(tmp_path / "incremental", notes=40, decks=5)
    _track_decks(project, ["topic-00", "topic-01", "topic-02", "topic-03"])
    _build(project, 1767225600)
    assert len(_kept(project)) == 6  # 5 decks and the track bundle
    change(project)

    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))
    _build(project, 1767312000)
    _build(cold, 1767312000)
    assert output_hashes(project) == output_hashes(cold)
    # the cache holds exactly the packages the build wrote, intact
    written = {hashlib.sha256(p.read_bytes()).hexdigest()[:32] for p in (project / "build").rglob("*.apkg")}
    assert {p.name.split(".")[2] for p in _kept(project)} == written
    assert all(hashlib.sha256(p.read_bytes()).hexdigest()[:32] == p.name.split(".")[2] for p in _kept(project))
