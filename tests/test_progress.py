"""`deckgen progress` on a simulated cohort: real bundles, real Anki scheduling, real exports.

Each hire imports the track bundle into a fresh collection with the real engine and studies
it day by day through the scheduler. The engine stamps answers with the real clock, so each
simulated day moves the collection's creation time back a day (Anki's "today" advances)
and rewrites that day's review-log ids to the simulated time of the study session. The
deck options cap intervals at one day, so every card started before a study day is reviewed
on it: the expected figures below follow from the study pattern by hand, and the test also
checks them against the simulation's own log of answers.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import zipfile
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from conftest import MINIMAL_TOML, REPO, run_deckgen, write

from deckgen.builder.pipeline import build
from deckgen.core.config import load_config

anki_collection = pytest.importorskip("anki.collection")
from anki.collection import Collection, DeckIdLimit, ExportAnkiPackageOptions  # noqa: E402
from anki.scheduler_pb2 import CardAnswer  # noqa: E402
from ankiutil import import_apkg  # noqa: E402

ZONE = zoneinfo.ZoneInfo("America/New_York")  # daylight saving starts on Sunday 8 March 2026
START = dt.date(2026, 3, 2)  # a Monday
AS_OF = dt.date(2026, 3, 18)  # Wednesday of week 3
ROOT = "Test Onboarding"
SECRET = "my private mnemonic about the dentist"


def note(note_id: str, tag: str) -> str:
    cards = "\n".join(
        f"Q: In Essay {note_id}, which idea is numbered {n}?\nA: Idea {n} of essay {note_id}.\n" for n in range(1, 6)
    )
    return f"---\nid: {note_id}\ntitle: Essay {note_id}\nauthor: Ann Author\ntags: [{tag}]\ngenerate: false\n---\nBlurb.\n\n## Cards\n\n{cards}"


COHORT = """title: Spring 2026 APMs
timezone: America/New_York
study_time: "09:00"
hires:
  - {name: Ana, track: test, start: 2026-03-02}
  - {name: Bo, track: test, start: 2026-03-02}
  - {name: Cy, track: test, start: 2026-03-02}
  - {name: Di, track: test, start: 2026-03-02}
  - {name: Eve, track: test, start: 2026-03-02}
  - {name: Fay, track: test, start: 2026-03-02}
  - {name: Gus, track: test, start: 2026-03-02}
  - {name: Hal, track: test, start: 2026-03-02}
  - {name: Ivy, track: test, start: 2026-03-02}
