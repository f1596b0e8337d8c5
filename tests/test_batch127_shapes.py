"""Batch127's first run (judged blind by four judges, all in the calibration band, then used for development).

Main's five T0s (every judge), each a shape the generator misread:

- 'Eisenmann, Parker and Van Alstyne argue this barrier is weaker than it looks, because …' was asked 'what explains
  why eisenmann, Parker and Van Alstyne argue this barrier …?': the authors' frame and a 'this' that points back.
- '**Local comparison misleads**: …' was asked 'what are local comparison misleads?': a label that is a subject and
  its verb.
- '… and volunteer or community ladders all rely on the same mechanism' was asked 'what does volunteer or community
  ladder?' — 'All rely on the same mechanism': the subject's noun read as its verb.
- 'The Anti-Mac is meant to live alongside the GUI, not wipe it out' was asked 'what is the Anti-Mac, if not wipe it
  out?': the alternative is a verb and its object.
- 'His explanation was that the rights to each storefront had been split …' was asked as the work's central claim
  (the form e264549 had added for 'explanation', now withdrawn: it explained the opening puzzle).

On the 1,523 development notes these remove exactly those five cards and the two other 'explanation' cards. The test
reads the batch's own notes; it fails on e264549.
"""

from __future__ import annotations

from noteutil import imported_pairs


def _pairs(pattern: str) -> list[tuple[str, str]]:
    pairs = imported_pairs("batch127", pattern, "note-batch127")
    assert pairs, f"{pattern} still gives its other cards"
    return pairs


def test_batch127_shapes_are_not_asked() -> None:
    assert not any("argue this barrier" in f for f, _ in _pairs("eisenmann-*.md"))
    assert not any("misleads?" in f for f, _ in _pairs("feld-*.md"))
    assert not any(b.startswith("All rely") for _, b in _pairs("freedman-fraser-*.txt"))
    assert not any("if not wipe it out" in f for f, _ in _pairs("gentner-nielsen-*.md"))
    assert not any(f.startswith("What is the central claim") for f, _ in _pairs("heller-*.md"))
