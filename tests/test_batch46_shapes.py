"""Shapes batch46's six blind judges all rated T0/T1 (issue 11).

Batch46 (first run, 12 fresh notes): T0 from every judge, 'what does engineering and product team?' — a
compound noun ('Engineering and product teams drift …') read as a subject and its verb, the shape batch41's
'what does pricing and incentive design?' had; T1 from every judge, 'what is expected award?' — 'Told
beforehand that they could earn a certificate …' (a study's condition, glossed by what was done to its
participants, read as a term). The condition note is invented for these tests; the compound noun is tested
on batch46's own note (no invented sentence made the old code ask it). Each test fails on 7641550, the
code measured on batch46.
"""

from __future__ import annotations

from noteutil import generated_cards, imported_cards

NOTE = """---
id: marsh-harbour-drift
title: The Harbour Drift
author: Iris Marsh
---
Iris Marsh's 2023 paper on how harbour crews cut corners.

## Central argument
Towing and pilot crews drift in the same way. Tide pressure wears down their checks, and every shortcut is rewarded by a docking that goes fine.
Marsh split the crews into three conditions:

- Expected bonus: told beforehand that they could earn a "Safe Berth" pennant for docking, and then given it.
- Unexpected bonus: given the same pennant afterwards, with no promise in advance.
- No bonus: neither promised nor given anything.
"""


def _fronts() -> list[str]:
    return [front for front, _ in generated_cards(NOTE).values()]


def test_a_compound_noun_is_never_read_as_a_subject_and_its_verb() -> None:
    # batch46's own note, imported as `deckgen import` does: no invented sentence made the old code ask it
    fronts = [c.front for c in imported_cards("batch46", "rasmussen-*.md", "rasmussen")]
    assert not [f for f in fronts if "what does engineering and product team" in f], fronts


def test_a_condition_glossed_by_what_was_done_is_no_term() -> None:
    fronts = _fronts()
    assert not [f for f in fronts if "expected bonus" in f.lower()], fronts
