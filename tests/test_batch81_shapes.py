"""Shapes from batch81's blind first run (issue 11): four T0 cards from every judge, and T1 classes.

- 'PMs design agency relationships all the time, …' asked 'what does PMs design agency relationship?' — 'All the time'.
- 'A reminder that the approach that scales and ships often beats the theoretically richer one' was answered 'A reminder
  that the approach that scales and ships'.
- 'Watch for feedback loops where past clicks narrow …' asked 'what does watch for feedback loop?'.
- 'When evaluating a launch, add one question to the review: what behaviour …?' was answered 'Add one question to the
  review' (as batch80's 'Ask two questions'; the development notes' 'An equation with three parts', 'Two assumptions
  that cannot be tested from the data' were T1 the same way).
- T1: 'what follows if both maximise their own utility?'; "what is 'Transactional', one of the three in mind?" (a list
  named by '… with all three in mind:').
- 'Prefer redundancy of cheap parts to perfection of expensive ones' is asked with 'ones' named.
- 'Above all, reliability comes from the structure, so …': the discourse marker made the reason read as two clauses
  spliced, and the note got no card (Baran's On Distributed Communications).
The note is written in our own words for this test; each test fails on 3b16b27.
"""

from __future__ import annotations

from noteutil import asked, imported_pairs

NOTE = """---
id: okafor-harbour-habits-fifteen
title: The Harbour Contract
author: Ada Okafor
---
Ada Okafor's essay on harbour contracts.

## Central argument
If both maximise their own catch, the keeper will not always act in the owner's interest.
Okafor sorts harbour calls into three kinds, and argues that a keeper should plan with all three in mind:
- Refuge: the boat wants shelter from a storm.
- Trade: the boat wants to land its cargo.
- Repair: the boat wants its hull mended.

Above all, safety comes from the layout of the berths, so the harbour can be run with cheap, ordinary boats.

## Critique
A reminder that the harbour that floods and recovers often outlasts the better-built one.

## Why it matters for product
Keepers write contracts all the time, most visibly with the ferry lines.
Watch for berths where old habits narrow new choices, especially for crews with little history.
When planning a season, add one question to the ledger: which berths flooded, and why?
- Prefer redundancy of cheap ropes to perfection of costly ones.
"""


def test_an_adverbial_is_no_object() -> None:
    assert "All the time" not in asked(NOTE).values(), asked(NOTE)
    cards = imported_pairs("batch81", "jensen-*.txt", "jensen-meckling-firm")
    assert not any(back.startswith("All the time") for _, back in cards), cards


def test_a_reminder_is_a_frame() -> None:
    assert not any(b.startswith("A reminder that") for b in asked(NOTE).values()), asked(NOTE)
    cards = imported_pairs("batch81", "linden-*.md", "linden-item-to-item")
    assert not any(back.startswith("A reminder that") for _, back in cards), cards


def test_watch_for_is_an_instruction() -> None:
    assert not any("watch for" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch81", "pariser-*.md", "pariser-filter-bubble")
    assert not any("what does watch for" in front for front, _ in cards), cards


def test_counted_advice_is_what_the_colon_asks() -> None:
    assert "Add one question to the ledger" not in asked(NOTE).values(), asked(NOTE)
    cards = imported_pairs("batch81", "mcluhan-*.txt", "mcluhan-understanding-media")
    assert not any(back == "Add one question to the review" for _, back in cards), cards


def test_both_and_a_list_named_by_a_preposition() -> None:
    found = asked(NOTE)
    assert not any("if both" in q for q in found), found
    assert not any("three in mind" in q for q in found), found
    cards = imported_pairs("batch81", "jensen-*.txt", "jensen-meckling-firm")
    assert not any("if both" in front for front, _ in cards), cards
    cards = imported_pairs("batch81", "broder-*.txt", "broder-taxonomy")
    assert not any("three in mind" in front for front, _ in cards), cards


def test_prefer_names_its_ones() -> None:
    assert asked(NOTE).get("what should a team prefer to perfection of costly ropes?") == "Redundancy of cheap ropes", (
        asked(NOTE)
    )


def test_a_discourse_marker_is_no_part_of_the_reason() -> None:
    found = asked(NOTE)
    assert "Safety comes from the layout of the berths" in found.values(), found
    cards = imported_pairs("batch81", "baran-*.txt", "baran-distributed-communications")
    # Baran's 'Reliability comes from the structure' is five words: the answer floor (ideas._ANSWER_FLOOR) refuses that mechanism
    assert not any(back == "Reliability comes from the structure" for _, back in cards), cards
