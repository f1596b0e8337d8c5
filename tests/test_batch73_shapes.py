"""Shapes from batch73's blind first run (issue 11).

- 'Fashions, crime waves and word of mouth share three traits: contagiousness, small causes with large effects, and
  change that happens abruptly …' was asked 'what are the three traits?' — 'Contagiousness, small causes, change' (T0
  from three of four judges): a label cut from a long item to one word says nothing of it.
- 'North's argument also underplays how much of the benefit came from the discussion … rather than from the
  template' was asked 'what does North's argument underplay rather than from the template?' (T0 from every judge).
- 'much of this confusion comes from the word "test", and that reframing …' was asked 'where does much of this
  confusion come from?' — 'The word "test", and that reframing …' (T0 from every judge).
- 'A forecast of 70% should come true about 70% of the time' was asked 'what should a forecast of 70% come?'.
- 'If no outcome would change the plan, it is not an experiment but a launch ritual' was answered 'Outcome is not an
  experiment …': 'it' is never the noun the condition denies.
- 'The principles are aspirations, not methods' was asked 'what are the principles, if not methods?' (T1 from every
  judge): the work's genre, as with 'the paper' and 'the essay'.
- '… treats the move mostly as a sin, which gives little help …' was answered 'A sin, which gives little help …' (T0
  from three judges).
The notes are written in our own words for this test; each test fails on 186e87e.
"""

from __future__ import annotations

from noteutil import asked, imported_pairs

NOTE = """---
id: okafor-harbour-habits-six
title: Harbour Habits
author: Ada Okafor
---
Ada Okafor's field guide to harbour keeping.

## Central argument
Storms, rumours and shortages share three traits: speed, small triggers with outsized consequences, and damage that arrives all at once rather than gradually.
Her claim is that much of this confusion comes from the word "berth", and that renaming the quays answers most questions.
A tide table of 90% should come true about 90% of the time.

## Critique
- Okafor's account also underplays how much of the safety came from the crews rather than from the rules.
- The rules are habits, not laws.
- Okafor treats the late repair mostly as a failure, which gives little help in deciding when a delay is wise.

## Why it matters for product
If no storm would change the schedule, it is not a drill but a ceremony.
"""


def test_a_label_cut_to_one_word_is_no_part() -> None:
    assert "what are the three traits?" not in asked(NOTE), asked(NOTE)
    cards = imported_pairs("batch73", "gladwell-*.md", "gladwell-tipping-point")
    assert not any(back == "Contagiousness, small causes, change" for _, back in cards), cards


def test_a_prepositional_alternative_is_no_object() -> None:
    assert not any("rather than from" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch73", "north-*.md", "north-introducing-bdd")
    assert not any("rather than from the template" in front for front, _ in cards), cards


def test_this_confusion_names_nothing() -> None:
    assert not any("this confusion" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch73", "north-*.md", "north-introducing-bdd")
    assert not any("this confusion" in front for front, _ in cards), cards


def test_a_linking_verb_has_no_object() -> None:
    assert not any(q.endswith(" come?") for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch73", "silver-*.md", "silver-signal-and-the-noise")
    assert not any(front.endswith("of 70% come?") for front, _ in cards), cards


def test_it_is_never_the_denied_noun() -> None:
    assert not any(a.startswith("Storm is") for a in asked(NOTE).values()), asked(NOTE)
    cards = imported_pairs("batch73", "popper-*.txt", "popper-conjectures-and-refutations")
    assert not any(back.startswith("Outcome is not") for _, back in cards), cards


def test_the_principles_are_the_works_genre() -> None:
    cards = imported_pairs("batch73", "cavoukian-*.txt", "cavoukian-privacy-by-design")
    assert not any(front.endswith("what are the principles, if not methods?") for front, _ in cards), cards


def test_treats_as_stops_at_the_relative_clause() -> None:
    assert not any(a.startswith("A failure, which") for a in asked(NOTE).values()), asked(NOTE)
    cards = imported_pairs("batch73", "popper-*.txt", "popper-conjectures-and-refutations")
    assert not any(", which gives little help" in back for _, back in cards), cards
