"""A bullet that opens on a bold label ending in a full stop ('**Misdirected research effort.** Gains on benchmarks
…') is a label and sentences, never one sentence: read whole, its label ran into the next sentence's subject
(batch92: 'what does misdirected research effort. gain on?', T0 from all six judges). The fresh notes are batch90's
and batch92's fixtures; the tests fail on 184bb34.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_a_bold_label_does_not_run_into_the_sentence_after_it() -> None:
    cards = imported_pairs("batch92", "bender-et-al-stochastic-parrots.md", "bender-stochastic-parrots")
    assert not any("effort. gain" in front.lower() or ". " in front.split("', ", 1)[-1] for front, _ in cards), cards


def test_a_labelled_bullet_is_asked_one_sentence_at_a_time() -> None:
    # '**Challenge.** A game needs a goal …; … success or failure touches the player's self-esteem': the whole bullet,
    # read as one sentence, asked 'what does success or failure touch?' (batch90: T1 from every judge)
    cards = imported_pairs("batch90", "malone-what-makes-things-fun-to-learn.md", "malone-what-makes-things-fun")
    assert not any(front.endswith("what does success or failure touch?") for front, _ in cards), cards