"""


def make_project(root: Path) -> Path:
    """Three decks of three 5-card notes (15 Anki cards each); a 3-week track at 3 new cards a day."""
    write(root / "deckgen.toml", '[project]\nname = "Test"\nnamespace = "test-namespace-0001"\n')
    for deck in ("alpha", "beta", "gamma"):
        for i in range(3):
            write(root / f"content/{deck}{i}.md", note(f"{deck}{i}", deck))
        write(root / f"decks/{deck}.yaml", f"deck: {ROOT}::{deck.title()}\nnotes:\n  - tag: {deck}\n")
    write(
        root / "decks/tracks/test.yaml",
        f"track: Test track\nrole: Tester\ndeck: {ROOT}\nnew_per_day: 3\nstages:\n"
        "  - title: Basics\n    decks: [alpha]\n  - title: Depth\n    decks: [beta]\n  - title: Breadth\n    decks: [gamma]\n",
    )
    write(root / "decks/cohorts/spring.yaml", COHORT)
    return root


@dataclass
class Log:
    """What the simulated hire did, by Anki day: the independent record the report is checked against."""

    started: dict[dt.date, int] = field(default_factory=dict)
    reviews: dict[dt.date, int] = field(default_factory=dict)
    passed: dict[dt.date, int] = field(default_factory=dict)
    learning: dict[dt.date, int] = field(default_factory=dict)


class Learner:
    """A hire's collection, studied one simulated day at a time."""

    def __init__(self, path: Path, bundle: Path, new_per_day: int) -> None:
        self.path = str(path)
        self.col = Collection(self.path)
        # Learning steps are minutes of the real clock: run near Anki's day rollover (4 am local by
        # default), a step crosses into "tomorrow" and the counts change. Roll over 12 hours away,
        # and date the collection from that rollover as Anki would have at its creation.
        rollover = (dt.datetime.now().hour + 12) % 24
        self.col.set_config("rollover", rollover)
        now = dt.datetime.now()
        start = now.replace(hour=rollover, minute=0, second=0, microsecond=0)
        if start > now:
            start -= dt.timedelta(days=1)
        self.col.crt = int(start.timestamp())
        assert import_apkg(self.col, bundle).new == 45
        conf = self.col.decks.get_config(1)  # the default preset every imported deck uses
        conf["new"]["perDay"] = new_per_day
        conf["rev"]["maxIvl"] = 1  # every review card is due every day: hand-countable reviews
        self.col.decks.update_config(conf)
        self.today = START
        self.reviews_done = 0
        self.log = Log()

    def advance_to(self, day: dt.date) -> None:
        """Move Anki's "today" to ``day`` (the collection must be reopened to see it)."""
        days = (day - self.today).days
        if days:
            self.col.crt = self.col.crt - 86400 * days
            self.col.close()
            self.col = Collection(self.path)
            self.today = day

    def study(self, day: dt.date, session: dt.datetime, *, again_every: int = 0, deck: str = ROOT) -> None:
        """Answer every card the scheduler serves on ``day``; stamp the answers at ``session`` onwards."""
        self.advance_to(day)
        real_start = self.col.db.scalar("select coalesce(max(id), 0) from revlog")
        self.col.decks.select(self.col.decks.id_for_name(deck))
        while True:
            queued = self.col.sched.get_queued_cards(fetch_limit=1).cards
            if not queued:
                break
            card = self.col.get_card(queued[0].card.id)
            rating = CardAnswer.GOOD
            if deck == ROOT:
                if card.type == 0:
                    self.log.started[day] = self.log.started.get(day, 0) + 1
                if card.type == 2 and card.queue == 2:  # a review
                    self.reviews_done += 1
                    self.log.reviews[day] = self.log.reviews.get(day, 0) + 1
                    if again_every and self.reviews_done % again_every == 0:
                        rating = CardAnswer.AGAIN
                    else:
                        self.log.passed[day] = self.log.passed.get(day, 0) + 1
                else:
                    self.log.learning[day] = self.log.learning.get(day, 0) + 1
            card.start_timer()
            self.col.sched.answer_card(self.col.sched.build_answer(card=card, states=queued[0].states, rating=rating))
        base = int(session.timestamp() * 1000)
        for offset, (rid,) in enumerate(self.col.db.all("select id from revlog where id > ? order by id", real_start)):
            self.col.db.execute("update revlog set id = ? where id = ?", base + 1000 * offset, rid)

    def export(self, target: Path, *, scheduling: bool = True, whole: bool = False) -> Path:
        """File > Export > Anki Deck Package, as Anki's exporter writes it."""
        limit = None if whole else DeckIdLimit(self.col.decks.id_for_name(ROOT))
        self.col.export_anki_package(
            out_path=str(target),
            options=ExportAnkiPackageOptions(
                with_scheduling=scheduling, with_deck_configs=scheduling, with_media=True, legacy=False
            ),
            limit=limit,
        )
        return target

    def close(self) -> None:
        self.col.close()


