"""The note's own figure in its application or critique ('A design system is a product with internal customers',
'Spaced repetition is a proven engine for learning products') is not a definition: asked 'what is a design system?',
such cards were judged T2/T3 in 8 of 69 ratings (20 cards on the development notes; batch88's spaced-repetition card T0
from every judge). The fresh notes are batch73's and batch88's fixtures; the tests fail on 2878f75.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_the_notes_figure_for_a_thing_is_not_asked_as_its_definition() -> None:
    cards = imported_pairs("batch73", "frost-atomic-design.md", "frost-atomic-design")
    assert cards  # the note keeps its other cards
    assert not any(front.endswith("what is a design system?") for front, _ in cards), cards


def test_a_product_lesson_is_not_a_definition_of_the_works_subject() -> None:
    cards = imported_pairs("batch88", "ebbinghaus-memory.txt", "ebbinghaus-memory")
    assert not any(front.endswith("what is spaced repetition?") for front, _ in cards), cards
