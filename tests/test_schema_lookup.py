"""The note memo finds a schema's codecs by identity (deckgen.core.diskcache._schema), with the same results."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from deckgen.cards.load import NoteEntry
from deckgen.core import diskcache
from deckgen.core.diskcache import NoteCache
from deckgen.core.errors import Finding


def test_an_identity_hit_gives_what_hashing_gives() -> None:
    codecs, name = diskcache._schema(NoteEntry)
    assert codecs is diskcache._codecs(NoteEntry) and name == diskcache._schema_name(NoteEntry)
    again = tuple[Literal["error"], list[Finding]]  # an equal schema, another object: found by hashing
    assert diskcache._schema(again) == (diskcache._codecs(again), diskcache._schema_name(again))
    assert diskcache._schema(NoteEntry) == (codecs, name)


def test_the_identity_memo_is_bounded_and_keeps_its_schemas() -> None:
    for _ in range(200):
        diskcache._schema(list[tuple[str, int]])  # a new object each time, as a caller writing list[Row] makes
    assert len(diskcache._BY_ID) <= 64
    assert all(diskcache._BY_ID[key][0] is not None and id(diskcache._BY_ID[key][0]) == key for key in diskcache._BY_ID)


def test_values_round_trip_and_a_wrong_schema_is_refused(tmp_path: Path) -> None:
    """Stored under one schema, read under it (also a fresh equal object); read under another, refused."""
    cache = NoteCache(tmp_path, "salt")
    value = [("a", 1), ("b", 2)]
    cache.put("k", "d1", value, list[tuple[str, int]])
    cache.save()
    again = NoteCache(tmp_path, "salt")
    assert again.get("k", "d1", schema=list[tuple[str, int]], typed_only=True) == value
    other = NoteCache(tmp_path, "salt", [])
    assert other.get("k", "d1", schema=list[tuple[str, str]], typed_only=True) is None
