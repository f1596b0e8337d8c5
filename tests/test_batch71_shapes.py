"""Shapes from batch71's blind first run (issue 11): nine of 21 generated cards T0 from every one of four judges.

- '## Key ideas: the ten instincts' then '1. **Gap**: seeing two separate groups …' with no lead sentence was asked
  'what is a gap?' (six such cards, T0 from every judge): the heading names the list, and a part the note also
  calls 'the gap instinct' is asked by that name.
- 'Evidence that should leave everyone a little less certain instead widens the gap' was asked 'what should evidence
  that leave?': 'should' belongs to the relative clause.
- 'Holdout groups and controlled experiments are how a team makes … visible instead of arguing about it' was asked
  'what are holdout groups …, if not arguing about it?': 'it' is none of a plural subject.
- '… the estimator shrinks only a little. If the spread looks like noise, it shrinks a lot' was asked 'what follows
  if the spread looks like noise?' — 'The spread shrinks a lot': the sentence before says what shrinks.
- 'what is safety instead?', 'what is build fast?': a subject ending on an adverb is a clause, not a noun phrase (the
  shared L18 check, added after the first run).
The notes are written in our own words for this test; each test fails on c0bdcac.
"""

from __future__ import annotations

from noteutil import asked, imported_cards

from deckgen.core.cardrules import noun_phrase_problem

NOTE = """---
id: okafor-harbour-habits-four
title: Harbour Habits
author: Ada Okafor
---
Ada Okafor's field guide to harbour keeping.

## Central argument
Okafor argues that keepers misread their harbours in predictable ways. Warnings that should make a keeper more careful instead make the crew complacent.

## Key ideas: the five blind spots
1. **Calm**: trusting a quiet morning to stay quiet
2. **Crowd**: assuming every berth holds the same kind of boat
3. **Tide**: reading today's water level as tomorrow's
4. **Rumour**: believing the loudest report on the quay
5. **Habit**: repeating yesterday's mooring plan without checking

The length of the queue depends on the weather. If the boats arrive much faster than the crew can berth them, the harbour really is busy and the queue shrinks only a little. If the wind looks like a gale, it shrinks a lot.

## Critique
The guide covers two northern harbours only.

## Why it matters for product
- Logbooks and drills are how a harbour team makes hidden risk visible instead of guessing about it.
- The tide blind spot is the one that sinks most launch plans; the calm blind spot is the one that hides outages.
"""


def test_a_heading_names_the_list_of_one_word_parts() -> None:
    questions = asked(NOTE)
    assert not any(q in ("what is a calm?", "what is a tide?", "what is a habit?") for q in questions), questions
    assert "what is the tide blind spot?" in questions, questions
    cards = imported_cards("batch71", "rosling-factfulness*.md", "rosling-factfulness")
    fronts = [c.front for c in cards]
    assert not any(f.endswith(("what is a gap?", "what is a size?", "what is a blame?")) for f in fronts), fronts
    assert any(f.endswith("what is the gap instinct?") for f in fronts), fronts


def test_should_in_a_relative_clause_is_no_prescription() -> None:
    assert not any("that make" in q or "that leave" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_cards("batch71", "lord-ross-lepper-*.txt", "lord-ross-lepper")
    assert not any("evidence that leave" in c.front for c in cards), [c.front for c in cards]


def test_it_in_the_alternative_of_a_plural_subject_names_nothing() -> None:
    assert not any(q.endswith("about it?") for q in asked(NOTE)), asked(NOTE)
    cards = imported_cards("batch71", "bastiat-*.txt", "bastiat-seen-and-not-seen")
    assert not any(c.front.endswith("if not arguing about it?") for c in cards), [c.front for c in cards]


def test_a_pronoun_the_sentence_before_resolves_is_not_the_condition() -> None:
    assert not any(a.startswith("The wind shrinks") for a in asked(NOTE).values()), asked(NOTE)
    cards = imported_cards("batch71", "efron-morris-*.md", "efron-morris-stein")
    assert not any(c.back == "The spread shrinks a lot" for c in cards), [(c.front, c.back) for c in cards]


def test_a_subject_ending_on_an_adverb_is_no_noun_phrase() -> None:
    # 'what is build fast?' (batch68), 'what is safety instead?' (batch51: T0 from one judge, T1 from three)
    assert noun_phrase_problem(["build", "fast"])
    assert noun_phrase_problem(["safety", "instead"])
    assert not noun_phrase_problem(["the", "fast", "path"])
    cards = imported_cards("batch51", "hollnagel-*.txt", "hollnagel-safety")
    assert not any(c.front.endswith("what is safety instead?") for c in cards), [c.front for c in cards]
