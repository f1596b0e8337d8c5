"""Onboarding cohorts (``decks/cohorts/*.yaml``): who is on which track, from which date.

A cohort names its hires by a name or handle (no e-mail), gives each a track (the track
file's stem) and a start date, and optionally their own ``new_per_day``. The cohort's
time zone and study time place the calendar's study blocks and decide which day a
review belongs to in the progress report. Read with the YAML helpers of
``deckgen.sources.notes``, so every problem names ``file:line:col``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import zoneinfo
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from deckgen.core.errors import ContentError, Finding
from deckgen.core.text import ascii_name_slug, name_slug
from deckgen.sources.layout import cohort_files
from deckgen.sources.notes import SafeLoader, load_yaml, read_text, shown_as_written

COHORT_KEYS = ("title", "timezone", "study_time", "days_per_week", "days_off", "site", "hires")
HIRE_KEYS = ("name", "track", "start", "new_per_day", "days_off", "renamed_from")
DEFAULT_TIMEZONE = "UTC"
DEFAULT_STUDY_TIME = dt.time(9, 0)
MAX_HIRES = 500
MAX_DAYS_OFF = 366  # days in one list (a range counts its days)
_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*\Z")  # \Z: "$" would accept a trailing newline
_TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class Hire:
    """One person in a cohort: their track, first day and optional own pace."""

    name: str
    slug: str  # file-name-safe form of the name: calendars are <slug>.ics, exports match <slug>*.apkg
    track: str  # track file stem
    start: dt.date
    new_per_day: int | None = None
    line: int = 0
    # The slug earlier releases derived, which split a name at every non-ASCII letter ('ana-mar-a-k'
    # for 'Ana María K.'; '' for a name without ASCII letters or digits). Calendar UIDs are still
    # derived from it, so a re-sent calendar updates the events a hire already has instead of adding
    # a second copy of each; an export named that way is still matched.
    legacy_slug: str = ""
    days_off: frozenset[dt.date] = frozenset()  # the hire's own (leave), besides the cohort's
    # 'renamed_from: Ana K.': the name this hire's calendars were sent under, when the cohort file
    # corrects it later; their events keep their UIDs, and exports named the old way still match
    renamed_from: str = ""

    @property
    def uid_slug(self) -> str:
        """The form of the name that calendar UIDs are derived from (stable across releases and renames)."""
        if self.renamed_from:
            return _legacy_slug(self.renamed_from) or name_slug(self.renamed_from)
        return self.legacy_slug or self.slug

    def sent(self, stem: str) -> bool:
        """Whether a file named ``stem`` is this hire's: their name, then nothing or '-week3', '_2' etc."""
        sent, typed = name_slug(stem), ascii_name_slug(stem)
        names = (self.slug, self.legacy_slug, name_slug(self.renamed_from), _legacy_slug(self.renamed_from))
        if any(slug and (sent == slug or sent.startswith(slug + "-")) for slug in names):
            return True
        # 'Zoe Nunez-Lukasiewicz.apkg' from Zoë Núñez-Łukasiewicz, whose keyboard has no 'Ł'
        return any(
            slug and (typed == slug or typed.startswith(slug + "-"))
            for slug in (ascii_name_slug(self.name), ascii_name_slug(self.renamed_from))
        )


@dataclass(frozen=True)
class Cohort:
    """A parsed cohort file."""

    slug: str
    title: str
    path: str
    timezone: str
    study_time: dt.time
    hires: tuple[Hire, ...]
    days_per_week: int = 5
    site: bool = False  # opt-in: the site's cohort page names people
    days_off: frozenset[dt.date] = frozenset()  # holidays for everyone: no new cards, reviews wait

    def days_off_for(self, hire: Hire) -> frozenset[dt.date]:
        """The days ``hire`` does not study besides the weekly days off: the cohort's and their own."""
        return self.days_off | hire.days_off

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        """The cohort's time zone."""
        return zoneinfo.ZoneInfo(self.timezone)

    def hire(self, name: str) -> Hire | None:
        """The hire called ``name``, however it is spelled ('Ana María K.', 'ana-maria-k', 'ana maria k'), if any."""
        slug = name_slug(name)
        return next((h for h in self.hires if name == h.name or (slug and slug == h.slug)), None)


def _legacy_slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@dataclass(frozen=True)
class _Node:
    line: int
    col: int
    raw: str | None  # a scalar's text as written (``9:00`` stays text; YAML 1.1 would read it as 540)


