"""Batches 172 to 179's first runs (all eight measured ceb7db3, the generator that shipped for them; then development
data). Their T0s were left unrefused while they measured what shipped; thirteen are refused now.

- 'These are "desirable difficulties", a term from Robert Bjork's work' was answered 'A term from Robert Bjork's work'.
- '… the three Ms: meaning (a clear definition), management (practical guidelines), and measurement (…)' was answered
  with the first two.
- 'Before adding an "AI feature", ask whether …' was asked 'what is an AI feature?' (now: 'what should a team do before
  adding an "AI feature"?').
- 'A manager who reflects feelings perfectly but never acts on what they hear will …' was asked '… but never act on?'.
- 'Past behaviour then shapes intentions, and intentions drive what happens next' was asked 'what drives what happens
  next?' — 'Past behaviour then shapes intentions'.
- '…; unity, agreement and consensus are signs of a healthy organisation, so dissent should be avoided' (a list of
  beliefs the authors describe) was asked 'what explains why dissent should be avoided?'.
- 'The authors see affect as often adaptive, but warn …' was answered 'Adaptive, but warn'.
- 'His claim is that organisations put up with demeaning behaviour because …' was answered without its 'because'.
- 'A rule only works if it is stated, used in hiring, firing and promotion, and applied to stars' was answered 'A rule
  is stated, used in hiring'.
- 'A proof is not trusted because it is a formally valid derivation' was asked as the reason it is not trusted.
- 'Be careful with names, because a product or feature name that promises …' was answered 'A product or feature name'.
- '… the right way both to find the defects that matter and to certify the product' was asked 'what is the right way
  both to find the defects?'.
- 'Failures come from how the two interact' was answered 'How the two interact'.

Not refused: 'what do PMs sit on?' (a detail, in a sentence of ordinary shape) and four of Norman and Nielsen's
heuristics glossed by how gestures break them (T0 from one judge of four, T1 from the others). On the 1,676 development
notes with cards the refusals change two other cards: batch89's 'The key architectural idea is an "Ajax engine" …'
(unjudged) and batch97's 'A continuum between the two' (T1 from every judge) go. The test reads the batches' own notes;
it fails on 4d3c331.
"""

from __future__ import annotations

from noteutil import never_asked, not_asked


def test_batch172_to_175_shapes_are_not_asked() -> None:
    never_asked("batch172", "brown-roediger-*.txt", answer="A term from Robert Bjork's work")
    never_asked("batch173", "garvin-*.md", question="what are the three Ms?")
    pairs = not_asked("batch173", "iansiti-*.md", question="what is an AI feature?")
    assert any('before adding an "AI feature"' in f for f, _ in pairs), pairs
    never_asked("batch174", "rogers-*.txt", question="but never act on?")
    never_asked("batch174", "ouellette-*.md", question="what drives what happens next?")
    never_asked("batch174", "morrison-*.md", question="why dissent should be avoided?")
    never_asked("batch175", "slovic-*.txt", answer="Adaptive, but warn")
    never_asked("batch175", "sutton-the-no-*.md", answer="Organisations put up with demeaning behaviour")
    never_asked("batch175", "sutton-the-no-*.md", answer="A rule is stated, used in hiring")


def test_batch176_to_179_shapes_are_not_asked() -> None:
    never_asked("batch176", "demillo-*.txt", question="why a proof is not trusted?")
    never_asked("batch178", "mccarthy-*.txt", answer="A product or feature name")
    never_asked("batch178", "mills-*.txt", question="the right way both to find the defects?")
    never_asked("batch179", "woods-*.txt", answer="How the two interact")
