"""Shapes from batch60's blind first run (issue 11): four T0 cards from every judge, one clumsy critique card.

- '…, so it is noticed when it arrives' was asked 'what explains why the article is noticed when it arrives?':
  the 'it' after 'so' is the sentence's own subject, not the work.
- '…, so it is unclear how far the model fits …' was asked 'what explains why the paper is unclear how far …?'
  (T1-T2: 'back-to-front'): that 'it' is nobody's.
- 'Targets set far out of reach can demotivate rather than stretch' was asked 'what can targets … demotivate?' -
  'Rather than stretch'.
- 'New products and processes are the clearest case: …' was asked 'what are new products and processes?' - 'The
  clearest case', and then 'what is the clearest case?' (of what, the note's sentence before says).
- 'The query evolves: each thing …' was asked 'what are query evolves?'.
The notes are written in our own words for this test; each test fails on b8e528e.
"""

from __future__ import annotations

from noteutil import asked

NOTE = """---
id: okafor-harbour-habits
title: Harbour Habits
author: Ada Okafor
---
Ada Okafor's 2016 paper on the routines of harbour keepers.

## Central argument
Okafor argues that most harbour rules are copied within a season. Tide tables and mooring fees are the clearest case: rival harbours learn of a change within weeks.
Okafor takes aim at the classic logbook model, in which a keeper writes one fixed entry a night. Real keeping, she argues, does not look like that. The log evolves: each thing the keeper finds changes what they understand about the harbour, and so changes what they look for next.

## Critique
The evidence comes mostly from two northern harbours, so it is unclear how far the model fits busy commercial ports.

## Why it matters for product
A written plan makes the named storm signal stand out, so it is noticed when it arrives.
Quotas set far out of reach can discourage rather than motivate; splitting them into nearer steps keeps keepers trying.
"""


def test_an_it_after_so_is_not_the_work() -> None:
    questions = asked(NOTE)
    assert not any("why the paper is" in q or "why the article is" in q or "why the work is" in q for q in questions)


def test_an_answer_never_opens_on_rather_than() -> None:
    assert not any(answer.lower().startswith("rather than") for answer in asked(NOTE).values())


def test_a_ranking_of_the_sentence_before_is_no_definition() -> None:
    questions = asked(NOTE)
    assert "what is the clearest case?" not in questions, questions
    assert "The clearest case" not in questions.values(), questions


def test_a_label_that_is_a_clause_is_no_term() -> None:
    assert not any("log evolves" in question for question in asked(NOTE)), asked(NOTE)
