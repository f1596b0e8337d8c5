"""Batch126's first run (judged blind by four judges, three in the calibration band, then used for development).

Two of main's T1s were shapes the generator misread:

- 'The WELL was small, educated and culturally homogeneous, so its warmth says little about communities at scale' (a
  critique) was asked 'what explains why the work's warmth says little …?': the 'its' is the reason's own subject, not
  the work.
- '**Posterior tweaks**: shrinking the posterior variance can trade a little exploration for …' was asked 'what are
  posterior tweaks?': a gerund and its modal verb make a claim about the label, not a definition of it (now asked 'what
  can shrinking the posterior variance trade?').

On the 1,511 development notes these remove those two cards and one other gerund-and-modal definition ('what is the
lowest common denominator?' — 'Meaning only what every possible reader would accept', T1 from six judges), and add the
one card above. The test reads the batch's own notes; it fails on 75c2fca.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_batch126_shapes_are_not_asked() -> None:
    community = imported_pairs("batch126", "rheingold-*.md", "rheingold-batch126")
    assert community, "the note still gives its other cards"
    assert not any("the work's warmth" in front for front, _ in community), community
    sampling = imported_pairs("batch126", "chapelle-li-*.md", "chapelle-batch126")
    assert not any(front.endswith("what are posterior tweaks?") for front, _ in sampling), sampling
    assert any(front.endswith("what can shrinking the posterior variance trade?") for front, _ in sampling), sampling
