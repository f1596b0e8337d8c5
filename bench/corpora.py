"""Libraries for benchmarks and output snapshots: real notes, and many deterministic variants of them.

The synthetic library (synthetic.py) has random words, so most generation rules never fire
on it; these libraries are built from the shipped content/ and the gold and held-out notes
of tests/fixtures/, so every rule, curation and L16 meet realistic text.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from deckgen.authoring.importers import convert, detect_format  # noqa: E402
from deckgen.authoring.importing import render_note  # noqa: E402
from deckgen.authoring.scaffold import slugify  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
_MUTABLE_WORD = re.compile(r"\b[A-Za-z]{4,}\b")
_PROTECTED = {"Extra", "Reverse", "Ignore", "Cards"}


def project(root: Path, notes: dict[str, str], namespace: str) -> Path:
    """A deckgen project holding ``notes`` (file name -> text) in one deck."""
    (root / "content").mkdir(parents=True)
    (root / "decks").mkdir()
    (root / "deckgen.toml").write_text(f'[project]\nname = "Snapshot"\nnamespace = "{namespace}"\n', encoding="utf-8")
    (root / "decks" / "all.yaml").write_text("deck: Snapshot\nnotes: all\n", encoding="utf-8")
    for name, text in notes.items():
        (root / "content" / name).write_text(text, encoding="utf-8")
    return root


def fixture_notes() -> dict[str, str]:
    """The gold and held-out notes, converted to canonical deckgen notes."""
    notes: dict[str, str] = {}
    for folder in ("gold", "heldout"):
        for path in sorted((FIXTURES / folder).iterdir()):
            if path.suffix == ".cards":
                continue
            text = path.read_text(encoding="utf-8")
            if detect_format(text, path.name) != "canonical":
                text = render_note(convert(text, path, path.name), slugify(path.stem.split(" ")[0]))
            notes[f"{folder}-{slugify(path.stem)}.md"] = text
    return notes


def mutated_notes(
    sources: dict[str, str],
    variants: int,
    seed: int = 11,
    rates: tuple[float, ...] = (0.02, 0.08, 0.2),
    titles: bool = False,
) -> dict[str, str]:
    """Deterministic variants of real notes: some body words (and titles, if asked) swapped for words of other notes."""
    pool = sorted({w for text in sources.values() for w in _MUTABLE_WORD.findall(text.split("\n---", 1)[-1])})
    out: dict[str, str] = {}
    for name, text in sorted(sources.items()):
        head, sep, body = text.partition("\n---\n")
        for k in range(variants):
            rng = random.Random(f"{seed}:{name}:{k}")
            rate = rates[k % len(rates)]

            def swap(match: re.Match[str]) -> str:
                word = match.group(0)
                if word in _PROTECTED or rng.random() >= rate:
                    return word
                new = rng.choice(pool)
                return new.capitalize() if word[0].isupper() else new

            lines = []
            for line in body.split("\n"):
                # headings pick rules (critique); ids, links and images must stay valid
                keep = line.startswith("#") or line.startswith("id:") or "](" in line
                lines.append(line if keep else _MUTABLE_WORD.sub(swap, line))
            new_head = re.sub(r"^id:\s*(\S+)", lambda m: f"id: {m.group(1)}-v{k}", head, count=1, flags=re.M)
            if titles:
                new_head = re.sub(
                    r"^title:.*$",
                    lambda m: _MUTABLE_WORD.sub(swap, m.group(0)[6:]).join(("title:", "")),
                    new_head,
                    count=1,
                    flags=re.M,
                )
            out[f"{Path(name).stem}-v{k}.md"] = new_head + sep + "\n".join(lines)
    return out


def real_notes() -> dict[str, str]:
    """The gold and held-out notes and the shipped content/ notes, by file name."""
    return {
        **fixture_notes(),
        **{p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "content").rglob("*.md"))},
    }


def realistic_library(root: Path, notes: int) -> Path:
    """A project of about ``notes`` variants of the real notes, a third of their words and titles swapped.

    Variants of one essay still share its structure and author, so L16 finds more
    near-duplicates here than in a real library of that size.
    """
    real = real_notes()
    variants = mutated_notes(real, max(1, -(-notes // len(real))), rates=(0.3,), titles=True)
    return project(root, dict(list(variants.items())[:notes]), "bench-realistic-0001")
