"""L18's 'what kind of X' check: the answer that names a kind of X shows X is a noun.

'What kind of capital does the note say the strategy assumes?' - 'Plentiful venture capital' was refused
because the note never writes 'capital' after a determiner; a curator's 'what kind of practice fits …?' -
'Good practice, found through expert analysis' got the same lint warning. An answer whose phrase ends on the
word (one phrase, no 'and'/'or') names a kind of it. Words the answer does not name that way keep the check
('what kind of able …?'). Written in our own words; the first test fails on 779e5bc.
"""

from __future__ import annotations

from deckgen.core.cardrules import broken_text

QUESTION = "According to the note on Okafor's 'The Quay', what kind of {} does the plan assume?"


def test_an_answer_naming_a_kind_of_the_word_makes_it_a_noun() -> None:
    assert not broken_text(QUESTION.format("capital"), "Plentiful harbour capital", "")
    assert not broken_text(QUESTION.format("practice"), "Good practice, found by survey", "")


def test_a_word_the_answer_does_not_name_is_still_checked() -> None:
    warning = "'what kind of able': 'able' is not used as a noun in the note"
    assert warning in broken_text(QUESTION.format("able"), "A crew willing and able to row at night", "")
    assert "'what kind of luck': 'luck' is not used as a noun in the note" in broken_text(
        QUESTION.format("luck"), "Weather and luck", ""
    )
