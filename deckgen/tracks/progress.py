"""``deckgen progress``: who in a cohort is on pace, from the hires' own Anki exports.

A hire exports the track's deck (or all decks) from Anki as an Anki Deck Package with
scheduling information and sends the file. The file is untrusted: it is size-checked
before it is read, its zip entries' declared sizes are checked for zip bombs, only the
entries the Anki engine needs are copied (into a fresh package in a private temp
folder), and it is read by importing it, with scheduling, into a fresh collection with
the real Anki engine (the ``anki`` package: ``pip install "deckgen[progress]"``) in a
child process that may not write files past a size limit (the collection inside a
newer package is zstd-compressed, and only unpacking it shows its real size).

Only cards whose note GUID is one of the track's are looked at: other decks, other
notes, card content and the hire's own notes are never read into the report.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from deckgen.core.archives import ArchiveError, check_entry, read_entry
from deckgen.core.config import extra_install
from deckgen.core.errors import ConfigError, ContentError, Finding
from deckgen.sources.cohorts import Cohort, Hire
from deckgen.sources.notes import did_you_mean
from deckgen.tracks.cohorts import CohortPlan, HirePlan
from deckgen.tracks.workload import WorkloadModel, fmt_date

ProgressFormat = Literal["text", "markdown", "json", "html"]

MAX_EXPORT_BYTES = 100 * 1024 * 1024  # the file as sent
MAX_COLLECTION_BYTES = 512 * 1024 * 1024  # the collection entry once unzipped
MAX_ENTRIES = 100_000  # media files are one entry each; a deck package with more is not a deck
ENGINE_SECONDS = 300  # reading one export; a normal one takes about a second
DAY_STARTS_AT = 4  # Anki's default "Next day starts at" hour: a review at 2 a.m. counts for the day before
_COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")  # newest format first
_EMPTY_MEDIA_V3 = bytes.fromhex("28b52ffd2000010000")  # what Anki writes for "no media": an empty zstd frame
# Review-log kinds (anki.consts REVLOG_*): 0 learning, 1 review, 2 relearning, 3 filtered deck, 4 manual.
_LEARNING_KINDS = (0, 2)
_REVIEW_KINDS = (1, 3)
_PROGRESS_FIX = "ask the hire to export again: File > Export, 'Anki Deck Package (.apkg)', the track's deck, 'Include scheduling information' ticked"


@dataclass(frozen=True)
class TrackCards:
    """The track's notes as Anki knows them: GUID -> the week (stage number) that teaches it."""

    slug: str
    title: str
    root_deck: str
    stage_of: Mapping[str, int]
    retired: frozenset[str] = frozenset()  # of stage_of's GUIDs, those no longer in the track (studied before, counted)


@dataclass(frozen=True)
class CardRecord:
    """A card of the track found in an export (no content: its note's GUID and template number)."""

    card_id: int
    guid: str
    ord: int


@dataclass(frozen=True)
class ReviewRecord:
    """One review-log entry of a track card."""

    time_ms: int  # the entry's id: when the answer was given (Unix milliseconds)
    card_id: int
    ease: int  # 1 Again, 2 Hard, 3 Good, 4 Easy; 0 for manual changes
    kind: int  # see _LEARNING_KINDS / _REVIEW_KINDS


@dataclass(frozen=True)
class ExportData:
    """What an export holds about the track's cards, and nothing else."""

    path: str
    cards: tuple[CardRecord, ...]
    reviews: tuple[ReviewRecord, ...]


@dataclass(frozen=True)
class WeekProgress:
    """One calendar week (Monday to Sunday) of a hire's onboarding."""

    number: int
    start: dt.date
    end: dt.date
    planned_new: int
    started: int
    reviews: int
    passed: int
    learning_steps: int
    days_studied: int

    @property
    def retention(self) -> float | None:
        """Share of reviews passed (Hard, Good or Easy), None without reviews."""
        return self.passed / self.reviews if self.reviews else None


