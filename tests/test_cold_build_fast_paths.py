"""The truly cold build's fast paths give exactly what the general code they stand in for gives.

Each fast path below replaced a slower expression with one that must return the same
string or record for every input; these tests compare the two on random and tricky inputs,
so an optimisation that changed a single byte of a hash, a field or a lock record fails here.
"""

from __future__ import annotations

import html
import itertools
import json
import random
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import genanki
import pytest

from deckgen.anki.notetypes import note_types
from deckgen.anki.package import _card_ords, _Deck, _Model
from deckgen.anki.packaged import PackagedNote
from deckgen.anki.render import _SYNTAX_START_RE, anki_syntax, escape, inert, render_markdown
from deckgen.builder.incremental import cards_repr, fingerprints, view_repr
from deckgen.core import diskcache
from deckgen.core.errors import LockError
from deckgen.core.model import Card, Note
from deckgen.lock.identity import fields_hash, stable_hash
from deckgen.lock.records import CardRecord, Lock, parse_lock

# characters every fast path must treat as the general code does
TRICKY = ['"', "'", "&", "<", ">", "\\", "[", "]", "{", "}", ":", "\n", "\x00", "\x1f", "\u2028", "é", "💡", " ", "c1"]
WORDS = ["team", "metric", "{{c1::x}}", "[sound:a.mp3]", "\\(x\\)", "a & b", "<b>", "**bold**", "`code`", "# h"]


def _texts(seed: int, count: int = 400) -> list[str]:
    rng = random.Random(seed)
    texts = ["", " ", "plain words", "note-00001/q1", '"quoted"', "{{c1::a::hint}}", "\\[x\\]", "a\n\nb"]
    for _ in range(count):
        parts = [rng.choice(TRICKY + WORDS + ["word"] * 6) for _ in range(rng.randint(1, 12))]
        texts.append(" ".join(parts) if rng.random() < 0.7 else "".join(parts))
    return texts


def test_fields_hash_is_stable_hash() -> None:
    rng = random.Random(3)
    texts = _texts(1)
    for _ in range(300):
        fields = tuple(rng.choice(texts) for _ in range(rng.randint(0, 8)))
        tags = tuple(rng.choice(["deckgen", "topic-01", "é", 'q"t', "a\\b"]) for _ in range(rng.randint(0, 3)))
        model = rng.choice([1_607_392_301, 1_607_392_302, 0, -5, 2**70])
        assert fields_hash(model, fields, tags) == stable_hash(model, list(fields), list(tags))


def test_fields_hash_falls_back_to_the_encoder() -> None:
    class Text(str):
        pass

    for model, fields, tags in [
        (True, ("a",), ()),  # a bool is written "true" by the encoder
        (1, (1, "a"), ()),  # not a string: the encoder's own rules
        (1, (None,), ("t",)),
        (1, (Text("sub"),), (Text("t"),)),
        (1.5, ("a",), ()),
    ]:
        assert fields_hash(model, fields, tags) == stable_hash(model, list(fields), list(tags))  # type: ignore[arg-type]


def _old_escape(text: str) -> str:
    return inert(html.escape(text, quote=False).replace('"', "&quot;"))


def test_escape_fast_path_matches_the_full_escape() -> None:
    for text in _texts(2):
        assert escape(text) == _old_escape(text), text


def test_plain_render_matches_html_escape() -> None:
    # text without Markdown characters is rendered by escaping alone; html.escape changes nothing in it
    for text in _texts(4):
        for cloze in (False, True):
            stripped = text.strip()
            if stripped and not any(c in stripped for c in "\\`*_[]<>&!~|#\n") and stripped[0] not in "-+>":
                expected = inert(html.escape(stripped, quote=False).replace('"', "&quot;"), cloze)
                assert render_markdown(text, cloze=cloze) == expected, text


def test_anki_syntax_start_test_is_the_character_test() -> None:
    for text in _texts(5):
        assert bool(_SYNTAX_START_RE.search(text)) == any(c in text for c in "\\[{}")
        if not any(c in text.strip() for c in "\\[{}"):
            assert anki_syntax(text) == "" and anki_syntax(text, cloze=True) == ""


