"""L2 counts the question a learner parses, not the context that names the work.

Every card names its essay as context ('According to the note on X's 'Title', …'), the convention the generator
and the curators share. L2 counted those words too, so a long title alone made a question 'too long': 174 of the
3,540 curator questions in tests/fixtures/fresh got the warning (2 with the count below), and the
generator refused cards that differ from shipped ones only in the length of the work's title (batch59's
'what explains why the size of the effect in real, binding commitments is uncertain?' on Zauberman and Lynch's
17-word title). The question proper still has the 25-word limit. Written in our own words; the tests that a long
title is not counted fail on db7ad91.
"""

from __future__ import annotations

from deckgen.core.cardrules import LintSettings, check_card
from deckgen.core.model import Card, Note

LONG_TITLE = "Tides, Silt and the Slow Decline of the Small Harbour in Northern Europe Between the Two World Wars"
NOTE = Note(id="okafor-tides", title=LONG_TITLE, path="notes/okafor-tides.md", author="Ada Okafor")


def _l2(front: str) -> list[str]:
    card = Card(note_id=NOTE.id, key="q", kind="basic", front=front, back="The silt the dredges left")
    return [i.message for i in check_card(card, NOTE, LintSettings()) if i.rule == "L2"]


def test_a_long_title_in_the_context_is_not_counted() -> None:
    assert not _l2(f"According to the note on Okafor's '{LONG_TITLE}', what closed most small harbours?")


def test_a_title_inside_the_question_counts_as_one_word() -> None:
    assert not _l2(f"What does the note on Okafor's '{LONG_TITLE}' say closed most small harbours?")


def test_a_long_question_proper_is_still_too_long() -> None:
    long_question = (
        "According to Okafor's 'Tides', thinking back to the part where the harbour boards met every spring to "
        "argue about dredging budgets and silt, what did the keepers say closed the harbours?"
    )
    assert _l2(long_question) == ["question has 27 words (more than 25)"]
