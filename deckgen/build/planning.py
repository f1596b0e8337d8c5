"""``deckgen plan``: find a track, resolve it against the decks, schedule it, render it."""

from __future__ import annotations

import datetime as dt

from deckgen.build.bundles import resolve_tracks
from deckgen.core.config import Config
from deckgen.core.errors import ContentError, Finding
from deckgen.sources.tracks import BuiltTrack, TRACKS_DIR
from deckgen.tracks.workload import OutputFormat, next_monday, plan_track, render


def find_track(tracks: list[BuiltTrack], name: str, where: str) -> BuiltTrack:
    """The track whose file stem or title is ``name``; a ContentError listing the others otherwise."""
    for built in tracks:
        if name in (built.track.slug, built.track.title, built.track.path):
            return built
    known = ", ".join(b.track.slug for b in tracks) or f"none yet: add {where}/<name>.yaml"
    raise ContentError(Finding(where, 0, f"no track named '{name}'", f"use one of: {known}", "unknown-track"))


def plan_for(config: Config, name: str, start: dt.date | None, new_per_day: int | None, days_per_week: int,
             output: OutputFormat, today: dt.date | None = None) -> tuple[str, list[str]]:
    """The rendered schedule of track ``name``, and any warnings from reading the decks."""
    from deckgen.build.pipeline import plan_build

    plan = plan_build(config)
    tracks = resolve_tracks(config, plan.specs, plan.decks)
    built = find_track(tracks, name, config.rel(config.decks_dir / TRACKS_DIR))
    first_day = start or next_monday(today or dt.date.today())
    schedule = plan_track(built, first_day, new_per_day, days_per_week)
    return render(schedule, output), list(plan.warnings)
