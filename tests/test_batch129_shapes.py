"""Batch129's first run (judged blind by four judges, all in the calibration band, then used for development).

Two of main's T0s (every judge) and one T1, each a shape the generator misread:

- 'A correlation between using a feature and retention does not show that the feature causes retention, because
  engaged users do everything more' was asked 'what explains why the feature causes retention?': the claim inside a
  denied report is what the note denies.
- '… the rarity assumption carries a lot of weight' was asked 'what does the rarity assumption carry?' — 'A lot of
  weight': how much, not what.
- 'Downs thought environmental concern might last longer …' was asked 'what explains why downs thought …?': the
  author's name lost its capital (so did Wainer's on a development note).

On the 1,547 development notes these remove the two cards and give the two others their capitals. The test reads the
batch's own notes; it fails on 484c124.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_batch129_shapes_are_not_asked() -> None:
    theory = imported_pairs("batch129", "anderson-the-end-of-theory.md", "anderson-batch129")
    assert theory, "the note still gives its other cards"
    assert not any(f.endswith("what explains why the feature causes retention?") for f, _ in theory)
    testing = imported_pairs("batch129", "klayman-ha-*.txt", "klayman-batch129")
    assert not any(b == "A lot of weight" for _, b in testing)
    ecology = imported_pairs("batch129", "downs-*.txt", "downs-batch129")
    assert any("why Downs thought" in f for f, _ in ecology), ecology
