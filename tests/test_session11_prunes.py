"""The eleventh session's prunes and one repair: forms rated lowest on the development notes' first runs.

On the development notes' first runs, 'what does X mean?' cards whose answer was advice ('experienced users should
be able to skip them') or a consequence counted by a quantifier ('most people still get nothing') were rated T2/T3
in 0 of 18 ratings (3 T0). They are no longer asked; a meaning ('a more modular design') still is. Four judged cards
and one unjudged go from the development notes, and one T3 card of the same note ships in a freed place.

One word glossed by a question it covers ('task (what to do next, what improved)', 'scripts (how they habitually act
around it)') is no term to define: 0 of 18 ratings T2/T3 (5 T0); four cards go. 'reach (how many people …)' stays.

A critique's 'treats X as Y, yet …' whose concession was cut to a fragment ('Low value, yet for many roles') is
answered with the role alone ('Low value'): two development cards change answer, none is added or removed.

Written in our own words; the tests fail on b2f9b75 (the concession's on b7d1007).
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-session11-means",
    """## Central argument
Okafor argues that berth pricing shapes the whole port.

- Tidal berthing means captains should plan arrivals around high water.
- A shortage of deep berths means most ships still wait offshore.
- A longer quay wall means more ships unloading their cargo at once.
""",
)


def test_advice_or_a_counted_consequence_is_no_meaning() -> None:
    questions = asked(NOTE)
    assert not any("tidal berthing mean" in q for q in questions), questions
    assert not any("shortage of deep berths mean" in q for q in questions), questions


def test_a_meaning_is_still_asked() -> None:
    questions = asked(NOTE)
    assert questions.get("what does a longer quay wall mean?") == "More ships unloading their cargo at once", questions


ASPECTS = harbour_note(
    "okafor-session11-aspects",
    """## Central argument
Okafor argues that whether a harbour thrives depends less on its depth than on how its habits fit the trade: its
rituals (what crews take a tide to mean) and rhythms (how they habitually share the quay). That produced a trade-off
between **shelter** (calm water, deep berths) and **reach** (how many towns its roads serve).
""",
)


def test_one_word_glossed_by_a_question_is_no_term() -> None:
    questions = asked(ASPECTS)
    assert not any(q.startswith(("what are rituals", "what are rhythms")) for q in questions), questions
    assert any(q.startswith("what is reach") for q in questions), questions  # a quantity still defines


CONCESSION = harbour_note(
    "okafor-session11-concession",
    """## Central argument
Okafor argues that harbours compete on berth prices.

## Critique
Okafor treats dredging as wasted money, yet for many ports, including most river harbours, dredging is the business rather than a cost of it.
""",
)


def test_a_concession_cut_to_a_fragment_leaves_the_role_alone() -> None:
    answers = [a for q, a in asked(CONCESSION).items() if "treats dredging as" in q]
    assert answers == ["Wasted money"], asked(CONCESSION)
