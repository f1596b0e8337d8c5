"""``python -m deckgen`` and the ``deckgen`` command.

A build with nothing to do, the commonest command of a curator's loop and of CI, is
answered here before typer loads (typer, click and pydantic cost more than the check
itself). A plain ``build`` that has work to do runs here too, without typer, reusing what
the check found (the build state, the refused replay); a plain ``lint`` likewise. Anything
else, and anything unexpected before the build starts, goes to :mod:`deckgen.cli`, which
does the same check and prints the same report.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

if TYPE_CHECKING:
    from deckgen.core.config import Config
    from deckgen.core.model import BuildResult

_T = TypeVar("_T")


def _styled(text: str, code: str, stream: TextIO) -> str:
    """``text`` in an ANSI style on a colour terminal, as the full CLI's console prints it."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") in ("dumb", "unknown"):
        return text
    return f"\x1b[{code}m{text}\x1b[0m" if stream.isatty() or os.environ.get("FORCE_COLOR") else text


def _build_options(args: list[str]) -> tuple[Path | None, bool] | None:
    """(--out, --locked) of a plain ``build [--locked] [--out DIR]``; None for any other command line."""
    if not args or args[0] != "build":
        return None
    out: Path | None = None
    locked = False
    rest = args[1:]
    while rest:
        arg = rest.pop(0)
        if arg == "--locked":
            locked = True
        elif arg in ("--out", "-o") and rest and not rest[0].startswith("-"):
            out = Path(rest.pop(0))
        elif arg.startswith("--out=") and len(arg) > 6:
            out = Path(arg[6:])
        else:
            return None
    return out, locked


def run_build(args: list[str]) -> int | None:
    """The exit code of a plain ``deckgen build`` run here; None when the full CLI must run it."""
    options = _build_options(args)
    if options is None:
        return None
    out, locked = options
    # The check and the replay keep per-note records (at 20,000 notes: the input hashes, the
    # snapshot) and make almost no garbage; the collector rescanning them again and again cost
    # 0.15 s of a 1.1 s prose-edit build at 20,000 notes (3 paired runs). The full build pauses
    # it too (deckgen.builder.pipeline.gc_paused).
    was = gc.isenabled()
    gc.disable()
    try:
        return _plain_build(out, locked)
    finally:
        if was:
            gc.enable()


def _plain_build(out: Path | None, locked: bool) -> int | None:
    """:func:`run_build` once its command line is read."""
    restored: BuildResult | None = None
    try:
        from deckgen.builder.cache import build_options, noop_summary, read_state
        from deckgen.core.config import load_config
        from deckgen.core.text import clean

        config = load_config(out_dir=out)
        state = read_state(config.out_dir, [])
        summary = noop_summary(config, state, build_options(config, (), True)) if state is not None else None
        if summary is not None:
            warnings, decks, cards = summary.get("warnings", []), summary.get("decks", []), summary.get("cards", 0)
        elif state is not None:  # edits that change no card leave the outputs as they are (deckgen.builder.incremental)
            from deckgen.builder.incremental import replayed_build

            result = replayed_build(config, state)  # a no-op build changes nothing, so --locked cannot fail
            if result is None:
                return _full_build(config, locked)
            warnings, decks, cards = list(result.warnings), list(result.up_to_date), result.unchanged
        else:  # no build state: `rm -rf build/`, whose outputs the project's cache may copy back
            from deckgen.builder.cache import restored_build

            restored = restored_build(config)
            if restored is None:
                return _full_build(config, locked)
    except Exception:  # noqa: BLE001 - the full CLI reports any problem, located
        return None
    if restored is not None:  # the outputs were copied back: reported as the full build reports its outputs
        from deckgen.api import with_unread_warnings
        from deckgen.console import print_build

        print_build(with_unread_warnings(config, restored), config.out_dir, dry_run=False)
        return 0
    from deckgen.sources.layout import unread_warnings

    warnings = [
        *warnings,
        *unread_warnings(config.content_dir, config.rel, config.decks_dir),
    ]  # no cache knows of them (a PM lead's try)
    # the lines deckgen.cli prints for an up-to-date BuildResult (read_state checked their types)
    for warning in warnings:
        print(f"{_styled('warning', '33', sys.stderr)} {clean(warning)}", file=sys.stderr)
    for name, count in decks:
        print(f"{_styled(clean(name), '1', sys.stdout)}: {count} cards")
    print(f"Changes since deckgen.lock: 0 added, 0 edited, 0 retired, {cards} unchanged")
    print("Everything is up to date: nothing to write.")
    return 0


