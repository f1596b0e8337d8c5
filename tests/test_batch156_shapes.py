"""Batches 156 and 157's first runs (both measured ad9755c; then development data).

Their T0s (every judge, or all but one), each a shape the generator misread and now refuses:

- 'Her answer is **team psychological safety**: *a shared belief held by members of a team that the team is safe
  for interpersonal risk taking*' was answered 'A shared belief held by members of a team': a belief cut before what
  is believed.
- 'digital products fail less for technical reasons than because nobody was rigorous …' was asked 'what explains why
  digital products fail less for technical reasons than?': a comparison cut before what it compares.
- 'A business that deliberately relies on customers overpaying invites a backlash' was asked '… say a business that
  deliberately relies on?': a relative clause's verb taken for the sentence's.
- 'write the key instruction first, halve the draft, turn lists into bullets, and test copy changes with task-based
  usability measures rather than opinion' was asked 'what does test copy change with rather than opinion?': the last
  of a series of instructions read as a claim.
- 'The theorem: averaged over all possible cost functions, every such algorithm produces …' was asked 'what is the
  theorem?' and answered 'Averaged over all possible cost functions': a participle's phrase, cut before its clause.

On the 1,474 development notes with cards they change no other card (Morkes and Nielsen's note is left with none). The test reads the batches' own notes; it fails
on ad9755c.
"""

from __future__ import annotations

from noteutil import imported_pairs, not_asked


def test_batch156_shapes_are_not_asked() -> None:
    not_asked("batch156", "edmondson-*.md", answer="A shared belief held by members of a team")
    not_asked("batch156", "goodwin-*.md", question="technical reasons than?")
    not_asked("batch156", "lambrecht-*.md", question="say a business that deliberately relies on?")


def test_batch157_shapes_are_not_asked() -> None:
    web = imported_pairs("batch157", "morkes-*.txt", "morkes-batch157")  # its one card was this; none is left
    assert not any("what does test copy change with" in f for f, _ in web), web
    not_asked("batch157", "wolpert-*.txt", question="what is the theorem?")
