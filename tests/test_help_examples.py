"""Every example in every command's --help prints as written: one whole line per command, at 80 columns."""

from __future__ import annotations

from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from deckgen.cli import app

ROOT: Any = typer.main.get_command(app)


def _commands() -> list[tuple[list[str], Any]]:
    found: list[tuple[list[str], Any]] = [([], ROOT)]
    for name, command in sorted(ROOT.commands.items()):
        found.append(([name], command))
        for sub, subcommand in sorted(getattr(command, "commands", {}).items()):
            found.append(([name, sub], subcommand))
    return found


def _examples(command: Any) -> list[str]:
    text = command.help or ""
    after = text.split("Example", 1)[1]
    return [line.strip() for line in after.splitlines() if line.strip().startswith("deckgen ")]


@pytest.mark.parametrize(
    ("path", "command"), [pytest.param(p, c, id=" ".join(["deckgen", *p])) for p, c in _commands()]
)
def test_each_example_is_one_whole_line_of_help(path: list[str], command: Any) -> None:
    examples = _examples(command)
    assert examples, f"deckgen {' '.join(path)} --help has no example"
    result = CliRunner().invoke(app, [*path, "--help"], terminal_width=80, env={"COLUMNS": "80"})
    assert result.exit_code == 0
    shown = [line.strip() for line in result.stdout.splitlines()]
    for example in examples:
        # copied from the help into a shell, it must run as written: not wrapped, not run into the next one
        assert example in shown, f"{example!r} is not one line of `deckgen {' '.join(path)} --help`"


@pytest.mark.parametrize("path", [[], ["lock"]], ids=["deckgen", "deckgen lock"])
def test_the_list_of_commands_says_what_each_does_in_one_line(path: list[str]) -> None:
    group = ROOT if not path else ROOT.commands[path[0]]
    result = CliRunner().invoke(app, [*path, "--help"], terminal_width=80, env={"COLUMNS": "80"})
    listing = result.stdout.split("Commands:", 1)[1].splitlines()[1:]
    rows = {line.split()[0]: line for line in listing if line.startswith("  ") and not line.startswith("   ")}
    assert set(rows) == set(group.commands)
    for row in rows.values():
        # a description cut at '...' or wrapped onto a second line: what a reader scanning the list cannot use
        assert not row.endswith("..."), row
        assert row.rstrip().endswith("."), row
        assert len(row) <= 80, row
