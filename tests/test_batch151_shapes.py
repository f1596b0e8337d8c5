"""Batches 150 and 151's first runs (both measured 85948a9, the generator that shipped for them; then development data).

Their T0s (every judge), each a shape the generator misread and now refuses:

- '… power-user features on Hard Fun' was asked 'what does power-user feature on?': a hyphenated modifier and its
  plural noun read as a subject and its verb.
- 'When the answer is yes, prefer a randomised experiment …' was asked 'what should a team do when the answer is
  yes?': the answer to a question the sentence before asked.
- '… our romantic picture of invention (a flash of insight in a single mind) …' was asked 'what is invention?': the
  parenthesis glosses the picture the work argues against.
- '… is **mindlessness**: a few cues such as words for output … are enough to trigger …' was answered 'A few cues':
  the gloss cut where its examples begin, and its verb with them.

On the 1,423 development notes with cards they change no other card. The test reads the batches' own notes; it fails
on 85948a9.
"""

from __future__ import annotations

from noteutil import imported_pairs, not_asked


def test_batch150_shapes_are_not_asked() -> None:
    not_asked("batch150", "lazzaro-*.md", question="what does power-user feature on?")
    not_asked("batch150", "elwert-*.txt", question="when the answer is yes?")
    breakthroughs = imported_pairs("batch150", "hargadon-*.md", "hargadon-batch150")  # its only card
    assert not any(b == "A flash of insight in a single mind" for _, b in breakthroughs), breakthroughs


def test_batch151_shapes_are_not_asked() -> None:
    not_asked("batch151", "nass-*.md", answer="A few cues")
