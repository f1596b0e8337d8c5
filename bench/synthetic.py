"""Generate a synthetic deckgen library: N notes with realistic sections and authored cards, decks and one track."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

WORDS = (
    "product discovery customer team roadmap metric outcome strategy market insight "
    "experiment hypothesis research interview prototype launch feedback retention growth "
    "pricing segment onboarding workflow decision trade-off stakeholder vision mission "
    "priority backlog velocity quality design engineering data signal churn activation"
).split()
AUTHORS = [
    "Ada Lovelace",
    "Grace Hopper",
    "Ken Norton",
    "Marty Cagan",
    "Teresa Torres",
    "Ben Horowitz",
    "Julie Zhuo",
    "Shreyas Doshi",
    "Lenny Rachitsky",
    "Gibson Biddle",
]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def note_text(index: int, rng: random.Random, decks: int) -> str:
    author = rng.choice(AUTHORS)
    surname = author.split()[-1]
    title = f"Essay {index}: " + " ".join(rng.choice(WORDS) for _ in range(3)).title()
    cards = []
    # Cards stay lint-clean (deckgen build refuses lint errors): answers and cloze deletions
    # never reuse the words shown in the question or the title (rules L6, L7).
    shown = set(title.lower().replace(":", "").split())
    fresh = [w for w in WORDS if w not in shown]
    for c in range(3):
        topic = rng.choice(fresh)
        answer = [w for w in fresh if w != topic]
        cards.append(
            f"Q: In {surname}'s '{title}', what is point {c + 1} about {topic}?\n"
            f"A: {' '.join(rng.choice(answer) for _ in range(rng.randint(3, 9))).capitalize()}."
        )
    subject, hidden = rng.sample(fresh, 2), rng.sample(fresh, 2)
    while set(hidden) & set(subject):
        hidden = rng.sample(fresh, 2)
    cards.append(f"C: {surname} calls {subject[0]} a {{{{c1::{hidden[0]} {hidden[1]}}}}} problem.")
    sections = "\n\n".join(
        f"## {heading}\n" + " ".join(sentence(rng, rng.randint(8, 18)) for _ in range(4))
        for heading in ("Central argument", "Critique", "Why it matters for product")
    )
    return (
        "---\n"
        f"id: note-{index:05d}\n"
        f'title: "{title}"\n'
        f"author: {author}\n"
        f"source: https://example.com/essays/{index}\n"
        f"tags: [topic-{index % decks:02d}, synthetic]\n"
        "year: 2020\n"
        "---\n"
        f"{sentence(rng, 20)} {sentence(rng, 14)}\n\n{sections}\n\n## Cards\n\n" + "\n\n".join(cards) + "\n"
    )


def copy_project(source: Path, root: Path) -> Path:
    """A copy of a project's sources (``content/``, ``decks/``, ``deckgen.toml`` and its lock, if any) at ``root``."""
    for folder in ("content", "decks"):
        shutil.copytree(source / folder, root / folder)
    for name in ("deckgen.toml", "deckgen.lock"):
        if (source / name).is_file():
            shutil.copy2(source / name, root / name)
    return root


def make_library(root: Path, notes: int = 2000, decks: int = 20, seed: int = 7) -> Path:
    """Write deckgen.toml, content/ and decks/ (one deck per topic tag) under ``root``."""
    rng = random.Random(seed)
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "decks").mkdir(parents=True, exist_ok=True)
    (root / "deckgen.toml").write_text('[project]\nname = "Bench"\nnamespace = "bench-namespace-0001"\n')
    for index in range(notes):
        folder = root / "content" / f"part-{index % 10}"
        folder.mkdir(exist_ok=True)
        (folder / f"note-{index:05d}.md").write_text(note_text(index, rng, decks))
    for deck in range(decks):
        (root / "decks" / f"topic-{deck:02d}.yaml").write_text(
            f"deck: Bench::Topic {deck:02d}\nnotes:\n  - tag: topic-{deck:02d}\n"
        )
    # one onboarding track over every deck, a few decks a week
    weeks = [list(range(decks))[start : start + 4] for start in range(0, decks, 4)]
    stages = "".join(
        f"  - title: Week {n + 1}\n    decks: [{', '.join(f'topic-{d:02d}' for d in week)}]\n"
        for n, week in enumerate(weeks)
    )
    (root / "decks" / "tracks").mkdir(exist_ok=True)
    (root / "decks" / "tracks" / "bench.yaml").write_text(
        f"track: Bench track\nrole: Benchmark reader\ndeck: Bench Track\nnew_per_day: 20\nstages:\n{stages}"
    )
    return root
