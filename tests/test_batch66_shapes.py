"""Shapes from batch66's blind first run (issue 11).

- 'the largest waste in industry is not materials but effort, and in particular "soldiering": …' gave no card:
  the answer's closing quote mark was stripped, the opening one kept, and the unbalanced answer refused (the
  Taylor note got no card at all).
- '… scaled in height and width, so a doubling looks like a fourfold increase' was cut at 'like' as if an example
  followed ('… so a doubling looks', T0 from every judge).
- 'The first choice implies you think black is less likely than red' was asked 'what is the first choice implies
  you think black?' (T0 from every judge).
- "Bohr's quadrant" was asked 'what is a bohr's quadrant?' (T2 from every judge, for its content); with its name
  kept, lint L18 refused it as "a name's label": a named quadrant is a topic, as a named law is.
- A definition answered by a quoted name only ('The "winner's curse"', 'Not "code complete"') defines nothing: the
  quote-mark fix above let such answers through on the development notes.
The notes are written in our own words for this test; each test fails on a4ece04.
"""

from __future__ import annotations

from noteutil import asked

from deckgen.core.cardrules import _judgement_problem

NOTE = """---
id: okafor-harbour-management
title: Harbour Management
author: Ada Okafor
---
Ada Okafor's handbook on running a harbour.

## Central argument
Okafor says that the largest cost in a harbour is not fuel but waiting, and in particular "berthing": ships idling at anchor, partly from bad tides but mostly from poor scheduling.
Her charts of harbour traffic:
- The two-axis chart: a bar scaled in height and width, so a doubling looks like a fourfold increase.
The first schedule implies you think fog is less likely than rain. The second implies you think fog is more likely.
Okafor sorts harbour work into four quadrants:
1. **Lane's quadrant**: pure basic work, understanding sought for its own sake.
2. **Ward's quadrant**: pure applied work, aimed at a use with no interest in why it works.

Her rules of thumb:
- **Berthed means moored** — not "arrived", not "anchored".
- **Lucky arrivals**: a fast crossing tends to be reported as typical, because only lucky crossings clear the timetable (the "sailor's boast").

## Critique
The handbook covers two northern harbours only.
"""


def test_a_quoted_word_at_the_end_of_an_answer_keeps_its_card() -> None:
    answers = asked(NOTE).values()
    assert any(answer.startswith("Waiting") and '"berthing"' in answer for answer in answers), list(answers)


def test_looks_like_is_no_example() -> None:
    answers = asked(NOTE).values()
    assert not any(answer.endswith("looks") for answer in answers), list(answers)


def test_a_clause_inside_the_topic_is_not_asked_as_one() -> None:
    assert not any("implies you think" in question for question in asked(NOTE)), asked(NOTE)


def test_a_named_quadrant_keeps_its_name_and_passes_lint() -> None:
    question = "In Stokes' 'Pasteur's Quadrant', what is Bohr's quadrant?"
    assert _judgement_problem(question, "Pure basic research, for understanding alone") == ""
    assert "name's label" in _judgement_problem("In Adzic's 'Impact Mapping', what is Adzic's fix?", "A map of goals")


def test_a_quoted_name_defines_nothing() -> None:
    answers = asked(NOTE).values()
    assert not any(answer.strip('"').lower() in ('not "arrived', "the \"sailor's boast") for answer in answers)
    assert not any(
        answer.endswith(('"sailor\'s boast"', '"arrived"')) and len(answer.split()) <= 3 for answer in answers
    ), list(answers)


def test_a_possessive_term_takes_no_article() -> None:
    questions = asked(NOTE)
    assert "what is Lane's quadrant?" in questions, questions
    assert not any(" a lane's" in question.lower() for question in questions), questions
