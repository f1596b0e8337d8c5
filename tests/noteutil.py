"""Shared test helper: the cards the default generator makes for a note written inline in a test."""

from __future__ import annotations

from deckgen.cards.generate import note_cards
from deckgen.sources.notes import parse_note


def generated_cards(text: str, path: str = "content/invented.md", cap: int = 30) -> dict[str, tuple[str, str]]:
    """Each generated card of the note ``text`` as key -> (front, back), with the per-note cap at ``cap``."""
    note = parse_note(text, path)
    return {c.key: (c.front, c.back) for c in note_cards(note, settings={"cap": cap}) if c.origin != "authored"}
