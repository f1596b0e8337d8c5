"""An incremental build writes exactly what a cold build of the same sources and lock writes.

The build skips work its caches prove unchanged (packages, preview pages, per-note memos).
Whatever it skips, the result must be byte for byte a cold build's: every ``.apkg``, track
bundle, site file, changelog and ``deckgen.lock``, compared by sha256 after a one-note edit.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
from buildutil import CACHE_DIRS, output_hashes
from synthetic import make_library  # noqa: E402


def _build(project: Path, when: int) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(when)}
    done = subprocess.run(
        [sys.executable, "-m", "deckgen", "build"], cwd=project, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _note(project: Path) -> Path:
    return sorted((project / "content").rglob("*.md"))[3]


def _edit_answer(text: str) -> str:
    return re.sub(r"^A: (.*)$", r"A: Edited answer, \1", text, count=1, flags=re.MULTILINE)


def _add_card(text: str) -> str:
    return text + "\nQ: Which new point did this edit add to the note?\nA: A freshly added card about pricing.\n"


def _delete_card(text: str) -> str:
    return re.sub(r"^Q: .*\nA: .*\n\n", "", text, count=1, flags=re.MULTILINE)


def _edit_prose(text: str) -> str:
    return text.replace("## Critique\n", "## Critique\nEdited once. ", 1)


@pytest.mark.parametrize("edit", [_edit_answer, _add_card, _delete_card, _edit_prose])
def test_one_note_edit_builds_what_a_cold_build_writes(tmp_path: Path, edit: Callable[[str], str]) -> None:
    project = make_library(tmp_path / "incremental", notes=40, decks=4)
    _build(project, 1767225600)  # the release the edit starts from (its lock is what a clone has)
    note = _note(project)
    edited = edit(note.read_text(encoding="utf-8"))
    assert edited != note.read_text(encoding="utf-8")
    note.write_text(edited, encoding="utf-8")

    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))
    _build(project, 1767312000)  # incremental: caches and outputs of the first build in place
    _build(cold, 1767312000)  # the same sources and lock, nothing cached

    incremental, fresh = output_hashes(project), output_hashes(cold)
    assert any(name.endswith(".apkg") for name in fresh) and any("/site/" in name for name in fresh)
    assert incremental == fresh


def test_a_lock_edited_by_hand_is_rewritten_as_a_cold_build_writes_it(tmp_path: Path) -> None:
    """The build skips serialising an unchanged lock only while the file is byte for byte what it wrote."""
    project = make_library(tmp_path / "incremental", notes=12, decks=2)
    _build(project, 1767225600)
    _build(project, 1767225600)  # a no-op: the build now remembers the lock it verified
    lock = project / "deckgen.lock"
    written = lock.read_text(encoding="utf-8")
    card_line = next(line for line in written.splitlines() if line.startswith('{"card": '))
    # the same records, spaced differently (as an editor or a merge tool might leave them)
    lock.write_text(written.replace(card_line, card_line.replace(", ", ",")), encoding="utf-8")
    _note(project).write_text(_edit_prose(_note(project).read_text(encoding="utf-8")), encoding="utf-8")
    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))

    _build(project, 1767312000)
    _build(cold, 1767312000)

    assert lock.read_text(encoding="utf-8") == written
    assert output_hashes(project) == output_hashes(cold)


# Edits the incremental build must hand to the full plan (a card, a note, the lock or the
# settings changed) and edits it answers from the last build's snapshot (prose only). Each
# is compared byte for byte with a cold build of the same sources and lock, and its lint
# report with a cold `deckgen lint`.


def _run(project: Path, when: int, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(when), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "deckgen", *args], cwd=project, env=env, capture_output=True, text=True
    )


def _notes(project: Path) -> list[Path]:
    return sorted((project / "content").rglob("*.md"))


def _rewrite(path: Path, edit: Callable[[str], str]) -> None:
    text = path.read_text(encoding="utf-8")
    assert edit(text) != text
    path.write_text(edit(text), encoding="utf-8")


def _first_card(text: str) -> str:
    found = re.search(r"^Q: .*\nA: .*\n\n", text, flags=re.MULTILINE)
    assert found is not None
    return found.group(0)


def prose(project: Path) -> None:
    _rewrite(_notes(project)[3], _edit_prose)


def prose_in_two_notes(project: Path) -> None:
    for note in _notes(project)[3:5]:
        _rewrite(note, _edit_prose)


def prose_on_a_new_line(project: Path) -> None:  # every card below moves down a line
    _rewrite(_notes(project)[3], lambda text: text.replace("## Critique\n", "## Critique\nA new line.\n\n", 1))


def answer(project: Path) -> None:
    _rewrite(_notes(project)[3], _edit_answer)


def question(project: Path) -> None:  # the card keeps its identity by its answer; lint's duplicates may change
    _rewrite(
        _notes(project)[3], lambda text: re.sub(r"^Q: (.*)$", r"Q: Reworded, \1", text, count=1, flags=re.MULTILINE)
    )


def answers_in_two_notes(project: Path) -> None:
    for note in _notes(project)[3:5]:
        _rewrite(note, _edit_answer)


def answer_near_a_duplicate(project: Path) -> None:
    """An answer grows a line above a card that repeats another note's question: L16's line moves."""
    card = _first_card(_notes(project)[4].read_text(encoding="utf-8"))
    _rewrite(_notes(project)[3], lambda text: text + "\n" + card)
    assert _run(project, 1767225600, "build").returncode == 0
    _rewrite(_notes(project)[3], lambda text: text.replace("\nA: ", "\nA: Reworded,\nover two lines: ", 1))


def answer_in_a_note_in_no_deck(project: Path) -> None:
    """A note that left every deck (its cards retired as deckless), then a card edit in it: still retired."""
    _rewrite(_notes(project)[3], lambda text: re.sub(r"^tags: \[topic-\d+, ", "tags: [", text, count=1, flags=re.M))
    assert _run(project, 1767225600, "build").returncode == 0
    _rewrite(_notes(project)[3], _edit_answer)


def added_card(project: Path) -> None:
    _rewrite(_notes(project)[3], _add_card)


def deleted_card(project: Path) -> None:
    _rewrite(_notes(project)[3], _delete_card)


def _deck_tag(note: Path) -> str:
    found = re.search(r"^tags: \[(topic-\d+)", note.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert found is not None
    return found.group(1)


def moved_card(project: Path) -> None:
    source, target = _notes(project)[3], _notes(project)[4]
    assert _deck_tag(source) != _deck_tag(target)  # from one deck's package (and page) to another's
    card = _first_card(source.read_text(encoding="utf-8"))
    _rewrite(source, lambda text: text.replace(card, "", 1))
    _rewrite(target, lambda text: text + "\n" + card)


def answer_in_a_tracked_note(project: Path) -> None:
    """A card edit in a note whose deck is in a track: the track bundle (every card) is rewritten too."""
    note = _notes(project)[3]
    assert f"topic-{_deck_tag(note)[6:]}" in (project / "decks" / "tracks" / "bench.yaml").read_text(encoding="utf-8")
    _rewrite(note, lambda text: text.replace("\nA: ", "\nA: Revised1 ", 1))


def duplicate_of_another_note(project: Path) -> None:
    other = _first_card(_notes(project)[4].read_text(encoding="utf-8")).splitlines()[0]
    _rewrite(_notes(project)[3], lambda text: re.sub(r"^Q: .*$", other, text, count=1, flags=re.MULTILINE))


def draft_card(project: Path) -> None:  # a draft ships nothing, but the build warns about it
    _rewrite(
        _notes(project)[3], lambda text: text + "\nQ: A drafted question about pricing?\nA: Drafted.\nStatus: draft\n"
    )


def config_and_prose(project: Path) -> None:
    prose(project)
    _rewrite(project / "deckgen.toml", lambda text: text + '\n[lint.rules]\nL16 = "off"\n')


def lock_by_hand_and_prose(project: Path) -> None:
    prose(project)
    lock = project / "deckgen.lock"
    _rewrite(lock, lambda text: text.replace('", "', '","', 1))


def added_note(project: Path) -> None:
    note = _notes(project)[3]
    text = note.read_text(encoding="utf-8").replace("id: note-00030", "id: note-99999", 1)
    (note.parent / "note-99999.md").write_text(text, encoding="utf-8")


def added_note_in_a_new_folder(project: Path) -> None:  # the listing of notes goes below content/'s folders
    note = _notes(project)[3]
    text = note.read_text(encoding="utf-8").replace("id: note-00030", "id: note-99999", 1)
    (project / "content" / "new" / "deeper").mkdir(parents=True)
    (project / "content" / "new" / "deeper" / "note-99999.md").write_text(text, encoding="utf-8")


def deck_description(project: Path) -> None:  # no note changed: every note's cards come from the memo
    _rewrite(project / "decks" / "topic-01.yaml", lambda text: text + "description: Edited on its own.\n")


def removed_note(project: Path) -> None:
    _notes(project)[3].unlink()


def renamed_note(project: Path) -> None:
    note = _notes(project)[3]
    note.rename(note.parent / "renamed.md")


def ignore_line(project: Path) -> None:  # a card's block changes, nothing it ships does: "no card changed after all"
    _rewrite(_notes(project)[3], lambda text: re.sub(r"^(A: .*)$", r"\1\nIgnore: L7", text, count=1, flags=re.M))


REPLAYED = [prose, prose_in_two_notes]
# Card edits `deckgen lint` answers from the snapshot and the edited notes' lock records
# (their near duplicates found again against the memoised questions of every other note).
LINT_REPLAYED = [
    prose,
    prose_in_two_notes,
    answer,
    answer_in_a_tracked_note,
    question,
    answers_in_two_notes,
    answer_near_a_duplicate,
    added_card,
    deleted_card,
    moved_card,
    duplicate_of_another_note,
]
FULL = [
    prose_on_a_new_line,
    answer,
    question,
    answers_in_two_notes,
    answer_near_a_duplicate,
    answer_in_a_note_in_no_deck,
    answer_in_a_tracked_note,
    added_card,
    deleted_card,
    moved_card,
    duplicate_of_another_note,
    draft_card,
    config_and_prose,
    lock_by_hand_and_prose,
    added_note,
    added_note_in_a_new_folder,
    deck_description,
    removed_note,
    renamed_note,
    ignore_line,
]


@pytest.mark.parametrize("change", REPLAYED + FULL, ids=lambda change: change.__name__)
def test_each_kind_of_edit_builds_and_lints_what_a_cold_run_does(
    tmp_path: Path, change: Callable[[Path], None]
) -> None:
    project = make_library(tmp_path / "incremental", notes=40, decks=4)
    assert _run(project, 1767225600, "build").returncode == 0  # leaves the snapshot an edit is replayed from
    before = output_hashes(project)
    change(project)
    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))
    assert _lint_replays(project) == (change in LINT_REPLAYED)  # lint's fast path, exactly when it may

    lint, cold_lint = _run(project, 1767312000, "lint"), _run(cold, 1767312000, "lint")
    built, cold_built = _run(project, 1767312000, "build"), _run(cold, 1767312000, "build")

    assert (lint.returncode, lint.stdout) == (cold_lint.returncode, cold_lint.stdout)
    assert built.returncode == cold_built.returncode == 0, built.stderr + cold_built.stderr
    assert output_hashes(project) == output_hashes(cold)
    if change is answer_in_a_tracked_note:  # the bundle holding the card was written again, as a cold build writes it
        assert output_hashes(project)["build/tracks/bench.apkg"] != before["build/tracks/bench.apkg"]
    assert built.stderr == cold_built.stderr  # the same warnings, lint's summary line included
    replayed = "Everything is up to date" in built.stdout
    assert replayed == (change in REPLAYED), built.stdout  # the fast path is taken exactly when it may be
    assert "Everything is up to date" in _run(project, 1767312000, "build").stdout  # and leaves nothing to do
    # and what it recorded for the next run is what a cold build records: lint agrees again
    assert _run(project, 1767312000, "lint").stdout == _run(cold, 1767312000, "lint").stdout


def _lint_replays(project: Path) -> bool:
    """Whether `deckgen lint` would answer from the last build's snapshot (asked without writing anything)."""
    from deckgen.builder.incremental import edited_cards, open_note_cache, try_replay
    from deckgen.core.config import load_config

    config = load_config(project)
    replay = try_replay(config, open_note_cache(config, [], lazy=True), edits=True)
    return replay is not None and (not replay.edited or edited_cards(config, replay) is not None)


