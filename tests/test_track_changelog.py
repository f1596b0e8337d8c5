"""A track's own changes (a renamed week, a new pace) reach its learners in a track changelog.

Found by the onboarding-manager helper: renaming a week or changing the pace was told to the
curator once, in a build warning; no changelog said it, `deckgen diff` said "nothing changes" for
every deck, and a learner re-importing the bundle found their cards in the old week deck and an
empty new one. Checked in the real Anki engine: the search the track changelog gives finds
exactly the learner's cards of the renamed week, and moving them keeps their history.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from ankiutil import import_apkg, open_collection, review
from conftest import ONE_CARD_NOTE, run_deckgen, write

from deckgen.builder.pipeline import build
from deckgen.core.config import load_config

BASE = int(time.time()) - 100_000
TRACK = """\
track: Test onboarding
role: Associate PM
deck: Test
new_per_day: 6
stages:
  - title: Basics
    decks: [x]
  - title: Depth
    decks: [y]
"""


def test_a_renamed_week_and_a_new_pace_are_in_the_tracks_changelog(project: Path, tmp_path: Path) -> None:
    write(project / "content" / "a.md", ONE_CARD_NOTE.format(id="a", title="Alpha", answer="Small steps."))
    write(project / "content" / "b.md", ONE_CARD_NOTE.format(id="b", title="Beta", answer="Big bets."))
    write(project / "decks" / "x.yaml", "deck: Test::X\nnotes:\n  - id: a\n")
    write(project / "decks" / "y.yaml", "deck: Test::Y\nnotes:\n  - id: b\n")
    track = write(project / "decks" / "tracks" / "t.yaml", TRACK)
    config = load_config(project)
    build(config, now=BASE)
    assert not (project / "build" / "tracks" / "t.changelog.md").exists()  # nothing to tell yet
    bundle = project / "build" / "tracks" / "t.apkg"
    col = open_collection(tmp_path / "learner.anki2")
    try:
        import_apkg(col, bundle)
        old, new = "Test::Week 2 — Depth", "Test::Week 2 — Going deeper"
        review(col, old, 2)
        studied = {c: col.get_card(c).reps for c in col.find_cards(f'"deck:{old}"')}
        assert studied and all(studied.values())

        track.write_text(
            TRACK.replace("title: Depth", "title: Going deeper").replace("new_per_day: 6", "new_per_day: 8")
        )
        diff = run_deckgen("diff", "--format", "json", cwd=project)
        (said,) = json.loads(diff.stdout)["tracks"]
        assert said["pace"] == [6, 8] and [(r["was"], r["now"]) for r in said["renames"]] == [(old, new)]
        told = run_deckgen("build", cwd=project)  # the build names the changelog it writes, as it names a deck's
        assert told.returncode == 0 and "wrote build/tracks/t.changelog.md" in told.stdout.replace(
            str(project) + "/", ""
        ), told.stdout
        log = (project / "build" / "tracks" / "t.changelog.md").read_text(encoding="utf-8")
        assert "## Release 1 — " in log and "**Week renamed** — the cards of `Test::Y` now belong to" in log
        assert "**New pace: 8 new cards a day** (was 6)" in log and "set *New cards/day* to 8" in log
        combined = (project / "build" / "CHANGELOG.md").read_text(encoding="utf-8")
        assert "## Test onboarding (track)\n\n### Release 1" in combined

        import_apkg(col, bundle)
        search = log.split("search `", 1)[1].split("`", 1)[0]
        found = set(col.find_cards(search))
        assert found == set(studied)  # exactly the learner's cards of the renamed week
        assert not col.find_cards(f'"deck:{new}"')  # the import moved none of them
        col.set_deck(list(found), col.decks.id_for_name(new))
        assert {c: col.get_card(c).reps for c in col.find_cards(f'"deck:{new}"')} == studied  # history kept

        # told once: the next build adds no entry and the lock stays as it is
        lock = (project / "deckgen.lock").read_text(encoding="utf-8")
        build(config, now=BASE + 7200)
        assert (project / "build" / "tracks" / "t.changelog.md").read_text(encoding="utf-8") == log
        assert (project / "deckgen.lock").read_text(encoding="utf-8") == lock
        assert "Track '" not in run_deckgen("diff", cwd=project).stdout
        # a build after `rm -rf build` gives it back as it was (it is one of the build's files)
        shutil.rmtree(project / "build")
        assert run_deckgen("build", cwd=project).returncode == 0
        assert (project / "build" / "tracks" / "t.changelog.md").read_text(encoding="utf-8") == log
    finally:
        col.close()


def test_a_lock_from_before_paces_were_recorded_passes_locked(project: Path) -> None:
    """Upgrading: the first build records each track's pace; `build --locked` on the old lock must not fail."""
    write(project / "content" / "a.md", ONE_CARD_NOTE.format(id="a", title="Alpha", answer="Small steps."))
    write(project / "decks" / "x.yaml", "deck: Test::X\nnotes:\n  - id: a\n")
    write(project / "decks" / "tracks" / "t.yaml", TRACK.split("  - title: Depth")[0])
    assert run_deckgen("build", cwd=project).returncode == 0
    lock = project / "deckgen.lock"
    lines = lock.read_text(encoding="utf-8").splitlines(keepends=True)
    assert sum('"extra": "track-paces"' in line for line in lines) == 1
    lock.write_text("".join(line for line in lines if '"extra": "track-paces"' not in line), encoding="utf-8")
    locked = run_deckgen("build", "--locked", cwd=project)
    assert locked.returncode == 0, locked.stderr
    assert "track" not in (project / "build" / "CHANGELOG.md").read_text(encoding="utf-8").lower()
