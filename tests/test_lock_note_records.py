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


def test_a_record_read_back_is_the_record_written() -> None:
    """CardRecord.from_json (filled in without __init__) gives records equal to constructed ones, every field set."""
    import dataclasses

    full = CardRecord(
        "h", 5, "Q", "A", "D", ("D", "E"), "generated", True, "n/k", 7, (("E", 3),), True, 9, 10, "rh", "m/k", ("F",)
    )
    for record in (CardRecord("h", 1), full):
        back = CardRecord.from_json(record.to_json())
        assert back == record and hash(back) == hash(record)
        assert [f.name for f in dataclasses.fields(CardRecord)] == list(vars(back))
        assert dataclasses.replace(back, mod=2).mod == 2


@pytest.mark.parametrize("canonical", [False, True])
def test_a_lock_whose_cards_hold_unicode_line_breaks_reads_back(canonical: bool) -> None:
    """U+2028, U+0085 and the other characters str.splitlines splits at are written raw by JSON: one record, one line."""
    from deckgen.lock.records import parse_lock

    lock = Lock()
    lock.put("n", "k", CardRecord("h", 1, "one\u2028two\x85three", "four\x1cfive\u2029six\x0bseven"))
    lock.put("n", "l", CardRecord("h", 2, "plain", "text"))
    text = lock.to_text()
    again = parse_lock(text, canonical=canonical)
    assert again == lock
    assert again.to_text() == text
    crlf = parse_lock(text.replace("\n", "\r\n"), canonical=canonical)  # a CRLF checkout
    assert crlf == lock
    assert all("\r" not in line for _, line in crlf.lines.values())


@pytest.mark.parametrize(
    "bad",
    ['{"card": "n/l", "hash": "h", "mod": "soon"}', '{"card": "n/l", "mod": 1}, {"card": "n/m", "mod": 2}', "[1, 2]"],
)
def test_a_lock_taken_for_canonical_still_reports_a_malformed_line_where_it_is(bad: str) -> None:
    """The one-pass parse of a lock this deckgen wrote gives up on any surprise; the line-by-line parse locates it."""
    from deckgen.lock.records import parse_lock

    lock = Lock()
    lock.put("n", "k", _record("Q1"))
    lock.put("n", "l", _record("Q2"))
    rows = lock.to_text().split("\n")
    rows[2] = bad  # the second card's line (1: header, 2: first card)
    for canonical in (False, True):
        with pytest.raises(LockError) as error:
            parse_lock("\n".join(rows), canonical=canonical)
        assert error.value.findings[0].line == 3
