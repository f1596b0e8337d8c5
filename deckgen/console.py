"""What the command line prints through, shared by ``deckgen.cli`` and the typer-free entry point in ``__main__``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from deckgen.linter.run import LintReport


def rich_console(stderr: bool = False) -> Console:
    """The console every command prints through."""
    from rich.console import Console

    # emoji=False: a finding at line 100 is "file:100:1", never "file💯1"; content is
    # printed through escape(), so rich markup only ever comes from deckgen's own strings.
    return Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False)


def escape(text: str) -> str:
    """``text`` safe to print through rich: no terminal control characters, no markup."""
    from rich.markup import escape as escape_markup

    from deckgen.core.text import clean

    return escape_markup(clean(text))


def print_lint(report: LintReport, strict: bool) -> None:
    """`deckgen lint`'s text report: findings grouped by file, then the summary line."""
    from deckgen.linter.format import by_file, summary

    console = rich_console()
    for path, findings in by_file(report):
        console.print(f"[bold underline]{escape(path)}[/bold underline]")
        for finding in findings:
            label = "[red]error[/red]  " if finding.severity == "error" else "[yellow]warning[/yellow]"
            console.print(f"  {label} {escape(str(finding))}")
    style = "red" if report.failed(strict) else "green"
    console.print(f"[{style}]{escape(summary(report))}[/{style}]")
