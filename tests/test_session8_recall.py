"""Recall of the eighth session, from the judged record rather than one batch: generated answers of 12-15 words were
judged T2/T3 more often (62%) than those of 4-7 (42%), so an answer is kept whole up to 15 words (lint's warning limit), and a second predicate
with no subject of its own is cut off it; a work's own remedy ('His remedy is to …') is asked as what the work
proposes — a form the tenth session took back (its cards were rated low on fresh notes). The notes are written in
our own words; the answer-length tests fail on fea5155.
"""

from __future__ import annotations

from noteutil import generated_cards, harbour_note

REMEDY = harbour_note(
    "okafor-harbour-remedies",
    """## Central argument
Harbour queues grow when every keeper plans berths alone.
Her remedy is to publish each week's berth plan where every keeper and pilot can see it.
""",
)

NAMED = harbour_note(
    "okafor-harbour-named",
    """## Central argument
Harbour queues grow when every keeper plans berths alone.
Her remedy is the berth ledger: a shared weekly plan that every keeper signs.
""",
)

COUNTED = harbour_note(
    "okafor-harbour-counted",
    """## Central argument
Harbour queues grow when every keeper plans berths alone.
Her remedy is to judge every berth plan by two tests.
""",
)

LONG = harbour_note(
    "okafor-harbour-long",
    """## Critique
The lectures treat congestion as a planning failure and say almost nothing about the cost of building new berths.

## Why it matters for product
Berth queues look like planning failures because each keeper sees only the ships bound for their own quay and the tides.
""",
)


def test_a_remedy_is_no_longer_asked_as_what_the_work_proposes() -> None:
    # the tenth session took the form back: 2 of 10 such cards T2/T3 in fresh first runs (test_session10_prunes.py)
    for note in (REMEDY, NAMED):
        assert not any(f.startswith("What remedy does") for f, _ in generated_cards(note).values())


def test_a_remedy_that_counts_what_follows_is_not_asked() -> None:
    assert not any(f.startswith("What remedy") for f, _ in generated_cards(COUNTED).values())


def test_a_long_clause_is_kept_whole_and_a_subjectless_second_predicate_is_cut() -> None:
    backs = [back for _, back in generated_cards(LONG).values()]
    # the whole reason, 15 words: cut to 12 it had no clean end and the sentence went unasked
    assert "Each keeper sees only the ships bound for their own quay and the tides" in backs, backs
    # 'a planning failure and say almost nothing about …': the second predicate is the note's other point
    assert not any("and say almost nothing" in back for back in backs), backs


CONCLUSION = harbour_note(
    "okafor-harbour-conclusion",
    """## Central argument
Harbour queues grow when every keeper plans berths alone.
Her broader conclusion is that queues at a shared quay are made by the plans, not by the ships.
Her explanation is a habit of planning alone: each keeper watches one quay.
Her own test is useful when read carefully.
""",
)


def test_a_conclusion_and_an_explanation_are_no_longer_asked_as_the_work_s() -> None:
    # taken back in the tenth session with the remedies (test_session10_prunes.py)
    fronts = dict(generated_cards(CONCLUSION).values())
    assert not any(f.endswith(("conclude?", "give?")) or f.startswith("What test") for f in fronts), fronts


LESS = harbour_note(
    "okafor-harbour-less",
    """## Central argument
Okafor argues that harbour delays depend less on the weather than on how the berths are booked.
Congestion is driven less by ship size than by the order in which pilots are called.
""",
)


def test_what_a_claim_puts_before_the_lesser_cause_is_asked() -> None:
    fronts = dict(generated_cards(LESS).values())
    ctx = "According to Okafor's 'Harbours Under Strain'"
    assert fronts.get(f"{ctx}, what do harbour delays depend on, more than the weather?") == (
        "How the berths are booked"
    ), fronts
    assert fronts.get(f"{ctx}, what is congestion driven by, more than ship size?") == (
        "The order in which pilots are called"
    ), fronts


CALLS = harbour_note(
    "okafor-harbour-calls",
    """## Central argument
Keepers answer every delay by booking more berths. She calls this berth hoarding: reserving quays against delays that rarely come.
Her lectures begin from what she calls the Law of Berths: every schedule fails at the spring tides, mainly because pilots wait for the tide to turn before they move any ship.
She calls this first phase a quiet season, when keepers trade berths freely.
""",
)


