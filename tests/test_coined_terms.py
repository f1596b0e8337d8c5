"""Coined terms glossed where a note introduces them (issue 11, iteration 10: recall of curator-tested ideas).

The named concept with its definition is one of the largest classes of key ideas the curator
tested and no T2/T3 generated card did (scripts/missed_ideas.py on batches 1-9). The form asks
'what is <term>?' only when the text marks both cuts: the term by emphasis or quotes, the gloss
by the comma, colon or dash after it and the next comma, full stop or closing dash. The note
below was written for this file (beekeeping, not a batch note).
"""

from __future__ import annotations

from deckgen.cards.generate import note_cards
from deckgen.cards.rules.ideas import _coined_gloss
from deckgen.cards.rules.text import sentences
from deckgen.core.model import Note
from deckgen.sources.notes import parse_note

NOTE = """---
id: hives
title: The Quiet Apiary
author: Ines Carvalho
---
Ines Carvalho kept bees in the Alentejo for thirty years before she wrote this book.

## Central argument
Carvalho argues that a colony fails from the inside long before anyone sees it: keepers should build one **brood map**, the simple sketch of which frames hold eggs and larvae, and then redraw it at every visit.
Her sharpest warning is against "smoke-checking" — opening a hive only when the colony looks troubled — which teaches keepers nothing about healthy colonies.
She separates **nectar flow**, drones, queens and workers in her seasonal calendar.
Weak colonies drift toward *robbing*: the stronger hives take their honey and spread disease.
She names the **quiet hour** — the late afternoon when foragers return, and she swears by it.
Most losses come from the **winter gap**, the cold weeks such as January, when no plant flowers.

## Key ideas
Her mite control rests on three habits:
- **IPM**: an integrated approach that treats mites only above a counted threshold.
- **Swarms**: the colony splitting in two.
- **Counts**: a sugar roll every month.

## Critique
The book leans on one region's climate, so its calendar transplants badly to wetter places.

## Why it matters for product
A product team can keep its own brood map of which features are alive and which are only occupying frames.
"""


def _note() -> Note:
    return parse_note(NOTE, "content/hives.md")


def _shipped() -> dict[str, tuple[str, str]]:
    return {c.key: (c.front, c.back) for c in note_cards(_note()) if c.origin.startswith("generated")}


def _coined() -> dict[str, str]:
    """Question -> answer of every card the coined-term form makes on the note (no other form)."""
    note = _note()
    return {
        card.front: card.back
        for s in sentences(note)
        if s.heading
        for _, card in _coined_gloss(note, s, "In it")
        if card is not None
    }


def test_a_bold_term_with_an_appositive_gloss_is_asked_and_the_comma_ends_the_answer() -> None:
    # 'one **brood map**, the simple sketch …, and then …': the appositive is the definition, the comma its end
    front, back = _shipped()["g.definition.brood-map"]
    assert front == "In Carvalho's 'The Quiet Apiary', what is a brood map?"
    assert back == "The simple sketch of which frames hold eggs and larvae"


def test_a_quoted_term_glossed_between_dashes_is_asked_with_the_gerund_gloss() -> None:
    front, back = _shipped()["g.definition.smoke-checking"]
    assert front == "In Carvalho's 'The Quiet Apiary', what is smoke-checking?"
    assert back == "Opening a hive only when the colony looks troubled"


def test_an_acronym_leading_a_list_item_is_a_name_of_its_own() -> None:
    front, back = _shipped()["g.definition.ipm"]
    assert front == "In Carvalho's 'The Quiet Apiary', what is IPM?"
    assert back == "An integrated approach that treats mites only above a counted threshold"


def test_no_card_when_the_text_does_not_mark_where_the_gloss_ends() -> None:
    # '**nectar flow**, drones, …' (the next items of a list), '*robbing*: the stronger hives take …' (a clause),
    # '**quiet hour** — …, and …' (no closing dash), '**winter gap**, the cold weeks such as January,' (the comma cut a list
    # of examples: the generator's gate refuses the answer) and '- **Swarms**: …' (a one-word item means nothing without its list) give no card
    assert _coined() == {
        "In it, what is a brood map?": "The simple sketch of which frames hold eggs and larvae",
        "In it, what is smoke-checking?": "Opening a hive only when the colony looks troubled",
        "In it, what is IPM?": "An integrated approach that treats mites only above a counted threshold",
    }
