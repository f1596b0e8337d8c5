"""A generated question asks 'where' of a place, never joins two sentences, and takes a verb's base form.

The note below is invented for these tests (issue 11, after the batch17 blind run). Its Critique
has the shape of two batch17 T0 cards, in other words: a place complement ('can sit inside a
hurried mill') and a 'where' clause ('work where the foreman logs them') that the generator asked
with 'what' ('what can a patient drying shed sit?'). Main before this change made both cards from
this note. The other two batch17 T0s (a bullet label ending in a full stop, 'what is
power-oriented. Information?') and the card that surfaced once they were refused ('what do three
ideal types drawn from?') are tested on the rulebook itself.
"""

from __future__ import annotations

from noteutil import generated_cards

from deckgen.core.cardrules import base_verb_problem, names_nothing, unfaithful

NOTE = """---
id: sawmills
title: The Timber Year
author: Ines Okafor
---
Ines Okafor's 2019 field study of how small sawmills dry and sell their timber.

## Central argument
Okafor sorts the mills she visited into three kinds:
- Hurried — price-driven. Timber is a quick commodity, sold or burned within the month.
- Patient — grade-driven. Timber moves through two seasons of open air; buyers wait their turn.
- Mixed — order-driven. Each board waits for a buyer before it is dried.

Patient mills sell more of their stock as furniture grade, because slow drying splits fewer of the boards.

## Critique
Three kinds drawn from site visits and interviews, not from sales records, and real mills blend them: a patient drying shed can sit inside a hurried mill. Weekly moisture readings work where the foreman actually logs them.

## Why it matters for product
Ask how long a supplier dries its timber before you promise a delivery date.
"""


def _cards() -> dict[str, tuple[str, str]]:
    return generated_cards(NOTE, "content/sawmills.md")


def test_a_place_is_not_asked_with_what() -> None:
    fronts = [front for front, _ in _cards().values()]
    assert not any(
        front.endswith(("what can a patient drying shed sit?", "what do weekly moisture readings work?"))
        for front in fronts
    ), fronts


def test_a_cause_card_of_the_same_note_still_ships() -> None:
    # the guard: the rule refuses the place shapes, not every 'what' card of the note
    assert _cards().get("g.mechanism.patient-mills", ("", ""))[1] == "Slow drying splits fewer of the boards"


def test_a_question_that_runs_across_a_sentence_end_is_refused() -> None:
    question = "According to Okafor's 'The Timber Year', what is price-driven. Timber?"
    assert any("sentence end" in problem for problem in unfaithful(question, "A quick commodity", "", ""))
    # an abbreviation is no sentence end
    assert (
        unfaithful(
            "According to Okafor's 'The Timber Year', what do mills, e.g. Hurried ones, sell?", "Firewood", "", ""
        )
        == []
    )


def test_a_place_answer_to_a_what_question_is_refused_unless_the_verb_takes_a_preposition() -> None:
    assert unfaithful("In Okafor's 'The Timber Year', what can a shed sit?", "Inside a hurried mill", "", "")
    assert unfaithful("In Okafor's 'The Timber Year', what does a good shed depend on?", "On airflow", "", "") == []


def test_an_irregular_participle_is_not_a_base_form() -> None:
    # 'what do three ideal types drawn from?' surfaced on batch17 once the place card was refused
    for participle in ("drawn", "taken", "chosen", "driven"):
        assert base_verb_problem(participle), participle
    assert base_verb_problem("draw") == ""


def test_an_answer_of_vague_words_names_nothing() -> None:
    # batch17 'what is Miller's target?' -> 'A single, very common error'; batch18 'A further category'
    # and 'Quite reach' (T0 from every judge); batch4 'Fully solve' (T0) was caught without being read
    for answer in ("A further category", "A single, very common error", "The main problem", "Quite reach"):
        assert names_nothing(answer), answer
    # guards: a named thing, a bare article with its noun, a degree adverb that leads a real phrase
    for answer in ("A category error", "A role", "Defaults", "Quite reach the question of price"):
        assert names_nothing(answer) == "", answer


def test_a_count_is_an_answer_and_a_clause_that_opens_with_a_time_is_no_place() -> None:
    # curator cards the checks must leave alone (T3 'how many OKRs …?' -> 'One'; 'Over time, all …')
    assert unfaithful("In Okafor's 'The Timber Year', how many kilns should a small mill run?", "One", "", "") == []
    assert (
        unfaithful(
            "In Okafor's 'The Timber Year', what does the rule state?",
            "Over time, every kiln cracks some boards",
            "",
            "",
        )
        == []
    )
