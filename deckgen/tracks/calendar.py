"""iCalendar (RFC 5545) files for a hire: a daily study block and each week's start.

Rebuilds are byte-identical: every UID is a hash of what the event is (cohort, hire,
kind, date) and DTSTAMP is the time the track's cards last changed (from deckgen.lock),
never the clock. Times are written in UTC (``…Z``), which every calendar app reads
without a VTIMEZONE block and shows in the reader's own zone; each event is converted
from the cohort's zone on its own date, so daylight-saving changes are honoured.
Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from deckgen.core.config import Config
from deckgen.sources.layout import COHORTS_DIR
from deckgen.tracks.cohorts import CohortPlan, HirePlan, study_start
from deckgen.tracks.workload import AFTER_WEEKS, DayPlan, Schedule, StagePlan, ahead_note, fmt_date

PRODID = "-//deckgen//onboarding plan//EN"
MIN_BLOCK_MINUTES = 5  # a calendar block shorter than this is not worth a slot
_FOLD_AT = 75


# control characters RFC 5545 forbids in TEXT (all but tab; newlines are escaped first), and the line separators
# some readers split lines on (an attacker's try: ESC, NUL, VT, NEL and U+2028 from a hire's name reached the file)
_FORBIDDEN_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines; other control characters go."""
    return _FORBIDDEN_RE.sub(
        "",
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n"),
    )


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded at 75 octets (RFC 5545 3.1), ending in CRLF."""
    data = line.encode("utf-8")
    chunks: list[bytes] = []
    limit = _FOLD_AT
    while len(data) > limit:
        cut = limit
        while cut > 0 and (data[cut] & 0xC0) == 0x80:  # never cut inside a multi-byte character
            cut -= 1
        chunks.append(data[:cut])
        data = data[cut:]
        limit = _FOLD_AT - 1  # continuation lines start with a space
    chunks.append(data)
    return b"\r\n ".join(chunks) + b"\r\n"


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _uid(*parts: object) -> str:
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{digest[:32]}@deckgen"


def _stamp(hp: HirePlan) -> str:
    # The newest change of the track's cards; a track never built falls back to its start date.
    if hp.content_time > 0:
        return _utc(dt.datetime.fromtimestamp(hp.content_time, dt.UTC))
    return _utc(dt.datetime.combine(hp.hire.start, dt.time(0, 0), tzinfo=dt.UTC))


def block_minutes(minutes: float) -> int:
    """The length of a day's study block: the model's minutes rounded up, at least 5."""
    return max(MIN_BLOCK_MINUTES, math.ceil(minutes - 1e-9))


def _reviews_after(schedule: Schedule) -> list[DayPlan]:
    """The study days with reviews after the plan's last new card, in the weeks the plan's summary covers: the
    reviews go on (after a holiday, the busiest day often comes then), so the study blocks do too."""
    if not schedule.after:
        return []
    until = schedule.after[0].date + dt.timedelta(weeks=AFTER_WEEKS)
    return [day for day in schedule.after if day.date < until and round(day.reviews)]


def learner_note(stage: StagePlan, pace: int) -> str:
    """What a hire reads about a week whose cards do not all start in it (the manager reads the warning)."""
    if not stage.study_days:  # a weekend start's first days, or a week of days off
        last = f" (the last on {fmt_date(stage.last_new)})" if stage.last_new else ""
        return (
            f"Heads-up: this week has no study day in your plan, so its {stage.cards} cards start in the weeks "
            f"after{last}, at your {pace} a day."
        )
    if stage.late and stage.last_new:
        return (
            f"Heads-up: at {pace} new cards a day, {stage.late} of this week's {stage.cards} cards "
            f"start{'s' if stage.late == 1 else ''} after "
            f"{fmt_date(stage.week_end)} (the last on {fmt_date(stage.last_new)}). Keep to your {pace} a day: "
            "Anki brings them in the days after, and this calendar counts them."
        )
    return (
        "Heads-up: this week has no study day in your plan, so its cards start in the weeks after, "
        f"at your {pace} a day."
    )


def _event(lines: list[str]) -> list[str]:
    return ["BEGIN:VEVENT", *lines, "END:VEVENT"]


def hire_events(plan: CohortPlan, hp: HirePlan) -> list[list[str]]:
    """The hire's VEVENTs: one all-day event per week start, one study block per study day with work."""
    cohort, hire, schedule = plan.cohort, hp.hire, hp.schedule
    stamp = _stamp(hp)
    root = hp.track.track.root_deck
    events: list[list[str]] = []
    for week in schedule.weeks():
        stage = week.stage
        lines = [f"Week {week.number} of {schedule.track}: {week.title}."]
        if stage is not None:
            lines.append(
                "Decks: "
                + "; ".join(f"{d.name} ({d.cards} cards{', optional' if d.optional else ''})" for d in stage.decks)
                + "."
            )
        lines.append(
            f"{week.new_cards} new cards this week at {schedule.new_per_day} a day, "
            f"about {week.avg_minutes:g} minutes a day."
            if week.study_days
            else "No study day this week (days off)."
        )
        if stage is not None and stage.warning:  # for the hire: `deckgen plan`'s warning tells the manager what to edit
            lines.append(learner_note(stage, schedule.new_per_day))
        elif stage is not None and (ahead := ahead_note(stage, schedule)):
            lines.append(ahead)
        lines.append(hp.instructions)
        description = "\n".join(lines)
        events.append(
            _event(
                [
                    f"UID:{_uid(cohort.slug, hire.uid_slug, 'week', week.number, week.week_start)}",
                    f"DTSTAMP:{stamp}",
                    f"DTSTART;VALUE=DATE:{week.week_start:%Y%m%d}",
                    f"DTEND;VALUE=DATE:{week.week_start + dt.timedelta(days=1):%Y%m%d}",
                    f"SUMMARY:{escape_text(f'Week {week.number}: {week.title} ({week.new_cards} new cards)')}",
                    f"DESCRIPTION:{escape_text(description)}",
                    "TRANSP:TRANSPARENT",
                ]
            )
        )
    for day in (*schedule.days, *_reviews_after(schedule)):
        if day.minutes <= 0:
            continue
        start = study_start(cohort, day.date)
        length = block_minutes(day.minutes)
        reviews = round(day.reviews)
        work = ", ".join(
            part
            for part in (
                f"{day.new} new card{'' if day.new == 1 else 's'}" if day.new else "",
                f"about {reviews} review{'' if reviews == 1 else 's'}" if reviews else "",
            )
            if part
        )
        description = (
            f"Study the deck '{root}' in Anki: {work or 'reviews'} (about {day.minutes:.1f} minutes "
            f"by the plan's workload model).\n{hp.instructions}"
        )
        events.append(
            _event(
                [
                    f"UID:{_uid(cohort.slug, hire.uid_slug, 'study', day.date)}",
                    f"DTSTAMP:{stamp}",
                    f"DTSTART:{_utc(start)}",
                    f"DURATION:PT{length}M",
                    f"SUMMARY:{escape_text(f'Anki: {work or root} ({length} min)')}",
                    f"DESCRIPTION:{escape_text(description)}",
                    "TRANSP:OPAQUE",
                ]
            )
        )
    return events


