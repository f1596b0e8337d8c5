"""Sentences of batch42 that got no card at all, in shapes a curator asked (issue 11: recall is the gap).

Batch42's blind run found 5 of its 12 notes without a single generated card. Among the sentences those notes
spent on their key ideas: a source denied and named ('Bad decisions, the authors argue, usually come not from
poor options but from the way the mind works on them'; 'advantage comes from what is scarce, not what is
ubiquitous'), terms set in italics and glossed where they are used ('He separates *proprietary
technologies*, which …, from *infrastructural technologies*, which …'), and a prescription pointing back
with 'instead' ('Enterprises should instead organise around …', which was asked 'what should enterprises
instead?'). A reporting frame inside a condition ('When a choice is hard, Simonson argues, people pick …')
ended up in the answer. The note is invented for these tests; each test fails on 5447227.
"""

from __future__ import annotations

from noteutil import generated_cards

NOTE = """---
id: marsh-tide-tables
title: The Tide Tables
author: Iris Marsh
---
Iris Marsh's 2015 book on how harbours plan for the tides.

## Central argument
Marsh's premise is that a harbour's safety comes from what its pilots know, not what its charts show.
She separates *fixed moorings*, which a harbour builds once and keeps for decades, from *floating moorings*, which move with the season.
Groundings, the authors argue, usually come not from bad charts but from the habits of tired crews.
When a storm is forecast, Marsh argues, harbour masters close the outer basin first.

## Critique
The book leans on a single harbour.

## Why it matters for product
Harbours should instead plan around the pilots who stay longest.
"""

ESSAY = "Marsh's 'The Tide Tables'"


def _cards() -> set[tuple[str, str]]:
    return set(generated_cards(NOTE).values())


def test_a_source_denied_then_named_is_asked_as_a_contrast() -> None:
    cards = _cards()
    assert (
        f"In {ESSAY}, where do groundings usually come from, if not from bad charts?",
        "The habits of tired crews",
    ) in cards, cards


def test_italic_terms_glossed_where_they_are_used_are_defined() -> None:
    cards = _cards()
    assert (
        f"In {ESSAY}, what are fixed moorings?",
        "Moorings that a harbour builds once and keeps for decades",
    ) in cards
    assert (f"In {ESSAY}, what are floating moorings?", "Moorings that move with the season") in cards


def test_instead_after_should_is_never_read_as_the_verb() -> None:
    fronts = [front for front, _ in _cards()]
    assert not [f for f in fronts if "should harbours instead" in f], fronts
    assert any(f.endswith("what should harbours plan around?") for f in fronts), fronts


def test_a_reporting_frame_inside_a_condition_stays_out_of_the_answer() -> None:
    answers = [back for _, back in _cards()]
    assert not [a for a in answers if "argues" in a], answers
