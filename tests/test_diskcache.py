"""The note memo's typed form: what it stores comes back equal, and nothing else comes back at all."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest

from deckgen.cards.load import SCHEMAS, NoteEntry
from deckgen.core.diskcache import CacheFormatError, _codecs
from deckgen.core.errors import Finding
from deckgen.core.model import Card, CardBlock, FieldValue, Note, Section

NOTE = Note(
    id="n",
    title="T",
    path="content/n.md",
    tags=("a", "b"),
    sections=(Section("Central argument", "text", 4),),
    card_blocks=(CardBlock(9, {"Q": FieldValue("q?", 9), "A": FieldValue("a.", 10)}),),
    meta={"date": datetime.date(2024, 5, 1), "nested": {"k": [1, 2.5, None, True]}, "when": "9:00"},
    meta_lines={"date": 3},
    cards_line=8,
)
CARD = Card("n", "k1", "cloze", "{{c1::x}}", tags=("a",), ignore=("L1",), line=9, explicit_id=True)
FINDING = Finding("content/n.md", 9, "msg", "fix", "L1", 2, "warning")


def _roundtrip(schema: Any, value: Any) -> Any:
    codecs = _codecs(schema)
    return codecs.decode(json.loads(json.dumps(codecs.encode(value))))


def test_every_entry_kind_comes_back_equal() -> None:
    entry = ("ok", NOTE, [CARD], [FINDING])
    assert _roundtrip(NoteEntry, entry) == entry
    assert _roundtrip(NoteEntry, ("error", [FINDING])) == ("error", [FINDING])
    assert _roundtrip(SCHEMAS["lint"], [FINDING]) == [FINDING]
    fields = {("k1", repr(CARD)): (("front", "back"), "hash")}
    assert _roundtrip(SCHEMAS["fields"], fields) == fields


@pytest.mark.parametrize(
    "corrupt",
    [
        lambda d: d[1].__setitem__(1, 42),  # a title that is not text
        lambda d: d[1].append("extra"),  # a field too many
        lambda d: d[2][0].__setitem__(2, "essay"),  # a card kind that is not a CardKind
        lambda d: d[2][0].__setitem__(10, ["a", 1]),  # tags that are not all text
        lambda d: d.__setitem__(0, "maybe"),  # neither "ok" nor "error"
        lambda d: d[1][9].__setitem__("x", {"c": "Popen", "f": {}}),  # a class deckgen does not rebuild
    ],
)
def test_a_value_of_the_wrong_type_is_refused(corrupt: Any) -> None:
    codecs = _codecs(NoteEntry)
    data = json.loads(json.dumps(codecs.encode(("ok", NOTE, [CARD], [FINDING]))))
    corrupt(data)
    with pytest.raises(CacheFormatError):
        codecs.decode(data)


def test_a_lazy_cache_reads_only_what_it_is_asked_and_replaces_a_corrupt_row(tmp_path: Any) -> None:
    """A lazy memo lists no keys: a row is looked up when asked for, and a bad one is still dropped on save."""
    import sqlite3

    from deckgen.core.diskcache import NoteCache

    full = NoteCache(tmp_path, "salt")
    for key in ("lint:a.md", "lint:b.md", "stems:a.md", "stems:b.md"):
        full.put(key, "d", [FINDING], SCHEMAS["lint"])
    full.save()
    with sqlite3.connect(full.path) as db:
        db.execute("UPDATE entries SET value = 'not json' WHERE key = 'lint:b.md'")
    db.close()

    warnings: list[str] = []
    lazy = NoteCache(tmp_path, "salt", warnings, lazy=True)
    assert lazy.get("lint:a.md", "d", schema=SCHEMAS["lint"]) == [FINDING]
    assert lazy.get("lint:a.md", "other digest", schema=SCHEMAS["lint"]) is None
    assert lazy.get("lint:missing.md", "d", schema=SCHEMAS["lint"]) is None
    lazy.prefetch("stems:")
    assert lazy.get("stems:b.md", "d", schema=SCHEMAS["lint"]) == [FINDING]
    assert lazy.get("lint:b.md", "d", schema=SCHEMAS["lint"]) is None and warnings  # corrupt: ignored, said so
    lazy.save(prune=False)  # the corrupt row goes (it was never listed, only looked up)

    with sqlite3.connect(full.path) as db:
        keys = sorted(key for (key,) in db.execute("SELECT key FROM entries"))
    db.close()
    assert keys == ["lint:a.md", "stems:a.md", "stems:b.md"]
    assert NoteCache(tmp_path, "other salt", lazy=True).get("lint:a.md", "d", schema=SCHEMAS["lint"]) is None
