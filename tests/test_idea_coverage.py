"""Coverage shapes of the idea generator: claims the sentence kinds could not ask whole (issue 11, iteration 7).

Each test is a development note written for this file (not a batch note) with one shape the
generator gave no card for before: a reporting frame around a compound claim, a comparative,
'A, so B', a contrast with a listed alternative, a term glossed where it is used, 'X means Y',
'Term: A, not B', a list that runs to the end of the sentence, and 'N ways to V'.
"""

from __future__ import annotations

from deckgen.cards.generate import note_cards
from deckgen.cards.rules.ideas import candidates, compound_clauses
from deckgen.core.model import Note
from deckgen.sources.notes import parse_note

NOTE = """---
id: harbour
title: Harbour Pilots
author: Maren Okafor
---
Maren Okafor, a former port engineer, wrote this 2019 book about how pilots guide ships into busy harbours.

## Central argument
Okafor argues that groundings happen far more often from charts nobody has corrected than from bad seamanship, yet most ports spend their budgets on training. She lays out a pilot's approach in three phases — boarding, channel transit and berthing. Safety is a habit of shared checks, not a rulebook, a licence or a single expert. She separates **local pilots**, who know one harbour in depth, from **deep-sea pilots**, who cross oceans with the crew. She also describes the tide-window rule, which holds a large ship outside until the water is deep enough. Piloting a tanker means reading the tidal currents before reading any instruments. There are only two sound ways to berth — bow first or stern first — and she insists on rehearsing both.

## Key ideas
- Bridge team: a crew, not a chain of command — everyone may stop the ship.

## Critique
The cases are all from calm northern ports, so the advice suits sheltered water far better than open coasts.

## Why it matters for product
The idea of slack water — the short still moment between tides — maps onto release windows.
A checklist shared between the outgoing and incoming crews is the single most useful habit for an on-call rota: it makes handovers boring.
Clear owners, written runbooks and rehearsed drills usually beat a heroic incident commander.
"""


def _note() -> Note:
    return parse_note(NOTE, "content/harbour.md")


def _cards() -> dict[str, tuple[str, str]]:
    return {i.card.key: (i.card.front, i.card.back) for i in candidates(_note())}


def test_a_compound_thesis_is_read_clause_by_clause() -> None:
    text = "groundings happen far more often from charts nobody has corrected than from bad seamanship, yet most ports spend their budgets"
    assert compound_clauses(text)[1:] == [
        "groundings happen far more often from charts nobody has corrected than from bad seamanship",
        "most ports spend their budgets",
    ]


def test_a_comparative_asks_the_more_frequent_cause() -> None:
    front, back = _cards()["g.claim.groundings-happen"]
    assert front.endswith("what do groundings happen from far more often than from bad seamanship?"), front
    assert back == "Charts nobody has corrected"


def test_a_contrast_with_a_list_of_alternatives() -> None:
    front, back = _cards()["g.contrast.safety"]
    assert front.endswith("what is safety, if not a rulebook, a licence or a single expert?"), front
    assert back == "A habit of shared checks"


def test_glossed_terms_each_get_a_definition() -> None:
    cards = _cards()
    assert cards["g.definition.local-pilots"][1] == "People who know one harbour in depth"
    assert cards["g.definition.deep-sea"][0].endswith("who are deep-sea pilots?")
    front, back = cards["g.definition.tide-window"]
    assert front.endswith("what is the tide-window rule?"), front
    assert back.startswith("A rule that holds a large ship outside"), back
    front, back = cards["g.definition.slack-water"]
    assert front.endswith("what is slack water?") and back == "The short still moment between tides"


def test_means_and_a_colon_term_with_a_contrast() -> None:
    cards = _cards()
    front, back = cards["g.definition.piloting-tanker"]
    assert (
        front.endswith("what does piloting a tanker mean?")
        and back == "Reading the tidal currents before reading any instruments"
    )
    # 'what is bridge team, if not a chain of command?' — 'A crew' is not asked: answers of one or two words to
    # 'what is X, if not A?' were T2/T3 in 24% of 182 blind first-run ratings (tests/test_batch119_shapes.py)
    assert "g.contrast.bridge" not in cards, cards.get("g.contrast.bridge")


def test_lists_to_the_end_of_the_sentence_and_ways_to() -> None:
    cards = _cards()
    front, back = cards["g.list.phases"]
    assert front.endswith("what are the three phases of the pilot's approach?"), front
    assert back == "Boarding, channel transit, berthing"
    front, back = cards["g.list.sound-ways"]
    assert front.endswith("what are the two sound ways to berth?") and back == "Bow first, stern first"


def test_a_so_clause_asks_the_reason_as_the_notes_critique() -> None:
    front, back = _cards()["g.mechanism.advice-suits"]
    assert front.startswith("According to the note on Okafor's 'Harbour Pilots', what explains why the advice suits")
    assert back == "The cases are all from calm northern ports"


def test_the_best_thing_asks_for_what_is_named_best() -> None:
    front, back = _cards()["g.claim.single-useful-habit"]
    assert front.endswith("what is the single most useful habit for an on-call rota?"), front
    assert back == "A checklist shared between the outgoing and incoming crews"


def test_a_list_subject_of_a_causal_verb_is_the_answer() -> None:
    front, back = _cards()["g.claim.heroic-incident"]
    assert front.endswith("what three things usually beat a heroic incident commander?"), front
    assert back == "Clear owners, written runbooks, rehearsed drills"


def test_the_shapes_ship_at_least_four_cards() -> None:
    shipped = [c for c in note_cards(_note()) if c.origin.startswith("generated")]
    assert len(shipped) >= 6, [c.front for c in shipped]
