"""Batch85's one T0 from every judge for the rules generator: '*Patterns of Conflict* is the longest and best known'
asked 'what is patterns of Conflict?' — the work, set in italics as a title, read as a term. A title that names a concept
('The Illusion of Control') is still asked. The note is written in our own words; the test fails on 87f3f24.
"""

from __future__ import annotations

from noteutil import asked, imported_pairs

NOTE = """---
id: okafor-harbour-habits-nineteen
title: Tides of Trade
author: Ada Okafor
---
Ada Okafor never wrote a book; her talks survive as charts.

## Central argument
Of her talks, *Tides of Trade* is the longest and best known.
Harbours grow along the routes their keepers already use.
"""


def test_the_work_in_italics_is_no_term() -> None:
    assert not any(q.endswith("what is tides of Trade?") or "tides of trade?" in q.lower() for q in asked(NOTE))
    cards = imported_pairs("batch85", "boyd-*.md", "boyd-patterns-of-conflict")
    assert not any("what is patterns of conflict?" in front.lower() for front, _ in cards), cards
