"""The pace a track promises reaches Anki (issue 12, item 9), measured in the real engine.

A track bundle carries a deck preset (new cards/day = the track's pace) on its parent deck
and every week's deck. A learner who imports with Anki's "Import any deck presets" option
gets that pace when studying from the track's top deck; without it, Anki's default (20).
"""

from __future__ import annotations

import time
from pathlib import Path

from anki import import_export_pb2 as ie
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from ankiutil import open_collection
from conftest import run_deckgen, write

from deckgen.builder.pipeline import build
from deckgen.core.config import load_config

TRACK = """\
track: Test track
role: Tester
deck: Test Onboarding
new_per_day: {pace}
stages:
  - title: One
    decks: [one]
  - title: Two
    decks: [two]
  - title: Three
    decks: [three]
"""


def _note(name: str) -> str:
    words = ("apples", "bridges", "copper", "deserts", "engines")
    cards = "\n\n".join(f"Q: In the {name} essay, what is example number {i}?\nA: {words[i]}." for i in range(5))
    return f"---\nid: {name}\ntitle: The {name} essay\ngenerate: false\n---\nBlurb.\n\n## Cards\n\n{cards}\n"


def _project(root: Path, pace: int) -> Path:
    write(root / "deckgen.toml", '[project]\nname = "T"\nnamespace = "test-namespace-0001"\n')
    for name in ("one", "two", "three"):
        write(root / "content" / f"{name}.md", _note(name))
        write(root / "decks" / f"{name}.yaml", f"deck: Library::{name.title()}\nnotes:\n  - id: {name}\n")
    write(root / "decks" / "tracks" / "test.yaml", TRACK.format(pace=pace))
    return root


def _import(col: Collection, apkg: Path, *, presets: bool) -> None:
    options = ImportAnkiPackageOptions(
        merge_notetypes=False,
        update_notes=ie.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        update_notetypes=ie.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        with_scheduling=False,
        with_deck_configs=presets,
    )
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options))
    col.models._clear_cache()


def _new_today(col: Collection, deck: str) -> int:
    """New cards Anki would show today when the learner studies from ``deck``."""
    col.decks.select(col.decks.id_for_name(deck))
    return int(col.sched.counts()[0])


def _per_day(col: Collection, deck: str) -> int:
    return int(col.decks.config_dict_for_deck_id(col.decks.id_for_name(deck))["new"]["perDay"])


