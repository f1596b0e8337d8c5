"""Benchmark: CPU seconds of card generation and lint, stage by stage.

Run: python bench/stages.py [--notes 2000] [--runs 5] [--library synthetic|realistic]
The synthetic library (synthetic.py) is random words, so most generation rules never fire
on it; the realistic one is variants of the real notes (corpora.py), where they all do.
Prints the median, min and max CPU time (user+sys of this process) of each stage over
``--runs`` runs; each run starts with empty memo caches, as a fresh ``deckgen`` process
does. Not a test: timings vary with the machine and its load.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from corpora import realistic_library  # noqa: E402
from synthetic import make_library  # noqa: E402

from deckgen.cards import curation  # noqa: E402
from deckgen.cards.generate import collect_cards  # noqa: E402
from deckgen.cards.load import Sources  # noqa: E402
from deckgen.cards.rules import text  # noqa: E402
from deckgen.core import cardrules as quality  # noqa: E402
from deckgen.core.config import load_config  # noqa: E402
from deckgen.linter.run import lint_sources, settings_for  # noqa: E402
from deckgen.quality.neardup import near_duplicates  # noqa: E402
from deckgen.sources.notes import collect_notes  # noqa: E402

STAGES = ("parse notes", "generate cards", "lint checks (no L16)", "L16 near-duplicates", "generate + lint")


def clear_caches() -> None:
    """Forget every memoised text result, as a new process would."""
    for module in (text, quality, curation):
        for value in vars(module).values():
            if hasattr(value, "cache_clear"):
                value.cache_clear()


def one_run(root: Path) -> dict[str, float]:
    """CPU seconds of each stage, once."""
    config = load_config(root)
    settings = settings_for(config)
    clear_caches()
    gc.collect()
    times: dict[str, float] = {}

    def timed(name: str, work: Callable[[], object]) -> object:
        started = time.process_time()
        result = work()
        times[name] = time.process_time() - started
        return result

    notes, _ = timed("parse notes", lambda: collect_notes(config.content_dir, config.root))  # type: ignore[misc]
    cards, _ = timed("generate cards", lambda: collect_cards(notes, config.section("generate")))  # type: ignore[misc]
    sources = Sources(notes=notes, cards=cards)
    timed("lint checks (no L16)", lambda: lint_sources(config, sources, settings, near_duplicates=False))
    prompts = [card.front for note in notes for card in cards.get(note.id, [])]
    timed("L16 near-duplicates", lambda: near_duplicates(prompts, settings.near_duplicate))
    times["generate + lint"] = times["generate cards"] + times["lint checks (no L16)"] + times["L16 near-duplicates"]
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--library", choices=("synthetic", "realistic"), default="synthetic")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        make = make_library if args.library == "synthetic" else realistic_library
        root = make(Path(tmp), args.notes)
        runs = [one_run(root) for _ in range(args.runs)]
        notes = len(list((root / "content").rglob("*.md")))
    print(f"{args.library} library, {notes} notes, {args.runs} runs, CPU seconds")
    print(f"{'stage':<24} {'median':>7} {'min':>7} {'max':>7}")
    for stage in STAGES:
        values = [run[stage] for run in runs]
        print(f"{stage:<24} {statistics.median(values):7.3f} {min(values):7.3f} {max(values):7.3f}")


if __name__ == "__main__":
    main()
