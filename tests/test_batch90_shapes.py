"""Batch90's first run (e891119): one of its two T0s from every judge, refused since (the other, 'why should a team
expect the same under-investment?', is a back-reference the rules cannot tell from the many legitimate 'the same …'
questions of the development notes). The fresh note is batch90's fixture; the test fails on e891119.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_a_question_cut_inside_a_bracket_is_not_asked() -> None:
    cards = imported_pairs("batch90", "leibenstein-*.md", "leibenstein-bandwagon-snob-and-veblen")
    assert not any(front.count("(") != front.count(")") for front, _ in cards), cards
    assert any(front.endswith("what is a bandwagon effect?") for front, _ in cards), cards
