"""Batch121's first run (judged blind by four judges, all in the calibration band, then used for development).

Main's T0 (every judge) and one of its T1s (every judge), each a question the note's words made wrong:

- 'The confidence finding is the one I trust most, because it matches what happens in meetings' was asked 'what
  explains why the confidence finding is the one I trust most?': the note-writer's own voice, unquoted, is nothing the
  work says.
- 'Incentives drive behaviour, and they come in three kinds: …' was asked 'what drives behaviour, and they come in
  three kinds?': a second clause, about the answer, left in the question.

On the 1,451 development notes these remove exactly the two cards. Written in our own words; the tests fail on fd00b11.
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-batch121",
    """## Central argument
The book claims no single theme, but a method runs through it. Tides drive scheduling, and they come in three kinds: spring, neap and storm. Harbour lore is often wrong, and careful logs can show it.

## Critique
The crews were students on a training ship. Real crews share reasons, not only numbers.

The night-shift finding is the one I trust most, because it matches what happens on the quay.
""",
)


def test_batch121_questions_are_not_asked() -> None:
    questions = asked(NOTE)
    assert not any(" I " in f" {q} " for q in questions), questions
    assert not any(", and they " in q for q in questions), questions