def same_events(one: bytes, other: bytes) -> bool:
    """Whether two calendars hold the same events, whatever their DTSTAMP (which moves with every content change,
    even one that leaves the hire's plan as it was): one already sent need not be sent again."""

    def events(raw: bytes) -> list[bytes]:
        return [line for line in raw.split(b"\r\n") if not line.startswith(b"DTSTAMP:")]

    return events(one) == events(other)


def hire_calendar(plan: CohortPlan, hp: HirePlan) -> bytes:
    """The hire's whole ``.ics`` file."""
    name = f"{hp.track.track.title} — {hp.hire.name}"
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    lines: Iterable[str] = [*head, *(line for event in hire_events(plan, hp) for line in event), "END:VCALENDAR"]
    return b"".join(fold(line) for line in lines)


def calendar_name(hp: HirePlan) -> str:
    """The file name of a hire's calendar: ``<hire slug>.ics``."""
    return f"{hp.hire.slug}.ics"


def first_study_day(hp: HirePlan) -> dt.date | None:
    """The first day with a study block (for messages)."""
    return next((d.date for d in hp.schedule.days if d.minutes > 0), None)


def describe(hp: HirePlan) -> str:
    """One line about a written calendar."""
    first = first_study_day(hp)
    return f"{hp.hire.name}: {len(hp.schedule.stages)} weeks from {fmt_date(first) if first else '—'}"


def cohort_dir(config: Config, slug: str) -> Path:
    """Where a cohort's calendars go by default: ``build/cohorts/<cohort>/``."""
    return config.out_dir / COHORTS_DIR / slug


def stale_calendars(config: Config, cohorts: Sequence[CohortPlan]) -> list[str]:
    """A warning per cohort whose calendars in ``build/cohorts/`` (written by ``deckgen plan --cohort --format
    ics``, and perhaps sent) no longer hold its plan, naming those to send again."""
    warnings = []
    for cohort_plan in cohorts:
        folder = cohort_dir(config, cohort_plan.cohort.slug)
        if not folder.is_dir():
            continue
        changed = []
        for hp in cohort_plan.hires:
            target = folder / calendar_name(hp)
            if not (target.is_file() and same_events(target.read_bytes(), hire_calendar(cohort_plan, hp))):
                changed.append(target.name)
        if changed:
            warnings.append(
                f"{config.rel(folder)}: {len(changed)} calendar(s) no longer match the plan ({', '.join(changed)}): "
                f"run 'deckgen plan --cohort {cohort_plan.cohort.slug} --format ics' and send those again"
            )
    return warnings
