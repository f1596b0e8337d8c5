"""Cohort files: validation with located errors, `deckgen plan --cohort`, and the hires' calendars."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
import unicodedata
import zoneinfo
from pathlib import Path

import pytest
from conftest import run_deckgen, write
from test_tracks import make_project

from deckgen.core.errors import ContentError
from deckgen.lock.records import read_lock
from deckgen.sources.cohorts import parse_cohort
from deckgen.tracks.calendar import escape_text, fold
from deckgen.tracks.progress import match_exports

icalendar = pytest.importorskip("icalendar")

COHORT = """title: Spring 2026, APMs; "first" cohort
timezone: Europe/Berlin
study_time: 8:30
hires:
  - name: Ana Müller
    track: test
    start: 2026-03-02
  - name: bo_k
    track: test
    start: 2026-03-25
    new_per_day: 3
"""


def cohort_project(root: Path, cohort: str = COHORT) -> Path:
    make_project(root)
    write(root / "decks/cohorts/spring.yaml", cohort)
    return root


def test_cohort_file_is_parsed_with_defaults() -> None:
    cohort = parse_cohort("hires:\n  - {name: Ana, track: t, start: 2026-03-02}\n", "decks/cohorts/c.yaml", {"t"})
    assert (cohort.slug, cohort.title, cohort.timezone, cohort.study_time) == ("c", "c", "UTC", dt.time(9, 0))
    assert cohort.days_per_week == 5 and cohort.site is False
    (ana,) = cohort.hires
    assert (ana.name, ana.slug, ana.track, ana.start, ana.new_per_day, ana.line) == (
        "Ana",
        "ana",
        "t",
        dt.date(2026, 3, 2),
        None,
        2,
    )
    # '8:30' unquoted is a YAML 1.1 sexagesimal number (510); it is read as the time it looks like.
    assert parse_cohort(COHORT, "decks/cohorts/spring.yaml", {"test"}).study_time == dt.time(8, 30)


def test_every_problem_is_located_with_a_fix(project: Path) -> None:
    cohort_project(
        project,
        """title: Broken
timezone: Mars/Olympus
study_time: "25:00"
colour: blue
hires:
  - name: Ana
    track: tset
    start: 2026-03-02
    new_per_dy: 5
  - name: ana!
    track: test
    start: 2026-02-30
  - track: test
    start: 2026-03-02
    new_per_day: 0
""",
    )
    result = run_deckgen("lint", cwd=project)
    assert result.returncode == 1
    out = result.stdout
    path = "decks/cohorts/spring.yaml"
    assert f"{path}:2:1: cohort: 'timezone' 'Mars/Olympus' is not an IANA time zone" in out
    assert f"{path}:3:1: cohort: 'study_time' '25:00' is not a time of day" in out
    assert f"{path}:4:1: unknown-key: unknown key 'colour'" in out
    assert f"{path}:7:5: unknown-track: no track named 'tset' — did you mean 'test'?" in out
    assert f"{path}:9:5: unknown-key: unknown hire key 'new_per_dy' — did you mean 'new_per_day'?" in out
    assert f"{path}:10:5: cohort: 'ana!' and 'Ana' would share the file name 'ana'" in out
    assert f"{path}:12:5: cohort: 'ana!' needs a 'start' date, not '2026-02-30'" in out
    assert f"{path}:13:5: cohort: hire 3 needs a 'name'" in out
    assert f"{path}:15:5: cohort: 'new_per_day' must be a whole number from 1 to 500, not 0" in out
    build = run_deckgen("build", cwd=project)
    assert build.returncode == 1 and "unknown-track: no track named 'tset'" in build.stderr
    assert not (project / "build").exists()


def test_a_quoted_start_date_is_a_date_and_problems_show_values_as_written() -> None:
    """An onboarding manager's try: 'start: "2026-12-14"' was refused with "needs a 'start' date, not
    '2026-12-14'" (and blocked every deck's build); a missing start said "not None", a quoted pace "not '3'"."""
    (ana,) = parse_cohort('hires:\n  - {name: Ana, track: t, start: "2026-12-14"}\n', "c.yaml", {"t"}).hires
    assert ana.start == dt.date(2026, 12, 14)
    # a range written as `deckgen plan --day-off` takes it is that range
    ranged = parse_cohort(
        "days_off: [2026-12-24..2026-12-28]\nhires:\n  - {name: Ana, track: t, start: 2026-12-07}\n", "c.yaml", {"t"}
    )
    assert sorted(ranged.days_off) == [dt.date(2026, 12, d) for d in range(24, 29)]
    text = """hires:
  - {name: Ana, track: t}
  - {name: Bo, track: t, start: 2026-12-07T09:00:00}
  - {name: Cy, track: t, start: 2026-12-07, new_per_day: "3"}
"""
    with pytest.raises(ContentError) as raised:
        parse_cohort(text, "c.yaml", {"t"})
    said = [str(finding) for finding in raised.value.findings]
    assert "c.yaml:2:5: cohort: 'Ana' needs a 'start' date — write e.g. 'start: 2026-03-02' (YYYY-MM-DD)" in said
    assert any("'Bo' needs a 'start' date, not 2026-12-07T09:00:00" in line for line in said), said
    assert any(
        "'new_per_day' must be a whole number from 1 to 500, not '3' — write it without quotes: 'new_per_day: 3'"
        in line
        for line in said
    ), said
    assert not any("None" in line or "datetime" in line for line in said), said


