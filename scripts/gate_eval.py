"""How the card-text checks (lint L18 and the referent part of L14) score on every judged card.

For each blind run in evals/*/ it applies :func:`deckgen.core.cardrules.broken_text` and
:func:`deckgen.core.cardrules.unreferenced_pronoun` to each rated card (question, answer and
the note's text, as the judge saw them) and counts the cards refused by source and tier:
refused T0/T1 cards are the checks' catch, refused T2/T3 cards their collateral.

``--faithful`` scores :func:`deckgen.core.cardrules.unfaithful` alone instead (polarity, correlative
halves, the 'if not' contrast form), on each question card whose answer is found in one sentence
of the note (that sentence is the card's source, as the generator would pass it; other cards are
counted as not refused). Every judged card of every run is scored, including cards of earlier
generator iterations that no longer ship: the rule is tested on shapes it was not written from.

    python scripts/gate_eval.py [--list] [--faithful]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from deckgen.core.cardrules import broken_text, unfaithful, unreferenced_pronoun
from deckgen.core.text import plain, split_sentences

ROOT = Path(__file__).resolve().parent.parent


def problems(question: str, answer: str, source: str) -> list[str]:
    """Every check's complaint about one card, as the gate would make it."""
    found = broken_text(question, answer, source)
    pronoun = unreferenced_pronoun(question)
    return found + ([f"'{pronoun}' has no referent in the question"] if pronoun else [])


def faithfulness(question: str, answer: str, note: str) -> list[str]:
    """unfaithful() on a question card, with the note's sentence that holds its answer as the source."""
    if "{{c" in question or "[...]" in question or not answer.strip():  # a cloze keeps its sentence
        return []
    low = plain(answer).strip().rstrip(".").lower()
    text = plain(note)
    source = next((s for s in split_sentences(text) if low and low in s.lower()), "")
    return unfaithful(question, answer, source, text) if source else []


def print_rows(run: str, counts: Counter[tuple[str, str]]) -> None:
    """One table row per source (generated, curator) of one run's counts."""
    for source in ("generated", "curator"):
        low, high = counts[(source, "low")], counts[(source, "high")]
        print(
            f"| {run} | {source} | {low + high} | {counts[(source, 't0')]} | {counts[(source, 't0-refused')]} "
            f"| {low} | {counts[(source, 'low-refused')]} | {high} | {counts[(source, 'high-refused')]} |"
        )


def main() -> None:
    """Print the table of refused cards per run, source and tier (and, with --list, each refused card)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--list", action="store_true", help="print every refused card with its tier")
    parser.add_argument("--faithful", action="store_true", help="score cardrules.unfaithful instead")
    args = parser.parse_args()
    check = faithfulness if args.faithful else problems
    print("| run | source | cards | T0 | T0 refused | T0/T1 | T0/T1 refused | T2/T3 | T2/T3 refused |")
    print("|---|---|---|---|---|---|---|---|---|")
    totals: Counter[tuple[str, str]] = Counter()
    listed: list[str] = []
    for run in sorted((ROOT / "evals").glob("*/key.json")):
        key = json.loads(run.read_text(encoding="utf-8"))
        tiers = {r["id"]: r["tier"] for r in json.loads((run.parent / "judge.json").read_text())["ratings"]}
        counts: Counter[tuple[str, str]] = Counter()
        for row in key["rows"]:
            if row["id"] not in tiers:
                continue
            source = "curator" if row["source"] == "curator" else "generated"
            note = (ROOT / key["notes_dir"] / row["note"]).read_text(encoding="utf-8")
            low = "low" if tiers[row["id"]] <= 1 else "high"
            found = check(row["question"], row["answer"], note)
            if tiers[row["id"]] == 0:
                counts[(source, "t0")] += 1
                counts[(source, "t0-refused")] += bool(found)
            counts[(source, low)] += 1
            counts[(source, low + "-refused")] += bool(found)
            if found and args.list:
                listed.append(f"T{tiers[row['id']]} {source} {run.parent.name}: {row['question']} -> {row['answer']}")
                listed.append(f"      {'; '.join(found)}")
        print_rows(run.parent.name, counts)
        totals.update(counts)
    print_rows("**all runs**", totals)
    if listed:
        print("\n" + "\n".join(listed))


if __name__ == "__main__":
    main()
