#!/usr/bin/env python3
"""Measure the offline generator against the gold set: precision and recall, per rule and overall.

The gold set (tests/fixtures/gold/) holds notes in several formats — the seed text format,
Obsidian and Notion Markdown, canonical notes — each beside a ``.cards`` file with the
cards a careful curator approved for it, in deckgen's card syntax. Each note is imported
as ``deckgen import`` would, its generated cards are built, and each generated card is
matched to at most one approved card.

Matching rule (stated in every report): a generated card matches an approved card of the
same note when (1) their answers share at least half of the smaller answer's content
words, and at least two of them unless an answer has only one, with a Dice overlap of at
least 0.4 — for a cloze the answer is the hidden text — and (2) their questions share at
least one content word that is in neither answer, with the
essay's title and author names removed from both (an answer that is only the title or
author, as in the author card, is compared whole). A cloze's question is its whole text. Pairs are assigned greedily, best overlap first, one to one.

    python scripts/quality.py                    # print the figures
    python scripts/quality.py --min-precision 0.8 --min-recall 0.6   # exit 1 below a floor
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deckgen.authoring.importers import convert, detect_format  # noqa: E402
from deckgen.authoring.importing import render_note  # noqa: E402
from deckgen.authoring.scaffold import slugify  # noqa: E402
from deckgen.cards.generate import note_cards  # noqa: E402
from deckgen.cards.rules.text import content_words, hard_problems, words  # noqa: E402
from deckgen.core.errors import Finding  # noqa: E402
from deckgen.core.model import Card, Note  # noqa: E402
from deckgen.sources.notes import parse_card_blocks, parse_note  # noqa: E402

GOLD = ROOT / "tests" / "fixtures" / "gold"
MATCHING_RULE = (
    "a generated card matches an approved card of the same note when their answers (a cloze's hidden text) "
    "share >= 50% of the smaller answer's content words (>= 2 words unless an answer has one) with a Dice "
    "overlap >= 0.4, and their questions (a cloze's whole text) share >= 1 content word that is in neither "
    "answer; the essay's title and author names are removed first; pairs are matched one to one, best first"
)
_CLOZE_RE = re.compile(r"\{\{c\d+::(.+?)\}\}", re.DOTALL)


@dataclass(frozen=True)
class Side:
    """A card reduced to what matching compares."""

    question: frozenset[str]
    answer: frozenset[str]
    raw_answer: frozenset[str]


def load_gold_note(path: Path) -> Note:
    """Parse a gold note the way ``deckgen import`` would store it."""
    text = path.read_text(encoding="utf-8")
    if detect_format(text, path.name) != "canonical":
        text = render_note(convert(text, path, path.name), slugify(path.stem.split(" ")[0]))
    return parse_note(text, f"gold/{path.name}")


def approved_cards(path: Path) -> list[tuple[str, str, str]]:
    """(kind, front, back) of each approved card in a ``.cards`` file."""
    findings: list[Finding] = []
    lines = path.read_text(encoding="utf-8").split("\n")
    blocks = parse_card_blocks(lines, 1, path.name, findings)
    if findings:
        raise SystemExit("\n".join(str(f) for f in findings))
    return [
        ("cloze", b.get("C") or "", "") if b.get("C") else ("basic", b.get("Q") or "", b.get("A") or "") for b in blocks
    ]


def side(note: Note, kind: str, front: str, back: str) -> Side:
    """Content words of a card's question and answer, with the title and author phrases removed."""
    if kind == "cloze":
        answer_text = " ".join(_CLOZE_RE.findall(front))
        question_text = _CLOZE_RE.sub(lambda m: m.group(1), front)  # a cloze's prompt is its whole text
    else:
        answer_text, question_text = back, front
    return Side(
        frozenset(content_words(_unmasked(note, question_text))),
        frozenset(_words(_unmasked(note, answer_text))),
        frozenset(_words(answer_text)),
    )


def _unmasked(note: Note, text: str) -> str:
    """``text`` without the essay's title (full or short) and the author's names: context, not content."""
    names = [note.title, note.title.split(":")[0], note.author, *note.author.split(","), note.surname]
    for name in sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True):
        text = re.sub(re.escape(name) + r"(?:'s|’s|')?", " ", text, flags=re.IGNORECASE)
    return text


def _words(text: str) -> list[str]:
    """Content words, or every word when all are stopwords ('the what')."""
    return content_words(text) or [w.lower() for w in words(text)]