def test_a_term_the_work_names_and_glosses_is_asked() -> None:
    fronts = dict(generated_cards(CALLS).values())
    ctx = "In Okafor's 'Harbours Under Strain'"
    assert fronts.get(f"{ctx}, what is berth hoarding?") == "Reserving quays against delays that rarely come", fronts
    # cut before 'because', the adverb that led into it goes too ('…, mainly')
    assert fronts.get(f"{ctx}, what is the Law of Berths?") == "Every schedule fails at the spring tides", fronts
    assert not any("phase a quiet season" in front for front in fronts), fronts  # the thing, then its name


JUDGED_T0 = harbour_note(
    "okafor-harbour-t0",
    """## Central argument
Okafor defines hoarding as reserving, in a crowded season, berths that no ship of the fleet will use before the autumn tides turn.

## Critique
The Tide law, which leans on pilots' goodwill, says nothing about storms.

## Why it matters for product
Queues shorten over time because Okafor's argument says to treat booking as part of sailing.
""",
)


def test_three_shapes_every_judge_rated_t0_stay_unasked() -> None:
    cards = list(generated_cards(JUDGED_T0).values())
    assert not any(back == "Reserving, in a crowded season" for _, back in cards), cards  # a verb cut from its object
    assert not any(front.endswith(", which leans on?") for front, _ in cards), cards  # a relative clause cut in
    assert not any(back.startswith("Okafor's argument says") for _, back in cards), cards  # the frame, no answer


LESSON = harbour_note(
    "okafor-harbour-lesson",
    """## Central argument
Harbour queues grow when every keeper plans berths alone.
The wider lesson is that a shared plan shortens every ship's wait, not only the first.

## Why it matters for product
The practical lesson is to publish the queue before adding capacity.
The answer is a weekly berth review.
""",
)


def test_a_lesson_is_no_longer_asked_as_the_work_s_or_the_note_s() -> None:
    # taken back in the tenth session with the remedies (test_session10_prunes.py)
    fronts = dict(generated_cards(LESSON).values())
    assert not any(f.startswith("What lesson") or "answer" in f for f in fronts), fronts


FIGURE = harbour_note(
    "okafor-berth-ledger",
    """## Central argument
Harbour queues grow when every keeper plans berths alone.
Her remedy is preventive dredging.
Her alternative is the berth ledger, a shared weekly plan every keeper signs.
""",
    title="The Berth Ledger",
)


def test_a_remedy_in_a_figure_of_speech_or_named_by_the_title_is_not_asked() -> None:
    fronts = dict(generated_cards(FIGURE).values())
    assert not any(front.startswith(("What remedy", "What alternative")) for front in fronts), fronts


TITLED = harbour_note(
    "okafor-berth-ledgers",
    """## Central argument
Every keeper signs a *berth ledger*: the shared weekly plan that assigns every ship its quay.
""",
    title="The Age of Berth Ledgers",
)


def test_a_term_the_title_holds_is_still_asked() -> None:
    fronts = dict(generated_cards(TITLED).values())
    assert fronts.get("In Okafor's 'The Age of Berth Ledgers', what is a berth ledger?") == (
        "The shared weekly plan that assigns every ship its quay"
    ), fronts


def test_no_generated_card_of_the_shipped_notes_draws_lint_s_length_warning() -> None:
    """Answers are kept whole only up to lint's L1 warning (15 words): 'Leaders willing to hand over problems instead of
    roadmaps, and on the team having earned their trust' (17) shipped for a few commits and `deckgen lint` warned."""
    from pathlib import Path

    from deckgen.cards.generate import note_cards
    from deckgen.cards.rules.text import words
    from deckgen.core.cardrules import LintSettings
    from deckgen.sources.notes import parse_note, read_text

    root = Path(__file__).resolve().parent.parent
    longest = LintSettings().answer_words_warn
    for path in sorted((root / "content").rglob("*.md")):
        note = parse_note(read_text(path, path.name), path.name)
        for card in note_cards(note):
            if card.origin.startswith("generated") and card.kind == "basic":
                assert len(words(card.back)) <= longest, (path.name, card.front, card.back)
