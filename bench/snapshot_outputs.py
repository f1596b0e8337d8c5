"""Dump every generated card, curation verdict and lint finding of several libraries to JSON.

A speed change must not change a single output: take a snapshot before it, one after,
and compare the two files byte for byte.

    python bench/snapshot_outputs.py --out /tmp/before.json
    ... optimise ...
    python bench/snapshot_outputs.py --out /tmp/after.json --compare /tmp/before.json

The libraries: the shipped ``content/``; the gold and held-out notes of
``tests/fixtures/`` imported as ``deckgen import`` would; a "mutated" library of many
deterministic variants of those real notes (words swapped, so the generation rules,
curation and L16 meet thousands of realistic near-misses); and the synthetic benchmark
library (bench/synthetic.py). Not a test: it takes about a minute.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpora import fixture_notes, mutated_notes, project, real_notes  # noqa: E402
from synthetic import make_library  # noqa: E402

from deckgen.builder.pipeline import lint_project  # noqa: E402
from deckgen.cards.curation import review  # noqa: E402
from deckgen.cards.generate import GENERATORS, authored_cards  # noqa: E402
from deckgen.cards.load import load_sources  # noqa: E402
from deckgen.cards.rules.text import hard_problems  # noqa: E402
from deckgen.core.cardrules import LintSettings, check_card  # noqa: E402
from deckgen.core.config import load_config  # noqa: E402
from deckgen.core.errors import ContentError  # noqa: E402
from deckgen.quality.neardup import near_duplicates  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
# Stricter thresholds than the defaults, so more quality-rule branches fire.
STRICT = LintSettings(
    answer_words_warn=4,
    answer_words_error=8,
    question_words_warn=8,
    answer_leak=0.2,
    list_items_warn=2,
    list_items_error=3,
    clozes_per_card_warn=1,
)


def snapshot(root: Path) -> dict[str, Any]:
    """Everything generation and lint produce for the project at ``root``."""
    config = load_config(root)
    sources = load_sources(config)
    generate_settings = config.section("generate")
    verdicts: list[list[Any]] = []
    hard: list[list[Any]] = []
    for note in sorted(sources.notes, key=lambda n: n.id):
        authored, problems = authored_cards(note)
        if problems:
            continue
        try:
            judged = review(note, authored, GENERATORS, generate_settings)
        except ContentError as exc:
            verdicts.append([note.id, "error", [str(f) for f in exc.findings]])
            continue
        for v in judged:
            verdicts.append([note.id, v.card.key, v.status, v.reason])
        for card in authored:
            hard.append([note.id, card.key, hard_problems(card, note)])
    cards: list[list[Any]] = []
    strict: list[list[Any]] = []
    prompts: list[str] = []
    notes = {n.id: n for n in sources.notes}
    for note in sources.notes:
        for card in sources.cards.get(note.id, []):
            cards.append(
                [
                    card.note_id,
                    card.key,
                    card.kind,
                    card.origin,
                    card.path,
                    card.line,
                    card.front,
                    card.back,
                    card.extra,
                    list(card.ignore),
                ]
            )
            issues = check_card(card, notes[card.note_id], STRICT)
            strict.append([card.note_id, card.key, [[i.rule, i.severity, i.message, i.side] for i in issues]])
            prompts.append(card.front)
    report, _ = lint_project(config)
    pairs = {str(t): [[p.first, p.second, repr(p.similarity)] for p in near_duplicates(prompts, t)] for t in THRESHOLDS}
    return {
        "cards": cards,
        "verdicts": verdicts,
        "authored_hard_problems": hard,
        "findings": [f"{f.severity} {f}" for f in report.findings],
        "counts": [report.files, report.cards],
        "strict_issues": strict,
        "near_duplicates": pairs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="JSON file to write")
    parser.add_argument("--compare", type=Path, help="an earlier snapshot that must be byte-identical")
    parser.add_argument("--notes", type=int, default=2000, help="synthetic library size (default 2000)")
    parser.add_argument("--variants", type=int, default=12, help="mutated variants of each real note (default 12)")
    args = parser.parse_args()
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        shipped = base / "shipped"
        for name in ("content", "decks"):
            shutil.copytree(ROOT / name, shipped / name)
        for name in ("deckgen.toml", "deckgen.lock"):
            shutil.copy(ROOT / name, shipped / name)
        result["shipped"] = snapshot(shipped)
        result["fixtures"] = snapshot(project(base / "fixtures", fixture_notes(), "snapshot-fixtures-01"))
        result["mutated"] = snapshot(
            project(base / "mutated", mutated_notes(real_notes(), args.variants), "snapshot-mutated-01")
        )
        result["synthetic"] = snapshot(make_library(base / "synthetic", args.notes))
    data = json.dumps(result, indent=1, ensure_ascii=False, sort_keys=True).encode()
    args.out.write_bytes(data)
    for name, part in result.items():
        print(
            f"{name}: {len(part['cards'])} cards, {len(part['verdicts'])} verdicts, {len(part['findings'])} findings, "
            f"{sum(len(v) for v in part['near_duplicates'].values())} similar pairs"
        )
    print(f"{args.out}: sha256 {hashlib.sha256(data).hexdigest()[:16]}")
    if args.compare:
        if args.compare.read_bytes() != data:
            raise SystemExit(f"DIFFERENT from {args.compare}")
        print(f"identical to {args.compare}")


if __name__ == "__main__":
    main()