def weekdays(first: dt.date, last: dt.date, per_week: int = 5) -> list[dt.date]:
    return [
        first + dt.timedelta(days=i)
        for i in range((last - first).days + 1)
        if (first + dt.timedelta(days=i)).weekday() < per_week
    ]


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ZONE)


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The project, the built bundle and every hire's export (built once for the module)."""
    base = tmp_path_factory.mktemp("cohort")
    root = make_project(base / "proj")
    build(load_config(root), now=1_700_000_000)
    bundle = root / "build/tracks/test.apkg"
    exports = base / "exports"
    exports.mkdir()
    logs: dict[str, Log] = {}

    def learner(name: str, pace: int) -> Learner:
        return Learner(base / f"{name}.anki2", bundle, pace)

    # Ana: on pace, Monday to Friday at 9:00, keeps a personal deck too, and exports all decks.
    ana = learner("ana", 3)
    personal = ana.col.decks.id("Personal")
    basic = ana.col.models.by_name("Basic")
    mine = ana.col.new_note(basic)
    mine["Front"], mine["Back"] = SECRET, "tooth"
    ana.col.add_note(mine, personal)
    for day in weekdays(START, AS_OF + dt.timedelta(days=1)):  # Thursday 19 March is after the report's date
        ana.study(day, at(day, 9))
        ana.study(day, at(day, 12), deck="Personal")
    logs["Ana"] = ana.log
    ana.export(exports / "ana.apkg", whole=True)
    ana.close()

    # Bo: behind, studies Monday to Thursday only, and forgets every fifth review.
    bo = learner("bo", 3)
    for day in weekdays(START, AS_OF, per_week=4):
        bo.study(day, at(day, 9), again_every=5)
        if day == START + dt.timedelta(days=3):  # his weekly export of week 1, left in the same folder
            bo.export(exports / "bo-week1.apkg")
    logs["Bo"] = bo.log
    bo.export(exports / "bo-week3.apkg")
    bo.close()

    # Cy: ahead at 6 a day, studies late: at 1:30 the next morning, which Anki counts as the day before.
    cy = learner("cy", 6)
    for day in weekdays(START, AS_OF):
        cy.study(day, at(day + dt.timedelta(days=1), 1, 30))
    logs["Cy"] = cy.log
    cy.export(exports / "cy.apkg")
    cy.close()

    # Di: on pace in week 1, skips week 2, back in week 3.
    di = learner("di", 3)
    for day in weekdays(START, START + dt.timedelta(days=4)) + weekdays(dt.date(2026, 3, 16), AS_OF):
        di.study(day, at(day, 9))
    logs["Di"] = di.log
    di.export(exports / "di.apkg")
    di.close()

    # Eve sends a deck of her own; Fay exports without scheduling; Gus sends his whole collection; Hal's file is cut short.
    eve = Collection(str(base / "eve.anki2"))
    other = eve.new_note(eve.models.by_name("Basic"))
    other["Front"], other["Back"] = "Unrelated", "deck"
    eve.add_note(other, eve.decks.id("Spanish"))
    eve.export_anki_package(
        out_path=str(exports / "eve.apkg"),
        options=ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, with_media=True, legacy=False),
        limit=DeckIdLimit(eve.decks.id_for_name("Spanish")),
    )
    eve.close()
    fay = learner("fay", 3)
    for day in weekdays(START, START + dt.timedelta(days=4)):
        fay.study(day, at(day, 9))
    fay.export(exports / "fay.apkg", scheduling=False)
    fay.close()
    gus = learner("gus", 3)
    gus.study(START, at(START, 9))
    gus.col.export_collection_package(str(exports / "gus.colpkg"), include_media=True, legacy=False)
    (exports / "hal.apkg").write_bytes((exports / "di.apkg").read_bytes()[:3000])
    return {"root": root, "exports": exports, "logs": logs}


def report(cohort: dict[str, Any], *args: str) -> Any:
    exports = cohort["exports"]
    files = [
        str(exports / n)
        for n in ("ana.apkg", "bo-week3.apkg", "cy.apkg", "di.apkg", "eve.apkg", "fay.apkg", "gus.colpkg", "hal.apkg")
    ]
    return run_deckgen("progress", "spring", *files, "--as-of", AS_OF.isoformat(), *args, cwd=cohort["root"])


# Expected figures, worked out from each study pattern (pace 3 a day; the plan starts 15, 15
# and 9 cards in weeks 1, 2 and 3 up to Wednesday 18 March, 39 in all). Every card started
# before a study day is reviewed on it (intervals capped at one day); a new card takes two
# learning steps (1 and 10 minutes); a forgotten review adds one relearning step.
#   Ana: 3 new a day on 13 days. Reviews on study day k: 3(k-1): weeks 0+3+6+9+12=30, 15+…+27=105, 30+33+36=99.
#   Bo:  3 new a day Mon–Thu, 11 days: reviews 0+3+6+9=18, 12+15+18+21=66, 24+27+30=81; every 5th forgotten: 3, 13, 17.
#   Cy:  6 new a day until all 45 are started on day 8; reviews min(6(k-1), 45): 60, 30+36+42+45+45=198, 135.
#   Di:  week 1 like Ana, week 2 nothing, week 3: 3 new a day again, reviews 15+18+21=54.
EXPECTED = {
    "Ana": {
        "verdict": "on pace",
        "started": 39,
        "planned": 39,
        "reviews": 234,
        "passed": 234,
        "learning": 78,
        "days": 13,
        "late": 45,
        "weeks": [(15, 15, 30, 30, 30, 5), (15, 15, 105, 105, 30, 5), (9, 9, 99, 99, 18, 3)],
    },
    "Bo": {
        "verdict": "behind by 2 days",
        "started": 33,
        "planned": 39,
        "reviews": 165,
        "passed": 132,
        "learning": 99,
        "days": 11,
        "late": 0,
        "weeks": [(12, 15, 18, 15, 27, 4), (12, 15, 66, 53, 37, 4), (9, 9, 81, 64, 35, 3)],
    },
    "Cy": {
        "verdict": "ahead by 2 days",
        "started": 45,
        "planned": 39,
        "reviews": 393,
        "passed": 393,
        "learning": 90,
        "days": 13,
        "late": 0,
        "weeks": [(30, 15, 60, 60, 60, 5), (15, 15, 198, 198, 30, 5), (0, 9, 135, 135, 0, 3)],
    },
    "Di": {
        "verdict": "behind by 5 days",
        "started": 24,
        "planned": 39,
        "reviews": 84,
        "passed": 84,
        "learning": 48,
        "days": 8,
        "late": 0,
        "weeks": [(15, 15, 30, 30, 30, 5), (0, 15, 0, 0, 0, 0), (9, 9, 54, 54, 18, 3)],
    },
}


