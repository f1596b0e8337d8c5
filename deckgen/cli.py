"""The ``deckgen`` command line: parse options, call the library, report. Nothing else imports this."""

from __future__ import annotations

import contextlib
import datetime
import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

import typer

from deckgen.core.text import clean

app = typer.Typer(
    name="deckgen",
    help=(
        "Turn reading notes into Anki decks that learners can re-import without losing progress.\n\n"
        "Example:\n\n\b\n"
        "    deckgen init my-decks && cd my-decks && deckgen build"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def _console(stderr: bool = False):  # type: ignore[no-untyped-def]
    from deckgen.console import rich_console

    return rich_console(stderr)


@contextlib.contextmanager
def reporting(written: list[str] | None = None, *, read_only: bool = False) -> Iterator[None]:
    """Turn any error into located findings on stderr and exit code 1, never a traceback.

    ``written``: files the command wrote before the error, named instead of "nothing was written";
    ``read_only``: a command that writes no output (lint, cards, diff) does not say "nothing was written".
    """
    try:
        yield
    except (typer.Exit, typer.Abort, KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # noqa: BLE001 - the one place errors become messages
        from deckgen.console import print_error

        print_error(exc, written, read_only=read_only)
        raise typer.Exit(1) from None


def _escape(text: str) -> str:
    from deckgen.console import escape

    return escape(text)


def _name(name: str) -> str:
    """A file or zip entry name for rich: control and direction characters shown escaped, markup escaped."""
    from deckgen.core.errors import printable

    return _escape(printable(name))


def _echo(text: str, **kwargs: bool) -> None:
    typer.echo(clean(text), **kwargs)  # type: ignore[arg-type]


def _version(value: bool) -> None:
    if value:
        from deckgen import __version__

        typer.echo(f"deckgen {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Turn reading notes into Anki decks that learners can re-import without losing progress."""


@app.command(short_help="Build every deck into build/ and update deckgen.lock.")
def build(
    decks: list[str] | None = typer.Argument(
        None, help="Deck manifests to build (file stem or deck name); all by default."
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="Output directory (default: build/ or DECKGEN_OUT); a relative path is taken from the project's folder, "
        "not the current one.",
    ),
    locked: bool = typer.Option(False, "--locked", help="Fail instead of changing deckgen.lock (for CI)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would change; write nothing."),
) -> None:
    """Build one .apkg per deck manifest into build/ and record card identities in deckgen.lock.

    Rebuilding unchanged notes gives byte-identical files; edited cards get a newer
    change time so learners' re-imports update them in place.

    Example:

    \b
        deckgen build                # every deck in decks/
        deckgen build onboarding --locked
    """
    from deckgen import api
    from deckgen.console import print_waiting

    with reporting():
        config = api.load_config(out_dir=out)
        result = api.build(
            config,
            decks or (),
            locked=locked,
            dry_run=dry_run,
            on_wait=print_waiting,
        )
    from deckgen.console import print_build

    print_build(result, config.out_dir, dry_run)


@app.command(short_help="Create a project with an example note and a deck.")
def init(
    directory: Path = typer.Argument(..., help="Directory for the new project (created if missing)."),
    name: str | None = typer.Option(None, "--name", help="Project name (default: the directory name)."),
) -> None:
    """Create a content project with an example note and a deck that builds at once.

    Example:

    \b
        deckgen init pm-onboarding && cd pm-onboarding && deckgen build
    """
    from deckgen.authoring.scaffold import init_project, set_up_merge_driver

    with reporting():
        files = init_project(directory, name)
    for path in files:
        _echo(f"created {path}")
    _echo(set_up_merge_driver(directory))
    _echo(f"Next: cd {directory} && deckgen build")


@app.command(short_help="Add a note file with a fresh, permanent id to content/.")
def new(
    title: str = typer.Argument(..., help="The essay's title."),
    author: str = typer.Option("", "--author", help="The essay's author."),
    source: str = typer.Option("", "--source", help="Link to the essay."),
    folder: str = typer.Option("", "--folder", help="Subfolder of content/ to put the note in."),
) -> None:
    """Add a note file with a fresh, permanent id to content/.

    Example:

    \b
        deckgen new "Good Product Manager/Bad Product Manager" --author "Ben Horowitz"
    """
    from deckgen.authoring.scaffold import deck_hint, new_note
    from deckgen.core.config import load_config

    with reporting():
        config = load_config()
        path = new_note(config, title, author, source, folder)
        hint = deck_hint(config, path)
    _echo(f"created {path}")
    if hint:
        _console(stderr=True).print(f"[yellow]warning[/yellow] {_escape(hint)}")


class PlanFormat(str, Enum):
    """Output formats of ``deckgen plan``."""

    text = "text"
    markdown = "markdown"
    json = "json"
    ics = "ics"


def _parse_date(value: str | None) -> datetime.date | None:
    if value is None:
        return None
    from deckgen.sources.cohorts import PLAUSIBLE_DAYS, plausible_day

    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02") from None
    if not plausible_day(day):
        raise typer.BadParameter(f"{value} is {PLAUSIBLE_DAYS}; check the year")
    return day


def _days_off(values: list[str]) -> list[datetime.date]:
    from deckgen.sources.cohorts import MAX_DAYS_OFF, days_between

    days: list[datetime.date] = []
    for value in values:
        first, _, last = value.partition("..")
        start, end = _parse_date(first.strip()), _parse_date((last or first).strip())
        assert start is not None and end is not None
        if end < start:
            raise typer.BadParameter(f"{value!r} ends before it starts; write FIRST..LAST")
        if (end - start).days >= MAX_DAYS_OFF:
            raise typer.BadParameter(f"{value!r} is longer than {MAX_DAYS_OFF} days")
        days.extend(days_between(start, end))
    return days


@app.command(short_help="Plan a track for a person or a cohort: weeks, daily minutes.")
def plan(
    track: str | None = typer.Argument(None, help="Track to plan: its file stem in decks/tracks/ (or its title)."),
    cohort: str | None = typer.Option(
        None, "--cohort", help="Plan every hire of decks/cohorts/NAME.yaml instead of one track."
    ),
    start: str | None = typer.Option(None, "--start", help="First day, YYYY-MM-DD (default: next Monday)."),
    new_per_day: int | None = typer.Option(
        None, "--new-per-day", min=1, max=500, help="New cards a day (default: the track's new_per_day, else 20)."
    ),
    days_per_week: int = typer.Option(
        5, "--days-per-week", min=1, max=7, help="Study days a week, from Monday (5 = weekdays)."
    ),
    day_off: list[str] | None = typer.Option(
        None,
        "--day-off",
        metavar="DATE[..DATE]",
        help="A day off (a holiday; repeat it), or a range FIRST..LAST; a cohort file lists its own as days_off.",
    ),
    output: PlanFormat = typer.Option(
        PlanFormat.text,
        "--format",
        "-f",
        help="text, markdown (for an onboarding doc), json, or ics (--cohort only: one calendar file per hire).",
    ),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Folder for the .ics files (default: build/cohorts/COHORT/)."
    ),
) -> None:
    """Plan a track for a person, or a cohort hire by hire: weeks, cards, daily minutes, finish date.

    Warns when a stage does not fit its week at that pace and suggests a pace that does.
    The workload model (Anki's default learning steps, review intervals, seconds per
    card) is described in the README. With --cohort, each hire's track, start date and
    pace come from decks/cohorts/NAME.yaml; --format ics writes each hire a calendar.

    Example:

    \b
        deckgen plan associate-pm --start 2026-03-02 --new-per-day 10 --format markdown
        deckgen plan associate-pm --start 2026-12-07 --day-off 2026-12-24..2027-01-01
        deckgen plan --cohort spring-2026 --format ics
    """
    from deckgen import api

    if track is not None and cohort is not None:
        typer.echo("error: name a track or give --cohort NAME, not both", err=True)
        raise typer.Exit(2)
    if track is None and cohort is None:
        typer.echo(f"error: name a track ({_track_names()}) or give --cohort NAME", err=True)
        raise typer.Exit(2)
    if cohort is not None and (start or new_per_day or days_per_week != 5 or day_off):
        typer.echo(
            "error: --start, --new-per-day, --days-per-week and --day-off come from the cohort file with --cohort",
            err=True,
        )
        raise typer.Exit(2)
    if cohort is None and (output is PlanFormat.ics or out is not None):
        typer.echo("error: --format ics and --out need --cohort", err=True)
        raise typer.Exit(2)
    first_day = _parse_date(start)
    off = _days_off(day_off or [])
    calendars: list[tuple[Path, bool]] = []
    with reporting():
        if cohort is not None:
            from deckgen.builder.planning import cohort_plan_for

            schedule_text, warnings, calendars = cohort_plan_for(api.load_config(), cohort, output.value, out)
        else:
            assert track is not None and output is not PlanFormat.ics
            schedule_text, warnings = api.plan(
                api.load_config(), track, first_day, new_per_day, days_per_week, output.value, off
            )
    _echo(schedule_text, nl=False)
    for path, changed in calendars:  # a manager sends the changed ones (again)
        _echo(f"wrote {path}" if changed else f"unchanged {path} (the same events: no need to send it again)")
    err = _console(stderr=True)
    for warning in warnings:  # from reading the decks; pace warnings are part of the plan itself
        err.print(f"[yellow]warning[/yellow] {_escape(warning)}")


def _track_names() -> str:
    """The project's track names, for a usage error ('e.g. associate-pm, product-lead'); a hint if there are none."""
    from deckgen.sources.layout import track_files

    try:
        from deckgen import api

        decks = api.load_config().decks_dir
    except Exception:  # noqa: BLE001 - only a hint: a broken project is the command's own error to report
        return "a file stem in decks/tracks/"
    files = track_files(decks)
    return "e.g. " + ", ".join(path.stem for path in files) if files else "there is none in decks/tracks/ yet"


class ProgressFormat(str, Enum):
    """Output formats of ``deckgen progress``."""

    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"


@app.command(short_help="Report who in a cohort is on pace, from their Anki exports.")
def progress(
    cohort: str = typer.Argument(..., help="The cohort: its file stem in decks/cohorts/."),
    exports: list[str] = typer.Argument(
        ..., help="The hires' .apkg exports, named after the hire (ana.apkg) or given as NAME=FILE."
    ),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Count up to the end of this day, YYYY-MM-DD (default: yesterday in the cohort's zone)."
    ),
    output: ProgressFormat = typer.Option(
        ProgressFormat.text, "--format", "-f", help="text, markdown, json, or html (a page for the manager)."
    ),
    out: Path | None = typer.Option(
        None, "--out", "-o", help="Write the report to FILE (html default: build/progress/COHORT-DATE.html)."
    ),
) -> None:
    """Report who in a cohort is on pace, from each hire's own Anki export (with scheduling).

    Needs the Anki engine: .venv/bin/pip install ".[progress]" in the checkout. Only the track's cards are
    read (matched by note GUID); other decks and card content never reach the report.
    An unusable export is reported with its file name; the other hires still get a row.
    Exit 1 when any export could not be used; a file named after no hire is skipped with a warning.

    Example:

    \b
        deckgen progress spring-2026 exports/*.apkg --as-of 2026-03-20
        deckgen progress spring-2026 ana=ana-week3.apkg bo.apkg --format html
    """
    from deckgen.builder.planning import progress_for, save_progress
    from deckgen.core.config import load_config
    from deckgen.tracks.progress import render

    day = _parse_date(as_of)
    # (a day later than today anywhere on earth: no answer can have been given by its end yet; an onboarding
    # manager's year typo, 2027 for 2026, read as a year of missed study)
    if day is not None and day > datetime.date.today() + datetime.timedelta(days=1):
        raise typer.BadParameter(
            f"{as_of} is after today ({datetime.date.today()}): check the year", param_hint="--as-of"
        )
    with reporting():
        config = load_config()
        report, warnings = progress_for(config, cohort, exports, day)
    text = render(report, output.value)
    with reporting():
        target = save_progress(config, report, text, output.value, out)
    if target is None:
        _echo(text, nl=False)
    else:
        typer.echo(f"wrote {target}")
    err = _console(stderr=True)
    for warning in warnings:
        err.print(f"[yellow]warning[/yellow] {_escape(warning)}")
    for finding in report.problems:
        err.print(f"[red]error[/red] {_escape(str(finding))}")
    if report.problems:
        count = len(report.problems)
        err.print(
            f"[red]{count} export{'s' if count != 1 else ''} could not be used; the report covers the rest.[/red]"
        )
        raise typer.Exit(1)


@app.command(short_help="Check notes, cards and deck manifests; report each problem.")
def lint(
    targets: list[str] | None = typer.Argument(
        None,
        metavar="notes",
        help="Only report on these notes, files or folders (paths or note ids); the whole library is still checked.",
    ),
    output: str = typer.Option(
        "text", "--format", "-f", help="text (grouped by file), json, or github (workflow annotations)."
    ),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too."),
    explain: str | None = typer.Option(
        None, "--explain", metavar="RULE", help="Explain one rule, with a bad and a good example."
    ),
    rules: bool = typer.Option(False, "--rules", help="Print the rule reference (Markdown) and exit."),
) -> None:
    """Check every note, card and deck manifest; report each problem as file:line:col: rule: message — fix.

    Exit 1 on errors, 0 with warnings only (--strict: 1). `deckgen build` runs the same
    checks and refuses to build on errors. Silence a quality rule on one card with an
    `Ignore: L8` line; thresholds live in deckgen.toml [lint].

    Example:

    \b
        deckgen lint
        deckgen lint content/essays/norton-empathy.md --strict
        deckgen lint --format github --strict
        deckgen lint --explain L4
    """
    from deckgen.quality.catalogue import explain as explain_rule
    from deckgen.quality.catalogue import find_rule, rules_markdown

    if rules:
        typer.echo(rules_markdown(), nl=False)
        return
    if explain is not None:
        rule = find_rule(explain)
        if rule is None:
            _echo(f"no rule named '{explain}'; see `deckgen lint --rules`", err=True)
            raise typer.Exit(2)
        if output == "json":  # a CI step asked for JSON gets JSON (a CI engineer's try: it printed the text)
            from dataclasses import asdict

            typer.echo(json.dumps(asdict(rule), ensure_ascii=False, indent=1))
        else:
            typer.echo(explain_rule(rule))
        return
    if output not in ("text", "json", "github"):
        _echo(f"unknown --format '{output}': use text, json or github", err=True)
        raise typer.Exit(2)
    from deckgen import api
    from deckgen.core.errors import DeckgenError
    from deckgen.linter.format import summary, to_github, to_json
    from deckgen.linter.run import LintReport, lint_scope

    root = None
    with reporting(read_only=True):
        try:
            config = api.load_config()
            root = config.root
            scope = lint_scope(config, targets) if targets else None
            report = api.lint(config)
        except DeckgenError as exc:
            if output == "text":
                raise
            # a problem with the project itself (deckgen.toml, the lock): a CI step reading json or annotations
            # gets it where it reads the rest, not only on stderr
            report, scope = LintReport(tuple(exc.findings)), None
    elsewhere = 0
    if scope is not None:
        whole = report
        report = whole.only(*scope)
        elsewhere = len(whole.findings) - len(report.findings)
    if output == "json":
        typer.echo(to_json(report))
    elif output == "github":
        if report.findings:
            _echo(to_github(report, root))
        _echo(summary(report))
    else:
        from deckgen.console import print_lint

        print_lint(report, strict)
        if elsewhere:
            _echo(f"({elsewhere} more in other files: `deckgen lint` shows them)")
    if report.failed(strict):
        raise typer.Exit(1)


@app.command("import", short_help="Convert seed-text, Obsidian or Notion notes into content/.")
def import_notes(
    files: list[Path] = typer.Argument(
        ...,
        help="Files to import: seed-style .txt notes, Obsidian or Notion .md exports, a .zip export of them, or a folder.",
    ),
    into: Path | None = typer.Option(None, "--into", help="Folder for new notes (default: content/)."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would be written; write nothing."),
    vault: Path | None = typer.Option(
        None,
        "--vault",
        help="Root folder images may be copied from (e.g. an Obsidian vault); default: each file's folder.",
    ),
) -> None:
    """Convert notes from the seed text format, Obsidian or Notion into deckgen notes.

    Title, source link and author are taken from the file (the author may be inferred
    from the blurb: "Ken Norton spent a decade…"); every guess is marked '# CHECK:' in
    the note's front matter. Re-importing a file updates the note it made before with
    what changed in the source since the last import (recorded in .deckgen-import/:
    commit it) and keeps every change the curator made; where both changed the same
    line of a part, the curator's line is kept and the conflict reported. --dry-run
    shows the diff.

    A zip file (Notion's "Export" as Markdown, a zipped Obsidian folder) or a folder imports
    every note in it, with the images beside them; its pages that have no sections are skipped.

    Example:

    \b
        deckgen import ~/notes/empathy.txt "Export/RICE 0a9e….md" --into content/essays
        deckgen import ~/Downloads/Export-2f6c….zip
    """
    from deckgen.authoring.importing import import_notes as run_import
    from deckgen.core.config import load_config

    with reporting():
        config = load_config()
        results = run_import(config, files, into, dry_run=dry_run, vault=vault)
    console = _console()
    for result in results:
        if result.status == "skipped":
            console.print(f"skipped {_name(result.source)}: {_escape('; '.join(result.unsure))}")
            continue
        verb = (
            {"created": "would create", "updated": "would update", "unchanged": "unchanged"}[result.status]
            if dry_run
            else result.status
        )
        console.print(
            f"{verb} {_name(config.rel(result.target))} (id {_escape(result.note_id)}, from {_name(result.source)}, "
            f"{result.format})"
        )
        for original, dest in result.images:
            verb_image = "would copy" if dry_run else "copied"
            console.print(f"  {verb_image} image {_name(str(original))} to {_name(config.rel(dest))}")
        for note in result.unsure:
            console.print(f"  [yellow]check[/yellow] {_escape(note)}")
        for conflict in result.conflicts:
            console.print(f"  [yellow]conflict[/yellow] {_escape(conflict)}")
        if dry_run and result.diff:
            _echo(result.diff, nl=False)
    if dry_run:
        console.print("Dry run: nothing was written.")


@app.command(short_help="Preview a note's cards, authored and generated, with their keys.")
def cards(
    note: str = typer.Argument(..., help="The note: its id or its file path."),
    shipping: bool = typer.Option(False, "--shipping", help="Only the cards that would go into decks."),
    output_format: str = typer.Option(
        "text", "--format", "-f", help="text (for people) or json: a list of {key, rule, kind, front, back, reverse}."
    ),
    reject: list[str] = typer.Option(
        [], "--reject", metavar="KEY", help="Stop a generated card shipping: adds KEY to the note's generate: reject."
    ),
    accept: list[str] = typer.Option(
        [], "--accept", metavar="KEY", help="Mark a generated card reviewed: adds KEY to the note's generate: accept."
    ),
) -> None:
    """Preview a note's cards without building: authored ones and every generated one with its key.

    Each generated card shows whether it ships and, if not, why (rejected, replaced by an
    authored card with its id, asks what an authored card asks, …). Curate with --reject
    KEY (or --accept KEY): deckgen writes the key into the note's 'generate:' for you. A
    '## Cards' entry with 'id: KEY' rewrites a generated card.

    Example:

    \b
        deckgen cards norton-empathy
        deckgen cards norton-empathy --reject g.critique.risks-romanticizing-empathy
        deckgen cards norton-empathy --shipping --format json
    """
    from deckgen.cards.curation import preview
    from deckgen.cards.generate import authored_cards, draft_cards, generators_for
    from deckgen.cards.load import parse_checked
    from deckgen.core.config import load_config
    from deckgen.core.errors import ContentError
    from deckgen.sources.notes import find_note_file

    with reporting(read_only=True):
        config = load_config()
        path = find_note_file(config.root, config.content_dir, note, "cards")
        rel = config.rel(path)
        settings = config.section("generate")
        decision = None
        stale: ContentError | None = None
        if reject or accept:
            from deckgen.authoring.curate import decide

            decision, result = decide(path, rel, generators_for(settings), settings, reject=reject, accept=accept)
        else:
            found = parse_checked(path, rel)
            authored, problems = authored_cards(found)
            if problems:
                raise ContentError(problems)
            try:
                result = preview(found, authored, generators_for(settings), settings)
            except ContentError as exc:
                if not all(f.rule == "generate" for f in exc.findings):
                    raise
                # a reject/accept key that reaches no card: the preview is how the curator finds today's key, so
                # it is shown below the error (and the command still fails, as the build would)
                stale = exc
                result = preview(found, authored, generators_for(settings), settings, check_keys=False)
    if stale is not None:
        from deckgen.console import print_error

        print_error(stale, read_only=True)
    if decision is not None:
        # a PM lead's try: rejecting an accepted key took it out of 'accept' without a word
        done = [
            f"rejected {k} (it no longer ships{'; taken out of accept' if k in decision.moved else ''})"
            for k in decision.rejected
        ]
        done += [
            f"accepted {k}{' (taken out of reject: it ships again)' if k in decision.moved else ''}"
            for k in decision.accepted
        ]
        said = "; ".join(done) if done else "the note already says so; nothing written"
        typer.echo(f"{decision.rel}: {said}", err=True)
    if output_format not in ("text", "json"):
        typer.echo(f"error: --format must be text or json, not {output_format!r}", err=True)
        raise typer.Exit(1)
    drafts = [] if shipping else draft_cards(result.note)  # waiting for the curator: shown, never shipped
    if output_format == "json":
        rows = [_card_json(card, "authored", "") for card in result.authored]
        rows += [_card_json(card, "authored", "draft") for card in drafts]
        # the note's order: by line, then by where the card's sentence sits within its paragraph
        body = "\n".join(section.text for section in result.note.sections)
        generated = sorted(
            (v for v in result.verdicts if v.ships or not shipping),
            key=lambda v: (v.card.line, body.find(v.card.extra) if v.card.extra else -1, v.card.key),
        )
        rows += [
            _card_json(v.card, v.card.origin.removeprefix("generated:"), "" if shipping else v.status)
            for v in generated
        ]
        _echo(json.dumps(rows, ensure_ascii=False, indent=1))
        if stale is not None:
            raise typer.Exit(1)
        return
    console = _console()
    author = f" — {result.note.author}" if result.note.author else ""
    console.print(f"[bold]{_escape(result.note.title)}[/bold]{_escape(author)} ({_escape(result.note.path)})")
    ships = sum(v.ships for v in result.verdicts)
    waiting = f", {len(drafts)} draft{'s' if len(drafts) != 1 else ''}" if drafts else ""
    console.print(f"{len(result.authored)} authored{waiting}, {len(result.verdicts)} generated ({ships} ship)")
    for card in result.authored:
        _print_card(console, "authored", card, "")
    for card in drafts:
        _print_card(console, "draft", card, "waits for you: 'Status: approved' ships it, 'Status: rejected' drops it")
    for verdict in result.verdicts:
        if shipping and not verdict.ships:
            continue
        label = "ships" if verdict.ships else verdict.status
        _print_card(console, label, verdict.card, verdict.reason)
    if result.quiet:
        sections = ", ".join(f"'## {heading}'" for heading in result.quiet)
        console.print(
            f"\n[dim]No generated card from {_escape(sections)}: the generator found no sentence there it could ask"
            " about well. Write your own cards for the ideas that matter under '## Cards'.[/dim]"
        )
    if stale is not None:
        raise typer.Exit(1)  # the build refuses the note until the key is fixed


def _card_json(card, rule: str, status: str) -> dict[str, str | bool]:  # type: ignore[no-untyped-def]
    """One card as the JSON of ``deckgen cards --format json``."""
    row: dict[str, str | bool] = {"key": card.key, "rule": rule, "kind": "cloze" if card.kind == "cloze" else "qa"}
    row |= {"front": card.front, "back": card.back, "reverse": card.reverse}
    if status:
        row["status"] = status
    return row


def _print_card(console, label: str, card, reason: str) -> None:  # type: ignore[no-untyped-def]
    colour = {"authored": "cyan", "ships": "green"}.get(label, "yellow")
    origin = card.origin.removeprefix("generated:")
    console.print(f"\n[{colour}]{label:<10}[/{colour}] {_escape(card.key)}  [dim]{origin}, line {card.line}[/dim]")
    if reason:
        console.print(f"           [dim]{_escape(reason)}[/dim]")
    if card.kind == "cloze":
        console.print(f"  C: {_escape(card.front)}")
    else:
        console.print(f"  Q: {_escape(card.front)}")
        console.print(f"  A: {_escape(card.back)}")
        if card.reverse:
            console.print(f"  Reverse: yes — Anki also asks it backwards: {_escape(card.back)} → the question")


@app.command(short_help="Show what the next build changes for learners, per deck.")
def diff(
    decks: list[str] | None = typer.Argument(
        None, help="Deck manifests to compare (file stem or deck name); all by default."
    ),
    output_format: str = typer.Option("text", "--format", "-f", help="text (for people) or json (for scripts)."),
) -> None:
    """Show what the next build changes for learners, per deck; write nothing.

    Lists the cards added, edited (old and new text side by side), unchanged, retired
    and moved between decks, note types whose templates or CSS changed, and every
    decision that matched an edited card to its earlier self.

    Example:

    \b
        deckgen diff
        deckgen diff onboarding --format json > diff.json
    """
    import json

    from deckgen.builder.diff import render_text
    from deckgen.builder.pipeline import plan_build
    from deckgen.core.config import load_config

    if output_format not in ("text", "json"):
        _echo(f"error: --format must be text or json, not {output_format!r}", err=True)
        raise typer.Exit(2)
    with reporting(read_only=True):
        plan = plan_build(load_config(), decks or ())
    assert plan.report is not None
    if output_format == "json":
        _echo(json.dumps(plan.report.to_json(), ensure_ascii=False, indent=2))  # no raw control characters
        return
    _echo(render_text(plan.report))


@app.command(short_help="Ask a language model to draft cards for notes.")
def draft(
    notes: list[str] = typer.Argument(..., help="Note files (or note ids) to draft cards for."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show the drafts; leave the note unchanged."),
    base_url: str | None = typer.Option(
        None, "--base-url", help="OpenAI-compatible API base URL (default: [ai] base_url or DECKGEN_AI_BASE_URL)."
    ),
    model: str | None = typer.Option(None, "--model", help="Model name (default: [ai] model or DECKGEN_AI_MODEL)."),
    max_cards: int | None = typer.Option(
        None, "--max-cards", min=1, help="Most drafts to ask for per note (default 8)."
    ),
    timeout: float | None = typer.Option(
        None, "--timeout", min=1, help="Seconds to wait for the server (default 120)."
    ),
) -> None:
    """Ask a language model to draft cards for notes, and write them into each note for you to review.

    The only command that uses the network: it sends each note's text to the configured chat-completions server and says where before sending. Drafts land in the note's '## Cards' with 'Status: draft', the sentence of the note that supports them ('Quote:') and their card-quality findings; drafts whose quote is not in the note are dropped.

    Builds skip drafts until you change 'Status: draft' to 'Status: approved'; 'Status: rejected' keeps a draft out for good.

    Example:

    \b
        deckgen draft content/essays/norton-empathy.md
        deckgen draft norton-empathy --dry-run --base-url http://localhost:11434/v1 --model llama3.2
    """
    from deckgen.authoring.draft import prepare, run
    from deckgen.authoring.llm import ChatClient, ai_settings
    from deckgen.core.config import load_config

    console = _console()
    err = _console(stderr=True)
    written: list[str] = []
    with reporting(written):
        config = load_config()
        settings = ai_settings(
            config, {"base_url": base_url, "model": model, "max_cards": max_cards, "timeout": timeout}
        )
        jobs = [prepare(config, target, settings) for target in notes]
        client = ChatClient(settings)
        if settings.key_in_clear:
            err.print(
                "[yellow]warning[/yellow] the API key will be sent unencrypted (plain http to another machine); use https"
            )
        for job in jobs:
            key = " with an API key" if settings.api_key else ""
            err.print(
                f"Sending {_escape(job.rel)} ({job.chars:,} characters){key} to {_escape(settings.shown_endpoint)}, model {_escape(settings.model)} …"
            )
            result = run(job, client, settings, dry_run=dry_run)
            for dropped in result.dropped:
                err.print(f"[yellow]dropped[/yellow] {_escape(dropped.summary)} — {_escape(dropped.reason)}")
            if result.attempts > 1:
                err.print("[yellow]note[/yellow] the first reply was malformed; the second was used")
            if not result.drafts:
                console.print(f"{_escape(result.rel)}: no new drafts")
                continue
            count = f"{len(result.drafts)} draft{'s' if len(result.drafts) != 1 else ''}"
            if dry_run:
                console.print(f"{_escape(result.rel)}: {count} would be added:")
                console.print(_escape(result.inserted))
            else:
                if result.written:
                    written.append(result.rel)
                console.print(
                    f"{_escape(result.rel)}: wrote {count} — review them, then set "
                    "'Status: approved' or 'Status: rejected'"
                )
    if dry_run:
        console.print("Dry run: no note was changed.")


lock_app = typer.Typer(
    help=(
        "deckgen.lock on branches: the git merge driver, and resolving a lock a merge left in conflict.\n\n"
        "Example:\n\n\b\n"
        "    deckgen lock install-merge-driver   # once per clone\n"
        "    deckgen lock resolve && deckgen build   # after a merge left conflict markers"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(lock_app, name="lock", short_help="deckgen.lock on git branches: merge driver, conflicts.")


def _print_merge(lines: list[str]) -> None:
    err = _console(stderr=True)  # a merge driver's stdout is not the place: git may show stderr
    for line in lines:
        err.print(_escape(line))


@lock_app.command("merge", short_help="Merge two branches' deckgen.lock (git's merge driver).")
def lock_merge(
    base: Path = typer.Argument(..., help="The common ancestor's deckgen.lock (git's %O)."),
    ours: Path = typer.Argument(..., help="This branch's deckgen.lock, replaced by the result (git's %A)."),
    theirs: Path = typer.Argument(..., help="The other branch's deckgen.lock (git's %B)."),
) -> None:
    """Merge two branches' deckgen.lock (the git merge driver; set up by `deckgen lock install-merge-driver`).

    Keeps every card identity of both sides and, for a card changed on both, the newer
    change time; a deck released on both sides is released again by the next build.
    Run `deckgen build` on the merge and commit deckgen.lock.

    Example (what `deckgen lock install-merge-driver` puts in git config):
        deckgen lock merge %O %A %B
    """
    from deckgen.lock.merge import merge_files

    with reporting():
        report = merge_files(base, ours, theirs)
    _print_merge(report.lines())


@lock_app.command("resolve", short_help="Resolve a lock that a merge left with conflict markers.")
def lock_resolve() -> None:
    """Resolve a deckgen.lock that a merge left with conflict markers (e.g. a hosted merge button).

    Both sides are merged as the merge driver would (every identity kept, the newest change
    times); then run `deckgen build` and commit. A lock git still holds unmerged with no
    markers (the merge driver's command failed) is merged from git's index the same way.

    Example:

    \b
        git merge feature   # CONFLICT (content): Merge conflict in deckgen.lock
        deckgen lock resolve && deckgen build && git add deckgen.lock && git commit
    """
    from deckgen.core.config import load_config
    from deckgen.lock.merge import resolve_file

    with reporting():
        config = load_config()
        report = resolve_file(config.lock_path)
    _print_merge(report.lines())


@lock_app.command("install-merge-driver", short_help="Make git merge deckgen.lock with deckgen.")
def lock_install_merge_driver() -> None:
    """Make git merge deckgen.lock with deckgen: writes .gitattributes and this clone's git config.

    Each clone runs it once (git config is not committed); commit .gitattributes.

    Example:

    \b
        deckgen lock install-merge-driver && git add .gitattributes && git commit -m "merge deckgen.lock"
    """
    from deckgen.core.config import load_config
    from deckgen.lock.merge import install_merge_driver

    with reporting():
        config = load_config()
        done = install_merge_driver(config.root)
    for line in done:
        typer.echo(line)


def main() -> None:
    """Console-script entry point."""
    try:
        app(prog_name="deckgen")
    except SystemExit as done:
        # rich and click answer a reader that closed the pipe (`deckgen cards NOTE | head`) with status 1, which
        # bash's pipefail turns into a failed step although the command did its work (as `deckgen lint | head` did)
        closed = isinstance(done.__context__, BrokenPipeError) or type(sys.stdout).__name__ == "PacifyFlushWrapper"
        if done.code == 1 and closed:  # (both have sent what is left of stdout nowhere)
            sys.exit(0)
        raise


if __name__ == "__main__":  # pragma: no cover
    main()
