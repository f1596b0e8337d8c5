"""Shapes from batch54's blind first run (issue 11): an author read as a subject's first word, a quotation read as a term.

Batch54 (12 fresh notes, f13078c) shipped 'what do anscombe pushes back on?' (T1 from every judge: the author and
his verb taken as a subject, the next word as its verb) and, from 'When support tickets say "user error", the new
view asks what in the interface made the mistake reasonable', 'what is user error?' — 'The new view asks what …'
(T0 from every judge: words someone says are no term introduced, and the gloss is a clause). The notes are invented
for these tests; both tests fail on f13078c, the code before the fix.
"""

from __future__ import annotations

from noteutil import asked

PICTURES = """---
id: farrow-pictures-first
title: Pictures First
author: Edith Farrow
---
Edith Farrow's 1979 paper on charts in data analysis.

## Central argument
Farrow pushes back on the belief that tables of numbers are precise while charts are only decoration. Her three example data sets share the same averages and spreads, yet look nothing alike when drawn.
"""

TICKETS = """---
id: moreau-blame-labels
title: Blame Labels
author: Luc Moreau
---
Luc Moreau's 2011 book on how organisations explain failure.

## Why it matters for product
The useful habit is in design. When support tickets say "operator error", the new view asks what in the screen made the slip reasonable, which turns a blame label into a design backlog.
"""


def test_the_author_and_a_verb_are_not_a_subject() -> None:
    questions = asked(PICTURES)
    assert not any("farrow" in question.lower() for question in questions), questions


def test_words_a_ticket_says_are_no_term_and_a_clause_is_no_gloss() -> None:
    questions = asked(TICKETS)
    assert "what is operator error?" not in questions, questions
    assert not any(answer.startswith("The new view asks") for answer in questions.values()), questions
