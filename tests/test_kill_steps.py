"""A kill at *every* write step of a build, then a normal build: the outputs end exactly as a
build that was never interrupted would leave them (packages, site, changelogs, lock).

``DECKGEN_KILL_AT=N`` makes deckgen SIGKILL itself at its N-th write step (each rename of an
atomic write, each step of the site swap: core.files.checkpoint), so every step is hit,
not only the ones a random kill happens to land on. Also here: the output folder's
permissions, its ownership (deckgen never replaces files it did not write), and two
builds at once.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import MINIMAL_TOML, REPO, run_deckgen, write

EPOCH = {"SOURCE_DATE_EPOCH": "1800000000"}


def make_project(root: Path, answer: str) -> Path:
    write(root / "deckgen.toml", MINIMAL_TOML)
    for n in range(3):
        cards = "\n\n".join(f"Q: In essay {n}, what is idea {k}?\nA: {answer} {n}.{k}." for k in range(3))
        write(
            root / "content" / f"n{n}.md",
            f"---\nid: note-{n}\ntitle: Essay {n}\nauthor: A{n}\n---\n## Cards\n\n{cards}\n",
        )
    write(root / "decks" / "a.yaml", "deck: A\nnotes: all\n")
    write(root / "decks" / "b.yaml", "deck: B\nnotes:\n  - path: content/n0.md\n")
    write(
        root / "decks" / "tracks" / "starter.yaml",
        "track: Starter\nrole: APM\ndeck: Starter\nstages:\n  - title: Week 1\n    decks: [a]\n",
    )
    return root


def build(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "deckgen", "build"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(REPO), **EPOCH, **env},
    )


def tree(root: Path) -> dict[str, str]:
    """Every published file (the build cache and temp files excluded) and the lock, by content hash."""
    files = {"deckgen.lock": hashlib.sha256((root / "deckgen.lock").read_bytes()).hexdigest()}
    for path in sorted((root / "build").rglob("*")):
        rel = path.relative_to(root / "build").as_posix()
        temp = any(part.startswith(".") and part.endswith(".tmp") for part in rel.split("/"))
        if path.is_file() and not rel.startswith(".deckgen-cache/") and not temp:
            files[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return files


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], dict[str, str]]:
    """Release 1 built, sources edited for release 2; and release 2 built without interruption."""
    base = tmp_path_factory.mktemp("kill")
    root = make_project(base / "release1", "Old answer")
    assert build(root, SOURCE_DATE_EPOCH="1700000000").returncode == 0
    old = tree(root)
    make_project(root, "New answer")
    clean = base / "clean"
    shutil.copytree(root, clean)
    assert build(clean).returncode == 0
    return root, old, tree(clean)


def test_a_kill_at_every_write_step_is_repaired_by_the_next_build(
    reference: tuple[Path, dict[str, str], dict[str, str]], tmp_path: Path
) -> None:
    release1, old, new = reference
    assert old != new
    steps = 0
    for step in range(1, 200):
        root = tmp_path / f"step{step}"
        shutil.copytree(release1, root)
        killed = build(root, DECKGEN_KILL_AT=str(step))
        if killed.returncode == 0:  # fewer write steps than this: every step has been tried
            break
        assert killed.returncode == -9, killed.stderr
        steps += 1
        # What a kill leaves: each file old-and-complete or new-and-complete, the lock last.
        now = tree(root)
        for name, digest in now.items():
            assert digest in (old.get(name), new.get(name)), f"step {step}: {name} is neither old nor new"
        if now["deckgen.lock"] == new["deckgen.lock"]:
            assert {k: v for k, v in now.items() if k.endswith(".apkg")} == {
                k: v for k, v in new.items() if k.endswith(".apkg")
            }
        repaired = build(root)
        assert repaired.returncode == 0, repaired.stderr
        assert tree(root) == new, f"step {step}: the next build did not repair everything"
        leftovers = [p for p in (root / "build").rglob("*.tmp")] + list((root / "build").glob(".site*"))
        assert not leftovers, f"step {step}: {leftovers}"
        shutil.rmtree(root)
    assert steps >= 8, f"only {steps} write steps were found"


def test_the_site_is_readable_by_others(tmp_path: Path) -> None:
    root = make_project(tmp_path / "proj", "Answer")
    old = os.umask(0o022)
    try:
        assert build(root).returncode == 0
    finally:
        os.umask(old)
    site = root / "build" / "site"
    for path in [site, *site.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o044 == 0o044, f"{path} is {oct(mode)}"
        if path.is_dir():
            assert mode & 0o011 == 0o011, f"{path} is {oct(mode)}"


def test_killed_builds_leftovers_are_removed_and_nothing_else(tmp_path: Path) -> None:
    root = make_project(tmp_path / "proj", "Answer")
    assert build(root).returncode == 0
    out = root / "build"
    ours = [
        out / ".site.abcd1234.tmp",
        out / ".a.apkg.x1y2z3.tmp",
        out / ".a.apkg.q1w2e3.anki2.tmp",
        out / ".site-k2j3h4g5",
    ]
    ours[0].mkdir()
    (ours[0] / "index.html").write_text("half")
    for path in ours[1:3]:
        path.write_bytes(b"half")
    ours[3].mkdir()
    foreign = [out / "notes" / ".draft.md.tmp", out / ".editor.swp.tmp", out / "keep" / "deep" / ".x.y.tmp"]
    for path in foreign:
        write(path, "mine")
        os.utime(path, (1, 1))  # old: the previous version deleted any .*.tmp older than 10 minutes
    write(root / "content" / "n1.md", (root / "content" / "n1.md").read_text().replace("Answer 1.0", "Answer 1.0!"))
    assert build(root).returncode == 0
    assert not any(p.exists() for p in ours)
    assert all(p.read_text() == "mine" for p in foreign)


def test_foreign_site_and_changelog_in_out_are_never_replaced(tmp_path: Path) -> None:
    root = make_project(tmp_path / "proj", "Answer")
    out = tmp_path / "public"
    write(out / "site" / "index.html", "my own site")
    write(out / "CHANGELOG.md", "my own changelog")
    run = run_deckgen("build", "--out", str(out), cwd=root)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "site: out: exists and was not written by deckgen" in " ".join(run.stderr.split())
    assert (out / "site" / "index.html").read_text() == "my own site"
    assert (out / "CHANGELOG.md").read_text() == "my own changelog"
    assert not list(out.glob("*.apkg")) and not (root / "deckgen.lock").exists()
    # once moved away, the build proceeds; later builds replace their own outputs
    shutil.move(out / "site", tmp_path / "old-site")
    (out / "CHANGELOG.md").unlink()
    assert run_deckgen("build", "--out", str(out), cwd=root).returncode == 0
    write(root / "content" / "n1.md", (root / "content" / "n1.md").read_text().replace("Answer 1.0", "Answer 1.0!"))
    assert run_deckgen("build", "--out", str(out), cwd=root).returncode == 0


@pytest.mark.parametrize("where", ["content", "content/sub", "decks", "."])
def test_an_output_folder_among_the_sources_is_refused(where: str, tmp_path: Path) -> None:
    root = make_project(tmp_path / "proj", "Answer")
    before = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    run = run_deckgen("build", "--out", where, cwd=root)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert "out: the output folder" in run.stderr
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == before


def test_a_second_build_waits_for_the_first(tmp_path: Path) -> None:
    """Two builds at once: the second waits (and says so), both succeed, the outputs are a clean build's."""
    root = make_project(tmp_path / "proj", "Answer")
    clean = tmp_path / "clean"
    shutil.copytree(root, clean)
    assert build(clean).returncode == 0
    results: list[subprocess.CompletedProcess[str]] = []
    # the first build parks at its first write step while holding the project
    slow = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time, deckgen.core.files as f; real = f.checkpoint\n"
            "def slow():\n    time.sleep(3); f.checkpoint = real\nf.checkpoint = slow\n"
            "from deckgen.cli import main; import sys; sys.argv = ['deckgen', 'build']; main()",
        ],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(REPO), **EPOCH},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    import time

    time.sleep(1.5)
    second = threading.Thread(target=lambda: results.append(build(root)))
    second.start()
    second.join(120)
    out, err = slow.communicate(timeout=120)
    assert slow.returncode == 0, err
    assert results and results[0].returncode == 0, results[0].stderr if results else "no result"
    assert "waiting" in results[0].stderr
    assert "waits up to 300 s for it to finish (DECKGEN_BUILD_WAIT sets how long)" in results[0].stderr
    assert tree(root) == tree(clean)


