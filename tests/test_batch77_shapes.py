"""Shapes from batch77's blind first run (issue 11).

- 'an **algorithm**, a step-by-step procedure that less skilled people, or software, can run reliably' was answered
  'A step-by-step procedure that less skilled people' (T0 from every judge): the gloss was cut inside its relative
  clause.
- 'Treat changes there with the same care as a price change' was asked 'how should changes there with the same care
  be treated?' — 'As a price change' (T0 from every judge): 'there' and 'the same … as'.
- 'The quadrant analysis is the nearest thing to evidence' was asked 'what is the quadrant analysis?' (T0 from three
  judges) and 'Location transparency is a false economy' 'what is location transparency?' (T1): verdicts, no
  definitions.
- 'The differing weights explain asymmetry' was asked 'what explains asymmetry?' — 'The differing weights' (T1).
- '… interfaces should carry the failure semantics that come with it' was asked 'what should interfaces carry?' (T1):
  'it' is the sentence before's.
The notes are written in our own words for this test; each test fails on 5880fde.
"""

from __future__ import annotations

from noteutil import asked, imported_pairs

NOTE = """---
id: okafor-harbour-habits-ten
title: Harbour Habits
author: Ada Okafor
---
Ada Okafor's field guide to harbour keeping.

## Central argument
Over the years a habit hardens into a **drill**, a fixed routine that new hands, or visitors, can follow safely.
The tide tables are the nearest thing to a forecast.
The differing currents explain the delays.
Keepers should always know when a boat crosses the bar, and logs should record the risks that come with it.

## Why it matters for product
- Treat repairs there with the same care as a new berth.
"""


def test_a_gloss_cut_inside_its_relative_clause() -> None:
    assert "what is a drill?" not in asked(NOTE), asked(NOTE)
    cards = imported_pairs("batch77", "martin-*.md", "martin-design-of-business")
    assert not any(back.endswith("less skilled people") for _, back in cards), cards


def test_there_and_the_same_as_are_no_object() -> None:
    assert not any("the same care" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch77", "hodgson-*.md", "hodgson-feature-toggles")
    assert not any("the same care" in front for front, _ in cards), cards


def test_a_verdict_is_no_definition() -> None:
    assert "what are the tide tables?" not in asked(NOTE), asked(NOTE)
    cards = imported_pairs("batch77", "johnson-*.txt", "johnson-where-good-ideas")
    assert not any(back == "The nearest thing to evidence" for _, back in cards), cards
    cards = imported_pairs("batch77", "waldo-*.md", "waldo-note-on-distributed-computing")
    assert not any(back == "A false economy" for _, back in cards), cards


def test_a_back_pointing_answer_explains_nothing() -> None:
    assert "what explains the delays?" not in asked(NOTE), asked(NOTE)
    cards = imported_pairs("batch77", "tversky-*.txt", "tversky-features-of-similarity")
    assert not any(back == "The differing weights" for _, back in cards), cards


def test_it_in_a_prescribed_object() -> None:
    assert "what should logs record?" not in asked(NOTE), asked(NOTE)
    cards = imported_pairs("batch77", "waldo-*.md", "waldo-note-on-distributed-computing")
    assert not any(back.endswith("come with it") for _, back in cards), cards
