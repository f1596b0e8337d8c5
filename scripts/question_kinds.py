"""The curator's good cards the generator has no counterpart for, counted by question kind and note section.

Over the judged development batches (evals/*, never batch20/batch21: held out), every curator
card with a mean tier >= 2 is *missed* when no card this checkout's default generator ships for
the same note answers what it answers (coverage_estimate's matching rule: half the shorter
answer's content words shared, and a shared question word beyond the note's author and title).
Each missed card is counted by how the curator asked it (why / what happens when / should /
critique / definition / list / other) and by the section role of the note sentence it was
written from (missed_ideas' best sentence). T3 = mean tier >= 2.5.

    python scripts/question_kinds.py                 # the tables
    python scripts/question_kinds.py --list why      # every missed card of one kind
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from coverage_estimate import same_idea, shipped
from judged_cards import imported, load
from missed_ideas import _best_sentence

from deckgen.cards.rules.text import content_words

ROOT = Path(__file__).resolve().parent.parent
HELD_OUT = frozenset({"batch20", "batch21"})  # blind batches: never read here
KINDS = ("why", "what happens when", "should", "critique", "definition", "list", "other")

_CONTEXT_RE = re.compile(r"^(?:according to|in)\s[^,]+(?:'[^']*'[^,]*)?,\s*", re.I)


def kind_of(question: str) -> str:
    """How a curator question asks, the first kind that applies in KINDS order."""
    q = _CONTEXT_RE.sub("", question.strip()).lower()
    if q.startswith("why") or re.match(r"what (?:is the )?reason\b|what explains\b", q):
        return "why"
    if re.search(r"\bwhat (?:happens|follows|results)\b|\bwhen\b.*\?$|\bif\b", q):
        return "what happens when"
    if re.search(r"\b(?:should|must|ought|advise|recommend|need to)\b", q):
        return "should"
    if re.search(r"\bnote(?:-writer)?\b|\b(?:critic|critique|misread|overlook|ignore|silent|fail|underplay)", q):
        return "critique"
    if re.match(
        r"(?:what|which) (?:two|three|four|five|six|seven|\d)\b|what are the\b.*\b(?:kinds|types|parts|steps)", q
    ):
        return "list"
    if re.match(r"what (?:is|are|does|do) (?:the |a |an )?[\"'“*]?[\w' -]{2,40}[\"'”*]?(?: mean)?\?$", q):
        return "definition"
    return "other"


def main() -> None:
    """Print the tables (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--list", choices=KINDS, help="print every missed card of this kind")
    args = parser.parse_args()
    cards, _, _ = load(ROOT)
    ships: dict[tuple[str, str], list[tuple[str, str]]] = {}
    by_kind: Counter[tuple[str, str]] = Counter()
    by_role: Counter[tuple[str, str, str]] = Counter()
    total = 0
    for card in cards:
        if card.batch in HELD_OUT or card.source != "curator" or card.mean < 2:
            continue
        path = ROOT / "tests/fixtures/fresh" / card.batch / card.note
        if (card.batch, card.note) not in ships:
            ships[(card.batch, card.note)] = shipped(path)
        note = imported(path)
        names = set(content_words(note.title + " " + (note.author or "")))
        total += 1
        if any(same_idea(g, (card.question, card.answer), names) for g in ships[(card.batch, card.note)]):
            continue
        kind, tier = kind_of(card.question), "T3" if card.mean >= 2.5 else "T2"
        sentence, role, _ = _best_sentence(path, card.question, card.answer)
        by_kind[(kind, tier)] += 1
        by_role[(kind, role, tier)] += 1
        if args.list == kind:
            print(
                f"[{tier} {role}] {card.batch}/{card.note[:40]}\n  {card.question}\n  -> {card.answer}\n  text: {sentence}"
            )
    if args.list:
        return
    missed = sum(by_kind.values())
    print(f"curator cards mean tier >= 2: {total}; with no generated counterpart: {missed}\n")
    roles = ("central", "critique", "application", "other")
    print("| kind | missed T3 | missed T2 | " + " | ".join(f"{r} (T3/T2)" for r in roles) + " |")
    print("|---|---|---|" + "---|" * len(roles))
    for kind in sorted(KINDS, key=lambda k: -by_kind[(k, "T3")]):
        cells = " | ".join(f"{by_role[(kind, r, 'T3')]}/{by_role[(kind, r, 'T2')]}" for r in roles)
        print(f"| {kind} | {by_kind[(kind, 'T3')]} | {by_kind[(kind, 'T2')]} | {cells} |")


if __name__ == "__main__":
    main()
