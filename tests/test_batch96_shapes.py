"""Batch96's first run (8c1fa51): its T0 shape, refused since, and its six hats asked by colour alone. The fresh notes
are batch96's fixtures; the tests fail on 1de78b2.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_a_condition_that_holds_a_series_is_not_cut_at_its_first_comma() -> None:
    # 'If you build analytics, reporting or dashboard features, a grammar-based spec (…) is more extensible …' asked
    # 'what follows if you build analytics?' - 'Reporting or dashboard features, …' (T0 from every judge)
    cards = imported_pairs("batch96", "wilkinson-grammar-of-graphics.md", "wilkinson-grammar-of-graphics")
    assert cards
    assert not any(front.endswith("what follows if you build analytics?") for front, _ in cards), cards


def test_a_one_word_item_is_asked_by_the_kind_the_note_names_it_with() -> None:
    # '2. **Red**: feelings, hunches and intuition …' in a note that speaks of the 'blue hat', 'black-hat thinking' and
    # a 'white-hat round' asked 'what is a red?' (T1 from three judges of four)
    cards = imported_pairs("batch96", "de-bono-six-thinking-hats *.md", "de-bono-six-thinking-hats")
    fronts = [front for front, _ in cards]
    assert any(front.endswith("what is the red hat?") for front in fronts), fronts
    assert not any(front.endswith(("what is a red?", "what is a blue?", "what is a black?")) for front in fronts)
