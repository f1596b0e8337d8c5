"""Batch117's first run (judged blind by four judges, three in the calibration band, then used for development).

Two of main's three T0s (every judge), each refused:

- '4. **Application**: synthetic California, built from a handful of other states, …' was asked 'what is
  application?': a label that introduces an example of the note's point is no term.
- '… tied to identity and long-term commitment (a home, a car, retirement savings)' was asked 'what is long-term
  commitment?' — 'A home, a car, retirement savings': short items, most led by an article, are examples, not a gloss.

The third, 'what is a social message?' — 'An Election Day reminder with an "I Voted" button' (a definition cut after the
first of its three parts, losing the one that told it apart), is left: the check tried for it removed 29 development
cards, several rated T3. On the 1,403 development notes these remove exactly the two cards. Written in our own words;
the tests fail on 6116925.
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-batch117",
    """## Central argument
Okafor compares harbours in four steps:

1. **Donor pool**: the harbours that never changed their fees.
2. **Application**: synthetic Bristol, built from a handful of other ports, tracked its tonnage closely before the new dues.

For weighty choices tied to trade and long-term lease (a berth, a warehouse, crane rights), older loyalties do shape where ships call.
""",
)


def test_batch117_shapes_are_not_asked() -> None:
    questions = asked(NOTE)
    assert not any("application" in q.lower() for q in questions), questions
    assert questions.get("what is a donor pool?") == "The harbours that never changed their fees", questions
    assert not any("long-term lease" in q for q in questions), questions