def test_the_readmes_cohort_example_is_a_valid_cohort_file() -> None:
    """The example an onboarding manager copies (every key the file takes, e.g. days_per_week) parses as written."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(# decks/cohorts/spring-2026.yaml\n.*?)```", readme, re.S)
    assert example is not None
    cohort = parse_cohort(example.group(1), "decks/cohorts/spring-2026.yaml", {"associate-pm", "product-lead"})
    assert cohort.days_per_week == 5 and [hire.name for hire in cohort.hires] == ["Ana K.", "bo", "Cy"]


def test_a_date_far_in_the_future_is_located_not_an_internal_error(project: Path) -> None:
    """A start in year 9999 overflowed the calendar ('internal error (OverflowError)'); a year such as 2206
    planned a cohort two centuries away. Both are now errors at their place, and so are such days off and
    --start/--day-off/--as-of on the command line."""
    cohort_project(
        project,
        """title: Typos
days_off: [2026-12-24, 9999-12-30, {from: 2026-12-28, to: 2207-01-01}]
hires:
  - {name: Ana, track: test, start: 9999-12-31}
  - {name: Bo, track: test, start: 2206-03-02}
""",
    )
    path = "decks/cohorts/spring.yaml"
    for command in (["lint"], ["plan", "--cohort", "spring"], ["plan", "--cohort", "spring", "--format", "ics"]):
        result = run_deckgen(*command, cwd=project)
        assert result.returncode == 1 and "Traceback" not in result.stderr and "internal error" not in result.stderr
        out = result.stdout + result.stderr
        assert f"{path}:2:" in out and "9999-12-30 is outside the years 2000 to 2099" in out
        assert "the range 2026-12-28 to 2207-01-01 is outside the years 2000 to 2099" in out
        assert f"{path}:4:" in out and "'Ana' starts on 9999-12-31, outside the years 2000 to 2099" in out
        assert f"{path}:5:" in out and "'Bo' starts on 2206-03-02, outside the years 2000 to 2099" in out
    assert not (project / "build").exists()
    for option in (["--start", "9999-12-31"], ["--day-off", "9999-12-30"]):
        result = run_deckgen("plan", "test", *option, cwd=project)
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert "9999-12-3" in result.stderr and "outside the years 2000 to 2099" in result.stderr


def test_unknown_track_without_a_close_match_lists_the_tracks() -> None:
    with pytest.raises(ContentError) as info:
        parse_cohort(
            "hires:\n  - {name: A, track: zzz, start: 2026-03-02}\n", "c.yaml", {"associate-pm", "product-lead"}
        )
    (finding,) = info.value.findings
    assert str(finding) == (
        "c.yaml:2:15: unknown-track: no track named 'zzz' — use a track file stem from decks/tracks/: associate-pm, product-lead"
    )


def test_plan_cohort_gives_each_hire_the_plan_of_their_track(project: Path) -> None:
    cohort_project(project)
    result = run_deckgen("plan", "--cohort", "spring", "--format", "json", cwd=project)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["timezone"] == "Europe/Berlin" and data["study_time"] == "08:30"
    ana, bo = data["hires"]
    for hire, pace in ((ana, None), (bo, 3)):
        args = ["plan", "test", "--start", hire["start"], "--format", "json"] + (
            ["--new-per-day", str(pace)] if pace else []
        )
        alone = json.loads(run_deckgen(*args, cwd=project).stdout)
        # the notes say where to set the pace: the hire's entry in the cohort file, or `deckgen plan`'s option
        notes, alone_notes = hire["schedule"].pop("notes"), alone.pop("notes")
        assert [n.split(": write '")[0] for n in notes] == [n.split(": --")[0] for n in alone_notes]
        assert hire["schedule"] == alone  # the same model, dates and cards as `deckgen plan TRACK`
    assert bo["own_pace"] and bo["new_per_day"] == 3 and "set 'New cards/day' to 3" in bo["instructions"]
    assert bo["finish"] == "2026-03-30" and bo["schedule"]["stages"][0]["week_start"] == "2026-03-25"
    text = run_deckgen("plan", "--cohort", "spring", cwd=project).stdout
    assert (
        "== bo_k · test · starts Wed 25 Mar 2026 · 3 new cards a day (own pace) · every card started by Mon 30 Mar 2026"
        in text
    )
    markdown = run_deckgen("plan", "--cohort", "spring", "-f", "markdown", cwd=project).stdout
    assert markdown.startswith('# Spring 2026, APMs; "first" cohort\n') and "\n# Ana Müller\n" in markdown


def test_a_hire_too_slow_for_the_weeks_is_told_what_to_write_in_the_cohort_file(project: Path) -> None:
    # `deckgen plan --cohort` refuses --new-per-day and --start: the fixes it suggests go in the hire's entry
    cohort_project(project, COHORT.replace("new_per_day: 3", "new_per_day: 1"))
    text = run_deckgen("plan", "--cohort", "spring", cwd=project).stdout
    assert (
        "Suggested pace: 3 new cards a day finishes every stage in its week — "
        "write 'new_per_day: 3' in bo_k's entry (decks/cohorts/spring.yaml:8)"
    ) in text
    write(project / "decks/cohorts/spring.yaml", COHORT.replace("2026-03-25", "2026-03-28"))  # a Saturday
    text += run_deckgen("plan", "--cohort", "spring", cwd=project).stdout
    assert "start on a weekday (e.g. write 'start: 2026-03-30' in bo_k's entry (decks/cohorts/spring.yaml:8))" in text
    assert "--new-per-day" not in text and "--start" not in text
    alone = run_deckgen("plan", "test", "--start", "2026-03-28", "--new-per-day", "1", cwd=project).stdout
    alone += run_deckgen("plan", "test", "--start", "2026-03-25", "--new-per-day", "1", cwd=project).stdout
    assert "Suggested pace: --new-per-day 3 finishes" in alone and "(e.g. --start 2026-03-30)" in alone
    # writing the calendars shows the manager the same warnings, naming the hire (it printed only 'wrote …')
    calendars = run_deckgen("plan", "--cohort", "spring", "--format", "ics", cwd=project)
    assert calendars.returncode == 0 and "wrote " in calendars.stdout
    assert (
        "bo_k: Week 1 — Basics: no study day between Sat 28 Mar 2026 and Sun 29 Mar 2026; start on a weekday"
        " (e.g. write 'start: 2026-03-30' in bo_k's entry" in " ".join(calendars.stderr.split())
    ), calendars.stderr


HOLIDAYS = (
    COHORT.replace(
        "study_time: 8:30\n", "study_time: 8:30\ndays_off: [2026-03-04, {from: 2026-03-09, to: 2026-03-10}]\n"
    )
    .replace("    new_per_day: 3\n", "    new_per_day: 3\n    days_off: [2026-03-26]\n")
    .replace("    start: 2026-03-02\n", "    start: 2026-03-02\n    new_per_day: 2\n", 1)
)


def test_days_off_move_new_cards_and_reviews_to_the_next_study_day(project: Path) -> None:
    cohort_project(project, HOLIDAYS)
    run_deckgen("build", cwd=project)
    plain = json.loads(run_deckgen("plan", "--cohort", "spring", "-f", "json", cwd=project).stdout)
    assert plain["days_off"] == ["2026-03-04", "2026-03-09", "2026-03-10"]
    ana, bo = plain["hires"]
    assert ana["schedule"]["days_off"] == ["2026-03-04", "2026-03-09", "2026-03-10"]
    assert bo["schedule"]["days_off"] == ["2026-03-26"]  # the cohort's are before bo starts; bo's own leave
    for hire in (ana, bo):
        days = {d["date"]: d for d in hire["schedule"]["days"]}
        for off in hire["schedule"]["days_off"]:  # (the days off of the reviews after the plan too)
            if off in days:
                assert days[off]["new"] == 0 and days[off]["minutes"] == 0  # nothing on a day off, not even reviews
    # Without the days off, Ana's plan is `deckgen plan TRACK`'s; with them, her last card starts two study days later
    alone = json.loads(
        run_deckgen("plan", "test", "--start", "2026-03-02", "--new-per-day", "2", "-f", "json", cwd=project).stdout
    )
    started = [d["date"] for d in ana["schedule"]["days"] if d["new"]]
    assert started[0] == "2026-03-02" and "2026-03-04" not in started
    assert sum(d["new"] for d in ana["schedule"]["days"]) == alone["total_cards"]
    assert ana["finish"] > alone["finish"]
    # the reviews due on the day off (of Tuesday's new cards) are done on Thursday
    days = {d["date"]: d for d in ana["schedule"]["days"]}
    assert days["2026-03-05"]["reviews"] == days["2026-03-03"]["new"] > 0
    # `deckgen plan TRACK --day-off` gives one person the same plan as the cohort file gives Ana
    single = run_deckgen(
        "plan", "test", "--start", "2026-03-02", "--new-per-day", "2", "--day-off", "2026-03-04",
        "--day-off", "2026-03-09..2026-03-10", "-f", "json", cwd=project,
    )  # fmt: skip
    assert json.loads(single.stdout) == ana["schedule"]
    text = run_deckgen("plan", "--cohort", "spring", cwd=project).stdout
    assert "Days off: Wed 4 Mar 2026, Mon 9 Mar 2026 – Tue 10 Mar 2026 (3 study days in all)" in text
    assert "Days off: Thu 26 Mar 2026\n" in text
    assert run_deckgen("plan", "--cohort", "spring", "-f", "ics", cwd=project).returncode == 0
    blocks = {
        e.decoded("DTSTART").date().isoformat()
        for e in _events(project / "build/cohorts/spring/ana-muller.ics")
        if isinstance(e.decoded("DTSTART"), dt.datetime)
    }
    assert blocks and not blocks & {"2026-03-04", "2026-03-09", "2026-03-10"}  # no study block on a day off
    assert "2026-03-05" in blocks


def test_days_off_problems_are_located(project: Path) -> None:
    cohort_project(
        project,
        COHORT.replace(
            "study_time: 8:30\n",
            "study_time: 8:30\ndays_off:\n  - 2026-02-30\n  - {from: 2026-03-10, to: 2026-03-09}\n  - {from: 2026-03-01}\n",
        ).replace("    new_per_day: 3\n", "    new_per_day: 3\n    days_off: 2026-03-26\n"),
    )
    out = run_deckgen("lint", cwd=project).stdout
    path = "decks/cohorts/spring.yaml"
    assert f"{path}:5:5: cohort: '2026-02-30' is not a date — write dates as YYYY-MM-DD" in out
    assert (
        f"{path}:6:5: cohort: the range ends (2026-03-09) before it starts (2026-03-10) — swap 'from' and 'to'" in out
    )
    assert f"{path}:7:5: cohort: cannot read the range {{from: 2026-03-01}}" in out
    assert f"{path}:16:5: cohort: 'days_off' must be a list, not 2026-03-26" in out


def test_plan_usage_errors(project: Path) -> None:
    cohort_project(project)
    both = run_deckgen("plan", "test", "--cohort", "spring", cwd=project)
    assert both.returncode == 2 and "name a track or give --cohort NAME, not both" in both.stderr
    # neither: the tracks there are, not "(not both)" (an onboarding manager read that as a riddle)
    neither = run_deckgen("plan", cwd=project)
    assert neither.returncode == 2 and "error: name a track (e.g. test) or give --cohort NAME\n" in neither.stderr
    ics_alone = run_deckgen("plan", "test", "--format", "ics", cwd=project)
    assert ics_alone.returncode == 2 and "need --cohort" in ics_alone.stderr
    typo = run_deckgen("plan", "--cohort", "sprnig", cwd=project)
    assert typo.returncode == 1 and "unknown-cohort: no cohort named 'sprnig' — did you mean 'spring'?" in typo.stderr
    assert "Traceback" not in typo.stderr


def _events(path: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"] == "-//deckgen//onboarding plan//EN"
    return list(calendar.walk("VEVENT"))


def _weeks_after(day: str, weeks: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(weeks=weeks)).isoformat()


def test_calendars_parse_and_hold_the_plans_dates(project: Path) -> None:
    cohort_project(project)
    run_deckgen("build", cwd=project)  # the lockfile gives the calendars their DTSTAMP
    result = run_deckgen("plan", "--cohort", "spring", "--format", "ics", cwd=project)
    assert result.returncode == 0, result.stderr
    folder = project / "build/cohorts/spring"
    assert result.stdout.splitlines() == [f"wrote {folder / 'ana-muller.ics'}", f"wrote {folder / 'bo-k.ics'}"]
    plan = json.loads(run_deckgen("plan", "--cohort", "spring", "--format", "json", cwd=project).stdout)
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    lock = read_lock(project / "deckgen.lock")
    uids: set[str] = set()
    for hire in plan["hires"]:
        path = folder / f"{hire['slug']}.ics"
        raw = path.read_bytes()
        lines = raw.split(b"\r\n")
        assert lines[-1] == b"" and b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
        assert max(len(line) for line in lines) <= 75
        events = _events(path)
        schedule = hire["schedule"]
        weeks = [
            e
            for e in events
            if isinstance(e.decoded("DTSTART"), dt.date) and not isinstance(e.decoded("DTSTART"), dt.datetime)
        ]
        blocks = [e for e in events if isinstance(e.decoded("DTSTART"), dt.datetime)]
        assert [w.decoded("DTSTART").isoformat() for w in weeks] == [s["week_start"] for s in schedule["stages"]]
        assert [str(w["SUMMARY"]) for w in weeks] == [
            f"Week {s['number']}: {s['title']} ({s['new_cards']} new cards)" for s in schedule["stages"]
        ]
        # the plan's days, then the reviews after its last new card in the 4 weeks its summary covers
        after = [d for d in schedule["after"] if d["date"] < _weeks_after(schedule["after"][0]["date"], 4)]
        study_days = [d for d in schedule["days"] if d["minutes"] > 0] + [d for d in after if round(d["reviews"])]
        assert len(blocks) == len(study_days) > 0 and after
        for block, day in zip(blocks, study_days):
            start = block.decoded("DTSTART")
            assert start.tzinfo is not None and start.astimezone(berlin).date().isoformat() == day["date"]
            assert start.astimezone(berlin).time() == dt.time(8, 30)  # across the switch to summer time on 29 March
            assert block.decoded("DURATION") == dt.timedelta(minutes=max(5, -(-day["minutes"] // 1)))
            assert "set 'New cards/day' to" in str(block["DESCRIPTION"])
        assert {str(e["DTSTAMP"].dt) for e in events} == {
            str(dt.datetime.fromtimestamp(max(record.mod for _, _, record in lock.records()), dt.UTC))
        }
        uids |= {str(e["UID"]) for e in events}
        assert len({str(e["UID"]) for e in events}) == len(events)
    assert len(uids) == sum(len(_events(folder / f"{h['slug']}.ics")) for h in plan["hires"])  # unique across hires
    first = {p.name: p.read_bytes() for p in folder.iterdir()}
    again = run_deckgen(
        "plan", "--cohort", "spring", "--format", "ics", "--out", str(project / "elsewhere"), cwd=project
    )
    assert again.returncode == 0
    assert {p.name: p.read_bytes() for p in (project / "elsewhere").iterdir()} == first  # byte-identical rebuild
    assert "X-WR-CALNAME:Test track — Ana Müller" in (folder / "ana-muller.ics").read_text(encoding="utf-8")


def test_hire_names_keep_their_letters_in_any_script() -> None:
    names = ["Ana María K.", "José / Núñez", "李雷", "김민지", "Ølsen", "प्रिया शर्मा", "สมชาย ใจดี"]
    text = "hires:\n" + "".join(f"  - {{name: '{n}', track: t, start: 2026-03-02}}\n" for n in names)
    cohort = parse_cohort(text, "decks/cohorts/c.yaml", {"t"})
    # Earlier releases wrote 'ana-mar-a-k' and 'jos-n-ez' and refused the names written in other scripts.
    assert [h.slug for h in cohort.hires] == [
        "ana-maria-k",
        "jose-nunez",
        "李雷",
        "김민지",
        "ølsen",
        "प्रिया-शर्मा",  # a letter's marks stay with it (a first version gave 'पर-य-शरम')
        "สมชาย-ใจดี",
    ]
    # A name typed decomposed (as macOS file names are) is the same person.
    decomposed = unicodedata.normalize("NFD", "José Núñez")
    with pytest.raises(ContentError) as error:
        parse_cohort(text + f"  - {{name: '{decomposed}', track: t, start: 2026-03-02}}\n", "c.yaml", {"t"})
    assert "would share the file name 'jose-nunez'" in str(error.value)
    assert cohort.hire("ana maria k") is cohort.hire("ana-maria-k") is cohort.hires[0]


def test_calendar_uids_survive_the_new_file_names(project: Path) -> None:
    """'Ana Müller' got the slug 'ana-m-ller' before; her events keep the UIDs derived from it."""
    cohort_project(project)
    run_deckgen("build", cwd=project)
    assert run_deckgen("plan", "--cohort", "spring", "--format", "ics", cwd=project).returncode == 0
    plan = json.loads(run_deckgen("plan", "--cohort", "spring", "--format", "json", cwd=project).stdout)
    ana = next(h for h in plan["hires"] if h["name"] == "Ana Müller")
    expected = {
        hashlib.sha256(
            "\x1f".join(["spring", "ana-m-ller", "week", str(s["number"]), s["week_start"]]).encode()
        ).hexdigest()[:32]
        + "@deckgen"
        for s in ana["schedule"]["stages"]
    }
    events = _events(project / "build/cohorts/spring/ana-muller.ics")
    assert expected and expected <= {str(e["UID"]) for e in events}


def test_exports_named_the_way_people_name_files_find_their_hire(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "in" / "bob.apkg", "")  # there, named after nobody (a missing file is told so, not this)
    names = ["Ana María K.", "bo", "Bo Chen", "李雷"]
    text = "hires:\n" + "".join(f"  - {{name: '{n}', track: t, start: 2026-03-02}}\n" for n in names)
    cohort = parse_cohort(text, "decks/cohorts/c.yaml", {"t"})
    files = {
        "in/Ana María K.apkg": "Ana María K.",
        "in/BO.apkg": "bo",
        "in/bo-chen_week3.apkg": "Bo Chen",  # not 'bo': the longest name wins
        f"in/{unicodedata.normalize('NFD', '李雷')} week 1.apkg": "李雷",
    }
    matched, problems = match_exports(cohort, [*files, "in/ana-mar-a-k-2.apkg", "in/bob.apkg"])
    assert {label: hire for hire, sent in matched.items() for label, _ in sent[:1]} == {
        label: cohort.hire(name).slug
        for label, name in files.items()  # type: ignore[union-attr]
    }
    # the old slug is still Ana's (a second export of hers: the newer of the two counts), and 'bob' is nobody's
    assert [label for label, _ in matched[cohort.hire("Ana María K.").slug]] == [  # type: ignore[union-attr]
        "in/Ana María K.apkg",
        "in/ana-mar-a-k-2.apkg",
    ]
    assert [(p.path, p.message.split(":")[0]) for p in problems] == [
        ("in/bob.apkg", "cannot tell which hire sent this file")
    ]
    assert problems[0].fix.startswith("name it after the hire (e.g. ana-maria-k.apkg) or pass NAME=FILE")


def test_a_hire_who_left_the_cohort_loses_their_calendar(project: Path) -> None:
    # Before: bo-k.ics stayed in build/cohorts/spring/ after bo_k left, ready to be sent again
    cohort_project(project)
    mine = project / "elsewhere"
    mine.mkdir()
    for args in ((), ("--out", str(mine))):
        assert run_deckgen("plan", "--cohort", "spring", "-f", "ics", *args, cwd=project).returncode == 0
    write(project / "decks/cohorts/spring.yaml", COHORT.split("  - name: bo_k")[0])
    again = run_deckgen("plan", "--cohort", "spring", "-f", "ics", cwd=project)
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in (project / "build/cohorts/spring").iterdir()) == ["ana-muller.ics"]
    assert "removed build/cohorts/spring/bo-k.ics: no hire of the cohort has this calendar now" in again.stderr
    theirs = run_deckgen("plan", "--cohort", "spring", "-f", "ics", "--out", str(mine), cwd=project)
    assert (mine / "bo-k.ics").exists()  # a folder the manager named is never cleaned
    assert f"{mine / 'bo-k.ics'} is no hire's calendar now: delete it rather than send it" in theirs.stderr


def test_a_corrected_name_keeps_the_calendar_events_the_hire_has(project: Path) -> None:
    cohort_project(project)
    run_deckgen("build", cwd=project)
    assert run_deckgen("plan", "--cohort", "spring", "-f", "ics", cwd=project).returncode == 0
    sent = {str(e["UID"]) for e in _events(project / "build/cohorts/spring/ana-muller.ics")}
    fixed = COHORT.replace("  - name: Ana Müller\n", "  - name: Ana Mueller\n    renamed_from: Ana Müller\n")
    write(project / "decks/cohorts/spring.yaml", fixed)
    result = run_deckgen("plan", "--cohort", "spring", "-f", "ics", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "removed build/cohorts/spring/ana-muller.ics" in result.stderr  # the old file name goes
    assert {str(e["UID"]) for e in _events(project / "build/cohorts/spring/ana-mueller.ics")} == sent
    # without renamed_from, the corrected name is a new person to a calendar app: every event again
    write(project / "decks/cohorts/spring.yaml", fixed.replace("    renamed_from: Ana Müller\n", ""))
    run_deckgen("plan", "--cohort", "spring", "-f", "ics", cwd=project)
    assert not {str(e["UID"]) for e in _events(project / "build/cohorts/spring/ana-mueller.ics")} & sent
    cohort = parse_cohort(fixed, "c.yaml", {"test"})
    assert cohort.hires[0].sent("ana-muller-week3") and cohort.hires[0].sent("Ana Mueller")
    with pytest.raises(ContentError) as error:
        parse_cohort(fixed.replace("renamed_from: Ana Müller", "renamed_from: '!!'"), "c.yaml", {"test"})
    assert "c.yaml:6:5: cohort: 'renamed_from' must be the name Ana Mueller's calendars were sent under" in str(
        error.value
    )


def test_text_escaping_and_folding_follow_rfc_5545() -> None:
    assert escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    folded = fold("DESCRIPTION:" + "é" * 60)
    assert all(len(line) <= 75 for line in folded.split(b"\r\n"))
    assert folded.endswith(b"\r\n") and b"\r\n " in folded
    assert folded.replace(b"\r\n ", b"").decode("utf-8") == "DESCRIPTION:" + "é" * 60 + "\r\n"  # no split character
    parsed = icalendar.Calendar.from_ical(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20260101T000000Z\r\n"
        + fold("SUMMARY:" + escape_text('Week 1: a; b, c\\d "e" — ü' * 4))
        + b"END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (event,) = parsed.walk("VEVENT")
    assert str(event["SUMMARY"]) == 'Week 1: a; b, c\\d "e" — ü' * 4


def test_site_cohort_page_is_opt_in(project: Path) -> None:
    cohort_project(project)
    assert run_deckgen("build", cwd=project).returncode == 0
    site = project / "build/site"
    assert not (site / "cohorts").exists() and "Ana Müller" not in (site / "index.html").read_text(encoding="utf-8")
    write(project / "decks/cohorts/spring.yaml", COHORT + "site: true\n")
    result = run_deckgen("build", cwd=project)
    assert result.returncode == 0, result.stderr
    page = (site / "cohorts/spring.html").read_text(encoding="utf-8")
    assert '<h2 id="hire-ana-muller">Ana Müller</h2>' in page and 'href="spring/bo-k.ics" download' in page
    assert "starts Wed 25 Mar 2026 · 3 new cards a day · every card started by Mon 30 Mar 2026" in page
    assert '<a href="cohorts/spring.html">Spring 2026, APMs; &quot;first&quot; cohort</a> (2 hires)' in (
        site / "index.html"
    ).read_text(encoding="utf-8")
    run_deckgen("plan", "--cohort", "spring", "--format", "ics", cwd=project)
    for name in ("ana-muller.ics", "bo-k.ics"):  # the site's calendars are the ones `deckgen plan` writes
        assert (site / "cohorts/spring" / name).read_bytes() == (project / "build/cohorts/spring" / name).read_bytes()
    # days off added to the cohort file reach the page and its calendars on the next build
    write(project / "decks/cohorts/spring.yaml", HOLIDAYS + "site: true\n")
    assert run_deckgen("build", cwd=project).returncode == 0
    page = (site / "cohorts/spring.html").read_text(encoding="utf-8")
    assert "days off: Wed 4 Mar 2026, Mon 9 Mar 2026 – Tue 10 Mar 2026 (3 study days in all)</p>" in page
    assert b"20260304T" not in (site / "cohorts/spring/ana-muller.ics").read_bytes()


def test_an_export_named_in_ascii_finds_a_hire_whose_name_has_letters_ascii_lacks() -> None:
    names = ["Zoë Núñez-Łukasiewicz", "Søren Ærø", "李雷"]
    text = "hires:\n" + "".join(f"  - {{name: '{n}', track: t, start: 2026-03-02}}\n" for n in names)
    cohort = parse_cohort(text, "decks/cohorts/c.yaml", {"t"})
    files = {"in/Zoe Nunez-Lukasiewicz.apkg": names[0], "in/soren-aero_week2.apkg": names[1], "in/李雷.apkg": names[2]}
    matched, problems = match_exports(cohort, list(files))
    assert problems == []
    assert {sent[0][0]: slug for slug, sent in matched.items()} == {
        label: cohort.hire(name).slug  # type: ignore[union-attr]
        for label, name in files.items()
    }


# The shipped tracks with a hire at the track's pace, one at her own pace and one with leave. associate-pm: 6 a
# day, 25 + 24 + 25 cards; product-lead: 10 a day (bo: 4), 24 + 25 cards. At the pace, week by week, they start:
SHIPPED_COHORT = """title: X
timezone: Europe/Berlin
site: true
hires:
  - {name: Ana K., track: associate-pm, start: 2026-03-02}
  - {name: bo, track: product-lead, start: 2026-03-09, new_per_day: 4}
  - {name: Cy, track: associate-pm, start: 2026-03-02, days_off: [2026-03-10, 2026-03-11, 2026-03-12]}
