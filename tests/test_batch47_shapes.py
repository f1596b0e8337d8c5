"""Shapes from batch47's blind first run (issue 11): a T0 every judge gave, and ideas the generator could not ask.

Batch47 (12 fresh notes, f2ae128): T0 from every judge, 'what has happened to a p-value assumes the same test
would?' — 'Applied to any dataset' ('A p-value assumes the same test would have been applied …' read as a
'has been' claim). Six notes got no card; among the ideas the curator asked and the generator had no shape for:
a condition stated as the idea ('Privacy is violated when …', 'People reach the conclusion they want only if
…'), a cause whose effect opens on 'A' ('A researcher can run one analysis and still …, because …': the
capital 'A' made the question ungrammatical), and the authors' framing ('The authors treat a firm's value as
…'). The notes are invented for these tests, in the shapes batch47's notes had. Each test fails on f2ae128.
"""

from __future__ import annotations

from pathlib import Path

from noteutil import generated_cards

from deckgen.authoring.importers import convert
from deckgen.authoring.importing import render_note
from deckgen.cards.generate import note_cards
from deckgen.sources.notes import parse_note

FRESH = Path(__file__).resolve().parent / "fixtures" / "fresh"

NOTE = """---
id: ortiz-quiet-rooms
title: Quiet Rooms
author: Lena Ortiz and Sam Pike
---
Lena Ortiz and Sam Pike's 2019 paper on meeting rooms and the decisions made in them.

## Central argument
The authors treat a team's calendar as the record of its real priorities, whatever the roadmap says.
Trust is broken when a decision made in a meeting is reversed in a private message.
Teams adopt a new ritual only if the people who run it can show it saves them time.
An outage ends only when someone with authority declares the incident closed.
A manager can hold one meeting a week and still lose the team's attention, because the meeting is where decisions are announced, not made.
A forecast assumes the same team would have been staffed for the whole quarter.

## Why it matters for product
The length of a planning meeting should depend on how reversible the decision is.
"""


def _cards() -> dict[str, tuple[str, str]]:
    return generated_cards(NOTE)


def _asked(fragment: str) -> list[tuple[str, str]]:
    return [(front, back) for front, back in _cards().values() if fragment in front]


def test_a_modal_before_has_been_is_no_has_been_claim() -> None:
    cards = _cards()
    assert not [front for front, _ in cards.values() if "has happened to" in front], cards
    # batch47's own note, imported as `deckgen import` does: the sentence is asked for what it says
    path = next((FRESH / "batch47").glob("gelman-loken-*.md"))
    note = parse_note(render_note(convert(path.read_text(encoding="utf-8"), path, path.name), "gelman"), path.name)
    asked = {c.front.split("', ")[-1]: c.back for c in note_cards(note) if c.origin != "authored"}
    assert not [front for front in asked if "has happened to" in front], asked
    assert asked.get("what does a p-value assume?") == "The same test would have been applied to any dataset"


def test_a_condition_stated_as_the_idea_is_asked_as_one() -> None:
    assert _asked("when is trust broken?") == [
        (
            "According to Ortiz and Pike's 'Quiet Rooms', when is trust broken?",
            "A decision made in a meeting is reversed in a private message",
        )
    ]
    assert _asked("under what condition do teams adopt a new ritual?") == [
        (
            "According to Ortiz and Pike's 'Quiet Rooms', under what condition do teams adopt a new ritual?",
            "Only if the people who run it can show it saves them time",
        )
    ]
    assert _asked("when does an outage end?") == [
        (
            "According to Ortiz and Pike's 'Quiet Rooms', when does an outage end?",
            "Only when someone with authority declares the incident closed",
        )
    ]


def test_a_condition_on_a_vague_subject_is_not_asked() -> None:
    note = NOTE.replace("An outage ends only when", "The gains come only when")
    assert not [front for front, _ in generated_cards(note).values() if "the gains" in front.lower()]


def test_a_cause_whose_effect_opens_on_a_is_asked_in_lower_case() -> None:
    assert _asked("what explains why a manager can hold one meeting a week and still lose the team's attention?")


def test_the_authors_framing_is_asked() -> None:
    assert _asked("what do the authors treat a team's calendar as?") == [
        (
            "According to Ortiz and Pike's 'Quiet Rooms', what do the authors treat a team's calendar as?",
            "The record of its real priorities, whatever the roadmap says",
        )
    ]


def test_an_embedded_question_is_a_whole_answer() -> None:
    backs = [back for _, back in _asked("what should the length of a planning meeting depend on?")]
    assert backs and set(backs) == {"How reversible the decision is"}
