"""Batch115's first run (judged blind by four judges, all in the calibration band, then used for development).

- '- Use cases should be written as plain, active-voice text …' was asked 'how should cases should be written be
  used?' (T0 from every judge): 'Use' opens a noun; an object holding a modal is no object of an instruction. The
  rule that asks how things should be written now asks it ('how should use cases be written?').
- 'proposals float in a "policy primeval soup", recombining and being refined over years. Ideas survive …' was asked
  'what is a policy primeval soup?' — 'Recombining and being refined over years. Ideas survive …' (T0/T1): what the
  term does, run into the next sentence, is no appositive gloss.

On the 1,379 development notes these remove exactly these two cards, and the first note gains the rewritten one.
Written in our own words; the tests fail on 22f9cc1.
"""

from __future__ import annotations

from noteutil import asked, harbour_note

NOTE = harbour_note(
    "okafor-batch115",
    """## Central argument
Okafor describes three streams.

- The scheme stream: pilots, clerks and harbour staff generate schemes that float in a "harbour primeval soup", recombining and being refined over years. Schemes survive if they are cheap, fit the port's habits and look safe.

## Why it matters for product
- Use fees should be charged as plain, per-hour amounts ("The ship docks...", "The crane lifts..."), readable by captains, and free of hidden surcharges.
""",
)


def test_batch115_shapes_are_not_asked() -> None:
    questions = asked(NOTE)
    assert not any("should be charged be" in q or "fees should" in q for q in questions), questions
    assert not any("primeval soup" in q for q in questions), questions
