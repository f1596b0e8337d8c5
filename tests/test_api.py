"""The library API in deckgen/__init__.py: lazy to import, and enough to lint, build and plan."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import deckgen

REPO = Path(__file__).resolve().parent.parent


def test_importing_deckgen_loads_no_stage() -> None:
    code = "import sys, deckgen; print(sorted(m for m in sys.modules if m.startswith(('deckgen.', 'genanki', 'typer', 'yaml'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_api_lints_builds_and_plans_the_shipped_project(tmp_path: Path) -> None:
    project = tmp_path / "project"
    for part in ("content", "decks"):
        shutil.copytree(REPO / part, project / part)
    for name in ("deckgen.toml", "deckgen.lock"):
        shutil.copy2(REPO / name, project / name)
    config = deckgen.load_config(project)
    assert isinstance(config, deckgen.Config)
    report = deckgen.lint(config)
    assert not report.errors
    result = deckgen.build(config, locked=True)
    assert isinstance(result, deckgen.BuildResult)
    assert {Path(p).suffix for p in result.outputs} >= {".apkg"}
    again = deckgen.build(config)
    assert again.up_to_date and not again.outputs  # nothing to do: recognised from the build cache
    text, _ = deckgen.plan(config, "associate-pm", output="markdown")
    assert text.startswith("#")
    assert set(deckgen.__all__) >= {"build", "lint", "plan", "load_config", "Config", "BuildResult"}
