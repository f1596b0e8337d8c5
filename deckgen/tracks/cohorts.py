"""A cohort's plan: every hire's track scheduled from their start date at their pace.

Each hire gets the same workload model as ``deckgen plan TRACK`` (deckgen.tracks.workload),
so a hire's weeks, cards and finish date are exactly what ``deckgen plan TRACK --start
DATE --new-per-day N`` prints for them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from deckgen.sources.cohorts import Cohort, Hire
from deckgen.sources.tracks import BuiltTrack
from deckgen.tracks.workload import Schedule, WorkloadModel, fmt_date, plan_track, render_markdown_plan, render_text
from deckgen.tracks.workload import to_json as schedule_json

CohortFormat = Literal["text", "markdown", "json"]


@dataclass(frozen=True)
class HirePlan:
    """One hire's schedule, and when the track's cards last changed (for the calendar's DTSTAMP)."""

    hire: Hire
    track: BuiltTrack
    schedule: Schedule
    content_time: int = 0  # unix time: the newest change time of the track's cards (deckgen.lock)

    @property
    def own_pace(self) -> bool:
        """Whether the hire studies at a pace other than the track's."""
        return self.hire.new_per_day is not None and self.hire.new_per_day != self.track.track.new_per_day

    @property
    def instructions(self) -> str:
        """What the hire sets in Anki so its new-card limit matches the plan."""
        return (
            f"In Anki, open the options of the deck '{self.track.track.root_deck}' and set "
            f"'New cards/day' to {self.schedule.new_per_day}."
        )


@dataclass(frozen=True)
class CohortPlan:
    """Every hire of a cohort with their schedule."""

    cohort: Cohort
    hires: tuple[HirePlan, ...]


def plan_cohort(
    cohort: Cohort,
    tracks: Mapping[str, BuiltTrack],
    content_times: Mapping[str, int] | None = None,
    model: WorkloadModel | None = None,
) -> CohortPlan:
    """Schedule each hire's track from their start at their pace (else the track's)."""
    hires = []
    for hire in cohort.hires:
        built = tracks[hire.track]
        entry = (
            f"{hire.name}'s entry ({cohort.path}:{hire.line})" if hire.line else f"{hire.name}'s entry ({cohort.path})"
        )
        schedule = plan_track(
            built, hire.start, hire.new_per_day, cohort.days_per_week, model, entry, cohort.days_off_for(hire)
        )
        hires.append(HirePlan(hire, built, schedule, (content_times or {}).get(hire.track, 0)))
    return CohortPlan(cohort, tuple(hires))


def _header(plan: CohortPlan) -> str:
    cohort = plan.cohort
    count = len(plan.hires)
    return (
        f"{cohort.title}: {count} hire{'' if count == 1 else 's'} · time zone {cohort.timezone} · "
        f"study at {cohort.study_time:%H:%M}"
    )


def _hire_line(hp: HirePlan) -> str:
    finish = fmt_date(hp.schedule.finish) if hp.schedule.finish else "—"
    pace = f"{hp.schedule.new_per_day} new cards a day" + (" (own pace)" if hp.own_pace else "")
    return f"starts {fmt_date(hp.hire.start)} · {pace} · every card started by {finish}"


def render_cohort_text(plan: CohortPlan) -> str:
    """Every hire's plan as plain text."""
    parts = [_header(plan) + "\n"]
    for hp in plan.hires:
        parts.append(f"\n== {hp.hire.name} · {hp.track.track.slug} · {_hire_line(hp)}\n")
        parts.append(f"{hp.instructions}\n")
        parts.append(render_text(hp.schedule))
    return "".join(parts)


def render_cohort_markdown(plan: CohortPlan) -> str:
    """Every hire's plan as a Markdown document."""
    parts = [f"# {plan.cohort.title}\n\n{_header(plan)}\n"]
    for hp in plan.hires:
        parts.append(f"\n# {hp.hire.name}\n\n{_hire_line(hp)}. {hp.instructions}\n\n")
        parts.append(render_markdown_plan(hp.schedule))
    return "".join(parts)


def cohort_json(plan: CohortPlan) -> dict[str, Any]:
    """The cohort's plan as JSON-ready data (dates in ISO format)."""
    cohort = plan.cohort
    return {
        "cohort": cohort.slug,
        "title": cohort.title,
        "timezone": cohort.timezone,
        "study_time": f"{cohort.study_time:%H:%M}",
        "days_per_week": cohort.days_per_week,
        "days_off": sorted(day.isoformat() for day in cohort.days_off),
        "hires": [
            {
                "name": hp.hire.name,
                "slug": hp.hire.slug,
                "track": hp.track.track.slug,
                "start": hp.hire.start.isoformat(),
                "new_per_day": hp.schedule.new_per_day,
                "own_pace": hp.own_pace,
                "instructions": hp.instructions,
                "finish": hp.schedule.finish.isoformat() if hp.schedule.finish else None,
                "schedule": json.loads(schedule_json(hp.schedule)),
            }
            for hp in plan.hires
        ],
    }


def render_cohort(plan: CohortPlan, output: CohortFormat) -> str:
    """The cohort's plan in one of the three text formats."""
    if output == "json":
        return json.dumps(cohort_json(plan), indent=2, ensure_ascii=False) + "\n"
    if output == "markdown":
        return render_cohort_markdown(plan)
    return render_cohort_text(plan)


def study_start(cohort: Cohort, day: dt.date) -> dt.datetime:
    """When the study block of ``day`` begins, as an aware datetime in the cohort's time zone."""
    return dt.datetime.combine(day, cohort.study_time, tzinfo=cohort.zone)
