"""What the command line prints through, shared by ``deckgen.cli`` and the typer-free entry point in ``__main__``."""

from __future__ import annotations

import errno
import os
import sys
from typing import TYPE_CHECKING, TextIO

from deckgen.core.errors import DeckgenError, Finding

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console

    from deckgen.core.model import BuildResult
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

    lines = _Report()
    for path, findings in by_file(report):
        lines.add((path, "bold underline"))
        for finding in findings:
            label = ("error", "red") if finding.severity == "error" else ("warning", "yellow")
            lines.add("  ", label, "  " if finding.severity == "error" else "", " ", str(finding))
    lines.add((summary(report), "red" if report.failed(strict) else "green"))
    lines.emit()


def _unstyled_stdout() -> bool:
    """Whether rich would print to stdout without styles (see ``_unstyled``)."""
    return _unstyled(sys.stdout)


def _unstyled(stream: TextIO) -> bool:
    """Whether rich would print to ``stream`` without styles, told without importing rich (a tenth of a quick lint).

    rich's own test (``Console.is_terminal``): ``TTY_COMPATIBLE`` first, then ``FORCE_COLOR``,
    then whether the stream is a terminal; inside IPython it styles regardless. Unsure: False.
    """
    import builtins

    if os.environ.get("NO_COLOR"):
        return True  # no escape codes at all: rich drops the colours but kept bold and underline (a CI engineer's try)
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible == "0":
        return True
    if compatible == "1" or "FORCE_COLOR" in os.environ or hasattr(builtins, "get_ipython"):
        return False
    try:
        return not stream.isatty()
    except (ValueError, AttributeError):  # closed or replaced: rich decides
        return False


Part = tuple[str, str]  # (text, rich style or "")


class _Report:
    """The lines of a report, each a list of styled parts, printed to stdout or stderr in order.

    Through rich on a terminal that shows styles; otherwise (CI, scripts, a pipe) the text rich
    would print, written directly: importing rich was a twentieth of a one-card edit's build.
    """

    def __init__(self) -> None:
        self.lines: list[tuple[bool, list[Part]]] = []

    def add(self, *parts: Part | str, stderr: bool = False) -> None:
        self.lines.append((stderr, [(p, "") if isinstance(p, str) else p for p in parts]))

    def emit(self) -> None:
        from deckgen.core.text import clean

        plain = [(stderr, "".join(clean(text) for text, _ in parts)) for stderr, parts in self.lines]
        streams = {sys.stderr if stderr else sys.stdout for stderr, _ in self.lines}
        if all(_unstyled(stream) for stream in streams) and not any("\t" in text for _, text in plain):
            for stderr, text in plain:  # rich expands tabs: a line with one goes through rich
                print(text, file=sys.stderr if stderr else sys.stdout)
            return
        consoles = {False: rich_console(), True: rich_console(stderr=True)}
        for stderr, parts in self.lines:
            consoles[stderr].print(
                "".join(f"[{style}]{escape(text)}[/{style}]" if style else escape(text) for text, style in parts)
            )


def _in_anki(result: BuildResult, status: str) -> str:
    """' (4 cards in Anki)' after a count of new or changed cards when Anki makes more of them (a Reverse card,
    a cloze with several numbers), the unit of the deck sizes above it; '' otherwise."""
    if status not in ("added", "edited", "restored"):
        return ""
    count, in_anki = result.count(status), result.anki_count(status)
    return f" ({in_anki} cards in Anki)" if in_anki != count else ""


