"""Batch91's first run (8d3b231, the code that ships but for this refusal): one of its five T0 shapes, refused since.
The fresh note is batch91's fixture; the test fails on 8d3b231.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_an_answer_that_only_says_the_term_is_another_thing_is_not_asked() -> None:
    cards = imported_pairs("batch91", "deterding-*.md", "deterding-from-game-design-elements")
    assert not any(back == "A related but different thing" for _, back in cards), cards
