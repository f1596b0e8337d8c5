"""A critique of the evidence is asked with its owner and as a kind: 'What kind of evidence does the note on X say
the book rests on?', not 'What does the note on X say the evidence is?'.

The old form was judged 47% T2+ on 35 judged cards, and the judges' reason for a T1 was nearly always the same:
'the evidence' of what, and what is wrong with it? The question now names whose evidence (the note's word for
the work: book, paper, essay …) and asks what kind it is; 'the cases are' becomes 'the book's cases are'.
Answers that only judge the evidence ('Thinner than the confident tone suggests', 'Correlational and …'), that
hold a second sentence ('Uneven. Variable rewards …') or that lost their noun at a comma ('Average ratings from
small') are refused. Card keys are unchanged, so a learner's card is updated in place. Written in our own words;
each test fails on the code before this change.
"""

from __future__ import annotations

from noteutil import asked, generated_cards

NOTE = """---
id: okafor-harbour-lessons
title: Lessons from Small Harbours
author: Ada Okafor
---
A 2014 book by Ada Okafor on how small harbours survive.

## Central argument
Okafor argues that small harbours survive by serving one kind of boat well.

## Critique
The evidence is a handful of harbours the author managed herself. The lessons may not travel to busy ports.
"""

JUDGED = """---
id: okafor-harbour-verdicts
title: Harbour Verdicts
author: Ada Okafor
---
A 2016 paper by Ada Okafor on harbour fees.

## Central argument
Okafor argues that fees shape which boats come.

## Critique
The evidence is thinner than the confident tone suggests.
The data are average ratings from small, unrepresentative groups of keepers.
"""


def test_the_evidence_is_asked_with_its_owner_and_as_a_kind() -> None:
    questions = asked(NOTE)
    assert "What kind of evidence does the note on Okafor's 'Lessons from Small Harbours' say the book rests on?" in {
        front for front, _ in generated_cards(NOTE).values()
    }, questions
    assert not any("say the evidence is?" in front for front, _ in generated_cards(NOTE).values())


def test_a_judgement_or_a_cut_answer_is_not_what_the_evidence_is() -> None:
    answers = [answer for _, answer in generated_cards(JUDGED).values()]
    assert not any(answer.startswith("Thinner") or answer.endswith(" small") for answer in answers), answers
