"""A label that heads a checklist's advice is not a term: 'Overall harbour design: design for storms …, make …'.

Batch61's Hamilton note listed a checklist ('1. Overall application design: design for failure …, make recovery
the normal path, avoid single points of failure, …'); its headings were asked 'what is overall application
design?' with one piece of the advice as the answer (four cards, T1 from every judge: a heading, several valid
answers, a partial list). A label glossed by two or more instructions, or by a 'should', heads advice; a label
glossed by one instruction can be what the term is ('Market development: take the current products to new
customer groups', T3 from every judge in batch25) and still ships. Written in our own words; the first test fails
on 6f80ed8.
"""

from __future__ import annotations

from noteutil import asked

NOTE = """---
id: okafor-harbour-checklist
title: On Running Small Harbours
author: Ada Okafor
---
Ada Okafor's 2012 checklist for harbour masters.

## Central argument
Okafor organises her advice as a checklist:

1. Overall harbour design: plan for storms so any berth can fail without closing the harbour, make repair the normal path, and avoid single points of failure.
2. Automatic upkeep: anything keepers do every week should be written down and eventually done by machine.
3. Fleet development: bring the current moorings to new kinds of boats.
"""


def test_a_heading_of_advice_is_not_asked_as_a_term() -> None:
    questions = asked(NOTE)
    assert "what is overall harbour design?" not in questions, questions
    assert "what is automatic upkeep?" not in questions, questions


def test_a_term_glossed_by_one_instruction_still_ships() -> None:
    assert asked(NOTE).get("what is fleet development?") == "Bring the current moorings to new kinds of boats"