def test_a_build_waits_no_longer_than_deckgen_build_wait(tmp_path: Path) -> None:
    """A platform engineer's trial: a hung build held the project and the next CI job waited with no word of how
    long; it waits DECKGEN_BUILD_WAIT seconds (300 by default), says so, then fails with a located error."""
    import fcntl

    root = make_project(tmp_path / "proj", "Answer")
    holder = os.open(root / "deckgen.toml", os.O_RDONLY)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)  # what a running build holds
        waited = subprocess.run(
            [sys.executable, "-m", "deckgen", "build"],
            cwd=root,
            env={**os.environ, "PYTHONPATH": str(REPO), "DECKGEN_BUILD_WAIT": "1", **EPOCH},
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        os.close(holder)
    assert waited.returncode == 1 and "Traceback" not in waited.stderr, waited.stderr
    assert "waits up to 1 s" in waited.stderr
    assert "another deckgen build of this project is still running after 1 s" in waited.stderr


def test_concurrent_builds_over_several_releases(tmp_path: Path) -> None:
    """Three releases, each built by two processes started together: both succeed, and the result
    is exactly what one build would have written."""
    root = make_project(tmp_path / "proj", "Answer")
    assert build(root).returncode == 0
    for release in range(3):
        write(root / "content" / "n1.md", (root / "content" / "n1.md").read_text().replace(".", f". r{release}", 1))
        alone = tmp_path / f"alone{release}"
        shutil.copytree(root, alone)
        assert build(alone).returncode == 0
        env = {**os.environ, "PYTHONPATH": str(REPO), **EPOCH}
        pair = [
            subprocess.Popen(
                [sys.executable, "-m", "deckgen", "build"],
                cwd=root,
                env=env,
                text=True,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for _ in range(2)
        ]
        for process in pair:
            out, err = process.communicate(timeout=300)
            assert process.returncode == 0 and "Traceback" not in err, err
        assert tree(root) == tree(alone), f"release {release}"
