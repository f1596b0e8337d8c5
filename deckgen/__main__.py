"""``python -m deckgen`` and the ``deckgen`` command.

A build with nothing to do, the commonest command of a curator's loop and of CI, is
answered here before typer loads (typer, click and pydantic cost more than the check
itself). Anything else, and anything unexpected on the way, goes to :mod:`deckgen.cli`,
which does the same check and prints the same report.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO


def _styled(text: str, code: str, stream: TextIO) -> str:
    """``text`` in an ANSI style on a colour terminal, as the full CLI's console prints it."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") in ("dumb", "unknown"):
        return text
    return f"\x1b[{code}m{text}\x1b[0m" if stream.isatty() or os.environ.get("FORCE_COLOR") else text


def _build_options(args: list[str]) -> Path | None | bool:
    """The --out of a plain ``build [--locked] [--out DIR]``; False for any other command line."""
    if not args or args[0] != "build":
        return False
    out: Path | None = None
    rest = args[1:]
    while rest:
        arg = rest.pop(0)
        if arg == "--locked":
            continue  # a no-op build changes nothing, so it cannot change deckgen.lock
        if arg in ("--out", "-o") and rest and not rest[0].startswith("-"):
            out = Path(rest.pop(0))
        elif arg.startswith("--out=") and len(arg) > 6:
            out = Path(arg[6:])
        else:
            return False
    return out


def noop_build(args: list[str]) -> bool:
    """Report an up-to-date ``deckgen build`` and return True; False when the full CLI must run."""
    out = _build_options(args)
    if out is False:
        return False
    try:
        from deckgen.builder.cache import build_options, noop_summary, read_state
        from deckgen.core.config import load_config
        from deckgen.core.text import clean

        config = load_config(out_dir=out if isinstance(out, Path) else None)
        state = read_state(config.out_dir, [])
        if state is None:
            return False
        summary = noop_summary(config, state, build_options(config, (), True))
        if summary is not None:
            warnings, decks, cards = summary.get("warnings", []), summary.get("decks", []), summary.get("cards", 0)
        else:  # edits that change no card leave the outputs as they are (deckgen.builder.incremental)
            from deckgen.builder.incremental import replayed_build

            result = replayed_build(config, state)
            if result is None:
                return False
            warnings, decks, cards = list(result.warnings), list(result.up_to_date), result.unchanged
    except Exception:  # noqa: BLE001 - the full CLI reports any problem, located
        return False
    # the lines deckgen.cli prints for an up-to-date BuildResult (read_state checked their types)
    for warning in warnings:
        print(f"{_styled('warning', '33', sys.stderr)} {clean(warning)}", file=sys.stderr)
    for name, count in decks:
        print(f"{_styled(clean(name), '1', sys.stdout)}: {count} cards")
    print(f"Changes since deckgen.lock: 0 added, 0 edited, 0 retired, {cards} unchanged")
    print("Everything is up to date: nothing to write.")
    return True


def quick_lint(args: list[str]) -> int | None:
    """The exit code of a plain ``lint [--strict]`` after edits that change no card; None for the full CLI."""
    if not args or args[0] != "lint" or any(arg != "--strict" for arg in args[1:]):
        return None
    try:
        from deckgen.builder.incremental import open_note_cache, replayed_lint
        from deckgen.core.config import load_config

        config = load_config()
        report = replayed_lint(config, open_note_cache(config, [], lazy=True))
    except Exception:  # noqa: BLE001 - the full CLI reports any problem, located
        return None
    if report is None:
        return None
    from deckgen.console import print_lint

    strict = "--strict" in args
    print_lint(report, strict)
    return 1 if report.failed(strict) else 0


def main() -> None:
    """Console-script entry point."""
    if noop_build(sys.argv[1:]):
        sys.stdout.flush()
        return
    code = quick_lint(sys.argv[1:])
    if code is not None:
        sys.stdout.flush()
        sys.exit(code)
    from deckgen.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
