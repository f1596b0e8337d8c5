"""Batch122's first run (judged blind by four judges, all in the calibration band, then used for development).

Main's T0 (every judge) and one of its T1s (every judge):

- 'The writing also leans on appendices and informal argument where readers might want proofs.' (a critique) was asked
  'what does the note … say the writing leans on?': how the work is written up is no idea of it.
- 'Marchionini sorts search activities into three overlapping kinds:' was asked 'what are the three overlapping kinds?':
  a number, a modifier and a generic noun name no whole (as 'what are the three kinds?' did before); each kind is
  still asked.

On the 1,463 development notes these remove exactly the two cards. Written in our own words; the tests fail on a7e3d35.
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-batch122",
    """## Central argument
Okafor sorts harbour work into three overlapping kinds:

1. **Berthing** — mooring, fendering, line handling. The crew knows the berth and can reach it.
2. **Loading** — cranes, stowage plans, lashing. It takes many shifts and checks.
3. **Clearing** — customs, inspections and paperwork over longer periods, often before a ship may sail.

## Critique
The scheme depends on every pilot cooperating; a pilot who ignores the rules can take more than a fair share of berths, a problem the book largely sets aside. The writing also leans on anecdotes and informal argument where readers might want port records.
""",
)


def test_batch122_shapes_are_not_asked() -> None:
    questions = asked(NOTE)
    assert not any("the writing" in q for q in questions), questions
    assert not any(q.startswith("what are the three overlapping kinds") for q in questions), questions
    assert any("one of the three overlapping kinds" in q for q in questions), questions
