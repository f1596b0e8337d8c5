"""Many seeded random multi-release histories through one learner's collection (tests/random_releases.py).

    python scripts/random_releases.py --seeds 50 --releases 8

Prints one line per seed and exits 1 on the first broken invariant (with the edits that led there).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from random_releases import run  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=50)
    parser.add_argument("--first", type=int, default=1, help="first seed")
    parser.add_argument("--releases", type=int, default=8)
    args = parser.parse_args()
    for seed in range(args.first, args.first + args.seeds):
        with tempfile.TemporaryDirectory() as tmp:
            try:
                edits = run(Path(tmp) / "project", seed, args.releases)
            except AssertionError as exc:
                print(f"seed {seed}: FAILED {exc}")
                raise SystemExit(1) from exc
        print(f"seed {seed}: ok ({len(edits)} edits)")
    print(f"{args.seeds} seeds x {args.releases} releases: every invariant held")


if __name__ == "__main__":
    main()
