"""Shapes from batch55's blind first run (issue 11): a subject that points back, examples read as a gloss.

Batch55 (12 fresh notes, 7c76bcf, all four judges in the calibration band) shipped three T0s from every judge
on one shape: 'what explains why the first needs tight control?', '… the second barely needs it?' and '… the
second is that the small remaining gain is fragile?' (an ordinal standing for a noun the card does not hold), and
a fourth, 'what is costs later?' — 'A treat, a purchase on credit' (two examples in parentheses read as the gloss
of 'the costs later'). The notes are invented for these tests; both tests fail on 7c76bcf, the code before the fix.
"""

from __future__ import annotations

from noteutil import asked

BUDGETS = """---
id: okoro-two-budgets
title: Two Budgets
author: Ada Okoro
---
Ada Okoro's 1998 essay on when a project needs close control.

## Central argument
Okoro ties the need for oversight to a project's value. Take two projects with the same cost: one is expected to return a little more than it costs, the other twenty times more. The first needs close oversight, because a small overrun erases its value. The second hardly needs any, because even a large overrun leaves it very worthwhile.
"""

TIMING = """---
id: lindahl-now-or-later
title: Now or Later
author: Sven Lindahl
---
Sven Lindahl's 2001 paper on present bias.

## Central argument
Timing decides the mistake. When the rewards come now and the costs later (a snack, a loan), people act too soon. When the costs come now and the rewards later, they put the task off.
"""


def test_an_effect_whose_subject_points_back_is_not_asked() -> None:
    questions = asked(BUDGETS)
    assert not any(question.startswith("what explains why the first") for question in questions), questions
    assert not any(question.startswith("what explains why the second") for question in questions), questions


def test_two_examples_in_parentheses_are_no_gloss() -> None:
    questions = asked(TIMING)
    assert "what is costs later?" not in questions, questions
    assert not any(answer.startswith("A snack") for answer in questions.values()), questions