def test_report_figures_match_the_simulation_exactly(cohort: dict[str, Any]) -> None:
    result = report(cohort, "--format", "json")
    assert result.returncode == 1, result.stderr  # four exports were unusable
    data = json.loads(result.stdout)
    rows = {row["name"]: row for row in data["hires"]}
    assert data["as_of"] == "2026-03-18" and data["timezone"] == "America/New_York"
    for name, want in EXPECTED.items():
        row = rows[name]
        got = {
            "verdict": row["verdict"],
            "started": row["started"],
            "planned": row["planned_started"],
            "reviews": row["reviews"],
            "passed": row["passed"],
            "learning": row["learning_steps"],
            "days": row["days_studied"],
            "late": row["not_counted"],
            "weeks": [
                (w["started"], w["planned_new"], w["reviews"], w["passed"], w["learning_steps"], w["days_studied"])
                for w in row["weeks"]
            ],
        }
        assert got == want, name
        assert row["retention"] == pytest.approx(want["passed"] / want["reviews"])
        assert [w["start"] for w in row["weeks"]] == ["2026-03-02", "2026-03-09", "2026-03-16"]
        # The simulation's own log of answers, by Anki day up to the report's date, agrees too.
        log: Log = cohort["logs"][name]

        def total(counts: dict[dt.date, int]) -> int:
            return sum(n for day, n in counts.items() if day <= AS_OF)

        assert (total(log.started), total(log.reviews), total(log.passed), total(log.learning)) == (
            want["started"],
            want["reviews"],
            want["passed"],
            want["learning"],
        )
    assert rows["Ivy"]["verdict"] == "no export received" and rows["Ivy"]["export"] is None


def test_bad_exports_are_named_and_the_rest_of_the_report_prints(cohort: dict[str, Any]) -> None:
    result = report(cohort)
    assert result.returncode == 1
    err, out = result.stderr, result.stdout
    exports = cohort["exports"]
    assert f"{exports / 'eve.apkg'}: export: holds none of the cards of the track 'Test track'" in err
    assert f"{exports / 'fay.apkg'}: export: holds the track's 45 cards but no review history" in err
    assert f"{exports / 'gus.colpkg'}: export: is an Anki Collection Package (.colpkg)" in err
    assert f"{exports / 'hal.apkg'}: export: is not a readable Anki package" in err
    assert "4 exports could not be used; the report covers the rest." in err
    assert "Traceback" not in err
    assert "Ana (test, from Mon 2 Mar 2026, 3/day)" in out
    assert (
        "on pace · 39 of 45 cards started (plan: 39) · 234 reviews, 78 learning steps · retention 100% · 13 days studied · 45 later answers not counted"
        in out
    )
    assert (
        "behind by 2 days · 33 of 45 cards started (plan: 39) · 165 reviews, 99 learning steps · retention 80% · 11 days studied"
        in out
    )
    assert "ahead by 2 days · 45 of 45 cards started (plan: 39)" in out
    assert "  2     9 Mar – 15 Mar   0 (15)          0        0               —          0" in out  # Di's skipped week
    assert "Days: a study day runs from 4:00 to 4:00 in America/New_York" in out
    assert "learning steps 1m and 10m, reviews 1, 4, 12, 32, 82 days after the first study" in out