def _reported(work: Callable[[], _T], *, read_only: bool = False) -> _T | None:
    """``work()``, or None once its error is reported as deckgen.cli reports one (the caller exits 1)."""
    try:
        return work()
    except KeyboardInterrupt:
        print("\nAborted!", file=sys.stderr)  # what the CLI framework says
    except Exception as exc:  # noqa: BLE001 - the one place (with deckgen.cli.reporting) errors become messages
        from deckgen.console import print_error

        print_error(exc, read_only=read_only)
    return None


def _full_build(config: Config, locked: bool) -> int:
    """``deckgen build`` after the checks above found work to do: the pipeline, reported as deckgen.cli reports it."""
    from deckgen.builder.pipeline import build
    from deckgen.console import print_build, print_waiting

    # What deckgen.api.build checks first was just checked: the state is not up to date, and
    # the replay was refused (the pipeline does not try it again).
    result = _reported(lambda: build(config, locked=locked, check_up_to_date=False, on_wait=print_waiting))
    if result is None:
        return 1
    from deckgen.api import with_unread_warnings

    print_build(with_unread_warnings(config, result), config.out_dir, dry_run=False)
    return 0


def quick_lint(args: list[str]) -> int | None:
    """The exit code of a plain ``lint [--strict]`` run here; None when the full CLI must run it."""
    if not args or args[0] != "lint" or any(arg != "--strict" for arg in args[1:]):
        return None
    # As for a build (run_build): the replay reads the snapshot's records and makes almost no
    # garbage; the collector rescanning them was 44 collections, 11 ms of the 0.30 s (in-process
    # CPU) of a lint after a card edit at 2,000 notes (gc.callbacks). The full lint runs with it on.
    was = gc.isenabled()
    gc.disable()
    try:
        from deckgen.builder.incremental import open_note_cache, replayed_lint
        from deckgen.core.config import load_config

        config = load_config()
        report = replayed_lint(config, open_note_cache(config, [], lazy=True))  # edits that change no card
        if report is not None:
            from deckgen.linter.run import with_unread_files

            report = with_unread_files(config, report)  # as deckgen.api.lint: no cache knows of them
    except Exception:  # noqa: BLE001 - the full CLI reports any problem, located
        return None
    finally:
        if was:
            gc.enable()
    if report is None:  # the full lint, as deckgen.cli runs it (the replay just refused is not tried again)
        from deckgen.api import lint

        report = _reported(lambda: lint(config), read_only=True)
        if report is None:
            return 1
    from deckgen.console import print_lint

    strict = "--strict" in args
    try:
        print_lint(report, strict)
    except BrokenPipeError:  # `deckgen lint | head`: the reader has what it wanted; the status is the lint's
        _stdout_closed()
    return 1 if report.failed(strict) else 0


def _stdout_closed() -> None:
    """Send what is left of stdout nowhere: its reader closed the pipe (a CI engineer's try printed a traceback, and
    bash's pipefail failed the step on a lint with warnings only)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main() -> None:
    """Console-script entry point."""
    code: int | None = None
    try:
        code = run_build(sys.argv[1:])
        if code is None:
            code = quick_lint(sys.argv[1:])
        if code is not None:
            sys.stdout.flush()
    except BrokenPipeError:  # a build's report cut short by its reader: the build itself is done
        _stdout_closed()
        code = 0 if code is None else code
    if code is not None:
        sys.exit(code)
    from deckgen.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
