"""Bounded and complete: size limits are checked before reading, the no-op check reads only
files the build reads, lint reads everything the build reads (tracks too), and the authoring
commands cannot write outside the project or write invalid YAML."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import MINIMAL_TOML, REPO, run_deckgen, write

NOTE = """---
id: norton-empathy
title: Empathy and Product Management
author: Ken Norton
---
A short blurb.

## Cards

Q: What does Norton mean by empathy as craft?
A: A set of learnable moves.
"""


def project(root: Path) -> Path:
    write(root / "deckgen.toml", MINIMAL_TOML)
    write(root / "content" / "n.md", NOTE)
    write(root / "decks" / "d.yaml", "deck: D\nnotes: all\n")
    return root


def peak_rss_mb(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run deckgen in a fresh child and report the child's peak memory (MB)."""
    script = (
        "import resource, subprocess, sys, os\n"
        "done = subprocess.run([sys.executable, '-m', 'deckgen', *sys.argv[1:]], capture_output=True, text=True)\n"
        "sys.stdout.write(done.stdout); sys.stderr.write(done.stderr)\n"
        "print('RSS', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(done.returncode)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    rss = int(run.stderr.rsplit("RSS", 1)[1].split()[0]) / 1024
    return run, rss


def test_a_huge_note_is_refused_before_it_is_read(tmp_path: Path) -> None:
    root = project(tmp_path / "proj")
    with open(root / "content" / "huge.md", "wb") as handle:  # sparse: no disk used
        handle.truncate(400 * 1024 * 1024)
    run, rss = peak_rss_mb("lint", cwd=root)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "content/huge.md: schema: file is 419,430,400 bytes, over the 1,000,000 limit" in run.stdout
    assert rss < 250, f"lint used {rss:.0f} MB on a 400 MB note"


def test_the_no_op_check_never_reads_files_the_build_does_not_read(tmp_path: Path) -> None:
    root = project(tmp_path / "proj")
    assert run_deckgen("build", cwd=root).returncode == 0
    with open(root / "content" / "talk.mp4", "wb") as handle:
        handle.truncate(400 * 1024 * 1024)
    run, rss = peak_rss_mb("build", cwd=root)
    assert run.returncode == 0, run.stderr
    assert "up to date" in run.stdout
    assert rss < 250, f"a no-op build used {rss:.0f} MB next to a 400 MB video"


def test_lint_reads_tracks(tmp_path: Path) -> None:
    root = project(tmp_path / "proj")
    write(
        root / "decks" / "tracks" / "apm.yaml", "track: APM\nrole: APM\nstages:\n  - title: W1\n    decks: [missing]\n"
    )
    lint = run_deckgen("lint", cwd=root)
    assert lint.returncode == 1, lint.stdout
    assert "decks/tracks/apm.yaml:5:1: unknown-deck" in lint.stdout
    assert run_deckgen("build", cwd=root).returncode == 1  # lint passing means build will not refuse


def test_a_note_id_with_a_trailing_newline_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path / "proj")
    write(root / "content" / "n.md", NOTE.replace("id: norton-empathy", 'id: "norton-empathy\\n"'))
    lint = run_deckgen("lint", cwd=root)
    assert lint.returncode == 1 and "content/n.md:2:1" in lint.stdout, lint.stdout


def test_new_cannot_write_outside_the_content_folder(tmp_path: Path) -> None:
    root = project(tmp_path / "proj")
    for folder in ("../../escape", str(tmp_path / "abs"), "../decks"):
        run = run_deckgen("new", "A Title", "--folder", folder, cwd=root)
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
        assert "--folder" in run.stderr and "is outside content/" in run.stderr
    assert not (tmp_path / "escape").exists() and not (tmp_path / "abs").exists()
    assert sorted(p.name for p in (root / "decks").iterdir()) == ["d.yaml"]
    assert run_deckgen("new", "A Title", "--folder", "essays/2026", cwd=root).returncode == 0


def test_new_with_a_newline_in_the_title_writes_valid_yaml(tmp_path: Path) -> None:
    root = project(tmp_path / "proj")
    run = run_deckgen("new", 'Line one\nid: hijack\n"quoted" \\ back\x07', "--author", "A\nB", cwd=root)
    assert run.returncode == 0, run.stderr
    (path,) = [p for p in (root / "content").glob("*.md") if p.name != "n.md"]
    front = yaml.safe_load(path.read_text().split("---\n")[1])
    assert front["title"] == 'Line one id: hijack "quoted" \\ back\x07'
    assert front["author"] == "A B" and front["id"] != "hijack"
    lint = run_deckgen("lint", cwd=root)
    assert f"{path.relative_to(root)}:2" not in lint.stdout and "schema" not in lint.stdout, lint.stdout