def test_report_never_shows_other_decks_or_the_hires_own_cards(cohort: dict[str, Any]) -> None:
    for output in ("text", "markdown", "json"):
        result = report(cohort, "--format", output)
        for secret in (SECRET, "Personal", "Spanish", "Unrelated", "Idea 1 of essay"):
            assert secret not in result.stdout and secret not in result.stderr


def test_html_page_is_written_outside_the_site(cohort: dict[str, Any]) -> None:
    result = report(cohort, "--format", "html")
    page = cohort["root"] / "build/progress/spring-2026-03-18.html"
    assert f"wrote {page}" in result.stdout and result.returncode == 1
    text = page.read_text(encoding="utf-8")
    assert (
        "<td>Bo</td><td>test</td><td>behind by 2 days</td><td>33 (39)</td><td>165</td><td>99</td><td>80%</td><td>11</td>"
        in text
    )
    assert not (cohort["root"] / "build/site/progress").exists()


def test_untrusted_zip_limits(tmp_path: Path, cohort: dict[str, Any]) -> None:
    from deckgen.core.errors import ContentError
    from deckgen.tracks.progress import safe_package

    bomb = tmp_path / "bomb.apkg"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("meta", b"\x08\x03")
        archive.writestr("collection.anki21b", b"\0" * (20 * 1024 * 1024))  # 20 MB of zeros zip to ~20 KB
        archive.writestr("0", b"x")
    with pytest.raises(ContentError, match="times larger than it is zipped"):
        safe_package(bomb, "bomb.apkg", tmp_path)
    empty = tmp_path / "empty.apkg"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("notes.txt", b"hello")
    with pytest.raises(ContentError, match="holds no Anki collection"):
        safe_package(empty, "empty.apkg", tmp_path)
    # Only the collection and its meta entry are copied; media files never leave the hire's zip.
    clean = safe_package(cohort["exports"] / "di.apkg", "di.apkg", tmp_path)
    assert sorted(zipfile.ZipFile(clean).namelist()) == ["collection.anki21b", "media", "meta"]


def test_exports_are_matched_to_hires_by_name(cohort: dict[str, Any], tmp_path: Path) -> None:
    exports = cohort["exports"]
    zed = tmp_path / "zed.apkg"  # a file that is there, named after no hire
    zed.write_bytes((exports / "di.apkg").read_bytes())
    result = run_deckgen(
        "progress",
        "spring",
        f"Cy={exports / 'di.apkg'}",
        str(exports / "di.apkg"),
        str(zed),
        "--as-of",
        AS_OF.isoformat(),
        cwd=cohort["root"],
    )
    # a file named after no hire (the export of a hire who left) is skipped with a warning: the weekly run over a
    # folder of exports does not fail for it (it did, every week)
    assert result.returncode == 0, result.stderr
    assert f"warning {zed}: cannot tell which hire sent this file" in result.stderr
    assert "; skipped — name it after the hire" in result.stderr
    # Di's file given as Cy's export is read against Cy's plan: Di's figures under Cy's name.
    assert "Cy (test, from Mon 2 Mar 2026, 3/day)" in result.stdout
    assert "behind by 5 days · 24 of 45 cards started (plan: 39)" in result.stdout


def zstd_rle_bomb(size: int) -> bytes:
    """A valid zstd frame of ``size`` zero bytes in 4-byte RLE blocks (RFC 8878): ~32 KB per GB."""
    frame = bytearray(b"\x28\xb5\x2f\xfd\x00\x58")  # magic; no content size declared; 2 MiB window
    block = 128 * 1024
    count = size // block
    for index in range(count):
        header = (1 if index == count - 1 else 0) | (1 << 1) | (block << 3)  # last flag, RLE type, size
        frame += header.to_bytes(3, "little") + b"\0"
    return bytes(frame)


def test_a_collection_that_unpacks_past_the_limit_is_stopped(tmp_path: Path) -> None:
    from deckgen.core.errors import ContentError
    from deckgen.tracks.progress import TrackCards, read_export

    bomb = tmp_path / "bomb.apkg"
    with zipfile.ZipFile(bomb, "w") as archive:  # stored, not deflated: the zip's own sizes look harmless
        archive.writestr("meta", b"\x08\x03")
        archive.writestr("collection.anki21b", zstd_rle_bomb(64 * 1024 * 1024))
        archive.writestr("media", bytes.fromhex("28b52ffd2000010000"))
    assert bomb.stat().st_size < 4096
    track = TrackCards("t", "T", ROOT, {"guid": 1})
    with pytest.raises(
        ContentError, match=r"bomb.apkg: export: could not be read by Anki: it unpacks to more than 8,388,608 bytes"
    ):
        read_export(bomb, "bomb.apkg", track, max_unpacked=8 * 1024 * 1024)


