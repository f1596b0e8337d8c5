"""Batch134's first run (four judges, all in the calibration band: it counts; then used for development).

It measured 4155bce, the code that shipped then. Its one T0 (every judge): 'The number of active editors on English
Wikipedia grew rapidly …' was asked 'what does the number of active editor on?': after the adjective 'active' the
-s word 'editors' was read as the verb. An adjective in -ive now keeps its noun, as those in -ous, -ful and -ical did.

On the 1,595 earlier development notes this removes one other card, a T0 from all eight judges of its run ('what does
a loose community of obsessive programmer?'), whose note gets its opening-thesis card instead. The test reads the
batch's own notes; it fails on 4155bce.
"""

from __future__ import annotations

from noteutil import imported_pairs


def test_batch134_shapes_are_not_asked() -> None:
    wikipedia = imported_pairs("batch134", "halfaker-*.md", "halfaker-batch134")
    assert not any("active editor" in f for f, _ in wikipedia), wikipedia
