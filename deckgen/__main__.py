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
        summary = noop_summary(config, state, build_options(config, (), True)) if state is not None else None
    except Exception:  # noqa: BLE001 - the full CLI reports any problem, located
        return False
    if summary is None:
        return False
    # the lines deckgen.cli prints for an up-to-date BuildResult (read_state checked their types)
    for warning in summary.get("warnings", []):
        print(f"{_styled('warning', '33', sys.stderr)} {clean(warning)}", file=sys.stderr)
    for name, count in summary.get("decks", []):
        print(f"{_styled(clean(name), '1', sys.stdout)}: {count} cards")
    print(f"Changes since deckgen.lock: 0 added, 0 edited, 0 retired, {summary.get('cards', 0)} unchanged")
    print("Everything is up to date: nothing to write.")
    return True


def main() -> None:
    """Console-script entry point."""
    if noop_build(sys.argv[1:]):
        sys.stdout.flush()
        return
    from deckgen.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
