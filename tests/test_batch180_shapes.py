"""Batches 180 to 183's first runs (all four measured 3d7d4ba, whose cards the generator that shipped for them makes;
then development data). Their T0s were left unrefused while they measured what shipped; six are refused now.

- '… niche width: whether specialist forms, which do well in a narrow range of conditions, or generalist forms …' was
  answered with the first alternative alone.
- '… an exclusion restriction); without one, the estimate leans on the curvature …' was asked '… say without one, the
  estimate leans on?'.
- '… through a sequence of small, progressively harder steps' was answered '… through a sequence of small'.
- 'A later retrospective by McClelland revisits the findings …' was asked (bibliographic).
- '… and the target is something the team — not the model — must define' was answered '… something the team'.
- 'Treating observed bids as equilibrium outcomes assumes away the adjustment …' was answered 'Away the adjustment …'.

Not refused: 'what does studying managers in large US company?' ('companies who attended': without parts of speech a
noun before 'who' is a verb before 'who', as in 'changes who feels able'). On the 1,714 development notes with cards
the refusals change two other cards: batch107's 'Away the middle-tier sellers …' (T1 from every judge) and batch35's
unjudged '… based on a small' go. The test reads the batches' own notes; it fails on 78f66e4.
"""

from __future__ import annotations

from noteutil import never_asked


def test_batch180_to_183_shapes_are_not_asked() -> None:
    never_asked("batch181", "hannan-freeman-*.md", answer="Whether specialist forms, which do well")
    never_asked("batch181", "heckman-*.txt", question="without one, the estimate")
    never_asked("batch181", "kelley-kelley-*.txt", answer="through a sequence of small")
    never_asked("batch182", "mcclelland-*.txt", question="a later retrospective")
    never_asked("batch182", "ng-machine-*.md", answer="something the team")
    never_asked("batch183", "varian-*.txt", answer="Away the adjustment")


def test_the_same_shapes_in_older_batches_are_not_asked() -> None:
    never_asked("batch107", "frank-cook-*.txt", answer="Away the middle-tier sellers")
    never_asked("batch35", "burns-stalker-*.md", answer="based on a small")