def print_build(result: BuildResult, out_dir: Path, dry_run: bool) -> None:
    """`deckgen build`'s report: warnings, deck sizes, what changed and what was written."""
    report = _Report()
    # a dry run's report lists the build's warnings itself; the unread files' come after it (deckgen.api.build)
    listed = set(result.report.warnings) if dry_run and result.report is not None else set()
    for warning in result.warnings:
        if warning not in listed:
            report.add(("warning", "yellow"), " ", warning, stderr=True)
    for name, count in result.deck_sizes():
        report.add((name, "bold"), f": {count} cards")
    # the statuses deckgen diff and the changelog list; "restored" only when a card came back
    shown = ("added", "restored", "edited", "retired", "unchanged")
    summary = ", ".join(
        f"{result.count(s)} {s}{_in_anki(result, s)}" for s in shown if s != "restored" or result.count(s)
    )
    report.add(f"Changes since deckgen.lock: {summary}")
    retired = [c for c in result.changes if c.status == "retired"]
    if retired:  # learners will be told to suspend or delete these: a mistake here costs them history
        report.add(
            (f"{len(retired)} card{'s' if len(retired) != 1 else ''} retired", "bold yellow"),
            f"{' (if this build is published)' if dry_run else ''} — learners are told to suspend or delete "
            "them; if that is not what you meant, fix the notes before publishing:",
            stderr=True,
        )
        for change in retired:
            # why, when the notes do not say (a generated card curation now drops, after a deckgen upgrade)
            why = f"  [{change.reason}]" if change.reason else ""
            report.add(f"  - {change.old_front or change.uid}{why}", stderr=True)
    if dry_run:
        report.emit()
        if result.report is not None:
            from deckgen.builder.diff import render_text
            from deckgen.core.text import clean

            print(clean(render_text(result.report)))
        report = _Report()
        report.add("Dry run: nothing was written.")
        report.emit()
        return
    if result.up_to_date and not result.outputs:  # (a build after `rm -rf build/` copies the same outputs back)
        report.add("Everything is up to date: nothing to write.")
    kept = set(result.kept)
    for output in result.outputs:
        if output not in kept:
            report.add(f"wrote {output}")
    if result.report is not None:
        from deckgen.builder.changelog import changelog_path, track_changelog_path

        for deck_diff in result.report.decks:
            if deck_diff.bumped:
                report.add(f"wrote {changelog_path(out_dir, deck_diff.slug)} (release {deck_diff.version})")
        for change in result.report.tracks:  # a renamed week or a new pace: the track's learners are told there
            report.add(f"wrote {track_changelog_path(out_dir, change.slug)}")
    if kept:  # an onboarding manager re-sends only what changed
        count = len(kept)
        report.add(
            f"{count} package{'s' if count != 1 else ''} unchanged, left as {'they were' if count != 1 else 'it was'}"
        )
    if result.lock_created:  # a team that committed only its notes would otherwise restart its decks unawares
        report.add(
            "created deckgen.lock: every deck starts at release 1 (commit it with your notes). If these decks were "
            "published before, restore the deckgen.lock they were published with and build again, or learners' "
            "retired cards go unmarked"
        )
    elif result.lock_changed:
        report.add("updated deckgen.lock (commit it with your notes)")
    report.emit()


def print_waiting(message: str) -> None:
    """What a build says while another build of the project holds it."""
    rich_console(stderr=True).print(f"[yellow]waiting[/yellow] {escape(message)}")


_OS_FIXES = {
    errno.ENOSPC: "free some disk space and run the command again",
    errno.EDQUOT: "free some disk space (quota) and run the command again",
    errno.EROFS: "the file system is read-only: use --out (or DECKGEN_OUT) for a writable folder",
    errno.EACCES: "make the file and its folder writable (or readable) for you",
    errno.EPERM: "make the file and its folder writable (or readable) for you",
    errno.ENOENT: "check that the path exists",
}


def findings_of(exc: BaseException) -> tuple[list[Finding], str]:
    """Findings for any error, and what to say about files written so far."""
    if isinstance(exc, DeckgenError):
        return exc.findings, "nothing was written"
    kept = "every file is either its previous version or complete"
    if isinstance(exc, OSError):
        path = os.fsdecode(exc.filename) if exc.filename is not None else "deckgen"
        if os.path.isabs(path) and not os.path.relpath(path).startswith(".."):
            path = os.path.relpath(path)  # messages name project files as the user sees them
        fix = _OS_FIXES.get(exc.errno or 0, "check the path, its permissions and free disk space")
        return [Finding(path, 0, exc.strerror or str(exc), fix, "io")], kept
    if isinstance(exc, UnicodeError):
        return [Finding("deckgen", 0, f"text is not valid UTF-8 ({exc})", "re-save the file as UTF-8", "decode")], kept
    if isinstance(exc, RecursionError):
        return [Finding("deckgen", 0, "data is nested too deeply", "flatten the file", "schema")], kept
    name = type(exc).__name__
    return [
        Finding(
            "deckgen",
            0,
            f"internal error ({name}: {exc})",
            "please report it; DECKGEN_DEBUG=1 shows the traceback",
            "bug",
        )
    ], kept


def print_error(exc: Exception, written: list[str] | None = None, *, read_only: bool = False) -> None:
    """Any error as located findings on stderr, then the count and what was written (the caller exits 1).

    ``read_only``: the command writes no file the user asked for (lint, cards, diff), so the count stands alone.
    Re-raises a bug (not a DeckgenError) when DECKGEN_DEBUG is set, for its traceback.
    """
    if os.environ.get("DECKGEN_DEBUG") and not isinstance(exc, DeckgenError):
        raise exc
    findings, outcome = findings_of(exc)
    console = rich_console(stderr=True)
    for finding in findings:
        label = "[red]error[/red]" if finding.severity == "error" else "[yellow]warning[/yellow]"
        console.print(f"{label} {escape(str(finding))}")
    if written:
        outcome = "wrote " + ", ".join(written) + " before the error; nothing else was written"
    count = len(findings)
    said = "" if read_only and not written else f"; {escape(outcome)}"
    console.print(f"[red]{count} problem{'s' if count != 1 else ''} found{said}.[/red]")
