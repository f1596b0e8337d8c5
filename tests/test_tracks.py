"""Tracks: parsed with file:line errors, bundled per track, imported by the real Anki engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_deckgen, write

from deckgen.builder.bundles import resolve_tracks
from deckgen.builder.pipeline import build, plan_build
from deckgen.core.config import load_config
from deckgen.core.errors import ContentError

NOTE = """---
id: {id}
title: Essay {id}
author: Ann Author
tags: [{tags}]
---
Blurb.

## Cards

Q: In Essay {id}, what is the first point?
A: Small bets ({id}).

Q: In Essay {id}, what is the second point?
A: Fast feedback ({id}).
Reverse: yes
"""

TRACK = """track: Test track
role: Tester
deck: Test Onboarding
stages:
  - title: Basics
    decks: [alpha]
  - title: Depth
    decks: [beta]
    optional: [gamma]
"""


def make_project(root: Path, track: str = TRACK) -> Path:
    """Three notes, three decks (beta shares note 'b' with alpha's tag), one track."""
    write(root / "content/a.md", NOTE.format(id="a", tags="alpha"))
    write(root / "content/b.md", NOTE.format(id="b", tags="alpha, beta"))
    write(root / "content/c.md", NOTE.format(id="c", tags="beta"))
    write(root / "content/d.md", NOTE.format(id="d", tags="gamma"))
    write(root / "decks/alpha.yaml", "deck: Test Onboarding::Alpha\nnotes:\n  - tag: alpha\n")
    write(root / "decks/beta.yaml", "deck: Test Onboarding::Beta\nnotes:\n  - tag: beta\n")
    write(root / "decks/gamma.yaml", "deck: Test Onboarding::Gamma\nnotes:\n  - tag: gamma\n")
    write(root / "decks/tracks/test.yaml", track)
    return root


def test_track_resolves_stages_in_order_and_each_card_once(project: Path) -> None:
    make_project(project)
    config = load_config(project)
    plan = plan_build(config)
    (built,) = resolve_tracks(config, plan.specs, plan.decks)
    assert [s.deck_name for s in built.stages] == [
        "Test Onboarding::Week 1 — Basics",
        "Test Onboarding::Week 2 — Depth",
    ]
    week1 = [c.uid.split("/")[0] for c in built.stages[0].cards]
    week2 = [c.uid.split("/")[0] for c in built.stages[1].cards]
    # Note b is in both alpha and beta: it arrives in week 1 only.
    assert sorted(set(week1)) == ["a", "b"] and sorted(set(week2)) == ["c"]
    assert [d.spec.slug for d in built.stages[1].optional] == ["gamma"]
    uids = [c.uid for c in built.cards]
    assert len(uids) == len(set(uids))


def test_bad_track_lists_every_problem_with_line_and_fix(project: Path) -> None:
    make_project(
        project,
        track="""track: Broken
colour: blue
stages:
  - title: One
    decks: [alpha, nosuch]
  - title: Two
    decks: [alpha]
  - title: Three
    optional: [beta]
""",
    )
    result = run_deckgen("build", cwd=project)
    assert result.returncode == 1
    err = result.stderr
    assert "decks/tracks/test.yaml:2:1: track: unknown key 'colour'" in err
    assert "missing 'role'" in err
    assert (
        "decks/tracks/test.yaml:5:1: unknown-deck: no deck named 'nosuch' — use a deck file stem from decks/: alpha, beta, gamma"
        in err
    )
    assert "decks/tracks/test.yaml:7:1: track: deck 'alpha' is already in stage 1" in err
    assert "decks/tracks/test.yaml:8:1: track: stage 'Three' has no required deck" in err
    assert not (project / "build").exists()  # nothing half-written, not even the decks
    assert not (project / "deckgen.lock").exists()


def test_a_track_naming_a_broken_manifest_points_at_it_not_at_an_unknown_deck(project: Path) -> None:
    # Before: "no deck named 'beta' — use a deck file stem from decks/: alpha, gamma", though decks/beta.yaml
    # exists (its own errors were listed just above)
    make_project(project)
    write(project / "decks/beta.yaml", "deck: Test Onboarding::Beta\nnotes:\n  - tg: beta\n")
    for command in ("build", "lint"):
        result = run_deckgen(command, cwd=project)
        assert result.returncode == 1
        out = result.stdout + result.stderr
        assert "decks/beta.yaml:3:1: manifest: unknown selector 'tg'" in out
        assert (
            "decks/tracks/test.yaml:8:1: unknown-deck: deck 'beta' did not load: decks/beta.yaml has errors"
            " — fix decks/beta.yaml" in out
        )
        assert "no deck named 'beta'" not in out


def test_yaml_syntax_error_names_the_line(project: Path) -> None:
    make_project(project, track="track: X\nrole: Y\nstages:\n  - title: [unclosed\n")
    with pytest.raises(ContentError) as info:
        resolve_tracks(load_config(project), plan_build(load_config(project)).specs, [])
    (finding,) = info.value.findings
    assert finding.path == "decks/tracks/test.yaml" and finding.line >= 4 and "invalid YAML" in finding.message
    # an onboarding manager's try: a ']' missing on a line with more lines after it was reported on the next line,
    # column 1, with a hint about quoting; now at the '[' that is not closed, and it says so
    make_project(project, track="track: X\nrole: Y\nstages:\n  - title: One\n    decks: [alpha\n  - title: Two\n")
    with pytest.raises(ContentError) as info:
        resolve_tracks(load_config(project), plan_build(load_config(project)).specs, [])
    (finding,) = info.value.findings
    assert (finding.line, finding.col) == (5, 12), str(finding)
    assert finding.fix.startswith("the list that starts here needs its closing ']'"), str(finding)


def test_bundle_imports_into_anki_stage_by_stage_in_curriculum_order(project: Path, tmp_path: Path) -> None:
    from ankiutil import import_apkg, open_collection, review, snapshot

    make_project(project)
    result = build(load_config(project), now=1_700_000_000)
    bundle = project / "build/tracks/test.apkg"
    assert str(bundle) in result.outputs
    col = open_collection(tmp_path / "learner.anki2")
    try:
        log = import_apkg(col, bundle)
        assert log.new == 9  # notes a, b, c: three Anki notes each (one generated); optional gamma is not in the bundle
        snap = snapshot(col)
        decks_of = {snap["notes"][g]["fields"]["DeckgenId"]: set() for g in snap["notes"]}
        by_nid = {n["id"]: n["fields"]["DeckgenId"] for n in snap["notes"].values()}
        for card in snap["cards"].values():
            decks_of[by_nid[card["nid"]]].add(card["deck"])
        assert {
            uid.split("/")[0] for uid, decks in decks_of.items() if decks == {"Test Onboarding::Week 1 — Basics"}
        } == {"a", "b"}
        assert {
            uid.split("/")[0] for uid, decks in decks_of.items() if decks == {"Test Onboarding::Week 2 — Depth"}
        } == {"c"}
        # Studying the parent deck serves week 1 before week 2, in the notes' order.
        answered = review(col, "Test Onboarding", 9)
        order = [by_nid[col.get_card(cid).nid].split("/")[0] for cid in answered]
        first_seen = list(dict.fromkeys(order))
        assert first_seen == ["a", "b", "c"]
    finally:
        col.close()


def test_decks_shared_by_tracks_and_deck_files_keep_one_identity(project: Path, tmp_path: Path) -> None:
    from ankiutil import import_apkg, open_collection, review, snapshot

    make_project(project)
    write(
        project / "decks/tracks/second.yaml",
        "track: Second\nrole: Other\ndeck: Test Onboarding\nstages:\n  - title: All\n    decks: [beta, alpha]\n",
    )
    build(load_config(project), now=1_700_000_000)
    col = open_collection(tmp_path / "learner.anki2")
    try:
        assert import_apkg(col, project / "build/beta.apkg").new == 6
        reviewed = review(col, "Test Onboarding::Beta", 2)
        before = snapshot(col)
        first = import_apkg(col, project / "build/tracks/test.apkg")
        second = import_apkg(col, project / "build/tracks/second.apkg")
        after = snapshot(col)
        assert (first.new, second.new) == (3, 0)  # only note a's three were new; nothing duplicated
        assert len(after["notes"]) == 9 and len(after["cards"]) == 12  # one reverse card per essay
        for cid in reviewed:  # the learner's progress survives both bundles
            assert after["cards"][cid]["reps"] == before["cards"][cid]["reps"] > 0
            assert after["cards"][cid]["deck"] == "Test Onboarding::Beta"  # Anki never moves existing cards
    finally:
        col.close()


def test_bundles_and_site_are_reproducible_and_skipped_for_named_decks(project: Path) -> None:
    make_project(project)
    config = load_config(project)
    build(config, now=1_700_000_000)
    bundle = project / "build/tracks/test.apkg"
    page = project / "build/site/tracks/test.html"
    first = bundle.read_bytes(), page.read_text(encoding="utf-8")
    build(config, now=1_800_000_000)  # nothing changed: same bytes, whatever the clock says
    assert (bundle.read_bytes(), page.read_text(encoding="utf-8")) == first
    bundle.unlink()
    build(config, ["alpha"], now=1_800_000_000)
    assert not bundle.exists()  # a partial build does not rewrite tracks or the site
    result = run_deckgen("build", "--dry-run", cwd=project)
    assert result.returncode == 0 and not bundle.exists()
    result = run_deckgen("build", "--locked", cwd=project)
    assert result.returncode == 0, result.stderr
    assert bundle.read_bytes() == first[0]


def test_bundle_numbers_new_cards_in_curriculum_order(project: Path, tmp_path: Path) -> None:
    import sqlite3
    import zipfile

    make_project(project)
    build(load_config(project), now=1_700_000_000)
    with zipfile.ZipFile(project / "build/tracks/test.apkg") as archive:
        (tmp_path / "c.anki2").write_bytes(archive.read("collection.anki2"))
    conn = sqlite3.connect(tmp_path / "c.anki2")
    try:
        rows = conn.execute(
            "select c.due, n.flds from cards c join notes n on n.id = c.nid order by c.due, c.ord"
        ).fetchall()
    finally:
        conn.close()
    notes_in_order = list(dict.fromkeys(flds.split("\x1f")[-1].split("/")[0] for _, flds in rows))
    assert notes_in_order == ["a", "b", "c"]
    assert [due for due, _ in rows] == sorted(due for due, _ in rows) and rows[0][0] == 1
    assert len({due for due, _ in rows}) == 9  # one position per note; a reverse card shares its note's
