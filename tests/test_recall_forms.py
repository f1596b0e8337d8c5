"""More good cards per note without new T0s (issue 11, iteration 15).

The note below is invented for these tests: one sentence per new card form (a counted list whose
parts carry their own glosses between semicolons, with its whole counted in the sentence before; a
ranked thing named after 'is the riskiest …'; 'X requires A more than B') and one per T0 shape the
fourteenth iteration still shipped on batch15 (a question cut inside 'not by luck or', 'whether that
matters', a plural label given 'is', a clause given as a definition, a two-part list whose first part
was cut at its own preposition).
"""

from __future__ import annotations

from noteutil import generated_cards

NOTE = """---
id: lighthouses
title: The Lighthouse Keepers
author: Ines Valdivia
---
Ines Valdivia's 2011 book on how coastal lighthouse services stay reliable.

## Central argument
Valdivia argues that reliability comes not by luck or because a few heroic keepers hold the line, but because of the routines of the station itself. Outages, she says, arise in a handful of situations. Three of them lie within the station: worn lamps, which keepers tend to overlook because they still glow; flooded stores, where one leaking door spoils a season of supplies; and missed handovers between night and day crews, which leave the log blank. Keeping a light in the end requires steady, boring, repeated care more than courage or skill. Every station is in one of three moods: drifting, where the log goes unread for weeks; coping, where repairs wait for calm weather; and thriving, where drills run every month. Good keepers rest on three habits: check lamps; log weather; and insist on written handovers between crews. The stations sit on two axes: *leaning on* versus *looking after*, and *lamps* versus *the sea*.

The book is also about **weather**: a station's crew behaves like a small ship, and a storm changes every duty at once.
- Rules: log every flash, not personal impressions; check the lens at dusk.

## Critique
The evidence is a few Atlantic stations, and the book has little on funding; crews come back every spring, but pay decides whether that matters.

## Why it matters for product
Unannounced drills at night are the most useful habit of an on-call team, since they expose gaps before outages do. The handovers at dusk are the riskiest hour of a shift, since each crew assumes the other is watching.
"""


def _cards() -> dict[str, tuple[str, str]]:
    return generated_cards(NOTE)


def _asked(fragment: str) -> list[tuple[str, str]]:
    return [(front, back) for front, back in _cards().values() if fragment in front]


def test_a_counted_list_of_glossed_parts_names_its_whole_and_cuts_each_part_at_its_gloss() -> None:
    assert _asked("what three situations lie within the station?") == [
        (
            "According to Valdivia's 'The Lighthouse Keepers', what three situations lie within the station?",
            "Worn lamps, flooded stores, missed handovers",
        )
    ]


def test_a_ranked_thing_is_asked_with_its_superlative_and_a_verb_that_agrees() -> None:
    assert _asked("what is the riskiest hour") == [
        (
            "According to the note on Valdivia's 'The Lighthouse Keepers', what is the riskiest hour of a shift?",
            "The handovers at dusk",
        )
    ]
    # 'Night drills are the most useful habit': the ranked thing is singular, so the question says 'is'
    assert [f for f, _ in _asked("most useful habit")] == [
        "According to the note on Valdivia's 'The Lighthouse Keepers', what is the most useful habit of an on-call team?"
    ]


def test_a_counted_list_whose_sentence_says_every_x_is_in_one_of_them_is_asked_by_that_whole() -> None:
    assert _asked("three moods") == [
        (
            "According to Valdivia's 'The Lighthouse Keepers', what are the three moods every station can be in?",
            "Drifting, coping, thriving",
        )
    ]


def test_a_part_of_advice_is_not_cut_at_its_preposition() -> None:
    # 'insist on written handovers …' cut at 'on' would leave 'insist': no card rather than a part that says nothing
    assert not [b for _, b in _cards().values() if b.lower().endswith("insist")]


def test_what_a_thing_requires_more_than_something_else_is_asked() -> None:
    assert _asked("require more than") == [
        (
            "According to Valdivia's 'The Lighthouse Keepers', what does keeping a light require more than courage or skill?",
            "Steady, boring, repeated care",
        )
    ]


def test_no_question_is_cut_inside_a_coordination_or_asks_the_denied_reason() -> None:
    assert not [f for f, _ in _cards().values() if f.rstrip("?").endswith((" or", " and", " not"))]
    assert not [b for _, b in _cards().values() if "heroic keepers" in b]


def test_no_question_asks_about_a_clause_whose_subject_is_a_bare_pronoun() -> None:
    assert not _asked("whether that")


def test_a_plural_label_over_a_list_of_advice_is_not_defined_by_its_first_item() -> None:
    assert not _asked("what is rules")
    assert not [b for _, b in _cards().values() if b.lower().startswith("log every flash")]


def test_a_clause_after_a_colon_is_not_given_as_a_definition() -> None:
    assert not _asked("what is weather?")


def test_a_paired_part_of_a_two_part_list_is_kept_whole() -> None:
    assert [b for _, b in _asked("two axes")] == ["Leaning on versus looking after, lamps versus the sea"]
