"""Shapes from batch68's blind first run (issue 11): cards rated T0 by every judge, or by three of four.

- '… before launching the test: what the null hypothesis is, what unit is randomised, and what comparison will be
  made' was asked 'what is a sign of randomised, and what comparison will be made?': 'test:' inside a sentence
  is no diagnostic label.
- 'If your product depends on an app store, a search engine, a cloud provider or a social platform, you are …'
  was asked 'what follows if your product depends on an app store?' — 'A search engine, a cloud provider or a
  social platform': the condition was a series, cut at its first comma.
- 'Keep the build fast (the XP guideline is around ten minutes)' was asked 'what is build fast?': a parenthesis
  that is a sentence of its own glosses nothing.
- 'The paper measures but cannot explain the gap' was asked 'what explains the gap?' — 'The paper measures but
  cannot'.
The notes are written in our own words for this test; each test fails on 545055d.
"""

from __future__ import annotations

from noteutil import asked

NOTE = """---
id: okafor-harbour-trials
title: Harbour Trials
author: Ada Okafor
---
Ada Okafor's guide to testing changes in a harbour.

## Central argument
The single most useful habit is to write the plan before launching the test: what the expected result is, what berth is randomised, and what comparison will be made.
Keep the queue short (the old harbour guideline is around six boats), moving slow vessels to later slots.
The guide measures but cannot explain the delay between the two harbours.

## Critique
The guide covers two northern harbours only.

## Why it matters for product
If your product depends on a marketplace, a payment network, a map provider or an ad platform, you are living on someone else's terms. Track which layer you occupy.
"""


def test_a_test_word_inside_a_sentence_is_no_diagnostic() -> None:
    assert not any(q.startswith("what is a sign of") for q in asked(NOTE)), asked(NOTE)


def test_a_condition_holding_a_series_is_not_cut_at_its_first_comma() -> None:
    questions = asked(NOTE)
    assert not any(q.startswith("what follows if your product depends on a marketplace") for q in questions), questions


def test_a_parenthesis_that_is_a_sentence_glosses_nothing() -> None:
    assert not any("queue short" in q or q == "what is queue short?" for q in asked(NOTE)), asked(NOTE)


def test_a_subject_ending_on_a_modal_is_a_clause() -> None:
    answers = asked(NOTE).values()
    assert not any(answer.endswith("cannot") for answer in answers), list(answers)
