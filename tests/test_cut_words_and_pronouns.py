"""Cut answers and misplaced pronouns the L2 change let through on development notes (batches 15-49), each a
sentence shape that turns up in any note; the notes below are written in our own words (the pronoun case is
the development note it was found on: an invented one took another rule's path).

- '…, so the aversion is a reaction to …': 'Research on X finds that …' was cut to 'Research on X finds', an
  answer that stops before what is found (a reporting verb at the end with no 'than', 'as' or wh-word before it).
- 'Pricing is the cheapest lever, yet most companies manage it badly because they never ask …' gave 'Pricing never
  ask …': 'they' are the companies; a pronoun stands only for a noun it agrees with, and not across ', yet'.
- '…, so teams shy away from risky bets, while estimates are built from the inside': the effect asked is the first
  clause.
- 'X matters less than learning what the market wants and committing to serve it' was asked '… wants and c?'
  (the compared phrase was cut at 50 characters) or '… wants and?'.
Each test fails on the code before this change.
"""

from __future__ import annotations

from noteutil import asked, imported_cards

NOTE = """---
id: okafor-harbour-boards
title: Harbour Boards
author: Ada Okafor
---
Ada Okafor's 2015 book on how harbour boards decide.

## Central argument
Arriving first matters less than learning what the fishing fleet actually wants and committing to serve it.
Each dredge is reviewed on its own, so boards shy away from risky dredges, while cost estimates are built from the inside.
"""

RESISTANCE = """---
id: okafor-harbour-resistance
title: "Harbour Resistance: Keepers Avoid New Rules after Seeing Them Fail"
author: Ada Okafor
---
Ada Okafor's 2015 paper on why keepers drop new harbour rules.

## Central argument
Keepers who watched a new rule fail once stopped using it. Okafor calls this harbour resistance.

## Critique
Research on "rule appreciation" finds that keepers often prefer new rules before they see them fail, so the resistance is a reaction to observed mistakes rather than a general distrust of change.
"""


def test_an_answer_never_stops_on_a_reporting_verb() -> None:
    answers = asked(RESISTANCE).values()
    assert not any(answer.endswith(" finds") for answer in answers), answers


def test_a_pronoun_is_replaced_only_by_a_noun_it_agrees_with() -> None:
    # the development note itself (batch33): 'they' are 'most companies', not 'pricing'
    cards = imported_cards("batch33", "dolan-*.txt", "dolan")
    assert not any(card.back.startswith("Pricing never ask") for card in cards), [c.back for c in cards]


def test_the_effect_asked_is_the_first_clause() -> None:
    questions = asked(NOTE)
    assert not any(", while" in question for question in questions), questions


def test_a_question_never_ends_on_a_cut_word() -> None:
    assert not any(question.endswith((" and?", " and c?")) for question in asked(NOTE)), asked(NOTE)
