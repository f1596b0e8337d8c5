"""Shapes from batch84's blind first run (issue 11): three T0 cards from every judge, all on one note's definitions.

- 'the physical setting …, which she calls the *servicescape*, strongly affects service outcomes' asked 'what is the
  servicescape?' — 'Strongly affects service outcomes' (the sentence's verb, not a gloss).
- '**Environmental dimensions**: ambient conditions (…); space and function (…); and signs, symbols and artifacts (…)'
  was answered with the first of the three parts.
- '**Holistic perception**: people take in these dimensions as one overall impression …' was answered 'People take'
  (the tail that points back was cut, and with it most of the gloss).
The note is written in our own words for this test; each test fails on 1635b46.
"""

from __future__ import annotations

from noteutil import asked, imported_pairs

NOTE = """---
id: okafor-harbour-habits-eighteen
title: Harbourscapes
author: Ada Okafor
---
Ada Okafor's study of harbour settings.

## Central argument
Okafor argues that the quay where boats are served, which she calls the *harbourscape*, strongly affects how crews behave.

1. **Harbour dimensions**: weather conditions (wind, tide, fog); space and layout (berths, cranes, sheds); and signs and markers (buoys, flags, lights).
2. **Whole impression**: crews take in these dimensions as one overall feeling rather than one by one.

## Critique
The study covers two northern harbours only.
"""


def test_the_verb_after_a_coined_term_is_no_gloss() -> None:
    assert not any(b.startswith("Strongly affects") for b in asked(NOTE).values()), asked(NOTE)
    cards = imported_pairs("batch84", "bitner-*.md", "bitner-servicescapes")
    assert not any(back.startswith("Strongly affects") for _, back in cards), cards


def test_the_first_of_three_parts_is_no_definition() -> None:
    assert not any(b.startswith("Weather conditions") for b in asked(NOTE).values()), asked(NOTE)
    cards = imported_pairs("batch84", "bitner-*.md", "bitner-servicescapes")
    assert not any(back.startswith("Ambient conditions") for _, back in cards), cards


def test_a_gloss_is_not_cut_to_its_first_two_words() -> None:
    assert "Crews take" not in asked(NOTE).values(), asked(NOTE)
    cards = imported_pairs("batch84", "bitner-*.md", "bitner-servicescapes")
    assert not any(back == "People take" for _, back in cards), cards
