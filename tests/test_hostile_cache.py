"""Caches are data, never code: a tampered or wrong-shaped cache is ignored with a warning.

Build caches are shared and restored (CI caches, copied build folders), so a file under
``build/.deckgen-cache/`` is untrusted input like any note.
"""

from __future__ import annotations

import json
import pickle
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
    cache = root / "build" / ".deckgen-cache"
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


NOTE_CACHES: dict[str, Any] = {
    "not-json": b"\x80\x04garbage",
    "a-list": [],
    "entries-a-list": {"format": 2, "salt": "x", "entries": []},
    "deep": "[" * 100_000 + "]" * 100_000,
}


@pytest.mark.parametrize("name", sorted(NOTE_CACHES))
def test_a_broken_note_cache_is_ignored_with_a_warning(name: str, tmp_path: Path) -> None:
    root = project(tmp_path / "proj")
    apkg, cold = _good_build(root)
    data = NOTE_CACHES[name]
    raw = data if isinstance(data, bytes) else (data.encode() if isinstance(data, str) else json.dumps(data).encode())
    (root / "build" / ".deckgen-cache" / "notes.json").write_bytes(raw)
    write(root / "content" / "n.md", NOTE + "\n")  # not a no-op: the note cache is read
    run = run_deckgen("build", cwd=root)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert "note cache is unreadable" in run.stderr
    assert apkg.read_bytes() == cold


def _mutate_entries(data: dict[str, Any], how: str) -> None:
    """Corrupt every cached value of a real note cache in one way."""
    for entry in data["entries"].values():
        text = json.dumps(entry[1], separators=(",", ":"))
        if how == "foreign-class":
            text = text.replace('"c":"Note"', '"c":"Popen"')
        elif how == "wrong-type":
            text = text.replace('"title":"Empathy and Product Management"', '"title":42')
        elif how == "extra-field":
            text = text.replace('"f":{"id":', '"f":{"evil":1,"id":')
        elif how == "wrong-shape":  # valid records, but not the shape the entry holds (found by the fuzz)
            text = "[]" if not text.startswith("[]") else '{"d":[]}'
        entry[1] = json.loads(text)


@pytest.mark.parametrize("how", ["foreign-class", "wrong-type", "extra-field", "wrong-shape"])
def test_note_cache_values_are_validated_before_use(how: str, tmp_path: Path) -> None:
    root = project(tmp_path / "proj")
    apkg, cold = _good_build(root)
    path = root / "build" / ".deckgen-cache" / "notes.json"
    data = json.loads(path.read_text())
    before = json.dumps(data)
    _mutate_entries(data, how)
    assert json.dumps(data) != before, "the corruption must change the file"
    path.write_text(json.dumps(data))
    (root / "build" / ".deckgen-cache" / "build.json").unlink()  # force the note cache to be read
    run = run_deckgen("build", cwd=root)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert "note cache is unreadable" in run.stderr
    assert apkg.read_bytes() == cold


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
