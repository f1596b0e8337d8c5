"""Batch136's first run (four judges, one in the calibration band: it counts; then used for development).

It measured 41ba583. Its four T0s (every judge), each a shape the generator misread:

- 'The 1992 model mixes two kinds of diagram: a sequence of events over time and a causal model of variables' was
  answered 'A sequence, a causal model': items cut before their 'of' (batch132's refusal caught only the last item).
- '… optional activities grow a great deal and social activity grows with them' was asked 'what do optional
  activities grow?' — 'A great deal and social activity grows with them': how much, then the next clause.
- '**Indifference, not falsity**: a bullshit claim can be true' was asked 'what is indifference, not falsity?': a label
  that contrasts two words is no term.
- '… comes from people who care a great deal but have been put where they must report confidence …' was answered
  '… but have been put': cut before the place the verb needs.

On the 1,619 earlier development notes they change no other card. The test reads the batch's own notes; it fails on
41ba583.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_batch136_shapes_are_not_asked() -> None:
    success = imported_pairs("batch136", "delone-*.txt", "delone-batch136")
    assert success, "the note still gives its other cards"
    assert not any(b == "A sequence, a causal model" for _, b in success), success
    spaces = imported_pairs("batch136", "gehl-*.md", "gehl-batch136")
    assert not any(b.startswith("A great deal") for _, b in spaces), spaces
    bullshit = imported_pairs("batch136", "frankfurt-*.md", "frankfurt-batch136")
    assert bullshit, "the note still gives its other cards"
    assert not any(", not falsity" in f for f, _ in bullshit), bullshit
    assert not any(b.endswith("have been put") for _, b in bullshit), bullshit
