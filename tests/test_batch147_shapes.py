"""Batches 146 and 147's first runs (both measured 64ef039's generator, at 992abf4; then development data).

Their T0s, each a shape the generator misread and now refuses:

- '**Warrant**: the general, often unstated, licence that allows …' (batch147, every judge) was answered 'The general,
  often unstated': cut between the words of a series, after an adverb.
- 'Its coverage centres on France, Prussia and Britain, …' (batch146, every judge) was asked 'what does the work's
  coverage centre on?': what a book covers is its contents, not an idea; and the clause after its ', and it' was read
  without its subject ('Stops before twentieth-century mathematical statistics').
- 'Sustaining technologies improve products along the dimensions that …' (batch146, every judge) was asked 'what does
  sustaining technologies improve product?' — 'Along the dimensions'.
- '**Recommendations**: be careful about …' (batch146, two judges of six) was asked 'what are recommendations?'.

On the 1,387 development notes with cards they change no other card. The test reads the batches' own notes; it fails
on 992abf4.
"""

from __future__ import annotations

from noteutil import imported_pairs, not_asked


def test_batch147_shapes_are_not_asked() -> None:
    not_asked("batch147", "toulmin-*.md", answer="often unstated")


def test_batch146_shapes_are_not_asked() -> None:
    chance = not_asked("batch146", "hacking-*.md", question="the work's coverage")
    assert not any(b.startswith("Stops before") for _, b in chance), chance
    not_asked("batch146", "bower-*.txt", answer="Along the dimensions")
    shortcuts = imported_pairs("batch146", "geirhos-*.md", "geirhos-batch146")  # its only card
    assert not any(f.endswith("what are recommendations?") for f, _ in shortcuts), shortcuts
