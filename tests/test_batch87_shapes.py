"""Batch87's first run (cd71082): the cards every judge rated below T2 that the eighth session's changes made or kept,
refused since, and two advice shapes the session's development notes showed unasked. Inline notes are written in our
own words; each test fails on cd71082.
"""

from __future__ import annotations

from noteutil import asked, harbour_note, imported_pairs


def test_a_verb_whose_subject_is_which_is_not_the_work_s() -> None:
    cards = imported_pairs("batch87", "koren-*.txt", "koren-bell-volinsky-matrix-factorization")
    assert not any(front.endswith("say the work depends on?") for front, _ in cards), cards


def test_advice_in_the_passive_is_no_cause() -> None:
    cards = imported_pairs("batch87", "surowiecki-*.md", "surowiecki-the-wisdom-of-crowds")
    assert not any("why judgements stay independent" in front for front, _ in cards), cards


def test_an_adjective_label_is_no_term() -> None:
    cards = imported_pairs("batch87", "markus-*.md", "markus-power-politics")
    assert not any("-determined?" in front for front, _ in cards), cards


ADVICE = harbour_note(
    "okafor-harbour-advice",
    """## Central argument
Harbour queues grow when every keeper plans berths alone.

## Why it matters for product
Before copying a rival harbour's rules, ask how many harbours tried them and closed.
Before a pricing review, list the double payers (the ferries, the barges, the night traders and the tugs) and compare what each pays for a berth.
""",
)


def test_advice_that_ends_its_own_coordination_and_advice_with_examples_in_brackets_are_asked() -> None:
    cards = asked(ADVICE)
    assert cards.get("what should a team do before copying a rival harbour's rules?") == (
        "Ask how many harbours tried them and closed"
    ), cards
    assert cards.get("what should a team do before a pricing review?") == (
        "List the double payers and compare what each pays for a berth"
    ), cards


def test_the_next_sentence_s_label_is_cut_off_a_gloss() -> None:
    from deckgen.cards.rules.ideas import clean_answer

    gloss = "delay comes from the keepers, their habits or lack of charts. Remedy: training, or new keepers"
    assert (
        clean_answer(gloss, 14, trim_relative=False) == "Delay comes from the keepers, their habits or lack of charts"
    )
