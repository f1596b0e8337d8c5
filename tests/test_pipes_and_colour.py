"""CI details a CI engineer's try found: `deckgen lint | head` printed a BrokenPipeError traceback and exited 1 on a
lint with warnings only (bash's pipefail, GitHub Actions' default shell, failed the step), and with NO_COLOR on a
terminal lint still wrote bold and underline codes. Both fail on 3942156."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write


def test_lint_piped_into_head_exits_with_the_lints_status_and_no_traceback(shipped: Path) -> None:
    note = (shipped / "content" / "essays" / "norton-empathy.md").read_text()
    for n in range(40):  # thousands of near-duplicate warnings: far more than a pipe holds
        write(shipped / "content" / "essays" / f"dup{n}.md", note.replace("id: norton-empathy", f"id: dup-{n}"))
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    for _ in range(2):  # the full lint, then the one the cache answers
        proc = subprocess.Popen(
            [sys.executable, "-m", "deckgen", "lint"],
            cwd=shipped,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()  # `| head -1`
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=300) == 0, err  # warnings only
        assert "Traceback" not in err and "BrokenPipe" not in err, err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_color_means_no_escape_codes_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    from deckgen import console

    for name in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert not console._unstyled(_Terminal())  # a terminal gets styles
    monkeypatch.setenv("NO_COLOR", "1")
    assert console._unstyled(_Terminal())  # rich would drop the colours but keep bold and underline


def test_github_annotations_name_files_from_the_repositorys_root(shipped: Path, tmp_path: Path) -> None:
    """A CI engineer's try: in a monorepo with the project in notes/, `lint --format github` wrote
    'file=content/essays/…', a path GitHub could not find in the repository, so no annotation showed on the pull
    request. Paths are given from GITHUB_WORKSPACE when the project lies inside it. Fails on 3c56c4e."""
    from conftest import run_deckgen

    note = shipped / "content" / "essays" / "norton-empathy.md"
    note.write_text(note.read_text().replace("## Cards\n", "## Cards\n\nQ: Is empathy important?\nA: Yes.\n\n", 1))
    inside = run_deckgen("lint", "--format", "github", cwd=shipped, env={"GITHUB_WORKSPACE": str(shipped.parent)})
    assert f"file={shipped.name}/content/essays/norton-empathy.md," in inside.stdout, inside.stdout
    at_root = run_deckgen("lint", "--format", "github", cwd=shipped, env={"GITHUB_WORKSPACE": str(shipped)})
    assert "file=content/essays/norton-empathy.md," in at_root.stdout
    elsewhere = run_deckgen("lint", "--format", "github", cwd=shipped, env={"GITHUB_WORKSPACE": str(tmp_path / "x")})
    assert "file=content/essays/norton-empathy.md," in elsewhere.stdout


def test_cards_piped_into_head_exits_zero(shipped: Path, tmp_path: Path) -> None:
    # click's own handling of a closed pipe exits 1: `deckgen cards NOTE | head` failed a pipefail step
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    cards = "\n\n".join(
        f"Q: What is item {n} of the long list?\nA: The item numbered {n}, " + "x" * 80 for n in range(900)
    )
    write(  # far more text than a pipe holds: the reader's close is sure to cut the preview short
        shipped / "content" / "essays" / "many.md",
        f"---\nid: many\ntitle: Many\nauthor: A Person\n---\n\n## Cards\n\n{cards}\n",
    )
    errors = tmp_path / "stderr.txt"
    with errors.open("wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "deckgen", "cards", "many"],
            cwd=shipped,
            env=env,
            stdout=subprocess.PIPE,
            stderr=sink,  # a file: a pipe could fill with the preview's warnings before stdout is read
        )
        assert proc.stdout is not None
        proc.stdout.readline()
        proc.stdout.close()  # `| head -1`
        status = proc.wait(timeout=300)
    err = errors.read_text()
    assert status == 0, err
    assert "Traceback" not in err, err
