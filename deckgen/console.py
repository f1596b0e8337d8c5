"""What the command line prints through, shared by ``deckgen.cli`` and the typer-free entry point in ``__main__``."""

from __future__ import annotations

import errno
import os
import sys
from typing import TYPE_CHECKING

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
    from deckgen.core.text import clean
    from deckgen.linter.format import by_file, summary

    console = None if _unstyled_stdout() else rich_console()
    if console is None or console.color_system is None:
        # No styles to write (not a terminal, the usual case for CI and scripts): the text rich
        # would print, written directly. rich's fixed cost per line was most of a lint with
        # 4,000 findings, and one print of them all is quadratic in rich.
        lines = []
        for path, findings in by_file(report):
            lines.append(clean(path))
            lines += [f"  {'error  ' if f.severity == 'error' else 'warning'} {clean(str(f))}" for f in findings]
        lines.append(clean(summary(report)))
        text = "\n".join(lines) + "\n"
        if "\t" not in text:  # rich expands tabs to the next tab stop
            (sys.stdout if console is None else console.file).write(text)
            return
        console = rich_console()
    for path, findings in by_file(report):
        console.print(f"[bold underline]{escape(path)}[/bold underline]")
        for finding in findings:
            label = "[red]error[/red]  " if finding.severity == "error" else "[yellow]warning[/yellow]"
            console.print(f"  {label} {escape(str(finding))}")
    style = "red" if report.failed(strict) else "green"
    console.print(f"[{style}]{escape(summary(report))}[/{style}]")


def _unstyled_stdout() -> bool:
    """Whether rich would print to stdout without styles, told without importing rich (a tenth of a quick lint).

    rich's own test (``Console.is_terminal``): ``TTY_COMPATIBLE`` first, then ``FORCE_COLOR``,
    then whether stdout is a terminal; inside IPython it styles regardless. Unsure: False.
    """
    import builtins

    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible == "0":
        return True
    if compatible == "1" or "FORCE_COLOR" in os.environ or hasattr(builtins, "get_ipython"):
        return False
    try:
        return not sys.stdout.isatty()
    except (ValueError, AttributeError):  # closed or replaced: rich decides
        return False


def print_build(result: BuildResult, out_dir: Path, dry_run: bool) -> None:
    """`deckgen build`'s report: warnings, deck sizes, what changed and what was written."""
    console = rich_console()
    err = rich_console(stderr=True)
    if not (dry_run and result.report is not None):  # a dry run's report lists the warnings itself
        for warning in result.warnings:
            err.print(f"[yellow]warning[/yellow] {escape(warning)}")
    for name, count in result.deck_sizes():
        console.print(f"[bold]{escape(name)}[/bold]: {count} cards")
    summary = ", ".join(f"{result.count(s)} {s}" for s in ("added", "edited", "retired", "unchanged"))
    console.print(f"Changes since deckgen.lock: {summary}")
    retired = [c for c in result.changes if c.status == "retired"]
    if retired:  # learners will be told to suspend or delete these: a mistake here costs them history
        err.print(
            f"[bold yellow]{len(retired)} card{'s' if len(retired) != 1 else ''} retired[/bold yellow]"
            f"{' (if this build is published)' if dry_run else ''} — learners are told to suspend or delete "
            "them; if that is not what you meant, fix the notes before publishing:"
        )
        for change in retired:
            err.print(f"  - {escape(change.old_front or change.uid)}")
    if dry_run:
        if result.report is not None:
            from deckgen.builder.diff import render_text
            from deckgen.core.text import clean

            print(clean(render_text(result.report)))
        console.print("Dry run: nothing was written.")
        return
    if result.up_to_date and not result.outputs:  # (a build after `rm -rf build/` copies the same outputs back)
        console.print("Everything is up to date: nothing to write.")
    for output in result.outputs:
        console.print(f"wrote {escape(output)}")
    if result.report is not None:
        from deckgen.builder.changelog import changelog_path

        for deck_diff in result.report.decks:
            if deck_diff.bumped:
                console.print(f"wrote {changelog_path(out_dir, deck_diff.slug)} (release {deck_diff.version})")
    if result.lock_changed:
        console.print("updated deckgen.lock (commit it with your notes)")


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


def print_error(exc: Exception, written: list[str] | None = None) -> None:
    """Any error as located findings on stderr, then the count and what was written (the caller exits 1).

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
    console.print(f"[red]{count} problem{'s' if count != 1 else ''} found; {escape(outcome)}.[/red]")