def test_days_off_in_the_cohort_file_are_not_planned(cohort: dict[str, Any]) -> None:
    # Di (behind by 5 days, 24 of 39) had Tuesday and Wednesday of week 2 off: 6 cards fewer were planned
    root, exports = cohort["root"], cohort["exports"]
    write(
        root / "decks/cohorts/spring-off.yaml",
        COHORT.replace(
            'study_time: "09:00"\n', 'study_time: "09:00"\ndays_off: [{from: 2026-03-10, to: 2026-03-11}]\n'
        ),
    )
    try:
        result = run_deckgen(
            "progress", "spring-off", str(exports / "di.apkg"), "--as-of", AS_OF.isoformat(), "-f", "json", cwd=root
        )
    finally:
        (root / "decks/cohorts/spring-off.yaml").unlink()
    data = json.loads(result.stdout)
    (di,) = [row for row in data["hires"] if row["name"] == "Di"]
    assert (di["planned_started"], di["started"], di["verdict"]) == (33, 24, "behind by 3 days")
    assert [w["planned_new"] for w in di["weeks"]] == [15, 9, 9]
    assert "except the days off listed in the cohort file" in " ".join(data["assumptions"])


def test_an_encrypted_export_is_named_not_an_internal_error(tmp_path: Path) -> None:
    from test_import_zip import _encrypted, _zip

    from deckgen.core.errors import ContentError
    from deckgen.tracks.progress import safe_package

    export = tmp_path / "ana.apkg"
    export.write_bytes(_encrypted(_zip({"collection.anki2": b"SQLite format 3\x00" + b"\x00" * 100})))
    with pytest.raises(ContentError) as info:
        safe_package(export, "ana.apkg", tmp_path)
    assert "entry 'collection.anki2' is encrypted (a password-protected zip)" in str(info.value)


def test_of_a_hires_weekly_exports_the_newest_counts(cohort: dict[str, Any]) -> None:
    """A folder of weekly exports: the newest is used, whatever the order (before, the oldest was, and the newer one
    was an error: 'a second export for Bo')."""
    exports = cohort["exports"]
    alone = run_deckgen(
        "progress", "spring", str(exports / "bo-week3.apkg"), "--as-of", AS_OF.isoformat(), cwd=cohort["root"]
    )
    both = run_deckgen(
        "progress",
        "spring",
        str(exports / "bo-week1.apkg"),
        str(exports / "bo-week3.apkg"),
        "--as-of",
        AS_OF.isoformat(),
        cwd=cohort["root"],
    )
    assert both.returncode == 0, both.stderr
    assert (
        f"Bo: used {exports / 'bo-week3.apkg'}, the newest of their exports (not {exports / 'bo-week1.apkg'})"
        in both.stderr
    )
    bo_row = next(line for line in alone.stdout.splitlines() if line.startswith("Bo "))
    assert bo_row in both.stdout.splitlines()


def test_a_note_retired_after_a_hire_studied_it_still_counts_as_started(cohort: dict[str, Any], tmp_path: Path) -> None:
    """The PM lead deletes a week-1 note mid-cohort: Ana, who followed the plan, is still on pace (she read 'behind')."""
    import shutil

    root = tmp_path / "proj"
    shutil.copytree(cohort["root"], root, ignore=shutil.ignore_patterns("build"))
    (root / "content" / "alpha0.md").unlink()  # five cards Ana started in week 1
    build(load_config(root), now=1_700_100_000)
    exports = cohort["exports"]
    result = run_deckgen(
        "progress", "spring", str(exports / "ana.apkg"), "--as-of", AS_OF.isoformat(), "--format", "json", cwd=root
    )
    row = next(r for r in json.loads(result.stdout)["hires"] if r["name"] == "Ana")
    assert (row["verdict"], row["started"], row["planned_started"]) == ("on pace", 39, 39)
    # the count says which of them left the track ('75 of 74 cards started' read as a miscount), and an export made
    # before the deletion is still the whole track (the retired notes are not among its notes now)
    assert row["retired_started"] == 5 and row["total_cards"] == 40, row
    text = run_deckgen("progress", "spring", str(exports / "ana.apkg"), "--as-of", AS_OF.isoformat(), cwd=root)
    assert "39 of 40 cards started, 5 of them since retired (plan: 39)" in text.stdout, text.stdout
    assert "holds only" not in text.stdout, text.stdout


