"""A plain 'Label: gloss' line of the central argument is a term the note defines (issue 11, recall).

Notes often define their key terms as unmarked labels ('- Reflection effect: preferences flip when …',
'Gulf of evaluation: figuring out …'); the curator asks 'what is the reflection effect?' and the
generator, which read only **bold** labels, asked nothing (batches 3, 10, 11, 16, 19). The note below is
invented for these tests: three labels that are terms, and one per kind of label that is not (a clause,
an instruction, a count, a discourse label, a list of parts, a story, a myth the list refutes, a numbered
law). Every test of a new card fails on the code before this change; the refusals are guards.
"""

from __future__ import annotations

from noteutil import generated_cards

NOTE = """---
id: harbours
title: The Quiet Harbour
author: Ines Valdivia
---
Ines Valdivia's 2014 book on how small harbours decide what to repair.

## Central argument
Valdivia describes the habits harbour boards fall into when money is short.
- Mooring drift: boards defer cheap repairs until each one is an emergency.
- Gulf of upkeep: the distance between what a harbour owns and what its budget can maintain.
- Tidal anchoring: estimates start from last year's figure and are adjusted too little.
- Order matters: fix the breakwater before the pontoons.
- Avoid committees: give one harbour master the repair budget.
- Three duties: dredging, lighting, mooring.
- Valdivia's point: every board thinks it is the exception.
- Quay failures: silt, rust, frost.
- Storm of 1987: the north wall was lost in one night.

The harbour myths she lists:
- Durable stone: a stone quay never needs repair.

Her laws:
- **4 Patience** — repairs done slowly last longer.

## Critique
Chicken-and-egg: a board cannot price repairs it has never surveyed.

## Why it matters for product
Product teams defer maintenance the same way boards defer repairs.
"""


def _cards() -> dict[str, tuple[str, str]]:
    return generated_cards(NOTE)


def _asked(fragment: str) -> list[tuple[str, str]]:
    return [(front, back) for front, back in _cards().values() if fragment in front]


def test_a_plain_label_in_the_central_argument_is_defined_by_its_gloss() -> None:
    assert _asked("mooring drift") == [
        (
            "In Valdivia's 'The Quiet Harbour', what is mooring drift?",
            "Boards defer cheap repairs until each one is an emergency",
        )
    ]
    assert _asked("anchoring") == [
        (
            "In Valdivia's 'The Quiet Harbour', what is tidal anchoring?",
            "Estimates start from last year's figure and are adjusted too little",
        )
    ]


def test_a_named_concept_head_takes_the_article() -> None:
    # 'gulf', 'effect', 'law', 'trap' name one thing: 'the gulf of upkeep', never 'a gulf of upkeep'
    assert [f for f, _ in _asked("gulf of upkeep")] == [
        "In Valdivia's 'The Quiet Harbour', what is the gulf of upkeep?"
    ]


def test_labels_that_are_no_terms_ask_nothing() -> None:
    cards = _cards()
    fronts = " ".join(front.lower() for front, _ in cards.values())
    for label in (
        "order matters",  # a clause
        "avoid committees",  # an instruction
        "three duties",  # a count: the list rule's to ask
        "valdivia's point",  # the writer's own discourse
        "quay failures",  # its gloss lists parts
        "storm of 1987",  # its gloss tells what happened
        "durable stone",  # a myth the list refutes: the gloss is no definition
        "patience",  # a numbered law ('what is a 4 Patience?')
        "chicken-and-egg",  # a critique label
    ):
        assert label not in fronts, label


def test_a_named_model_or_rule_is_a_term_though_the_writers_lesson_is_not() -> None:
    note = NOTE.replace(
        "- Mooring drift:",
        "- Tidal-budget model: each harbour sets repairs by the height of the spring tides.\n"
        "- Second lesson: boards rarely survey before they spend.\n- Mooring drift:",
    )
    fronts = [front for front, _ in generated_cards(note).values()]
    assert "In Valdivia's 'The Quiet Harbour', what is the tidal-budget model?" in fronts, fronts
    assert not any("second lesson" in front.lower() for front in fronts), fronts


def test_an_instruction_in_bold_is_no_term() -> None:
    # batch27, T0/T1 from every judge: 'what is let the user point, not specify?', 'what is infer context from
    # the environment?' (bold labels of a numbered list of instructions)
    note = NOTE.replace(
        "Her laws:",
        "Her rules for boards:\n1. **Infer damage from the tide tables** — the highest tides show where walls fail.\n"
        "2. **Let the harbour master decide, not the board** — where speed is needed, one person acts.\n\nHer laws:",
    )
    fronts = " ".join(front.lower() for front, _ in generated_cards(note).values())
    assert "infer damage" not in fronts and "let the harbour master" not in fronts, fronts
