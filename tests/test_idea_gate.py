"""The idea generator's final gate, the note's applications phrased as the note's, and the work's own word."""

from __future__ import annotations

from deckgen.cards.generate import note_cards
from deckgen.cards.rules.ideas import well_formed, work_word
from deckgen.core.model import Card, Note
from deckgen.sources.notes import parse_note

NOTE = """---
id: chasm
title: Crossing the Chasm
author: Geoffrey Moore
---
Geoffrey Moore's 1991 book on selling disruptive technology.

## Central argument
Visionaries want a breakthrough. Pragmatists want a proven, incremental improvement.

## Critique
Moore underplays how much capital and patience a narrow beachhead demands.

## Why it matters for product
If decisions keep escalating, the team is usually missing context rather than permission.
"""


def _note(text: str = NOTE) -> Note:
    return parse_note(text, "content/chasm.md")


def _card(front: str, back: str, origin: str = "generated:critique") -> Card:
    return Card(
        note_id="chasm", key="g.x", kind="basic", front=front, back=back, origin=origin, path="content/chasm.md"
    )


def test_gate_refuses_fragments_and_broken_questions() -> None:
    note = _note()
    ctx = "According to Moore's 'Crossing the Chasm'"
    assert well_formed(_card(f"{ctx}, what do pragmatists want?", "A proven, incremental improvement"), note)
    for front, back, origin in [
        (f"{ctx}, what explains why the essence is hard?", "Of four properties", "generated:mechanism"),
        (f"{ctx}, what does the book fail to do?", "Teach", "generated:critique"),
        (f"{ctx}, what follows if engineers propose a rewrite?", "The useful questions are", "generated:diagnostic"),
        (f"{ctx}, what explains why the stage mapping is practical?", "An early product", "generated:mechanism"),
        (f"{ctx}, what explains why A beachhead disciplines scope?", "One segment defines what done means", "x"),
        (f"{ctx}, what explains why the biggest cost is queues;?", "Inventory is information", "x"),
    ]:
        assert not well_formed(_card(front, back, origin), note), (front, back)


def test_applications_are_the_notes_claims_and_the_book_is_not_an_essay() -> None:
    note = _note()
    assert work_word(note) == "the book"
    cards = [c for c in note_cards(note) if c.origin != "authored"]
    fronts = [c.front for c in cards]
    escalation = [f for f in fronts if "escalating" in f]
    assert escalation and all(f.startswith("According to the note on Moore's 'Crossing the Chasm'") for f in escalation)
    assert not any("the essay" in f for f in fronts), fronts
    assert work_word(_note(NOTE.replace("1991 book", "short memo"))) == "the memo"
    assert work_word(_note(NOTE.replace("1991 book", "1991 thing"))) == "the work"
