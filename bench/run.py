"""Benchmark deckgen on a synthetic library (a script, not a test).

    python bench/run.py                 # 2,000 notes (~10,000 cards), 20 decks, 5 runs each
    python bench/run.py --notes 20000   # scale up
    python bench/run.py --notes 200 --runs 3 --json build/bench.json

Each figure is the median of --runs runs (min–max beside it), measured as a whole
``python -m deckgen …`` process, the way a curator or CI runs it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from synthetic import make_library  # noqa: E402

from deckgen.lock.records import read_lock  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": ""}

RSS_WRAPPER = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)

GENANKI_REFERENCE = r"""
import json, sys, genanki
cards = json.load(open(sys.argv[1]))
model = genanki.Model(1607392399, "ref", fields=[{"name": "Q"}, {"name": "A"}],
                      templates=[{"name": "c", "qfmt": "{{Q}}", "afmt": "{{A}}"}])
decks = {}
for deck, q, a, guid in cards:
    d = decks.setdefault(deck, genanki.Deck(abs(hash(deck)) % (1 << 30), deck))
    d.add_note(genanki.Note(model=model, fields=[q, a], guid=guid))
for i, d in enumerate(decks.values()):
    genanki.Package(d).write_to_file(f"{sys.argv[2]}/ref-{i}.apkg", timestamp=1700000000)
"""


def deckgen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run one deckgen command, failing loudly."""
    result = subprocess.run([sys.executable, "-m", "deckgen", *args], cwd=cwd, env=ENV, capture_output=True, text=True)
    if result.returncode not in (0,) and not (args[0] == "lint" and result.returncode == 1):
        raise SystemExit(f"deckgen {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return result


def timed(fn, runs: int, before=None) -> list[float]:  # type: ignore[no-untyped-def]
    """Wall times of ``runs`` calls to ``fn``; ``before`` runs untimed before each."""
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--decks", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic library")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="deckgen-bench-"))
    root = make_library(work / "lib", args.notes, args.decks)
    try:
        figures = run(root, work, args.runs)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    report(figures, args)


def run(root: Path, work: Path, runs: int) -> dict[str, object]:
    build_dir = root / "build"
    deckgen("build", cwd=root)  # first build creates deckgen.lock (not timed: a one-off)
    cards = sum(1 for _ in read_lock(root / "deckgen.lock").records())

    def wipe_outputs() -> None:
        shutil.rmtree(build_dir, ignore_errors=True)

    figures: dict[str, object] = {"notes": len(list((root / "content").rglob("*.md"))), "cards": cards}
    figures["cold build"] = timed(lambda: deckgen("build", cwd=root), runs, before=wipe_outputs)
    deckgen("build", cwd=root)
    figures["no-op rebuild"] = timed(lambda: deckgen("build", cwd=root), runs)
    note = sorted((root / "content").rglob("*.md"))[len(figures) % 7]
    original = note.read_text()
    counter = iter(range(1_000_000))

    def edit_one() -> None:
        note.write_text(original.replace("## Critique\n", f"## Critique\nEdited {next(counter)}. ", 1))

    figures["one-note edit"] = timed(lambda: deckgen("build", cwd=root), runs, before=edit_one)
    note.write_text(original)
    deckgen("build", cwd=root)
    figures["lint"] = timed(lambda: deckgen("lint", cwd=root), runs)
    figures["--help"] = timed(lambda: deckgen("--help", cwd=root), runs)
    rss = []
    for _ in range(min(runs, 3)):
        wipe_outputs()
        out = subprocess.run(
            [sys.executable, "-c", RSS_WRAPPER, sys.executable, "-m", "deckgen", "build"],
            cwd=root,
            env=ENV,
            capture_output=True,
            text=True,
            check=True,
        )
        rss.append(int(out.stdout.strip()) / 1024)
    figures["peak RSS MB (cold build)"] = rss
    figures["genanki reference"] = genanki_reference(root, work, runs)
    return figures


def genanki_reference(root: Path, work: Path, runs: int) -> list[float]:
    """A bare genanki write of the same cards (one deck per manifest), as a floor to compare with."""
    rows = [(r.deck, r.front, r.back, f"{n}/{k}") for n, k, r in read_lock(root / "deckgen.lock").records()]
    data = work / "cards.json"
    data.write_text(json.dumps(rows))
    script = work / "ref.py"
    script.write_text(GENANKI_REFERENCE)
    out = work / "ref-out"
    out.mkdir(exist_ok=True)
    return timed(lambda: subprocess.run([sys.executable, str(script), str(data), str(out)], check=True), runs)


def summary(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def report(figures: dict[str, object], args: argparse.Namespace) -> None:
    print(
        f"deckgen benchmark: {figures['notes']} notes, {figures['cards']} cards, {args.decks} decks, "
        f"{args.runs} runs; {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}"
    )
    print(f"{'measure':<28}{'median':>10}{'min':>10}{'max':>10}")
    medians: dict[str, float] = {}
    for name, values in figures.items():
        if not isinstance(values, list):
            continue
        med, lo, hi = summary(values)
        medians[name] = med
        unit = "" if "MB" in name else " s"
        print(f"{name:<28}{med:>9.3f}{unit[:2]:<1}{lo:>9.3f}{hi:>10.3f}")
    ratios = {
        "no-op / --help": medians["no-op rebuild"] / medians["--help"],
        "one-note edit / no-op": medians["one-note edit"] / medians["no-op rebuild"],
        "cold build / genanki reference": medians["cold build"] / medians["genanki reference"],
    }
    for name, value in ratios.items():
        print(f"{name:<28}{value:>9.2f}x")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {"figures": figures, "medians": medians, "ratios": ratios, "notes_arg": args.notes}
        args.json.write_text(json.dumps(payload, indent=2))


if __name__ == "__main__":
    main()