def overlap(gen: Side, gold: Side) -> float:
    """The matching score (answer Dice plus a little question overlap), 0 when the pair does not match."""
    a, b = (gen.answer, gold.answer) if gen.answer and gold.answer else (gen.raw_answer, gold.raw_answer)
    if not a or not b:
        return 0.0
    shared = len(a & b)
    dice = 2 * shared / (len(a) + len(b))
    if shared < min(2, len(a), len(b)) or shared / min(len(a), len(b)) < 0.5 or dice < 0.4:
        return 0.0
    gen_q, gold_q = gen.question - a - b, gold.question - a - b
    if (gen_q or gold_q) and not gen_q & gold_q:
        return 0.0
    return dice + 0.1 * len(gen_q & gold_q) / max(1, len(gen_q | gold_q))


def evaluate(gold_dir: Path = GOLD) -> dict[str, object]:
    """Run the generator on every gold note; return counts per rule and the unmatched cards."""
    per_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # generated, matched
    approved_total = approved_matched = 0
    broken: list[str] = []
    misses: list[str] = []
    extras: list[str] = []
    matches: list[str] = []
    notes = 0
    for path in sorted(p for p in gold_dir.iterdir() if p.suffix in (".txt", ".md")):
        cards_path = path.with_suffix(".cards")
        note = load_gold_note(path)
        notes += 1
        generated: list[Card] = [c for c in note_cards(note) if c.origin.startswith("generated:")]
        gold = approved_cards(cards_path)
        gen_sides = [side(note, c.kind, c.front, c.back) for c in generated]
        gold_sides = [side(note, *g) for g in gold]
        pairs = sorted(
            ((overlap(g, a), i, j) for i, g in enumerate(gen_sides) for j, a in enumerate(gold_sides)),
            reverse=True,
        )
        gen_used: set[int] = set()
        gold_used: set[int] = set()
        for score, i, j in pairs:
            if score > 0 and i not in gen_used and j not in gold_used:
                gen_used.add(i)
                gold_used.add(j)
                matches.append(
                    f"{path.name}: [{generated[i].key}] {generated[i].front} -> {generated[i].back}  ==  {gold[j][1]} -> {gold[j][2]}"
                )
        for i, card in enumerate(generated):
            rule = card.origin.split(":", 1)[1]
            per_rule[rule][0] += 1
            per_rule[rule][1] += i in gen_used
            if i not in gen_used:
                extras.append(f"{path.name}: [{card.key}] {card.front} -> {card.back}")
            problems = hard_problems(card, note)
            if problems:
                broken.append(f"{path.name}: {card.key}: {', '.join(problems)}")
        approved_total += len(gold)
        approved_matched += len(gold_used)
        misses.extend(f"{path.name}: {gold[j][1]} -> {gold[j][2]}" for j in range(len(gold)) if j not in gold_used)
    generated_total = sum(v[0] for v in per_rule.values())
    matched_total = sum(v[1] for v in per_rule.values())
    return {
        "notes": notes,
        "per_rule": dict(per_rule),
        "generated": generated_total,
        "matched": matched_total,
        "approved": approved_total,
        "approved_matched": approved_matched,
        "broken": broken,
        "misses": misses,
        "extras": extras,
        "matches": matches,
    }


def main(argv: list[str] | None = None) -> int:
    """Print the report; exit 1 when a floor given on the command line is not met."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold set directory")
    parser.add_argument("--min-precision", type=float, default=0.0)
    parser.add_argument("--min-recall", type=float, default=0.0)
    parser.add_argument("--verbose", "-v", action="store_true", help="list unmatched generated and approved cards")
    args = parser.parse_args(argv)
    result = evaluate(args.gold)
    precision = result["matched"] / result["generated"] if result["generated"] else 0.0  # type: ignore[operator]
    recall = result["approved_matched"] / result["approved"] if result["approved"] else 0.0  # type: ignore[operator]
    print(f"gold set: {result['notes']} notes, {result['approved']} approved cards, {result['generated']} generated")
    print(f"matching rule: {MATCHING_RULE}")
    print(f"{'rule':<12} {'generated':>9} {'matched':>8} {'precision':>10}")
    for rule, (made, matched) in sorted(result["per_rule"].items()):  # type: ignore[attr-defined]
        print(f"{rule:<12} {made:>9} {matched:>8} {matched / made:>10.0%}")
    print(f"overall precision: {precision:.1%} ({result['matched']}/{result['generated']})")
    print(f"overall recall: {recall:.1%} ({result['approved_matched']}/{result['approved']})")
    print(f"hard card-quality failures: {len(result['broken'])}")  # type: ignore[arg-type]
    for line in result["broken"]:  # type: ignore[attr-defined]
        print(f"  broken: {line}")
    if args.verbose:
        for line in result["matches"]:  # type: ignore[attr-defined]
            print(f"  matched: {line}")
        for line in result["extras"]:  # type: ignore[attr-defined]
            print(f"  unmatched generated: {line}")
        for line in result["misses"]:  # type: ignore[attr-defined]
            print(f"  missed approved: {line}")
    ok = precision >= args.min_precision and recall >= args.min_recall and not result["broken"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
