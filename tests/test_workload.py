"""`deckgen plan`: the documented workload model, pace warnings, and the three output formats."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import run_deckgen, write

from deckgen.core.model import BuiltDeck, Card, DeckSpec
from deckgen.sources.tracks import BuiltStage, BuiltTrack, DeckRef, Stage, Track
from deckgen.tracks.workload import WorkloadModel, next_monday, plan_track, render

MONDAY = dt.date(2026, 3, 2)


def built_track(*sizes: int, pace: int = 5) -> BuiltTrack:
    """A track whose stage ``i`` has one deck of ``sizes[i]`` single-card notes."""
    stages, built = [], []
    for number, size in enumerate(sizes, 1):
        spec = DeckSpec(name=f"Root::D{number}", slug=f"d{number}", path=f"decks/d{number}.yaml", selectors=())
        cards = tuple(Card(note_id=f"n{number}", key=f"k{i}", kind="basic", front="q", back="a") for i in range(size))
        stage = Stage(number=number, title=f"S{number}", decks=(DeckRef(spec.slug, False, 1),))
        stages.append(stage)
        built.append(BuiltStage(stage, f"Root::Week {number} — S{number}", (BuiltDeck(spec, cards),), ()))
    track = Track(
        slug="t",
        title="T",
        role="R",
        path="decks/tracks/t.yaml",
        stages=tuple(stages),
        root_deck="Root",
        new_per_day=pace,
    )
    return BuiltTrack(track, tuple(built))


def test_model_defaults_match_anki_defaults_and_the_readme(tmp_path: Path) -> None:
    from ankiutil import open_collection

    from deckgen.sources.tracks import DEFAULT_NEW_PER_DAY

    col = open_collection(tmp_path / "c.anki2")
    try:  # the real engine's defaults for a new deck: what a learner who changes nothing gets
        new = col.decks.config_dict_for_deck_id(1)["new"]
    finally:
        col.close()
    model = WorkloadModel()
    assert list(model.learning_steps_minutes) == new["delays"] == [1.0, 10.0]
    assert DEFAULT_NEW_PER_DAY == new["perDay"] and new["ints"][0] == model.review_offsets_days[0]
    assert new["initialFactor"] == 2500  # ease 250%: the x2.5 between review offsets
    assert model.seconds_per_new_card == 30  # two learning steps at 15 s
    assert model.seconds_per_due_review == pytest.approx(11)  # 10 s plus a 10% chance of one relearning step
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "1, 4, 12, 32 and 82 days" in readme and "10 seconds" in readme and "30 seconds" in readme


def test_daily_minutes_follow_the_model_by_hand() -> None:
    schedule = plan_track(built_track(10), MONDAY, 5)
    minutes = {d.date: round(d.minutes, 4) for d in schedule.days}
    # Mon: 5 new x 30 s. Tue: 5 new + Monday's 5 first reviews x 11 s. Wed: Tuesday's 5 reviews.
    # Fri: Monday's 4-day reviews. Tuesday's 4-day reviews fall on Saturday and wait for Monday.
    assert minutes[MONDAY] == 2.5
    assert minutes[MONDAY + dt.timedelta(1)] == round(205 / 60, 4)
    assert minutes[MONDAY + dt.timedelta(2)] == round(55 / 60, 4)
    assert minutes[MONDAY + dt.timedelta(3)] == 0
    assert minutes[MONDAY + dt.timedelta(4)] == round(55 / 60, 4)
    assert minutes[MONDAY + dt.timedelta(5)] == 0  # Saturday: no study
    (stage,) = schedule.stages
    assert stage.fits and stage.cards == 10 and stage.study_days == 5
    assert stage.avg_minutes == round((150 + 205 + 55 + 0 + 55) / 60 / 5, 1)
    assert stage.peak_minutes == 3.4
    assert schedule.finish == MONDAY + dt.timedelta(1)
    assert schedule.warnings == () and schedule.suggested_pace is None


def test_a_stage_that_does_not_fit_warns_and_suggests_a_pace_that_fits() -> None:
    schedule = plan_track(built_track(30, 5), MONDAY, 5)
    first, second = schedule.stages
    assert not first.fits and first.last_new == MONDAY + dt.timedelta(7) and first.pace_to_fit == 6
    assert second.fits and second.pace_to_fit == 4  # 35 cards over 10 study days
    assert schedule.suggested_pace == 6
    assert schedule.warnings[0].startswith(
        "Week 1 — S1: 5 of its 30 cards start after Sun 8 Mar 2026 at 5 new cards a day"
    )
    assert schedule.warnings[-1] == "Suggested pace: --new-per-day 6 finishes every stage in its week."
    again = plan_track(built_track(30, 5), MONDAY, schedule.suggested_pace)
    assert all(s.fits for s in again.stages) and again.warnings == ()


def test_a_late_start_shortens_the_first_week() -> None:
    saturday = plan_track(built_track(3), MONDAY + dt.timedelta(5), 5)
    assert not saturday.stages[0].fits and saturday.stages[0].pace_to_fit is None
    assert "no study day" in saturday.warnings[0] and "--start 2026-03-09" in saturday.warnings[0]
    every_day = plan_track(built_track(3), MONDAY + dt.timedelta(5), 5, days_per_week=7)
    assert every_day.stages[0].fits and every_day.finish == MONDAY + dt.timedelta(5)
    assert next_monday(dt.date(2026, 3, 4)) == dt.date(2026, 3, 9) and next_monday(MONDAY) == MONDAY


def test_formats_carry_the_same_plan() -> None:
    schedule = plan_track(built_track(30, 5), MONDAY, 5)
    data = json.loads(render(schedule, "json"))
    assert data["start"] == "2026-03-02" and data["finish"] == "2026-03-10" and data["suggested_pace"] == 6
    assert [s["cards"] for s in data["stages"]] == [30, 5] and data["model"]["seconds_per_new_card"] == 30
    markdown = render(schedule, "markdown")
    # the week's new cards at 5 a day (S1 has 30: 25 start in its week, 5 in the next with S2's 5)
    assert (
        "| 1 | 2 Mar – 8 Mar | S1 | D1 (30) | 25 |" in markdown
        and "| 2 | 9 Mar – 15 Mar | S2 | D2 (5) | 10 |" in markdown
    )
    assert [s["new_cards"] for s in data["stages"]] == [25, 10] and data["later_weeks"] == []
    assert "- **Warning:** Suggested pace: --new-per-day 6" in markdown
    text = render(schedule, "text")
    assert "35 cards in 2 weeks · every card started by Tue 10 Mar 2026" in text
    assert "needs 6/day" in text and "warning: Suggested pace" in text


def test_plan_command_on_the_shipped_track(shipped: Path) -> None:
    result = run_deckgen("plan", "associate-pm", "--start", "2026-03-02", "--format", "json", cwd=shipped)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["slug"] == "associate-pm" and data["start"] == "2026-03-02" and len(data["stages"]) >= 2
    assert data["total_cards"] == sum(s["cards"] for s in data["stages"]) > 0
    slow = run_deckgen("plan", "associate-pm", "--start", "2026-03-02", "--new-per-day", "1", cwd=shipped)
    assert slow.returncode == 0 and "warning: Suggested pace: --new-per-day" in slow.stdout


def test_plan_command_errors(project: Path) -> None:
    write(project / "content/a.md", "---\nid: a\ntitle: A\n---\n## Cards\n\nQ: In A, what?\nA: That.\n")
    write(project / "decks/a.yaml", "deck: A\nnotes: all\n")
    write(project / "decks/tracks/t.yaml", "track: T\nrole: R\nstages:\n  - title: One\n    decks: [a]\n")
    missing = run_deckgen("plan", "nope", cwd=project)
    assert missing.returncode == 1 and "no track named 'nope' — use one of: t" in missing.stderr
    bad_date = run_deckgen("plan", "t", "--start", "2026-02-30", cwd=project)
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr
    ok = run_deckgen("plan", "t", "--start", "2026-03-02", "-f", "markdown", cwd=project)
    assert ok.returncode == 0 and ok.stdout.startswith("## T — R\n")


def test_the_reviews_after_the_plan_are_counted_by_hand_and_shown() -> None:
    """The plan's table ends with its last week, but a card started on its last day is still reviewed 82 days later,
    and leave in the last week piles reviews onto days after it: none of that appeared anywhere."""
    start = dt.date(2026, 3, 2)  # a Monday
    schedule = plan_track(built_track(5), start, new_per_day=5)  # all 5 cards on day 1
    model = WorkloadModel()
    # reviews 1, 4, 12, 32 and 82 days after Monday; the plan is one week, so those after Sunday 8 March come after it
    due = [start + dt.timedelta(days=d) for d in model.review_offsets_days]
    after_plan = [d for d in due if d > dt.date(2026, 3, 8)]
    # a review due on a weekend waits for Monday
    expected = [d + dt.timedelta(days=(7 - d.weekday()) % 7) if d.weekday() >= 5 else d for d in after_plan]
    assert [d.date for d in schedule.after] == expected
    assert all(d.reviews == 5 and d.minutes == 5 * model.seconds_per_due_review / 60 for d in schedule.after)
    text = render(schedule, "text")
    assert f"After the plan: reviews go on until {expected[-1]:%a} {expected[-1].day} {expected[-1]:%b %Y}" in text
    # leave on Thursday and Friday: Friday's reviews (4 days after Monday) wait for the Monday after the plan
    assert schedule.after[0].date == dt.date(2026, 3, 16)
    off = plan_track(built_track(5), start, new_per_day=5, days_off=[dt.date(2026, 3, 5), dt.date(2026, 3, 6)])
    assert (off.after[0].date, off.after[0].reviews) == (dt.date(2026, 3, 9), 5)
    assert "After the plan: reviews go on until" in render(off, "markdown")


def test_a_late_weeks_warning_counts_the_cards_that_start_after_it_as_the_week_figure_does() -> None:
    # The warning said "30 cards do not fit" beside a week figure of 25 new cards: 25 do fit, 5 start late.
    schedule = plan_track(built_track(30, 5), MONDAY, 5)
    week = schedule.weeks()[0]
    assert week.new_cards == 25
    assert schedule.warnings[0].startswith(
        "Week 1 — S1: 5 of its 30 cards start after Sun 8 Mar 2026 at 5 new cards a day (the last on Mon 9 Mar 2026)"
    )
    # a stage that starts late only because the week before spilled over counts its own late cards
    spill = plan_track(built_track(30, 24), MONDAY, 5)
    assert spill.warnings[1].startswith("Week 2 — S2: 4 of its 24 cards start after Sun 15 Mar 2026")
    assert 24 - 4 == spill.weeks()[1].new_cards - 5  # week 2 starts S1's 5 left-overs first


def test_a_holiday_is_shown_as_entered_with_the_study_days_it_takes(shipped: Path) -> None:
    """A holiday that began in the plan's last week was cut at the last new card ('Thu 24 Dec – Fri 25 Dec (2 study
    days)' for 24 Dec – 1 Jan), though the reviews after the plan wait for it; and a count after a list of days off
    read as the last range's (found by the onboarding-manager helper)."""
    shown = run_deckgen(
        "plan", "associate-pm", "--start", "2026-12-07", "--day-off", "2026-12-24..2027-01-01", cwd=shipped
    )
    assert shown.returncode == 0, shown.stderr
    assert "Days off: Thu 24 Dec 2026 – Fri 1 Jan 2027 (7 study days)\n" in shown.stdout, shown.stdout
    both = run_deckgen(
        "plan", "associate-pm", "--start", "2026-12-07", "--day-off", "2026-12-14",
        "--day-off", "2026-12-24..2027-01-01", cwd=shipped,
    )  # fmt: skip
    assert "Days off: Mon 14 Dec 2026, Thu 24 Dec 2026 – Fri 1 Jan 2027 (8 study days in all)\n" in both.stdout


