"""Batch111's first run (judged blind by four judges, three in the calibration band, then used for development).

Its three generated cards rated T0 by every judge, each a shape the generator misread:

- '**Each medium reshapes thought**: the telegraph, for instance, …' was asked 'what is each medium reshapes
  thought?': a bold label that is a whole claim ('each X verbs …') names no term.
- '… asks why the controlled experiment, so powerful in physics and medicine, has had so little grip …' was asked
  'what explains why powerful in physics and medicine, has had …?': a degree 'so' inside the subject, closed by a
  comma and the sentence's own verb, is no 'A, so B' result.
- 'expectations climb to a **peak of inflated expectations**, collapse into a **trough of disillusionment** …' was
  asked 'what is a peak of inflated expectations?' — 'Collapse into a trough …': a gloss that holds the next marked
  term is the next stage of a sequence, not a gloss.

On the 1,331 development notes these remove exactly those three cards (one other card of the hype-cycle note ships
in the freed place). Written in our own words; the tests fail on b2f9b75.
"""

from __future__ import annotations

from noteutil import asked, harbour_note

LABEL = harbour_note(
    "okafor-batch111-label",
    """## Central argument
Okafor traces how harbours changed with each new kind of ship.

## Key ideas

- **Tides are a scheduling tool**, not a nuisance: they decide when the deepest ships can berth.
- **Each cargo reshapes trade**: the container, for instance, detached goods from dockside gangs.
- **Pilots**: local sailors who guide ships through the approach channel.
""",
)

DEGREE_SO = harbour_note(
    "okafor-batch111-so",
    """## Central argument
Okafor starts from the history of port planning and asks why the tide table, so useful in navigation and fishing, has had so little effect on berth scheduling.

## Why it matters for product
Deep berths were scarce on the old quays, so shipping lines booked berths months ahead.
""",
)

SEQUENCE = harbour_note(
    "okafor-batch111-sequence",
    """## Central argument
Traffic at a new harbour follows a pattern: after the opening, ships pile into a **rush of early arrivals**, drift into a **lull of empty berths** when cargo disappoints, then settle at a steady level.
""",
)


def test_a_claim_in_bold_is_no_term() -> None:
    questions = asked(LABEL)
    assert not any("each cargo" in q for q in questions), questions
    assert any("pilots" in q.lower() for q in questions), questions  # a real label is still defined


def test_a_degree_so_inside_the_subject_is_no_result() -> None:
    questions = asked(DEGREE_SO)
    assert not any("useful in navigation" in q for q in questions), questions
    assert any("shipping lines booked berths" in q for q in questions), questions  # 'A, so B' is still asked


def test_a_gloss_holding_the_next_marked_term_is_no_gloss() -> None:
    questions = asked(SEQUENCE)
    assert not any("rush of early arrivals" in q for q in questions), questions