def _generator_imported(project: Path, when: int) -> bool:
    """Build; whether the build imported the card generator (Python's own import log says)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(when), "NO_COLOR": "1", "PYTHONPROFILEIMPORTTIME": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "deckgen", "build"], cwd=project, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return " deckgen.cards.generate\n" in done.stderr


def test_the_generator_is_imported_only_when_a_note_needs_its_cards_made(tmp_path: Path) -> None:
    """Every note in the memo: no generator import; a note new to the memo: its cards are made, as cold."""
    project = make_library(tmp_path / "incremental", notes=40, decks=4)  # (added_note copies note-00030)
    assert _run(project, 1767225600, "build").returncode == 0
    deck_description(project)  # the full plan, with every note's cards remembered
    assert not _generator_imported(project, 1767312000)

    added_note(project)  # a note the memo has never seen: the fallback generates its cards
    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))
    assert _generator_imported(project, 1767398400)
    assert _run(cold, 1767398400, "build").returncode == 0
    assert '"card": "note-99999/' in (project / "deckgen.lock").read_text(encoding="utf-8")  # its cards ship
    assert output_hashes(project) == output_hashes(cold)


def test_a_prose_edit_after_a_replayed_one_is_replayed_too(tmp_path: Path) -> None:
    project = make_library(tmp_path / "incremental", notes=40, decks=4)
    assert _run(project, 1767225600, "build").returncode == 0
    for when, edit in ((1767312000, "once"), (1767398400, "twice")):
        _rewrite(_notes(project)[3], lambda text, edit=edit: text.replace("## Critique\n", f"## Critique\n{edit}. ", 1))
        assert "Everything is up to date" in _run(project, when, "build").stdout
    _rewrite(_notes(project)[3], _edit_answer)  # then a card edit: the full plan, from the replayed state
    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))
    assert "wrote" in _run(project, 1767484800, "build").stdout
    assert _run(cold, 1767484800, "build").returncode == 0
    assert output_hashes(project) == output_hashes(cold)


@pytest.mark.parametrize(
    ("tagged", "value"),
    [
        (True, '{"t":["k","m",{"d":[["content/part-0/note-00000.md",5]]},[],{"d":[]},null,1,2,[],[],null]}'),
        (True, '{"t":[1,2,3]}'),
        (True, "[]"),
        (False, '["k","m",{"content/part-0/note-00000.md":5},[],{},null,1,2,[],[],null]'),  # typed, a wrong field
    ],
)
def test_a_corrupt_snapshot_means_the_full_build(tmp_path: Path, tagged: bool, value: str) -> None:
    """The snapshot is read from an untrusted cache: anything not exactly its type is no snapshot."""
    import sqlite3

    project = make_library(tmp_path / "incremental", notes=12, decks=2)
    assert _run(project, 1767225600, "build").returncode == 0
    with sqlite3.connect(project / ".deckgen-cache" / "notes.sqlite") as db:
        changed = db.execute(
            "UPDATE entries SET schema = CASE WHEN ? THEN '-' ELSE schema END, value = ?"
            " WHERE key = 'project:last-build'",
            (tagged, value),
        ).rowcount
    assert changed == 1
    answer(project)
    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))
    built = _run(project, 1767312000, "build")
    assert built.returncode == 0 and "Traceback" not in built.stderr, built.stderr
    assert "wrote" in built.stdout
    assert _run(cold, 1767312000, "build").returncode == 0
    assert output_hashes(project) == output_hashes(cold)


def test_the_replay_reuses_only_its_own_builds_input_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The replay takes the note listing and hashes of its own build's no-op check, never an earlier check's.

    Here a check ran (after a prose edit), then a card of another note changed: a replay
    that took that check's hashes would see the card's note unchanged and ship nothing.
    """
    from deckgen.builder.cache import build_options, noop_summary, read_state
    from deckgen.builder.pipeline import build
    from deckgen.core.config import load_config

    project = make_library(tmp_path / "incremental", notes=40, decks=4)
    assert _run(project, 1767225600, "build").returncode == 0
    prose(project)
    config = load_config(project)
    state = read_state(config.out_dir, [])
    assert state is not None and noop_summary(config, state, build_options(config, (), True)) is None
    _rewrite(_notes(project)[5], _edit_answer)  # after the check
    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")
    result = build(config, check_up_to_date=False)
    assert result.count("edited") == 1
    assert _run(cold, 1767312000, "build").returncode == 0
    assert output_hashes(project) == output_hashes(cold)


