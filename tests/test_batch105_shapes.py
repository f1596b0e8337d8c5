"""Shapes of batch105's first run (judged blind, then used for development).

- 'The first-mover logic behind resource position barriers is asserted more than it is shown' was asked 'what is the
  first-mover logic …?' — 'Asserted more than it is shown' (T0 from every judge): a passive predicate ('asserted
  more …', 'presented as …', 'treated as …', 'defined by …') says how a thing is handled, not what it is; the four
  such development cards were all T0/T1.
- '… so PMs should take part in that conversation before it is fixed' was asked '… why PMs should take part in that
  conversation …?' (T0 from every judge): which conversation, the note said before.
- 'The planes that were hit in those places never came back, so the missing data is the signal' was asked 'what
  explains why the missing data is the signal?' — 'The planes that were hit' (T0 from every judge): a cause cut down
  to its subject and relative clause.

On the development notes five cards go, all judged T0/T1. Written in our own words; the tests fail on 88d0130.
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-batch105",
    """## Central argument
The berth-first logic behind harbour fees is asserted more than it is shown.
Complaints from skippers are treated as moods to be managed, not as claims to be addressed.
Boats that were turned away in those weeks never came back, so the empty berths are the signal.

## Why it matters for product
The booking rules decide which boats wait, so PMs should take part in that conversation before the rules are fixed.
""",
)


def test_a_passive_predicate_is_no_definition() -> None:
    answers = asked(NOTE).values()
    assert not any(a.startswith(("Asserted", "Treated")) for a in answers), asked(NOTE)


def test_a_pointer_after_a_preposition_is_refused() -> None:
    assert not any("that conversation" in q for q in asked(NOTE)), asked(NOTE)


def test_a_cause_cut_to_its_subject_is_refused() -> None:
    assert not any(a.startswith("Boats that were") for a in asked(NOTE).values()), asked(NOTE)
