"""Benchmark deckgen on a synthetic library (a script, not a test).

    python bench/run.py                 # 2,000 notes (~11,700 cards), 20 decks, 1 track, 5 runs each
    python bench/run.py --notes 20000 --runs 1
    python bench/run.py --compare /path/to/other/checkout   # paired runs: this code vs that one
    python bench/run.py --library .     # a real project instead (here: the shipped content/ and decks/)
    python bench/run.py --scale 20000 --runs 7   # the one-note edit and the truly cold build at 2,000 and 20,000 notes, alternating runs

Every figure is a whole ``python -m deckgen …`` process, the way a curator or CI runs it:
CPU time (user + sys of the process and its children) and wall time, as the median of
``--runs`` runs with min–max. With ``--compare``, each run times the other checkout's
code right after this one's on the same library state (paired runs), so slow drift of
the machine affects both alike.

Measures (issue "the curator's loop in a blink"): ``--help``; a no-op rebuild; a
one-note edit then build; ``deckgen lint`` after a one-note edit; a cold build after
``rm -rf build/`` with the note cache kept (wherever it lives); a truly cold build (no
output, no cache, ``deckgen.lock`` present as in any clone); peak RSS of a cold build;
and a bare genanki write of the same cards as a floor.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from synthetic import copy_project, make_library  # noqa: E402

CACHE_NAMES = (".deckgen-cache",)

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


class Code:
    """One checkout of deckgen to time (this one, or the one given to --compare)."""

    def __init__(self, name: str, root: Path, pycache: Path) -> None:
        self.name = name
        self.env = {**os.environ, "PYTHONPATH": str(root), "SOURCE_DATE_EPOCH": "", "NO_COLOR": "1"}
        # Bytecode as a normal install has it (compiled once; pip does it at install time),
        # kept in the bench's own folder so no checkout is written to.
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env["PYTHONPYCACHEPREFIX"] = str(pycache / name)

    def run(self, *args: str, cwd: Path) -> tuple[float, float]:
        """(wall seconds, CPU seconds) of one ``deckgen`` process; fails loudly on a crash."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "deckgen", *args], cwd=cwd, env=self.env, capture_output=True, text=True
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0 and not (args[0] == "lint" and done.returncode == 1):
            raise SystemExit(f"[{self.name}] deckgen {' '.join(args)} failed:\n{done.stderr[-2000:]}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return wall, cpu

    def peak_rss_mb(self, *args: str, cwd: Path) -> float:
        """Peak resident memory of one ``deckgen`` process, in MiB."""
        wrapper = (
            "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
        )
        done = subprocess.run(
            [sys.executable, "-c", wrapper, sys.executable, "-m", "deckgen", *args],
            cwd=cwd,
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )
        return int(done.stdout.strip()) / 1024


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists():
        path.unlink()


def wipe_outputs_keep_cache(root: Path) -> None:
    """``rm -rf build/``, as a curator (or a CI job restoring only the project cache) would.

    The project's cache lives in ``<project>/.deckgen-cache/``, outside ``build/``, and stays.
    Nothing inside ``build/`` is kept: an older checkout whose cache lived in
    ``build/.deckgen-cache`` loses it, as its users did.
    """
    _remove(root / "build")


def wipe_everything(root: Path) -> None:
    """No outputs and no cache at all; the lockfile stays, as in a fresh clone."""
    _remove(root / "build")
    for name in CACHE_NAMES:
        _remove(root / name)


def packaged_cards(build: Path) -> list[tuple[str, str, str, str]]:
    """(deck, front, back, guid) of every card in the built per-deck packages (not the bundles)."""
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for apkg in sorted(build.glob("*.apkg")):
            with zipfile.ZipFile(apkg) as archive:
                archive.extract("collection.anki2", tmp)
            db = sqlite3.connect(Path(tmp) / "collection.anki2")
            decks = json.loads(db.execute("select decks from col").fetchone()[0])
            for flds, guid, did in db.execute(
                "select n.flds, n.guid, min(c.did) from notes n join cards c on c.nid = n.id group by n.id"
            ):
                fields = flds.split("\x1f")
                rows.append((decks[str(did)]["name"], fields[0], fields[1] if len(fields) > 1 else "", guid))
            db.close()
    return rows


def measure(
    libraries: list[tuple[Code, Path]], runs: int, before: Callable[[Path], None] | None, args: tuple[str, ...]
) -> dict[str, dict[str, list[float]]]:
    """Paired runs: for each run, each code in turn on its own copy of the library (``before(root)`` first)."""
    out: dict[str, dict[str, list[float]]] = {c.name: {"wall": [], "cpu": []} for c, _ in libraries}
    for _ in range(runs):
        for code, root in libraries:
            if before:
                before(root)
            wall, cpu = code.run(*args, cwd=root)
            out[code.name]["wall"].append(wall)
            out[code.name]["cpu"].append(cpu)
    return out


class Edits:
    """The bench's edits to one note of each library (the fourth, sorted), each new, and putting it back."""

    def __init__(self, libraries: list[tuple[Code, Path]]) -> None:
        self.libraries = libraries
        self.counter = iter(range(1_000_000))
        self.originals = {root: self.note(root).read_text() for _, root in libraries}

    @staticmethod
    def note(root: Path) -> Path:
        return sorted((root / "content").rglob("*.md"))[3]

    def one_note(self, root: Path) -> None:
        """A sentence added to the note's Critique: no card changes."""
        self.note(root).write_text(
            self.originals[root].replace("## Critique\n", f"## Critique\nEdited {next(self.counter)}. ", 1)
        )

    def one_card(self, root: Path) -> None:
        """A curator's commonest edit: one authored card's answer reworded (its deck and the lock change)."""
        self.note(root).write_text(self.originals[root].replace("\nA: ", f"\nA: Revised{next(self.counter)} ", 1))

    def settle(self) -> None:
        """Every note as it was, and built."""
        for code, root in self.libraries:
            self.note(root).write_text(self.originals[root])
            code.run("build", cwd=root)


def run(libraries: list[tuple[Code, Path]], work: Path, runs: int) -> dict[str, object]:
    """Every measure, for every code, each on its own identical copy of the library."""
    for code, root in libraries:
        code.run("build", cwd=root)  # creates deckgen.lock (a one-off, not timed)
    first_root = libraries[0][1]
    cards = packaged_cards(first_root / "build")
    figures: dict[str, object] = {"notes": len(list((first_root / "content").rglob("*.md"))), "cards": len(cards)}
    edits = Edits(libraries)
    edit_one, edit_one_card, settle = edits.one_note, edits.one_card, edits.settle

    timings: dict[str, dict[str, dict[str, list[float]]]] = {}
    timings["--help"] = measure(libraries, runs, None, ("--help",))
    settle()
    timings["no-op rebuild"] = measure(libraries, runs, None, ("build",))
    timings["one-note edit -> build"] = measure(libraries, runs, edit_one, ("build",))
    timings["lint after one edit"] = measure(libraries, runs, edit_one, ("lint",))
    timings["one-card edit -> build"] = measure(libraries, runs, edit_one_card, ("build",))
    timings["lint after one-card edit"] = measure(libraries, runs, edit_one_card, ("lint",))
    settle()
    timings["cold build, cache kept"] = measure(libraries, runs, wipe_outputs_keep_cache, ("build",))
    timings["truly cold build"] = measure(libraries, runs, wipe_everything, ("build",))
    rss: dict[str, list[float]] = {c.name: [] for c, _ in libraries}
    for _ in range(min(runs, 3)):
        for code, root in libraries:
            wipe_everything(root)
            rss[code.name].append(code.peak_rss_mb("build", cwd=root))
    figures["timings"] = timings
    figures["peak RSS MiB (truly cold build)"] = rss
    figures["genanki reference"] = genanki_reference(cards, work, runs)
    return figures


def genanki_reference(cards: list[tuple[str, str, str, str]], work: Path, runs: int) -> dict[str, list[float]]:
    """A bare genanki write of the same cards (one package per deck), as a floor to compare with."""
    data = work / "cards.json"
    data.write_text(json.dumps(cards))
    script = work / "ref.py"
    script.write_text(GENANKI_REFERENCE)
    out = work / "ref-out"
    out.mkdir(exist_ok=True)
    result: dict[str, list[float]] = {"wall": [], "cpu": []}
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, str(script), str(data), str(out)], check=True)
        result["wall"].append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        result["cpu"].append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return result


