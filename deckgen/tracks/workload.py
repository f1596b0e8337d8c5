"""Plan a track by calendar week: cards per stage, daily minutes, finish date, pace warnings.

The workload model is deliberately simple and deterministic (README: "Running onboarding
with deckgen"):

* New cards are started in curriculum order, ``new_per_day`` on each study day (the first
  ``days_per_week`` weekdays, Monday first) — what Anki does with a "New cards/day" limit.
* Learning uses Anki's default steps, 1 minute and 10 minutes: a new card is seen twice
  on its first day (``seconds_per_step`` each).
* A card answered "Good" graduates to a 1-day interval and each later interval is about
  2.5x the previous (Anki's default starting ease 250%): reviews 1, 4, 12, 32 and 82 days
  after the first study.
* A tenth of reviews are forgotten (Anki aims at ~90% recall); each lapse costs one more
  presentation that day (the 10-minute relearning step). Later intervals are not shortened.
* Reviews that fall due on a day off wait for the next study day, as in Anki.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import math
import operator
from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass, field
from typing import Literal

from deckgen.core.model import count_anki_cards
from deckgen.sources.tracks import BuiltTrack

OutputFormat = Literal["text", "markdown", "json"]
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class WorkloadModel:
    """The numbers behind every estimate; see the module docstring for where they come from."""

    learning_steps_minutes: tuple[int, ...] = (1, 10)
    review_offsets_days: tuple[int, ...] = (1, 4, 12, 32, 82)
    lapse_rate: float = 0.10
    seconds_per_step: float = 15.0
    seconds_per_review: float = 10.0

    @property
    def seconds_per_new_card(self) -> float:
        """Time to take one new card through the learning steps on its first day."""
        return len(self.learning_steps_minutes) * self.seconds_per_step

    @property
    def seconds_per_due_review(self) -> float:
        """Expected time for one due review, including the relearning step of a lapse."""
        return self.seconds_per_review * (1 + self.lapse_rate)


@dataclass(frozen=True)
class DeckCount:
    """A deck in a stage and the Anki cards it brings (only cards new to the track)."""

    slug: str
    name: str
    cards: int
    optional: bool = False


@dataclass(frozen=True)
class StagePlan:
    """One stage in its calendar week."""

    number: int
    title: str
    deck_name: str
    week_start: dt.date
    week_end: dt.date
    study_days: int
    cards: int
    optional_cards: int
    decks: tuple[DeckCount, ...]
    first_new: dt.date | None
    last_new: dt.date | None
    fits: bool
    pace_to_fit: int | None  # new cards/day that finishes this stage (and earlier ones) in its week
    avg_minutes: float
    peak_minutes: float
    new_cards: int = 0  # the cards the hire starts in this calendar week at the pace (Schedule.new_cards)
    warning: str = ""  # why the stage does not fit its week, and the pace it needs ("" when it fits): the manager's
    late: int = 0  # of its cards, those that start after its week at the pace (when it does not fit)
    early: int = 0  # of its cards, those Anki starts before its week at the pace (the week before ran out of cards)

    @property
    def mostly_early(self) -> bool:
        """Half or more of its cards start before its week: the week itself has few or none to start."""
        return self.cards > 0 and 2 * self.early >= self.cards


@dataclass(frozen=True)
class LaterWeek:
    """A calendar week after the last stage in which cards left over still start (the stages did not fit)."""

    number: int
    week_start: dt.date
    week_end: dt.date
    study_days: int
    new_cards: int
    avg_minutes: float
    peak_minutes: float


@dataclass(frozen=True)
class DayPlan:
    """One calendar day of study."""

    date: dt.date
    new: int
    reviews: float
    minutes: float


@dataclass(frozen=True)
class Week:
    """One calendar week of a plan as the surfaces list it: a stage's week, or a week of cards left over."""

    number: int
    title: str
    week_start: dt.date
    new_cards: int
    avg_minutes: float
    peak_minutes: float
    stage: StagePlan | None  # None for a week after the last stage
    study_days: int  # 0: days off or a weekend start's first days


