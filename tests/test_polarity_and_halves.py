"""A card keeps its sentence's polarity and both halves of a pair, names a thing, and asks 'if not' only of a concept.

The note below is invented for these tests (issue 11, iteration 16). Each sentence has the shape of
one batch16 T0 class, in other words: a limiting adverb on the verb ('seldom', 'rarely'), a negation
whose subject is the sentence before ('That does not sink …'), a 'the more X, the more Y'
comparative, an answer that only points back ('The model'), and the 'what is X, if not Y?' contrast
built on the author's name and on a quoted imperative. Main's generator makes every one of these
cards from this note (checked against /work/main); the guards are the cards that must still ship.
"""

from __future__ import annotations

from noteutil import generated_cards

from deckgen.core.cardrules import unfaithful

NOTE = """---
id: orchards
title: The Orchard Ledger
author: Teodora Vasquez
---
Teodora Vasquez's 2021 book on how small orchards survive their first decade.

## Central argument
Vasquez argues that a young orchard seldom pays back on yield alone against one backed by a cooperative press and a loyal farm shop. Grafting spreads through a valley by imitation: as more growers grafted the hardy rootstock, more nurseries stocked it, and the more nurseries there were, the more growers grafted it, so the price of the rootstock fell with adoption. The ledger is a record of cash, not of fruit: **Rotation** means moving the pickers between blocks so no block is left unpicked for more than a week. Vasquez is clear that rotation is a habit of the crew, not the schedule itself.

Pruning is not a chore but an investment in next year's crop. Frost pockets, not poor soil, kill most young trees. The first harvest should go to the farm shop rather than to the wholesaler.

## Critique
The sample is eleven orchards in one valley, all of them family-run. That does not sink the argument about cooperatives, but it makes the valley a narrow base for claims about orchards in general. The book does not price the labour of the family. The model explains almost any failed harvest after the season but forecasts few before it. The book is thin on how to start; "plant in threes" is where the advice ends, not somewhere a new grower can begin.

## Why it matters for product
A better product rarely wins on features alone against one backed by an ecosystem and habits, unless it arrives with a shift that makes switching cheap.
"""


def _cards() -> dict[str, tuple[str, str]]:
    return generated_cards(NOTE, "content/orchards.md")


def _answers() -> list[str]:
    return [back for _, back in _cards().values()]


def _fronts() -> list[str]:
    return [front for front, _ in _cards().values()]


def test_a_limiting_adverb_is_not_dropped() -> None:
    # main: 'what does a better product win on?' -> 'Features alone against …' (the note: it *rarely* wins so)
    assert not any(a.startswith("Features alone") for a in _answers())


def test_a_negation_about_the_sentence_before_is_not_the_works_failure() -> None:
    # main: 'say the book fails to do?' -> 'Sink the argument about cooperatives' ('That does not sink …')
    assert "Sink the argument about cooperatives" not in _answers()


def test_a_negated_claim_about_the_work_keeps_its_polarity() -> None:
    # the guard: 'The book does not price the labour …' is the book's own failure, polarity carried by 'fails to'.
    # The generic 'say the book fails to do?' question is no longer shipped (it has as many
    # answers as the note has criticisms), so the polarity check itself is asked
    question = "What does the note on Vasquez's 'The Orchard Ledger' say the book fails to do?"
    problems = unfaithful(
        question, "Price the labour of the family", "The book does not price the labour of the family."
    )
    assert problems and not any("polarity" in p or "drops" in p for p in problems)


def test_a_the_more_comparative_is_not_cut_in_half() -> None:
    # main: 'what explains why the price of the rootstock fell?' -> 'Nurseries there were, the more growers grafted it'
    # (the clause splitter ate 'the more' of the first half; since cb403bd the comparative ships whole)
    halves = [a for a in _answers() if ", the more " in a.lower()]
    assert all(a.lower().startswith("the more ") for a in halves), halves
    assert not any(a.lower().startswith("nurseries there were") for a in _answers())


def test_an_answer_that_only_points_back_is_refused() -> None:
    # main: 'what explains almost any failed harvest after the season …?' -> 'The model'
    assert "The model" not in _answers()


def test_the_contrast_form_is_not_built_on_a_name_or_a_quotation() -> None:
    # main: 'what is vasquez, if not the schedule itself?' and 'what is "plant in threes", if not somewhere …?'
    assert not any("what is vasquez" in f or "plant in threes" in f for f in _fronts())


def test_the_contrast_form_on_a_concept_still_ships() -> None:
    # the guard: 'Pruning is not a chore but an investment …' defines a concept by what it is not
    assert _cards().get("g.contrast.pruning", ("", ""))[1] == "An investment in next year's crop"


def test_the_rulebook_names_each_class() -> None:
    from deckgen.core.cardrules import names_nothing, unfaithful  # noqa: PLC0415 (absent on main: the old-code run)

    source = "A cheap rival seldom wins on price alone, and the more stalls there are, the more buyers come."
    assert any("drops 'seldom'" in p for p in unfaithful("What does a cheap rival win on?", "Price alone", source))
    assert unfaithful("What does a cheap rival seldom win on?", "Price alone", source) == []
    assert any(
        "one half" in p for p in unfaithful("What brings buyers?", "Stalls there are, the more buyers come", source)
    )
    assert names_nothing("This approach") and names_nothing("It") and names_nothing("Clear that it is a means")
    assert names_nothing("The rootstock") == "" and names_nothing("A cooperative press") == ""
    contrast = "What is Ledger, if not somewhere to start?"
    assert unfaithful(contrast, "Where it ends", "The Ledger is where it ends, not somewhere to start.")


def test_a_reporting_clause_is_no_subject() -> None:
    # refusing Helmer's contrast surfaced 'what does Helmer concedes that every Power begin with?' (batch1)
    from deckgen.core.cardrules import noun_phrase_problem  # noqa: PLC0415

    assert noun_phrase_problem("Vasquez concedes that every orchard".split())
    assert noun_phrase_problem("the rules that every orchard".split()) == ""


def test_the_rulebook_reads_only_and_not_because_and_adjective_contrasts() -> None:
    from deckgen.core.cardrules import unfaithful  # noqa: PLC0415

    shop = "A farm shop can only sell what the valley grows, so it closes in winter."
    assert unfaithful("What can a farm shop sell?", "What the valley grows", shop)
    reason = "Orchards did not fail because frost came early; they failed because nobody pruned."
    assert unfaithful("Why did orchards not fail?", "Frost came early", reason)
    assert unfaithful("Why did orchards fail?", "Nobody pruned", reason) == []
    rot = "The problem is not technical but seasonal."
    assert unfaithful("What is the problem, if not technical?", "Seasonal", rot)
