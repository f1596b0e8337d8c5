"""A statement's moment ('before asking …') is asked in the question, not left at the end of the answer (a PM lead's
trial: 'what should a PM state?' — 'An appetite before asking engineers for an estimate', which admits many answers
until the question says when). Fails on b65995e."""

from __future__ import annotations

from noteutil import harbour_note

from deckgen.cards.generate import note_cards
from deckgen.sources.notes import parse_note

BODY = "## Why it matters for product\nA PM should state a clear appetite in weeks before asking engineers for an estimate.\n"


def test_the_moment_is_in_the_question() -> None:
    cards = {c.front: c.back for c in note_cards(parse_note(harbour_note("moments", BODY), "content/moments.md"))}
    front = (
        "According to the note on Okafor's 'Harbours Under Strain', what should a PM state before asking engineers"
        " for an estimate?"
    )
    assert cards.get(front) == "A clear appetite in weeks", cards
