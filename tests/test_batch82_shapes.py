"""Shapes from batch82's blind first run (issue 11), and two its fixes uncovered on the development notes.

- 'Replace ZIP with city or town and roughly half are still likely unique' asked 'what should ZIP be replaced with?'
  (T0 from every judge: a condition and what follows, not advice).
- 'Modern personas are worth having only if they are that concrete …' asked 'under what condition does modern persona
  are worth having?' (T0 from every judge).
- 'Fix the group problem with structure: have people write ideas silently …' was answered 'The group problem' (T0/T1).
- 'If the conclusion survives across that range, …' asked '… across that range?' (T1 from every judge).
- Development notes: '…, and protect focus time as well, so collision does not become fragmentation' gave the
  instruction as a cause; 'something customers choose rather than discover' asked 'what is the damage, if not discover?'.
The note is written in our own words for this test; the first four tests fail on cd28815. The last guards the two
cards the fixes uncovered (on cd28815 the cards the fixes refuse took their sentences, so it passes there).
"""

from __future__ import annotations

from noteutil import asked, imported_pairs

NOTE = """---
id: okafor-harbour-habits-sixteen
title: The Harbour Census
author: Ada Okafor
---
Ada Okafor's census of harbour crews.

## Central argument
Modern logbooks are worth keeping only if they are that detailed and actually read at each change of watch.
If the count holds across that range, the census is sound.
Replace the berth number with the quay name and roughly half are still easy to find.

## Critique
The fee is something crews choose rather than discover.

## Why it matters for product
Fix the night watch with rotation: have keepers swap posts every two hours, then compare notes.
Keep crews small, and protect rest time as well, so alertness does not become fatigue.
"""


def test_replace_then_a_clause_is_no_advice() -> None:
    assert not any("be replaced with" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch82", "sweeney-*.txt", "sweeney-demographics")
    assert not any("ZIP be replaced with" in front for front, _ in cards), cards


def test_only_if_after_a_cut_subject() -> None:
    assert not any("under what condition" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch82", "dreyfuss-*.md", "dreyfuss-designing-for-people")
    assert not any("modern persona are" in front for front, _ in cards), cards


def test_advice_that_a_colon_spells_out() -> None:
    assert "The night watch" not in asked(NOTE).values(), asked(NOTE)
    cards = imported_pairs("batch82", "osborn-*.md", "osborn-applied-imagination")
    assert not any(back == "The group problem" for _, back in cards), cards


def test_that_range_points_back() -> None:
    assert not any("that range" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch82", "leamer-*.txt", "leamer-con-out-of-econometrics")
    assert not any("that range" in front for front, _ in cards), cards


def test_an_instruction_is_no_cause_and_a_verb_no_alternative() -> None:
    found = asked(NOTE)
    assert not any(b.startswith("Protect rest time") for b in found.values()), found
    assert not any("if not discover?" in q for q in found), found