def test_learner_studying_the_track_gets_its_pace_when_importing_presets(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", pace=4)
    config = load_config(root)
    build(config, now=int(time.time()) - 10_000)
    bundle = root / "build" / "tracks" / "test.apkg"
    with_presets = open_collection(tmp_path / "on.anki2")
    without = open_collection(tmp_path / "off.anki2")
    try:
        _import(with_presets, bundle, presets=True)
        assert _new_today(with_presets, "Test Onboarding") == 4  # not 3 weeks x 4: the parent is capped too
        for deck in ("Test Onboarding", "Test Onboarding::Week 1 — One", "Test Onboarding::Week 3 — Three"):
            assert _per_day(with_presets, deck) == 4
        name = with_presets.decks.config_dict_for_deck_id(with_presets.decks.id_for_name("Test Onboarding"))["name"]
        assert name == "Test track — 4 new cards/day"
        _import(without, bundle, presets=False)
        assert _per_day(without, "Test Onboarding") == 20  # Anki's default: what the site tells them to set
        assert _new_today(without, "Test Onboarding") == 15
    finally:
        with_presets.close()
        without.close()


def test_a_new_pace_reaches_learners_who_import_presets_and_an_edited_preset_survives(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", pace=4)
    config = load_config(root)
    base = int(time.time()) - 10_000
    build(config, now=base)
    bundle = root / "build" / "tracks" / "test.apkg"
    first = tmp_path / "release1.apkg"
    first.write_bytes(bundle.read_bytes())
    edited = open_collection(tmp_path / "edited.anki2")
    plain = open_collection(tmp_path / "plain.anki2")
    try:
        for col in (edited, plain):
            _import(col, first, presets=True)
        conf = edited.decks.config_dict_for_deck_id(edited.decks.id_for_name("Test Onboarding"))
        conf["new"]["perDay"] = 2
        edited.decks.update_config(conf)
        _import(edited, first, presets=True)  # the same release again: the learner's edit stays
        assert _new_today(edited, "Test Onboarding") == 2
        write(root / "decks" / "tracks" / "test.yaml", TRACK.format(pace=5))
        build(config, now=base + 100)
        for col in (edited, plain):
            _import(col, bundle, presets=True)
            assert _new_today(col, "Test Onboarding") == 5  # a new pace is a new preset, which Anki adds
    finally:
        edited.close()
        plain.close()


def test_same_inputs_give_the_same_bundle_bytes(tmp_path: Path) -> None:
    now = int(time.time()) - 10_000
    bundles = []
    for name in ("a", "b"):
        root = _project(tmp_path / name, pace=4)
        build(load_config(root), now=now)
        bundles.append((root / "build" / "tracks" / "test.apkg").read_bytes())
    assert bundles[0] == bundles[1]


def test_two_tracks_at_different_paces_cannot_share_a_parent_deck(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", pace=4)
    write(root / "decks" / "tracks" / "zz-other.yaml", TRACK.format(pace=8))
    result = run_deckgen("build", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        "decks/tracks/zz-other.yaml:3:1: track: parent deck 'Test Onboarding' is also decks/tracks/test.yaml's"
        in result.stderr
    )
    write(root / "decks" / "tracks" / "zz-other.yaml", TRACK.format(pace=8).replace("Test Onboarding", "Other"))
    assert run_deckgen("build", cwd=root).returncode == 0


def test_site_tells_learners_to_import_presets_and_what_to_set_by_hand(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", pace=4)
    assert run_deckgen("build", cwd=root).returncode == 0
    page = (root / "build" / "site" / "tracks" / "test.html").read_text()
    assert "Keep the import options as they are" not in page
    assert "Switch on <strong>Import any deck presets</strong>" in page
    assert "set <strong>New cards/day</strong> to <strong>4</strong>" in page


def test_a_single_deck_that_declares_a_pace_ships_it(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", pace=4)
    write(root / "decks" / "one.yaml", "deck: Library::One\nnew_per_day: 3\nnotes:\n  - id: one\n")
    build(load_config(root), now=int(time.time()) - 10_000)
    col = open_collection(tmp_path / "c.anki2")
    try:
        _import(col, root / "build" / "one.apkg", presets=True)
        assert _per_day(col, "Library::One") == 3 and _new_today(col, "Library::One") == 3
        _import(col, root / "build" / "two.apkg", presets=True)
        assert _per_day(col, "Library::Two") == 20  # no pace declared: Anki's default
    finally:
        col.close()
    write(root / "decks" / "one.yaml", "deck: Library::One\nnew_per_day: lots\nnotes:\n  - id: one\n")
    result = run_deckgen("build", cwd=root)
    assert (
        result.returncode == 1 and "decks/one.yaml:2:1: manifest: 'new_per_day' must be a whole number" in result.stderr
    )


def test_what_anki_does_with_a_learners_own_preset(tmp_path: Path) -> None:
    """Measured, and what the site and README tell learners: presets on at re-import undo a preset switch."""
    root = _project(tmp_path / "p", pace=4)
    build(load_config(root), now=int(time.time()) - 10_000)
    bundle = root / "build" / "tracks" / "test.apkg"
    decks = ("Test Onboarding", *(f"Test Onboarding::Week {n}" for n in ("1 — One", "2 — Two", "3 — Three")))
    for presets, expected in ((False, 9), (True, 4)):
        col = open_collection(tmp_path / f"{presets}.anki2")
        try:
            _import(col, bundle, presets=True)
            mine = col.decks.add_config_returning_id("Mine")
            conf = col.decks.get_config(mine)
            conf["new"]["perDay"] = 9
            col.decks.update_config(conf)
            for name in decks:
                deck = col.decks.by_name(name)
                deck["conf"] = mine
                col.decks.save(deck)
            _import(col, bundle, presets=presets)
            assert [_per_day(col, name) for name in decks] == [expected] * 4
        finally:
            col.close()


def test_renaming_a_week_warns_like_a_deck_rename_with_the_change_deck_steps(tmp_path: Path) -> None:
    """Issue 12 item 4: learners' cards stay in the old week's deck; the curator is told, with the steps."""
    root = _project(tmp_path / "p", pace=4)
    assert run_deckgen("build", cwd=root).returncode == 0
    assert run_deckgen("build", "--locked", cwd=root).returncode == 0
    write(root / "decks" / "tracks" / "test.yaml", TRACK.format(pace=4).replace("title: Two", "title: Second week"))
    diff = run_deckgen("diff", cwd=root)
    assert diff.returncode == 0, diff.stderr
    expected = (
        "track 'test': the week deck 'Test Onboarding::Week 2 — Two' is now 'Test Onboarding::Week 2 — Second week' "
        "(two): Anki never moves cards learners already have, so theirs stay in 'Test Onboarding::Week 2 — Two'; "
        'the track\'s changelog tells them: Browse, search "deck:Test Onboarding::Week 2 — Two", select all, '
        "Cards → Change Deck…, choose 'Test Onboarding::Week 2 — Second week'"
    )
    assert "warning: " + expected in diff.stdout
    assert run_deckgen("build", "--locked", cwd=root).returncode == 1  # the lock records the weeks
    built = run_deckgen("build", cwd=root)
    assert built.returncode == 0 and expected in built.stdout + built.stderr
    after = run_deckgen("diff", cwd=root)
    assert after.returncode == 0 and expected not in after.stdout  # news once, at the release that renames
    assert run_deckgen("build", "--locked", cwd=root).returncode == 0
    # the root deck renamed: every week moves, one warning per week
    write(root / "decks" / "tracks" / "test.yaml", TRACK.format(pace=4).replace("Test Onboarding", "New Hires"))
    diff = run_deckgen("diff", cwd=root)
    assert diff.stdout.count("Change Deck") == 3


def test_the_search_in_the_warning_finds_the_learners_cards_in_anki(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", pace=4)
    write(root / "decks" / "tracks" / "test.yaml", TRACK.format(pace=4).replace("title: Two", "title: T_wo*"))
    config = load_config(root)
    build(config, now=int(time.time()) - 10_000)
    col = open_collection(tmp_path / "c.anki2")
    try:
        _import(col, root / "build" / "tracks" / "test.apkg", presets=True)
        col.decks.id(r"Test Onboarding::Week 2 — Tx_wo*")  # a learner's own deck the search must not match
        write(root / "decks" / "tracks" / "test.yaml", TRACK.format(pace=4))
        result = build(config, now=int(time.time()) - 5_000)
        warning = next(w for w in result.warnings if "Change Deck" in w)
        search = warning.split("search ", 1)[1].split(", select all")[0]
        assert search == r'"deck:Test Onboarding::Week 2 — T\_wo\*"'
        found = col.find_cards(search)
        assert len(found) == 5
        assert {col.decks.name(col.get_card(cid).did) for cid in found} == {"Test Onboarding::Week 2 — T_wo*"}
    finally:
        col.close()
