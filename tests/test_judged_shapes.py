"""Shapes the blind judges of batch38 (and the runs before it) rated T0/T1, and two they rated T2/T3 (issue 11).

Batch38's four judges, and the judged cards of batches 1-37 regrouped by shape, found: answers that run on
into the note's next claim ('The window for live talk, cultural differences go unnoticed, trust forms
slowly'), critiques asked by what the work 'fails to do' or what a study 'cannot show' (one unique card
in ten judged T2/T3), 'why' questions holding two effects,
terms defined by what went wrong under them in a list of problems, 'what should therefore managers do?',
and headings' slogans read as terms ('what are goals as hypotheses?'). The claim 'what drives cash
needs?' (T3) had been refused by the session's own claim filter. A named list's member glossed by its
parts ('Common ground: shared knowledge, context and vocabulary') or by a first short sentence ('Cash
cows: high share, slow growth. They …') was never asked. The note is invented for these tests; each
test fails on the code measured on batch38.
"""

from __future__ import annotations

from noteutil import generated_cards

NOTE = """---
id: marsh-lantern-rules
title: The Lantern Rules
author: Iris Marsh
---
Iris Marsh's 2009 book on how lighthouse services allocate their keepers.

## Central argument
Steady regional market growth drives oil needs.
Keepers trust the lamp, and silence is what keeps them alert, because storms come without warning.
Marsh sorts the early logbooks' problems by type of error:

- **Record error**: keepers wrote down times that were never checked.
- **Relay error**: messages passed through three stations and changed on the way.

Marsh names four kinds of station:

- Beacons: high traffic at short range for coastal boats. They burn more oil than they earn.
- Towers: low traffic, long range. They cost little but must be staffed.

She organises the book around three concepts:

- Common ground. Shared charts, signals, tide tables and vocabulary. Keepers who live together build it without trying.
- Shift rhythm. The pattern of watches a station keeps through a season.

Her rules are written as slogans:

- **Lamps as promises**: a lit lamp commits the service to a watch.

Time zones shrink the window for live signalling, fog goes unnoticed, trust forms slowly.

## Critique
The book fails to do justice to the keepers' own accounts.
A single season cannot show how keepers age in the job.
Managers should therefore hire local keepers.

## Why it matters for product
Treat every new station as a promise to staff it.
"""

# the field's demand, then 'It treats …': 'it' is the demand, not the book (batch36: T0 from all seven judges);
# a critique whose kind word comes from a 'whether' clause; a claim stranded on 'for'
FRAMED = """---
id: marsh-harbour-demand
title: The Harbour Demand
author: Iris Marsh
---
Iris Marsh's 2011 essay on what port authorities ask of pilots.

## Central argument
Port authorities expect every pilot report to end with a list of fixes. Marsh thinks this misreads piloting.
It treats piloting as a method for collecting data about tides.
Each harbour needs enough pilots to hold back a reserve for a storm season.

## Critique
The essay says nothing about whether the reserve survives once owners notice the cost.
"""

ESSAY = "Marsh's 'The Lantern Rules'"


def _cards() -> dict[str, tuple[str, str]]:
    return generated_cards(NOTE)


def _fronts() -> list[str]:
    return [front for front, _ in _cards().values()]


def test_what_drives_a_quantity_is_asked_again() -> None:
    assert (f"According to {ESSAY}, what drives oil needs?", "Steady regional market growth") in _cards().values()


def test_an_answer_that_runs_on_into_another_claim_is_refused() -> None:
    answers = [back for _, back in _cards().values()]
    assert not [a for a in answers if "goes unnoticed" in a], answers


def test_vague_critiques_are_refused() -> None:
    fronts = _fronts()
    assert not [f for f in fronts if f.endswith(("fails to do?", "fails to?", "cannot show?"))], fronts


def test_a_why_question_holding_two_effects_is_refused() -> None:
    fronts = _fronts()
    assert not [f for f in fronts if "and silence is" in f], fronts


def test_a_problem_listed_under_its_type_is_not_read_as_a_definition() -> None:
    fronts = _fronts()
    assert not [f for f in fronts if "record error" in f.lower() or "relay error" in f.lower()], fronts


