"""Shapes from batch70's blind first run (issue 11).

- '2. **Vary real-world events**: server loss, latency, …' beside '3. **Run in production**, because …' was asked
  'what are vary real-world events?' (T0/T1): in a list of steps every bold label is an instruction, even one whose
  verb no word list knows; a label whose first word reads as a noun ('**Ecologies**', '**Backing services**') is
  still a term (one that opens on an adjective, '**Quiet berths**', is read as a step there: a known limit).
- 'For a product leader the lesson is to keep a log …, because …' was asked 'what explains why for a product
  leader the lesson is …?' (made up from batch70's application sections; batch63's 'what explains why in a
  marketplace it fails?' was T0 from three of four judges): after a fronted phrase the subject needs the note.
- 'Britain's manufacturing power depends on abundant, cheap coal' under 'The Coal Question' was asked 'what does
  Britain's manufacturing power depend on?' — 'Abundant, cheap coal' (T1 from every judge: the title in the
  question names the answer).
The notes are written in our own words for this test; each test but the noun-label guard fails on 86cbf72.
"""

from __future__ import annotations

from noteutil import asked, imported_cards

NOTE = """---
id: okafor-harbour-habits-three
title: The Rope Question
author: Ada Okafor
---
Ada Okafor's field guide to harbour keeping.

## Central argument
Okafor lists the keeper's routine:
1. **Check the moorings** at every change of tide, since lines stretch overnight.
2. **Vary berth assignments**: big hulls, small hulls, visiting yachts, fishing boats.
3. **Log every repair**, because the next keeper inherits the harbour.
4. **Standing orders**: written rules for small boats that apply whenever the weather turns.

A harbour's safety depends on strong, dry rope. Keepers who skip the log repeat old mistakes.

## Critique
The guide covers two northern harbours only.

## Why it matters for product
For a product leader the lesson is to keep a log of every incident, because the next team inherits the system.
"""


def test_a_step_in_a_list_of_steps_is_no_term() -> None:
    assert not any(q.startswith("what are vary ") for q in asked(NOTE)), asked(NOTE)
    cards = imported_cards("batch70", "basiri-*.md", "basiri-chaos-engineering")
    assert not any("vary real-world" in c.front for c in cards), [c.front for c in cards]


def test_a_noun_label_among_steps_is_still_a_term() -> None:
    cards = imported_cards("batch65", "wiggins-twelve-factor-app*.md", "wiggins-twelve-factor-app")
    assert any("what are backing services?" in c.front for c in cards), [c.front for c in cards]
    cards = imported_cards("batch11", "arthur-increasing-returns.md", "arthur-increasing-returns")
    assert any("what are ecologies?" in c.front for c in cards), [c.front for c in cards]


def test_the_title_names_no_answer() -> None:
    assert not any(answer.endswith("rope") for answer in asked(NOTE).values()), asked(NOTE)
    cards = imported_cards("batch70", "jevons-*.txt", "jevons-the-coal-question")
    assert not any(c.back == "Abundant, cheap coal" for c in cards), [(c.front, c.back) for c in cards]


def test_a_fronted_phrase_before_a_vague_subject_is_no_effect() -> None:
    assert not any(q.startswith("what explains why for a product leader") for q in asked(NOTE)), asked(NOTE)
