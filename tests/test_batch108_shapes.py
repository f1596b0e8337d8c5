"""Batch108's first run (judged blind, then used for development): a critique whose subject leans on a pronoun.

'Watch time is still an engagement proxy. Optimising it rewards whatever holds attention, …' was asked 'What does the
note on … say optimising it rewards?' (T0 from every judge): what 'it' is, the sentence before says, and the
question alone cannot. One development card goes (this one). Written in our own words; the test fails on 3d6b965.
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-batch108",
    """## Central argument
Harbour masters track berth occupancy as their main measure.

## Critique
Occupancy is still a proxy for good service. Maximising it rewards whatever keeps boats moored, which is not what
skippers value.
""",
)


def test_a_critique_subject_that_points_back_is_refused() -> None:
    assert not any(" it " in q for q in asked(NOTE)), asked(NOTE)
