"""Shapes batch45's blind judges rated T0/T1 (issue 11).

Batch45 (first run, 12 fresh notes, four judges in band): T0 from three judges of four, 'what is the
social-technical gap?' — 'The divide between what we know' (a coined term's gloss cut at the comma of an
aside, ', from years of field studies, that systems must …'); T1 from every judge, 'what is absorptive
capacity?' — '… new outside knowledge, assimilate it' (a series cut before its last part) and 'what
explains why such comparisons are limited?' ('such' points into the note). The note is invented for these
tests; each test fails on the code measured on batch45.
"""

from __future__ import annotations

from noteutil import generated_cards

NOTE = """---
id: marsh-tide-gap
title: The Tide Gap
author: Iris Marsh
---
Iris Marsh's 2021 essay on why harbour software keeps failing its pilots.

## Central argument
Marsh calls it the **pilot-chart gap**: the divide between what pilots know, from years of night crossings, that a chart must show and what a printer can actually draw.
Marsh defines tide reading as a crew's ability to recognise the value of new outside soundings, assimilate it, and apply it to commercial crossings.
Marsh starts from the harbour log, which compares this month's tide with last month's. Such comparisons are "limited", because two soundings, however labelled, cannot tell you whether a change means anything.
"""


def _cards() -> list[tuple[str, str]]:
    return list(generated_cards(NOTE).values())


def test_a_coined_gloss_is_never_cut_at_an_aside() -> None:
    answers = [back for _, back in _cards()]
    cut = [a for a in answers if a.startswith("The divide between what pilots know") and "chart must show" not in a]
    assert not cut, answers


def test_a_series_cut_before_its_last_part_is_refused() -> None:
    answers = [back for _, back in _cards()]
    assert not [a for a in answers if a.endswith(", assimilate it")], answers


def test_such_pointing_into_the_note_is_refused() -> None:
    fronts = [front for front, _ in _cards()]
    assert not [f for f in fronts if "such comparisons" in f], fronts
