"""Batch142's first run (it measured 3b21dcd; then development data).

Its four T0s (every judge), each a shape the generator misread and now refuses:

- 'history shows no real technological leaps, so no society jumps far ahead of its knowledge base': evidence for
  the claim given as its cause ('what explains why no society jumps …?').
- 'Protect roadmaps from over-commitment for a quarter and give teams interim decision rules' was asked 'what should
  a team protect for a quarter and give teams interim decision rules?': a second instruction inside the question.
- 'Record last year's forecasts next to actuals in planning docs, so the "hairy back" is visible …': an instruction
  and its purpose, asked as a cause ('record' was no known instruction verb).
- 'The most common and most damaging error is to conclude "no difference" … because a P value is above a threshold':
  the 'because' belongs to the mistaken act, not to why it is the most common error.

On the 1,348 development notes with cards they change no other card. The test reads the batch's own notes; it fails
on 3b21dcd.
"""

from __future__ import annotations

from noteutil import imported_pairs, not_asked


def test_batch142_shapes_are_not_asked() -> None:
    not_asked("batch142", "heilbroner-*.txt", question="no society jumps")
    not_asked("batch142", "bridges-*.md", question="and give teams")
    not_asked("batch142", "bradley-*.md", answer="Record last year's forecasts")
    significance = imported_pairs("batch142", "amrhein-*.txt", "amrhein-batch142")
    assert not any("most damaging error" in f for f, _ in significance), significance
