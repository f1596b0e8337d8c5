"""Shapes of batch202's notes (issue 11), read after its blind run (evals/2026-12-04-batch202-run1…, a run that counts):
a superlative's subject read back into a condition, a heading over advice asked as a term, 'them' and 'both' with
nothing to stand for, a share of something explained read as the thing, and a second verb after 'and … one'. Inline
notes in the batch's shapes (our own harbour wording); each test fails on the commit before its fix.
"""

from __future__ import annotations

from noteutil import asked, central_asked, critique_asked, harbour_note, never_asked, not_asked


def test_a_superlatives_subject_is_not_read_into_a_condition() -> None:
    # '- Features have running costs. If compute, storage and energy are the real price of the machine, …' -> 'what is
    # the real price of the machine?' — 'Features have running costs' (T0 from every judge)
    cards = asked(
        harbour_note(
            "price",
            "## Why it matters for product\n- Berths have running costs. If cranes, pilots and fuel are the real price"
            " of the harbour, a ship that triples its calls changes the port's economics.\n",
        )
    )
    assert not [q for q in cards if "real price" in q], cards


def test_a_heading_over_advice_is_not_a_term() -> None:
    # '- Regression craft: transform and centre predictors, …' -> 'what is Regression craft?' (T0/T1 from every judge)
    cards = central_asked(
        "- Berth craft: moor bow first, double the stern lines in a gale, and log every departure.\n"
        "- Pilot craft: read the tide tables before the charts."
    )
    assert not [q for q in cards if "craft?" in q.lower()], cards


def test_both_and_them_with_nothing_to_stand_for() -> None:
    # 'Fashion serves both, because adopting a style joins one circle …' (T1 from every judge: both of what?)
    cards = central_asked(
        "Imitation lets a pilot lean on the crew. Distinction lets a pilot stand apart. Harbour fashion serves both,"
        " because adopting a style joins one crew and separates it from another."
    )
    assert not [q for q in cards if q.endswith(" both?")], cards
    # '…, so much of the detail is context rather than instruction for them' (T1 from every judge)
    cards = critique_asked(
        "Most ports now rent berths from an operator and never face the quay-level trade-offs, so"
        " much of the detail is context rather than instruction for them.",
        "them",
    )
    assert not [q for q in cards if q.endswith("for them?")], cards


def test_a_share_explained_is_not_the_thing_explained() -> None:
    # 'Envy and competitive display explain only a slice of consumption.' -> 'what explains only a slice of
    # consumption?' (T1 from every judge)
    cards = central_asked("Tides and weather explain only a slice of harbour delays.")
    assert not [q for q in cards if "slice" in q], cards


def test_a_second_verb_with_one_is_not_the_object() -> None:
    # 'Complete pooling ignores the groups and fits one estimate for everyone' -> 'The groups and fits one estimate …'
    cards = central_asked("Complete pooling ignores the berths and fits one estimate for every ship.")
    assert not [a for a in cards.values() if "and fits one" in a], cards


def test_batch202_notes_no_longer_give_the_cards_its_judges_rated_t0_or_t1() -> None:
    never_asked("batch202", "barroso-*.txt", question="real price")
    never_asked("batch202", "barroso-*.txt", question="for them?")
    never_asked("batch202", "gelman-hill-*.txt", question="Regression craft")
    not_asked("batch202", "simmel-*.txt", question="serves both")
    never_asked("batch202", "douglas-isherwood-*.md", question="slice of consumption")


def test_a_named_whole_is_the_works_authors() -> None:
    # Perry and Wolf's '- **Elements**: processing elements …, data elements … and connecting elements …' was asked
    # "what are Perry's three elements?" (T1 from two judges of three: 'wrongly names one author')
    pairs = not_asked("batch202", "perry-wolf-*.md", question="Perry's three elements")
    # the list's answer 'Processing, data, connecting' is three words: the answer floor (ideas._ANSWER_FLOOR: definitions under 6 words, claims and contrasts under 4, 16-21% T2/T3 on fresh notes) refuses it
    assert not [f for f, _ in pairs if "three elements" in f], pairs
