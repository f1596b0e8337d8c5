"""Bullets of several sentences, labelled bullets, and the claim shapes judges rejected (issue 11).

A bullet was read as one sentence however many it held, so every rule anchored on a whole sentence
missed it: 313 multi-sentence bullets of the development notes, 32 with any card. A bullet's label
could end only at a colon ('Satisficing — people look for …' and '**Problemistic search.** Search
starts …' gave nothing). And the plain 'what does X V?' claim was judged T2/T3 by about one judge
rating in four on batches 34-37 (every other kind 60-100%): the shapes that were almost never
studyable ('what does every PM meet?', 'what is Adzic's fix?', 'what is a mature product team?' — 'A
useful guardrail …') no longer ship. The note is invented for these tests; each test fails on the
code before this change except the last, a guard on a claim shape that must keep shipping.
"""

from __future__ import annotations

from noteutil import generated_cards

NOTE = """---
id: wren-harbour-crews
title: The Harbour Crew
author: Ada Wren
---
Ada Wren's 2015 book on how harbour pilots organise their shifts.

## Central argument
Wren builds her account on three habits:

1. **Slow handover.** Each pilot briefs the next in person before leaving the bridge.
2. **Tide reading.** The crew checks the tide tables before every departure.
3. **Quiet watch.** Nobody speaks on the bridge during a turn except to give orders.

She groups the crew's failures under four R's:

- Rushing — a pilot skips the briefing to catch the tide and misses a warning.
- Resting — tired pilots accept the first reading of a gauge.
- Routing — crews repeat the last route even when the wind has changed.
- Rank — junior pilots defer to captains who are wrong.

- Latent faults are always present in an old harbour. Calm days hide them, so crews learn to work around them without noticing.
- Handovers are the riskiest hour. Most groundings happen at night because the pilots are tired after long shifts.

Every pilot meets the harbour master on the first day.
Tide tables are a useful guardrail for new pilots.
The number is an order of magnitude, not a target.
Design by committee tends to produce compromise without any coherence.

## Critique
The book rests on one harbour.

## Why it matters for product
Build the weekly rota from real arrival data.
"""

ESSAY = "Wren's 'The Harbour Crew'"


def _cards() -> dict[str, tuple[str, str]]:
    return generated_cards(NOTE)


def _asked(fragment: str) -> list[tuple[str, str]]:
    return [(front, back) for front, back in _cards().values() if fragment in front]


def test_a_later_sentence_of_a_bullet_is_asked_on_its_own() -> None:
    # 'Most groundings happen at night because …' is the second sentence of its bullet
    assert _asked("groundings") == [
        (
            f"According to {ESSAY}, what explains why most groundings happen at night?",
            "The pilots are tired after long shifts",
        )
    ]


def test_a_label_ending_at_a_dash_names_a_part_of_a_named_list() -> None:
    assert _asked("'Resting'") == [
        (f"In {ESSAY}, what is 'Resting', one of the four R's?", "Tired pilots accept the first reading of a gauge")
    ]


def test_a_bold_label_ending_at_its_full_stop_is_glossed_by_the_next_sentence() -> None:
    assert _asked("tide reading") == [
        (f"In {ESSAY}, what is tide reading?", "The crew checks the tide tables before every departure")
    ]


def test_claims_in_shapes_judges_rejected_do_not_ship() -> None:
    fronts = [front for front, _ in _cards().values()]
    assert len(fronts) >= 6, fronts  # the note still gets its cards
    assert not [f for f in fronts if "meet?" in f or "tide tables?" in f], fronts  # a light verb; a verdict
    assert not [f for f in fronts if "what is the number" in f], fronts  # 'the number': which number?


def test_an_instruction_placed_by_a_preposition_asks_its_object() -> None:
    assert _asked("from real arrival data") == [
        (f"According to the note on {ESSAY}, what should a team build from real arrival data?", "The weekly rota")
    ]


def test_a_claim_asked_by_what_it_produces_still_ships() -> None:
    assert _asked("design by committee") == [
        (f"According to {ESSAY}, what does design by committee tend to produce?", "Compromise without any coherence")
    ]
