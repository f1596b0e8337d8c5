"""`deckgen build --locked` names the deck or track whose lock records a change to a manifest or a track changed.

A platform engineer's trial: a track's pace and a week's title changed, and CI said only 'a deck's description or
release changed' — no track, no deck, nothing to tell whom to ask (a plain build explained it well).
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_deckgen


def _locked(root: Path) -> str:
    done = run_deckgen("build", "--locked", cwd=root)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done
    return done.stderr


def test_a_changed_track_pace_and_week_title_name_the_track(shipped: Path) -> None:
    track = shipped / "decks" / "tracks" / "associate-pm.yaml"
    text = track.read_text()
    track.write_text(
        text.replace("new_per_day: 6", "new_per_day: 8").replace("- title: Discovery", "- title: Finding out")
    )
    told = _locked(shipped)
    assert "the pace of track 'associate-pm'" in told, told
    assert "the week decks of track 'associate-pm'" in told, told


def test_a_changed_deck_description_names_the_deck(shipped: Path) -> None:
    manifest = shipped / "decks" / "foundations.yaml"
    manifest.write_text(manifest.read_text().replace("description: What a product", "description: Why a product"))
    assert "the release of deck 'foundations'" in _locked(shipped)