def test_a_pointing_link_word_and_a_slogan_are_refused() -> None:
    fronts = _fronts()
    assert not [f for f in fronts if "therefore" in f or "lamps as promises" in f.lower()], fronts


def test_a_member_of_a_named_list_glossed_by_its_parts_or_a_first_sentence() -> None:
    cards = set(_cards().values())
    assert (
        f"In {ESSAY}, what is 'common ground', one of the three concepts?",
        "Shared charts, signals, tide tables and vocabulary",
    ) in cards
    assert (
        f"In {ESSAY}, what are 'Beacons', one of the four kinds of station?",
        "High traffic at short range for coastal boats. They burn more oil than they earn",
    ) in cards


# batch39's T0/T1 shapes: a list member glossed with 'it' (the thing the list is about), a quality asked as what
# someone 'should be', a source whose subject is cut after 'and'
CONDITIONS = """---
id: marsh-harbour-edge
title: The Harbour Edge
author: Iris Marsh
---
Iris Marsh's 2013 paper on why some harbours stay ahead.

## Central argument
Marsh lists four conditions for a lasting edge:

- Valuable: the harbour earns more because of the resource.
- Rare: few rival harbours have it.

Harbour masters should be firm about the schedule and loose about the route.

## Critique
The categories overlap and come from one harbour master's experience rather than any study.
"""

# batch40's T0/T1 shapes: a label glossed by the checks it covers, a story told under a label, an answer that
# opens on 'therefore', an answer cut after 'every', and a ranked thing answered by two clauses
CHECKS = """---
id: marsh-harbour-checks
title: The Harbour Checks
author: Iris Marsh
---
Iris Marsh's 2016 handbook on inspecting harbours.

## Central argument
Marsh groups the inspection into sections:

- **Lamp checks**: the wick is trimmed, the glass is cleaned, the oil is topped up, and the spare is tested.
- Size and motion: bigger lamps and moving beams drew more attention from passing ships.

A harbour is therefore a profile across the four tides rather than a single number.
Points are summed within each section, and the final grade is the lowest of the four section grades.
Pilots should commit hard to the current chart and not hedge every crossing with a second route.

## Critique
The handbook rests on one harbour.
"""


def test_batch40_shapes_are_refused() -> None:
    cards = generated_cards(CHECKS)
    fronts = [front for front, _ in cards.values()]
    answers = [back for _, back in cards.values()]
    assert not [f for f in fronts if "lamp checks" in f.lower() or "size and motion" in f.lower()], fronts
    assert not [a for a in answers if a.lower().startswith("therefore") or a.endswith(" every")], answers
    assert not [a for a in answers if a.startswith("Points are summed")], answers


def test_batch39_shapes_are_refused() -> None:
    fronts = [front for front, _ in generated_cards(CONDITIONS).values()]
    assert not [f for f in fronts if "'Rare'" in f or "should harbour masters be?" in f], fronts
    assert not [f for f in fronts if "overlap and come from" in f], fronts


def test_it_after_a_sentence_about_someone_else_is_not_the_work() -> None:
    fronts = [front for front, _ in generated_cards(FRAMED).values()]
    assert not [f for f in fronts if "treat piloting as" in f], fronts


def test_a_whether_clause_gives_no_kind_and_a_claim_stranded_on_for_is_refused() -> None:
    fronts = [front for front, _ in generated_cards(FRAMED).values()]
    assert not [f for f in fronts if f.startswith("What kind of cost")], fronts
    assert not [f for f in fronts if f.endswith(" for?")], fronts


# batch41's missed idea: 'The authors conclude that X is won by A, not by B' (the denied half last)
LEGEND = """---
id: marsh-harbour-legend
title: The Harbour Legend
author: Iris Marsh
---
Iris Marsh's 2018 paper on which harbours come to dominate a coast.

## Central argument
The authors conclude that coasts are won by patience and good charts, not by the age of the harbour.

## Critique
The paper rests on one coast.
"""


def test_a_contrast_whose_denied_half_comes_last_after_a_reporting_frame() -> None:
    assert (
        "In Marsh's 'The Harbour Legend', what are coasts won by, if not the age of the harbour?",
        "Patience and good charts",
    ) in generated_cards(LEGEND).values()