def test_progress_plans_each_week_as_plan_and_calendar_do(cohort: dict[str, Any], tmp_path: Path) -> None:
    """Cy studied 6 a day, as her entry now says. Before, plan and calendar gave her weeks the stages' 15, 15, 15 cards
    while the report planned 30, 15, 0 (what 6 a day starts): she read as on pace against a plan she was never shown."""
    from test_cohorts import _events, _text_weeks

    root, exports = cohort["root"], cohort["exports"]
    own_pace = "{name: Cy, track: test, start: 2026-03-02, new_per_day: 6}"
    write(
        root / "decks/cohorts/spring-pace.yaml", COHORT.replace("{name: Cy, track: test, start: 2026-03-02}", own_pace)
    )
    try:
        result = run_deckgen(
            "progress", "spring-pace", str(exports / "cy.apkg"), "--as-of", "2026-03-22", "-f", "json", cwd=root
        )
        plan = run_deckgen("plan", "--cohort", "spring-pace", cwd=root)
        ics = run_deckgen("plan", "--cohort", "spring-pace", "-f", "ics", "--out", str(tmp_path), cwd=root)
    finally:
        (root / "decks/cohorts/spring-pace.yaml").unlink()
    assert ics.returncode == 0, ics.stderr
    (cy,) = [row for row in json.loads(result.stdout)["hires"] if row["name"] == "Cy"]
    assert [(w["started"], w["planned_new"]) for w in cy["weeks"]] == [(30, 30), (15, 15), (0, 0)]
    assert cy["verdict"] == "on pace"
    assert _text_weeks(plan.stdout)["Cy"] == [30, 15, 0]
    summaries = [str(e["SUMMARY"]) for e in _events(tmp_path / "cy.ics") if str(e["SUMMARY"]).startswith("Week")]
    assert summaries == [
        "Week 1: Basics (30 new cards)",
        "Week 2: Depth (15 new cards)",
        "Week 3: Breadth (0 new cards)",
    ]


def test_a_report_day_long_after_the_exports_last_answer_is_pointed_out(cohort: dict[str, Any]) -> None:
    """An export made on Thursday of week 1 read 'as of' week 3 counted every day since as not studied: Bo was
    'behind' with no word that the file, not Bo, was old. The report now names the gap and what to do."""
    exports = cohort["exports"]
    old = run_deckgen(
        "progress", "spring", str(exports / "bo-week1.apkg"), "--as-of", AS_OF.isoformat(), cwd=cohort["root"]
    )
    assert old.returncode == 0, old.stderr
    last = START + dt.timedelta(days=3)
    gap = (AS_OF - last).days
    shown = " ".join(old.stderr.split())
    assert f"Bo: the last answer in {exports / 'bo-week1.apkg'} is on " in shown
    assert f", {gap} days before " in shown and f"use --as-of {last.isoformat()}" in shown
    recent = run_deckgen(
        "progress", "spring", str(exports / "ana.apkg"), "--as-of", AS_OF.isoformat(), cwd=cohort["root"]
    )
    assert recent.returncode == 0 and "the last answer in" not in recent.stderr


def test_answers_before_the_start_date_have_a_row_of_their_own(cohort: dict[str, Any], tmp_path: Path) -> None:
    """A hire who began before their start date had it all in week 1: '279 reviews … 28 days studied' in a
    seven-day week (found by the onboarding-manager helper). Those answers are now a 'before' row."""
    ivy = Learner(tmp_path / "ivy.anki2", cohort["root"] / "build/tracks/test.apkg", 3)
    early = [START - dt.timedelta(days=3)]  # the Friday before her start
    for day in [*early, *weekdays(START, START + dt.timedelta(days=2))]:
        ivy.study(day, at(day, 9))
    export = ivy.export(tmp_path / "ivy.apkg")
    ivy.close()
    as_of = (START + dt.timedelta(days=2)).isoformat()
    data = json.loads(
        run_deckgen("progress", "spring", str(export), "--as-of", as_of, "--format", "json", cwd=cohort["root"]).stdout
    )
    row = next(r for r in data["hires"] if r["name"] == "Ivy")
    before, week1 = row["weeks"][0], row["weeks"][1]
    assert (before["number"], before["start"], before["end"]) == (0, "2026-02-27", "2026-03-01")
    assert (before["started"], before["planned_new"], before["days_studied"]) == (3, 0, 1)
    # week 1 holds only what was answered from her start; the totals count every answer
    assert (week1["number"], week1["start"]) == (1, "2026-03-02") and week1["started"] > 0
    assert (row["started"], row["days_studied"]) == (week1["started"] + 3, week1["days_studied"] + 1)
    text = run_deckgen("progress", "spring", str(export), "--as-of", as_of, cwd=cohort["root"]).stdout
    assert "  before  27 Feb – 1 Mar  3 (0)" in text, text


