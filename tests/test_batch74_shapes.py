"""Shapes from batch74's blind first run (issue 11).

- 'And claims that a new technology will transform everything recur with each generation …' was asked 'what will a
  new technology transform?' — 'Everything recur with each generation …' (T0 from every judge): 'And' was read as an
  author reporting a claim; 'claims' is the sentence's subject.
- '**Your own org**: PMs learn the craft by …' was asked 'what is your own org?' (T0 from every judge).
- 'where your data is thick (common queries) and thin (the long tail)' was asked 'what is thin?' (T0 from three).
- 'Many of the examples come from the Java enterprise era' was asked 'where do many of the examples come from?' (T0
  from every judge): the book's own cases, named without the book.
- 'plus two other tools:' named a list 'the two other tools' ("what are 'Constraints', one of the two other
  tools?", T1): other than what?
- 'The order explains the design' was asked 'what explains the design?' — 'The order' (T1 from every judge).
- 'Open Science Collaboration' was named 'Collaboration' ("In Collaboration's 'Estimating …'"): an organisation is
  one author, named whole; '(Heroku)' and '(eds.)' lose their brackets and the editors' mark.
The notes are written in our own words for this test; each test fails on 081e52d.
"""

from __future__ import annotations

from noteutil import asked, imported_pairs

from deckgen.core.model import Note

NOTE = """---
id: okafor-harbour-habits-seven
title: Harbour Habits
author: Ada Okafor
---
Ada Okafor's field guide to harbour keeping.

## Central argument
A keeper has berths and moorings, plus two other tools:

1. **Buoys**: floating markers that show the channel at night.
2. **Bells**: sounds that warn boats in fog.

The tide explains the schedule. And claims that a new crane will change everything recur with each season, in much the same words.

## Critique
- Many of the examples come from the northern harbours.

## Why it matters for product
- **Your own team**: keepers learn the trade by doing real repairs, not by reading manuals.
- Be honest about where your berths are deep (the inner basin) and shallow (the outer quay), because boats will follow that split.
"""


def test_and_is_no_author() -> None:
    assert not any(a.startswith("Everything recur") for a in asked(NOTE).values()), asked(NOTE)
    cards = imported_pairs("batch74", "edgerton-*.md", "edgerton-shock-of-the-old")
    assert not any(back.startswith("Everything recur") for _, back in cards), cards


def test_your_own_label_is_no_term() -> None:
    assert "what is your own team?" not in asked(NOTE), asked(NOTE)
    cards = imported_pairs("batch74", "brown-duguid-*.md", "brown-duguid-communities-of-practice")
    assert not any(front.endswith("what is your own org?") for front, _ in cards), cards


def test_a_word_after_is_is_no_term() -> None:
    assert "what is shallow?" not in asked(NOTE), asked(NOTE)
    cards = imported_pairs("batch74", "halevy-*.md", "halevy-unreasonable-effectiveness")
    assert not any(front.endswith("what is thin?") for front, _ in cards), cards


def test_the_works_examples_have_no_source() -> None:
    cards = imported_pairs("batch74", "nygard-*.md", "nygard-release-it")
    assert not any("many of the examples come from" in front for front, _ in cards), cards


def test_other_names_no_list() -> None:
    assert not any("one of the two other tools" in q for q in asked(NOTE)), asked(NOTE)
    cards = imported_pairs("batch74", "norman-*.md", "norman-affordance")
    assert not any("one of the two other tools" in front for front, _ in cards), cards


def test_a_vague_answer_explains_nothing() -> None:
    assert "what explains the schedule?" not in asked(NOTE), asked(NOTE)
    cards = imported_pairs("batch74", "clark-*.txt", "clark-darpa-design-philosophy")
    assert not any(back == "The order" for _, back in cards), cards


def test_an_organisation_is_one_author() -> None:
    assert Note(path="x.md", id="x", title="T", author="Open Science Collaboration").byline == (
        "Open Science Collaboration"
    )
    assert Note(path="x.md", id="x", title="T", author="(Heroku)").byline == "Heroku"
    assert Note(path="x.md", id="x", title="T", author="Titus Winters, Tom Manshreck, Hyrum Wright (eds.)").byline == (
        "Winters, Manshreck and Wright"
    )
    cards = imported_pairs("batch74", "open-science-*.txt", "open-science-reproducibility")
    assert not any("Collaboration's" in front and "Open Science" not in front for front, _ in cards), cards