@dataclass(frozen=True)
class HireProgress:
    """A hire's figures as of the report's date; ``error`` when their export could not be used."""

    name: str
    track: str
    start: dt.date
    new_per_day: int
    total_cards: int
    export: str | None = None
    error: str | None = None
    planned_started: int = 0
    started: int = 0
    reviews: int = 0
    passed: int = 0
    learning_steps: int = 0
    days_studied: int = 0
    days_off_pace: int = 0  # > 0 ahead, < 0 behind, in days of new cards at the hire's pace
    not_counted: int = 0  # review-log entries after the report's date
    retired_started: int = 0  # of ``started``, cards retired from the track since (so started may pass total_cards)
    weeks: tuple[WeekProgress, ...] = ()

    @property
    def retention(self) -> float | None:
        """Share of reviews passed, None without reviews."""
        return self.passed / self.reviews if self.reviews else None

    @property
    def verdict(self) -> str:
        """``on pace``, ``behind by N days``, ``ahead by N days``, ``not started yet``, ``no export``."""
        if self.error:
            return "export unusable"
        if self.export is None:
            return "no export received"
        if self.days_off_pace < 0:
            return f"behind by {-self.days_off_pace} day{'' if self.days_off_pace == -1 else 's'}"
        if self.days_off_pace > 0:
            return f"ahead by {self.days_off_pace} day{'' if self.days_off_pace == 1 else 's'}"
        return "on pace"


@dataclass(frozen=True)
class ProgressReport:
    """A cohort's progress as of a date."""

    cohort: str
    title: str
    timezone: str
    as_of: dt.date
    hires: tuple[HireProgress, ...]
    problems: tuple[Finding, ...] = ()  # exports that could not be used or matched to a hire
    model: WorkloadModel = field(default_factory=WorkloadModel)
    days_per_week: int = 5
    days_off: bool = False  # whether the cohort file lists days off (for everyone or for some hires)
    notes: tuple[str, ...] = ()  # which of a hire's several exports counted

    @property
    def assumptions(self) -> list[str]:
        """The workload model and counting rules behind every figure, in words."""
        model = self.model
        return [
            f"Plan: new cards start in curriculum order at each hire's new_per_day on the first {self.days_per_week} days of each week (Monday first)"
            f"{', except the days off listed in the cohort file' if self.days_off else ''}; "
            f"the plan's workload model: learning steps {' and '.join(f'{m}m' for m in model.learning_steps_minutes)}, reviews "
            f"{', '.join(str(d) for d in model.review_offsets_days)} days after the first study, {model.lapse_rate:.0%} lapses, "
            f"{model.seconds_per_new_card:.0f} s per new card, {model.seconds_per_review:.0f} s per review.",
            "Cards started: cards of the track with a first answer by the end of the report's date; planned: what the plan has started by then.",
            "Pace: cards started minus planned, in days of new cards at the hire's pace (behind rounds up, ahead rounds down).",
            "Reviews: review-log entries of review cards (filtered decks included); learning steps (new and relearning cards) are counted separately.",
            "Retention: share of reviews answered Hard, Good or Easy (not Again).",
            f"Days: a study day runs from {DAY_STARTS_AT}:00 to {DAY_STARTS_AT}:00 in {self.timezone} (Anki's 'Next day starts at').",
            "Answers given before a hire's start date are in a row of their own, 'before' (the totals count them).",
            "Only the track's cards (matched by note GUID) are read; other decks and notes in an export are ignored.",
        ]


def track_cards(slug: str, title: str, root_deck: str, stage_of: Mapping[str, int]) -> TrackCards:
    """A TrackCards record (built by deckgen.builder.planning from the build plan's GUIDs)."""
    return TrackCards(slug, title, root_deck, dict(stage_of))


def _problem(path: str, message: str, fix: str = _PROGRESS_FIX) -> ContentError:
    return ContentError(Finding(path, 0, message, fix, "export"))


