"""Batch131's first run (judged blind by four judges, two in the calibration band, then used for development).

Three of main's four T0s (every judge), each a shape the generator misread:

- 'Analysts often decide what to "control for" by habit' was asked 'what often decides what to "control for" by
  habit?' — 'Analysts': who does it, in one generic word.
- '"… and the whole range clears our 0.3% threshold" is more useful to a launch decision than "p = 0.03"' was asked
  'what does the whole range clear?' — 'Our 0.3% threshold" is more useful …': cut across a quotation.
- 'The first working device was fragile and hard to make' was asked 'what was the first working device?' — 'Fragile
  and hard to make': what it was like, not what it was (the bullet's advice is asked instead: 'how should a demo be
  treated?').

On the 1,571 development notes these remove those three cards and one other answer cut across a quotation ('As we
don't know," not "no effect', T2 from four judges), and add the advice card. The test reads the batch's own notes; it
fails on 2cb0f76.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_batch131_shapes_are_not_asked() -> None:
    controls = imported_pairs("batch131", "cinelli-forney-pearl-*.md", "cinelli-batch131")
    assert controls, "the note still gives its other cards"
    assert not any(b == "Analysts" for _, b in controls), controls
    bayes = imported_pairs("batch131", "kruschke-*.txt", "kruschke-batch131")
    assert not any(f.endswith("what does the whole range clear?") for f, _ in bayes), bayes
    crystal = imported_pairs("batch131", "riordan-hoddeson-*.txt", "riordan-batch131")
    assert not any(b.startswith("Fragile and hard") for _, b in crystal), crystal
    assert any(f.endswith("how should a demo be treated?") for f, _ in crystal), crystal
