"""Batch88's first run (31d3799): the cards every judge rated T0 that the rules still made, refused since. The fresh
notes are batch88's fixtures; each test fails on 31d3799.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_a_clause_the_work_holds_is_not_cut_at_a_noun_s_complement() -> None:
    cards = imported_pairs("batch88", "thorndike-*.txt", "thorndike-a-constant-error")
    assert not any(back == "Raters form a general sense" for _, back in cards), cards  # a sense that … what?
    assert not any(back.endswith(" almost") for _, back in cards), cards  # 'tracked physique almost' [perfectly]


def test_a_why_clause_that_ends_on_its_auxiliary_is_not_asked() -> None:
    cards = imported_pairs("batch88", "braess-*.txt", "braess-on-a-paradox")
    assert not any(front.endswith("why everyone does?") for front, _ in cards), cards


def test_a_second_part_cut_after_its_first_word_goes() -> None:
    cards = imported_pairs("batch88", "binet-*.md", "binet-field-the-long-and-the-short")
    assert not any(back.endswith(", and strategies") for _, back in cards), cards


def test_a_pointer_to_the_note_s_example_is_no_advice_and_instead_is_no_way_past_the_gate() -> None:
    cards = imported_pairs("batch88", "snook-*.txt", "snook-friendly-fire")
    assert not any(back.startswith("Remember the") for _, back in cards), cards
    cards = imported_pairs("batch88", "penrose-*.txt", "penrose-the-theory-of-the-growth")
    # 'what does Penrose treat the firm instead as?' (T1): without 'instead' it is the bare-object form the gate refuses
    assert not any(front.endswith(" instead as?") for front, _ in cards), cards
