"""Batch125's first run (judged blind by four judges, three in the calibration band, then used for development).

Main's T0 (every judge) and one of its T1s (every judge), each a shape the generator misread:

- 'Strategy, in their framing, is something different: a contingent plan …' was asked 'what is a something different?':
  an indefinite pronoun names nothing.
- 'the most valuable architects are neither ivory-tower diagram makers nor just senior engineers' was answered
  'Neither … nor …': what the thing is not, without what it is.

On the 1,499 development notes these remove exactly those two cards and one other 'neither … nor' answer ('what should
environments be?' — 'Neither too simple nor too baffling', T1 from every judge). The test reads the batch's own notes; it fails on
bf2c9ca.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_batch125_shapes_are_not_asked() -> None:
    strategy = imported_pairs("batch125", "casadesus-masanell-ricart-*.txt", "casadesus-batch125")
    assert strategy, "the note still gives its other cards"
    assert not any("something" in front for front, _ in strategy), strategy
    architects = imported_pairs("batch125", "hohpe-*.md", "hohpe-batch125")
    assert not any(back.lower().startswith("neither ") for _, back in architects), architects
