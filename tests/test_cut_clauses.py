"""A generated card keeps a clause's verb, agrees in number, and defines only what the note defines.

The batch18 and batch19 blind runs rated five generated cards T0 from every judge that fall into
four shapes, tested here on sentences written in our own words:
- a relative clause cut before its verb ('Accidents where several small failures', 'The hard
  strategic choice, which process');
- an if-clause cut at its list's first comma ('what follows if the release process?');
- 'what are the … <singular>?' ('what are the cheapest safeguard …?' → 'Rules') and a label whose
  article was dropped ('what is goal?' where the note says 'a goal');
- a definition read off a clause that adds a property ('teams, which reflect …'), not a definition.
Every refusal test fails on the code before this change (cardrules.unfaithful had none of these
checks); the guards are cards that must still ship.
"""

from __future__ import annotations

from noteutil import generated_cards

from deckgen.core.cardrules import unfaithful

KILNS = (
    "She separates batch kilns from line kilns, where several small heaters, each weak alone, dry the boards in stages."
)


def test_an_answer_cut_inside_a_where_clause_is_refused() -> None:
    assert unfaithful("In Okafor's 'The Timber Year', what are line kilns?", "Kilns where several small heaters", KILNS)


def test_an_answer_cut_after_which_and_its_noun_is_refused() -> None:
    source = "The hard pricing question, which grade is the real margin driver, gets two pages."
    assert unfaithful(
        "According to the note on 'The Timber Year', what is the real margin driver?",
        "The hard pricing question, which grade",
        source,
    )


def test_a_question_cut_inside_an_if_clause_list_is_refused() -> None:
    source = "But if the drying shed, the saw line or the loading yard is slow, faster kilns won't help."
    assert unfaithful(
        "According to the note on 'The Timber Year', what follows if the drying shed?",
        "The saw line or the loading yard is slow, faster kilns won't help",
        source,
    )


def test_a_condition_that_runs_into_its_main_clause_is_refused() -> None:
    # batch10's 'what follows if people judge … quantities they rely on a few heuristics?' shape
    source = "When sawyers grade boards or estimate moisture by hand they trust a few rules of thumb."
    assert unfaithful(
        "According to the note on 'The Timber Year', what follows if sawyers grade boards or estimate moisture by hand"
        " they trust a few rules of thumb?",
        "Shortcuts that are usually right",
        source,
    )
    # guards: a clause inside the condition, a relative clause on a noun
    assert not unfaithful(
        "According to the note on 'The Timber Year', what follows if buyers only raise problems once they are solved?",
        "The mill hides what its owner most needs to know",
        "If buyers only raise problems once they are solved, the mill hides what its owner most needs to know.",
    )
    assert not unfaithful(
        "In Okafor's 'The Timber Year', what risk arises when a kiln dries the boards it will later grade?",
        "Drift",
        "Drift: a kiln dries the boards it will later grade.",
    )


def test_what_are_with_a_singular_noun_is_refused() -> None:
    source = "Moisture logs are the cheapest safeguard against selling wet timber."
    assert unfaithful(
        "According to the note on 'The Timber Year', what are the cheapest safeguard against selling wet timber?",
        "Logs",
        source,
    )


def test_a_label_without_the_notes_article_is_refused() -> None:
    source = "Buyers name a target (a moisture level plus a grade) and the mill dries to it."
    assert unfaithful("In Okafor's 'The Timber Year', what is target?", "A moisture level plus a grade", source)


def test_a_property_clause_is_no_definition() -> None:
    source = "The best boards come from patient mills, which wait two seasons before they sell."
    assert unfaithful("In Okafor's 'The Timber Year', what are patient mills?", "Mills that wait two seasons", source)