def _fmt(values: list[float]) -> str:
    return f"{statistics.median(values):7.3f} ({min(values):.3f}–{max(values):.3f})"


def report(figures: dict[str, object], codes: list[Code], args: argparse.Namespace) -> dict[str, object]:
    """Print the table; return the medians (also written with --json)."""
    print(
        f"deckgen benchmark: {figures['notes']} notes, {figures['cards']} cards, "
        f"{f'the project {args.library}' if args.library else f'{args.decks} decks, 1 track'}, "
        f"{args.runs} runs; {platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}"
    )
    timings = figures["timings"]
    assert isinstance(timings, dict)
    medians: dict[str, dict[str, float]] = {c.name: {} for c in codes}
    header = "".join(f"{c.name + ' CPU s':>28}{c.name + ' wall s':>28}" for c in codes)
    print(f"{'measure':<26}{header}")
    for measure_name, per_code in timings.items():
        cells = ""
        for code in codes:
            values = per_code[code.name]
            cells += f"{_fmt(values['cpu']):>28}{_fmt(values['wall']):>28}"
            medians[code.name][measure_name] = statistics.median(values["cpu"])
            medians[code.name][measure_name + " (wall)"] = statistics.median(values["wall"])
        print(f"{measure_name:<26}{cells}")
    rss = figures["peak RSS MiB (truly cold build)"]
    assert isinstance(rss, dict)
    print(f"{'peak RSS MiB (cold)':<26}" + "".join(f"{_fmt(rss[c.name]):>28}{'':>28}" for c in codes))
    reference = figures["genanki reference"]
    assert isinstance(reference, dict)
    print(f"{'genanki reference':<26}{_fmt(reference['cpu']):>28}{_fmt(reference['wall']):>28}")
    for code in codes:
        m = medians[code.name]
        m["peak RSS MiB"] = statistics.median(rss[code.name])
        ratios = {
            "no-op / --help (CPU)": m["no-op rebuild"] / m["--help"],
            "edit / no-op (CPU)": m["one-note edit -> build"] / m["no-op rebuild"],
            "truly cold / genanki reference (CPU)": m["truly cold build"] / statistics.median(reference["cpu"]),
        }
        print(f"[{code.name}] " + ", ".join(f"{k}: {v:.2f}x" for k, v in ratios.items()))
        m.update(ratios)
    if len(codes) == 2:
        a, b = (medians[c.name] for c in codes)
        for measure_name in timings:
            print(f"{measure_name:<26} {codes[0].name}/{codes[1].name} CPU = {a[measure_name] / b[measure_name]:.2f}")
    return {"figures": figures, "medians": medians}


