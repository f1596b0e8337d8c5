"""What this checkout's default generator ships on the judged batches 1-9, scored with the judges' own ratings.

Runs the generator in-process on every note of evals/ (imported as `deckgen import` makes it)
and matches each shipped card to a judged card of the same note by its normalised question
and answer (a generated card, or a curator card with the very same text) (the table's text, as `scripts/blind_eval.py` writes it). A matched card
carries its judges' tiers; a card with no judged counterpart is counted as *unjudged* and
never rated here. Per batch (each batch is scored by its own judges only, so no batch's
figure uses another's ratings; the card forms themselves were written reading batches 1-9,
so these figures are tuned, not blind):

- cards per note, matched and unjudged cards;
- T2+ and T0 shares of the matched cards' ratings (each judge's rating counts once);
- key ideas covered per note, two ways: *judged* = an idea lists a matched card that judge
  rated T2/T3; *matched* = judged, or an unjudged card answers what a curator T2/T3 card of
  the idea answers: at least half the content words of the shorter answer are shared, and
  the questions share a content word other than the note's author and title words.

    python scripts/coverage_estimate.py           # the table
    python scripts/coverage_estimate.py --list    # and every unjudged card
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from blind_eval import as_question_answer, normalise, normalise_answer
from judged_cards import imported

from deckgen.cards.generate import note_cards
from deckgen.cards.rules.text import content_words
from deckgen.core.model import Card

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Row:
    """One batch's figures."""

    batch: str
    notes: int = 0
    cards: int = 0
    matched: int = 0
    as_curator: int = 0  # matched cards whose text is a curator card's (judged as the curator's)
    ratings: int = 0
    high: int = 0
    zero: int = 0
    covered: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))  # run -> ideas per note (judged)
    covered_rule: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))  # run -> (matched rule)
    unjudged: list[str] = field(default_factory=list)  # 'note | question -> answer [matches a curator idea]'


def same_idea(card: tuple[str, str], curator: tuple[str, str], names: set[str]) -> bool:
    """The matching rule: half the shorter answer's content words shared, and a shared question word beyond names."""
    a, b = set(content_words(card[1])), set(content_words(curator[1]))
    if not a or not b or len(a & b) * 2 < min(len(a), len(b)):
        return False
    return bool((set(content_words(card[0])) & set(content_words(curator[0]))) - names)


def shipped(path: Path) -> list[tuple[str, str]]:
    """(question, answer) of each generated card the default generator ships for a fresh note."""
    note = imported(path)
    cards: list[Card] = [c for c in note_cards(note) if c.origin.startswith("generated")]
    return [as_question_answer(c.kind, c.front, c.back) for c in cards]


def estimate(root: Path = ROOT) -> list[Row]:
    """Every batch's row (see the module docstring)."""
    runs: dict[str, list[Path]] = defaultdict(list)
    for judge in sorted((root / "evals").glob("*/judge.json")):
        key = json.loads((judge.parent / "key.json").read_text(encoding="utf-8"))
        runs[Path(key["notes_dir"]).name].append(judge.parent)
    rows: list[Row] = []
    for batch, folders in sorted(runs.items()):
        key = json.loads((folders[0] / "key.json").read_text(encoding="utf-8"))
        by_id = {r["id"]: r for r in key["rows"]}
        table = {(r["note"], normalise(r["question"]), normalise_answer(r["answer"])): r["id"] for r in key["rows"]}
        judged = {f.name: json.loads((f / "judge.json").read_text(encoding="utf-8")) for f in folders}
        tiers = {run: {r["id"]: int(r["tier"]) for r in j["ratings"]} for run, j in judged.items()}
        row = Row(batch)
        for note_name in sorted({r["note"] for r in key["rows"]}):
            row.notes += 1
            path = root / "tests/fixtures/fresh" / batch / note_name
            cards = shipped(path)
            row.cards += len(cards)
            ids = [table.get((note_name, q, a)) for q, a in cards]
            row.matched += sum(i is not None for i in ids)
            row.as_curator += sum(i is not None and by_id[i]["source"] == "curator" for i in ids)
            unjudged = [c for c, i in zip(cards, ids, strict=True) if i is None]
            names = set(content_words(imported(path).title + " " + (imported(path).author or "")))
            curator_good = [
                (r["question"], r["answer"])
                for r in key["rows"]
                if r["note"] == note_name
                and r["source"] == "curator"
                and any(t.get(r["id"], 0) >= 2 for t in tiers.values())
            ]
            for q, a in unjudged:
                hit = any(same_idea((q, a), k, names) for k in curator_good)
                row.unjudged.append(f"{note_name[:40]} | {q} -> {a}{'  [matches a curator T2/T3 card]' if hit else ''}")
            for run, tier in tiers.items():
                for i in ids:
                    if i is not None and i in tier:
                        row.ratings += 1
                        row.high += tier[i] >= 2
                        row.zero += tier[i] == 0
                n_judged = n_rule = 0
                for idea in judged[run]["key_ideas"].get(note_name, []):
                    hit = any(i in idea["cards"] and tier.get(i, 0) >= 2 for i in ids if i)
                    curator = [
                        (by_id[c]["question"], by_id[c]["answer"])
                        for c in idea["cards"]
                        if c in by_id and by_id[c]["source"] == "curator" and tier.get(c, 0) >= 2
                    ]
                    n_judged += hit
                    n_rule += hit or any(same_idea(c, k, names) for c in unjudged for k in curator)
                row.covered[run].append(n_judged)
                row.covered_rule[run].append(n_rule)
        rows.append(row)
    return rows


def main() -> None:
    """Print the table (with --list, also every unjudged card and whether it matches a curator card's idea)."""
    listing = "--list" in sys.argv[1:]
    print(
        "| batch | notes | cards/note | matched | unjudged | matched T2+ (ratings) | matched T0 "
        "| ideas/note judged (runs) | ideas/note matched-rule | notes >= 4 ideas (matched-rule, best run) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    total = Row("all")
    for row in estimate():
        judged = "/".join(f"{sum(v) / row.notes:.1f}" for v in row.covered.values())
        rule = "/".join(f"{sum(v) / row.notes:.1f}" for v in row.covered_rule.values())
        four = max(sum(n >= 4 for n in v) for v in row.covered_rule.values())
        pct = f"{100 * row.high / row.ratings:.0f}%" if row.ratings else "-"
        zero = f"{100 * row.zero / row.ratings:.0f}%" if row.ratings else "-"
        print(
            f"| {row.batch} | {row.notes} | {row.cards / row.notes:.2f} | {row.matched} | {row.cards - row.matched} "
            f"| {pct} ({row.ratings}) | {zero} | {judged} | {rule} | {four} of {row.notes} |"
        )
        for name in ("notes", "cards", "matched", "as_curator", "ratings", "high", "zero"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
        total.unjudged.extend(f"{row.batch}/{line}" for line in row.unjudged)
    print(
        f"| **all** | {total.notes} | {total.cards / total.notes:.2f} | {total.matched} | {total.cards - total.matched} "
        f"| {100 * total.high / max(1, total.ratings):.0f}% ({total.ratings}) | {100 * total.zero / max(1, total.ratings):.0f}% | | | |"
    )
    matching = sum(line.endswith("card]") for line in total.unjudged)
    print(f"\nmatched cards whose text is a curator card's (rated as the curator's card): {total.as_curator}")
    print(f"\nunjudged cards: {len(total.unjudged)}, of which {matching} match a curator T2/T3 card's idea")
    for line in total.unjudged if listing else ():
        print(line)


if __name__ == "__main__":
    main()
