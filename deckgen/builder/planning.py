"""``deckgen plan``: find a track, resolve it against the decks, schedule it, render it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from deckgen.builder.bundles import content_times, resolve_tracks
from deckgen.core.config import Config
from deckgen.core.errors import ContentError, Finding
from deckgen.core.files import atomic_write_bytes, atomic_write_text
from deckgen.lock.identity import guid_of
from deckgen.sources.cohorts import find_cohort, load_cohorts
from deckgen.sources.layout import COHORTS_DIR, TRACKS_DIR
from deckgen.sources.tracks import BuiltTrack
from deckgen.tracks.calendar import calendar_name, cohort_dir, hire_calendar, same_events
from deckgen.tracks.cohorts import CohortFormat, CohortPlan, plan_cohort, render_cohort
from deckgen.tracks.progress import ProgressReport, TrackCards, cohort_progress
from deckgen.tracks.workload import OutputFormat, next_monday, plan_track, render

if TYPE_CHECKING:
    from deckgen.builder.pipeline import Plan


def find_track(tracks: list[BuiltTrack], name: str, where: str) -> BuiltTrack:
    """The track whose file stem or title is ``name``; a ContentError listing the others otherwise."""
    for built in tracks:
        if name in (built.track.slug, built.track.title, built.track.path):
            return built
    known = ", ".join(b.track.slug for b in tracks) or f"none yet: add {where}/<name>.yaml"
    raise ContentError(Finding(where, 0, f"no track named '{name}'", f"use one of: {known}", "unknown-track"))


def plan_for(
    config: Config,
    name: str,
    start: dt.date | None,
    new_per_day: int | None,
    days_per_week: int,
    output: OutputFormat,
    today: dt.date | None = None,
    days_off: Sequence[dt.date] = (),
) -> tuple[str, list[str]]:
    """The rendered schedule of track ``name``, and any warnings from reading the decks."""
    from deckgen.builder.pipeline import plan_build

    plan = plan_build(config)
    tracks = resolve_tracks(config, plan.specs, plan.decks)
    built = find_track(tracks, name, config.rel(config.decks_dir / TRACKS_DIR))
    first_day = start or next_monday(today or dt.date.today())
    schedule = plan_track(built, first_day, new_per_day, days_per_week, days_off=days_off)
    return render(schedule, output), list(plan.warnings)


def _cohort_plan(config: Config, name: str) -> tuple[CohortPlan, Plan, dict[str, BuiltTrack]]:
    """Build plan, resolved tracks, and the cohort ``name`` scheduled hire by hire."""
    from deckgen.builder.pipeline import plan_build

    plan = plan_build(config)
    tracks = {built.track.slug: built for built in resolve_tracks(config, plan.specs, plan.decks)}
    cohorts, findings = load_cohorts(config.decks_dir, config.root, tracks)
    if findings:
        raise ContentError(findings)
    cohort = find_cohort(cohorts, name, config.rel(config.decks_dir / COHORTS_DIR))
    return plan_cohort(cohort, tracks, content_times(plan, list(tracks.values()))), plan, tracks


def cohort_plan_for(
    config: Config, name: str, output: CohortFormat | Literal["ics"], out: Path | None = None
) -> tuple[str, list[str], list[tuple[Path, bool]]]:
    """Cohort ``name``'s plan rendered (or, for ``ics``, one calendar per hire written); warnings; each calendar
    with whether its events changed (a calendar that holds the same events is left as it is: not to send again)."""
    cohort_plan, plan, _ = _cohort_plan(config, name)
    if output != "ics":
        return render_cohort(cohort_plan, output), list(plan.warnings), []
    folder = out or cohort_dir(config, cohort_plan.cohort.slug)
    calendars = []
    for hp in cohort_plan.hires:
        target = folder / calendar_name(hp)
        now = hire_calendar(cohort_plan, hp)
        changed = not (target.is_file() and same_events(target.read_bytes(), now))
        if changed:
            atomic_write_bytes(target, now)
        calendars.append((target, changed))
    written = [path for path, _ in calendars]
    # the manager's warnings the text plan shows under each hire (weeks that do not fit, the pace to set)
    warnings = [f"{hp.hire.name}: {warning}" for hp in cohort_plan.hires for warning in hp.schedule.warnings]
    warnings += plan.warnings
    # A calendar of someone no longer in the cohort must not be sent again: deckgen's own folder loses it,
    # a folder the user named (--out) is only told about it.
    for stale in sorted(set(folder.glob("*.ics")) - set(written)):
        if out is None:
            stale.unlink()
            warnings.append(f"removed {config.rel(stale)}: no hire of the cohort has this calendar now")
        else:
            warnings.append(f"{stale} is no hire's calendar now: delete it rather than send it")
    return "", warnings, calendars


def track_identity(config: Config, plan: Plan, built: BuiltTrack) -> TrackCards:
    """The GUIDs of a track's notes, each with the week that teaches it: what progress matches exports by."""
    stage_of: dict[str, int] = {}
    for stage in built.stages:
        for card in stage.cards:
            guid = plan.packaged_note(config.namespace, card, 0).guid
            stage_of.setdefault(guid, stage.stage.number)
    # A card retired since a hire studied it still counts as started: it was on their plan then, and
    # without it a hire who followed the plan would read as behind after every release that drops a note.
    deck_stage: dict[str, int] = {}
    for stage in built.stages:
        for deck in stage.decks:
            deck_stage.setdefault(deck.spec.name, stage.stage.number)
    retired: set[str] = set()
    for note_id, key, record in plan.new_lock.records():
        if record.retired and record.deck in deck_stage:
            guid = guid_of(config.namespace, note_id, key, record.anchor)
            if guid not in stage_of:
                stage_of[guid] = deck_stage[record.deck]
                retired.add(guid)
    return TrackCards(built.track.slug, built.track.title, built.track.root_deck, stage_of, frozenset(retired))


def progress_for(
    config: Config, name: str, exports: Sequence[str], as_of: dt.date | None = None, today: dt.date | None = None
) -> tuple[ProgressReport, list[str]]:
    """Cohort ``name``'s progress from the hires' exports as of ``as_of`` (default: yesterday in the cohort's zone)."""
    cohort_plan, plan, tracks = _cohort_plan(config, name)
    cohort = cohort_plan.cohort
    if as_of is None:
        now = dt.datetime.now(cohort.zone).date() if today is None else today
        as_of = now - dt.timedelta(days=1)  # the last whole day
    identities = {
        slug: track_identity(config, plan, built)
        for slug, built in tracks.items()
        if any(h.track == slug for h in cohort.hires)
    }
    report = cohort_progress(cohort_plan, identities, exports, as_of)
    return report, [*plan.warnings, *report.notes]


def save_progress(config: Config, report: ProgressReport, text: str, fmt: str, out: Path | None) -> Path | None:
    """Write a rendered progress report to ``out`` (an HTML page defaults to build/progress/); None: print it."""
    target = out
    if target is None and fmt == "html":
        # Outside build/site/: the page names people and is for the manager only.
        target = config.out_dir / "progress" / f"{report.cohort}-{report.as_of.isoformat()}.html"
    if target is not None:
        atomic_write_text(target, text)
    return target
