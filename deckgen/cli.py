"""The ``deckgen`` command line: parse options, call the library, report. Nothing else imports this."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Iterator, List, Optional

import typer

from deckgen.errors import DeckgenError

app = typer.Typer(
    name="deckgen",
    help=(
        "Turn reading notes into Anki decks that learners can re-import without losing progress.\n\n"
        "Example:\n\n"
        "    deckgen init my-decks && cd my-decks && deckgen build"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


def _console(stderr: bool = False):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


@contextlib.contextmanager
def reporting() -> Iterator[None]:
    """Turn a DeckgenError into its findings on stderr and exit code 1."""
    try:
        yield
    except DeckgenError as exc:
        console = _console(stderr=True)
        for finding in exc.findings:
            label = "[red]error[/red]" if finding.severity == "error" else "[yellow]warning[/yellow]"
            console.print(f"{label} {_escape(str(finding))}")
        count = len(exc.findings)
        console.print(f"[red]{count} problem{'s' if count != 1 else ''} found; nothing was written.[/red]")
        raise typer.Exit(1) from None


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _version(value: bool) -> None:
    if value:
        from deckgen import __version__

        typer.echo(f"deckgen {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Turn reading notes into Anki decks that learners can re-import without losing progress."""


@app.command()
def build(
    decks: Optional[List[str]] = typer.Argument(None, help="Deck manifests to build (file stem or deck name); all by default."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output directory (default: build/ or DECKGEN_OUT)."),
    locked: bool = typer.Option(False, "--locked", help="Fail instead of changing deckgen.lock (for CI)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would change; write nothing."),
) -> None:
    """Build one .apkg per deck manifest into build/ and record card identities in deckgen.lock.

    Rebuilding unchanged notes gives byte-identical files; edited cards get a newer
    change time so learners' re-imports update them in place.

    Example:

        deckgen build                # every deck in decks/

        deckgen build onboarding --locked
    """
    from deckgen.config import load_config
    from deckgen.pipeline import build as run_build

    with reporting():
        config = load_config(out_dir=out)
        result = run_build(config, decks or (), locked=locked, dry_run=dry_run)
    console = _console()
    err = _console(stderr=True)
    if not (dry_run and result.report is not None):  # a dry run's report lists the warnings itself
        for warning in result.warnings:
            err.print(f"[yellow]warning[/yellow] {_escape(warning)}")
    for deck in result.decks:
        console.print(f"[bold]{_escape(deck.spec.name)}[/bold]: {len(deck.cards)} cards")
    summary = ", ".join(f"{result.count(s)} {s}" for s in ("added", "edited", "retired", "unchanged"))
    console.print(f"Changes since deckgen.lock: {summary}")
    if dry_run:
        if result.report is not None:
            from deckgen.diff import render_text

            typer.echo(render_text(result.report))
        console.print("Dry run: nothing was written.")
    else:
        for output in result.outputs:
            console.print(f"wrote {output}")
        if result.report is not None:
            from deckgen.changelog import changelog_path

            for deck_diff in result.report.decks:
                if deck_diff.bumped:
                    console.print(f"wrote {changelog_path(config.out_dir, deck_diff.slug)} (release {deck_diff.version})")
        if result.lock_changed:
            console.print("updated deckgen.lock (commit it with your notes)")


@app.command()
def init(
    directory: Path = typer.Argument(..., help="Directory for the new project (created if missing)."),
    name: Optional[str] = typer.Option(None, "--name", help="Project name (default: the directory name)."),
) -> None:
    """Create a content project with an example note and a deck that builds at once.

    Example:

        deckgen init pm-onboarding && cd pm-onboarding && deckgen build
    """
    from deckgen.scaffold import init_project

    with reporting():
        files = init_project(directory, name)
    for path in files:
        typer.echo(f"created {path}")
    typer.echo(f"Next: cd {directory} && deckgen build")


@app.command()
def new(
    title: str = typer.Argument(..., help="The essay's title."),
    author: str = typer.Option("", "--author", help="The essay's author."),
    source: str = typer.Option("", "--source", help="Link to the essay."),
    folder: str = typer.Option("", "--folder", help="Subfolder of content/ to put the note in."),
) -> None:
    """Add a note file with a fresh, permanent id to content/.

    Example:

        deckgen new "Good Product Manager/Bad Product Manager" --author "Ben Horowitz"
    """
    from deckgen.config import load_config
    from deckgen.scaffold import new_note

    with reporting():
        path = new_note(load_config(), title, author, source, folder)
    typer.echo(f"created {path}")


@app.command()
def diff(
    decks: Optional[List[str]] = typer.Argument(None, help="Deck manifests to compare (file stem or deck name); all by default."),
    output_format: str = typer.Option("text", "--format", "-f", help="text (for people) or json (for scripts)."),
) -> None:
    """Show what the next build changes for learners, per deck; write nothing.

    Lists the cards added, edited (old and new text side by side), unchanged, retired
    and moved between decks, note types whose templates or CSS changed, and every
    decision that matched an edited card to its earlier self.

    Example:

        deckgen diff

        deckgen diff onboarding --format json > diff.json
    """
    import json

    from deckgen.config import load_config
    from deckgen.diff import render_text
    from deckgen.pipeline import plan_build

    if output_format not in ("text", "json"):
        typer.echo(f"error: --format must be text or json, not {output_format!r}", err=True)
        raise typer.Exit(2)
    with reporting():
        plan = plan_build(load_config(), decks or ())
    assert plan.report is not None
    if output_format == "json":
        typer.echo(json.dumps(plan.report.to_json(), ensure_ascii=False, indent=2))
        return
    typer.echo(render_text(plan.report))


def main() -> None:
    """Console-script entry point."""
    app(prog_name="deckgen")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
