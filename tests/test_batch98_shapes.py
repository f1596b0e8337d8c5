"""Batch98's first run (9b26047): its T0 shapes, refused since. The fresh notes are batch98's and batch94's fixtures;
the tests fail on 0542c20.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_treats_without_its_as_is_not_asked() -> None:
    # "What does the note on Putnam's 'Bowling Alone' say the work treats?" - 'The internet cautiously, …' (T0 from every
    # judge)
    cards = imported_pairs("batch98", "putnam-bowling-alone *.md", "putnam-bowling-alone")
    assert not any(front.endswith(" treats?") for front, _ in cards), cards


def test_a_gloss_is_not_cut_inside_itself() -> None:
    # '"wooden-headedness": judging a situation by fixed, prior ideas …' -> 'Judging a situation by fixed' and '"digital
    # Maoism": treating the aggregate of crowd output, whether a wiki …, as wiser …' -> 'Treating the aggregate of crowd
    # output' (T0 from three judges of four)
    tuchman = imported_pairs("batch98", "tuchman-the-march-of-folly.txt", "tuchman-the-march-of-folly")
    lanier = imported_pairs("batch98", "lanier-you-are-not-a-gadget.txt", "lanier-you-are-not-a-gadget")
    assert lanier
    assert not any(back.endswith(" fixed") for _, back in tuchman), tuchman
    assert not any(back == "Treating the aggregate of crowd output" for _, back in lanier), lanier


def test_ones_with_nothing_to_stand_for_is_not_asked() -> None:
    # 'what explains why more powerful ones just look strange?' (batch94: T0/T1): ones of what?
    cards = imported_pairs("batch94", "graham-beating-the-averages.txt", "graham-beating-the-averages")
    assert not any("more powerful ones" in front for front, _ in cards), cards
