"""L18's do-support check reads a plural subject's head as a verb only when nothing says it is a noun.

Measured on the 3,482 curator cards of tests/fixtures/fresh (batches 1-58): 12 of them got the warning
"'gains' after do/does/did should be the verb's base form" on a sound question, such as 'where do the larger
gains come from?'. A PM lead who writes such a card saw a false lint warning, and the generator refused the
same shape (4 sound cards on the development notes). What follows the plural word tells its part: a
preposition ('the effects of …'), an adverb ('the tiers wrongly suggest') or a base verb ('the studies
differ', 'the studies say …') follows a subject; an object or a particle ('the study picks winners') follows
a verb. Questions below are written in our own words; each passing case fails on the code before this change.
"""

from __future__ import annotations

import pytest

from deckgen.core.cardrules import broken_text

CONTEXT = "According to the note on Okafor's 'The Quay',"


@pytest.mark.parametrize(
    "question",
    [
        "where do the larger gains from dredging come from?",
        "how do the short-term and long-term effects of a levy relate?",
        "what do its tide measures fail to capture?",
        "why do the supporting studies say little about small harbours?",
        "what do the round-number tariffs wrongly suggest?",
        "where do the steadier opportunities in a harbour boom lie?",
        "what do the welfare conclusions hinge on?",
        "how do the keeper surveys differ from harbour logs?",
        "how do pilots judge how finished harbour software is?",
    ],
)
def test_a_plural_subject_after_do_is_not_a_verb(question: str) -> None:
    problems = broken_text(f"{CONTEXT} {question}", "Stone walls built early", "")
    assert not [p for p in problems if "base form" in p], problems


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("what do the study picks winners after?", "picks"),
        ("what do the theory explains almost?", "explains"),
        ("what do the keeper falls back on?", "falls"),
        ("what do full-price buyers went to?", "went"),
    ],
)
def test_an_inflected_verb_after_do_is_still_found(question: str, verb: str) -> None:
    problems = broken_text(f"{CONTEXT} {question}", "Stone walls built early", "")
    assert f"'{verb}' after do/does/did should be the verb's base form" in problems
