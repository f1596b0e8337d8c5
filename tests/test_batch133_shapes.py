"""Batch133's first run (four judges, three in the calibration band: it counts; then used for development).

It measured the code that shipped at a557ca9. Its T0s from every judge, or from all but one, each a shape the generator
misread:

- 'The limit reflects the **focus of attention**, which is why distraction shrinks it' was asked 'what is focus of
  attention?' — 'Focus that is why distraction shrinks it': a 'which is why' clause says what follows from the term,
  not what it is.
- 'Problems with requirements and architecture that are found late cost much more to fix …, so prerequisites matter
  even on iterative projects' was answered 'Problems with requirements and architecture': the reason cut at its
  relative clause kept only its subject.
- 'Individuals have preferred modes, so groups learn better when they mix them' and '… so product teams have to
  translate them to conversion rates …' were asked with a 'them' that stands for the reason's own noun.

On the 1,583 earlier development notes these remove three other cards, each with a 'them' that names nothing in its
question ('what explains why comparison with them fades?'). The test reads the batch's own notes; it fails on a557ca9.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_batch133_shapes_are_not_asked() -> None:
    memory = imported_pairs("batch133", "cowan-*.md", "cowan-batch133")
    assert not any("is why" in b for _, b in memory), memory
    construction = imported_pairs("batch133", "mcconnell-code-complete*.md", "mcconnell-batch133")
    assert construction, "the note still gives its other cards"
    assert not any(b == "Problems with requirements and architecture" for _, b in construction), construction
    learning = imported_pairs("batch133", "kolb-*.md", "kolb-batch133")
    assert learning, "the note still gives its other cards"
    assert not any("mix them" in f for f, _ in learning), learning
    power = imported_pairs("batch133", "hoenig-*.txt", "hoenig-batch133")
    assert not any("translate them" in f for f, _ in power), power