def test_around_a_holiday_the_plan_offers_the_first_later_start_that_fits_the_pace(shipped: Path) -> None:
    """A late joiner around a holiday was told only to study faster (13 new cards a day for a Wed 16 Dec start, 20
    for the Mon 21 Dec the weekend warning proposed), or to start on the first study day, which did not fit either;
    starting after the holiday fits at the track's 6 a day (found by the onboarding-manager helper)."""
    holiday = ("--day-off", "2026-12-24..2027-01-01")
    late = run_deckgen("plan", "associate-pm", "--start", "2026-12-16", *holiday, cwd=shipped)
    # (a pace for the weeks with study days: 13 squeezed the holiday week's cards in before it)
    assert "Suggested pace: --new-per-day 9 finishes every stage with study days in its week." in late.stdout
    said = late.stderr + late.stdout
    assert "Or keep 6 a day and start on Mon 4 Jan 2027, when every stage fits its week — --start 2027-01-04." in said
    weekend = run_deckgen("plan", "associate-pm", "--start", "2026-12-19", *holiday, cwd=shipped)
    assert (
        "start on a study day (e.g. --start 2026-12-21; at 6 a day every stage fits its week from Mon 4 Jan 2027:"
        " --start 2027-01-04)" in weekend.stderr + weekend.stdout
    )
    # following it: a plan that fits at the track's pace
    after = run_deckgen("plan", "associate-pm", "--start", "2027-01-04", *holiday, cwd=shipped)
    assert after.returncode == 0 and "warning" not in after.stderr + after.stdout, after.stderr
    # from a cohort file, the line to write in the hire's entry
    write(
        shipped / "decks/cohorts/dec.yaml",
        "title: Dec\ntimezone: UTC\ndays_off: [{from: 2026-12-24, to: 2027-01-01}]\n"
        "hires:\n  - {name: Riley, track: associate-pm, start: 2026-12-16}\n",
    )
    cohort = run_deckgen("plan", "--cohort", "dec", cwd=shipped)
    assert "start on Mon 4 Jan 2027, when every stage fits its week — write 'start: 2027-01-04' in Riley's entry" in (
        cohort.stdout + cohort.stderr
    )


