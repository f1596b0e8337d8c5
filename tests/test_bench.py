"""The benchmark script runs end to end at a small size, so it cannot rot (figures are not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import REPO

MEASURES = (
    "--help",
    "no-op rebuild",
    "one-note edit -> build",
    "lint after one edit",
    "cold build, cache kept",
    "truly cold build",
    "peak RSS MiB (cold)",
    "genanki reference",
)


def run_bench(*args: str) -> subprocess.CompletedProcess[str]:
    """``python bench/run.py ARGS`` from the test's folder, its output captured as text."""
    return subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), *args], capture_output=True, text=True, timeout=600
    )


def test_bench_prints_every_measure_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = run_bench("--notes", "24", "--decks", "3", "--runs", "1", "--json", str(out))
    assert done.returncode == 0, done.stderr
    for measure in MEASURES:
        assert measure in done.stdout
    assert "no-op / --help (CPU)" in done.stdout
    data = json.loads(out.read_text())
    assert data["figures"]["notes"] == 24 and data["figures"]["cards"] >= 24 * 3  # ~1 generated card per idea now
    assert all(value > 0 for value in data["medians"]["this"].values())


def test_compare_outputs_runs_and_counts_the_lint_text_as_an_output() -> None:
    """bench/compare_outputs.py (the byte-identity check of a change) runs end to end on this checkout
    against itself, and a difference in what `deckgen lint` prints fails it like a differing package."""
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "compare_outputs.py"), str(REPO), "--notes", "24"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "ALL OUTPUTS IDENTICAL" in done.stdout
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import compare_outputs
    finally:
        sys.path.remove(str(REPO / "bench"))
    same = {"build/a.apkg": "1", compare_outputs.LINT: "2"}
    assert compare_outputs.compare("t", same, dict(same))
    assert not compare_outputs.compare("t", same, {**same, compare_outputs.LINT: "3"})


def test_bench_times_a_real_project_with_library(tmp_path: Path) -> None:
    """`--library DIR` times a copy of a real project (here the shipped content/ and decks/), every measure."""
    out = tmp_path / "bench.json"
    lock = (REPO / "deckgen.lock").read_bytes()
    done = run_bench("--library", str(REPO), "--runs", "1", "--json", str(out))
    assert done.returncode == 0, done.stderr
    assert f"the project {REPO}" in done.stdout
    data = json.loads(out.read_text())
    assert data["figures"]["notes"] == len(list((REPO / "content").rglob("*.md")))
    assert all(value > 0 for value in data["medians"]["this"].values())
    assert (REPO / "deckgen.lock").read_bytes() == lock  # the project itself is only read: its copy is edited


def test_bench_scale_times_the_edit_at_two_sizes_in_alternating_runs() -> None:
    """`--scale N` (the issue's "an edit at 20,000 notes at most twice the edit at 2,000" and "truly cold at most
    10x") times the one-note edit, lint after it and the truly cold build, at --notes and at N notes, and prints
    each pair's ratio of medians."""
    done = run_bench("--notes", "12", "--scale", "36", "--decks", "2", "--runs", "2")
    assert done.returncode == 0, done.stderr
    rows = {line.split("  ")[0]: line for line in done.stdout.splitlines()}
    assert "12 notes CPU s" in done.stdout and "36 notes CPU s" in done.stdout
    for measure in ("one-note edit -> build", "lint after one edit", "truly cold build"):
        assert rows[measure].rstrip().endswith("x"), done.stdout
    assert "no-op rebuild" not in done.stdout  # the scale mode times nothing else
