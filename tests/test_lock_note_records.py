"""Reading one note's records from deckgen.lock gives exactly what parsing the whole file gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.core.errors import LockError
from deckgen.lock.records import CardRecord, Lock, note_records, read_lock


def _record(front: str) -> CardRecord:
    return CardRecord(hash="h-" + front, mod=1700000000, front=front, back="b", deck="D", origin="authored")


def test_one_notes_records_are_the_whole_files(tmp_path: Path) -> None:
    lock = Lock()
    # prefixes of each other, a slash, quotes and non-ASCII: only exact note ids match
    for note_id in ("note-3", "note-30", "note-3x", 'wei"rd', "café", "a"):
        for key in ("q-1", "q-2"):
            lock.put(note_id, key, _record(f"{note_id} {key}"))
    lock.put("note-3", "r-9/x", _record("a key with a slash"))
    path = tmp_path / "deckgen.lock"
    path.write_text(lock.to_text(), encoding="utf-8")
    whole = read_lock(path)
    for note_id in ("note-3", "note-30", 'wei"rd', "café", "a", "absent"):
        assert note_records(path, note_id) == whole.cards.get(note_id, {}), note_id


def test_a_malformed_line_is_a_located_lock_error(tmp_path: Path) -> None:
    lock = Lock()
    lock.put("n", "q-1", _record("one"))
    path = tmp_path / "deckgen.lock"
    path.write_text(lock.to_text().replace('"mod": 1700000000', '"mod": "soon"'), encoding="utf-8")
    with pytest.raises(LockError) as error:
        note_records(path, "n")
    assert error.value.findings[0].line == lock.to_text().count("\n")  # the card's line (the last)
