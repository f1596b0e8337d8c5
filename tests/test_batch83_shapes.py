"""Shapes from batch83's blind first run (issue 11): no T0, and two T1 shapes every judge named.

- 'Tversky describes each option as a set of aspects, …' under 'Elimination by Aspects' asked 'what does Tversky describe
  each option as?' — 'A set of aspects, …': the title names the answer ('set' names nothing; 'aspects' is its head).
- 'an effective tool (how to take part)' asked 'what is an effective tool?' — 'How to take part': a question the term
  answers, not what the term is.
The note is written in our own words for this test; each test fails on 7b11143.
"""

from __future__ import annotations

from noteutil import asked, imported_pairs

NOTE = """---
id: okafor-harbour-habits-seventeen
title: A Theory of Moorings
author: Ada Okafor
---
Ada Okafor's theory of harbour berths.

## Central argument
Okafor describes each berth as a set of moorings, meaning posts a boat either uses or leaves free.
Working harbours combine a clear rule (who berths first), a fair fee (how to pay for a berth) and a shared log.

## Critique
The theory covers two northern harbours only.
"""


def test_the_title_names_a_container_answers_head() -> None:
    assert not any(b.startswith("A set of moorings") for b in asked(NOTE).values()), asked(NOTE)
    cards = imported_pairs("batch83", "tversky-*.txt", "tversky-elimination-by-aspects")
    assert not any(back.startswith("A set of aspects") for _, back in cards), cards


def test_a_how_to_gloss_is_no_definition() -> None:
    assert "How to pay for a berth" not in asked(NOTE).values(), asked(NOTE)
    cards = imported_pairs("batch83", "shirky-*.md", "shirky-here-comes-everybody")
    assert not any(back == "How to take part" for _, back in cards), cards