def _nodes(text: str) -> dict[tuple[Any, ...], _Node]:
    """Where every key and item is, by its path from the root (values' positions under the key's path)."""
    found: dict[tuple[Any, ...], _Node] = {}
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError:
        return found

    def walk(node: yaml.Node, path: tuple[Any, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                raw = value.value if isinstance(value, yaml.ScalarNode) else None
                found[path + (key.value,)] = _Node(key.start_mark.line + 1, key.start_mark.column + 1, raw)
                walk(value, path + (key.value,))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                found[path + (index,)] = _Node(item.start_mark.line + 1, item.start_mark.column + 1, None)
                walk(item, path + (index,))

    if root is not None:
        walk(root, ())
    return found


def _close(word: str, known: Iterable[str], fallback: str) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else fallback


class _LenientDates(SafeLoader):  # type: ignore[misc]
    """A safe loader that keeps an impossible date (``2026-02-30``) as text, so it can be reported in place."""


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return str(node.value)


_LenientDates.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


def parse_cohort(text: str, rel: str, tracks: Collection[str]) -> Cohort:
    """Parse one cohort file against the known track slugs; raise ContentError listing every problem."""
    try:
        data = load_yaml(text, rel)
    except ValueError:
        # PyYAML raises a bare ValueError for an impossible date; the YAML itself was checked already.
        data = yaml.load(text, Loader=_LenientDates)  # noqa: S506 - a SafeLoader subclass
    example = "write 'timezone: Europe/Berlin' and 'hires:' with '- name: …', 'track: …', 'start: YYYY-MM-DD'"
    if not isinstance(data, dict):
        raise ContentError(Finding(rel, 1, "a cohort must be a mapping", example, "cohort"))
    nodes = _nodes(text)
    findings: list[Finding] = []

    def problem(path: tuple[Any, ...], message: str, fix: str, rule: str = "cohort") -> None:
        node = nodes.get(path) or nodes.get(path[:-1]) or _Node(1, 1, None)
        findings.append(Finding(rel, node.line, message, fix, rule, col=node.col))

    for key in data:
        if key not in COHORT_KEYS:
            problem(
                (key,),
                f"unknown key '{key}'",
                _close(str(key), COHORT_KEYS, "allowed keys: " + ", ".join(COHORT_KEYS)),
                "unknown-key",
            )
    title = data.get("title", Path(rel).stem)
    if not isinstance(title, (str, int)) or isinstance(title, bool) or not str(title).strip():
        problem(("title",), "'title' must be text", "write e.g. 'title: Spring 2026 APMs'")
        title = Path(rel).stem
    timezone = data.get("timezone", DEFAULT_TIMEZONE)
    if not isinstance(timezone, str) or not _valid_zone(timezone):
        problem(
            ("timezone",),
            f"'timezone' {shown_as_written(timezone)} is not an IANA time zone",
            "write e.g. 'timezone: Europe/Berlin' or 'timezone: America/New_York' (default: UTC)",
        )
        timezone = DEFAULT_TIMEZONE
    study_time = DEFAULT_STUDY_TIME
    if "study_time" in data:
        raw = nodes.get(("study_time",), _Node(1, 1, None)).raw
        match = _TIME_RE.match(raw.strip()) if raw is not None else None
        if match is None:
            problem(
                ("study_time",),
                f"'study_time' {shown_as_written(raw or data['study_time'])} is not a time of day",
                "write e.g. 'study_time: \"09:00\"' (24-hour clock)",
            )
        else:
            study_time = dt.time(int(match.group(1)), int(match.group(2)))
    days = data.get("days_per_week", 5)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 7:
        problem(
            ("days_per_week",),
            f"'days_per_week' must be a whole number from 1 to 7, not {shown_as_written(days)}",
            "write e.g. 'days_per_week: 5' (Monday to Friday)",
        )
        days = 5
    site = data.get("site", False)
    if not isinstance(site, bool):
        problem(
            ("site",),
            f"'site' must be true or false, not {shown_as_written(site)}",
            "write 'site: true' to publish the cohort's page (it names the hires)",
        )
        site = False
    days_off = _parse_days_off(data.get("days_off"), ("days_off",), problem)
    hires = _parse_hires(data.get("hires"), problem, tracks, nodes)
    if findings:
        raise ContentError(findings)
    return Cohort(
        slug=Path(rel).stem,
        title=str(title).strip(),
        path=rel,
        timezone=timezone,
        study_time=study_time,
        hires=tuple(hires),
        days_per_week=days,
        site=site,
        days_off=days_off,
    )


_DAYS_OFF_FIX = "list dates and ranges, e.g. 'days_off: [2026-12-24, 2026-12-25, {from: 2026-12-28, to: 2027-01-01}]'"


# a plan runs a year or more past its start: a date in year 9999 overflowed the calendar, and a year such as
# 2206 is a typo a cohort file should be told about
_PLAUSIBLE_FIRST, _PLAUSIBLE_LAST = dt.date(2000, 1, 1), dt.date(2099, 12, 31)
PLAUSIBLE_DAYS = "outside the years 2000 to 2099"


def plausible_day(day: dt.date) -> bool:
    """Whether a date a plan starts from or skips is in the years deckgen plans for (2000 to 2099)."""
    return _PLAUSIBLE_FIRST <= day <= _PLAUSIBLE_LAST


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def days_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """Every day from ``first`` to ``last``, both included (a ``{from, to}`` range of days off)."""
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _parse_days_off(raw: Any, at: tuple[Any, ...], problem: Any) -> frozenset[dt.date]:
    """``days_off``: dates and ``{from: DATE, to: DATE}`` ranges (both ends included)."""
    if raw is None:
        return frozenset()
    if not isinstance(raw, list):
        problem(at, f"'days_off' must be a list, not {shown_as_written(raw)}", _DAYS_OFF_FIX)
        return frozenset()
    days: set[dt.date] = set()
    for index, item in enumerate(raw):
        where = at + (index,)
        if isinstance(item, str) and ".." in item:  # '2026-12-24..2027-01-01', as `deckgen plan --day-off` takes it
            first_text, _, last_text = item.partition("..")
            item = {"from": first_text.strip(), "to": last_text.strip()}
        if isinstance(item, dict):
            unknown = [k for k in item if k not in ("from", "to")]
            first, last = _day(item.get("from")), _day(item.get("to"))
            if unknown or first is None or last is None:
                problem(
                    where,
                    f"cannot read the range {shown_as_written(item)}",
                    "write a range as '{from: 2026-12-28, to: 2027-01-01}'",
                )
                continue
            if not (plausible_day(first) and plausible_day(last)):
                problem(where, f"the range {first} to {last} is {PLAUSIBLE_DAYS}", "check the year (YYYY-MM-DD)")
                continue
            if last < first:
                problem(where, f"the range ends ({last}) before it starts ({first})", "swap 'from' and 'to'")
                continue
            if (last - first).days >= MAX_DAYS_OFF:
                problem(where, f"the range {first} to {last} is longer than {MAX_DAYS_OFF} days", "list shorter ranges")
                continue
            days.update(days_between(first, last))
        elif (day := _day(item)) is not None and not plausible_day(day):
            problem(where, f"{day} is {PLAUSIBLE_DAYS}", "check the year (YYYY-MM-DD)")
        elif day is not None:
            days.add(day)
        else:
            problem(where, f"{shown_as_written(item)} is not a date", "write dates as YYYY-MM-DD; " + _DAYS_OFF_FIX)
    if len(days) > MAX_DAYS_OFF:
        problem(at, f"{len(days)} days off is more than {MAX_DAYS_OFF}", "list only the days that fall in the plans")
        return frozenset()
    return frozenset(days)


def _valid_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _parse_hires(raw: Any, problem: Any, tracks: Collection[str], nodes: dict[tuple[Any, ...], _Node]) -> list[Hire]:
    fix = "list hires as '- name: Ana', 'track: <track file stem>', 'start: 2026-03-02'"
    if not isinstance(raw, list) or not raw:
        problem(("hires",), "'hires' must list the cohort's people", fix)
        return []
    if len(raw) > MAX_HIRES:
        problem(("hires",), f"{len(raw)} hires is more than {MAX_HIRES}", "split the cohort into several files")
        return []
    hires: list[Hire] = []
    seen: dict[str, str] = {}
    known_tracks = ", ".join(sorted(tracks)) or "(none: add decks/tracks/<name>.yaml first)"
    for index, item in enumerate(raw):
        at = ("hires", index)
        if not isinstance(item, dict):
            problem(at, f"cannot read hire {shown_as_written(item)}", fix)
            continue
        for key in item:
            if key not in HIRE_KEYS:
                problem(
                    at + (key,),
                    f"unknown hire key '{key}'",
                    _close(str(key), HIRE_KEYS, "allowed keys: " + ", ".join(HIRE_KEYS)),
                    "unknown-key",
                )
        name = item.get("name")
        slug = name_slug(name) if isinstance(name, str) else ""
        if not isinstance(name, str) or not name.strip() or len(name) > 80 or not slug:
            problem(
                at + ("name",),
                f"hire {index + 1} needs a 'name' (a name or handle with a letter or digit, at most 80 characters)",
                "write e.g. 'name: Ana K.'",
            )
            name, slug = f"hire {index + 1}", f"hire-{index + 1}"
        elif slug in seen:
            problem(
                at + ("name",),
                f"'{name}' and '{seen[slug]}' would share the file name '{slug}'",
                "give each hire a distinct name or handle",
            )
        seen.setdefault(slug, name)
        track = item.get("track")
        if not isinstance(track, str) or not track.strip():
            problem(at + ("track",), f"'{name}' needs a 'track'", f"write 'track: <one of {known_tracks}>'")
            track = ""
        elif track not in tracks:
            problem(
                at + ("track",),
                f"no track named '{track}'",
                _close(track, tracks, f"use a track file stem from decks/tracks/: {known_tracks}"),
                "unknown-track",
            )
        written = item.get("start")
        start = _day(written)  # a quoted date ('start: "2026-03-02"') is the same date
        if start is None:
            problem(
                at + ("start",),
                f"'{name}' needs a 'start' date" + ("" if written is None else f", not {shown_as_written(written)}"),
                "write e.g. 'start: 2026-03-02' (YYYY-MM-DD)",
            )
            start = dt.date(1970, 1, 1)
        elif not plausible_day(start):
            problem(at + ("start",), f"'{name}' starts on {start}, {PLAUSIBLE_DAYS}", "check the year (YYYY-MM-DD)")
            start = dt.date(1970, 1, 1)
        pace = item.get("new_per_day")
        if pace is not None and (isinstance(pace, bool) or not isinstance(pace, int) or not 1 <= pace <= 500):
            problem(
                at + ("new_per_day",),
                f"'new_per_day' must be a whole number from 1 to 500, not {shown_as_written(pace)}",
                f"write it without quotes: 'new_per_day: {pace.strip()}'"
                if isinstance(pace, str) and pace.strip().isdigit()
                else "write e.g. 'new_per_day: 8', or leave it out to use the track's pace",
            )
            pace = None
        line = nodes[at].line if at in nodes else 0
        days_off = _parse_days_off(item.get("days_off"), at + ("days_off",), problem)
        before = item.get("renamed_from", "")
        if not isinstance(before, str) or (
            "renamed_from" in item and not _legacy_slug(before) and not name_slug(before)
        ):
            problem(
                at + ("renamed_from",),
                f"'renamed_from' must be the name {name}'s calendars were sent under, not {shown_as_written(before)}",
                "write e.g. 'renamed_from: Ana K.', or leave it out",
            )
            before = ""
        hires.append(
            Hire(name.strip(), slug, track.strip(), start, pace, line, _legacy_slug(name), days_off, before.strip())
        )
    return hires


def load_cohorts(decks_dir: Path, root: Path, tracks: Collection[str]) -> tuple[list[Cohort], list[Finding]]:
    """Every cohort in ``decks/cohorts/`` that parses, and the problems of those that do not."""
    cohorts: list[Cohort] = []
    findings: list[Finding] = []
    for path in cohort_files(decks_dir):
        rel = path.relative_to(root).as_posix()
        if not _SLUG_RE.match(path.stem):
            findings.append(
                Finding(
                    rel,
                    0,
                    f"cohort file name '{path.name}' is not a usable slug",
                    "rename it with lowercase letters, digits, '-', '_' or '.'",
                    "cohort",
                )
            )
            continue
        try:
            cohorts.append(parse_cohort(read_text(path, rel), rel, tracks))
        except ContentError as exc:
            findings.extend(exc.findings)
    return cohorts, findings


def find_cohort(cohorts: Iterable[Cohort], name: str, where: str) -> Cohort:
    """The cohort whose file stem, title or path is ``name``; a ContentError with did-you-mean otherwise."""
    cohorts = list(cohorts)
    for cohort in cohorts:
        if name in (cohort.slug, cohort.title, cohort.path):
            return cohort
    slugs = [c.slug for c in cohorts]
    fallback = f"use one of: {', '.join(slugs)}" if slugs else f"none yet: add {where}/<name>.yaml"
    raise ContentError(Finding(where, 0, f"no cohort named '{name}'", _close(name, slugs, fallback), "unknown-cohort"))
