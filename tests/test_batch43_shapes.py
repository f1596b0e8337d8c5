"""Shapes batch43's four blind judges rated T0/T1, and claims its notes made that got no card (issue 11).

Batch43 (first run, 12 fresh notes): every judge rated T0 a reason taken from the label before a bullet's
sentence ('what explains why spending hardware … is the right trade?' — 'The argument waves away
economics'), a reason taken from the clause a 'but' overturns ('… why live tests decide?' — 'Offline tests
on historical data screen candidates'), and 'what is mostly problem setting?'; T1 a 'why' whose 'it' or
'the two' points into the sentence before, an answer that opens on 'The employee in them' or 'The same
minute of attention', a definition cut at an aside ('The view, built into universities …'), and a problem
listed under its label read as a definition ('what is multiple criteria?'). Claims with no card: 'X means Y:
…', 'X is not A but B, and that …', 'X are not A; they are B', 'The lesson she draws is that …'. A question
pointing back with 'them' (judged cards of batches 24-43: 1 in 14 such questions at T2) is refused. The note is invented for these tests; each test fails on the code
measured on batch43.
"""

from __future__ import annotations

from noteutil import generated_cards

from deckgen.cards.rules import ideas
from deckgen.cards.rules.text import sentences
from deckgen.sources.notes import parse_note

NOTE = """---
id: marsh-pilot-ledger
title: The Pilot Ledger
author: Iris Marsh
---
Iris Marsh's 2017 book on how harbours keep their pilots' records.

## Central argument
Marsh attacks what she calls **ledger rationality**: the view, built into port offices and training schools, that piloting is the application of fixed rules to well-charted harbours.
Pilotage is mostly route setting: the course agreed at the first briefing decides which channels the crew will even try.
The ledger bias means pilots care about the entries in the log, not the water: they write before they look.
The growth in harbour fees is not a law of trade but the result of choices, and that those choices can be undone.
Marsh sorts the problems into three kinds:

1. Single counts. When one number stands for a pilot's work, pilots improve that number at the expense of the rest.
2. Double counts. Two measures seem safer, but without guidance on how they trade off each pilot weights them alone.

Tide tables screen routes, but tide tables often miss local currents, so the harbour master decides.
Harbour masters keep pilots and tug crews in separate offices, so the two clash over berths and schedules.
Pilots can only follow a plan they know, so every pilot got a short card explaining it.
If fifteen minutes decide a docking, the pilot in them must act without asking the tower.
Every berth and every tug faces the same hour of high water.
Marsh argues that new pilots are not passive trainees; they are active, goal-driven people who want to get real work done.
The lesson she draws is that harbour safety comes from discipline about what to leave out.
New charts undershoot what pilots need at first, so experienced captains dismiss them.

## Critique
- The ledger waves away cost. Fuel is cheap and pilots are dear, so idling a tug to save a pilot's hour is often the right call.
"""

ESSAY = "Marsh's 'The Pilot Ledger'"


def _cards() -> set[tuple[str, str]]:
    return set(generated_cards(NOTE).values())


def _by_front(part: str) -> list[tuple[str, str]]:
    return [card for card in _cards() if part in card[0]]


def test_a_reason_is_the_clause_its_so_follows_from() -> None:
    trade = _by_front("idling a tug")
    assert trade and all(back == "Fuel is cheap and pilots are dear" for _, back in trade), trade
    master = _by_front("harbour master decides")
    assert master and all(back == "Tide tables often miss local currents" for _, back in master), master


def test_a_why_whose_it_or_the_two_points_back_is_refused() -> None:
    assert not _by_front("explaining it"), _by_front("explaining it")
    assert not _by_front("the two clash"), _by_front("the two clash")


def test_an_answer_that_points_back_is_refused() -> None:
    answers = [back for _, back in _cards()]
    assert not [a for a in answers if a.startswith(("The pilot in them", "The same hour"))], answers


def test_a_rated_label_and_a_listed_problem_are_no_definitions() -> None:
    fronts = [front for front, _ in _cards()]
    assert not [f for f in fronts if "mostly route setting" in f or "double counts" in f.lower()], fronts


def test_a_definition_keeps_its_gloss_past_an_aside() -> None:
    assert (
        f"In {ESSAY}, what is ledger rationality?",
        "The view that piloting is the application of fixed rules to well-charted harbours",
    ) in _cards()


def test_means_before_a_colon_and_a_contrast_before_a_second_claim_are_asked() -> None:
    fronts = [front for front, _ in _cards()]
    assert f"According to {ESSAY}, what does the ledger bias mean?" in fronts, fronts
    assert (
        f"In {ESSAY}, what is the growth in harbour fees, if not a law of trade?",
        "The result of choices",
    ) in _cards()


def test_a_denial_then_what_they_are_is_a_contrast() -> None:
    assert (
        f"In {ESSAY}, what are new pilots, if not passive trainees?",
        "Active, goal-driven people who want to get real work done",
    ) in _cards()


def test_the_lesson_drawn_is_the_claim() -> None:
    assert any(front.endswith("where does harbour safety come from?") for front, _ in _cards()), _cards()


def test_a_question_pointing_back_with_them_is_refused() -> None:
    # 'they'/'them' with nothing in the question to stand for (judged cards of batches 24-62: none of 16 ratings
    # T2+) is refused. Until 2026-11-30's fourth session every 'they' was, even where the question names its plural;
    # those cards were rated T2 in 5 of 8 ratings (the three others on a question garbled for another reason), so
    # the gate now reads the pronoun as lint does (tests/test_pointing_back_plurals.py).
    note = parse_note(NOTE, "content/invented.md")
    sentence = next(s for s in sentences(note) if "dismiss them" in s.text)
    answer = "New charts undershoot what pilots need at first"
    unnamed = f"According to {ESSAY}, what explains why experts dismiss them?"
    assert ideas._card(note, "mechanism", "x", sentence, unnamed, answer) is None
    front = f"According to {ESSAY}, what explains why captains trust charts less than they trust pilots?"
    assert ideas._card(note, "mechanism", "x", sentence, front, answer) is not None
    named = f"According to {ESSAY}, what explains why captains distrust the survey office?"
    assert ideas._card(note, "mechanism", "x", sentence, named, answer) is not None
