"""Plain 'S V O' claims: shapes blind judges rated T0/T1 are refused, and an effect is asked (issue 11).

Four shapes recurred among the generated cards judges rated worst: a numbered subject that
needs the note to say which ('what do five levers change?'), an object with a second predicate
joined on ('the test in week one and find the cheapest fixes'), and an 'object' that is itself a
clause because the verb was read in the wrong place ('The reward is earned', 'Manufacturing
arrived in the 1920s'). The note is invented for these tests; each refusal test fails on the code
before this change, and the guards keep the cards judges rated T2/T3.

An effect verb with a bare object ('relying on a few gatekeepers creates bottlenecks') was never
asked: the rule took a bare noun after a verb for a misread noun phrase. After these verbs it is
the effect the claim is about, and a gerund subject takes 'does'.
"""

from __future__ import annotations

from noteutil import generated_cards

NOTE = """---
id: harbours
title: The Tidewater Atlas
author: Mira Quell
---
Mira Quell's 2014 book on how small harbours plan their moorings.

## Central argument
Five harbour levers change the pace of every season.
A new harbourmaster can run the audit in week one and find the cheapest repairs.
Motivation resets once the mooring fee is paid.
The big dredging gain in northern ports arrived in the 1920s.
Acceptable queueing depends on what the skipper is doing at that moment.
Tide tables should start from the decision the skipper has to make.
Harbour fees raise the cost of leaving for a rival port.
Relying on a single pilot creates delays and a single point of failure when the pilot is ill.
Piling on extra berths yields less and less.
Type two moorings create no value.
The surveyors looked hard for ports where calm reliably beats storm and found almost none.
Annual SaaS berths create a steady winter income.

## Critique
Quell studied only two harbours.

## Why it matters for product
Onboarding should explain fees early.
"""


def _fronts() -> list[str]:
    return [front for front, _ in generated_cards(NOTE).values()]


def _asked(fragment: str) -> list[tuple[str, str]]:
    return [(front, back) for front, back in generated_cards(NOTE).values() if fragment in front]


def test_a_numbered_subject_is_not_asked() -> None:
    assert not any("five harbour levers" in front for front in _fronts())


def test_an_object_with_a_second_predicate_is_not_asked() -> None:
    assert not any("harbourmaster" in front and "run" in front for front in _fronts())


def test_a_clause_read_as_an_object_is_not_asked() -> None:
    fronts = _fronts()
    assert not any("motivation" in front.lower() for front in fronts)
    assert not any("dredging" in front for front in fronts)


def test_guards_keep_a_wh_clause_a_contact_clause_and_a_plain_object() -> None:
    according = "According to Quell's 'The Tidewater Atlas'"
    assert _asked("queueing") == [
        (f"{according}, what does acceptable queueing depend on?", "What the skipper is doing at that moment")
    ]
    assert _asked("tide tables") == [
        (f"{according}, what should tide tables start from?", "The decision the skipper has to make")
    ]
    assert _asked("harbour fees") == [
        (f"{according}, what do harbour fees raise?", "The cost of leaving for a rival port")
    ]


def test_an_effect_with_a_bare_object_is_asked_with_a_singular_gerund() -> None:
    assert _asked("relying on") == [
        (
            "According to Quell's 'The Tidewater Atlas', what does relying on a single pilot create?",
            "Delays and a single point of failure when the pilot is ill",
        )
    ]


def test_other_verbs_and_empty_effects_are_not_asked() -> None:
    fronts = " ".join(_fronts()).lower()
    assert "piling" not in fronts
    assert "type two moorings" not in fronts


def test_a_clause_read_as_the_subject_of_beats_is_not_asked() -> None:
    assert not any("beats storm" in front for front in _fronts())


def test_a_capitalised_first_word_before_an_acronym_is_lowered() -> None:
    assert _asked("SaaS") == [
        ("According to Quell's 'The Tidewater Atlas', what do annual SaaS berths create?", "A steady winter income")
    ]


KINDS_NOTE = """---
id: harbour-kinds
title: Quays, Markets and Guilds
author: Mira Quell
---
Mira Quell's 1981 paper on three ways harbours judge work.

## Central argument
A guild relies on shared craft and trust built through apprenticeship.
Every guild, market and quay office judges work differently; a guild trains its members for years.
Open harbours suit trade that changes every season.
A harbourmaster recognizes a storm as typical of a kind already seen.
A guild must therefore choose whether it will be a school.

## Critique
Quell studied only northern ports.

## Why it matters for product
Teams are guilds too, and a product lead is their harbourmaster; every harbourmaster keeps a log.
"""


def _kind_asked(fragment: str) -> list[tuple[str, str]]:
    return [(front, back) for front, back in generated_cards(KINDS_NOTE).values() if fragment in front]


def test_a_kind_the_note_keeps_naming_is_a_subject_and_suit_takes_a_bare_object() -> None:
    according = "According to Quell's 'Quays, Markets and Guilds'"
    assert _kind_asked("rely on") == [
        (f"{according}, what does a guild rely on?", "Shared craft and trust built through apprenticeship")
    ]
    assert _kind_asked("suit") == [(f"{according}, what do open harbours suit?", "Trade that changes every season")]
    assert _kind_asked("recogni") == [
        (f"{according}, what does a harbourmaster recognize?", "A storm as typical of a kind already seen")
    ]


def test_an_adverb_after_a_modal_is_not_read_as_the_verb() -> None:
    assert not any("therefore" in front for front, _ in generated_cards(KINDS_NOTE).values())


BATCH36_SHAPES_NOTE = """---
id: harbour-shapes
title: Fast Harbour Decisions
author: Mira Quell
---
Mira Quell's 1989 study of eight harbours.

## Central argument
Cut berths late if needed to hit the season, which is possible because the quay is always close to ready.
A harbour facing a big bet (a new quay, a fee change, a ferry route) can borrow the pattern directly.

## Critique
The design cannot separate cause from effect.

## Why it matters for product
Add weather items to crew surveys.
"""


def test_instructions_examples_and_a_noun_read_as_a_verb_are_not_asked() -> None:
    fronts = " ".join(front for front, _ in generated_cards(BATCH36_SHAPES_NOTE).values())
    assert "cut berths" not in fronts  # an instruction is no effect to explain
    assert "big bet" not in fronts  # the parentheses list examples, not what a big bet is
    assert "causes from" not in fronts  # 'cause' is a noun after 'cannot separate'
    assert "add weather" not in fronts  # an instruction has no subject to ask about