def test_a_week_of_days_off_is_named_as_such_and_asks_for_no_pace(shipped: Path) -> None:
    """An onboarding manager's try: a stage week wholly inside the holidays showed "needs 10/day", and the suggested
    pace (10) only moved the whole track into week 1; its calendar said "0 new cards … about 0 minutes a day". A
    Saturday start was told to start three weeks later, not on the Monday after."""
    holiday = ("--day-off", "2026-12-23..2027-01-01")  # week 2 keeps two study days (with three it fits)
    late = run_deckgen("plan", "associate-pm", "--start", "2026-12-14", *holiday, cwd=shipped)
    said = late.stdout + late.stderr
    week3 = next(line for line in late.stdout.splitlines() if line.startswith("3 "))
    assert week3.rstrip().endswith("no study day") and "needs" not in week3, week3
    assert (
        "Week 3 — Strategy: no study day between Mon 28 Dec 2026 and Sun 3 Jan 2027 (days off), so its 24 cards"
        " start after it (the last on Fri 8 Jan 2027)" in said
    )
    # the pace asked for is week 2's (it has study days), not one that front-loads week 3 into week 1
    assert "Suggested pace: --new-per-day 7 finishes every stage with study days in its week." in said
    saturday = run_deckgen("plan", "associate-pm", "--start", "2026-12-12", *holiday, cwd=shipped)
    assert "start on a study day (e.g. --start 2026-12-14;" in saturday.stdout + saturday.stderr
    # the hire's calendar says the week is off, not "0 new cards … about 0 minutes a day"
    write(
        shipped / "decks/cohorts/dec.yaml",
        "title: Dec\ntimezone: UTC\ndays_off: [{from: 2026-12-24, to: 2027-01-01}]\n"
        "hires:\n  - {name: Ben, track: associate-pm, start: 2026-12-14}\n",
    )
    assert run_deckgen("plan", "--cohort", "dec", "--format", "ics", cwd=shipped).returncode == 0
    calendar = " ".join(
        line.strip() for line in (shipped / "build/cohorts/dec/ben.ics").read_text().replace("\n ", "").splitlines()
    )
    (week,) = [event for event in calendar.split("BEGIN:VEVENT") if "SUMMARY:Week 3: Strategy" in event]
    assert "No study day this week (days off)." in week and "about 0 minutes" not in week
    assert "this week has no study day in your plan\\, so its 24 cards start in the weeks after" in week


