"""Shapes from batch67's blind first run (issue 11): cards rated T0 by every one of six judges.

- '**Law 1** is the case for …', '**Law 3** argues for …' were asked 'what is a law 1?' and 'what are Law 3 argues?':
  a numbered label names no term.
- 'one member gains enough to provide the good alone (a "privileged" group)' was asked 'what is good alone?': a
  parenthesis that coins a quoted name names the situation, it glosses no word.
- 'The part that has lasted is the authors' claim that, because no one knows how …, designers should …' was asked
  'what explains why the part that has lasted is the authors' claim that?': the reason is the claim's.
- 'He wants statisticians to tackle more realistic problems, to accept that judgement is unavoidable …' was answered
  'Tackle more realistic problems, to accept': 'accept that …' was cut as if 'that' opened a relative clause.
The notes are written in our own words for this test; each test fails on 39c3650.
"""

from __future__ import annotations

from noteutil import asked

NOTE = """---
id: okafor-harbour-rules
title: Harbour Rules
author: Ada Okafor
---
Ada Okafor's essay on the unwritten rules of small harbours.

## Central argument
Most of the essay is a tour of mooring practice: knots, fenders, lines and cleats. The part that has lasted is the author's claim that, because no one knows how to write a complete harbour code, keepers should rely on habits that make mistakes rarer and easier to spot.
Small harbours do better. Sometimes one keeper gains enough to provide the good alone (a "patron" group), which leads to the largest keeper paying most of the cost.
She wants keepers to tackle more realistic problems, to accept that judgement is unavoidable and say so openly, and to value answers that are rough but useful.

## Critique
The essay covers two northern harbours only.

## Why it matters for product
- **Rule 1** is the case for checking each change in its own setting. A shared mooring is a help to one crew and a hazard to another.
- **Rule 2** is a planning warning: every new berth creates demand for staff, lines and repairs.
- **Rule 3** argues for thinking in systems. A new fee touches billing, signage and the harbour office.
"""


def test_a_numbered_label_names_no_term() -> None:
    questions = asked(NOTE)
    assert not any("rule 1" in q.lower() or "rule 2" in q.lower() or "rule 3" in q.lower() for q in questions), (
        questions
    )


def test_a_parenthesis_coining_a_quoted_name_glosses_nothing() -> None:
    questions = asked(NOTE)
    assert not any("good alone" in q for q in questions), questions
    assert not any('"patron"' in answer for answer in questions.values()), questions


def test_a_because_inside_a_claim_that_is_the_claims() -> None:
    assert not any(q.endswith("claim that?") for q in asked(NOTE)), asked(NOTE)


def test_accept_that_is_no_relative_clause() -> None:
    answers = asked(NOTE).values()
    assert not any(answer.endswith("to accept") for answer in answers), list(answers)
