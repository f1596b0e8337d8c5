"""Shapes from batch65's blind first run (issue 11): cards rated T0 by every judge, or by most.

- 'a sure stage of a multi-stage gamble (the pseudocertainty effect)' was asked 'what is multi-stage gamble?' -
  'The pseudocertainty effect': the parenthesis names what the clause describes; and 'the critical trials (a bit
  over a third of answers)' was asked 'what are critical trials?': a share is no definition.
- 'The best-known demonstration: a disease …' was asked 'what is best-known demonstration?'.
- 'In physical space architecture means walls, roads and locks' was asked 'what does in physical space
  architecture mean?'.
- 'Worth reading in the original because it is an economic argument, not a physics prediction' was asked 'what
  is worth reading in the original because it, if not a physics prediction?'.
- 'Box holds up R. A. Fisher as …' lost 'Box holds' as if it were 'Box holds that …' ('what explains why up R. A.
  Fisher …?'), and the reason belonged to the relative clause ('a statistician who invented methods because …').
- Application items '**Knowledge flow**: rotate PMs …' and '**Internal platform strategy**: a company organised like
  …, will be slower …' were asked 'what is a knowledge flow?' and 'what is an internal platform strategy?' - 'A
  company organised'.
- 'The explanation comes from prospect theory: …' was asked 'where does the explanation come from?'.
- 'The long-run-interest clause is the honest way to argue for …' was asked 'what is the long-run-interest clause?'
  - 'The honest way to argue …'.
- '**Framing of outcomes** — …' was asked 'what are framing of outcomes?'.
The notes are written in our own words for this test; each test fails on bd9eea2.
"""

from __future__ import annotations

from noteutil import asked, imported_cards

NOTE = """---
id: okafor-harbour-choices
title: Harbour Choices
author: Ada Okafor
---
Ada Okafor's 2011 study of how harbour keepers decide.

## Central argument
- Okafor holds up R. B. Lane as the model of a keeper who invented methods because real problems demanded them, working inside the harbour rather than beside it.
- Keepers learn rules by copying each other within a season.

Her framings:
- **Framing of tides** — the reference tide decides what counts as a high or a low water
- **Framing of crossings** — keepers overweight crossings presented as certain; a risky crossing presented as a sure leg of a two-leg voyage (the *sure-leg effect*) gets extra weight
On open water navigation means stars, tides and charts; in the harbour it is the lighthouse.
Keepers gave way to a loud crew on a large share of the test nights (a bit over a third of answers), though some never gave way.
The best-known demonstration: a storm is expected to sink 60 boats.
The explanation comes from tide theory: departures are judged as gains or losses against a reference tide.

## Critique
The study covers two northern harbours only.

## Why it matters for product
1. **Harbour platform strategy**: a port organised like the old northern harbours, with each crew building its own gear and sharing little, will be slower to adapt than one with shared services.
2. **Log flow**: rotate keepers across harbours and make it cheap to share logs; the south's advantage was fast sharing.
The standby clause is the honest way to argue for safety spending: frame it as protecting long-run value.
"""


def test_a_parenthesis_that_names_or_counts_defines_nothing() -> None:
    questions = asked(NOTE)
    assert not any("two-leg voyage" in q for q in questions), questions
    assert "The sure-leg effect" not in questions.values(), questions
    assert not any(answer.lower().startswith("a bit over") for answer in questions.values()), questions


def test_a_superlative_label_introduces_an_example() -> None:
    assert not any("best-known demonstration" in q for q in asked(NOTE)), asked(NOTE)


def test_a_fronted_place_is_not_what_means() -> None:
    assert not any(q.lower().startswith("what does on ") for q in asked(NOTE)), asked(NOTE)


def test_a_contrast_needs_a_subject() -> None:
    cards = imported_cards("batch65", "moore-*.txt", "moore-cramming")
    # its one card was a 'what follows if …?' card, a form no longer made (test_session10_conditions.py)
    assert not any("because it" in c.front for c in cards), [c.front for c in cards]


def test_a_phrasal_verb_is_no_reporting_frame() -> None:
    questions = asked(NOTE)
    assert not any("why up " in q or "holds up" in q for q in questions), questions


def test_an_applications_heading_is_no_term() -> None:
    questions = asked(NOTE)
    assert not any("log flow" in q.lower() or "harbour platform strategy" in q.lower() for q in questions), questions


def test_where_a_bare_explanation_comes_from_is_not_asked() -> None:
    assert "where does the explanation come from?" not in asked(NOTE), asked(NOTE)


def test_a_verdict_is_no_answer_to_what_is() -> None:
    assert not any(answer.startswith("The honest way") for answer in asked(NOTE).values()), asked(NOTE)


def test_a_framing_of_plural_things_is_one_framing() -> None:
    questions = asked(NOTE)
    assert not any(q.startswith("what are framing of") for q in questions), questions
    assert "what is the framing of tides?" in questions, questions