def test_a_plan_longer_than_its_track_says_how_many_weeks_it_takes(shipped: Path) -> None:
    """'74 cards in 3 weeks' headed a five-week plan at 3 new cards a day (found by the onboarding-manager helper)."""
    slow = run_deckgen("plan", "associate-pm", "--start", "2026-12-07", "--new-per-day", "3", cwd=shipped)
    # ('74 cards in 3 weeks, 5 at this pace' was hard to read: an onboarding manager's try)
    assert "\n72 cards in 3 weeks; at 3 a day they take 5 weeks · every card started by Thu 7 Jan 2027\n" in slow.stdout
    assert slow.stdout.count("Cards left over") == 2
    usual = run_deckgen("plan", "associate-pm", "--start", "2026-12-07", cwd=shipped)
    assert "\n72 cards in 3 weeks · every card started by" in usual.stdout


def test_a_week_whose_cards_all_start_the_week_before_says_so_and_the_slowest_pace_that_fits() -> None:
    """The shipped product-lead track at its own 10 a day planned week 2 (Strategy) with "0" new cards and said
    nothing: Anki goes on to the next week's cards once a week's are started, so all 25 start in week 1 (found by
    the onboarding-manager helper). The plan now says so, and which pace keeps each stage in its week."""
    schedule = plan_track(built_track(10, 10), MONDAY, 10)
    first, second = schedule.stages
    assert (first.early, second.early) == (0, 10) and second.mostly_early and second.new_cards == 0
    assert schedule.warnings == ()  # every stage fits: a note, not a warning
    assert schedule.notes == (
        "Week 2 — S2: 10 of its 10 cards start in week 1, from Tue 3 Mar 2026, at 10 new cards a day: Anki goes on "
        "to the next week's cards once a week's are all started. To keep each stage's cards in its own week, take "
        "the slowest pace that fits every week: --new-per-day 2",
    )
    assert f"\nnote: {schedule.notes[0]}\n" in render(schedule, "text")
    assert f"\n- **Note:** {schedule.notes[0]}\n" in render(schedule, "markdown")
    assert json.loads(render(schedule, "json"))["notes"] == list(schedule.notes)
    assert json.loads(render(schedule, "json"))["stages"][1]["early"] == 10
    # at the slowest pace that fits, the week is its own; a few cards early (less than half) is not worth a note
    assert plan_track(built_track(10, 10), MONDAY, 2).notes == ()
    few = plan_track(built_track(12, 10), MONDAY, 3)  # 15 slots in week 1: 12 of S1, 3 of S2
    assert few.stages[1].early == 3 and few.notes == ()


def test_a_cohort_files_note_says_what_to_write_in_the_hires_entry() -> None:
    schedule = plan_track(built_track(10, 10), MONDAY, 10, entry="bo's entry (decks/cohorts/x.yaml:6)")
    (note,) = schedule.notes
    assert note.endswith(
        "take the slowest pace that fits every week: write 'new_per_day: 2' in bo's entry (decks/cohorts/x.yaml:6)"
    )
