"""Every blind-judged card in evals/*/ as one data set, and a leave-one-batch-out score of the generator's filter.

A card is one (batch, note, question, answer): the runs of a batch rated the same table,
so a card carries each judge's tier. The filter is what the default generator refuses or
keeps off by default: the text checks of the gen9 precision checks (none on main)
(lint L14, L15, L18 and the generator's form checks) and the opt-in card shapes. The shapes
are *learned*: for each batch, the shapes whose judged cards on the *other* batches (after
the checks) are mostly below T2 are switched off, and the batch is scored with that choice,
so each row of the table is a figure for a batch no shape decision looked at. The text
checks themselves were written while reading batches 1-8: their rows are tuned, not blind.

Per batch: generated cards judged and kept, the share of judges' ratings T2+ and T0 among
kept generated cards (every rating counts once, so a card rated by four judges weighs four
times a card rated by two), kept cards per note of the batch's default generator, and the
curator cards rated T2+ (mean) that the text checks would wrongly refuse.

    python scripts/judged_cards.py            # the table, leave one batch out
    python scripts/judged_cards.py --learn    # the shapes chosen on all batches (OPT_IN_SHAPES)
    python scripts/judged_cards.py --list     # every generated card with tiers and verdict
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from deckgen.authoring.importers import convert
from deckgen.authoring.importing import render_note
from deckgen.cards.rules.ideas import well_formed
from deckgen.core.model import Card, Note
from deckgen.sources.notes import parse_note

# The gen9 filter (deckgen.cards.rules.precision) was not merged: on main there are no text
# refusals beyond the generator's own gate and no opt-in shapes; a card's shape is its rule.
OPT_IN_SHAPES: frozenset[str] = frozenset()


def refusals(question: str, answer: str, text: str) -> list[str]:
    """The gen9 precision checks' reasons to refuse a card: none on main."""
    return []


def shape_of(key: str, question: str) -> str:
    """A generated card's shape: the rule of its key ('g.claim.key-move' -> 'claim')."""
    return key.split(".")[1] if key.count(".") >= 2 else key


ROOT = Path(__file__).resolve().parent.parent
MIN_CARDS = 2  # a shape with fewer judged cards keeps shipping: one card is no record
# A shape ships by default when at least this share of its ratings is T2+. Chosen after comparing the
# leave-one-batch-out totals at 0.5 (66% T2+, 0.92 cards a note), 0.55 (69%, 0.88), 0.6 (68%, 0.84),
# 0.65 (62%) and 0.7 (59%): the choice itself looked at every batch.
THRESHOLD = 0.55


@dataclass
class JudgedCard:
    """One card of one batch's blind table, with every judge's tier."""

    batch: str
    note: str
    question: str
    answer: str
    source: str  # "generated" | "curator"
    keys: tuple[str, ...]  # the generated card's keys ('g.claim.key-move'), one per generator that shipped it
    default: bool  # shipped by the batch's default (first-listed) generator
    tiers: dict[str, int] = field(default_factory=dict)  # run folder -> tier

    @property
    def shape(self) -> str:
        """The card shape of its first key ('' for a curator card)."""
        return shape_of(self.keys[0], self.question) if self.keys else ""

    @property
    def mean(self) -> float:
        """The judges' mean tier."""
        return sum(self.tiers.values()) / len(self.tiers)

    def share(self, test: Callable[[int], bool]) -> float:
        """The share of this card's ratings that pass ``test``."""
        return sum(test(t) for t in self.tiers.values()) / len(self.tiers)


def imported(path: Path) -> Note:
    """The note as `deckgen import` makes it from a fresh note file (what the generator read)."""
    text = path.read_text(encoding="utf-8")
    note_id = re.sub(r"[^a-z0-9]+", "-", path.stem.split(" ")[0].lower())[:40]
    return parse_note(render_note(convert(text, path, path.name), note_id), path.name)


def refuses(card: JudgedCard, text: str, note: Note) -> list[str]:
    """Why the filter refuses a judged card by its text: the checks of
    the gen9 precision checks (none on main), and for a generated card the generator's whole gate."""
    found = refusals(card.question, card.answer, text)
    if card.source == "generated" and card.keys and not found:
        rule = card.keys[0].split(".")[1]
        if not well_formed(as_card(card, note, card.keys[0], extra=text, origin=f"generated:{rule}"), note):
            found.append("the generator's gate")
    return found


def as_card(card: JudgedCard, note: Note, key: str, extra: str = "", origin: str = "authored") -> Card:
    """The judged card as a card of ``note`` (a cloze's table row '… [...] …' with its answer put back)."""
    cloze = "[...]" in card.question
    front = card.question.replace("[...]", "{{c1::" + card.answer + "}}", 1) if cloze else card.question
    kind = "cloze" if cloze else "basic"
    back = "" if cloze else card.answer
    return Card(note.id, key, kind, front, back, extra=extra, origin=origin, path=note.path)


Sources = dict[tuple[str, str], tuple[str, Note]]


