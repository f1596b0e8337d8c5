"""Lint rule ``no-cards``: a note that gives no card is named (it used to ship nothing with no word).

A PM lead's reminder note ('read this later') or a note whose generated cards were all rejected sat in its deck
adding nothing, and the build's per-deck card counts could not say which note it was.
"""

from __future__ import annotations

from pathlib import Path

from conftest import ONE_CARD_NOTE, write

THIN = "---\nid: thin-note\ntitle: A Thin Note\nauthor: Jo Bloggs\n{extra}---\nJust a reminder to read this later.\n"
TOML = '[project]\nname = "Test"\nnamespace = "test-namespace-0001"\n'


def _project(root: Path, thin: str, toml: str = TOML) -> None:
    write(root / "deckgen.toml", toml)
    write(root / "decks" / "all.yaml", "deck: All\nnotes: all\n")
    write(root / "content" / "thin.md", thin)
    write(root / "content" / "full.md", ONE_CARD_NOTE.format(id="full", title="Full", answer="Practice, not talent"))


def test_a_note_that_gives_no_card_is_warned_about_and_still_builds(tmp_path, cli) -> None:
    _project(tmp_path, THIN.format(extra=""))
    lint = cli("lint", cwd=tmp_path)
    assert lint.exit_code == 0, lint
    assert "content/thin.md:1:1: no-cards: this note gives no card" in lint.stdout, lint.stdout
    assert "content/full.md" not in lint.stdout, lint.stdout  # a note with a card is not named
    assert cli("build", cwd=tmp_path).exit_code == 0


def test_a_note_whose_generated_cards_are_switched_off_is_warned_about(tmp_path, cli) -> None:
    body = (
        "## Central argument\n**Deliberate practice** is focused, effortful work on the weakest part of a skill, with"
        " immediate feedback from a coach.\n"
    )
    _project(tmp_path, THIN.format(extra="").replace("Just a reminder to read this later.\n", body))
    assert "no-cards" not in cli("lint", cwd=tmp_path).stdout  # the generator asks the definition
    _project(tmp_path, THIN.format(extra="generate: false\n").replace("Just a reminder to read this later.\n", body))
    assert "content/thin.md:1:1: no-cards" in cli("lint", cwd=tmp_path).stdout


def test_a_note_waiting_on_drafts_or_switched_off_is_not_warned_about(tmp_path, cli) -> None:
    draft = (
        THIN.format(extra="")
        + "\n## Cards\n\nQ: In Bloggs' 'A Thin Note', what is it about?\nA: Reading\nStatus: draft\n"
    )
    _project(tmp_path, draft)
    assert "no-cards" not in cli("lint", cwd=tmp_path).stdout
    _project(tmp_path, THIN.format(extra=""), TOML + '\n[lint.rules]\nno-cards = "off"\n')
    assert "no-cards" not in cli("lint", cwd=tmp_path).stdout