def run_scale(work: Path, args: argparse.Namespace) -> None:
    """The one-note edit, lint after it and the truly cold build at ``--notes`` and at ``--scale`` notes, the two
    libraries in alternating runs (paired, so that the machine's drift affects both alike): the issue's "an edit at
    20,000 notes at most twice the edit at 2,000" and "a truly cold build at most 10x"."""
    sizes = (args.notes, args.scale)
    libraries = [
        (Code(f"{n} notes", REPO, work / "pycache"), make_library(work / f"lib-{n}", n, args.decks)) for n in sizes
    ]
    for code, root in libraries:
        code.run("build", cwd=root)  # the lock and the caches (a one-off, not timed)
    edits = Edits(libraries)
    timings = {
        "one-note edit -> build": measure(libraries, args.runs, edits.one_note, ("build",)),
        "lint after one edit": measure(libraries, args.runs, edits.one_note, ("lint",)),
    }
    edits.settle()
    # the issue's "truly cold at 20,000 notes at most 10x the 2,000 figure", paired the same way
    timings["truly cold build"] = measure(libraries, args.runs, wipe_everything, ("build",))
    print(
        f"deckgen scale benchmark: {sizes[0]} and {sizes[1]} notes, {args.decks} decks, {args.runs} paired runs; "
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}"
    )
    names = [code.name for code, _ in libraries]
    print(f"{'measure':<26}" + "".join(f"{name + ' CPU s':>28}" for name in names) + f"{'ratio (CPU medians)':>22}")
    for measure_name, per_code in timings.items():
        cpu = [per_code[name]["cpu"] for name in names]
        ratio = statistics.median(cpu[1]) / statistics.median(cpu[0])
        print(f"{measure_name:<26}" + "".join(f"{_fmt(values):>28}" for values in cpu) + f"{ratio:>21.2f}x")


def _library(root: Path, args: argparse.Namespace) -> Path:
    if args.library is not None:
        return copy_project(args.library.resolve(), root)
    return make_library(root, args.notes, args.decks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--decks", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--compare", type=Path, help="another deckgen checkout to time in paired runs")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic library")
    parser.add_argument(
        "--library", type=Path, help="time a copy of this project (content/, decks/, deckgen.toml, its lock) instead"
    )
    parser.add_argument(
        "--scale",
        type=int,
        help="only the one-note edit and lint after it, at --notes and at this many notes in alternating runs",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="deckgen-bench-"))
    if args.scale:
        try:
            run_scale(work, args)
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
        return
    codes = [Code("this", REPO, work / "pycache")]
    if args.compare:
        codes.append(Code("other", args.compare.resolve(), work / "pycache"))
    libraries = [(code, _library(work / f"lib-{code.name}", args)) for code in codes]
    try:
        figures = run(libraries, work, args.runs)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    payload = report(figures, codes, args)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({**payload, "notes_arg": args.notes}, indent=2))


if __name__ == "__main__":
    main()