def load(root: Path = ROOT) -> tuple[list[JudgedCard], dict[str, int], Sources]:
    """(cards, notes per batch, (text, imported note) by (batch, note file)) of every run under ``root/evals``."""
    cards: dict[tuple[str, str, str, str], JudgedCard] = {}
    notes: dict[str, set[str]] = defaultdict(set)
    texts: Sources = {}
    for key_path in sorted((root / "evals").glob("*/key.json")):
        key = json.loads(key_path.read_text(encoding="utf-8"))
        ratings = json.loads((key_path.parent / "judge.json").read_text(encoding="utf-8"))["ratings"]
        tiers = {r["id"]: int(r["tier"]) for r in ratings}
        batch = Path(key["notes_dir"]).name
        default = (key.get("parsers") or [""])[0]
        for row in key["rows"]:
            notes[batch].add(row["note"])
            if row["id"] not in tiers:
                continue
            if (batch, row["note"]) not in texts:
                path = root / "tests/fixtures/fresh" / batch / row["note"]
                texts[(batch, row["note"])] = (path.read_text(encoding="utf-8"), imported(path))
            generated = row["source"] != "curator"
            origins = row["origin"].split() if generated else []
            found = cards.setdefault(
                (batch, row["note"], row["question"], row["answer"]),
                JudgedCard(
                    batch,
                    row["note"],
                    row["question"],
                    row["answer"],
                    "generated" if generated else "curator",
                    tuple(o.split(":")[-1] for o in origins),
                    generated and (not default or default in row.get("generators", "").split("+")),
                ),
            )
            found.tiers[key_path.parent.name] = tiers[row["id"]]
    return list(cards.values()), {b: len(n) for b, n in notes.items()}, texts


def learn_shapes(cards: Iterable[JudgedCard], refused: set[int], threshold: float = THRESHOLD) -> frozenset[str]:
    """The shapes whose generated cards that pass the checks are mostly below T2 (at least MIN_CARDS of them)."""
    by_shape: dict[str, list[JudgedCard]] = defaultdict(list)
    for card in cards:
        if card.source == "generated" and id(card) not in refused:
            by_shape[card.shape].append(card)
    return frozenset(
        shape
        for shape, group in by_shape.items()
        if len(group) >= MIN_CARDS and sum(c.share(lambda t: t >= 2) for c in group) / len(group) < threshold
    )


@dataclass
class Row:
    """One batch's figures (or the total's)."""

    name: str
    judged: int = 0
    kept: int = 0
    high: float = 0.0  # ratings T2+ among kept generated cards, as a card count
    zero: float = 0.0
    base_high: float = 0.0  # the same over every judged generated card (no filter)
    base_zero: float = 0.0
    notes: int = 0
    default_kept: int = 0
    default_judged: int = 0
    curator_good: int = 0
    curator_refused: int = 0

    def add(self, other: Row) -> None:
        """Sum another row into this one (the total)."""
        for name in self.__dataclass_fields__:
            if name != "name":
                setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self) -> str:
        """The row as a Markdown table line."""

        def pct(part: float, whole: int) -> str:
            return f"{100 * part / whole:.0f}%" if whole else "-"

        return (
            f"| {self.name} | {self.judged} | {pct(self.base_high, self.judged)} | {pct(self.base_zero, self.judged)} "
            f"| {self.kept} | **{pct(self.high, self.kept)}** | {pct(self.zero, self.kept)} "
            f"| {self.default_judged / max(1, self.notes):.2f} -> {self.default_kept / max(1, self.notes):.2f} "
            f"| {self.curator_refused} of {self.curator_good} |"
        )


def refused_ids(cards: list[JudgedCard], texts: Sources) -> set[int]:
    """The cards the filter's checks refuse (by ``id``)."""
    return {id(c) for c in cards if refuses(c, *texts[(c.batch, c.note)])}


def score(cards: list[JudgedCard], notes: dict[str, int], texts: Sources, threshold: float = THRESHOLD) -> list[Row]:
    """Leave one batch out: per batch, the shapes learned on the others, then that batch's figures."""
    refused = refused_ids(cards, texts)
    rows: list[Row] = []
    for batch in sorted(notes):
        off = learn_shapes([c for c in cards if c.batch != batch], refused, threshold)
        row = Row(f"{batch} (off: {', '.join(sorted(off)) or '-'})", notes=notes[batch])
        for card in (c for c in cards if c.batch == batch):
            keep = id(card) not in refused and card.shape not in off
            if card.source == "curator":
                good = card.mean >= 2
                row.curator_good += good
                row.curator_refused += good and id(card) in refused
                continue
            high, zero = card.share(lambda t: t >= 2), card.share(lambda t: t == 0)
            row.judged += 1
            row.base_high += high
            row.base_zero += zero
            row.default_judged += card.default
            if keep:
                row.kept += 1
                row.high += high
                row.zero += zero
                row.default_kept += card.default
        rows.append(row)
    total = Row("**all batches**")
    for row in rows:
        total.add(row)
    return [*rows, total]


def main() -> None:
    """Print the leave-one-batch-out table (or, with --learn, the shapes learned on every batch)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learn", action="store_true", help="print the opt-in shapes learned on all batches")
    parser.add_argument("--list", action="store_true", help="print every generated card, its tiers and verdict")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, help="T2+ share below which a shape is opt-in")
    args = parser.parse_args()
    cards, notes, texts = load()
    if args.learn:
        learned = learn_shapes(cards, refused_ids(cards, texts), args.threshold)
        print("learned:", ", ".join(sorted(learned)))
        print("deckgen.cards.rules.precision.OPT_IN_SHAPES:", ", ".join(sorted(OPT_IN_SHAPES)))
        return
    if args.list:
        for c in sorted(cards, key=lambda c: (c.source, c.shape, c.mean)):
            found = refuses(c, *texts[(c.batch, c.note)])
            mark = "REFUSED " + "; ".join(found) if found else "kept"
            print(f"{c.source[:3]} {c.shape:18} {c.mean:.1f} {c.batch} | {c.question} -> {c.answer}\n      {mark}")
        return
    print(
        "| batch (shapes off, learned on the other batches) | generated judged | T2+ | T0 "
        "| kept | kept T2+ | kept T0 | default generator's cards per note (judged -> kept) "
        "| curator T2+ cards refused |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for row in score(cards, notes, texts, args.threshold):
        print(row.line())


if __name__ == "__main__":
    main()
