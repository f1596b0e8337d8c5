"""Batch132's first run (six judges, none in the calibration band: it does not count; then used for development).

Its three T0s (every judge), each a shape the generator misread:

- 'The most influential part is the contact hypothesis' was asked 'what is the most influential part?': the note's
  verdict on the work, not its idea (such questions were T2/T3 in 17% of 23 ratings).
- 'When one number does both jobs, people sandbag' was asked 'what should a team do when one number does both jobs?'
  — 'People sandbag': what follows, asked as what to do.
- '… in two ways: through structure (…) and through the dominance of an idea (…)' was answered 'Through structure,
  through the dominance': the list's last item cut before its 'of'.

On the 1,583 development notes these remove those three cards and four others of the same shapes (a 'most interesting
part' T0 from five judges of six, a 'most contested part' T2 from four, and two lists cut before an 'of', T1 or mixed).
The test reads the batch's own notes; it fails on 6d33bbe.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_batch132_shapes_are_not_asked() -> None:
    prejudice = imported_pairs("batch132", "allport-*.md", "allport-batch132")
    assert prejudice, "the note still gives its other cards"
    assert not any("most influential part" in f for f, _ in prejudice), prejudice
    budgeting = imported_pairs("batch132", "hope-fraser-*.md", "hope-batch132")
    assert not any(b == "People sandbag" for _, b in budgeting), budgeting
    organization = imported_pairs("batch132", "gulick-*.txt", "gulick-batch132")
    assert not any(b.endswith("through the dominance") for _, b in organization), organization
