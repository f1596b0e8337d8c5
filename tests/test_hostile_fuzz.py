"""A hypothesis fuzz of every file deckgen reads: note files, manifests, tracks, the lockfile
and the build caches. A previous release is built first; then one or more of its files are
mutated (or replaced by random bytes) and ``deckgen build`` / ``deckgen lint`` run through
the real CLI. Invariants: exit 0 or 1, never a traceback, nothing written outside the
project's output folder, its cache and the lock, and on failure the previous outputs intact.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import MINIMAL_TOML, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_hostile import mutated
from typer.testing import CliRunner

from deckgen.cli import app

NOTE = """---
id: norton-empathy
title: Empathy and Product Management
author: Ken Norton
tags: [empathy, craft]
---
A short blurb.

## Central argument
Empathy is a craft.

## Cards

Q: What does Norton mean by empathy as craft?
A: A set of learnable moves.

C: Norton calls empathy {{c1::a craft}}, not a trait.
"""
DECK = "deck: PM Onboarding::Essays\ndescription: Essays.\nnotes:\n  - id: norton-empathy\n  - tag: craft\n"
TRACK = "track: APM\nrole: Associate PM\ndeck: APM\nnew_per_day: 5\nstages:\n  - title: Week 1\n    decks: [deck]\n"

FILES = {
    "note": "content/note.md",
    "manifest": "decks/deck.yaml",
    "track": "decks/tracks/apm.yaml",
    "lock": "deckgen.lock",
    "build-state": "build/.deckgen-cache/build.json",
    "note-cache": ".deckgen-cache/notes.sqlite",
    "outputs-record": "build/.deckgen-outputs.json",
}


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


@st.composite
def reshaped(draw: st.DrawFn, base: str) -> bytes:
    """Valid JSON of the wrong shape: one value somewhere in ``base`` replaced by any JSON value."""
    import json

    try:
        data = json.loads(base)
    except ValueError:
        data = None  # the file did not exist (or was not JSON): any JSON value
    if not isinstance(data, (dict, list)) or not data:
        return json.dumps(draw(_JSON)).encode()
    node = data
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, (dict, list)) and child and draw(st.booleans()):
            node = child
            continue
        node[key] = draw(_JSON)
        return json.dumps(data).encode()


@st.composite
def flipped(draw: st.DrawFn, base: bytes) -> bytes:
    """``base`` (a binary file such as the SQLite note cache) with a few bytes overwritten."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 8))):
        if data:
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A project with one release built (outputs, caches, lock)."""
    root = tmp_path_factory.mktemp("fuzz") / "base"
    write(root / "deckgen.toml", MINIMAL_TOML)
    write(root / "content" / "note.md", NOTE)
    write(root / "decks" / "deck.yaml", DECK)
    write(root / "decks" / "tracks" / "apm.yaml", TRACK)
    assert _run(root, "build")[0] == 0
    yield root


def _run(root: Path, *args: str) -> tuple[int, str]:
    cwd = os.getcwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(app, list(args), env={"SOURCE_DATE_EPOCH": "1800000000"})
    finally:
        os.chdir(cwd)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        raise AssertionError(
            "".join(traceback.format_exception(result.exception)) + "\n" + result.output
        ) from result.exception
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes is not None else "")


@settings(
    max_examples=int(os.environ.get("DECKGEN_FUZZ_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    kinds=st.lists(st.sampled_from(sorted(FILES)), min_size=1, max_size=3, unique=True),
    data=st.data(),
    command=st.sampled_from(["build", "lint", "build"]),
)
def test_any_file_gives_exit_0_or_1_and_writes_only_outputs(
    released: Path, kinds: list[str], data: st.DataObject, command: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        outer = Path(tmp)
        root = outer / "proj"
        shutil.copytree(released, root)
        for kind in kinds:
            path = root / FILES[kind]
            base = path.read_bytes().decode("utf-8", "replace") if path.is_file() else ""
            strategy = mutated(base)
            if path.suffix == ".json" or kind == "lock":
                strategy = st.one_of(strategy, reshaped(base))
            if path.suffix == ".sqlite":
                strategy = st.one_of(strategy, flipped(path.read_bytes()))
            path.write_bytes(data.draw(strategy, label=kind))
        before = _tree(root)
        outputs_before = {k: v for k, v in before.items() if k.startswith("build/") and ".deckgen-cache" not in k}
        code, output = _run(root, command)
        assert code in (0, 1), output
        assert "Traceback" not in output
        assert "internal error" not in output, output  # every bad file, the lock included, gets a located error
        after = _tree(root)
        allowed = ("build/", ".deckgen-cache/", "deckgen.lock")
        changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
        assert all(k.startswith(allowed) for k in changed), sorted(changed)
        assert [p.name for p in outer.iterdir()] == ["proj"]
        if code == 1:
            assert {k: v for k, v in after.items() if k in outputs_before} == outputs_before
            assert after.get("deckgen.lock") == before.get("deckgen.lock")