def _cards(seed: int) -> list[Card]:
    rng = random.Random(seed)
    texts = _texts(seed, 50)
    cards = []
    for index in range(40):
        cards.append(
            Card(
                note_id=f"note-{index}",
                key=rng.choice(["q1", "c1", "x'y", 'k"']) + str(index),
                kind=rng.choice(["qa", "cloze"]),
                front=rng.choice(texts),
                back=rng.choice(texts),
                extra=rng.choice(["", *texts[:5]]),
                reverse=rng.random() < 0.3,
                origin=rng.choice(["authored", "generated:critique"]),
                path=f"content/n{index}.md",
                line=rng.randint(0, 999),
                tags=tuple(rng.sample(["a", "b", "é", "t'"], rng.randint(0, 3))),
                ignore=tuple(rng.sample(["L1", "L16"], rng.randint(0, 2))),
                explicit_id=rng.random() < 0.5,
            )
        )
    return cards


def test_cards_repr_is_repr() -> None:
    cards = _cards(6)
    assert cards_repr([]) == repr([])
    assert cards_repr(cards[:1]) == repr(cards[:1])
    _ = [card.uid for card in cards[:10]]  # a cached uid is no field: not in the repr
    assert cards_repr(cards) == repr(cards)


def test_fingerprints_are_the_repr_hashes() -> None:
    import hashlib
    from dataclasses import replace

    from deckgen.sources.notes import waiting_drafts

    note = Note(id="n", title='T "q"', path="content/n.md", author="A", source="https://x", tags=("t",))
    cards = _cards(7)
    view = replace(note, blurb="", sections=(), card_blocks=())
    shipped = hashlib.sha256(repr((view, cards, waiting_drafts(note))).encode()).hexdigest()
    frame = hashlib.sha256(repr((view, waiting_drafts(note))).encode()).hexdigest()
    assert fingerprints(note, cards) == (shipped, frame)


def test_memo_json_is_json_dumps() -> None:
    for value in [{"a": [1, "é\u2028", None, True, 1.5]}, ["x", {"k": "v"}], "s", 3]:
        assert diskcache._dumps(value) == json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    with pytest.raises(ValueError):
        diskcache._dumps(float("nan"))


def _lock_text() -> str:
    lock = Lock()
    rng = random.Random(8)
    for index in range(30):
        record = CardRecord(
            hash=f"h{index}",
            mod=1_700_000_000 + index,
            front=rng.choice(_texts(9, 20)),
            back="b\u2028c",
            deck="Bench::Topic 01",
            decks=("A", "B") if index % 3 == 0 else (),
            due=index if index % 2 else None,
            dues=(("B", 4),) if index % 3 == 0 else (),
            retired=index if index % 7 == 0 else 0,
        )
        lock.put(f"note-{index % 9}", f"q{index}", record)
    lock.extra["tracks"] = {"bench": ["Week 1"]}
    return lock.to_text()


def _per_line(text: str) -> Lock:
    """What the line-by-line parse reads (a blank line at the end is skipped, so the one-array parse is not used)."""
    return parse_lock(text + "\n\n")


def test_one_array_parse_of_a_lock_not_known_canonical() -> None:
    text = _lock_text()
    fast = parse_lock(text)  # not known canonical: decoded as one array, without keeping lines
    slow = _per_line(text)
    assert fast == slow and fast.cards == slow.cards and fast.extra == slow.extra
    # the same insertion order too (the lock is written from it)
    assert [(n, list(r)) for n, r in fast.cards.items()] == [(n, list(r)) for n, r in slow.cards.items()]
    assert fast.to_text() == slow.to_text() == text
    assert not fast.canonical and not fast.lines
    kept = parse_lock(text, canonical=True)
    assert kept == slow and kept.canonical and kept.lines


