"""Batch159's first run (550a1ac, three judges of four in the band; then development data).

Its T0s (every judge), each a shape the generator misread and now refuses:

- '… a typical case is a lookup that would otherwise hide a missing configuration value …' was asked 'what is a
  typical case?': an example of the clause before, which the question cannot name.
- 'Three laws explain the mechanics.' was asked 'what explains the mechanics?' and answered 'Three laws': a count that
  announces a list.
- 'The efficiency matrix: efficient islands (…), an efficient ocean (…), a wasteland (neither), and the perfect state
  (…)' was answered with its first two items: a series of glossed items cut after its second.
- 'The hardware analogy hides a real difference: software parts keep changing …' was answered 'A real difference': a
  placeholder whose content follows its colon.
- 'Build versus buy is McIlroy's question at team scale.' was asked 'what should a team build at team scale?' and
  answered 'Versus buy is McIlroy's question'.
- 'For the organisation, coordination works because …' was asked 'what explains why for the organisation,
  coordination works?': a fronted phrase left inside the question.

On the 1,492 development notes with cards they change no other card. The test reads the batch's own notes; it fails on
550a1ac.
"""

from __future__ import annotations

from noteutil import not_asked


def test_batch159_shapes_are_not_asked() -> None:
    not_asked("batch159", "shore-*.txt", question="what is a typical case?")
    not_asked("batch159", "modig-*.md", answer="Three laws")
    not_asked("batch159", "modig-*.md", question="what is the efficiency matrix?")
    not_asked("batch159", "mcilroy-*.txt", answer="A real difference")
    not_asked("batch159", "mcilroy-*.txt", answer="Versus buy")
    not_asked("batch159", "weber-*.md", question="why for the organisation, coordination works?")
