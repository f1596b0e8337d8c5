"""Many seeded random sequences of edits, each incremental build compared with a cold one (tests/incremental_sequences.py).

    python scripts/incremental_sequences.py --seeds 50 --steps 12 [--kills]

Prints one line per seed and exits 1 on the first difference (with the edits that led there).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from incremental_sequences import run  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=50)
    parser.add_argument("--first", type=int, default=1, help="first seed")
    parser.add_argument("--steps", type=int, default=12)
    parser.add_argument("--kills", action="store_true", help="now and then kill a build mid-way first")
    args = parser.parse_args()
    for seed in range(args.first, args.first + args.seeds):
        with tempfile.TemporaryDirectory() as tmp:
            try:
                steps = run(Path(tmp), seed, args.steps, kills=args.kills)
            except AssertionError as exc:
                print(f"seed {seed}: FAILED {exc}")
                raise SystemExit(1) from exc
        print(f"seed {seed}: ok ({' '.join(map(str, steps))})")
    print(f"{args.seeds} seeds x {args.steps} steps: every build was a cold build's")


if __name__ == "__main__":
    main()
