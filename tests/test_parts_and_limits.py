"""Lists asked by their own verb and critique limits of a named part (issue 11, iteration 11).

The largest classes of key ideas the generator missed were lists of parts and critique
points (scripts/missed_ideas.py). Each test is a development note written for this file,
not a batch note: one card form each, and the sentences where that form must stay silent.
"""

from __future__ import annotations

from deckgen.cards.generate import note_cards
from deckgen.cards.rules.ideas import candidates
from deckgen.core.model import Note
from deckgen.sources.notes import parse_note

NOTE = """---
id: orchard
title: The Patient Orchard
author: Ilse Varga
---
Ilse Varga, an agronomist, wrote this 2021 book about running a fruit orchard for decades rather than seasons, drawn from the farms of her valley.

## Central argument
Varga argues that an orchard is a slow system where today's pruning decides the harvest five years later. Healthy yields grow from three habits: pruning (cutting for light), grafting (joining a hardy root to a good fruit) and mulching (keeping the soil covered). Good harvests rest on two supports: steady water, so trees never stress, and clean tools, so cuts heal. Her method has three parts: soil (what to test), water (when to irrigate) and light (where to thin).

## Critique
Soil tests can show which nutrients are missing, but they cannot predict frost, hail or a dry summer, and growers often treat a good test as a promise. The orchard calendar assumes a grower who owns the land outright, which few young growers do. The book cannot tell a reader how to finance the first barren years. It cannot predict the price of apples either. The pruning guide fits small family farms far better than large commercial farms, where crews prune to a quota. More importantly, the yield chart measures how well a tree crops, not whether it pays for its water. The grafting chapter fits cold valleys better than coastal hills. The evidence is twelve orchards in one river valley, all of them on the same soil. The cases are mostly praised by their owners.

## Why it matters for product
A roadmap is an orchard: the work that pays off in five years is planted now.
"""


def _note() -> Note:
    return parse_note(NOTE, "content/orchard.md")


def _cards() -> dict[str, tuple[str, str]]:
    return {i.card.key: (i.card.front, i.card.back) for i in candidates(_note())}


def test_a_list_with_glossed_parts_is_asked_by_its_own_verb() -> None:
    front, back = _cards()["g.list.habits"]
    assert front == "According to Varga's 'The Patient Orchard', what three habits do healthy yields grow from?", front
    assert back == "Pruning, grafting, mulching"


def test_parts_that_carry_their_own_clause_are_kept_at_the_stated_count() -> None:
    front, back = _cards()["g.list.supports"]
    assert front == "According to Varga's 'The Patient Orchard', what two supports do good harvests rest on?", front
    assert back == "Steady water, clean tools"


def test_a_glossed_list_with_no_named_whole_is_not_asked() -> None:
    # 'Good harvests rest on two supports: steady water, so trees never stress, and clean tools, so cuts heal. Her method has three parts:' — 'her method' needs the sentence before, and 'what are the three parts?' names no whole
    assert not any("three parts" in front for front, _ in _cards().values())


def test_a_critique_limit_names_the_part_and_keeps_the_whole_list() -> None:
    front, back = _cards()["g.critique.soil-tests-predict"]
    assert front == "What does the note on Varga's 'The Patient Orchard' say soil tests cannot predict?", front
    assert back == "Frost, hail or a dry summer"


def test_fits_better_than_asks_the_kind_both_sides_share() -> None:
    front, back = _cards()["g.critique.pruning-guide-fits"]
    assert (
        front == "What kind of farms does the note on Varga's 'The Patient Orchard' say the pruning guide fits poorly?"
    )
    assert back == "Large commercial farms"
    # 'cold valleys' and 'coastal hills' share no kind: 'what kind of … fits poorly' would have to guess one
    assert "g.critique.grafting-chapter-fits" not in _cards()


def test_not_whether_resolves_the_pronoun_to_the_first_clauses_thing() -> None:
    front, back = _cards()["g.critique.yield-chart-measure"]
    assert front == "What does the note on Varga's 'The Patient Orchard' say the yield chart does not measure?", front
    assert back == "Whether a tree pays for its water"


def test_what_the_evidence_is_asked_as_the_notes_point() -> None:
    front, back = _cards()["g.critique.evidence"]
    # the question names whose evidence and asks its kind (tests/test_evidence_questions.py)
    assert front == "What kind of evidence does the note on Varga's 'The Patient Orchard' say the book rests on?", front
    assert back == "Twelve orchards in one river valley"
    # 'the cases are praised by …' is passive: 'what are the cases?' would not ask what the note says
    assert "g.critique.cases" not in _cards()


def test_a_limit_of_the_whole_work_or_a_pronoun_asks_nothing() -> None:
    # 'The book cannot tell …' and 'It cannot predict …' name no part: the question would fit any criticism
    answers = [back.lower() for _, back in _cards().values()]
    assert not any("finance" in back or "apples" in back for back in answers), answers


def test_the_new_forms_ship() -> None:
    shipped = {c.key for c in note_cards(_note())}
    assert {"g.list.habits", "g.critique.soil-tests-predict"} <= shipped