@pytest.mark.parametrize(
    "damage",
    [
        lambda rows: rows[:3] + ['{"card": "x/y", "mod": "soon"}'] + rows[3:],  # malformed record
        lambda rows: rows[:3] + ["[1, 2]"] + rows[3:],  # not an object
        lambda rows: rows[:3] + ['{"card": "x/q", "hash": "h"}, {"card": "x/r"}'] + rows[3:],  # two on one line
        lambda rows: rows[:3] + ["{not json"] + rows[3:],
    ],
)
def test_a_damaged_lock_is_located_as_before(damage: object) -> None:
    rows = _lock_text().rstrip("\n").split("\n")
    text = "\n".join(damage(rows)) + "\n"  # type: ignore[operator]
    with pytest.raises(LockError) as fast:
        parse_lock(text)
    with pytest.raises(LockError) as slow:
        _per_line(text)
    assert [(f.line, f.message) for f in fast.value.findings] == [(f.line, f.message) for f in slow.value.findings]
    assert fast.value.findings[0].line == 4


def _old_rows(deck: Any, id_gen: Iterator[int]) -> list[tuple[str, tuple[Any, ...]]]:
    """The rows f2ae128's package writer inserted for ``deck``'s notes (its loop, kept here as the reference)."""
    rows: list[tuple[str, tuple[Any, ...]]] = []
    for note in deck.packaged:
        model = deck.models[note.model_id]
        for tag in note.tags:
            if " " in tag:
                raise ValueError(f'Tag "{tag}" contains a space; this is not allowed!')
        note_id = next(id_gen)
        mod = int(note.mod)
        fields = note.fields
        rows.append(
            (
                "INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?);",
                (note_id, note.guid, model.model_id, mod, -1, " " + " ".join(note.tags) + " ")
                + ("\x1f".join(fields), fields[model.sort_field_index], 0, 0, ""),
            )
        )
        if note.with_cards:
            for ordinal in _card_ords(model, fields):
                rows.append(
                    (
                        "INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?);",
                        (next(id_gen), note_id, deck.deck_id, ordinal, mod, -1, 0, 0, note.due)
                        + (0, 0, 0, 0, 0, 0, 0, 0, ""),
                    )
                )
    return rows


def _packaged_notes() -> list[PackagedNote]:
    qa, cloze = note_types()
    rng = random.Random(11)
    tag_sets = [("deckgen",), ("deckgen", "topic-01"), (), ("deckgen", "topic-01"), ("a", "b", "é")]
    notes = []
    for index in range(60):
        model = rng.choice([qa, cloze])
        fields = tuple(
            (f"{{{{c{rng.randint(1, 3)}::x}}}} {index}" if name == "Text" else rng.choice(["", f"{name} {index}"]))
            for name in model.fields
        )
        tags = rng.choice(tag_sets)
        notes.append(
            PackagedNote(
                f"dg{index:018d}",
                model.id,
                fields,
                list(tags) if index % 7 == 0 else tags,  # type: ignore[arg-type]  # a list of tags too
                1_700_000_000 + rng.randint(0, 5),
                index,
                with_cards=rng.random() < 0.8,
            )
        )
    return notes


def _collection(deck: Any, rows: list[tuple[str, tuple[Any, ...]]] | None) -> list[list[tuple[Any, ...]]]:
    """The notes and cards tables after writing ``deck`` (with ``rows``: genanki's deck, then those rows instead)."""
    db = sqlite3.connect(":memory:")
    try:
        cursor = db.cursor()
        cursor.executescript(genanki.apkg_schema.APKG_SCHEMA)
        cursor.executescript(genanki.apkg_col.APKG_COL)
        if rows is None:
            deck.write_to_db(cursor, 0, itertools.count(1000))
        else:
            genanki.Deck.write_to_db(deck, cursor, 0, itertools.count(1000))
            for sql, params in rows:
                cursor.execute(sql, params)
        return [list(db.execute(f"SELECT * FROM {table} ORDER BY id")) for table in ("notes", "cards")]
    finally:
        db.close()


def _deck(notes: list[PackagedNote]) -> _Deck:
    deck = _Deck(123, "D", "", notes)
    for nt in note_types():
        deck.add_model(_Model(nt, 1_700_000_000))
    return deck


def test_package_rows_are_the_old_writers() -> None:
    deck = _deck(_packaged_notes())
    assert _collection(deck, None) == _collection(deck, _old_rows(deck, itertools.count(1000)))


