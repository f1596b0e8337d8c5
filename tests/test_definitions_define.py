"""A 'what is X?' card defines X, and a question's topic is not pointed at with 'those/these'.

The note below is invented for these tests (issue 11, iteration 13): a list of examples (a firm and
what it did) read as defined terms, glosses that are verb phrases, claims or the term again, and a
prescription that leans on the note's earlier sentence ('those rotas').
"""

from __future__ import annotations

from noteutil import generated_cards

from deckgen.core.cardrules import unreferenced_pronoun

NOTE = """---
id: ferries
title: The Ferry Timetable
author: Odile Marchetti
---
Odile Marchetti's 2019 essay on how island ferry lines decay once they win their routes.

## Central argument
Marchetti argues that a ferry line serves travellers first and its owners last.

- **Brightwater**: courted islanders with cheap season tickets, then cut the winter sailings.
- **Kestrel**: priced the rival line out for two summers, then doubled its fares.
- **Slack**: Slack that crews keep between two sailings.
- **Berth rent**: Used by the port to ration the quay at peak hours.
- **Route lock-in**: Islanders can switch lines only when a rival berth opens.
- **Tide window**: the hours in which a loaded ferry can clear the bar.

## Critique
Marchetti compares fares across ten island ports. The fare index is a loose proxy for what travellers actually pay. The hardest step is a timetable that survives the first storm.

## Why it matters for product
Most lines plan winter rotas around the summer peak. Product teams planning those rotas should budget for the quiet months first.
"""


def _cards() -> dict[str, tuple[str, str]]:
    return generated_cards(NOTE, "content/ferries.md")


def test_an_example_in_a_list_is_not_asked_as_a_term() -> None:
    # '**Brightwater**: courted islanders …' is a firm and what it did: 'what is a brightwater?' was T0
    questions = "\n".join(front for front, _ in _cards().values()).lower()
    assert "brightwater" not in questions
    assert "kestrel" not in questions


def test_a_gloss_that_is_a_passive_verb_phrase_defines_nothing() -> None:
    assert "g.definition.berth-rent" not in _cards()


def test_a_gloss_that_states_a_claim_is_not_a_definition() -> None:
    assert "g.definition.route-lock" not in _cards()


def test_a_gloss_that_repeats_the_term_is_not_a_definition() -> None:
    # 'what is slack?' — 'Slack that crews keep …' answers with the word it was asked to define
    assert "g.definition.slack" not in _cards()


def test_a_noun_phrase_gloss_still_defines() -> None:
    front, back = _cards()["g.definition.tide-window"]
    assert front.endswith("what is a tide window?")
    assert back.startswith("The hours in which a loaded ferry")


def test_a_demonstrative_topic_has_no_referent() -> None:
    assert unreferenced_pronoun("In X's 'Y', what should product teams planning those rotas do?") == "those"
    assert unreferenced_pronoun("In X's 'Y', what do those who wait get?") == ""
    assert not any("those rotas" in front for front, _ in _cards().values())


def test_a_definite_topic_the_note_introduced_before_is_not_asked() -> None:
    # 'The fare index is a loose proxy …' after 'Marchetti compares fares …': 'what is the fare index?' names
    # a thing the learner never saw introduced; a ranked topic ('the hardest step') stands by itself
    questions = "\n".join(front for front, _ in _cards().values())
    assert "fare index" not in questions
    assert "what is the hardest step?" in questions