def safe_package(source: Path, label: str, workdir: Path) -> Path:
    """Check an export and copy only the entries Anki needs into a fresh package in ``workdir``."""
    if source.suffix.lower() == ".colpkg":
        raise _problem(
            label,
            "is an Anki Collection Package (.colpkg): a backup of the hire's whole Anki collection, which deckgen does not read",
        )
    if source.suffix.lower() != ".apkg":
        raise _problem(label, f"is not an Anki Deck Package (.apkg), but '{source.suffix or 'no extension'}'")
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise _problem(label, f"cannot be read: {exc.strerror}", "check the path") from exc
    if size > MAX_EXPORT_BYTES:
        raise _problem(
            label,
            f"is {size:,} bytes, over the {MAX_EXPORT_BYTES:,} limit for an export",
            "export the track's deck only, without media",
        )
    try:
        with zipfile.ZipFile(source) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_ENTRIES:
                raise _problem(label, f"holds {len(infos):,} entries, more than any deck package")
            by_name = {info.filename: info for info in infos}
            name = next((n for n in _COLLECTIONS if n in by_name), None)
            if name is None:
                raise _problem(label, "is a zip file but holds no Anki collection")
            entries = {name: by_name[name]}
            if name == "collection.anki21b":
                if "meta" not in by_name:
                    raise _problem(label, "is a newer-format package without its 'meta' entry")
                entries["meta"] = by_name["meta"]
            for entry, info in entries.items():
                try:
                    check_entry(info, MAX_COLLECTION_BYTES if entry.startswith("collection") else 1024)
                except ArchiveError as exc:
                    raise _problem(label, str(exc)) from None
            target = workdir / "export.apkg"
            with zipfile.ZipFile(target, "w") as clean:
                for entry, info in entries.items():
                    clean.writestr(entry, read_entry(archive, info))
                # The media map is replaced by an empty one: the report needs no images, and the
                # hire's media files are neither unzipped nor passed on.
                clean.writestr("media", _EMPTY_MEDIA_V3 if name == "collection.anki21b" else b"{}")
            return target
    except ContentError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError) as exc:
        raise _problem(label, f"is not a readable Anki package (corrupt or not a zip file: {exc})") from exc


def read_export(source: Path, label: str, track: TrackCards, max_unpacked: int = MAX_COLLECTION_BYTES) -> ExportData:
    """The track's cards and their review log in an export, read with the real Anki engine.

    The engine runs in a child process whose files may not grow past ``max_unpacked``
    bytes: a newer-format package stores its collection zstd-compressed inside the zip,
    and nothing but unpacking it tells how large it really is.
    """
    if importlib.util.find_spec("anki") is None:
        raise ConfigError(
            Finding(
                label,
                0,
                "reading Anki exports needs the Anki engine",
                f"install it with: {extra_install('progress')}",
                "config",
            )
        )
    workdir = Path(tempfile.mkdtemp(prefix="deckgen-progress-"))
    try:
        package = safe_package(source, label, workdir)
        cards, reviews = _run_engine(package, label, track, workdir, max_unpacked)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if not cards:
        raise _problem(
            label,
            f"holds none of the cards of the track '{track.title}' (another deck, or another project's cards)",
            f"ask the hire to export the deck '{track.root_deck}' (or 'All decks') as an Anki Deck Package with scheduling",
        )
    if not reviews:
        raise _problem(
            label,
            f"holds the track's {len(cards)} cards but no review history: it was exported without scheduling information, or nothing was studied yet",
        )
    return ExportData(label, cards, reviews)


