"""An answer ends where the sentence ends a phrase, and a claim or critique answers for its own verb's subject.

The note below is invented for these tests (issue 11, iteration 14), one sentence per T0 shape that
main still shipped on the judged batches: an answer cut after 'a claim that <noun>' or 'whether the
<noun>' (the verb left in the note), a year and a modifier cut from their noun at a comma, a bullet's
label given as the subject of the next sentence's verb, and a critique verb whose subject sits in a
subordinate clause credited to the essay ('the operator simply doesn't care', 'show that winning … doesn't').
"""

from __future__ import annotations

from noteutil import generated_cards

from deckgen.core.cardrules import broken_text

NOTE = """---
id: ferries
title: The Ferry Timetable
author: Odile Marchetti
---
Odile Marchetti's 2019 essay on how island ferry lines keep their travellers.

## Central argument
Beneath the case studies is a claim that rhythm beats speed: a steady crew does more for punctuality than a faster hull.

- A ladder, not a ring. Cargo feeds tourism and punctuality drives loyalty, but a straight ladder hides those loops.
- Freight last reflects the 1998 cheap, subsidised island trade. For tourist routes it is often the first signal, not the last.

## Critique
The evidence is a dozen ports Marchetti visited herself, so the essay is also a travelogue, and it offers no way of judging whether the rotas beat alternatives. The method assumes every port has a harbour master; it is thinner on routes where traffic is tiny or the operator simply doesn't care about the islanders. Several of her ports show that winning a route with low fares doesn't make the lead last.

## Why it matters for product
Product teams should plan for the quiet months first.
"""


def _cards() -> dict[str, tuple[str, str]]:
    return generated_cards(NOTE, "content/ferries.md")


def _answers() -> list[str]:
    return [back for _, back in _cards().values()]


def test_an_answer_is_not_cut_after_a_claim_that_and_its_subject() -> None:
    # 'what beats speed?' -> 'Beneath the case studies is a claim that rhythm' (T0 shape: 'a claim that process')
    assert not any(a.endswith("a claim that rhythm") for a in _answers())


def test_an_answer_is_not_cut_after_whether_and_its_subject() -> None:
    # 'what beats alternatives?' -> 'Offers no way of judging whether the rotas'
    assert not any(a.endswith("whether the rotas") for a in _answers())


def test_an_answer_is_not_a_year_and_a_modifier_without_their_noun() -> None:
    # 'what does freight last reflect?' -> 'The 1998 cheap' ('cheap, subsidised island trade' in the note)
    assert "The 1998 cheap" not in _answers()


def test_a_bullet_label_is_not_the_subject_of_the_next_sentences_verb() -> None:
    # 'what drives loyalty?' -> 'A ladder': the note says punctuality drives loyalty
    assert "A ladder" not in _answers()


def test_a_negation_in_a_subordinate_clause_is_not_the_essays_failure() -> None:
    # '… routes where … the operator simply doesn't care about the islanders' is the operator's, not the essay's
    assert "Care about the islanders" not in _answers()
    # '… ports show that winning a route with low fares doesn't make the lead last' is the strategy's
    assert "Make the lead last" not in _answers()


def test_the_critique_of_the_same_sentence_still_ships() -> None:
    # the guard: the essay's own verb in the same sentence is still asked (main made the 'fails to do' card instead)
    assert _cards().get("g.critique.method-assumes", ("", ""))[1] == "Every port has a harbour master"


def test_the_rulebook_names_a_cut_that_clause() -> None:
    source = "Underneath is a claim that speed beats rhythm. It ships a model that rivals won't copy."
    assert any("'that/whether'" in p for p in broken_text("What beats rhythm?", "A claim that speed", source))
    assert broken_text("What does it ship?", "A model that rivals won't copy", source) == []


def test_the_rulebook_names_a_year_cut_from_its_noun() -> None:
    source = "Fares reflect the 1998 cheap, subsidised island trade."
    assert any("year" in p for p in broken_text("What do fares reflect?", "The 1998 cheap", source))
    assert broken_text("What do fares reflect?", "The 1998 cheap, subsidised island trade", source) == []
