"""More ideas per note: plain statements, possessive claims, glossed terms — and the misreadings they must not make.

The notes here are invented (no dev or fresh note's wording): each sentence is a shape that
any well-written reading note uses, and the card it should (or must not) give.
"""

from __future__ import annotations

from deckgen.cards.generate import note_cards
from deckgen.cards.rules.ideas import base_form, well_formed
from deckgen.core.model import Card
from deckgen.sources.notes import parse_note

NOTE = """---
id: tides
title: The Tidal Organization
author: Mara Quill
---
Mara Quill's 2019 book on how teams absorb change.

## Central argument
Quill argues that every team that ships a product will accumulate a process whose shape copies its last crisis. Her prescription is deliberate forgetting: retire one ritual for every ritual added. Teams first set an *allowance*, how much process a quarter can afford, before adopting anything new. A team's job is to turn intent into shipped change. The first review should be the smallest session that lets a newcomer follow the whole decision, not a polished summary of it.

- **Ritual debt**: rituals that outlive the problem they solved.
- **Cornered resource**: preferential access to a coveted asset.

## Critique
The two camps argue for opposite remedies. Testing with three users a month finds the loudest problems. The book treats rituals as the unit of change, while much of the later literature treats incentives. The book relies on conventions that have shifted since it was written.

## Why it matters for product
Quarterly retrospectives tend to reward the fix everyone can see rather than the durable one.
"""


def _fronts() -> dict[str, str]:
    note = parse_note(NOTE, "content/tides.md")
    # a dense note has more ideas than the default cap of 8: lift it to see every candidate that ships
    return {c.front: c.back for c in note_cards(note, settings={"cap": 12}) if c.origin != "authored"}


def test_a_plain_statement_with_a_relative_clause_subject_is_asked_with_its_verb() -> None:
    cards = _fronts()
    ask = "According to Quill's 'The Tidal Organization', what will every team that ships a product accumulate?"
    assert cards.get(ask) == "A process whose shape copies its last crisis", cards


def test_a_possessive_claim_names_the_author_and_keeps_the_answer_whole() -> None:
    cards = _fronts()
    # 'what is Quill's prescription?' asked a name's label: 13 of 14 such judged cards were T0/T1 (batches 1-24),
    # so the rulebook refuses it (cardrules._POSSESSIVE_LABEL_RE); the team's job and the review still ship
    assert "According to Quill's 'The Tidal Organization', what is Quill's prescription?" not in cards, cards
    assert cards.get("According to Quill's 'The Tidal Organization', what is a team's job?") == (
        "Turn intent into shipped change"
    ), cards
    assert cards.get("According to Quill's 'The Tidal Organization', what should the first review be?") == (
        "The smallest session that lets a newcomer follow the whole decision"
    ), cards


def test_glossed_and_bulleted_terms_are_definitions_with_their_article() -> None:
    cards = _fronts()
    assert cards.get("In Quill's 'The Tidal Organization', what is an allowance?") == (
        "How much process a quarter can afford"
    ), cards
    assert cards.get("In Quill's 'The Tidal Organization', what is a cornered resource?") == (
        "Preferential access to a coveted asset"
    ), cards
    assert cards.get("In Quill's 'The Tidal Organization', what is ritual debt?") == (
        "Rituals that outlive the problem they solved"
    ), cards


def test_a_rather_than_object_becomes_the_questions_contrast() -> None:
    cards = _fronts()
    ask = "According to the note on Quill's 'The Tidal Organization', what do quarterly retrospectives tend to reward rather than the durable one?"
    assert cards.get(ask) == "The fix everyone can see", cards


def test_nouns_are_not_read_as_verbs_and_fragments_do_not_ship() -> None:
    fronts = " | ".join(_fronts())
    assert "two camp?" not in fronts and "what does the two camp" not in fronts, fronts
    assert "three user" not in fronts, fronts
    ctx = "According to the note on Quill's 'The Tidal Organization'"
    note = parse_note(NOTE, "content/tides.md")
    for back in ("Have shifted since it was written", "Rituals, while much of the later literature treats incentives"):
        card = Card(
            note_id="tides",
            key="g.x",
            kind="basic",
            front=f"{ctx}, what does the book treat as the unit?",
            back=back,
            origin="generated:critique",
            path="content/tides.md",
        )
        assert not well_formed(card, note), back


def test_base_forms_of_present_tense_verbs() -> None:
    assert [base_form(v) for v in ("copies", "ties", "fixes", "produces", "goes", "is", "process")] == [
        "copy",
        "tie",
        "fix",
        "produce",
        "go",
        None,
        None,
    ]
