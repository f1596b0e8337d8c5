"""Shapes from batch76's blind first run (issue 11): four cards T0 from every one of four judges.

- 'Student points out that with only a few observations this understates uncertainty, because …' was asked 'what
  explains why student points out that …?': the reporting frame goes, and what is left names nothing ('this').
- '… It treats that as a public good' was asked 'What does the note say the work treats that as?'.
- '**Localisation and onboarding**: the dimensions suggest *hypotheses* worth testing' was asked 'what is
  localisation and onboarding?': an application's heading and a claim about it.
- 'government should hold back from directing production' was asked 'what should government hold?' — 'Back from …'.
The notes are written in our own words for this test; each test fails on 0d512d5.
"""

from __future__ import annotations

from noteutil import asked, imported_pairs

NOTE = """---
id: okafor-harbour-habits-nine
title: Harbour Habits
author: Ada Okafor
---
Ada Okafor's field guide to harbour keeping.

## Central argument
Okafor points out that with only a few boats this underestimates the risk, because a single storm can empty a quay.
The harbourmaster should hold back from assigning berths by seniority.

## Critique
The guide praises the shared slipway. It treats that as a public good without asking who pays for it.

## Why it matters for product
- **Pricing and packaging**: the tides suggest a rhythm worth copying. For example, busy seasons may justify higher fees.
"""


def test_a_reporting_frame_is_no_effect() -> None:
    assert not any("points out" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch76", "student-*.txt", "student-probable-error")
    assert not any("points out that" in front for front, _ in cards), cards


def test_treats_that_as_names_nothing() -> None:
    assert not any(q.endswith("treats that as?") for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch76", "gertner-*.txt", "gertner-idea-factory")
    assert not any(front.endswith("treats that as?") for front, _ in cards), cards


def test_an_application_heading_with_a_claim_is_no_term() -> None:
    assert "what is pricing and packaging?" not in asked(NOTE), asked(NOTE)
    cards = imported_pairs("batch76", "hofstede-*.md", "hofstede-cultures-consequences")
    assert not any(front.endswith("what is localisation and onboarding?") for front, _ in cards), cards


def test_a_particle_is_no_object() -> None:
    assert not any(a.startswith("Back from") for a in asked(NOTE).values()), asked(NOTE)
    cards = imported_pairs("batch76", "read-*.txt", "read-i-pencil")
    assert not any(back.startswith("Back from") for _, back in cards), cards
