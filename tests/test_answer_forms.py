"""Three sound answer forms the final gate refused, each found among the development notes' refusals.

- 'X should be forecast with simple models …' asked 'how should X be forecast?' — 'With simple models …': the
  gate let a leading preposition answer only 'how should X be treated?' ('As …'); 'With', 'By', 'In', 'Through'
  and 'Using' say the manner the question asks for too (batch1, batch24, batch29).
- 'Before X, sketch … and ask what the long-term response will be': an answer that ends on 'be' was read as
  stopping mid-phrase; after a wh-word it closes an embedded question (batch23).
- 'When X, have a second person …': 'Have' was read as an auxiliary that lost its subject unless people,
  users, someone or everyone followed; an article or a number after it makes it an instruction too (batch36).

On the 696 development notes the three changes add 5 cards and replace 1; the curators of batch13 and batch24
wrote a card on the same idea as two of them. The note below is written in our own words for this test; each
case fails on 779e5bc.
"""

from __future__ import annotations

from noteutil import asked

NOTE = """---
id: okafor-harbour-planning
title: Harbour Planning
author: Ada Okafor
---
Ada Okafor's 2018 handbook on planning small harbours.

## Central argument
Okafor argues that berth demand should be forecast with simple queue models of arrivals, not guessed from last year's peak.
Harbour boards copy the plans of bigger ports and then wonder why the berths sit empty.

## Why it matters for product
Before raising a mooring fee, sketch the traffic loops and ask what the long-term response will be.
When a survey will drive a big decision, have a second person code the same answers independently.
"""


def test_a_manner_preposition_answers_how_something_should_be_done() -> None:
    assert asked(NOTE).get("how should berth demand be forecast?") == "With simple queue models of arrivals"


def test_an_answer_ending_on_an_embedded_question_is_whole() -> None:
    assert asked(NOTE).get("what should a team do before raising a mooring fee?") == (
        "Sketch the traffic loops and ask what the long-term response will be"
    )


def test_a_causative_have_is_an_instruction() -> None:
    assert asked(NOTE).get("what should a team do when a survey will drive a big decision?") == (
        "Have a second person code the same answers independently"
    )


ACRONYM = """---
id: okafor-harbour-scores
title: Harbour Scores
author: Ada Okafor
---
Ada Okafor's 2020 paper on the satisfaction scores harbour boards collect.

## Central argument
Okafor finds that the visitor score barely predicts which harbours keep their moorings.

## Why it matters for product
Treat NPS as one signal among several rather than as the goal.
"""


def test_an_acronym_object_keeps_its_capitals() -> None:
    # batch40's 'Treat NPS as …' was asked 'how should nPS be treated?' and refused; 779e5bc makes no card
    assert asked(ACRONYM).get("how should NPS be treated?") == "As one signal among several rather than as the goal"
