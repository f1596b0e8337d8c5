"""Shared fixtures: throw-away projects in tmp_path, and the CLI run in-process or as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))  # the benchmark's library helpers serve the tests too
from synthetic import copy_project  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Most tests use generated author cards as ordinary cards to build, retire and import;
# the author rule is opt-in since generation became idea-based, so these projects switch it on.
MINIMAL_TOML = '[project]\nname = "Test"\nnamespace = "test-namespace-0001"\n\n[generate]\ninclude = ["author"]\n'


def write(path: Path, text: str) -> Path:
    """Create parent folders and write ``text``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty project (deckgen.toml only) in a temp directory."""
    root = tmp_path / "proj"
    write(root / "deckgen.toml", MINIMAL_TOML)
    return root


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A copy of the repository's own content/, decks/, deckgen.toml and deckgen.lock."""
    return copy_project(REPO, tmp_path / "shipped")


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliResult]:
    """Run ``deckgen ARGS`` in-process from directory ``cwd``."""
    from deckgen.cli import app

    def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> CliResult:
        monkeypatch.chdir(cwd)
        result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


def run_deckgen(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m deckgen ARGS`` as a real process using this checkout's code."""
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "deckgen", *args], cwd=cwd, env=full_env, text=True, capture_output=True, timeout=timeout
    )


class CliResult:
    """Exit code and captured output of an in-process CLI run."""

    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code, self.stdout, self.stderr = exit_code, stdout, stderr

    def __repr__(self) -> str:
        return f"CliResult({self.exit_code}, stdout={self.stdout!r}, stderr={self.stderr!r})"


# A note with one card, for tests about decks and releases rather than card text.
ONE_CARD_NOTE = """\
---
id: {id}
title: {title}
author: Ada Example
---
Blurb.

## Cards

Q: In Example's '{title}', what is the point?
A: {answer}
"""