def test_guards_whole_clauses_agreement_and_named_terms_still_ship() -> None:
    # the clause keeps its verb; 'the first' takes either number; the sentence sets the terms apart
    assert not unfaithful(
        "In Okafor's 'The Timber Year', what are line kilns?", "Kilns where the boards dry in stages", KILNS
    )
    assert not unfaithful(
        "According to the note on 'The Timber Year', what follows if the drying shed is slow?",
        "Faster kilns won't help",
        "But if the drying shed is slow, faster kilns won't help.",
    )
    assert not unfaithful(
        "In Okafor's 'The Timber Year', what are the first to notice wet timber?",
        "Furniture buyers",
        "Furniture buyers are the first to notice wet timber.",
    )
    assert not unfaithful(
        "In Okafor's 'The Timber Year', what are batch kilns?",
        "Kilns that dry one load at a time",
        "She separates batch kilns, which dry one load at a time, from line kilns.",
    )
    assert not unfaithful(
        "In Okafor's 'The Timber Year', what is a goal?",
        "A moisture level plus a grade",
        "Buyers name a goal (a moisture level plus a grade).",
    )


NOTE = """---
id: timber-kilns
title: The Timber Year
author: Ines Okafor
---
Ines Okafor's 2019 field study of how small sawmills dry and sell their timber.

## Central argument
The best furniture boards come from patient mills, which wait two seasons before they sell.
Okafor separates batch kilns from line kilns, where several small heaters, each weak alone, dry the boards in stages.

## Critique
The hard pricing question, which grade is the real margin driver, gets two pages; without it the advice reads as a list of habits.

## Why it matters for product
But if the drying shed, the saw line or the loading yard is slow, faster kilns won't help.
"""


def test_the_generator_ships_none_of_the_four_shapes() -> None:
    # main before this change shipped all four from this note
    answers = {answer for _, answer in generated_cards(NOTE).values()}
    questions = " | ".join(question for question, _ in generated_cards(NOTE).values())
    assert "Kilns where several small heaters" not in answers
    assert "The hard pricing question, which grade" not in answers
    assert "if the drying shed?" not in questions
    assert "what are patient mills?" not in questions
    assert answers  # the note still makes a card: 'where do the best furniture boards come from?'


def test_a_label_with_no_qualifier_and_a_question_cut_at_tend_to_are_refused() -> None:
    # batch17/19 'what is the central job?', 'what is the real warning?'; batch18 '… tend to?'
    assert unfaithful("According to Okafor's 'The Timber Year', what is the real lesson?", "Dry slowly", "")
    assert unfaithful("According to Okafor's 'The Timber Year', what is the central job?", "Grade each board", "")
    assert unfaithful(
        "According to the note on 'The Timber Year', what will mills under price pressure tend to?",
        "Sell timber before it is dry",
        "",
    )
    # guards: a qualified label, a question whose 'to' takes a noun
    assert not unfaithful(
        "According to Okafor's 'The Timber Year', what is the real bottleneck for patient mills?", "Shed space", ""
    )
    assert not unfaithful(
        "According to Okafor's 'The Timber Year', what does slow drying lead to?", "Fewer split boards", ""
    )


def test_what_the_work_fails_to_do_is_not_asked() -> None:
    # 11 judged cards of this shape on batches 1-19: 6% of their ratings T2+, 75% T0
    question = "What does the note on Okafor's 'The Timber Year' say the study fails to do?"
    assert unfaithful(question, "Price the slow drying it recommends", "")
    # guard: a specific criticism asked by its topic still ships
    assert not unfaithful(
        "What does the note on Okafor's 'The Timber Year' say the study never prices?", "Slow drying", ""
    )


def test_where_the_examples_come_from_is_not_asked() -> None:
    # judged T1 on batches 6, 13 and 19: provenance, not an idea of the work
    assert unfaithful(
        "According to the note on 'The Timber Year', where do the examples come from?", "Valley mills", ""
    )
    assert unfaithful("According to the note on 'The Timber Year', where does the book come from?", "A wet decade", "")
    # guard: where an idea comes from is asked
    assert not unfaithful(
        "According to Okafor's 'The Timber Year', where does furniture-grade timber come from?", "Patient mills", ""
    )


