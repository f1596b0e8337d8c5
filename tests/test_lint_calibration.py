"""Lint's warnings against the blind judge: scripts/lint_calibration.py over every judged card in evals/."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from judged_cards import load  # noqa: E402
from lint_calibration import calibrate, table  # noqa: E402


def test_binary_choice_warning_flags_the_cards_the_judge_rated_poor() -> None:
    # On 4dcc2e8 L5 flagged 771 ratings of the curator's cards, 88% of them T2+ like the
    # 87% it did not flag (it fired on any 'word or word'); on e50828a 196, 70% T2+.
    cards, _, notes = load(REPO)
    tallies, flagged = calibrate(cards, notes)
    hit, miss = tallies[("curator", "L5", True)], tallies[("curator", "L5", False)]
    assert hit.ratings >= 40 and miss.ratings > 50_000
    assert hit.share <= 0.3 and miss.share >= 0.8, table(tallies)
    assert all(card.source == "curator" for card in flagged[("curator", "L5")])
