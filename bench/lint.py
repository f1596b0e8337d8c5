"""Benchmark: `deckgen lint` on a generated library of 10,000 cards (and L16 alone).

Run: python bench/lint.py [--cards 10000]
Prints wall-clock seconds; not a test (timings vary with the machine).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from deckgen.builder.pipeline import lint_project  # noqa: E402
from deckgen.core.config import load_config  # noqa: E402
from deckgen.quality.neardup import near_duplicates  # noqa: E402

# A realistic library has thousands of distinct words; 3,000 pseudo-words stand in for them.
_RNG = random.Random(0)
WORDS = ["".join(_RNG.choice("bcdfghklmnprstvz") + _RNG.choice("aeiou") for _ in range(3)) for _ in range(3000)]


def question(rng: random.Random, n: int) -> str:
    return f"In essay {n}, what does the author say about {' '.join(rng.sample(WORDS, 4))}?"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=10_000)
    args = parser.parse_args()
    rng = random.Random(1)
    prompts = [question(rng, i // 10) for i in range(args.cards)]
    for i in range(100, args.cards, 100):  # plant 1% near-duplicates: a copy with one more word
        prompts[i] = prompts[i - 1].replace("?", " today?")
    started = time.perf_counter()
    pairs = near_duplicates(prompts, 0.8)
    print(f"L16 near-duplicates over {args.cards} prompts: {time.perf_counter() - started:.2f}s ({len(pairs)} pairs)")

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "deckgen.toml").write_text('[project]\nnamespace = "bench-namespace-01"\n', encoding="utf-8")
        (root / "content").mkdir()
        (root / "decks").mkdir()
        (root / "decks" / "all.yaml").write_text("deck: All\nnotes: all\n", encoding="utf-8")
        per_note = 10
        for n in range(args.cards // per_note):
            cards = "\n\n".join(f"Q: {question(rng, n)}\nA: A short answer {k}." for k in range(per_note))
            (root / "content" / f"n{n:05d}.md").write_text(
                f"---\nid: note-{n}\ntitle: Essay {n}\nauthor: Author {n}\n---\n## Cards\n\n{cards}\n", encoding="utf-8"
            )
        started = time.perf_counter()
        report, _ = lint_project(load_config(root))
        print(
            f"lint_project over {report.cards} cards: {time.perf_counter() - started:.2f}s "
            f"({len(report.errors)} errors, {len(report.warnings)} warnings)"
        )


if __name__ == "__main__":
    main()