def test_a_tag_with_a_space_is_refused_before_its_note() -> None:
    notes = _packaged_notes()[:5]
    notes.insert(3, replace(notes[0], guid="bad", tags=("deckgen", "b ad")))
    deck = _deck(notes)
    with pytest.raises(ValueError, match="contains a space"):
        _old_rows(deck, itertools.count(1000))
    with pytest.raises(ValueError, match="contains a space"):
        _collection(deck, None)


def test_view_repr_is_the_repr_of_the_blanked_note() -> None:
    import datetime

    from deckgen.core.model import CardBlock, FieldValue, Section

    note = Note(
        id="n",
        title="T \"q\" 'x'",
        path="content/n.md",
        author="A",
        tags=("x", "é"),
        blurb="b",
        sections=(Section("h", "t", 3),),
        card_blocks=(CardBlock(line=4, fields={"Q": FieldValue("q", 4)}),),
        meta={"id": "n", "year": 2020, "when": datetime.date(2020, 1, 2), "tags": ["x"]},
        meta_lines={"id": 2},
        cards_line=9,
    )
    assert view_repr(note) == repr(replace(note, blurb="", sections=(), card_blocks=()))


def test_note_paths_are_relative_to_the_root(tmp_path: Any) -> None:
    from deckgen.sources.notes import collect_notes

    root = tmp_path / "proj"
    for rel in ("content/a.md", "content/deep/er/b.md", "content/sp ace/c.md", "content/é/d.md"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\nid: {path.stem}\ntitle: T\n---\nBody.\n")
    notes, findings = collect_notes(root / "content", root)
    assert not findings
    assert [n.path for n in notes] == [
        p.relative_to(root).as_posix() for p in sorted((root / "content").rglob("*.md"), key=lambda p: p.parts)
    ]
    # a root given with a trailing separator, or as the filesystem root's child, names them alike
    again, _ = collect_notes(root / "content", type(root)(str(root) + "/"))
    assert [n.path for n in again] == [n.path for n in notes]


def test_all_of_is_exact_type_identity() -> None:
    class Text(str):
        pass

    rng = random.Random(12)
    pool: list[Any] = ["a", "", Text("t"), 1, 0, True, False, 1.5, None, ("a",), ["a"], b"a"]
    for _ in range(500):
        values = [rng.choice(pool) for _ in range(rng.randint(0, 6))]
        for kind in (str, int, bool):
            for form in (list, tuple):
                assert diskcache._all_of(kind, form(values)) == all(type(v) is kind for v in values)


def test_typed_memo_encoders_still_refuse_what_they_refused() -> None:
    class Text(str):
        pass

    strs, ints, pair = (
        diskcache._encoder(tuple[str, ...]),
        diskcache._encoder(list[int]),
        diskcache._encoder(tuple[str, str]),
    )
    assert strs(("a", "b")) == ["a", "b"] and ints([1, 2]) == [1, 2] and pair(("a", "b")) == ["a", "b"]
    for encoder, value in [(strs, ("a", Text("b"))), (ints, [1, True]), (pair, ("a", 1)), (strs, ("a", None))]:
        with pytest.raises(TypeError):
            encoder(value)


def test_no_cohort_files_means_no_cohort_findings_or_plans(tmp_path: Any) -> None:
    """Without decks/cohorts/ the cohort reader is not loaded: what it would have found there is nothing."""
    from deckgen.core.config import load_config
    from deckgen.linter.run import cohort_findings
    from deckgen.sources.cohorts import load_cohorts

    (tmp_path / "deckgen.toml").write_text('[project]\nname = "P"\nnamespace = "project-0001"\n')
    (tmp_path / "decks" / "tracks").mkdir(parents=True)
    config = load_config(tmp_path)
    assert cohort_findings(config) == load_cohorts(config.decks_dir, config.root, [])[1] == []
    (tmp_path / "decks" / "cohorts").mkdir()
    (tmp_path / "decks" / "cohorts" / "Bad Name.yaml").write_text("title: x\n")
    assert cohort_findings(config) == load_cohorts(config.decks_dir, config.root, [])[1] != []
