"""A 'they' or 'them' in an instruction is self-contained when the question's own condition names the plural.

'When users must compare numbers, put them on a common aligned axis' (batch48) was refused because the answer
held 'them'; asked as 'what should a team do when users must compare numbers?', 'them' refers to something the
question names. A pronoun whose plural is named only in an earlier sentence still leans on the note and is still
refused. The notes are written in our own words for this test; the first case fails on 779e5bc.
"""

from __future__ import annotations

from noteutil import asked

NOTE = """---
id: okafor-harbour-charts
title: Harbour Charts
author: Ada Okafor
---
Ada Okafor's 2019 handbook on charts for harbour boards.

## Central argument
Boards read charts in a hurry, and most charts hide the comparison that matters.

## Why it matters for product
When pilots must compare tide heights, plot them on one shared baseline.
Keepers often misread the old tables. When a storm is forecast, give them the summary first.
"""


def test_a_plural_named_in_the_condition_carries_the_pronoun() -> None:
    questions = asked(NOTE)
    assert questions.get("what should a team do when pilots must compare tide heights?") == (
        "Plot them on one shared baseline"
    ), questions


def test_a_plural_named_only_in_the_sentence_before_is_still_refused() -> None:
    questions = asked(NOTE)
    assert not any("storm is forecast" in question for question in questions), questions


ADOPTING = """---
id: okafor-harbour-fashions
title: Harbour Fashions
author: Ada Okafor
---
Ada Okafor's 2022 essay on why harbour boards copy each other.

## Central argument
Boards copy the rules of famous ports without asking why those rules work there.

## Why it matters for product
Before adopting a rule because a famous port uses it, ask why it works there and what would have to be true here.
"""


def test_an_it_whose_noun_the_condition_names_is_kept() -> None:
    # 'it' is 'a rule', named in the question: the card is whole (batch25 lost the same card; 779e5bc refuses it)
    questions = asked(ADOPTING)
    assert questions.get("what should a team do before adopting a rule because a famous port uses it?") == (
        "Ask why it works there and what would have to be true here"
    ), questions