def test_a_do_question_whose_subject_ends_on_an_adjective_or_drops_a_limiting_adverb_is_refused() -> None:
    # batch20: 'what does share bad new with?' from 'share bad news with employees', 'what does the first rule
    # sit with?' from 'sits awkwardly with'; written here about a sawmill
    source = "Tell buyers the truth: share bad grades with buyers early, because a mill that hides them loses them."
    assert unfaithful(
        "According to Okafor's 'The Timber Year', what does share bad grade with?", "Buyers early", source
    )
    source = "Kiln logs are simple mental hooks for drying schedules."
    assert unfaithful(
        "According to Okafor's 'The Timber Year', what does simple mental hook for?", "Drying schedules", source
    )
    source = "The first rule sits awkwardly with custom orders, where nobody knows the grade in advance."
    assert unfaithful(
        "According to the note on 'The Timber Year', what does the first rule sit with?", "Custom orders", source
    )
    # guards: a subject that ends on its noun, a harmless adverb, a name as subject
    assert not unfaithful(
        "According to Okafor's 'The Timber Year', what do patient mills sell?",
        "Furniture-grade boards",
        "Patient mills sell furniture-grade boards.",
    )
    assert not unfaithful(
        "According to the note on 'The Timber Year', what does the grading idea map onto?",
        "Buyer contracts",
        "The grading idea maps directly onto buyer contracts.",
    )
    assert not unfaithful(
        "According to the note on 'The Timber Year', what does Dry Kiln fit?",
        "A small valley mill",
        "Dry Kiln fits a small valley mill.",
    )
    assert unfaithful("According to the note on 'The Timber Year', what is the right answer?", "Slow drying", "")


def test_an_imperative_is_no_subject() -> None:
    # batch20 'what do help buyers pick?' from 'Prescriptions: …; help buyers pick the model …'
    source = "Prescriptions: dry slowly; help buyers pick the grade they will actually use; log moisture weekly."
    assert unfaithful(
        "According to Okafor's 'The Timber Year', what do help buyers pick?", "The grade they will actually use", source
    )
    # guards: a mass noun the note uses as a noun, a name, a plural subject at a clause start
    note = "the feedback from buyers is slow. feedback shapes the next season."
    assert not unfaithful(
        "According to Okafor's 'The Timber Year', what does feedback shape?",
        "The next season",
        "Feedback shapes the next season.",
        note,
    )
    assert not unfaithful(
        "According to Okafor's 'The Timber Year', what does Okafor define slack as?",
        "Spare kiln time",
        "Okafor defines slack as spare kiln time.",
    )
    assert not unfaithful(
        "According to Okafor's 'The Timber Year', what do buyers want?",
        "Dry boards",
        "In short: buyers want dry boards.",
    )


def test_an_instruction_is_no_fact_to_explain() -> None:
    # batch20, the 'why' form of iteration 17: 'what explains why share bad news with employees early?'
    # (the noun test reads across punctuation: 'Tell buyers the truth: share …' would count 'the … share')
    source = "Say it as it is: share bad grades with buyers early, because a mill that hides them loses them."
    assert unfaithful(
        "According to Okafor's 'The Timber Year', what explains why share bad grades with buyers early?",
        "A mill that hides them loses them",
        source,
    )
    # guard: a fact with a plural subject after a colon
    assert not unfaithful(
        "According to Okafor's 'The Timber Year', what explains why buyers return?",
        "The grades hold",
        "In short: buyers return because the grades hold.",
    )


def test_batch21_shapes_are_refused() -> None:
    # an answer that keeps the note's 'X, Okafor proposes, …' aside ('Two beliefs, davis proposes')
    assert unfaithful(
        "According to Okafor's 'The Timber Year', what two things decide a board's grade?",
        "Two readings, okafor proposes",
        "Two readings, Okafor proposes, decide a board's grade.",
    )
    # a word that ends a clause, glossed by a clause with its own verb ('the point is steady progress: …')
    source = "Applied to a mill, the point is steady drying: a little moisture lost every day adds up to a grade."
    assert unfaithful(
        "In Okafor's 'The Timber Year', what is a steady drying?",
        "A little moisture lost every day adds up to a grade",
        source,
    )
    # 'what is Okafor's advice?' has many answers
    assert unfaithful("According to Okafor's 'The Timber Year', what is Okafor's advice?", "Dry slowly", "")
    # an adverb between subject and verb still shows the limiting adverb the question drops
    source = "The kiln schedule also sits uneasily with custom orders."
    assert unfaithful(
        "According to the note on 'The Timber Year', what does the kiln schedule sit with?", "Custom orders", source
    )


