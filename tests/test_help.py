"""Every command explains itself with an example (the sqlite-utils test_docs pattern)."""

from __future__ import annotations

import pytest
import typer.main
from typer.testing import CliRunner

from deckgen.cli import app

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_top_level_help_lists_commands() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.stdout
    assert "Example" in result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout and f"deckgen {name}" in result.stdout
    # help is printed without rich markup: an escape meant for it shows as written ('default: \\[ai] model', 4dcc2e8)
    assert "\\[" not in result.stdout
    # the usage line names arguments once ('lint [OPTIONS] [[NOTES]...]...' read as a typo to a PM lead)
    assert "[[" not in result.stdout.splitlines()[0] and "]...]" not in result.stdout.splitlines()[0]
    # ... and in one style: lower case like every other command's ('[decks]...'), not 'lint [OPTIONS] [NOTES]...'
    words = (
        result.stdout.splitlines()[0].replace("Usage:", "").replace("[OPTIONS]", "").replace("COMMAND [ARGS]...", "")
    )
    assert words == words.lower() or name == "lock", words


def test_usage_error_exits_2() -> None:
    assert CliRunner().invoke(app, ["build", "--no-such-option"]).exit_code == 2
