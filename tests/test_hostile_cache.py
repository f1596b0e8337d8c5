"""Caches are data, never code: a tampered or wrong-shaped cache is ignored with a warning.

Build caches are shared and restored (CI caches, copied build folders), so a file under
``.deckgen-cache/`` (the note memo) and ``build/.deckgen-cache/`` (the build state) are
untrusted input like any note.
"""

from __future__ import annotations

import json
import pickle
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import run_deckgen, write
from test_hostile_inputs import NOTE, project


class _Payload:
    """Unpickling this creates a file: proof that loading the cache ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (str(self.marker), "w"))


def test_a_tampered_pickle_cache_runs_nothing(tmp_path: Path) -> None:
    root = project(tmp_path / "proj")
    marker = tmp_path / "pwned"
    for cache in (root / "build" / ".deckgen-cache", root / ".deckgen-cache"):
        cache.mkdir(parents=True)
        (cache / "notes.pickle").write_bytes(pickle.dumps((_Payload(marker), {})))
    for command in ("build", "lint", "build"):
        run = run_deckgen(command, cwd=root)
        assert run.returncode == 0, run.stderr
        assert not marker.exists(), f"`deckgen {command}` ran code from the cache"


def _good_build(root: Path) -> tuple[Path, bytes]:
    run = run_deckgen("build", cwd=root)
    assert run.returncode == 0, run.stderr
    apkg = root / "build" / "d.apkg"
    return apkg, apkg.read_bytes()


NOTE_CACHE = Path(".deckgen-cache") / "notes.sqlite"


def _sqlite(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def _real_tables(path: Path) -> None:
    _sqlite(
        path,
        "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE entries (key TEXT PRIMARY KEY, digest TEXT NOT NULL, schema TEXT NOT NULL, value TEXT NOT NULL)",
    )


def _with_trigger(path: Path) -> None:
    """deckgen's tables plus a trigger: a file whose schema would act when deckgen writes."""
    _real_tables(path)
    _sqlite(
        path,
        "CREATE TABLE loot (v TEXT)",
        "CREATE TRIGGER t AFTER INSERT ON entries BEGIN INSERT INTO loot VALUES (new.value); END",
    )


def _blob_values(path: Path) -> None:
    """The right schema and salt, but a value that is not text (SQLite columns take any type)."""
    db = sqlite3.connect(path)
    db.execute("UPDATE entries SET value = CAST(value AS BLOB)")
    db.commit()
    db.close()


NOTE_CACHES: dict[str, Any] = {
    "not-sqlite": b"\x80\x04garbage",
    "old-json": json.dumps({"format": 2, "salt": "x", "entries": {}}).encode(),
    "a-folder": lambda path: path.mkdir(),
    "foreign-schema": _with_trigger,
    "blob-values": _blob_values,
}


@pytest.mark.parametrize("name", sorted(NOTE_CACHES))
def test_a_broken_note_cache_is_ignored_with_a_warning(name: str, tmp_path: Path) -> None:
    root = project(tmp_path / "proj")
    apkg, cold = _good_build(root)
    data, path = NOTE_CACHES[name], root / NOTE_CACHE
    if callable(data):
        if name != "blob-values":
            path.unlink()
        data(path)
    else:
        path.write_bytes(data)
    write(root / "content" / "n.md", NOTE + "\n")  # not a no-op: the note cache is read
    run = run_deckgen("build", cwd=root)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert "note cache is unreadable" in run.stderr
    assert apkg.read_bytes() == cold
    if path.is_file():  # replaced by a good cache: the next build uses it without a word
        assert not (name == "foreign-schema" and "loot" in path.read_bytes().decode("latin-1"))
        write(root / "content" / "n.md", NOTE + "\n\n")
        again = run_deckgen("build", cwd=root)
        assert again.returncode == 0 and "note cache" not in again.stderr, again.stderr


def test_a_note_cache_that_is_a_symlink_is_not_written_through(tmp_path: Path) -> None:
    root = project(tmp_path / "proj")
    _good_build(root)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    (root / NOTE_CACHE).unlink()
    (root / NOTE_CACHE).symlink_to(victim)
    write(root / "content" / "n.md", NOTE + "\n")
    run = run_deckgen("build", cwd=root)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert "note cache is unreadable" in run.stderr
    assert victim.read_text() == "precious\n"


def _mutate_entries(path: Path, how: str) -> None:
    """Corrupt every cached value of a real note cache in one way."""
    db = sqlite3.connect(path)
    for key, schema, value in db.execute("SELECT key, schema, value FROM entries").fetchall():
        if how == "foreign-class":  # the tagged form, naming a class deckgen does not rebuild
            schema, value = "-", '{"c":"Popen","f":{"args":"touch pwned"}}'
        elif how == "wrong-type":
            value = value.replace('"Empathy and Product Management"', "42")
        elif how == "extra-field":  # a Note record with one value too many
            value = value.replace('["ok",["norton-empathy",', '["ok",["evil","norton-empathy",')
        elif how == "wrong-schema":  # valid records, but stored as another entry's type
            schema = "list[Finding]"
        elif how == "wrong-shape":  # valid records, but not the shape the entry holds (found by the fuzz)
            schema, value = "-", "[]"
        # items of lists and dicts of flat records, which the decoder checks inline in one loop
        elif how == "card-line-a-bool":  # an authored card's line: true is not an int
            value = re.sub(r'("authored","[^"]*",)\d+', r"\1true", value)
        elif how == "card-block-line-text":  # a card block's "Q:" field with its line as text
            value = re.sub(r'("Q":\["(?:[^"\\]|\\.)*",)(\d+)\]', r'\1"\2"]', value)
        db.execute("UPDATE entries SET schema = ?, value = ? WHERE key = ?", (schema, value, key))
    db.commit()
    db.close()


