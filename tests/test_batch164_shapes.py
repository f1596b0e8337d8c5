"""Batches 164, 165 and 167's first runs (all three measured 9999392, the generator that shipped for them; then
development data). Their T0s were left unrefused while they measured what shipped; these are refused now.

- '**Few-shot**: the description plus …' was asked 'what is the few-shot performance?': the note's 'few-shot
  performance' and 'uneven performance' were read as two kinds of performance, the term's own 'shot' counted as the
  other modifier.
- 'Price targeting: sellers cannot see what you would pay, so they design menus …' was answered 'Sellers cannot see
  what you would pay': the problem, cut before what the term does about it.
- 'Market failure: markets work when prices tell the truth. They fail where …' was answered with when markets work.
- 'Prices carry information, and a few ideas explain much of everyday commerce' was asked 'what two things explain
  much of everyday commerce?' — 'Prices carry information, a few ideas': a part with a verb of its own.
- '… an unusually long time horizon with relentless, sometimes brutal operational demands' was answered '… with
  relentless': cut between an adjective and its noun.
- 'once you eliminate the number one problem, number two gets a promotion' was asked as advice: 'number two' is a noun
  phrase, not an instruction.
- 'Treating connectors as first-class design elements, not mere glue, is one of the book's signature moves' was asked
  'what is one of the book's signature moves, if not mere glue?': the denial is of what connectors are treated as.

On the 1,571 development notes with cards they change no other card but the few-shot one, now 'what is a few-shot?'
(the same answer). The test reads the batches' own notes; it fails on d072ab2.
"""

from __future__ import annotations

from noteutil import never_asked, not_asked


def test_batch164_shapes_are_not_asked() -> None:
    not_asked("batch164", "brown-et-al-*.md", question="few-shot performance")


def test_batch165_shapes_are_not_asked() -> None:
    not_asked("batch165", "harford-*.txt", answer="Sellers cannot see what you would pay")
    not_asked("batch165", "harford-*.txt", question="what is market failure?")
    not_asked("batch165", "harford-*.txt", question="what two things explain")


def test_batch167_shapes_are_not_asked() -> None:
    never_asked("batch167", "stone-*.txt", answer="with relentless")  # no generated card is left
    not_asked("batch167", "weinberg-*.md", question="number one problem?")
    not_asked("batch167", "shaw-*.md", question="if not mere glue?")
