"""How well each lint rule predicts the blind judge: every judged card in evals/*/ linted, flagged vs not.

A warning earns its place when the cards it flags are worse than the cards it does not:
for each rule that fires, the share of the judges' ratings at T2 or better among the cards
it flags and among the others, for the curator's cards and the generated ones apart (the
generator ships nothing its gate refuses, so its flagged cards are few and already
filtered). Every rating counts once (a card rated by four judges weighs four times a card
rated by two). The cards are linted as `deckgen import` makes their notes, with the
default settings (`LintSettings()`), each as an authored card of its note.

    python scripts/lint_calibration.py                # the table
    python scripts/lint_calibration.py --rule L5 --show 20   # 20 flagged cards of a rule, with tiers
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from judged_cards import ROOT, JudgedCard, as_card, load  # noqa: E402

from deckgen.core.cardrules import LintSettings, check_card  # noqa: E402
from deckgen.core.model import Note  # noqa: E402


@dataclass
class Tally:
    """Ratings of the cards a rule flags (or does not), and how many were T2 or better."""

    ratings: int = 0
    good: int = 0

    def add(self, card: JudgedCard) -> None:
        self.ratings += len(card.tiers)
        self.good += sum(tier >= 2 for tier in card.tiers.values())

    @property
    def share(self) -> float:
        return self.good / self.ratings if self.ratings else 0.0


def rules_fired(card: JudgedCard, note: Note, settings: LintSettings) -> set[str]:
    """The rules ``deckgen lint`` reports on the judged card, as an authored card of its imported note."""
    return {issue.rule for issue in check_card(as_card(card, note, "judged"), note, settings)}


def calibrate(
    cards: list[JudgedCard], notes: dict[tuple[str, str], tuple[str, Note]]
) -> tuple[dict[tuple[str, str, bool], Tally], dict[tuple[str, str], list[JudgedCard]]]:
    """(source, rule, flagged) -> tally, and (source, rule) -> the cards it flags."""
    settings = LintSettings()
    fired_by: list[tuple[JudgedCard, set[str]]] = [
        (card, rules_fired(card, notes[(card.batch, card.note)][1], settings)) for card in cards
    ]
    rules = sorted({rule for _, fired in fired_by for rule in fired}, key=lambda r: int(r[1:]))
    tallies: dict[tuple[str, str, bool], Tally] = defaultdict(Tally)
    flagged: dict[tuple[str, str], list[JudgedCard]] = defaultdict(list)
    for card, fired in fired_by:
        for rule in rules:
            tallies[(card.source, rule, rule in fired)].add(card)
            if rule in fired:
                flagged[(card.source, rule)].append(card)
    return tallies, flagged


def table(tallies: dict[tuple[str, str, bool], Tally]) -> str:
    rules = sorted({rule for _, rule, _ in tallies}, key=lambda r: int(r[1:]))
    lines = [
        "| source | rule | ratings flagged | T2+ flagged | ratings not flagged | T2+ not flagged |",
        "|---|---|---|---|---|---|",
    ]
    for source in ("curator", "generated"):
        for rule in rules:
            hit, miss = tallies[(source, rule, True)], tallies[(source, rule, False)]
            if hit.ratings:
                lines.append(
                    f"| {source} | {rule} | {hit.ratings} | {hit.share:.0%} | {miss.ratings} | {miss.share:.0%} |"
                )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rule", help="show cards this rule flags (e.g. L5)")
    parser.add_argument("--show", type=int, default=10, help="how many flagged cards to show")
    args = parser.parse_args()
    cards, _, notes = load(ROOT)
    tallies, flagged = calibrate(cards, notes)
    print(f"{len(cards)} judged cards, {sum(len(c.tiers) for c in cards)} ratings")
    print(table(tallies))
    if args.rule:
        for source in ("curator", "generated"):
            for card in flagged[(source, args.rule)][: args.show]:
                print(f"{source} {sorted(card.tiers.values())} | {card.question} | {card.answer}")


if __name__ == "__main__":
    main()
