"""The library API: what the CLI, ``bench/`` and ``scripts/`` call. Each function raises, never prints.

    import deckgen
    config = deckgen.load_config(Path("my-project"))
    report = deckgen.lint(config)
    result = deckgen.build(config)
    print(deckgen.plan(config, "associate-pm"))

Heavy stages are imported inside the functions, so ``import deckgen`` and a build with
nothing to do stay fast.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from deckgen.core.config import Config, load_config
from deckgen.core.errors import ConfigError
from deckgen.core.model import BuildResult

if TYPE_CHECKING:
    from deckgen.linter.run import LintReport
    from deckgen.tracks.workload import OutputFormat

__all__ = ["BuildResult", "Config", "build", "lint", "load_config", "plan"]


def build(
    config: Config,
    decks: Sequence[str] = (),
    *,
    locked: bool = False,
    dry_run: bool = False,
    on_wait: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build every (or the named) deck into ``config.out_dir`` and update deckgen.lock.

    A build whose inputs and outputs are unchanged since the last one is recognised from
    the build cache before the rest of deckgen is imported, and returns at once. Its warnings
    name every file in content/ that looks like a note but is not read.
    """
    return with_unread_warnings(config, _build(config, decks, locked=locked, dry_run=dry_run, on_wait=on_wait))


def with_unread_warnings(config: Config, result: BuildResult) -> BuildResult:
    """``result`` with a warning after its own for each file in content/ that looks like a note but is never read
    ('x.MD', 'x.txt'): no input, so no cache of the last build knows of it (see
    :func:`deckgen.sources.layout.unread_findings`)."""
    from deckgen.sources.layout import unread_warnings

    unread = unread_warnings(config.content_dir, config.rel, config.decks_dir)
    return dataclasses.replace(result, warnings=(*result.warnings, *unread)) if unread else result


def _build(
    config: Config,
    decks: Sequence[str],
    *,
    locked: bool,
    dry_run: bool,
    on_wait: Callable[[str], None] | None,
) -> BuildResult:
    """:func:`build` without the unread files' warnings."""
    from deckgen.builder.cache import build_options, read_state, up_to_date

    state = None if dry_run else read_state(config.out_dir, [])
    result = up_to_date(config, state, build_options(config, decks, True)) if state else None
    if result is not None:
        return result
    if state is not None and not decks:  # edits that change no card: the outputs are already right
        from deckgen.builder.incremental import replayed_build

        try:
            result = replayed_build(config, state)
        except ConfigError:
            result = None  # another build holds the project: the full build below waits for it
        if result is not None:
            return result
    if state is None and not dry_run and not decks:  # `rm -rf build/`: copied back from the project's cache
        from deckgen.builder.cache import restored_build

        try:
            result = restored_build(config)
        except ConfigError:
            result = None  # another build holds the project: the full build below waits for it
        if result is not None:
            return result
    from deckgen.builder.pipeline import build as run_build

    # on_wait: told when another build of the project holds it (this one waits for it)
    return run_build(config, decks, locked=locked, dry_run=dry_run, check_up_to_date=False, on_wait=on_wait)


def lint(config: Config) -> LintReport:
    """Every finding for the project's notes, cards, manifests, tracks and lockfile."""
    from deckgen.builder.incremental import open_note_cache, replayed_lint
    from deckgen.linter.run import with_unread_files

    replayed = replayed_lint(config, open_note_cache(config, [], lazy=True))  # edits that change no card
    if replayed is not None:
        return with_unread_files(config, replayed)
    from deckgen.builder.pipeline import gc_paused, lint_project

    cache = open_note_cache(config, [])

    with gc_paused():  # as a build: the collector would rescan every long-lived card and record
        report, _ = lint_project(config, cache=cache)
    if not report.errors:
        cache.save()  # speeds up the next lint or build; never written for broken sources
    return with_unread_files(config, report)


def plan(
    config: Config,
    track: str,
    start: dt.date | None = None,
    new_per_day: int | None = None,
    days_per_week: int = 5,
    output: OutputFormat = "text",
    days_off: Sequence[dt.date] = (),
) -> tuple[str, list[str]]:
    """Track ``track``'s schedule rendered as ``output``, and any warnings from reading the decks."""
    from deckgen.builder.planning import plan_for

    return plan_for(config, track, start, new_per_day, days_per_week, output, days_off=days_off)
