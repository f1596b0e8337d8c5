"""Shapes from batch78's blind first run (issue 11), and three cards the session's own refusals had lost.

- 'It is the continuation of political intercourse by other means, so …' in On War's argument was answered 'The work
  is the continuation …' (T0 from every judge): 'it' names the work only in the note's critique.
- '… so performers work on that too' was asked 'what explains why performers work on that too?' (T0 from every judge).
- '…, so readers pick the passages that suit them, and the business world has done exactly that' asked both clauses
  as one effect (T0 from three judges).
- Lost by this session's refusals, found by 86cbf72 in the same table: 'The fact that nobody reads them is a sensible
  response to the cost' (T2 from every judge) was refused because 'cost' is in the title ('A sensible response to the
  cost' is a response); '…, so almost any failure can be explained afterwards …' (T2) because 'almost' was read as an
  instruction's verb; 'STPA: the matching hazard analysis. It asks how …' (T2) was cut to its first sentence (T1).
The notes are written in our own words for this test; each test fails on 281993a.
"""

from __future__ import annotations

from noteutil import asked, imported_pairs

NOTE = """---
id: okafor-harbour-habits-eleven
title: The Cost of Harbours
author: Ada Okafor
---
Ada Okafor's field guide to harbour keeping.

## Central argument
Storms are the harbour's oldest enemy. It is the sea's way of testing every mooring, so the keeper must check the ropes each night.
Wind, tide and load have no common scale, so almost any accident can be blamed afterwards on one of them.
Crews trust the older keeper more because she has seen more storms, so young keepers work on that too.
The fact that nobody reads the harbour rules is a sensible response to the cost, not laziness.

## Critique
The guide covers two northern harbours only.
"""


def test_it_is_the_work_only_in_a_critique() -> None:
    assert not any(a.startswith("The work is") for a in asked(NOTE).values()), asked(NOTE)
    cards = imported_pairs("batch78", "clausewitz-*.txt", "clausewitz-on-war")
    assert not any(back.startswith("The work is the continuation") for _, back in cards), cards


def test_that_too_points_back() -> None:
    cards = imported_pairs("batch78", "goffman-*.txt", "goffman-presentation-of-self")
    assert not any("work on that too" in front for front, _ in cards), cards


def test_an_effect_is_one_clause() -> None:
    cards = imported_pairs("batch78", "clausewitz-*.txt", "clausewitz-on-war")
    assert not any("has done exactly that" in front for front, _ in cards), cards


def test_the_cards_the_session_had_lost() -> None:
    cards = imported_pairs("batch78", "mcdonald-cranor-*.md", "mcdonald-cranor-privacy-policies")
    assert any(back == "A sensible response to the cost" for _, back in cards), cards
    cards = imported_pairs("batch78", "fogg-*.txt", "fogg-behavior-model")
    assert any("almost any failure can be explained afterwards" in front for front, _ in cards), cards
    cards = imported_pairs("batch78", "leveson-*.md", "leveson-safer-world")
    assert any(back.startswith("The matching hazard analysis. It asks") for _, back in cards), cards
