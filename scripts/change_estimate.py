"""What a generator change does to the judged batches: the cards it removes, repairs or adds, with their tiers.

``dump`` writes what this checkout's default generator ships for every note of evals/ (the
development batches only: the notes are read from the evals' key files, never from a batch
folder) as JSON; ``compare`` reads two dumps (before, after) and, matching each card to the
blind tables by its normalised question and answer, counts per judged tier what the change
removed and what it added. A card the change re-forms shows as one removed and one added (same
key). Added cards with no judged counterpart are listed, never rated.

    PYTHONPATH=/work/main python scripts/change_estimate.py dump /tmp/before.json
    PYTHONPATH=$PWD python scripts/change_estimate.py dump /tmp/after.json
    python scripts/change_estimate.py compare /tmp/before.json /tmp/after.json
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from blind_eval import as_question_answer, normalise, normalise_answer
from judged_cards import imported, load

from deckgen.cards.generate import note_cards

ROOT = Path(__file__).resolve().parent.parent
Shipped = dict[str, list[list[str]]]  # 'batch/note' -> [key, question, answer] per generated card


def dump(out: Path) -> None:
    """Write every development note's shipped generated cards (see the module docstring)."""
    _, _, texts = load(ROOT)
    result: Shipped = {}
    for batch, name in sorted(texts):
        note = imported(ROOT / "tests/fixtures/fresh" / batch / name)
        cards = [c for c in note_cards(note) if c.origin.startswith("generated")]
        result[f"{batch}/{name}"] = [[c.key, *as_question_answer(c.kind, c.front, c.back)] for c in cards]
    out.write_text(json.dumps(result, indent=1, sort_keys=True), encoding="utf-8")


def compare(before_path: Path, after_path: Path) -> None:
    """Print removed and added cards with their judged tiers, and the counts per tier class."""
    before: Shipped = json.loads(before_path.read_text(encoding="utf-8"))
    after: Shipped = json.loads(after_path.read_text(encoding="utf-8"))
    cards, _, _ = load(ROOT)
    judged = {(f"{c.batch}/{c.note}", normalise(c.question), normalise_answer(c.answer)): c for c in cards}

    def tier_class(note: str, question: str, answer: str) -> str:
        card = judged.get((note, question, answer))
        if card is None:
            return "unjudged"
        return "T0/T1" if card.mean < 1.5 else "T2/T3"

    counts: Counter[str] = Counter()
    for note in sorted(before):
        old = {(q, a): k for k, q, a in before[note]}
        new = {(q, a): k for k, q, a in after.get(note, [])}
        for side, mine, other in (("removed", old, new), ("added", new, old)):
            for (q, a), key in sorted(mine.items()):
                if (q, a) in other:
                    continue
                found = tier_class(note, q, a)
                counts[f"{side} {found}"] += 1
                card = judged.get((note, q, a))
                tiers = sorted(card.tiers.values()) if card else "-"
                print(f"{side:7} {found:8} {tiers} {note[:50]} {key}\n         {q} -> {a}")
    notes = len(before)
    print(f"\nnotes: {notes}; generated cards per note {sum(map(len, before.values())) / notes:.2f} -> "
          f"{sum(map(len, after.values())) / notes:.2f}")  # fmt: skip
    for name, n in sorted(counts.items()):
        print(f"{name}: {n}")


def main() -> None:
    """dump OUT | compare BEFORE AFTER."""
    if len(sys.argv) == 3 and sys.argv[1] == "dump":
        dump(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "compare":
        compare(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