@dataclass(frozen=True)
class Schedule:
    """A track's plan for one start date and pace."""

    track: str
    role: str
    slug: str
    start: dt.date
    new_per_day: int
    days_per_week: int
    total_cards: int
    finish: dt.date | None
    stages: tuple[StagePlan, ...]
    days: tuple[DayPlan, ...]
    suggested_pace: int | None
    warnings: tuple[str, ...] = ()
    model: WorkloadModel = field(default_factory=WorkloadModel)
    days_off: tuple[dt.date, ...] = ()  # study days given off (holidays, leave) inside the plan, in order
    later_weeks: tuple[LaterWeek, ...] = ()  # weeks after the last stage that still start cards
    suggestion: str = ""  # the pace that fits every stage and where to set it ("" when every stage fits)
    after: tuple[DayPlan, ...] = ()  # study days after the plan that still have reviews (its new cards' later ones)
    notes: tuple[str, ...] = ()  # for the manager, not warnings: stages whose cards mostly start in an earlier week

    def weeks(self) -> tuple[Week, ...]:
        """Every week the plan lists, its stages' then the weeks of cards left over (plan, site and calendar)."""
        return tuple(
            Week(s.number, s.title, s.week_start, s.new_cards, s.avg_minutes, s.peak_minutes, s, s.study_days)
            for s in self.stages
        ) + tuple(
            Week(w.number, LEFT_OVER, w.week_start, w.new_cards, w.avg_minutes, w.peak_minutes, None, w.study_days)
            for w in self.later_weeks
        )

    def new_cards(self, first: dt.date, last: dt.date) -> int:
        """The new cards the plan starts from ``first`` to ``last`` (both included) at its pace.

        This is the one definition of "the cards of week N" that plan, calendar, site and
        progress report use: ``new_per_day`` on each study day, in curriculum order, so a week
        can take up cards of the next stage or the previous stage's left-overs.
        """
        return _new_cards(self.days, first, last)


def next_monday(today: dt.date) -> dt.date:
    """``today`` when it is a Monday, else the coming Monday: the usual start of a cohort."""
    return today + dt.timedelta(days=(7 - today.weekday()) % 7)


