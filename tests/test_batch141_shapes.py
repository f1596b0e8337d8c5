"""Batches 140 and 141's first runs (both measured 84f59e9; then development data).

Their T0s, each a shape the generator misread and now refuses:

- 'When the event is rare, even a very accurate detector floods you with false alarms' was asked 'what should a
  team do when the event is rare?' (batch141, every judge): what happens then is no action.
- 'Model the incentives, run simulations on real data, and test …' was asked 'what should a team model on real
  data?' — 'The incentives, run simulations' (batch141, every judge): the list's next instruction is no object.
- 'It says little about where latency actually comes from …: network round trips, …' was asked 'where does little
  about where latency actually come from?' (batch141, every judge): the subject is a clause.
- 'Check which way causation runs before building a roadmap around one' was asked '… around one?' (batch140, two
  judges of four): 'one' is the sentence before's.
- 'The second kind is more dangerous because …' was asked 'what explains why the second kind is more dangerous?'
  (batch140, one judge of four; T1 from the others): which kind, the sentence before said.

On the 1,328 development notes with cards they change no other card. The test reads the batches' own notes; it fails
on 84f59e9.
"""

from __future__ import annotations

from noteutil import not_asked


def test_batch141_shapes_are_not_asked() -> None:
    not_asked("batch141", "paulos-*.txt", question="what should a team do when the event is rare?")
    not_asked("batch141", "roth-*.txt", answer="The incentives, run simulations")
    not_asked("batch141", "patterson-*.txt", question="where does little about")


def test_batch140_shapes_are_not_asked() -> None:
    not_asked("batch140", "herndon-*.txt", question="around one?")
    not_asked("batch140", "bergstrom-*.txt", question="the second kind")
