"""Batch113's first run (judged blind by four judges, one in the calibration band, then used for development).

Main's two T0s and three of its T1 shapes (every judge), each refused:

- 'The first part of the book is social history, …' was asked 'what is the first part of the book?': how the work is
  laid out is bibliographic trivia (T0).
- 'framing a charge as a "fee" versus a "discount forgone", defaults that persist through inertia, …' was asked 'what
  is a discount forgone?' — 'Defaults that persist through inertia': the second term of a pair, then the next item of a
  list, is no appositive (T0).
- '- Bring learning and risk reduction into prioritisation explicitly, so the riskiest assumptions get built …' was
  asked why the riskiest assumptions get built early — 'Bring learning …': an instruction and its purpose, no cause.
- '- Give stakeholders forecasts as ranges from observed velocity …' was asked 'what should a team give from observed
  velocity?' — 'Stakeholders forecasts as ranges': a verb with two objects.
- '… depending on how the two frames meet:' named its items 'one of the two frames meet': the items are ways they
  meet, not frames.

On the 1,355 development notes these remove exactly these six cards. Written in our own words; the tests fail on
6cdcc3d.
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-batch113",
    """## Central argument
The first part of the book is social history, reconstructing what daily life on the quays was like before the railways; the second part is the economic case.


The same tide produces different berths depending on how the two currents meet:

- **Harbour**: the currents cancel each other into calm water.
- **Estuary**: the currents mix and cut a new channel.

## Why it matters for product
Every berth booking is a natural experiment in supposedly irrelevant factors. The book gives harbour masters a vocabulary for them: framing a charge as a "levy" versus a "rebate forgone", berths that persist through inertia, fees that feel unfair even when economically justified.

- Bring pilots and harbour masters into berth planning explicitly, so the riskiest arrivals get scheduled early.
- Give captains berth slots as ranges from observed tides ("between the second and third bell"), and re-plan openly as weather changes.
""",
)


def test_batch113_shapes_are_not_asked() -> None:
    questions = asked(NOTE)
    for part in ("first part of the book", "rebate forgone", "two currents meet", "riskiest arrivals", "give from"):
        assert not any(part in q for q in questions), (part, questions)