def fmt_date(day: dt.date) -> str:
    """``Mon 2 Mar 2026``."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {day:%b %Y}"


def _within(days: Sequence[DayPlan], first: dt.date, last: dt.date) -> Sequence[DayPlan]:
    """The days from ``first`` to ``last`` of a plan's days (in date order): a slice, not a scan, since a plan
    asks for each of its weeks (a 20,000-note track's plan has ~1,000 weeks of ~8,000 days)."""
    date = operator.attrgetter("date")
    return days[bisect.bisect_left(days, first, key=date) : bisect.bisect_right(days, last, key=date)]


def _new_cards(days: Sequence[DayPlan], first: dt.date, last: dt.date) -> int:
    return sum(d.new for d in _within(days, first, last))


def _week_minutes(
    days: Sequence[DayPlan], first: dt.date, last: dt.date, days_per_week: int, days_off: Collection[dt.date]
) -> tuple[int, float, float]:
    """A week's study days, and its average and busiest day's minutes."""
    minutes = [d.minutes for d in _within(days, first, last) if _is_study_day(d.date, days_per_week, days_off)]
    return (
        len(minutes),
        round(sum(minutes) / len(minutes), 1) if minutes else 0.0,
        round(max(minutes), 1) if minutes else 0.0,
    )


def _is_study_day(day: dt.date, days_per_week: int, days_off: Collection[dt.date] = ()) -> bool:
    return day.weekday() < days_per_week and day not in days_off


def _setting(key: str, value: object, entry: str) -> str:
    """How a user sets ``key``: the ``deckgen plan`` option, or the line to write in the file it came from."""
    return f"write '{key}: {value}' in {entry}" if entry else f"--{key.replace('_', '-')} {value}"


def plan_track(
    built: BuiltTrack,
    start: dt.date,
    new_per_day: int | None = None,
    days_per_week: int = 5,
    model: WorkloadModel | None = None,
    entry: str = "",
    days_off: Collection[dt.date] = (),
    *,
    probe: bool = False,
) -> Schedule:
    """Schedule ``built`` from ``start`` at ``new_per_day`` (default: the track's own pace).

    ``entry`` is where the start and pace were written when they come from a file (a cohort's
    hire: "bo's entry in decks/cohorts/dec.yaml:7"); warnings then tell what to write there
    instead of which ``deckgen plan`` option to pass. No new card starts on a day in ``days_off``
    and reviews due that day wait for the next study day, as on a weekend. When a stage does not fit its week,
    the warnings also name the first later start that fits at this pace (not when ``probe``: that search).
    """
    days_off = frozenset(days_off)
    model = model or WorkloadModel()
    pace = new_per_day or built.track.new_per_day
    if pace < 1:
        raise ValueError("new_per_day must be at least 1")
    if not 1 <= days_per_week <= 7:
        raise ValueError("days_per_week must be between 1 and 7")
    stage_cards = [count_anki_cards(stage.cards) for stage in built.stages]
    total = sum(stage_cards)
    monday = start - dt.timedelta(days=start.weekday())
    weeks = [
        (max(start, monday + dt.timedelta(days=7 * i)), monday + dt.timedelta(days=7 * i + 6))
        for i in range(len(built.stages))
    ]

    # Day-by-day simulation until every card is started and the last stage's week is over.
    queue = [index for index, count in enumerate(stage_cards) for _ in range(count)]
    due: dict[dt.date, float] = {}
    days: list[DayPlan] = []
    first_new: dict[int, dt.date] = {}
    last_new: dict[int, dt.date] = {}
    late: dict[int, int] = {}  # per stage, its cards that start after its week
    early: dict[int, int] = {}  # per stage, its cards that start before its week
    backlog = 0.0
    day, started = start, 0
    last_day = weeks[-1][1] if weeks else start
    while started < total or day <= last_day:
        backlog += due.pop(day, 0.0)
        if not _is_study_day(day, days_per_week, days_off):
            days.append(DayPlan(day, 0, 0.0, 0.0))
            day += dt.timedelta(days=1)
            continue
        batch = queue[started : started + pace]
        for stage_index in batch:
            first_new.setdefault(stage_index, day)
            last_new[stage_index] = day
            if day > weeks[stage_index][1]:
                late[stage_index] = late.get(stage_index, 0) + 1
            elif day < weeks[stage_index][0]:
                early[stage_index] = early.get(stage_index, 0) + 1
        started += len(batch)
        for offset in model.review_offsets_days:
            target = day + dt.timedelta(days=offset)
            due[target] = due.get(target, 0.0) + len(batch)
        reviews, backlog = backlog, 0.0
        minutes = (len(batch) * model.seconds_per_new_card + reviews * model.seconds_per_due_review) / 60
        days.append(DayPlan(day, len(batch), reviews, minutes))
        day += dt.timedelta(days=1)
    after = _reviews_after(day, due, backlog, model, days_per_week, days_off)

    stages: list[StagePlan] = []
    warnings: list[str] = []
    needed: list[int] = []
    fitting: list[dt.date | None] = []  # the first later start that fits at this pace, once looked for

    def fitting_start() -> dt.date | None:
        if not fitting:
            fitting.append(None if probe else _fitting_start(built, start, pace, days_per_week, model, days_off))
        return fitting[0]

    cumulative = 0
    off_weeks: set[int] = set()
    for index, (stage, count) in enumerate(zip(built.stages, stage_cards)):
        week_start, week_end = weeks[index]
        cumulative += count
        study_days_to_end = sum(1 for d in _dates(start, week_end) if _is_study_day(d, days_per_week, days_off))
        pace_to_fit = math.ceil(cumulative / study_days_to_end) if study_days_to_end else None
        done = last_new.get(index)
        fits = count == 0 or (done is not None and done <= week_end)
        study_days, avg_minutes, peak_minutes = _week_minutes(days, week_start, week_end, days_per_week, days_off)
        # a week of days off in the middle: no pace starts its cards in it (a faster one only starts them in
        # earlier weeks), so it asks for none
        off_week = pace_to_fit is not None and study_days == 0
        if off_week:
            off_weeks.add(index)
            pace_to_fit = None
        if pace_to_fit is not None:
            needed.append(max(pace_to_fit, 1))
        warning = ""
        if not fits:
            if off_week:
                warning = (
                    f"Week {stage.stage.number} — {stage.stage.title}: no study day between {fmt_date(week_start)} and "
                    f"{fmt_date(week_end)} (days off), so its {_cards(count, 'card')} start after it"
                    f"{f' (the last on {fmt_date(done)})' if done else ''}"
                )
            elif pace_to_fit is None:
                # the first study day (a weekend start is most often meant as the Monday after it), and around a
                # holiday the first later start from which every stage fits its week at this pace
                first_day, fits_from = _first_study_day(start, days_per_week, days_off), fitting_start()
                fits_note = (
                    f"; at {pace} a day every stage fits its week from {fmt_date(fits_from)}: "
                    f"{_setting('start', fits_from.isoformat(), entry)}"
                    if fits_from is not None and fits_from != first_day
                    else ""
                )
                warning = (
                    f"Week {stage.stage.number} — {stage.stage.title}: no study day between {fmt_date(week_start)} and "
                    f"{fmt_date(week_end)}; start on a {'study day' if days_off else 'weekday'} "
                    f"(e.g. {_setting('start', first_day.isoformat(), entry)}{fits_note})"
                )
            else:
                # the cards that start after the week: the rest are in the week's figure (Schedule.new_cards)
                behind = late.get(index, 0)
                warning = (
                    f"Week {stage.stage.number} — {stage.stage.title}: {behind} of its {_cards(count, 'card')} "
                    f"start{'s' if behind == 1 else ''} after {fmt_date(week_end)} at {_cards(pace, 'new card')} a day"
                    f"{f' (the last on {fmt_date(done)})' if done else ''}; it needs {pace_to_fit} a day"
                )
            warnings.append(warning)
        decks = tuple(DeckCount(d.spec.slug, d.spec.name, count_anki_cards(d.cards)) for d in stage.decks)
        optional = tuple(DeckCount(d.spec.slug, d.spec.name, count_anki_cards(d.cards), True) for d in stage.optional)
        stages.append(
            StagePlan(
                number=stage.stage.number,
                title=stage.stage.title,
                deck_name=stage.deck_name,
                week_start=week_start,
                week_end=week_end,
                study_days=study_days,
                cards=count,
                optional_cards=sum(d.cards for d in optional),
                decks=decks + optional,
                first_new=first_new.get(index),
                last_new=done,
                fits=fits,
                pace_to_fit=pace_to_fit,
                avg_minutes=avg_minutes,
                peak_minutes=peak_minutes,
                new_cards=_new_cards(days, week_start, week_end),
                warning=warning,
                late=0 if fits else late.get(index, count),
                early=early.get(index, 0),
            )
        )
    # a pace helps only a stage that has study days in its week
    slow = [s for i, s in enumerate(stages) if not s.fits and i not in off_weeks]
    suggested = max(needed) if needed and slow else None
    suggestion = ""
    if suggested is not None and all(s.pace_to_fit is not None for s in slow):
        stages_said = "every stage with study days" if off_weeks else "every stage"
        suggestion = (
            f"Suggested pace: {suggested} new cards a day finishes {stages_said} in its week — "
            f"{_setting('new_per_day', suggested, entry)}"
            if entry
            else f"Suggested pace: --new-per-day {suggested} finishes {stages_said} in its week."
        )
        fits_later = fitting_start()
        if fits_later is not None and suggested > pace:  # the other way out: a later start at this pace
            suggestion += (
                ("." if entry else "")
                + f" Or keep {pace} a day and start on {fmt_date(fits_later)}, when every stage fits its week — "
                f"{_setting('start', fits_later.isoformat(), entry)}" + ("" if entry else ".")
            )
        warnings.append(suggestion)
    notes = _early_notes(stages, pace, max(needed) if needed else None, entry)
    finish = max(last_new.values()) if last_new else None
    later: list[LaterWeek] = []
    week_start = last_day + dt.timedelta(days=1)
    while finish is not None and week_start <= finish:
        week_end = week_start + dt.timedelta(days=6)
        study_days, avg_minutes, peak_minutes = _week_minutes(days, week_start, week_end, days_per_week, days_off)
        later.append(
            LaterWeek(
                len(stages) + len(later) + 1,
                week_start,
                week_end,
                study_days,
                _new_cards(days, week_start, week_end),
                avg_minutes,
                peak_minutes,
            )
        )
        week_start += dt.timedelta(days=7)
    return Schedule(
        track=built.track.title,
        role=built.track.role,
        slug=built.track.slug,
        start=start,
        new_per_day=pace,
        days_per_week=days_per_week,
        total_cards=total,
        finish=finish,
        stages=tuple(stages),
        days=tuple(days),
        suggested_pace=suggested,
        warnings=tuple(warnings),
        model=model,
        days_off=_days_off_within(
            start, after[-1].date if after else day - dt.timedelta(days=1), days_off, days_per_week
        ),
        later_weeks=tuple(later),
        suggestion=suggestion,
        after=after,
        notes=tuple(notes),
    )


def _week_of(stages: Sequence[StagePlan], day: dt.date) -> int:
    """The number of the stage week that holds ``day`` (a stage's cards that start early start in one of them)."""
    return next(s.number for s in stages if s.week_start <= day <= s.week_end)


def ahead_note(stage: StagePlan, schedule: Schedule, *, dated: bool = True) -> str:
    """What a hire reads about a week whose cards mostly start in an earlier week ('' otherwise): the calendar's
    (``dated``: the hire's own dates) and the site's (a plan without a start date)."""
    if not stage.mostly_early or stage.first_new is None:
        return ""
    week = _week_of(schedule.stages, stage.first_new)
    share = "All" if stage.early == stage.cards else f"{stage.early} of"
    return (
        f"{share} this week's {_cards(stage.cards, 'card')} start in week {week}: at {schedule.new_per_day} new cards "
        f"a day, Anki brings them in {f'from {fmt_date(stage.first_new)}' if dated else f'during week {week}'}, "
        f"once week {week}'s own are started. This week is for their reviews."
    )


def _early_notes(stages: Sequence[StagePlan], pace: int, slowest: int | None, entry: str) -> list[str]:
    """The manager's note on each stage whose cards mostly start in an earlier week (Anki goes on to the next
    week's cards once a week's are all started), with ``slowest``, the slowest pace at which every stage fits."""
    notes = []
    for stage in stages:
        if not stage.mostly_early or stage.first_new is None:
            continue
        week = _week_of(stages, stage.first_new)
        notes.append(
            f"Week {stage.number} — {stage.title}: {stage.early} of its {_cards(stage.cards, 'card')} "
            f"start{'s' if stage.early == 1 else ''} in week {week}, from {fmt_date(stage.first_new)}, at "
            f"{_cards(pace, 'new card')} a day: Anki goes on to the next week's cards once a week's are all started"
            + (
                f". To keep each stage's cards in its own week, take the slowest pace that fits every week: "
                f"{_setting('new_per_day', slowest, entry)}"
                if slowest is not None and slowest < pace
                else ""
            )
        )
    return notes


def _days_off_within(
    first: dt.date, last: dt.date, days_off: Collection[dt.date], days_per_week: int
) -> tuple[dt.date, ...]:
    """The study days given off from ``first`` to ``last`` (the plan's new cards and the reviews after), in order:
    a holiday that begins in the plan's last week is shown as entered, not cut at the last new card."""
    return tuple(d for d in sorted(days_off) if first <= d <= last and d.weekday() < days_per_week)


def _reviews_after(
    day: dt.date,
    due: dict[dt.date, float],
    backlog: float,
    model: WorkloadModel,
    days_per_week: int,
    days_off: Collection[dt.date],
) -> tuple[DayPlan, ...]:
    """The study days after the plan's last day that still have reviews, by the same rules (days off wait)."""
    after: list[DayPlan] = []
    while due or backlog:
        backlog += due.pop(day, 0.0)
        if _is_study_day(day, days_per_week, days_off) and backlog:
            after.append(DayPlan(day, 0, backlog, backlog * model.seconds_per_due_review / 60))
            backlog = 0.0
        day += dt.timedelta(days=1)
    return tuple(after)


AFTER_WEEKS = 4  # the weeks after the plan whose review load the summary gives


def after_plan_line(schedule: Schedule) -> str:
    """What the plan's last week does not show: the reviews that go on after it ('' when none)."""
    if not schedule.after:
        return ""
    first = schedule.after[0].date
    soon = [d.minutes for d in schedule.after if d.date < first + dt.timedelta(weeks=AFTER_WEEKS)]
    return (
        f"After the plan: reviews go on until {fmt_date(schedule.after[-1].date)}; in the {AFTER_WEEKS} weeks from "
        f"{fmt_date(first)}, {_minutes(max(soon))} min on the busiest day and {len(soon)} days with reviews"
    )


FITTING_WEEKS = 12  # how far ahead a later start that fits the pace is looked for


def _fitting_start(
    built: BuiltTrack,
    start: dt.date,
    pace: int,
    days_per_week: int,
    model: WorkloadModel,
    days_off: Collection[dt.date],
) -> dt.date | None:
    """The first week's first study day after ``start`` from which every stage fits its week at ``pace``, if any
    within ``FITTING_WEEKS`` weeks (around a holiday, a later start often fits where a faster pace overloads)."""
    monday = start - dt.timedelta(days=start.weekday())
    for week in range(1, FITTING_WEEKS + 1):
        candidate = _first_study_day(monday + dt.timedelta(weeks=week), days_per_week, days_off)
        if candidate - monday >= dt.timedelta(weeks=week + 1):
            continue  # no study day in that week at all
        schedule = plan_track(built, candidate, pace, days_per_week, model, days_off=days_off, probe=True)
        if all(stage.fits for stage in schedule.stages):
            return candidate
    return None


def _first_study_day(start: dt.date, days_per_week: int, days_off: Collection[dt.date]) -> dt.date:
    day = next_monday(start)
    while not _is_study_day(day, days_per_week, days_off):
        day += dt.timedelta(days=1)
    return day


def _dates(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _cards(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _study_days_label(days_per_week: int) -> str:
    return (
        "every day"
        if days_per_week == 7
        else f"{_WEEKDAYS[0]}–{_WEEKDAYS[days_per_week - 1]}"
        if days_per_week > 1
        else "Mondays"
    )


def days_off_label(days: Sequence[dt.date], days_per_week: int = 5) -> str:
    """``Mon 14 Dec 2026, Thu 24 Dec 2026 – Fri 1 Jan 2027 (8 study days in all)``: consecutive study days joined,
    and the count of them all (a count beside the last range read as that range's)."""
    runs: list[list[dt.date]] = []
    for day in sorted(days):
        between = _dates(runs[-1][-1] + dt.timedelta(days=1), day - dt.timedelta(days=1)) if runs else []
        if runs and all(d.weekday() >= days_per_week for d in between):  # only days without study in between
            runs[-1].append(day)
        else:
            runs.append([day])
    listed = ", ".join(
        fmt_date(run[0]) if len(run) == 1 else f"{fmt_date(run[0])} – {fmt_date(run[-1])}" for run in runs
    )
    count = len(set(days))
    return listed if count == 1 else f"{listed} ({count} study days{' in all' if len(runs) > 1 else ''})"


def _minutes(value: float) -> str:
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def _stage_rows(schedule: Schedule) -> list[list[str]]:
    rows = []
    for stage in schedule.stages:
        decks = ", ".join(
            f"{d.name.split('::')[-1]} ({d.cards}{', optional' if d.optional else ''})" for d in stage.decks
        )
        status = "fits" if stage.fits else f"needs {stage.pace_to_fit}/day" if stage.pace_to_fit else "no study day"
        rows.append(
            [
                str(stage.number),
                f"{stage.week_start.day} {stage.week_start:%b} – {stage.week_end.day} {stage.week_end:%b}",
                stage.title,
                decks,
                str(stage.new_cards),
                f"{_minutes(stage.avg_minutes)} (peak {_minutes(stage.peak_minutes)})",
                status,
            ]
        )
    for week in schedule.later_weeks:
        rows.append(
            [
                str(week.number),
                f"{week.week_start.day} {week.week_start:%b} – {week.week_end.day} {week.week_end:%b}",
                LEFT_OVER,
                "",
                str(week.new_cards),
                f"{_minutes(week.avg_minutes)} (peak {_minutes(week.peak_minutes)})",
                "",
            ]
        )
    return rows


LEFT_OVER = "Cards left over"  # the stage column of a week after the last stage
# "New cards": what the hire starts that week at the pace (Schedule.new_cards); a stage's own cards are in its decks.
_HEADERS = ["Week", "Dates", "Stage", "Decks (cards)", "New cards", "Minutes/day", "Pace"]


def _summary_lines(schedule: Schedule) -> list[str]:
    finish = fmt_date(schedule.finish) if schedule.finish else "—"
    model = schedule.model
    return [
        f"Start {fmt_date(schedule.start)} · {_cards(schedule.new_per_day, 'new card')} a day · study {_study_days_label(schedule.days_per_week)}",
        f"{_cards(schedule.total_cards, 'card')} in {_cards(len(schedule.stages), 'week')}"
        # a pace too slow for the weeks: the plan lists more weeks than the track has (the left-over ones)
        + (f"; at {schedule.new_per_day} a day they take {len(schedule.weeks())} weeks" if schedule.later_weeks else "")
        + f" · every card started by {finish}",
        *([f"Days off: {days_off_label(schedule.days_off, schedule.days_per_week)}"] if schedule.days_off else []),
        *([line] if (line := after_plan_line(schedule)) else []),
        f"Model: learning steps {' and '.join(f'{m}m' for m in model.learning_steps_minutes)}, reviews after "
        f"{', '.join(str(d) for d in model.review_offsets_days)} days, {model.lapse_rate:.0%} lapses, "
        f"{model.seconds_per_new_card:.0f} s per new card, {model.seconds_per_review:.0f} s per review.",
    ]


def render_text(schedule: Schedule) -> str:
    """A plain-text table for the terminal."""
    rows = _stage_rows(schedule)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(_HEADERS)]
    lines = [f"{schedule.track} — {schedule.role}", *_summary_lines(schedule), ""]
    lines.append("  ".join(h.ljust(w) for h, w in zip(_HEADERS, widths)).rstrip())
    lines.extend("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows)
    if schedule.warnings or schedule.notes:
        lines.append("")
        lines.extend(f"warning: {w}" for w in schedule.warnings)
        lines.extend(f"note: {n}" for n in schedule.notes)
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown_plan(schedule: Schedule) -> str:
    """A Markdown section to paste into an onboarding document."""
    lines = [f"## {schedule.track} — {schedule.role}", ""]
    lines.extend(f"- {line}" for line in _summary_lines(schedule))
    lines += ["", "| " + " | ".join(_HEADERS) + " |", "|" + "---|" * len(_HEADERS)]
    lines.extend("| " + " | ".join(_md_cell(c) for c in row) + " |" for row in _stage_rows(schedule))
    if schedule.warnings or schedule.notes:
        lines.append("")
        lines.extend(f"- **Warning:** {w}" for w in schedule.warnings)
        lines.extend(f"- **Note:** {n}" for n in schedule.notes)
    return "\n".join(lines) + "\n"


def to_json(schedule: Schedule) -> str:
    """The schedule as JSON (dates in ISO format)."""
    data = asdict(schedule)
    data["model"]["seconds_per_new_card"] = schedule.model.seconds_per_new_card
    data["model"]["seconds_per_due_review"] = schedule.model.seconds_per_due_review
    for day in [*data["days"], *data["after"]]:
        day["reviews"] = round(day["reviews"], 2)
        day["minutes"] = round(day["minutes"], 2)
    return json.dumps(data, indent=2, ensure_ascii=False, default=lambda v: v.isoformat()) + "\n"


def render(schedule: Schedule, output: OutputFormat) -> str:
    """The schedule in one of the three output formats."""
    if output == "json":
        return to_json(schedule)
    if output == "markdown":
        return render_markdown_plan(schedule)
    return render_text(schedule)
