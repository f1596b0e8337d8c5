"""Shapes from batch48's blind first run (issue 11): advice whose condition holds a series.

Batch48 (12 fresh notes, 6317a39): 'Before triggering a save-flow, discount or outreach sequence for "at-risk"
users, hold out a random group and measure who actually changes behaviour' got no card: the condition was cut
at its first comma, so the advice read 'discount or outreach sequence …', no instruction. The curator asked it
('what should a product team do before triggering a save-flow for at-risk users?'). The note is invented for
these tests. The first and third tests fail on 6317a39 (the third: 'When planning a test, think in …' was asked
'what follows if planning a test?', T1 from every judge); the second guards the statements the older reading left
alone.
"""

from __future__ import annotations

from noteutil import generated_cards

NOTE = """---
id: okoro-renewals
title: Renewal Nudges
author: Tomi Okoro
---
Tomi Okoro's 2022 essay on renewal campaigns.

## Central argument
Okoro argues that renewal campaigns reach the customers who would have renewed anyway.

## Why it matters for product
Before sending a renewal offer, discount or reminder to "at-risk" accounts, hold out a random group and compare who renews.
If only wins get presented at renewal reviews, the team is guessing, whatever the dashboard says.
When planning a renewal test, think in cohorts rather than totals.
"""


def _asked() -> dict[str, str]:
    return {front.split("', ", 1)[-1]: back for front, back in generated_cards(NOTE).values()}


def test_advice_whose_condition_holds_a_series_is_asked() -> None:
    asked = _asked()
    question = 'what should a team do before sending a renewal offer, discount or reminder to "at-risk" accounts?'
    assert asked.get(question) == "Hold out a random group and compare who renews", asked


def test_a_statement_after_a_condition_is_not_read_as_advice() -> None:
    # 'the team is guessing, whatever the dashboard says': no series ends at the second comma, so the advice cannot
    # start after it. The series check in _situation is what refuses it: imperative() reads 'whatever the dashboard
    # says' as an instruction, and without the check this asks 'what should a team do if only wins get presented at
    # renewal reviews, the team is guessing?' — 'Whatever the dashboard says'
    assert not [front for front in _asked() if "what should a team do if only wins" in front]


def test_advice_opening_on_a_verb_and_its_preposition_is_asked_as_advice() -> None:
    # batch48: 'When planning a test, think in parameters …' was asked 'what follows if planning a test?' (T1 from
    # every judge): 'think in' was not read as an instruction, so the sentence went to the diagnostic form
    asked = _asked()
    assert asked.get("what should a team do when planning a renewal test?") == "Think in cohorts rather than totals"
    assert not [front for front in asked if "what follows if planning" in front], asked
