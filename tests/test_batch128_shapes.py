"""Batch128's first run (judged blind by four judges, all in the calibration band, then used for development).

Main's four T0s (every judge, or three of four), each a shape the generator misread:

- 'The received wisdom in usable security was that users click through warnings reflexively, so warnings are close
  to useless' was asked 'what explains why warnings are close to useless?' — 'The received wisdom … was that …': a
  belief the note reports in order to refute it, given as the reason.
- 'The note diagnoses the problem but says little about the opposite error: …' was asked 'what does the note … say
  the note diagnoses the problem but says little about?': the note itself as the subject.
- 'The requirements point still holds where changes are expensive' was asked 'what does the requirements point
  hold?': one of the note's own points as the subject.
- '**Active management moves options**: …' was asked 'what are active management moves options?': a label that is a
  subject, its verb and its object.

On the 1,535 development notes these remove exactly those four cards. The test reads the batch's own notes; it fails
on f04bd5c.
"""

from __future__ import annotations

from noteutil import imported_pairs


def _pairs(pattern: str) -> list[tuple[str, str]]:
    return imported_pairs("batch128", pattern, "note-batch128")


def test_batch128_shapes_are_not_asked() -> None:
    assert not any(b.startswith("The received wisdom") for _, b in _pairs("akhawe-felt-*.md"))
    absence = _pairs("altman-bland-*.txt")
    assert absence, "the note still gives its other cards"
    assert not any(" say the note " in f for f, _ in absence)
    assert not any("the requirements point" in f for f, _ in _pairs("boehm-basili-*.txt"))
    assert not any("moves options" in f for f, _ in _pairs("luehrman-*.md"))
