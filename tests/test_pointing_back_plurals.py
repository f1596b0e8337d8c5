"""L14's stricter reading (the generator's gate) lets 'they'/'them' through when the question names the plural.

The gate refused every generated question holding 'they' or 'them', even 'what explains why the study cannot say
how common cascades are or what they cost?', where 'they' are the cascades the question names. Now it refuses
them only when lint's own reading finds no plural before the pronoun in the question (core.cardrules
unreferenced_pronoun); 'these', 'those' and 'such' still always point back. Judged generated cards of batches
24-62 with 'they'/'them' in the question: where the question names the plural, 5 of 8 ratings T2 (the other three
on a question garbled for another reason); where it does not, none of 16. On the development notes: 6 cards
added, 1 replaced. Written in our own words; the first test fails on the code before this change.
"""

from __future__ import annotations

from deckgen.core.cardrules import pointing_back


def test_a_plural_the_question_names_carries_they() -> None:
    question = "According to the note on Okafor's 'Harbour Logs', what explains why the study cannot say how common storms are or what they cost?"
    assert pointing_back(question, "The evidence is interviews with six keepers") is None


def test_a_they_with_nothing_before_it_still_points_back() -> None:
    question = "According to the note on Okafor's 'Harbour Logs', what explains why they stopped logging at night?"
    found = pointing_back(question, "The lamps ran out")
    assert found is not None and found[0].startswith("'they' points back")


def test_these_and_those_still_point_back() -> None:
    question = "According to the note on Okafor's 'Harbour Logs', what explains why keepers distrust these storms?"
    assert pointing_back(question, "They come without warning") is not None
