"""A study's results are asked, and a long title is cut at its subtitle (issue 11, recall).

'Leaving the first task unfinished produced more residue …' (a form the tenth session took back: its cards were
rated low) and 'Groups whose members had been together for two to four years did best' were never asked: the plain 'S V O' rule reads present
tense only and takes no subject clause. A title such as 'Why Is It So Hard to Do My Work? The
Challenge of …' made every question of its note too long to ship, so the note got no card. The
note is invented for these tests; each test fails on the code before this change.
"""

from __future__ import annotations

from noteutil import generated_cards

from deckgen.cards.rules.text import short_title
from deckgen.core.model import Note

NOTE = """---
id: lantern-residue
title: Why Do Keepers Miss Signals? The Problem of Lingering Attention When Switching Between Watch Duties
author: Ada Fenwick
---
Ada Fenwick's 2012 paper on attention in lighthouse crews.

## Central argument
Leaving the first watch unfinished produced more lingering attention and slower replies on the second.
Crews whose keepers had served together for three to five years did best.
This produced no change.
Their main finding is that watch time is a shared system that crews can redesign together.

## Critique
The crews were small.

## Why it matters for product
Close loops before switching.
"""

ESSAY = "Fenwick's 'Why Do Keepers Miss Signals?'"


def _asked(fragment: str) -> list[tuple[str, str]]:
    return [(front, back) for front, back in generated_cards(NOTE).values() if fragment in front]


def test_a_long_title_is_cut_at_its_question_mark_or_dash() -> None:
    title = "Why Is It So Hard to Do My Work? The Challenge of Attention Residue When Switching Between Work Tasks"
    assert short_title(Note(id="n", path="p", title=title)) == "Why Is It So Hard to Do My Work?"
    assert short_title(Note(id="n", path="p", title="Lean Analytics — Use Data to Build a Better Startup")) == (
        "Lean Analytics"
    )
    assert short_title(Note(id="n", path="p", title="Do Defaults Save Lives?")) == "Do Defaults Save Lives?"


def test_what_an_act_produced_is_no_longer_asked() -> None:
    # the tenth session took the form back: 1 of 16 ratings T2/T3 (test_session10_prunes.py)
    assert _asked("leaving") == []


def test_who_did_best_is_asked_by_its_head_noun() -> None:
    assert _asked("which crews") == [
        (
            f"According to {ESSAY}, which crews did best?",
            "Crews whose keepers had served together for three to five years",
        )
    ]


def test_a_result_whose_subject_points_back_is_not_asked() -> None:
    assert _asked("this") == []


def test_the_claim_after_a_named_finding_is_asked() -> None:
    assert _asked("watch time") == [
        (f"According to {ESSAY}, what is watch time?", "A shared system that crews can redesign together")
    ]


TERM_NOTE = """---
id: harbour-lattice
title: A Harbour Is Not a Ladder
author: Ada Fenwick
---
Ada Fenwick's 1970 essay on how harbours grow.

## Central argument
A ladder puts every berth under exactly one quay. A lattice lets a berth belong to several quays.
Living harbours are lattices.
Everything else is hidden.

## Critique
Lattices are hard to draw.

## Why it matters for product
Menus are ladders; tags make lattices.
"""


def test_a_one_word_answer_is_asked_when_it_is_a_term_the_note_keeps_using() -> None:
    cards = [(front, back) for front, back in generated_cards(TERM_NOTE).values()]
    # since the answer floor (ideas._ANSWER_FLOOR: claims under 4 words 16% T2/T3 on the fresh first runs) a one-word
    # term is no answer either; the floor, not this rule, refuses it
    assert ("According to Fenwick's 'A Harbour Is Not a Ladder', what are living harbours?", "Lattices") not in cards
    assert not any("everything else" in front for front, _ in cards)
