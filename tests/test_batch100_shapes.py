"""Batch100's first run (03b9e96): its T0 shape, refused since. The fresh note is batch100's fixture; the test fails on
d4cb030.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_a_question_does_not_end_on_a_relative_pronoun() -> None:
    # 'A customer who has been silent for three months may be gone, or may just buy rarely.' asked 'what has happened
    # to a customer who?' - 'Silent for three months may be gone, …' (T0 from every judge)
    cards = imported_pairs(
        "batch100", "schmittlein-morrison-colombo-counting-your-customers.md", "schmittlein-counting-customers"
    )
    # the note's other card ('What kind of rates does the note … say the model assumes?') is no longer asked
    # (test_batch103_shapes.py), so the note may have no card at all
    assert not any(front.endswith(" who?") for front, _ in cards), cards
