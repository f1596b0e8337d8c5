"""Two T0 shapes from batch59's blind first run (issue 11): a verb addressed to the reader read as a subject or
an effect.

- 'Suppose journals publish only …' was asked 'what do suppose journals publish?' (T0 from all four judges).
- '…, so expect shipped "+8%" results to shrink' was asked 'what explains why expect shipped "+8%" results to
  shrink?' (T0 from all four judges: broken, and the reason given was not the note's).
The notes are written in our own words for this test; each test fails on db7ad91, the code batch59 measured.
"""

from __future__ import annotations

from noteutil import asked

NOTE = """---
id: okafor-harbour-records
title: Harbour Records
author: Ada Okafor
---
Ada Okafor's 2017 paper on what harbour logs leave out.

## Central argument
Okafor starts from an extreme case: suppose keepers log only the storms that sank a boat, while the other storms go unrecorded.
A reader of the logs would then see every storm as deadly.

## Why it matters for product
A small harbour's log is often too short. Its losses are more likely to be flukes, and even true losses will look bigger than they are, so expect published "12%" loss rates to shrink.
"""


def test_a_supposition_is_not_a_subject() -> None:
    questions = asked(NOTE)
    assert not any("suppose" in question.lower() for question in questions), questions


def test_an_instruction_after_so_is_not_an_effect() -> None:
    questions = asked(NOTE)
    assert not any("why expect" in question for question in questions), questions
