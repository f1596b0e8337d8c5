"""Batches 153 and 155's first runs (both measured the generator that shipped for them, bec215a's cards; then
development data).

Their T0s (every judge, or all but one), each a shape the generator misread and now refuses:

- 'Openness and tipping: network effects push towards one dominant platform, but differentiation and multihoming
  can sustain several' was asked 'what is openness and tipping?' and answered with the half before 'but'.
- 'Social analysis: authorship data reveals knowledge maps, key-person risk and places where many developers …' was
  answered '… and places': a place named without where it is.
- 'Emotion is part of reasoning, not separate from it' was asked 'what is emotion, if not separate from it?': the
  alternative points back at the answer.
- 'Agree on the approach (a short design doc or spike review)' was asked 'what is approach?': alternatives that stand
  for a lone word are its examples.
- '… equally easy for good and bad actors (a slick landing page)' was asked 'what are bad actors?': one thing cannot
  gloss a plural.
- 'Zahavi, writing in the *Journal of Theoretical Biology*, argues that …' was asked 'what is the journal of
  Theoretical Biology?' and answered 'Argues that …'.

On the 1,457 development notes with cards they change three other cards, none judged T2 or better: 'what is
pre-problem stage?' (batch129, T1 from every judge: its gloss cut at ', but the public does not'), 'what is the
handicap, if not a by-product of it?' (batch155, T1 from every judge) and 'what are sale signs?' (batch38, unjudged:
its gloss cut at ', but the lift shrinks …'); Zahavi's note is left with no card. The test reads the batches' own notes; it fails on 6988cf1.
"""

from __future__ import annotations

from noteutil import imported_pairs, never_asked, not_asked


def test_batch153_shapes_are_not_asked() -> None:
    not_asked("batch153", "rysman-*.txt", question="what is openness and tipping?")
    not_asked("batch153", "tornhill-*.txt", question="what is social analysis?")
    # the note's other cards, short answers, now fall under the answer floor (ideas._ANSWER_FLOOR)
    never_asked("batch153", "zaltman-*.md", question="if not separate from it?")


def test_batch155_shapes_are_not_asked() -> None:
    not_asked("batch155", "sadowski-*.md", question="what is approach?")
    # none of the note's three cards was worth studying
    handicap = imported_pairs("batch155", "zahavi-*.md", "zahavi-batch155")
    assert not any("what are bad actors?" in f or b.startswith("Argues that") for f, b in handicap), handicap
