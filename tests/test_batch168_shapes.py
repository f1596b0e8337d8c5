"""Batches 168 to 171's first runs (all four measured 305b6ad, the generator that shipped for them; then development
data). Their T0s were left unrefused while they measured what shipped; seven of nine are refused now.

- 'Order increments by value so that schedule risk eats the least important scope first' was asked 'what does order
  increments by value so that schedule risk eat?': a purpose clause read into a claim's subject.
- '… an on-call rotation loses a person and nobody backfills' was answered 'A person and nobody backfills'.
- 'Sitting off it is possible …, because a rigid process making custom products, or a flexible process making
  commodities, tends to lose …' was answered with the reason's subject, cut before its verb.
- 'Piles exist because classifying is hard: …' was asked 'why is piles exist because classifying hard?'.
- 'The authors stress that the runs are not forecasts of dates but …' was asked 'what are the authors stress that the
  runs, if not forecasts of dates?'.
- '… a civic one (a crisis map)' was asked 'what is a civic one?'.
- 'the headline "about half" is a vivid number, not a precise rate …' was answered 'A vivid number'.

Not refused, each because every rule tried cost judged T2/T3 cards on the development notes: 'what explains why the
Theatre is the framework adopted?' — 'A famous company used it' (an answer ending on 'it': eleven judged cards, most
T2/T3, end the same way) and 'where does much of the pattern come from?' ('much of the X': eight judged cards, most
T2/T3). On the 1,602 development notes with cards the seven change one other card, unjudged: batch2's 'what are
aspirational ones?'. The test reads the batches' own notes; it fails on a94aeb9.
"""

from __future__ import annotations

from noteutil import never_asked, not_asked


def test_batch168_shapes_are_not_asked() -> None:
    not_asked("batch168", "demarco-*.md", question="so that schedule risk eat?")
    not_asked("batch168", "dekker-*.txt", answer="nobody backfills")


def test_batch169_shapes_are_not_asked() -> None:
    never_asked("batch169", "hayes-*.md", answer="or a flexible process making commodities")


def test_batch170_shapes_are_not_asked() -> None:
    never_asked("batch170", "malone-*.txt", question="why is piles exist")
    not_asked("batch170", "meadows-*.txt", question="the authors stress that")


def test_batch171_shapes_are_not_asked() -> None:
    never_asked("batch171", "shirky-*.txt", question="what is a civic one?")
    not_asked("batch171", "simons-*.txt", answer="A vivid number")
