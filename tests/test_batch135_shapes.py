"""Batch135's first run (four judges, two in the calibration band: it counts; then used for development).

It measured 4f78b16, the code that shipped then. Its two T0s, each a shape the generator misread:

- '… so the weakest member sets the pace (a climbing team roped together).' was asked 'what is pace?' — 'A climbing
  team roped together': a parenthesis closing a consequence pictures the whole clause, not the word before it.
- 'Raiffa's stance is what he calls *asymmetrically prescriptive/descriptive*: advise one party on how to act well
  (prescriptive), given a realistic picture of how the other parties actually behave (descriptive), …' was answered
  'Advise one party on how to act well (prescriptive)': a gloss in labelled halves, cut after the first.

On the 1,607 earlier development notes they change no other card. The test reads the batch's own notes; it fails on
4f78b16.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_batch135_shapes_are_not_asked() -> None:
    groups = imported_pairs("batch135", "steiner-*.md", "steiner-batch135")
    assert groups, "the note still gives its other cards"
    assert not any(b == "A climbing team roped together" for _, b in groups), groups
    negotiation = imported_pairs("batch135", "raiffa-*.md", "raiffa-batch135")
    assert not any(b.endswith("(prescriptive)") for _, b in negotiation), negotiation
