"""Benchmark: `deckgen lint` on a generated library of 10,000 cards (and L16 alone), and on single large notes.

Run: python bench/lint.py [--cards 10000] [--large-only]
Prints wall-clock seconds; not a test (timings vary with the machine).
"""

from __future__ import annotations

import argparse
import random
import re
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


ROOT = Path(__file__).resolve().parents[1]
LARGE_NOTE_BYTES = 900_000  # under the 1,000,000-byte limit on a note
# one line repeated: each made a whole-text pattern quadratic before dea55a0 and the commit after it
PATHOLOGICAL_LINES = {"underscores": " _a", "commas": " a,", "initials": " A."}


def _lint_one_note(body: str) -> float:
    """Seconds `lint_project` takes over one note whose 'Central argument' is ``body``."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "deckgen.toml").write_text('[project]\nnamespace = "bench-namespace-01"\n', encoding="utf-8")
        (root / "decks").mkdir()
        (root / "decks" / "all.yaml").write_text("deck: All\nnotes: all\n", encoding="utf-8")
        (root / "content").mkdir()
        note = f"---\nid: big\ntitle: Big\nauthor: Ada Example\n---\nA blurb.\n\n## Central argument\n\n{body}\n"
        (root / "content" / "big.md").write_text(note, encoding="utf-8")
        started = time.perf_counter()
        lint_project(load_config(root))
        return time.perf_counter() - started


def large_notes() -> None:
    """A note near the size limit made of the shipped notes' prose, and lines that once made lint quadratic."""
    prose = "\n\n".join(
        re.sub(r"(?m)^#.*$", "", path.read_text(encoding="utf-8").split("\n---\n", 1)[-1].split("## Cards")[0])
        for path in sorted((ROOT / "content").rglob("*.md"))
    )
    for size in (LARGE_NOTE_BYTES // 4, LARGE_NOTE_BYTES // 2, LARGE_NOTE_BYTES):
        body = (prose * (size // len(prose) + 1))[:size]
        print(f"lint of one note of shipped prose, {size:,} bytes: {_lint_one_note(body):.2f}s")
    for name, line in PATHOLOGICAL_LINES.items():
        for repeats in (20_000, 40_000):
            seconds = _lint_one_note("Norton argues that empathy matters." + line * repeats)
            print(f"lint of one note with {line!r} x {repeats:,} on a line ({name}): {seconds:.2f}s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--large-only", action="store_true", help="only the single large notes")
    args = parser.parse_args()
    large_notes()
    if args.large_only:
        return
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
