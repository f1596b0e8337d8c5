"""'X define habits as …' is asked 'what are habits?', not refused for 'what is habits?'.

The 'define … as' shape always wrote 'what is', and lint L18 then refused the card for its agreement
('a plural needs are'): the development notes lost a sound definition card that way (batch39). The note is
written in our own words for this test; it fails on 779e5bc.
"""

from __future__ import annotations

from noteutil import asked

NOTE = """---
id: okafor-keeper-routines
title: Keeper Routines
author: Ada Okafor and Tom Bell
---
Okafor and Bell's 2021 study of how harbour keepers work.

## Central argument
Okafor and Bell define rounds as fixed walks a keeper repeats at the same hour, triggered by the tide table.
A keeper who skips a round rarely notices what changed.
"""


def test_a_plural_term_defined_as_is_asked_with_are() -> None:
    questions = asked(NOTE)
    assert (
        questions.get("what are rounds?")
        == "Fixed walks a keeper repeats at the same hour, triggered by the tide table"
    ), questions
    assert "what is rounds?" not in questions
