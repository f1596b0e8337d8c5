"""Shapes batch44's blind judges rated T0 or T1 from every judge (issue 11).

Batch44 (first run, 12 fresh notes, three judges in band): T0 'what did the sound produce?' (a
participle of the subject read as its verb: 'The sound produced per person fell …'), 'What kind of knows
does the note say …?' (a critique's kind word taken from a clause), 'what are observational methods, if
not better?' — 'Worse'; T1 'what two things decides …?' — 'Signal-to-noise, not sample size alone' (one
thing and its denial), 'what is the typical outcome?', 'what is a level 1?' (a rung of the note's own
scale) and 'what does weak measurement mean?' — 'Weak market discipline …' (a slogan). The note is
invented for these tests; each test fails on ed34b59, the code measured on batch44.
"""

from __future__ import annotations

from noteutil import generated_cards

NOTE = """---
id: marsh-oar-count
title: The Oar Count
author: Iris Marsh
---
Iris Marsh's 2019 paper on how rowing crews lose effort as they grow.

## Central argument
The speed produced per rower fell as crews grew.
Stroke counts are worse, not better.
Rhythm, not crew size alone, decides what a coach can see.
Weak coaching means weak crew discipline on long races.
Marsh sorts crews into four levels of difficulty:

- **Level 1**: crews with fixed seats and a small set of simple drills. Standard coaching largely works.
- **Level 4**: crews whose members change every week and whose drills are open-ended.

That gives every coach a trade-off between resting the strong rowers and training the new ones.
The typical outcome is a pattern of sprints then slumps: hard early races, followed by tired crews.

## Critique
Timed measurement assumes the coach already knows which stroke to time. For a new crew, deciding what counts as speed is often the hardest part, and the paper has little to say about it.
"""


def _cards() -> list[tuple[str, str]]:
    return list(generated_cards(NOTE).values())


def test_a_participle_of_the_subject_is_not_its_verb() -> None:
    fronts = [front for front, _ in _cards()]
    assert not [f for f in fronts if "what did the speed produce" in f], fronts


def test_a_critique_kind_is_never_taken_from_a_clause() -> None:
    fronts = [front for front, _ in _cards()]
    assert not [f for f in fronts if "kind of knows" in f], fronts


def test_a_bare_comparison_and_a_thing_with_its_denial_are_refused() -> None:
    cards = _cards()
    assert not [c for c in cards if "if not better" in c[0] or c[1] == "Worse"], cards
    assert not [c for c in cards if "two things" in c[0] or ", not crew size" in c[1]], cards


def test_a_scale_rung_a_vague_outcome_and_a_slogan_are_no_definitions() -> None:
    fronts = [front for front, _ in _cards()]
    assert not [f for f in fronts if "level 1" in f.lower() or "level 4" in f.lower()], fronts
    assert not [f for f in fronts if f.endswith("what is the typical outcome?")], fronts
    assert not [f for f in fronts if "weak coaching mean" in f], fronts