def test_replayed_notes_that_do_not_fit_the_snapshot_are_checked_again(tmp_path: Path) -> None:
    """A replayed note is stored apart from the snapshot, under its build's name, with that build's fingerprints.

    Forged here: the row of an earlier replay under the name of the build after it, whose
    note then goes back to the text replayed earlier. Its cards changed since that build:
    the entry's fingerprints are not the snapshot's, so the note is checked, and built in full.
    """
    import sqlite3

    from deckgen.builder.incremental import REPLAYED, open_note_cache, read_snapshot
    from deckgen.core.config import load_config

    project = make_library(tmp_path / "incremental", notes=40, decks=4)
    assert _run(project, 1767225600, "build").returncode == 0
    note, memo = _notes(project)[3], project / ".deckgen-cache" / "notes.sqlite"
    with sqlite3.connect(memo) as db:
        built_snapshot = db.execute("SELECT value FROM entries WHERE key = 'project:last-build'").fetchone()
    prose(project)
    assert "Everything is up to date" in _run(project, 1767312000, "build").stdout
    with sqlite3.connect(memo) as db:
        schema, value = db.execute("SELECT schema, value FROM entries WHERE key = ?", (REPLAYED,)).fetchone()
        last = db.execute("SELECT value FROM entries WHERE key = 'project:last-build'").fetchone()
    assert note.relative_to(project).as_posix() in value and last == built_snapshot  # the replay wrote only its note
    replayed_text = note.read_text(encoding="utf-8")
    answer(project)
    assert "wrote" in _run(project, 1767398400, "build").stdout
    note.write_text(replayed_text, encoding="utf-8")  # the cards the snapshot's build replaced
    config = load_config(project)
    snapshot = read_snapshot(open_note_cache(config, [], lazy=True))
    assert snapshot is not None and not snapshot.replayed
    with sqlite3.connect(memo) as db:
        assert db.execute("SELECT value FROM entries WHERE key = 'project:last-build'").fetchone() != last
        db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)", (REPLAYED, snapshot.tie(), schema, value))
    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))
    built = _run(project, 1767484800, "build")
    assert built.returncode == 0 and "wrote" in built.stdout, built.stdout + built.stderr
    assert _run(cold, 1767484800, "build").returncode == 0
    assert output_hashes(project) == output_hashes(cold)
