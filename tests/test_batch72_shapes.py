"""Shapes from batch72's blind first run (issue 11): twelve of 26 generated cards T0 from three or four judges.

- 'The roles, as named in the 1981 book:' named a list 'the 1 book' (the last digit of the year read as a count):
  'what is 'Plant', one of the 1 book?' six times, T0 from every judge. A list whose every item glosses its label
  with what it does ('Shaper: provides drive …') is a list of roles: 'what does the Shaper do?'.
- 'The eight attributes are a bias for action; staying close to the customer; …' was asked 'what are the eight
  attributes?' — 'A bias for action': a counted subject answered by one item is the list cut at its first part.
- 'a PM whose self-image depends on always being right will struggle …' was asked 'what does a PM whose self-image
  depend on?': the verb was the relative clause's.
- '…, so name them instead of acting them out' was asked 'what explains why name them …?': advice is no effect.
- 'Ship the method along with the tool' was asked 'what should a team ship with the tool?' — 'The method along', and
  'Picture a fence or gate built across a road' — 'A fence or gate built': the object ran past the word read as
  its end.
- 'digital computers are the right machines to put in that seat because they are universal' was asked 'what are the
  right machines to put in that seat because they are universal?' (T1): the question holds the reason and a 'that'.
- 'So part of the effect depends on …' was asked 'What does the note say so part of the effect depends on?'.
- 'When engineers push back on …, the objection is often Dijkstra's: you can no longer read …' was asked 'what
  follows if engineers push back …?' — 'The objection is often Dijkstra's': the point is what the colon says.
- 'Interviews with current customers describe the survivors. Churned users, … are the missing planes.' was answered
  'The survivors. Churned users, …': the object ran into the next sentence.
- 'When staffing a product trio or squad, look for missing behaviours, not just missing skills' was answered 'Look for
  missing behaviours' (T1 from every judge: 'a fragment'): what advice rules out is half of it.
The notes are written in our own words for this test; each test fails on 4c30465.
"""

from __future__ import annotations

from noteutil import asked, imported_cards, imported_pairs

NOTE = """---
id: okafor-harbour-habits-five
title: Harbour Habits
author: Ada Okafor
---
Ada Okafor's 1998 field guide to harbour keeping.

## Central argument
Okafor watched crews at twelve harbours over a decade. The roles, as named in the 1998 guide:

1. Pilot: guides the boats through the channel and reads the water
2. Rigger: checks the ropes and repairs the sails
3. Lookout: watches the horizon and warns of storms
4. Cook: feeds the crew and keeps the mess in order

The five habits are a morning walk; a rope check; a tide reading; a logbook entry; and a harbour meeting.

Okafor argues that steel hulls are the right boats to keep in that basin because they are cheap to mend.

## Critique
- The guide covers two northern harbours only. So much of the advice depends on who is reading it.

## Why it matters for product
- Anger you don't voice leaks into your tone, so name it instead of acting it out.
- A keeper whose pride depends on never losing a boat will hide small accidents from the harbourmaster.
- Ship the logbook along with the boat: training is part of the product.
- Picture a chain or rope stretched across a quay.
- When crews complain about "just one more berth", the objection is often the tide's: the quay cannot hold more boats.
"""


def test_a_year_is_no_count_and_roles_say_what_they_do() -> None:
    assert not any("one of the 8 guide" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch72", "belbin-*.md", "belbin-management-teams")
    assert not any("one of the 1 book" in front for front, _ in cards), cards
    # 'what does the Team Worker do?' has a three-word answer: the answer floor (ideas._ANSWER_FLOOR: definitions under 6 words, claims and contrasts under 4, 16-21% T2/T3 on fresh notes) refuses it
    assert not any("one of the" in front and "Team Worker" in front for front, _ in cards), cards


def test_a_counted_subject_is_not_answered_by_one_item() -> None:
    cards = imported_pairs("batch72", "peters-waterman-*.txt", "peters-waterman-in-search-of-excellence")
    assert not any(front.endswith("what are the eight attributes?") for front, _ in cards), cards


def test_whose_clause_is_no_subject() -> None:
    assert not any("whose" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch72", "stone-patton-heen-*.md", "stone-difficult-conversations")
    assert not any("whose self-image" in front for front, _ in cards), cards


def test_advice_after_so_is_no_effect() -> None:
    cards = imported_pairs("batch72", "stone-patton-heen-*.md", "stone-difficult-conversations")
    assert not any("what explains why name them" in front for front, _ in cards), cards


def test_an_object_that_runs_on_is_no_answer() -> None:
    answers = asked(NOTE).values()
    assert not any(a.endswith((" along", " stretched")) for a in answers), list(answers)
    cards = imported_pairs("batch72", "engelbart-*.txt", "engelbart-augmenting-human-intellect")
    assert not any(back == "The method along" for _, back in cards), cards
    cards = imported_pairs("batch72", "chesterton-*.md", "chesterton-drift-from-domesticity")
    assert not any(back.endswith(" built") for _, back in cards), cards


def test_a_reason_inside_a_ranked_topic() -> None:
    cards = imported_pairs("batch72", "turing-*.txt", "turing-computing-machinery")
    assert not any("because they are universal?" in front for front, _ in cards), cards


def test_a_leading_so_is_no_subject() -> None:
    cards = imported_pairs("batch72", "tversky-kahneman-*.md", "tversky-kahneman-conjunction")
    assert not any(" say so " in front for front, _ in cards), cards


def test_what_follows_is_what_the_colon_says() -> None:
    assert not any(q.startswith("what follows if crews complain") for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch72", "dijkstra-go-to-*.md", "dijkstra-go-to")
    assert not any(back == "The objection is often Dijkstra's" for _, back in cards), cards


def test_an_answer_stops_at_its_sentence() -> None:
    cards = imported_pairs("batch72", "wald-*.txt", "wald-plane-vulnerability")
    assert not any(". " in back for _, back in cards), cards


def test_advice_keeps_what_it_rules_out() -> None:
    cards = imported_pairs("batch72", "belbin-*.md", "belbin-management-teams")
    assert ("Look for missing behaviours, not just missing skills") in [back for _, back in cards], cards
    cards = [(c.front, c.back) for c in imported_cards("batch71", "dijkstra-*.txt", "dijkstra-humble-programmer")]
    assert any(back == "As evidence, not proof" for _, back in cards), cards
