"""The question kinds a curator asks and the generator did not: why (a reason the note gives) and should (a prescription).

The note below is invented for these tests (issue 11, iteration 17). Its sentences carry the shapes
behind the curator's missed T3 cards on batches 1-19 (scripts/question_kinds.py): a reason after
'since' or 'because' inside a longer sentence, 'A, which is why B', a reason whose 'it' is the
effect's subject, and a prescription asked for its one complement ('what should X start from?').
Main's generator makes none of the four behaviour cards (checked against /work/main). The guards are
the bad shapes each form must refuse: a reason clause that goes on past where it would be cut, a
reason led by a pronoun that names nobody, a negated effect (the reason it gives is the one denied),
and a prescription that is a prohibition ('should not').
"""

from __future__ import annotations

from noteutil import generated_cards

NOTE = """---
id: apiary
title: The Quiet Apiary
author: Mirela Okonkwo
---
Mirela Okonkwo's 2019 handbook on keeping bees through the first five winters.

## Central argument
Okonkwo argues that winter losses are a feeding problem before they are a disease problem: a colony starves in March, since the keeper took too much honey in August. Foragers are all inside after dark, which is why keepers move hives at night. Smoke calms a colony because it masks the alarm scent of the guards. Every new apiary should start from two colonies, so the keeper can compare them.

Queens are replaced in spring; swarms leave in May because the queen ages, the comb fills and the brood nest crowds. Beekeepers rarely find the queen, because you have to lift every frame to see her. The valley hives did not fail because of mites; they failed after pesticide drift. A keeper should not open a hive in the rain. Drones are tolerated partly because they carry the colony's genes to other apiaries.

Bees cluster on the landing board at dusk; the hive hums because the fanners cool the comb, and the fanners work hardest in July.

## Critique
The book says little about urban rooftops, where wind and heat change everything.

## Why it matters for product
Each roadmap review should end with one written decision.
"""


def _cards() -> dict[str, tuple[str, str]]:
    return generated_cards(NOTE, "content/apiary.md")


def _asked(question: str) -> list[str]:
    """The answers of every card whose question (after the context) is ``question``."""
    return [back for front, back in _cards().values() if front.split(", ", 1)[-1] == question]


def test_a_reason_after_since_in_a_longer_sentence_is_asked_why() -> None:
    assert _asked("what explains why a colony starves in March?") == ["The keeper took too much honey in August"]


def test_which_is_why_gives_the_reason_for_what_follows() -> None:
    assert _asked("what explains why keepers move hives at night?") == ["Foragers are all inside after dark"]


def test_a_reason_led_by_it_names_the_effects_subject() -> None:
    # 'Smoke calms a colony because it masks …': the answer says what masks the scent
    assert _asked("what explains why smoke calms a colony?") == ["Smoke masks the alarm scent of the guards"]


def test_a_prescription_is_asked_for_its_complement() -> None:
    front, back = _cards()["g.should.new-apiary-start"]
    assert front == "According to Okonkwo's 'The Quiet Apiary', what should every new apiary start from?"
    assert back == "Two colonies"


def test_an_application_prescription_is_the_notes() -> None:
    front, back = _cards()["g.should.roadmap-review-end"]
    assert front.startswith("According to the note on Okonkwo's 'The Quiet Apiary', what should each roadmap review")
    assert back == "One written decision"


def test_a_reason_that_goes_on_past_the_cut_is_no_card() -> None:
    # '… because the fanners cool the comb, and the fanners work hardest in July': the reason is not half of it
    answers = [back for _, back in _cards().values()]
    assert not any(a.startswith("The fanners cool the comb") for a in answers)
    assert not any("hums because" in front for front, _ in _cards().values())  # main: 'what do the hive hums because?'


def test_a_reason_led_by_a_pronoun_that_names_nobody_is_no_card() -> None:
    # 'Beekeepers rarely find the queen, because you have to lift every frame': 'you' is nobody in the note
    assert not any("find the queen" in front for front, _ in _cards().values())


def test_a_negated_effect_gives_no_reason() -> None:
    # 'The valley hives did not fail because of mites': mites are the reason the note denies
    assert not any(back in ("Mites", "Of mites") for _, back in _cards().values())
    assert not any("valley hives" in front for front, _ in _cards().values())


def test_a_prohibition_is_not_asked_as_what_to_do() -> None:
    # 'A keeper should not open a hive in the rain': 'what should a keeper open?' -> 'A hive in the rain' flips it
    assert not any("open" in front.split(", ", 1)[-1] for front, _ in _cards().values())