def test_without_the_anki_engine_the_install_line_fits_this_checkout(tmp_path: Path) -> None:
    """An onboarding manager's try: the hint said `pip install "deckgen[progress]"`, which Debian refuses outside the
    venv and which would fetch a deckgen from the package index; it names this Python and the pinned engine now."""
    from test_cohorts import cohort_project

    root = cohort_project(tmp_path / "p")
    write(root / "deckgen.toml", MINIMAL_TOML)
    write(root / "exports" / "ana-muller.apkg", "not read")
    script = "import sys; sys.modules['anki'] = None; from deckgen.__main__ import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", script, "progress", "spring", "exports/ana-muller.apkg"],
        cwd=root,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    said = " ".join(done.stderr.split())
    assert (
        f"reading Anki exports needs the Anki engine — install it with: {sys.executable} -m pip install anki==" in said
    )


def test_what_a_manager_forwards_says_what_the_terminal_says(cohort: dict[str, Any], tmp_path: Path) -> None:
    """An onboarding manager's try: the stale-export note went to the terminal only, not into the Markdown, HTML or
    text report the manager forwards; an export of one week's subdeck (or another track's deck) read as a pace with
    no word; a mistyped path, a folder and a misspelt NAME= were told to rename the file; a year typo in --as-of was
    read as a year of missed study; '1 days studied'."""
    exports, root = cohort["exports"], cohort["root"]
    stale = "the last answer in"
    for fmt in ("markdown", "html"):
        report = tmp_path / f"report.{fmt}"
        result = run_deckgen(
            "progress", "spring", str(exports / "bo-week1.apkg"), "--as-of", AS_OF.isoformat(),
            "--format", fmt, "--out", str(report), cwd=root,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert stale in report.read_text(), report.read_text()
    # one week's subdeck of Di's collection: part of the track
    col = Collection(str(exports.parent / "di.anki2"))
    try:
        week = next(d for d in col.decks.all_names_and_ids() if d.name.startswith(ROOT + "::"))
        col.export_anki_package(
            out_path=str(tmp_path / "di-part.apkg"),
            options=ExportAnkiPackageOptions(
                with_scheduling=True, with_deck_configs=True, with_media=True, legacy=False
            ),
            limit=DeckIdLimit(week.id),
        )
    finally:
        col.close()
    part = run_deckgen("progress", "spring", f"Di={tmp_path / 'di-part.apkg'}", "--as-of", AS_OF.isoformat(), cwd=root)
    assert part.returncode == 0, part.stderr
    assert "di-part.apkg holds only" in part.stdout and "of the 45 notes of the track" in part.stdout, part.stdout
    whole = run_deckgen("progress", "spring", str(exports / "di.apkg"), "--as-of", AS_OF.isoformat(), cwd=root)
    assert "holds only" not in whole.stdout + whole.stderr
    wrong = run_deckgen(
        "progress", "spring", str(exports / "dii.apkg"), str(exports), "Anna=" + str(exports / "ana.apkg"), cwd=root
    )
    assert f"{exports / 'dii.apkg'}: export: no such file" in wrong.stderr, wrong.stderr
    assert f"{exports}: export: is a folder, not an export" in wrong.stderr, wrong.stderr
    assert "no hire named 'Anna' in cohort 'spring' — did you mean 'Ana'?" in wrong.stderr, wrong.stderr
    future = run_deckgen("progress", "spring", str(exports / "di.apkg"), "--as-of", "2099-03-18", cwd=root)
    assert future.returncode == 2 and "is after today" in future.stderr, future.stderr
    assert (
        " 1 days studied"
        not in run_deckgen(
            "progress", "spring", str(exports / "bo-week1.apkg"), "--as-of", START.isoformat(), cwd=root
        ).stdout
    )
