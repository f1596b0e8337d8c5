"""Casing from batch57's blind first run (issue 11): a title-case label keeps its capitals, never half of them.

Batch57 (12 fresh notes, 056cbbc) asked Eisenmann's named failure patterns '**Speed Trap**' and '**Help Wanted**'
as 'what is a speed Trap?' and 'what is a help Wanted?' (T2 from every judge: right idea, wrong casing), while
'**False Start**' was asked 'what is False Start?' (T3 from every judge): the first word was lowered because the
note writes it in lower case elsewhere, the second was not. The note is invented for this test; it fails on
d739669, the code before the fix.
"""

from __future__ import annotations

from noteutil import asked

PATTERNS = """---
id: ferraro-failure-modes
title: Failure Modes of Young Companies
author: Lucia Ferraro
---
Lucia Ferraro's 2020 book on why new ventures fail, built on interviews with founders.

## Central argument
Ferraro names the patterns that sink late-stage ventures:

- **Growth Cliff**: a venture scales acquisition before retention holds, and each new cohort churns faster than the last.
- **Cash Squeeze**: a venture cannot raise its next round because investors lose interest when markets turn.

Growth alone is no defence, and a squeeze on cash usually arrives when the team is least ready.
"""


def test_a_title_case_label_is_asked_whole() -> None:
    questions = asked(PATTERNS)
    assert "what is Growth Cliff?" in questions, questions
    assert "what is Cash Squeeze?" in questions, questions
    assert not any(" growth Cliff" in question or " cash Squeeze" in question for question in questions), questions