@pytest.mark.parametrize(
    "how",
    [
        "foreign-class",
        "wrong-type",
        "extra-field",
        "wrong-schema",
        "wrong-shape",
        "card-line-a-bool",
        "card-block-line-text",
    ],
)
def test_note_cache_values_are_validated_before_use(how: str, tmp_path: Path) -> None:
    root = project(tmp_path / "proj")
    apkg, cold = _good_build(root)
    path = root / NOTE_CACHE
    before = path.read_bytes()
    _mutate_entries(path, how)
    assert path.read_bytes() != before, "the corruption must change the file"
    shutil.rmtree(root / "build")  # force the note cache to be read: no outputs, and no last build to copy back
    (root / ".deckgen-cache" / "last-build.json").unlink()
    run = run_deckgen("build", cwd=root)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert "note cache is unreadable" in run.stderr
    assert apkg.read_bytes() == cold
    assert not (tmp_path / "proj" / "pwned").exists()


STATE_CORRUPTIONS = {
    "a-list": lambda s: [],
    "decks-not-a-list": lambda s: {**s, "summary": {**s["summary"], "decks": 5}},
    "media-not-strings": lambda s: {**s, "summary": {**s["summary"], "media": [123]}},
    "media-outside": lambda s: {**s, "summary": {**s["summary"], "media": ["../../../../etc/passwd"]}},
    "outputs-wrong": lambda s: {**s, "outputs": {"d.apkg": "big"}},
    "cards-a-string": lambda s: {**s, "summary": {**s["summary"], "cards": "many"}},
    "deck-digests-list": lambda s: {**s, "deck_digests": ["x"]},
}


@pytest.mark.parametrize("name", sorted(STATE_CORRUPTIONS))
def test_a_wrong_shaped_build_json_is_ignored_with_a_warning(name: str, tmp_path: Path) -> None:
    """Valid JSON of the wrong shape (digest still matching): a warning and a full build, twice."""
    root = project(tmp_path / "proj")
    apkg, cold = _good_build(root)
    path = root / "build" / ".deckgen-cache" / "build.json"
    path.write_text(json.dumps(STATE_CORRUPTIONS[name](json.loads(path.read_text()))))
    for _ in range(2):
        run = run_deckgen("build", cwd=root)
        assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert apkg.read_bytes() == cold


CANDIDATE_CORRUPTIONS = {
    "not-json": lambda schema, value: (schema, "{not json"),
    "wrong-shape": lambda schema, value: ("-", "[]"),
    "wrong-schema": lambda schema, value: ("list[Finding]", value),
    # well-typed, but no record deckgen writes: a review mode it does not know, an authored card among candidates
    "bad-review": lambda schema, value: (schema, value.replace('"auto"', '"bogus"', 1)),
    "authored-candidate": lambda schema, value: (schema, value.replace('"generated:author"', '"authored"', 1)),
}


@pytest.mark.parametrize("how", sorted(CANDIDATE_CORRUPTIONS))
def test_broken_stored_candidates_fall_back_to_the_generator(how: str, tmp_path: Path) -> None:
    """A card edit with a corrupted candidates entry: the generator runs, lint and build match a run without cache."""
    root = project(tmp_path / "proj")
    apkg, _ = _good_build(root)
    path = root / NOTE_CACHE
    db = sqlite3.connect(path)
    rows = db.execute("SELECT key, schema, value FROM entries WHERE key LIKE 'candidates:%'").fetchall()
    assert rows, "the build stores each note's candidates"
    for key, schema, value in rows:
        changed = CANDIDATE_CORRUPTIONS[how](schema, value)
        assert changed != (schema, value), "the corruption must change the entry"
        db.execute("UPDATE entries SET schema = ?, value = ? WHERE key = ?", (*changed, key))
    db.commit()
    db.close()
    write(root / "content" / "n.md", NOTE.replace("A set of learnable moves.", "Learnable moves."))
    cold = tmp_path / "cold"
    shutil.copytree(root, cold)
    shutil.rmtree(cold / ".deckgen-cache")
    shutil.rmtree(cold / "build")
    for command in ("lint", "build"):
        epoch = {"SOURCE_DATE_EPOCH": "1767312000"}  # both builds stamp the edited card alike
        run, expected = run_deckgen(command, cwd=root, env=epoch), run_deckgen(command, cwd=cold, env=epoch)
        assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
        if command == "lint":
            assert run.stdout == expected.stdout
    assert apkg.read_bytes() == (cold / "build" / "d.apkg").read_bytes()


def test_a_stale_rendered_fields_row_is_not_used(tmp_path: Path) -> None:
    """A note's rendered fields left from its previous text, under its current digest, do not ship.

    A one-card edit's full build takes every unchanged card's fields from this row; each entry
    is keyed by a hash of the card it was rendered from, so a stale one is rendered again.
    """
    root = project(tmp_path / "proj")
    _good_build(root)
    path, key = root / NOTE_CACHE, "fields:content/n.md"
    db = sqlite3.connect(path)
    (old,) = db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
    db.close()
    note = root / "content" / "n.md"
    note.write_text(note.read_text().replace("A: A set of learnable moves.", "A: A craft one practises."))
    apkg, edited = _good_build(root)
    db = sqlite3.connect(path)
    db.execute("UPDATE entries SET value = ? WHERE key = ?", (old, key))  # the old row, the new digest
    db.commit()
    db.close()
    shutil.rmtree(root / "build")  # no outputs and no last build to copy back: the full build reads the row
    (root / ".deckgen-cache" / "last-build.json").unlink()
    run = run_deckgen("build", cwd=root)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert apkg.read_bytes() == edited
