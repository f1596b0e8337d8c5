"""Lint's warnings against the blind judge: scripts/lint_calibration.py over every judged card in evals/."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from judged_cards import load  # noqa: E402
from lint_calibration import Tally, calibrate, table  # noqa: E402

Tallies = dict[tuple[str, str, bool], Tally]


@pytest.fixture(scope="module")
def tallies() -> Tallies:
    cards, _, notes = load(REPO)
    return calibrate(cards, notes)[0]


def test_binary_choice_warning_flags_the_cards_the_judge_rated_poor(tallies: Tallies) -> None:
    # On 4dcc2e8 L5 flagged 771 ratings of the curator's cards, 88% of them T2+ like the
    # 87% it did not flag (it fired on any 'word or word'); on e50828a 196, 70% T2+.
    hit, miss = tallies[("curator", "L5", True)], tallies[("curator", "L5", False)]
    assert hit.ratings >= 40 and miss.ratings > 50_000
    assert hit.share <= 0.3 and miss.share >= 0.8, table(tallies)


def test_unreferenced_pronoun_warning_no_longer_flags_the_curators_better_cards(tallies: Tallies) -> None:
    # On 123f179 L14 flagged 642 ratings of the curator's cards, 93% T2+ against 87% unflagged: mostly 'its'
    # after a context naming the work ("why are its examples weak evidence?") and 'what does it mean to …'.
    hit, miss = tallies[("curator", "L14", True)], tallies[("curator", "L14", False)]
    assert 50 <= hit.ratings <= 200, table(tallies)
    assert hit.share < miss.share, table(tallies)