def test_a_deeply_nested_deckgen_toml_is_a_located_error(tmp_path: Path) -> None:
    root = project(tmp_path / "proj")
    write(root / "deckgen.toml", MINIMAL_TOML + "deep = " + "[" * 5000 + "]" * 5000 + "\n")
    run = run_deckgen("build", cwd=root)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "deckgen.toml: config: cannot read the file: values are nested too deeply" in run.stderr


def test_a_card_whose_shipped_bytes_change_but_not_its_text_is_listed_as_a_safety_update(tmp_path: Path) -> None:
    """Escaping changes a card's bytes (so its mod, so learners get it): the changelog says why."""
    from deckgen.lock.records import read_lock

    root = project(tmp_path / "proj")
    write(
        root / "content" / "n.md", NOTE.replace("A set of learnable moves.", "A set of learnable moves [sound:x.mp3].")
    )
    assert run_deckgen("build", cwd=root).returncode == 0
    lock_path = root / "deckgen.lock"
    # what an older deckgen shipped for this card: the same text rendered without the escaping
    lock = read_lock(lock_path)
    (note_id, key, record), *_ = [r for r in lock.records() if r[1] != "g.author"]
    text = lock_path.read_text(encoding="utf-8").replace(record.hash, "0" * len(record.hash))
    lock_path.write_text(text, encoding="utf-8")
    assert run_deckgen("build", cwd=root).returncode == 0
    changelog = (root / "build" / "d.changelog.md").read_text(encoding="utf-8")
    latest = changelog.split("## Release")[1]
    assert "**Display and safety updates (1)**" in latest, latest
    assert "**Changed" not in latest
    assert "What does Norton mean by empathy as craft?" in latest


@pytest.mark.parametrize("repeated", [" _a", " a,", " A."])
def test_a_long_line_of_one_pattern_does_not_stall_lint(repeated: str, tmp_path: Path) -> None:
    """'_a _a _a …', 'a, a, a, …' or 'A. A. A. …' on one line made a pattern scan the rest of the line (or of the
    sentence) again at each repeat: 120 KB took lint 64-111 s (bench/lint.py --large-only), a note at the 1 MB limit
    hours. The timeout is a hang guard far above the linear time (under a second), not a speed target."""
    root = project(tmp_path / "proj")
    line = repeated * 40_000  # 120 KB on one line, under the size limit
    section = f"A short blurb.\n\n## Central argument\n\nNorton argues that empathy matters.{line}\n"
    write(root / "content" / "n.md", NOTE.replace("A short blurb.\n", section))
    run = run_deckgen("lint", cwd=root, timeout=45)
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode in (0, 1), run.stderr


def test_a_note_with_an_unresolved_merge_conflict_is_refused(tmp_path: Path) -> None:
    """A merge of two edits to one card left its markers: lint passed and the build shipped both versions
    with '<<<<<<< HEAD' on the card. Now an error at the first marker, and nothing is written."""
    root = project(tmp_path / "proj")
    conflicted = NOTE.replace(
        "A: A set of learnable moves.\n",
        "<<<<<<< HEAD\nA: A set of learnable moves.\n=======\nA: Concrete, learnable moves.\n>>>>>>> theirs\n",
    )
    write(root / "content" / "n.md", conflicted)
    line = conflicted.splitlines().index("<<<<<<< HEAD") + 1
    _refused_by_lint_and_build(
        root, f"content/n.md:{line}:1: schema: an unresolved git merge conflict (lines {line}-{line + 4})"
    )


def _refused_by_lint_and_build(root: Path, expected: str, hidden: str = "") -> None:
    """Both commands exit 1 with ``expected`` (and never show ``hidden``), and the build writes nothing."""
    for command in ("lint", "build"):
        run = run_deckgen(command, cwd=root)
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
        assert expected in run.stdout + run.stderr
        assert not hidden or hidden not in run.stdout + run.stderr
    assert not (root / "build").exists()


@pytest.mark.parametrize("control", ["\x1b[2J", "\x07", "\x9b"])
def test_a_control_character_in_a_note_is_a_located_error(tmp_path: Path, control: str) -> None:
    """An escape sequence pasted into an answer shipped raw into the package and the changelog (a terminal
    printing the changelog obeyed it). Now an error at its line and column, and nothing is written."""
    root = project(tmp_path / "proj")
    write(root / "content" / "n.md", NOTE.replace("A: A set of", f"A: A {control}set of"))
    line = NOTE.splitlines().index("A: A set of learnable moves.") + 1
    expected = f"content/n.md:{line}:6: schema: an invisible control character (U+{ord(control[0]):04X})"
    _refused_by_lint_and_build(root, expected, hidden=control)