def _run_engine(
    package: Path, label: str, track: TrackCards, workdir: Path, max_unpacked: int
) -> tuple[tuple[CardRecord, ...], tuple[ReviewRecord, ...]]:
    """Import ``package`` in a child process with a file-size limit; return only the track's cards and reviews."""
    root = str(Path(__file__).resolve().parents[2])  # the folder holding the deckgen package
    env = {
        **os.environ,
        "TMPDIR": str(workdir),
        "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])),
    }
    command = [sys.executable, "-m", "deckgen.tracks.progress", str(package), str(workdir), str(max_unpacked)]
    try:
        done = subprocess.run(
            command,
            input=json.dumps(sorted(track.stage_of)),
            capture_output=True,
            text=True,
            env=env,
            timeout=ENGINE_SECONDS,
        )
    except subprocess.TimeoutExpired as exc:
        raise _problem(label, f"took Anki more than {ENGINE_SECONDS} seconds to read") from exc
    try:
        answer = (
            json.loads(done.stdout.strip().splitlines()[-1]) if done.returncode == 0 and done.stdout.strip() else {}
        )
    except ValueError:
        answer = {}
    if "error" in answer or "cards" not in answer:
        reason = answer.get("error") or (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise _problem(label, f"could not be read by Anki: {reason}")
    cards = tuple(CardRecord(int(cid), str(guid), int(ord_)) for cid, guid, ord_ in answer["cards"])
    reviews = tuple(
        ReviewRecord(int(rid), int(cid), int(ease), int(kind)) for rid, cid, ease, kind in answer["reviews"]
    )
    return cards, reviews


def _engine_main(package: str, workdir: str, max_unpacked: int) -> dict[str, Any]:
    """In the child: import the package with scheduling into a fresh collection; keep the track's rows only."""
    try:
        import resource
        import signal

        # Past the limit a write fails (EFBIG) instead of filling the disk; ignoring SIGXFSZ turns
        # the signal into that error, which the engine reports.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_unpacked, max_unpacked))
    except (ImportError, AttributeError, ValueError, OSError):  # no such limits on this platform
        pass
    from anki import import_export_pb2 as ie
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    guids = set(json.loads(sys.stdin.read()))
    col = Collection(str(Path(workdir) / "collection.anki2"))
    try:
        options = ImportAnkiPackageOptions(
            merge_notetypes=False,
            update_notes=ie.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
            update_notetypes=ie.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
            with_scheduling=True,  # the review history is the point
            with_deck_configs=False,
        )
        try:
            col.import_anki_package(ImportAnkiPackageRequest(package_path=package, options=options))
        except Exception as exc:  # the engine's errors (DBError, BackendError …): a corrupt, foreign or oversized file
            message = str(exc).strip() or type(exc).__name__
            if "File too large" in message or "os error 27" in message:
                message = f"it unpacks to more than {max_unpacked:,} bytes"
            return {"error": message[:300]}
        db = col.db
        assert db is not None  # open until col.close()
        # Filter by GUID at once: nothing about other notes leaves this process.
        notes = {nid: guid for nid, guid in db.all("select id, guid from notes") if guid in guids}
        cards = [
            [cid, notes[nid], ord_]
            for cid, nid, ord_ in db.all("select id, nid, ord from cards order by id")
            if nid in notes
        ]
        ids = {card[0] for card in cards}
        reviews = [row for row in db.all("select id, cid, ease, type from revlog order by id") if row[1] in ids]
    finally:
        col.close()
    return {"cards": cards, "reviews": reviews}


def study_day(time_ms: int, cohort: Cohort) -> dt.date:
    """The Anki day a review belongs to: its local time in the cohort's zone, minus the 4 a.m. day start."""
    local = dt.datetime.fromtimestamp(time_ms / 1000, cohort.zone)
    return (local - dt.timedelta(hours=DAY_STARTS_AT)).date()


def hire_progress(
    cohort: Cohort, hp: HirePlan, export: ExportData, as_of: dt.date, retired_guids: frozenset[str] = frozenset()
) -> HireProgress:
    """A hire's figures as of ``as_of`` (end of that Anki day) from their export (``retired_guids``: notes retired from
    the track, whose cards count as started but are not among its cards now)."""
    hire, schedule = hp.hire, hp.schedule
    first: dict[int, dt.date] = {}
    counted: list[tuple[dt.date, ReviewRecord]] = []
    late = 0
    for review in export.reviews:
        if review.ease == 0:  # manual rescheduling, not an answer
            continue
        day = study_day(review.time_ms, cohort)
        if day > as_of:
            late += 1
            continue
        counted.append((day, review))
        first.setdefault(review.card_id, day)
    monday = hire.start - dt.timedelta(days=hire.start.weekday())
    spans: list[tuple[int, dt.date, dt.date]] = []  # (week number, first day, last day)
    early = [day for day, _ in counted if day < hire.start]
    if early:  # answers given before the start date: a row of their own ("before"), not week 1's
        spans.append((0, min(early), hire.start - dt.timedelta(days=1)))
    number = 1
    while as_of >= hire.start and monday + dt.timedelta(days=7 * (number - 1)) <= as_of:
        spans.append(
            (
                number,
                max(hire.start, monday + dt.timedelta(days=7 * (number - 1))),
                monday + dt.timedelta(days=7 * number - 1),
            )
        )
        number += 1
    weeks: list[WeekProgress] = []
    for number, start, end in spans:
        until = min(end, as_of)
        rows = [r for day, r in counted if start <= day <= until]
        weeks.append(
            WeekProgress(
                number=number,
                start=start,
                end=end,
                planned_new=schedule.new_cards(start, until) if number else 0,
                started=sum(1 for day in first.values() if start <= day <= until),
                reviews=sum(1 for r in rows if r.kind in _REVIEW_KINDS),
                passed=sum(1 for r in rows if r.kind in _REVIEW_KINDS and r.ease > 1),
                learning_steps=sum(1 for r in rows if r.kind in _LEARNING_KINDS),
                days_studied=len({day for day, _ in counted if start <= day <= until}),
            )
        )
    started = len(first)
    guid_of_card = {card.card_id: card.guid for card in export.cards}
    retired = sum(1 for card_id in first if guid_of_card.get(card_id) in retired_guids) if retired_guids else 0
    planned = schedule.new_cards(schedule.start, as_of)
    pace = schedule.new_per_day
    if started < planned:
        off = -math.ceil((planned - started) / pace)
    else:
        off = (min(started, schedule.total_cards) - planned) // pace
    return HireProgress(
        name=hire.name,
        track=hp.track.track.slug,
        start=hire.start,
        new_per_day=pace,
        total_cards=schedule.total_cards,
        export=export.path,
        planned_started=planned,
        started=started,
        reviews=sum(w.reviews for w in weeks),
        passed=sum(w.passed for w in weeks),
        learning_steps=sum(w.learning_steps for w in weeks),
        days_studied=len({day for day, _ in counted}),
        days_off_pace=off,
        not_counted=late,
        retired_started=retired,
        weeks=tuple(weeks),
    )


def match_exports(cohort: Cohort, exports: Sequence[str]) -> tuple[dict[str, list[tuple[str, Path]]], list[Finding]]:
    """Which hire sent which files: ``NAME=FILE``, or a file named after the hire (``Ana María K.apkg``,
    ``ana-maria-k-week3.apkg``). A hire may have sent several (a folder of weekly exports): all are listed."""
    matched: dict[str, list[tuple[str, Path]]] = {}
    problems: list[Finding] = []
    slugs = sorted((h for h in cohort.hires), key=lambda h: -len(h.slug))
    for arg in exports:
        hire: Hire | None = None
        if "=" in arg and not Path(arg).exists():
            name, _, file = arg.partition("=")
            hire = cohort.hire(name.strip())
            label = file
            if hire is None:
                problems.append(
                    Finding(
                        file,
                        0,
                        f"no hire named '{name}' in cohort '{cohort.slug}'",
                        did_you_mean(name.strip(), [h.name for h in cohort.hires], "use a name from " + cohort.path),
                        "export",
                    )
                )
                continue
        else:
            label = arg
            stem = Path(arg).stem
            hire = next((h for h in slugs if h.sent(stem)), None)  # the longest name first: 'bo-chen' before 'bo'
            if hire is None:
                problems.append(_unmatched(cohort, arg))
                continue
        matched.setdefault(hire.slug, []).append((label, Path(label)))
    return matched, problems


def _unmatched(cohort: Cohort, arg: str) -> Finding:
    """Why a file named on the command line is no hire's: missing, a folder, or named after no hire of the cohort
    (an onboarding manager's try: a mistyped path, a glob that matched nothing and a folder were each told to rename
    the file after the hire)."""
    path = Path(arg)
    if path.is_dir():
        return Finding(
            arg, 0, "is a folder, not an export", f"name the files in it ('{arg.rstrip('/')}/*.apkg')", "export"
        )
    if not path.exists():
        glob = any(c in arg for c in "*?[")
        what = "no file matches this pattern" if glob else "no such file"
        return Finding(arg, 0, what, "check the path (the exports' folder and the files' names)", "export")
    example = f"{cohort.hires[0].slug}.apkg" if cohort.hires else "ana-k.apkg"
    names = ", ".join(h.name for h in cohort.hires)
    # a warning, not an error: the weekly run over a folder of exports went on failing for the export of a hire who
    # had left the cohort (the report is still right without it, and names the file it skipped)
    return Finding(
        arg,
        0,
        f"cannot tell which hire sent this file: its name is none of the cohort's hires ({names}); skipped",
        f"name it after the hire (e.g. {example}) or pass NAME=FILE; the export of a hire who left the cohort: move it"
        " out of the folder",
        "export",
        severity="warning",
    )


STALE_EXPORT_DAYS = 3  # a gap this long between an export's last answer and the report's day is worth a word


def _ends_before(data: ExportData, label: str, as_of: dt.date, cohort: Cohort) -> str:
    """A note when the export's last answer is days before ``as_of``: the days after count as not studied, which is
    right for a hire who stopped and wrong for an export made days ago ('' when the export is recent enough)."""
    answers = [r.time_ms for r in data.reviews if r.ease]
    if not answers:
        return ""
    last = study_day(max(answers), cohort)
    gap = (as_of - last).days
    if gap < STALE_EXPORT_DAYS:
        return ""
    return (
        f"the last answer in {label} is on {fmt_date(last)}, {gap} days before {fmt_date(as_of)}: the days after it"
        " count as not studied — if the export is older than that, ask for a new one or use --as-of"
        f" {last.isoformat()}"
    )


PART_OF_TRACK = 0.9  # an export holding fewer of the track's notes than this share is likely not the whole track


def _holds_part(data: ExportData, label: str, track: TrackCards) -> str:
    """A note when an export holds too few of the track's notes to be the whole track: one week's subdeck, or the
    deck of another track that shares some of its notes (an onboarding manager's try: both read as a pace, silently)."""
    held = len({card.guid for card in data.cards} - track.retired)
    total = len(track.stage_of) - len(track.retired)
    if not total or held >= PART_OF_TRACK * total:
        return ""
    return (
        f"{label} holds only {held} of the {total} notes of the track '{track.title}': its figures count those alone —"
        f" if it is one week's deck or another track's, ask for an export of the deck '{track.root_deck}'"
        " (or 'All decks') with scheduling"
    )


def _newest(data: ExportData) -> tuple[int, int]:
    """How recent an export is: its latest answer, then how many answers it holds."""
    return max((r.time_ms for r in data.reviews), default=0), len(data.reviews)


def cohort_progress(
    plan: CohortPlan,
    tracks: Mapping[str, TrackCards],
    exports: Sequence[str],
    as_of: dt.date,
) -> ProgressReport:
    """Every hire's progress; an unusable export becomes a problem on its row, never stops the report."""
    cohort = plan.cohort
    matched, found = match_exports(cohort, exports)
    problems = [f for f in found if f.severity != "warning"]
    notes: list[str] = [f"{f.location()}: {f.message} — {f.fix}" for f in found if f.severity == "warning"]
    rows: list[HireProgress] = []
    for hp in plan.hires:
        base = HireProgress(
            hp.hire.name, hp.track.track.slug, hp.hire.start, hp.schedule.new_per_day, hp.schedule.total_cards
        )
        if hp.hire.slug not in matched:
            rows.append(base)
            continue
        read: list[tuple[str, ExportData]] = []
        failed: list[tuple[str, list[Finding]]] = []
        for label, path in matched[hp.hire.slug]:
            try:
                read.append((label, read_export(path, label, tracks[hp.hire.track])))
            except ContentError as exc:
                failed.append((label, list(exc.findings)))
        if not read:  # every file they sent is unusable: say why, on their row and below the report
            label, findings = failed[0]
            problems.extend(f for _, found in failed for f in found)
            rows.append(
                HireProgress(**{**_fields(base), "export": label, "error": "; ".join(f.message for f in findings)})
            )
            continue
        # several exports (weekly ones in one folder): the newest counts; an older or broken one is no error
        label, data = max(read, key=lambda pair: _newest(pair[1]))
        others = [name for name, _ in read if name != label] + [name for name, _ in failed]
        if others:
            notes.append(f"{hp.hire.name}: used {label}, the newest of their exports (not {', '.join(others)})")
        rows.append(hire_progress(cohort, hp, data, as_of, tracks[hp.hire.track].retired))
        if stale := _ends_before(data, label, as_of, cohort):
            notes.append(f"{hp.hire.name}: {stale}")
        if partial := _holds_part(data, label, tracks[hp.hire.track]):
            notes.append(f"{hp.hire.name}: {partial}")
    model = plan.hires[0].schedule.model if plan.hires else WorkloadModel()
    return ProgressReport(
        cohort.slug,
        cohort.title,
        cohort.timezone,
        as_of,
        tuple(rows),
        tuple(problems),
        model,
        cohort.days_per_week,
        any(cohort.days_off_for(hire) for hire in cohort.hires),
        tuple(notes),
    )


def _fields(row: HireProgress) -> dict[str, Any]:
    return {name: getattr(row, name) for name in row.__dataclass_fields__}


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _summary(row: HireProgress) -> str:
    if row.error:
        return f"{row.verdict}: {row.error}"
    if row.export is None:
        return row.verdict
    late = f" · {row.not_counted} later answers not counted" if row.not_counted else ""
    # ('75 of 74 cards started' read as a miscount to an onboarding manager after a card was retired)
    retired = f", {row.retired_started} of them since retired" if row.retired_started else ""
    return (
        f"{row.verdict} · {row.started} of {row.total_cards} cards started{retired} (plan: {row.planned_started}) · "
        f"{row.reviews} reviews, {row.learning_steps} learning steps · retention {_pct(row.retention)} · "
        f"{row.days_studied} day{'' if row.days_studied == 1 else 's'} studied{late}"
    )


_WEEK_HEADERS = ["Week", "Dates", "Started (plan)", "Reviews", "Learning steps", "Retention", "Days studied"]


def _week_rows(row: HireProgress) -> list[list[str]]:
    return [
        [
            str(w.number) if w.number else "before",  # answers given before the hire's start date
            f"{w.start.day} {w.start:%b} – {w.end.day} {w.end:%b}",
            f"{w.started} ({w.planned_new})",
            str(w.reviews),
            str(w.learning_steps),
            _pct(w.retention),
            str(w.days_studied),
        ]
        for w in row.weeks
    ]


def _title(report: ProgressReport) -> str:
    return f"Progress of {report.title} as of {fmt_date(report.as_of)}"


def render_text(report: ProgressReport) -> str:
    """The report as plain text."""
    lines = [_title(report), ""]
    for row in report.hires:
        source = f" — {row.export}" if row.export else ""
        lines.append(f"{row.name} ({row.track}, from {fmt_date(row.start)}, {row.new_per_day}/day){source}")
        lines.append(f"  {_summary(row)}")
        rows = _week_rows(row)
        if rows and not row.error:
            widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(_WEEK_HEADERS)]
            lines.append("  " + "  ".join(h.ljust(w) for h, w in zip(_WEEK_HEADERS, widths)).rstrip())
            lines.extend("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)
        lines.append("")
    if report.notes:  # in the report itself: a manager forwards the file, not the terminal's warnings
        lines.append("Notes:")
        lines.extend(f"- {n}" for n in report.notes)
        lines.append("")
    lines.append("Assumptions:")
    lines.extend(f"- {a}" for a in report.assumptions)
    return "\n".join(lines) + "\n"


def render_markdown(report: ProgressReport) -> str:
    """The report as Markdown."""
    lines = [f"# {_title(report)}", ""]
    lines += [
        "| Hire | Track | Verdict | Started (plan) | Reviews | Learning steps | Retention | Days studied |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in report.hires:
        if row.error or row.export is None:
            lines.append(f"| {_md(row.name)} | {row.track} | {_md(_summary(row))} | | | | | |")
        else:
            lines.append(
                f"| {_md(row.name)} | {row.track} | {row.verdict} | {row.started} ({row.planned_started}) | {row.reviews} | "
                f"{row.learning_steps} | {_pct(row.retention)} | {row.days_studied} |"
            )
    for row in report.hires:
        rows = _week_rows(row)
        if rows and not row.error:
            lines += [
                "",
                f"## {_md(row.name)}",
                "",
                "| " + " | ".join(_WEEK_HEADERS) + " |",
                "|" + "---|" * len(_WEEK_HEADERS),
            ]
            lines.extend("| " + " | ".join(r) + " |" for r in rows)
    if report.notes:
        lines += ["", "## Notes", ""]
        lines.extend(f"- {_md(n)}" for n in report.notes)
    lines += ["", "## Assumptions", ""]
    lines.extend(f"- {a}" for a in report.assumptions)
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def to_json(report: ProgressReport) -> str:
    """The report as JSON (dates in ISO format)."""
    data = asdict(report)
    data["assumptions"] = report.assumptions
    data["problems"] = [str(f) for f in report.problems]
    for row, raw in zip(report.hires, data["hires"]):
        raw["verdict"] = row.verdict
        raw["retention"] = row.retention
        for week, raw_week in zip(row.weeks, raw["weeks"]):
            raw_week["retention"] = week.retention
    return json.dumps(data, indent=2, ensure_ascii=False, default=lambda v: v.isoformat()) + "\n"


def render_html(report: ProgressReport) -> str:
    """A self-contained page for the manager (not part of the published site)."""
    esc = html.escape
    body = [
        f"<h1>{esc(_title(report))}</h1>",
        "<table><thead><tr><th>Hire</th><th>Track</th><th>Verdict</th><th>Started (plan)</th>"
        "<th>Reviews</th><th>Learning steps</th><th>Retention</th><th>Days studied</th></tr></thead><tbody>",
    ]
    for row in report.hires:
        if row.error or row.export is None:
            body.append(
                f'<tr><td>{esc(row.name)}</td><td>{esc(row.track)}</td><td colspan="6">{esc(_summary(row))}</td></tr>'
            )
        else:
            body.append(
                f"<tr><td>{esc(row.name)}</td><td>{esc(row.track)}</td><td>{esc(row.verdict)}</td><td>{row.started} ({row.planned_started})</td>"
                f"<td>{row.reviews}</td><td>{row.learning_steps}</td><td>{_pct(row.retention)}</td><td>{row.days_studied}</td></tr>"
            )
    body.append("</tbody></table>")
    for row in report.hires:
        rows = _week_rows(row)
        if rows and not row.error:
            body.append(
                f"<h2>{esc(row.name)}</h2><table><thead><tr>"
                + "".join(f"<th>{esc(h)}</th>" for h in _WEEK_HEADERS)
                + "</tr></thead><tbody>"
            )
            body.extend("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
            body.append("</tbody></table>")
    if report.notes:
        body.append("<h2>Notes</h2><ul>" + "".join(f"<li>{esc(n)}</li>" for n in report.notes) + "</ul>")
    body.append("<h2>Assumptions</h2><ul>" + "".join(f"<li>{esc(a)}</li>" for a in report.assumptions) + "</ul>")
    style = (
        "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
        "table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #8884;padding:.3rem .6rem;text-align:left}"
    )
    return (
        f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="robots" content="noindex">\n<title>{esc(_title(report))}</title>\n<style>{style}</style>\n</head>\n<body>\n'
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def render(report: ProgressReport, output: ProgressFormat) -> str:
    """The report in one of the four formats."""
    if output == "json":
        return to_json(report)
    if output == "markdown":
        return render_markdown(report)
    if output == "html":
        return render_html(report)
    return render_text(report)


def problems_of(reports: Iterable[ProgressReport]) -> list[Finding]:
    """Every unusable or unmatched export of ``reports``."""
    return [f for report in reports for f in report.problems]


if __name__ == "__main__":  # the child process of _run_engine
    print(json.dumps(_engine_main(sys.argv[1], sys.argv[2], int(sys.argv[3]))))