def test_a_title_with_a_comma_is_context_not_question() -> None:
    # 'Reengineering Work: Don't Automate, Obliterate': the checks read the question after the title's comma
    from deckgen.core.text import strip_context

    asked = "According to the note on Hammer's 'Work: Don't Automate, Obliterate', what does the stance sit with?"
    assert strip_context(asked) == "what does the stance sit with?"
    assert strip_context("In Norton's 'Empathy', what is craft?") == "what is craft?"
    source = "The stance also sits uneasily with incremental delivery."
    assert unfaithful(asked, "Incremental delivery", source)


def test_guards_a_gerund_gloss_and_an_acronym() -> None:
    # 'The central habit is tide planning: scheduling work around …' is a definition (no finite verb)
    source = "The central habit is kiln planning: scheduling drying around the weather."
    assert not unfaithful(
        "In Okafor's 'The Timber Year', what is kiln planning?", "Scheduling drying around the weather", source
    )
    # 'IT' is an acronym, not a pronoun with no referent
    from deckgen.core.cardrules import unreferenced_pronoun

    assert (
        unreferenced_pronoun("In Hammer's 'Work: Don't Automate, Obliterate', why had heavy IT spending disappointed?")
        == ""
    )


def test_a_title_with_a_question_mark_and_a_noun_in_ive() -> None:
    # batch22: 'According to Collis' 'Can You Say What Your Strategy Is?', what does …' hid the question
    from deckgen.core.text import strip_context

    asked = "According to the note on Okafor's 'Can You Dry It Slowly?', what does a single schedule sit with?"
    assert strip_context(asked) == "what does a single schedule sit with?"
    assert unfaithful(asked, "Custom orders", "A single schedule sits uneasily with custom orders.")
    # 'objective' is a noun here, and the goal is a subject, not an adjective: the card ships
    assert not unfaithful(
        "According to Okafor's 'The Timber Year', what does the objective drive?",
        "Kiln scheduling",
        "The objective drives kiln scheduling.",
    )
    assert not unfaithful(
        "According to Okafor's 'The Timber Year', what does the goal drive?",
        "Kiln scheduling",
        "The goal drives kiln scheduling.",
    )


def test_a_numbered_step_and_a_copula_without_complement_are_refused() -> None:
    # batch22: 'what explains why fourth, analyse profitability?', '… which is exactly'
    assert unfaithful(
        "According to Okafor's 'The Timber Year', what explains why fourth, stack the boards?",
        "Air must reach every face",
        "Fourth, stack the boards, because air must reach every face.",
    )
    assert unfaithful(
        "According to Okafor's 'The Timber Year', what are custom orders?",
        "A market where grade is hard to judge, which is exactly",
        "Custom orders are a market where grade is hard to judge, which is exactly where trust matters most.",
    )
    # guard: a wh-clause that ends on its copula is whole
    assert not unfaithful(
        "According to Okafor's 'The Timber Year', where should drying decisions move?",
        "To where the moisture readings are",
        "Drying decisions should move to where the moisture readings are.",
    )


def test_a_verb_with_an_object_and_an_infinitive_is_not_asked_for_one_of_them() -> None:
    # batch23 'what should bad results lead?' -> 'People to pull back' (the seventeenth iteration's should form)
    assert unfaithful(
        "According to Okafor's 'The Timber Year', what should wet boards lead?",
        "Sawyers to slow the kiln",
        "Wet boards should lead sawyers to slow the kiln.",
    )
    # guard: 'to' before a noun phrase is a preposition ('what happened to the last …')
    assert not unfaithful(
        "What question does the note on Okafor's 'The Timber Year' suggest a new sawyer ask?",
        "What happened to the last board that split",
        "",
    )
