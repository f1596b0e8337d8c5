"""A build killed with SIGKILL part-way leaves the previous decks and deckgen.lock intact and readable."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from ankiutil import import_apkg, open_collection
from conftest import MINIMAL_TOML, REPO, write

from deckgen.lock.records import read_lock

# Runs `deckgen build` in a real process; optionally parks it mid-write so the kill lands there.
SCRIPT = """
import os, sys, time
import deckgen.anki.package as package
stage, marker = sys.argv[1], sys.argv[2]

def park():
    open(marker, "w").close()
    time.sleep(120)

if stage == "apkg":  # after the first zip entry of the first deck is written
    real_add = package._add
    def add(archive, name, data):
        real_add(archive, name, data)
        park()
    package._add = add
elif stage == "lock":  # the lock's temp file is written and flushed, not yet renamed
    real_fsync = os.fsync
    def fsync(fd):
        real_fsync(fd)
        park()
    os.fsync = fsync
from deckgen.cli import main
sys.argv = ["deckgen", "build"]
main()
"""
EPOCH = {"SOURCE_DATE_EPOCH": "1800000000"}


def make_project(root: Path, notes: int, answer: str) -> Path:
    write(root / "deckgen.toml", MINIMAL_TOML)
    for n in range(notes):
        cards = "\n\n".join(f"Q: In essay {n}, what is idea {k}?\nA: {answer} {n}.{k}." for k in range(4))
        write(
            root / "content" / f"n{n:03d}.md",
            f"---\nid: note-{n}\ntitle: Essay {n}\nauthor: Author {n}\n---\n## Cards\n\n{cards}\n",
        )
    write(root / "decks" / "a.yaml", "deck: A\nnotes: all\n")
    write(root / "decks" / "b.yaml", "deck: B\nnotes:\n  - path: content/n00*.md\n")
    return root


def run_build(root: Path, env: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "deckgen", "build"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(REPO), **env},
    )
    assert done.returncode == 0, done.stderr


def state(root: Path) -> dict[str, bytes]:
    """The published outputs: every .apkg and deckgen.lock (temp files excluded)."""
    files = {p.name: p.read_bytes() for p in (root / "build").glob("*.apkg")}
    files["deckgen.lock"] = (root / "deckgen.lock").read_bytes()
    return files


def assert_readable(root: Path, tmp: Path) -> None:
    read_lock(root / "deckgen.lock")  # parses whole (raises on a torn file)
    col = open_collection(tmp / f"check-{time.monotonic_ns()}.anki2")
    try:
        for apkg in sorted((root / "build").glob("*.apkg")):
            with zipfile.ZipFile(apkg) as archive:
                assert archive.testzip() is None
            log = import_apkg(col, apkg)
            assert log.new + log.updated + log.duplicate > 0, f"{apkg.name} imported nothing"
    finally:
        col.close()


@pytest.fixture
def releases(tmp_path: Path) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A project built once (release 1), its sources edited; plus what release 2 looks like."""
    root = make_project(tmp_path / "proj", 120, "Old answer")
    run_build(root, {"SOURCE_DATE_EPOCH": "1700000000"})
    old = state(root)
    make_project(root, 120, "New answer")
    reference = tmp_path / "reference"
    shutil.copytree(root, reference)
    run_build(reference, EPOCH)
    new = state(reference)
    assert all(old[name] != new[name] for name in old)
    return root, old, new


def start(root: Path, stage: str, marker: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, stage, str(marker)],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(REPO), **EPOCH},
    )


@pytest.mark.parametrize("stage", ["apkg", "lock"])
def test_sigkill_mid_write_keeps_previous_release(stage: str, releases, tmp_path: Path) -> None:
    root, old, new = releases
    marker = tmp_path / "parked"
    proc = start(root, stage, marker)
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert proc.poll() is None, "the build finished before it reached the write"
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    now = state(root)
    assert now["deckgen.lock"] == old["deckgen.lock"]  # the lock is never half-written
    if stage == "apkg":
        assert now == old  # killed inside the first deck's write: nothing published
    else:
        assert all(now[name] == new[name] for name in now if name != "deckgen.lock")  # decks done, lock not yet
    assert_readable(root, tmp_path)
    run_build(root, EPOCH)  # the next build recovers and produces release 2 exactly
    assert state(root) == new


def test_sigkill_at_many_moments_leaves_old_or_new_files(releases, tmp_path: Path) -> None:
    root, old, new = releases
    began = time.monotonic()
    run_build(root, EPOCH)
    duration = time.monotonic() - began
    for step in range(1, 9):
        for name, data in old.items():  # back to release 1 before every attempt
            (root / ("deckgen.lock" if name == "deckgen.lock" else f"build/{name}")).write_bytes(data)
        proc = start(root, "none", tmp_path / "unused")
        time.sleep(duration * step / 8)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for name, data in state(root).items():
            assert data in (old[name], new[name]), f"{name} is half-written after a kill at {step}/8 of a build"
        assert_readable(root, tmp_path)
