"""Shapes from batch69's blind first run (issue 11): four cards rated T0 by every one of six judges.

- 'If one does occur, the choice between C and A can be made at a fine grain' was asked 'what follows if one does
  occur?': 'one' stands for something the note named before.
- "**Simpson's paradox** stops being a paradox once you draw the diagram" was asked "what are Simpson's paradox
  stops?": the verb read as a kind noun.
- 'Schumpeter also explains why a product's advantage is temporary by design' was asked 'what explains why a
  product's advantage is temporary by design?' — 'Schumpeter'.
- 'Clear writing comes from clear thinking, and the main enemy of both is clutter: needless words, …' was asked
  'where does clear writing come from?' — 'Needless words, …': the colon is the next clause's.
The notes are written in our own words for this test; each test fails on 6461994.
"""

from __future__ import annotations

from noteutil import asked, imported_cards

NOTE = """---
id: okafor-harbour-habits-two
title: Harbour Habits
author: Ada Okafor
---
Ada Okafor's field guide to harbour keeping.

## Central argument
Storms are rare, but a keeper must plan for them. If one does occur, the choice between closing and staying open can be made berth by berth.
Her rules of thumb:
- **Lane's puzzle** stops being a puzzle once you read the moon table: whether to sail early or late depends on the tide, not the clock.
- **Quiet berths** fill first when the weather turns.
Calm harbours come from calm keepers, and the main enemy of both is noise: shouted orders, crowded quays, alarms and rumours that hide what matters.

## Critique
The guide covers two northern harbours only.

## Why it matters for product
For a product leader the useful lesson is where to look for threats. Okafor also explains why a harbour's advantage is temporary by design: profits from a new berth attract imitators and are competed away, so a plan that depends on defending a quay without renewal is betting against the process.
"""


def test_a_condition_on_one_names_nothing() -> None:
    assert not any(q.startswith("what follows if one ") for q in asked(NOTE)), asked(NOTE)


def test_a_verb_after_a_bold_term_is_no_kind() -> None:
    assert not any(q.endswith("puzzle stops?") for q in asked(NOTE)), asked(NOTE)
    cards = imported_cards("batch69", "pearl-mackenzie-*.md", "pearl-book-of-why")
    assert not any(c.front.endswith("paradox stops?") for c in cards), [c.front for c in cards]


def test_the_author_is_no_answer_to_what_explains() -> None:
    assert "Okafor" not in asked(NOTE).values(), asked(NOTE)
    cards = imported_cards("batch69", "schumpeter-*.txt", "schumpeter-capitalism")
    assert not any(c.back == "Schumpeter" for c in cards), [(c.front, c.back) for c in cards]


def test_a_colon_in_the_next_clause_is_not_where_it_comes_from() -> None:
    answers = asked(NOTE).values()
    assert not any(answer.startswith("Shouted orders") for answer in answers), list(answers)
