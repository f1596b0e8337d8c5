"""The fast paths' size limits: past them the build writes its records whole, and stays right.

A prose edit is replayed from the last build's snapshot, and the notes replayed since are
kept in a row of their own (up to ``_MAX_REPLAYED``); the input hashes are kept as a base
file plus a small delta (up to ``_MAX_DELTA`` differences). Past each limit the record is
written whole. These tests cross each limit with real builds and check that the outputs are
a cold build's, that what was recorded matches the files, and that the next edit is still
replayed.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

from buildutil import CACHE_DIRS, output_hashes
from test_incremental_outputs import _notes, _rewrite, _run, make_library

from deckgen.builder import incremental
from deckgen.core import digests

START = 1767225600
DAY = 86400
# Inputs changed this recently are not recorded (a later change could keep their size and times):
# the edits here are made this long before the build that records them, as a person's would be.
_SETTLE = digests._RACY_NS / 1e9 + 0.1


def _prose(text: str, tag: str) -> str:
    return text.replace("## Critique\n", f"## Critique\nEdited {tag}. ", 1)


def _snapshot(project: Path) -> incremental.Snapshot:
    from deckgen.core.config import load_config

    config = load_config(project)
    snapshot = incremental.read_snapshot(incremental.open_note_cache(config, [], lazy=True))
    assert snapshot is not None
    return snapshot


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _same_as_cold(project: Path, tmp_path: Path, when: int) -> None:
    cold = tmp_path / f"cold-{when}"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))
    assert _run(cold, when, "build").returncode == 0
    assert output_hashes(project) == output_hashes(cold)


def test_past_the_replayed_limit_the_snapshot_is_rewritten_whole_and_edits_still_replay(tmp_path: Path) -> None:
    """More notes replayed than the row holds: the snapshot takes them all, and the next edit replays from it."""
    limit, per_build = incremental._MAX_REPLAYED, incremental._MAX_CHANGED
    project = make_library(tmp_path / "library", notes=limit + 30, decks=4)
    time.sleep(_SETTLE)  # the library is older than the first build, or its hashes are not recorded
    assert _run(project, START, "build").returncode == 0
    notes = _notes(project)
    when = START
    for first in range(0, len(notes), per_build):  # every note edited once, a full replay's worth at a time
        for note in notes[first : first + per_build]:
            _rewrite(note, lambda text, first=first: _prose(text, f"in round {first}"))
        when += DAY
        built = _run(project, when, "build")
        assert "Everything is up to date" in built.stdout, built.stdout + built.stderr  # replayed, not planned
        replayed = len(_snapshot(project).replayed)
        # the row apart holds every note replayed since the last full build, until it would pass the limit
        assert replayed == (first + per_build if first + per_build <= limit else 0), replayed

    snapshot = _snapshot(project)
    assert not snapshot.replayed
    for note in notes:  # folded into the snapshot: the hash of each note as it is now
        assert snapshot.notes[note.relative_to(project).as_posix()][0] == _sha(note)
    _same_as_cold(project, tmp_path, when)

    _rewrite(notes[7], lambda text: _prose(text, "after the fold"))  # replayed from the rewritten snapshot
    when += DAY
    assert "Everything is up to date" in _run(project, when, "build").stdout
    assert len(_snapshot(project).replayed) == 1
    _same_as_cold(project, tmp_path, when)


def test_past_the_delta_limit_the_input_hashes_are_written_whole(tmp_path: Path) -> None:
    """More changed inputs than a delta holds: inputs.json is rewritten and the delta dropped; no-ops stay no-ops."""
    limit = digests._MAX_DELTA
    project = make_library(tmp_path / "library", notes=limit + 40, decks=4)
    time.sleep(_SETTLE)  # the library is older than the first build, or its hashes are not recorded
    memo = project / ".deckgen-cache"
    assert _run(project, START, "build").returncode == 0
    notes = _notes(project)

    _rewrite(notes[3], lambda text: _prose(text, "once"))  # a one-note edit: a delta beside the base
    time.sleep(_SETTLE)
    assert "Everything is up to date" in _run(project, START + DAY, "build").stdout
    base = (memo / "inputs.json").read_bytes()
    delta = digests.read_input_memo(memo / "inputs-delta.json")
    assert [name for name in delta if name.endswith(notes[3].name)] and len(delta) < limit

    for note in notes[: limit + 20]:  # more edited notes than a delta holds (a full build: too many to replay)
        _rewrite(note, lambda text: _prose(text, "everywhere"))
    time.sleep(_SETTLE)
    assert _run(project, START + 2 * DAY, "build").returncode == 0
    assert (memo / "inputs.json").read_bytes() != base
    leftover = memo / "inputs-delta.json"
    assert not leftover.exists() or digests.read_input_memo(leftover) == {}
    recorded = {Path(name).resolve(): entry for name, entry in digests.read_input_memo(memo / "inputs.json").items()}
    for note in notes:  # the base holds every note's hash as it is now
        assert recorded[note.resolve()][4] == _sha(note), note

    assert "Everything is up to date" in _run(project, START + 2 * DAY, "build").stdout  # a no-op
    _same_as_cold(project, tmp_path, START + 2 * DAY)
    _rewrite(notes[-1], lambda text: _prose(text, "afterwards"))
    assert "Everything is up to date" in _run(project, START + 3 * DAY, "build").stdout  # replayed again
    _same_as_cold(project, tmp_path, START + 3 * DAY)


def test_the_near_duplicates_are_a_row_apart_that_a_prose_edit_never_reads(tmp_path: Path) -> None:
    """A build replaying a prose edit does not decode the near duplicates (at 20,000 notes a fifth of the
    snapshot): without their row it still replays, while `deckgen lint` and a card edit run in full, as a cold
    run would, and the full build records the row again."""
    import sqlite3

    project = make_library(tmp_path / "library", notes=40, decks=4)
    assert _run(project, START, "build").returncode == 0
    snapshot, memo = _snapshot(project), project / ".deckgen-cache" / "notes.sqlite"
    assert snapshot.near_digest and snapshot.parts.near  # read with the snapshot unless asked not to
    with sqlite3.connect(memo) as db:
        assert db.execute("SELECT digest FROM entries WHERE key = ?", (incremental.NEAR,)).fetchall() == [
            (snapshot.near_digest,)
        ]
        db.execute("DELETE FROM entries WHERE key = ?", (incremental.NEAR,))

    _rewrite(_notes(project)[3], lambda text: _prose(text, "once"))
    assert "Everything is up to date" in _run(project, START + DAY, "build").stdout  # replayed without them
    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))
    lint, cold_lint = _run(project, START + DAY, "lint"), _run(cold, START + DAY, "lint")
    assert "L16" in cold_lint.stdout and (lint.returncode, lint.stdout) == (cold_lint.returncode, cold_lint.stdout)

    _rewrite(_notes(project)[3], lambda text: text.replace("\nA: ", "\nA: Revised ", 1))  # its questions' pairs
    built = _run(project, START + 2 * DAY, "build")
    assert built.returncode == 0 and "wrote" in built.stdout, built.stdout + built.stderr
    _same_as_cold(project, tmp_path, START + 2 * DAY)
    again = _snapshot(project)
    assert again.parts.near == snapshot.parts.near and again.near_digest == snapshot.near_digest