"""
SHIPPED_WEEKS = {
    "Ana K.": [30, 30, 12],  # 6 a day: the PM role's 25 and 5 of Discovery in week 1
    "bo": [20, 20, 7],  # 4 a day: 47 cards take into a third week (Mon–Tue)
    "Cy": [30, 12, 30],  # leave on Tue to Thu of week 2: 2 study days there
}


def _text_weeks(text: str) -> dict[str, list[int]]:
    """Each hire's weeks in `deckgen plan --cohort` text: the figure in the table's fifth column."""
    weeks: dict[str, list[int]] = {}
    name, column = "", (0, 0)
    for line in text.splitlines():
        if line.startswith("== "):
            name = line[3:].split(" · ")[0]
        elif line.startswith("Week  Dates"):
            fifth = list(re.finditer(r"\S+(?: \S+)*", line))[4]
            column = (fifth.start(), fifth.end())
        elif re.match(r"\d+ +\d+ \w+ – ", line):  # a week's row
            weeks.setdefault(name, []).append(int(line[column[0] :].split()[0]))
    return weeks


def test_every_surface_gives_the_same_cards_for_each_week(shipped: Path) -> None:
    """Before, plan, calendar and site said the stage's cards (Ana: 25, 24, 25; bo: 24, 25) and the progress report
    planned what the hire starts at their pace (Ana: 30, 30, 14; bo: 20, 20, 9): every surface now says the latter."""
    write(shipped / "decks/cohorts/x.yaml", SHIPPED_COHORT)
    assert run_deckgen("build", cwd=shipped).returncode == 0
    text = run_deckgen("plan", "--cohort", "x", cwd=shipped)
    assert text.returncode == 0, text.stderr
    assert _text_weeks(text.stdout) == SHIPPED_WEEKS
    assert "3     23 Mar – 29 Mar  Cards left over" in text.stdout  # bo's third week has a row
    page = (shipped / "build/site/cohorts/x.html").read_text(encoding="utf-8")
    site = {}
    for section in page.split("<section")[1:]:
        name = html.unescape(re.search(r"<h2[^>]*>(.*?)</h2>", section).group(1))  # type: ignore[union-attr]
        site[name] = [int(n) for n in re.findall(r'<tr><td>\d+</td>.*?<td class="num">(\d+)</td>', section)]
    assert site == SHIPPED_WEEKS
    track_page = (shipped / "build/site/tracks/associate-pm.html").read_text(encoding="utf-8")
    weeks = [int(n) for n in re.findall(r'<p class="facts">(\d+) new cards? (?:this week )?·', track_page)]
    assert weeks == SHIPPED_WEEKS["Ana K."]  # the track's page, at the track's pace (Ana's)
    for slug, name in (("ana-k", "Ana K."), ("bo", "bo"), ("cy", "Cy")):
        summaries = [str(e["SUMMARY"]) for e in _events(shipped / f"build/site/cohorts/x/{slug}.ics")]
        weeks = [int(m.group(1)) for s in summaries if (m := re.match(r"Week \d+: .* \((\d+) (?:new )?cards\)$", s))]
        assert weeks == SHIPPED_WEEKS[name], slug
        descriptions = [str(e["DESCRIPTION"]) for e in _events(shipped / f"build/site/cohorts/x/{slug}.ics")]
        said = [int(m.group(1)) for d in descriptions if (m := re.search(r"\n(\d+) new cards this week at", d))]
        assert said == SHIPPED_WEEKS[name], slug


def test_a_hires_pace_warning_reaches_the_site_and_their_calendar(shipped: Path) -> None:
    """Before, only `deckgen plan --cohort` said that bo's (4 a day) and Cy's (on leave) weeks do not fit; the site's
    cohort page and the calendars dropped it. Now the site has a note on the hire, marked for the manager, and the
    week's event tells the hire what it means for them. The calendar used to carry the manager's text ("write
    'new_per_day: 7' in Kenji's entry (decks/cohorts/…:12)") beside "set 'New cards/day' to 6": the hire was told
    two paces and to edit a file they do not have (found by the onboarding-manager helper)."""
    name = 'bo <i>k</i>, jr; "x"'  # HTML and iCalendar TEXT specials
    write(shipped / "decks/cohorts/x.yaml", SHIPPED_COHORT.replace("name: bo,", f"name: '{name}',"))
    assert run_deckgen("build", cwd=shipped).returncode == 0
    text = run_deckgen("plan", "--cohort", "x", cwd=shipped).stdout
    said: dict[str, list[str]] = {}
    for part in text.split("\n== ")[1:]:
        said[part.split(" · ")[0]] = [
            line[len("warning: ") :] for line in part.splitlines() if line.startswith("warning: ")
        ]
    # Ana fits; bo: weeks 1 and 2, and the pace; Cy: week 2, and the pace
    assert [len(w) for w in said.values()] == [0, 3, 2]
    assert said[name][2].endswith(f"write 'new_per_day: 5' in {name}'s entry (decks/cohorts/x.yaml:6)")
    # week 2 (12 new cards: two study days) starts 12 of Discovery's 23, week 1 took 5: six are left over
    assert said["Cy"][0].startswith("Week 2 — Discovery: 6 of its 23 cards start after Sun 15 Mar 2026 at 6 new cards")

    page = (shipped / "build/site/cohorts/x.html").read_text(encoding="utf-8")
    assert "<i>k</i>" not in page
    sections = {}
    for section in page.split("<section")[1:]:
        sections[html.unescape(re.search(r"<h2[^>]*>(.*?)</h2>", section).group(1))] = section  # type: ignore[union-attr]
    for hire, warnings in said.items():
        notes = [html.unescape(n) for n in re.findall(r'<p class="warn" role="note">(.*?)</p>', sections[hire])]
        assert notes == [f"<strong>For the manager:</strong> {w}" for w in warnings], hire

    folder = shipped / "build/site/cohorts/x"
    for slug, week_warned in (("ana-k", set()), ("cy", {2})):
        weeks = [e for e in _events(folder / f"{slug}.ics") if str(e["SUMMARY"]).startswith("Week")]
        for number, event in enumerate(weeks, 1):
            description = str(event["DESCRIPTION"])
            # the manager's words never: no file to edit, no second pace
            assert "Warning" not in description and "Suggested" not in description and "write" not in description
            assert "decks/cohorts" not in description and "new_per_day" not in description
            if number in week_warned:
                assert (
                    "\nHeads-up: at 6 new cards a day, 6 of this week's 23 cards start after Sun 15 Mar 2026 (the last "
                    "on Mon 16 Mar 2026). Keep to your 6 a day: Anki brings them in the days after, and this calendar "
                    "counts them.\nIn Anki, open the options of the deck 'PM Onboarding' and set 'New cards/day' to 6."
                ) in description, description
            else:
                assert "Heads-up" not in description
    (bo_file,) = set(folder.glob("*.ics")) - {folder / "ana-k.ics", folder / "cy.ics"}
    weeks = [e for e in _events(bo_file) if str(e["SUMMARY"]).startswith("Week")]
    warned = ["Heads-up: at 4 new cards a day" in str(e["DESCRIPTION"]) for e in weeks]
    assert warned == [True, True, False]  # the week of cards left over (3) has no stage to warn about
    unfolded = bo_file.read_bytes().replace(b"\r\n ", b"").decode("utf-8")
    assert "decks/cohorts" not in unfolded and "Suggested" not in unfolded


def test_study_blocks_go_on_after_the_last_new_card(shipped: Path) -> None:
    """The calendar's study blocks stopped at the last new card (Wed 23 Dec), though the reviews go on and the
    plan itself named Mon 4 Jan, after the holiday, as the busiest day (found by the onboarding-manager helper)."""
    write(
        shipped / "decks/cohorts/dec.yaml",
        "title: Dec\ntimezone: America/New_York\ndays_off: [{from: 2026-12-24, to: 2027-01-01}]\n"
        "hires:\n  - {name: Priya, track: associate-pm, start: 2026-12-07}\n",
    )
    assert run_deckgen("plan", "--cohort", "dec", "--format", "ics", cwd=shipped).returncode == 0
    plan = json.loads(run_deckgen("plan", "--cohort", "dec", "--format", "json", cwd=shipped).stdout)
    after = {d["date"]: d for d in plan["hires"][0]["schedule"]["after"]}
    busiest = max(after.values(), key=lambda d: d["reviews"])
    assert busiest["date"] == "2027-01-04"
    blocks = {
        e.decoded("DTSTART").date().isoformat(): str(e["SUMMARY"])
        for e in _events(shipped / "build/cohorts/dec/priya.ics")
        if isinstance(e.decoded("DTSTART"), dt.datetime)
    }
    last_new = max(d["date"] for d in plan["hires"][0]["schedule"]["days"] if d["new"])
    assert last_new == "2026-12-22" and max(blocks) > "2027-01-04"
    assert blocks["2027-01-04"].startswith(f"Anki: about {round(busiest['reviews'])} reviews (")
    assert not [day for day in blocks if "2026-12-24" <= day <= "2027-01-03"]  # the holiday has none


def test_calendars_already_sent_are_flagged_when_the_plan_moves_and_unchanged_ones_are_not_rewritten(
    shipped: Path,
) -> None:
    """After a content release the build said only 'wrote build/site' while the calendars the manager had sent
    (build/cohorts/…) still said 'Week 3: Strategy (14 new cards)'; and `plan --format ics` said 'wrote' for every
    calendar, changed or not, so the manager could not tell which to send again (onboarding-manager helper)."""
    write(
        shipped / "decks/cohorts/dec.yaml",
        "title: Dec\ntimezone: UTC\nhires:\n  - {name: Priya, track: associate-pm, start: 2026-12-07}\n"
        "  - {name: Sam, track: product-lead, start: 2026-12-07}\n",
    )
    assert run_deckgen("build", cwd=shipped).returncode == 0
    folder = shipped / "build/cohorts/dec"
    first = run_deckgen("plan", "--cohort", "dec", "--format", "ics", cwd=shipped)
    assert first.stdout.splitlines() == [f"wrote {folder / 'priya.ics'}", f"wrote {folder / 'sam.ics'}"]
    sent = {p.name: p.read_bytes() for p in folder.iterdir()}
    again = run_deckgen("plan", "--cohort", "dec", "--format", "ics", cwd=shipped)
    assert again.stdout.splitlines() == [
        f"unchanged {folder / name} (the same events: no need to send it again)" for name in ("priya.ics", "sam.ics")
    ]
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == sent

    # a note moves from Strategy to Discovery: both tracks' weeks change
    strategy, discovery = shipped / "decks/strategy.yaml", shipped / "decks/discovery.yaml"
    strategy.write_text(strategy.read_text().replace("  - id: graham-dont-scale\n", ""))
    discovery.write_text(discovery.read_text() + "  - id: graham-dont-scale\n")
    for _ in range(2):  # the second build is a no-op that says it again
        built = run_deckgen("build", cwd=shipped)
        assert built.returncode == 0, built.stderr
        assert (
            "build/cohorts/dec: 2 calendar(s) no longer match the plan (priya.ics, sam.ics): run 'deckgen plan "
            "--cohort dec --format ics' and send those again"
        ) in built.stderr, built.stderr
    resent = run_deckgen("plan", "--cohort", "dec", "--format", "ics", cwd=shipped)
    assert resent.stdout.count("wrote ") == 2
    assert "no longer match" not in run_deckgen("build", cwd=shipped).stderr
    # a content change that leaves the plans as they were (a reworded answer): nothing to send again
    note = shipped / "content/essays/norton-empathy.md"
    note.write_text(note.read_text(encoding="utf-8").replace("A: A set of concrete", "A: A set of real, concrete", 1))
    reworded = run_deckgen("build", cwd=shipped)
    assert reworded.returncode == 0 and "no longer match" not in reworded.stderr, reworded.stderr


def test_a_week_whose_cards_start_the_week_before_is_explained_to_the_hire_and_the_manager(shipped: Path) -> None:
    """At the product-lead track's own 10 a day, its week 2 (Strategy) showed "0 new cards" on the site and in the
    hire's calendar, with no word why: all 25 start in week 1, once Discovery's are started."""
    write(
        shipped / "decks/cohorts/x.yaml",
        "title: X\ntimezone: Europe/Berlin\nsite: true\nhires:\n  - {name: Dee, track: product-lead, start: 2026-03-02}\n",
    )
    assert run_deckgen("build", cwd=shipped).returncode == 0
    text = run_deckgen("plan", "--cohort", "x", cwd=shipped).stdout
    assert (
        "note: Week 2 — Strategy: 24 of its 24 cards start in week 1, from Wed 4 Mar 2026, at 10 new cards a day"
    ) in text
    assert "write 'new_per_day: 5' in Dee's entry (decks/cohorts/x.yaml:5)" in text
    page = html.unescape((shipped / "build/site/cohorts/x.html").read_text(encoding="utf-8"))
    assert "<strong>For the manager:</strong> Week 2 — Strategy: 24 of its 24 cards start in week 1" in page
    track_page = html.unescape((shipped / "build/site/tracks/product-lead.html").read_text(encoding="utf-8"))
    assert (
        "All this week's 24 cards start in week 1: at 10 new cards a day, Anki brings them in during week 1, once "
        "week 1's own are started. This week is for their reviews."
    ) in track_page
    weeks = [e for e in _events(shipped / "build/site/cohorts/x/dee.ics") if str(e["SUMMARY"]).startswith("Week")]
    assert [str(e["SUMMARY"]) for e in weeks] == ["Week 1: Discovery (47 new cards)", "Week 2: Strategy (0 new cards)"]
    assert "from Wed 4 Mar 2026, once week 1's own are started" in str(weeks[1]["DESCRIPTION"])
    assert "start in week" not in str(weeks[0]["DESCRIPTION"])
    assert "write" not in str(weeks[1]["DESCRIPTION"])  # the manager's words stay the manager's
