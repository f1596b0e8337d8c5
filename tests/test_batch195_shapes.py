"""Shapes of batch195's notes (issue 11), read after its blind run was prepared: a colon that glosses a pair asked of
its second half, and a hedged reason whose hedge stays in the question. Inline notes in the batch's shapes; each test
fails on the commit before its fix. scripts/change_estimate.py on the 2,327 judged development notes: no card changes.
"""

from __future__ import annotations

from noteutil import asked, central_asked, harbour_note, never_asked, not_asked


def test_a_colon_after_a_pair_of_terms_is_not_the_second_terms_gloss() -> None:
    # 'is monotone and *submodular*: adding a seed never hurts, and the extra spread it adds shrinks …' was asked
    # 'what is submodular?' — 'Adding a seed never hurts' (the monotone half)
    cards = central_asked(
        "The key result is that under both models the expected queue, as a function of the berth set, is monotone and"
        " *submodular*: adding a berth never hurts, and the extra capacity it adds shrinks as the berth set grows."
    )
    assert "what is submodular?" not in cards, cards


def test_a_hedged_reason_is_not_asked_with_its_hedge() -> None:
    # 'People-first networks did later thrive, though arguably because posts and photos became their objects'
    cards = central_asked(
        "People-first harbours did later thrive, though arguably because cranes and feeders became their objects."
    )
    assert not [q for q in cards if "arguably" in q or q.endswith("though?")], cards


def test_a_figure_of_a_worked_example_is_not_a_cloze() -> None:
    # 'Their example: a judge convicts only if … Full disclosure leads to conviction 30% of the time. … The judge,
    # fully aware of the design, then convicts 60% of the time.' (T1: 'only makes sense inside the note's example')
    cards = central_asked(
        "Their example: a pilot docks only if the berth is free, and the berth is free 40% of the mornings. "
        "Full disclosure of the schedule leads to docking 40% of the time. "
        "The pilot, fully aware of the schedule, then docks 70% of the time."
    )
    assert not [q for q in cards if "{{c1::" in q], cards


def test_an_ordinal_standing_for_a_noun_and_later_research_are_not_asked() -> None:
    # 'The top ten users by follower count often share the same audience, so the tenth adds little' (T1: 'the
    # tenth has no referent'); '… say later research found?' (T1: open-ended)
    cards = central_asked("The ten busiest berths often share the same pilots, so the tenth adds little capacity.")
    assert not [q for q in cards if "the tenth" in q], cards
    critique = asked(
        harbour_note(
            "later",
            "## Critique\nLater research found that busy berths can lower throughput rather than raise it.\n",
        )
    )
    assert not [q for q in critique if "later research found" in q], critique


def test_batch195_notes_no_longer_give_the_cards_its_judges_rated_t0_or_t1() -> None:
    # the batch's own notes (development data since its first run, evals/2026-12-04-batch195-run1…)
    never_asked("batch195", "kamenica-gentzkow*.md", answer="What make it pay")
    never_asked("batch195", "kamenica-gentzkow*.md", question="convicts {{c1::")
    never_asked("batch195", "kempe-kleinberg-tardos*.md", question="what is submodular?")
    never_asked("batch195", "kempe-kleinberg-tardos*.md", question="the tenth")
    never_asked("batch195", "engestrom-*.md", question="though arguably")
    never_asked("batch195", "kepner-tregoe*.txt", answer="Managers rarely fail for lack of decisiveness")
    never_asked("batch195", "tversky-koehler*.txt", question="later research found")
    # 'what are hypotheses?' — 'Descriptions of events' (three words): the answer floor (ideas._ANSWER_FLOOR: definitions under 6 words, claims and contrasts under 4, 16-21% T2/T3 on fresh notes) refuses it, the note's last card
    never_asked("batch195", "tversky-koehler*.txt", answer="Descriptions of events")
    assert any(
        back == "The distribution of posteriors must average to the prior"
        for _, back in not_asked("batch195", "kamenica-gentzkow*.md")
    )
