"""Blind card-quality evaluation: mix generated and curator cards, let a judge rate them, unblind.

The protocol (docs/blind-judge-brief.md is the judge's brief, unchanged between runs):

1. ``prep``: import every fresh note (seed text, Obsidian, Notion) into a scratch project
   exactly as a new user would (``deckgen import``), take the cards that would ship
   (``deckgen cards NOTE --shipping --format json``), mix them with the curator's cards
   for the same notes (``<note>.cards`` beside each note), normalise anything that would
   tell the two apart, shuffle, and write ``table.md`` (what the judge sees), the notes
   (``notes/``), and ``key.json`` (which card came from where; the judge never sees it).
2. A judge who sees only ``table.md``, ``notes/`` and the brief writes ``judge.json``.
3. ``score``: unblind with the key: tier counts per source and per note, coverage of the
   judge's key ideas by generated T2/T3 cards, and the curator calibration check.

    python scripts/blind_eval.py prep tests/fixtures/fresh/batch1 --out evals/2026-11-28-batch1
    # judge writes evals/2026-11-28-batch1/judge.json
    python scripts/blind_eval.py score evals/2026-11-28-batch1
    # both generators (the default rules and the optional spaCy parser) in one blind table:
    python scripts/blind_eval.py prep NOTES --out DIR --parser rules --parser spacy
    # this checkout's generator and the previous release's, one table:
    python scripts/blind_eval.py prep NOTES --out DIR --parser rules --code previous=/path/to/old/checkout
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

NOTE_SUFFIXES = (".txt", ".md")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})
_CLOZE_RE = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", re.DOTALL)
_MARKUP_RE = re.compile(r"\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|`")


@dataclass(frozen=True)
class Row:
    """One card as the judge sees it, plus where it came from (kept in the key)."""

    id: str
    note: str
    question: str
    answer: str
    source: str  # "generated" | "curator"
    origin: str  # the generated card's key, or the curator card's position
    generators: str = ""  # for a generated card: the parsers that ship it, "+"-joined ("rules+spacy")


def normalise(text: str) -> str:
    """Quote marks, dashes, possessives, Markdown emphasis and spacing made uniform across both sources."""
    text = _MARKUP_RE.sub("", text.translate(_QUOTES))
    text = re.sub(r"(?<=s)'s\b", "'", text)  # "Brooks's" and "Brooks'" read alike
    return re.sub(r"\s+", " ", text).strip()


def normalise_answer(text: str) -> str:
    """An answer as :func:`normalise`, without a closing full stop (writers differ on it)."""
    return normalise(text).rstrip(".").rstrip()


def as_question_answer(kind: str, front: str, back: str) -> tuple[str, str]:
    """A cloze becomes its text with ``[...]`` and the hidden words as the answer."""
    if kind == "cloze" or "{{c" in front:
        hidden = [m.group(1) for m in _CLOZE_RE.finditer(front)]
        return normalise(_CLOZE_RE.sub("[...]", front)), normalise_answer("; ".join(hidden))
    return normalise(front), normalise_answer(back)


def curator_cards(path: Path) -> list[tuple[str, str, str]]:
    """(kind, front, back) of each card in a ``.cards`` file (``Q:``/``A:`` pairs and ``C:`` lines)."""
    cards: list[tuple[str, str, str]] = []
    question: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("Q:"):
            question = line[2:].strip()
        elif line.startswith("A:") and question is not None:
            cards.append(("qa", question, line[2:].strip()))
            question = None
        elif line.startswith("C:"):
            cards.append(("cloze", line[2:].strip(), ""))
    return cards


def _deckgen(*args: str, cwd: Path, code: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    if code is not None:  # another checkout's deckgen (e.g. the previous release's generator)
        env["PYTHONPATH"] = str(code)
    return subprocess.run([sys.executable, "-m", "deckgen", *args], cwd=cwd, env=env, capture_output=True, text=True)


@dataclass(frozen=True)
class Generator:
    """One generator in a blind table: its name in key.json, its [generate] parser, and which code runs it."""

    name: str
    parser: str = "rules"
    code: Path | None = None  # a checkout of deckgen; None = the deckgen this script imports


def generator_args(parsers: Sequence[str], codes: Sequence[str]) -> list[Generator]:
    """``--parser P`` and ``--code NAME=DIR`` options as generators (the rules parser of DIR's checkout)."""
    made = [Generator(parser, parser) for parser in parsers]
    for item in codes:
        name, sep, folder = item.partition("=")
        if not sep or not name or not (Path(folder) / "deckgen" / "__init__.py").is_file():
            raise SystemExit(f"--code {item!r}: write NAME=DIR where DIR is a deckgen checkout")
        made.append(Generator(name, "rules", Path(folder).resolve()))
    return made or [Generator("rules")]


def generated_cards(
    note_files: list[Path], parser: str = "rules", code: Path | None = None
) -> dict[str, list[dict[str, str]]]:
    """Import the notes into a scratch project and return each one's shipping cards, by note file name.

    ``parser`` is the project's ``[generate] parser``: "rules" (default) or "spacy" (needs deckgen[nlp]);
    ``code`` runs another checkout's deckgen instead of this one.
    """
    result: dict[str, list[dict[str, str]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        (project / "content").mkdir(parents=True)
        (project / "decks").mkdir()
        generate = f'\n[generate]\nparser = "{parser}"\n' if parser != "rules" else ""
        (project / "deckgen.toml").write_text('[project]\nname = "Eval"\nnamespace = "blind-eval-0001"\n' + generate)
        (project / "decks" / "all.yaml").write_text("deck: Eval\nnotes: all\n")
        for source in note_files:
            before = set((project / "content").rglob("*.md"))
            done = _deckgen("import", str(source), cwd=project, code=code)
            made = sorted(set((project / "content").rglob("*.md")) - before)
            if done.returncode != 0 or len(made) != 1:
                raise SystemExit(f"import of {source.name} failed:\n{done.stdout}\n{done.stderr}")
            shown = _deckgen("cards", str(made[0]), "--shipping", "--format", "json", cwd=project, code=code)
            if shown.returncode != 0:
                raise SystemExit(f"deckgen cards failed for {source.name}:\n{shown.stdout}\n{shown.stderr}")
            result[source.name] = json.loads(shown.stdout)
    return result


def prep(notes_dir: Path, out: Path, seed: int, generators: Sequence[Generator] = (Generator("rules"),)) -> None:
    """Write table.md, notes/ and key.json for one blind run.

    With several ``generators`` (parsers, or other checkouts' code) their cards share one
    table: a card two generators ship alike is one row, credited to both, so the judge rates
    each card once and never sees which generator (or the curator) wrote it.
    """
    note_files = sorted(p.resolve() for p in notes_dir.iterdir() if p.suffix in NOTE_SUFFIXES and p.name != "README.md")
    generated = {g.name: generated_cards(note_files, g.parser, g.code) for g in generators}
    parsers = [g.name for g in generators]
    pool: list[tuple[str, str, str, str, str, str]] = []
    for note in note_files:
        made: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
        for parser in parsers:
            for card in generated[parser][note.name]:
                question, answer = as_question_answer(card["kind"], card["front"], card["back"])
                keys, names = made.setdefault((question, answer), ([], []))
                keys.append(card["key"] if len(parsers) == 1 else f"{parser}:{card['key']}")
                names.append(parser)
        for (question, answer), (keys, names) in made.items():
            pool.append((note.name, question, answer, "generated", " ".join(keys), "+".join(names)))
        for index, (kind, front, back) in enumerate(curator_cards(note.with_suffix(".cards")), 1):
            question, answer = as_question_answer(kind, front, back)
            pool.append((note.name, question, answer, "curator", f"curator-{index}", ""))
    random.Random(seed).shuffle(pool)
    rows = [Row(f"C{n:03d}", *entry) for n, entry in enumerate(pool, 1)]
    out.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(out / "notes", ignore_errors=True)
    (out / "notes").mkdir()
    for note in note_files:
        shutil.copy2(note, out / "notes" / note.name)
    lines = ["| id | note | question | answer |", "|---|---|---|---|"]
    for row in sorted(rows, key=lambda r: (r.note, r.id)):
        cells = [row.id, row.note, row.question, row.answer]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    (out / "table.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    key = {
        "notes_dir": str(notes_dir),
        "seed": seed,
        "parsers": parsers,
        "generators": [{"name": g.name, "parser": g.parser, "code": str(g.code or "")} for g in generators],
        "rows": [asdict(r) for r in rows],
    }
    (out / "key.json").write_text(json.dumps(key, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    counts = Counter(r.source for r in rows)
    print(f"{len(note_files)} notes, {counts['generated']} generated + {counts['curator']} curator cards -> {out}")


def _share(counter: Counter[int]) -> str:
    total = sum(counter.values())
    good = counter[2] + counter[3]
    return f"{good}/{total} = {good / total:.0%}" if total else "-"


def score(run: Path) -> str:
    """Unblind ``judge.json`` with ``key.json``; return the report (also written to results.md).

    A run prepared with several parsers gets the figures once per generator (each counts
    the rows it ships), then once for the curator.
    """
    data = json.loads((run / "key.json").read_text(encoding="utf-8"))
    key = {row["id"]: row for row in data["rows"]}
    parsers = data.get("parsers") or [data.get("parser", "rules")]
    judge = json.loads((run / "judge.json").read_text(encoding="utf-8"))
    tiers = {item["id"]: int(item["tier"]) for item in judge["ratings"]}
    missing = sorted(set(key) - set(tiers))
    if missing:
        raise SystemExit(f"the judge rated no tier for {len(missing)} cards: {', '.join(missing[:10])}")

    def made_by(row: dict[str, str], source: str) -> bool:
        if source == "curator" or len(parsers) == 1:
            return row["source"] == source if source == "curator" else row["source"] == "generated"
        return row["source"] == "generated" and source in (row.get("generators") or "").split("+")

    sources = ["generated"] if len(parsers) == 1 else list(parsers)
    by_source: dict[str, Counter[int]] = defaultdict(Counter)
    by_note: dict[str, dict[str, Counter[int]]] = defaultdict(lambda: defaultdict(Counter))
    for card_id, row in key.items():
        for source in [*sources, "curator"]:
            if made_by(row, source):
                by_source[source][tiers[card_id]] += 1
                by_note[row["note"]][source][tiers[card_id]] += 1

    out = ["| source | cards | T0 | T1 | T2 | T3 | T2+T3 |", "|---|---|---|---|---|---|---|"]
    for source in [*sources, "curator"]:
        c = by_source[source]
        label = source if len(sources) == 1 or source == "curator" else f"generated ({source})"
        out.append(f"| {label} | {sum(c.values())} | {c[0]} | {c[1]} | {c[2]} | {c[3]} | {_share(c)} |")
    covered_notes: Counter[str] = Counter()
    heads = " | ".join(f"{s} T2+T3 | {s} ideas covered" for s in sources)
    cover_lines = ["", f"| note | {heads} | curator T2+T3 | key ideas |", "|---|" + "---|" * (2 * len(sources) + 2)]
    for note in sorted(by_note):
        ideas = judge.get("key_ideas", {}).get(note, [])
        cells = []
        for source in sources:
            covered = sum(
                1
                for idea in ideas
                if any(c in key and made_by(key[c], source) and tiers.get(c, 0) >= 2 for c in idea.get("cards", []))
            )
            covered_notes[source] += covered >= 4
            cells += [_share(by_note[note][source]), str(covered)]
        cover_lines.append(f"| {note} | {' | '.join(cells)} | {_share(by_note[note]['curator'])} | {len(ideas)} |")
    summary = [""]
    for source in sources:
        generated = by_source[source]
        total = sum(generated.values())
        name = "generated cards" if len(sources) == 1 else f"generated cards ({source})"
        summary += [
            f"- {name} T2+T3: {_share(generated)} (target >= 70%)",
            f"- {name}: T0 per 50: {generated[0] * 50 / max(1, total):.1f} (target <= 1)",
            f"- {name}: notes with >= 4 key ideas covered by a T2/T3 card: "
            f"{covered_notes[source]} of {len(by_note)} (target >= 10 of 12)",
        ]
    curator = by_source["curator"]
    curator_share = (curator[2] + curator[3]) / max(1, sum(curator.values()))
    summary.append(
        f"- curator calibration: {curator_share:.0%} T2+T3 ({'within' if 0.85 <= curator_share <= 0.95 else 'OUTSIDE'} 85-95%)"
    )
    report = "\n".join(out + cover_lines + summary) + "\n"
    (run / "results.md").write_text(report, encoding="utf-8")
    return report


def show(notes_dir: Path, parser: str = "rules") -> str:
    """The generated cards that ship for each fresh note (what ``prep`` would put in the table), for development."""
    note_files = sorted(p.resolve() for p in notes_dir.iterdir() if p.suffix in NOTE_SUFFIXES and p.name != "README.md")
    generated = generated_cards(note_files, parser)
    out: list[str] = []
    total = 0
    for note in note_files:
        cards = generated[note.name]
        total += len(cards)
        out.append(f"## {note.name} ({len(cards)} generated)")
        for card in cards:
            question, answer = as_question_answer(card["kind"], card["front"], card["back"])
            out.append(f"- [{card['key']}] {question}\n    -> {answer}")
    out.append(f"\n{total} generated cards for {len(note_files)} notes")
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prep", help="mix and shuffle cards for a judge")
    p.add_argument("notes", type=Path, help="folder of fresh notes with <note>.cards beside each")
    p.add_argument("--out", type=Path, required=True, help="folder for table.md, notes/ and key.json")
    p.add_argument("--seed", type=int, default=20261128)
    p.add_argument(
        "--parser",
        choices=("rules", "spacy"),
        action="append",
        help="[generate] parser of the scratch project; give it twice to judge both generators in one table",
    )
    p.add_argument(
        "--code",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="also judge the default generator of another deckgen checkout (e.g. the previous release) in the same table",
    )
    s = sub.add_parser("score", help="unblind judge.json with key.json")
    s.add_argument("run", type=Path, help="the folder prep wrote, now holding judge.json")
    w = sub.add_parser("show", help="list the generated cards that ship for each note (development)")
    w.add_argument("notes", type=Path, help="folder of fresh notes")
    w.add_argument(
        "--parser", choices=("rules", "spacy"), default="rules", help="[generate] parser of the scratch project"
    )
    args = parser.parse_args()
    if args.command == "prep":
        prep(
            args.notes, args.out, args.seed, generator_args(args.parser or ([] if args.code else ["rules"]), args.code)
        )
    elif args.command == "show":
        print(show(args.notes, args.parser), end="")
    else:
        print(score(args.run), end="")


if __name__ == "__main__":
    main()
