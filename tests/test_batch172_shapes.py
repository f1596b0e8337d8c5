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

from noteutil import imported_pairs, not_asked


def _none(batch: str, pattern: str, text: str) -> None:
    """No card of the note holds ``text``, whether or not the note keeps other generated cards."""
    pairs = imported_pairs(batch, pattern, f"{pattern.split('-')[0]}-{batch}")
    assert not any(text in f or text in b for f, b in pairs), pairs


def test_batch172_to_175_shapes_are_not_asked() -> None:
    _none("batch172", "brown-roediger-*.txt", "A term from Robert Bjork's work")
    _none("batch173", "garvin-*.md", "what are the three Ms?")
    pairs = not_asked("batch173", "iansiti-*.md", question="what is an AI feature?")
    assert any('before adding an "AI feature"' in f for f, _ in pairs), pairs
    _none("batch174", "rogers-*.txt", "but never act on?")
    _none("batch174", "ouellette-*.md", "what drives what happens next?")
    _none("batch174", "morrison-*.md", "why dissent should be avoided?")
    _none("batch175", "slovic-*.txt", "Adaptive, but warn")
    _none("batch175", "sutton-the-no-*.md", "Organisations put up with demeaning behaviour")
    _none("batch175", "sutton-the-no-*.md", "A rule is stated, used in hiring")


def test_batch176_to_179_shapes_are_not_asked() -> None:
    _none("batch176", "demillo-*.txt", "why a proof is not trusted?")
    _none("batch178", "mccarthy-*.txt", "A product or feature name")
    _none("batch178", "mills-*.txt", "the right way both to find the defects?")
    _none("batch179", "woods-*.txt", "How the two interact")
