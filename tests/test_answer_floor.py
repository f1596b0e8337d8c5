"""The answer floor and the fuller gloss (issue 11): on the fresh batches 100-205 as first judged, generated definitions
of 2-5 words were 21% T2/T3 and claims and contrasts of 2-3 words 16%, against 45% for every generated card, while a
definition's head cut at its colon ('Deciding how to decide') left out what the gloss went on to say. Inline notes in
those shapes (our own harbour wording); each test fails on the commit before the change, but the two that guard an
exception (what the work treats a thing as; a gloss that is an aside), which pass on it too.
"""

from __future__ import annotations

from noteutil import central_asked, critique_asked


def test_a_short_definition_is_not_asked() -> None:
    # 'Performance errors: random slips, not systematic failures' -> 'what are performance errors?' — 'Random slips' (T1)
    cards = central_asked(
        "- **Berth drift**: slow mooring creep.\n- **Tide debt**: the hours a ship waits outside for water.\n"
        "- **Quay churn**: crews changing berths."
    )
    assert not [q for q in cards if "berth drift" in q or "quay churn" in q], cards
    assert cards.get("what is tide debt?") == "The hours a ship waits outside for water", cards
    assert not central_asked("Pilot rotation means fewer tired crews."), "a four-word 'what does … mean?'"


def test_a_short_claim_or_contrast_is_not_asked() -> None:
    # 'the selection process favours the worst projects' -> 'The worst projects'; 'what was …, if not the radio?' —
    # 'The telegraph' (T1 from every judge)
    assert not central_asked("The selection process favours the biggest ships."), "a three-word claim"
    cards = central_asked("Okafor argues that the lighthouse, not the radio, was the bigger change.")
    assert not [q for q in cards if "if not the radio" in q], cards


def test_what_the_work_treats_a_thing_as_keeps_its_short_answer() -> None:
    # 'what does Bringhurst treat typography as?' — 'A service art' (T2/T3): the question carries the idea
    cards = central_asked("Okafor treats pilotage as a craft guild.")
    assert cards.get("what does Okafor treat pilotage as?") == "A craft guild", cards


def test_a_short_gloss_keeps_what_its_colon_goes_on_to_say() -> None:
    # 'Above these sits the *metadecision*: deciding how to decide, and how much effort a choice deserves' ->
    # 'Deciding how to decide' (the rest of the gloss dropped)
    cards = central_asked(
        "Above these sits the *tide window*: waiting for water, and how long a large ship may hold outside."
    )
    assert cards.get("what is the tide window?") == "Waiting for water, and how long a large ship may hold outside", (
        cards
    )


def test_a_gloss_that_is_an_aside_of_its_clause_is_not_run_on() -> None:
    # 'Its power comes from the "directory" — knowing where to look — rather than from anyone knowing everything'
    cards = central_asked(
        'Its power comes from the "harbour book" — knowing where to moor — rather than from any pilot knowing every quay.'
    )
    assert not [a for a in cards.values() if "rather than" in a], cards


def test_a_short_mechanism_or_critique_is_not_asked() -> None:
    # mechanisms of 4-5 words were 35% T2/T3 on the fresh first runs, critique answers under 6 words 11%
    assert not central_asked("Crews skip checks because the checklist is long."), "a four-word mechanism"
    assert central_asked("Crews skip checks because the checklist is longer than the time they have at the quay.")
    assert not critique_asked("The tide model depends on calm weather."), "a two-word critique"
    assert critique_asked("The tide model depends on calm weather and on pilots who know the channel by heart.")
