"""Batch114's first run (judged blind by four judges, three in the calibration band, then used for development).

- 'Algorithm design: the maximum-subarray problem is worked from a cubic solution …' was asked 'what is algorithm
  design?' — 'The maximum-subarray problem is worked …' (T0 from every judge): what was done to one case is an example
  of the label, not a gloss.
- 'Use the critique as a guardrail against dogmatic minimalism' was asked 'how should the critique be used?' (T1 from
  every judge): the note itself, not an idea of the work. Two development cards of the same shape ('how should the
  book be used?', '… be treated?') had 0 of 8 ratings T2/T3; all three go.

On the 1,367 development notes these remove exactly these four cards. Written in our own words; the tests fail on
ed8c0c4.
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-batch114",
    """## Central argument
Okafor argues that planning beats building.

Key ideas that recur through the book:

- Back-of-the-envelope tonnage: rough counts of ships, cargo and crews, checked against rules of thumb, catch bad plans early.
- Route design: the shortest-route problem is worked from a cubic solution down to a linear scan, showing that better routes can dominate every new crane.

## Why it matters for product
- Use the critique as a guardrail against building bigger quays. Treat pilot time as the scarce resource.
""",
)


def test_batch114_shapes_are_not_asked() -> None:
    questions = asked(NOTE)
    assert not any("route design" in q for q in questions), questions
    assert "what is back-of-the-envelope tonnage?" in questions, questions  # a gloss still defines
    assert not any("the critique" in q for q in questions), questions
