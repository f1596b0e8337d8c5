"""Shapes from batch53's blind first run (issue 11): five cards no judge would keep, each from a general shape.

Batch53 (12 fresh notes, e58c66e) shipped 'what is the simplest and cheapest one?' — 'A companion economic
principle says the best prototype' and 'what does re-validate proxy against?' (T0 from every judge), 'what
follows if none applies?' and 'what do most management tools assume?' — 'The first kind' (T0 from two judges),
and 'what should each explanation make?' — 'Sense to a newcomer' (T1 from every judge). The notes below are
invented for these tests; each test fails on 2c661a6, the code before the fix.
"""

from __future__ import annotations

from noteutil import asked

THRIFT = """---
id: haddad-thrift
title: Thrift in Design
author: Rami Haddad
---
Rami Haddad's 2016 talk on cheap learning.

## Central argument
A companion rule of thrift says a paper mock-up is the cheapest test of a layout.
"""

SIGNALS = """---
id: brandt-drifting-signals
title: Drifting Signals
author: Ilse Brandt
---
Ilse Brandt's 2019 essay on metrics that quietly stop measuring what they once measured.

## Central argument
A signal taken from product behaviour changes whenever the product does, so a model trained on last year's clicks can fail without warning.

## Why it matters for product
Re-check dashboards against survey data after each redesign, keep one plain baseline to compare against, and retire any signal nobody can explain.
"""

HEAD_STARTS = """---
id: varga-head-starts
title: Head Starts
author: Tomas Varga
---
Tomas Varga's 2011 essay on when being early pays.

## Central argument
An early entrant keeps its lead only through a mechanism: a learning curve, a scarce input or switching costs.

## Why it matters for product
Before a race to launch, name the mechanism that would keep the lead. If none applies, speed mostly pays for the market education that a follower enjoys.
"""

ALARMS = """---
id: osei-noisy-alarms
title: Noisy Alarms
author: Kofi Osei
---
Kofi Osei's 2021 essay on tools that flag problems.

## Central argument
Users abandon a checker after a few false alarms, however many real faults it finds.

## Why it matters for product
For a tool that flags problems, precision matters more than recall, and each warning should make sense to a first-time user.
"""

BOUNDARIES = """---
id: lund-three-boundaries
title: Three Boundaries
author: Maja Lund
---
Maja Lund's 2004 paper on how knowledge crosses team lines.

## Central argument
Lund separates three kinds of boundary: a difference of words, a difference of meaning and a difference of interests. Most planning templates assume the first kind. The harder kinds need shared objects that both sides can change together.
"""


def test_a_reporting_clause_is_not_the_subject_of_a_superlative() -> None:
    """'X says a mock-up is the cheapest …': the answer was 'X says a paper mock-up', a clause."""
    questions = asked(THRIFT)
    assert not any(" says " in f" {answer} " for answer in questions.values()), questions


def test_an_imperative_with_a_prefixed_verb_is_advice_not_a_subject() -> None:
    questions = asked(SIGNALS)
    assert not any("re-check" in question.lower() for question in questions), questions


def test_a_condition_that_points_back_is_not_asked() -> None:
    questions = asked(HEAD_STARTS)
    assert not any(question.startswith("what follows if none") for question in questions), questions
    assert "what should a team do before a race to launch?" in questions, questions


def test_half_of_an_idiom_is_not_asked_for() -> None:
    questions = asked(ALARMS)
    assert not any(answer.lower().startswith("sense ") for answer in questions.values()), questions


def test_an_ordinal_that_points_at_a_list_names_nothing() -> None:
    questions = asked(BOUNDARIES)
    assert not any(answer == "The first kind" for answer in questions.values()), questions
    assert "what three kinds of boundary does Lund separate?" in questions, questions
