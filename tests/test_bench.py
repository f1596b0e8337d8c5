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


def test_bench_prints_every_measure_and_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "run.py"),
            "--notes",
            "24",
            "--decks",
            "3",
            "--runs",
            "1",
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    for measure in MEASURES:
        assert measure in done.stdout
    assert "no-op / --help (CPU)" in done.stdout
    data = json.loads(out.read_text())
    assert data["figures"]["notes"] == 24 and data["figures"]["cards"] > 24 * 4
    assert all(value > 0 for value in data["medians"]["this"].values())
