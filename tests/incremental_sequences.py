"""Random sequences of edits, each built incrementally and compared with a cold build of the same files.

The single-edit tests (``test_incremental_outputs.py``) start every edit from a clean
build. State that an incremental build carries from one build to the next (the last
build's snapshot and its near-duplicate row, the per-note memo, each deck's shipped rows,
the site's kept pages and packages, the lock the build last wrote) can only go stale over
*sequences*: a card edit after a replayed prose edit, an edit undone, ``build/`` deleted
between two edits, a failed build in the middle. Each step here applies one random edit —
prose, answers, questions, cards added, deleted or moved, notes added, removed, renamed,
moved or re-tagged, an essay whose generated cards change, a generated card rejected or
overridden by an authored one, the note's or the project's generation settings, pictures
added or redrawn, ``id:`` lines, a deck's description or name, a track's weeks, the lint
settings, a cohort's page, the lock's spacing, draft cards added, approved or rejected,
two cards swapped, Windows line endings or a byte-order mark, a deck's or the track's
pace, a manifest selecting a note by id or path (a note in two decks), a note's title,
author or own ``id:``, accented answers composed or decomposed, ``build/`` or the cache deleted, files touched, an earlier
state of the sources restored (with its lock, as a checkout, or without), a broken note
and its repair — then runs the real CLI on the project (caches in place) and on a copy
without ``build/`` and caches, at the same build time (now and then the last step's, or
an hour before it), and checks:

- the two exit codes and the warnings (stderr) are the same;
- every output (each ``.apkg``, bundle, site file, changelog, and ``deckgen.lock``) has the
  same sha256;
- ``deckgen lint`` before and after the build, and ``deckgen diff`` (on some steps), print
  the same report;
- after one deck was built alone (on some steps), the full build is still a cold build's;
- a failed build leaves the project's outputs and lock as they were.

``tests/test_incremental_sequences.py`` runs a few seeds; ``scripts/incremental_sequences.py``
many.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from buildutil import CACHE_DIRS, output_hashes

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from synthetic import make_library  # noqa: E402

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
START = 1767225600  # each step builds a day later (SOURCE_DATE_EPOCH)
ESSAYS = ("norton-empathy.md", "graham-do-things-that-dont-scale.md", "cagan-product-vs-feature-teams.md")
CLAIMS = (
    "The author argues that a team should ship the smallest change that teaches it something.",
    "Good discovery is not a phase but a habit, because evidence decays quickly.",
    "A roadmap should never promise dates for work nobody has sized.",
    "If a metric cannot change a decision, then it is decoration rather than a measure.",
)


class Step:
    """What one step did, for the failure message."""

    def __init__(self, number: int, name: str, detail: str = "") -> None:
        self.number, self.name, self.detail = number, name, detail

    def __str__(self) -> str:
        return f"{self.number}:{self.name}" + (f"({self.detail})" if self.detail else "")


def cli(project: Path, when: int, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m deckgen ARGS`` in ``project`` at build time ``when``."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(when), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "deckgen", *args], cwd=project, env=env, capture_output=True, text=True
    )


def make_project(root: Path, notes: int = 16, decks: int = 4) -> Path:
    """A synthetic library with three of the shipped essays tagged into its decks (their generated cards ship)."""
    project = make_library(root, notes=notes, decks=decks)
    (project / "content" / "essays").mkdir()
    for index, name in enumerate(ESSAYS):
        text = (REPO / "content" / "essays" / name).read_text(encoding="utf-8")
        text = re.sub(r"^tags: \[", f"tags: [topic-{index % decks:02d}, ", text, count=1, flags=re.MULTILINE)
        (project / "content" / "essays" / name).write_text(text, encoding="utf-8")
    return project


def _notes(project: Path) -> list[Path]:
    return sorted((project / "content").rglob("*.md"))


def _synthetic(project: Path) -> list[Path]:
    return [p for p in _notes(project) if p.name.startswith("note-")]


def _rewrite(path: Path, edit: Callable[[str], str]) -> bool:
    text = path.read_text(encoding="utf-8")
    edited = edit(text)
    if edited == text:
        return False
    path.write_text(edited, encoding="utf-8")
    return True


def _after_selectors(text: str, line: str) -> str:
    """A manifest with ``line`` added after its last ``notes:`` selector (other keys may follow the list)."""
    lines = text.splitlines(keepends=True)
    last = max(i for i, row in enumerate(lines) if row.startswith("  - "))
    return "".join([*lines[: last + 1], line, *lines[last + 1 :]])


def _cards(text: str) -> list[str]:
    return re.findall(r"^Q: .*\nA: .*\n", text, flags=re.MULTILINE)


class Sequence:
    """One seeded sequence of edits on one project, with the states it may restore."""

    def __init__(self, project: Path, seed: int) -> None:
        self.project = project
        self.rng = random.Random(seed)
        self.serial = 0
        self.saved: list[Path] = []  # earlier copies of content/, decks/ and deckgen.toml
        self.broken: Path | None = None  # a note left unparseable, and the copy that repairs it

    def fresh(self) -> str:
        self.serial += 1
        return f"{self.rng.choice(['churn', 'pricing', 'signal', 'roadmap'])} {self.serial}"

    def pick(self, paths: list[Path]) -> Path:
        return self.rng.choice(paths)

    # --- edits: each returns a detail for the log, or None when it could not apply ---

    def prose(self) -> str | None:
        note = self.pick(_notes(self.project))
        word = self.fresh()
        _rewrite(note, lambda t: t.replace("## Critique\n", f"## Critique\nEdited about {word}. ", 1))
        return note.name

    def answer(self) -> str | None:
        note = self.pick(_synthetic(self.project))
        word = self.fresh()
        if not _rewrite(note, lambda t: re.sub(r"^A: (.*)$", f"A: {word}, \\1", t, count=1, flags=re.MULTILINE)):
            return None
        return note.name

    def question(self) -> str | None:
        note = self.pick(_synthetic(self.project))
        cards = _cards(note.read_text(encoding="utf-8"))
        if not cards:
            return None
        card = self.rng.choice(cards)
        word = self.fresh()
        _rewrite(note, lambda t: t.replace(card, card.replace("Q: ", f"Q: Reworded for {word}, ", 1), 1))
        return note.name

    def add_card(self) -> str | None:
        note = self.pick(_synthetic(self.project))
        word = self.fresh()
        _rewrite(note, lambda t: t + f"\nQ: Which point about {word} did this edit add?\nA: A new one on product.\n")
        return note.name

    def delete_card(self) -> str | None:
        note = self.pick(_synthetic(self.project))
        cards = _cards(note.read_text(encoding="utf-8"))
        if len(cards) < 2:
            return None
        _rewrite(note, lambda t: t.replace(self.rng.choice(cards), "", 1))
        return note.name

    def move_card(self) -> str | None:
        notes = _synthetic(self.project)
        if len(notes) < 2:
            return None
        source, target = self.rng.sample(notes, 2)
        cards = _cards(source.read_text(encoding="utf-8"))
        if len(cards) < 2:
            return None
        card = self.rng.choice(cards)
        _rewrite(source, lambda t: t.replace(card, "", 1))
        _rewrite(target, lambda t: t + "\n" + card)
        return f"{source.name}->{target.name}"

    def retag(self) -> str | None:
        note = self.pick(_notes(self.project))
        decks = sorted(p.stem for p in (self.project / "decks").glob("topic-*.yaml"))
        choice = self.rng.choice([*decks, ""])  # "" : in no deck (its cards are retired)
        tags = f"tags: [{choice}, " if choice else "tags: ["
        edited = _rewrite(note, lambda t: re.sub(r"^tags: \[(?:topic-\d+, )?", tags, t, count=1, flags=re.M))
        return f"{note.name}:{choice or 'no deck'}" if edited else None

    def add_note(self) -> str | None:
        plain = [p for p in _synthetic(self.project) if "![" not in p.read_text(encoding="utf-8")]
        if not plain:
            return None
        template = self.pick(plain)  # (a picture's path is relative to its note's folder)
        self.serial += 1
        note_id = f"note-9{self.serial:04d}"
        text = re.sub(r"^id: .*$", f"id: {note_id}", template.read_text(encoding="utf-8"), count=1, flags=re.M)
        text = text.replace("Q: ", f"Q: ({self.serial}) ")  # its own questions, not duplicates of the template's
        folder = self.project / "content" / self.rng.choice(["part-0", "part-1", "new", "new/deeper"])
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{note_id}.md").write_text(text, encoding="utf-8")
        return note_id

    def remove_note(self) -> str | None:
        notes = _synthetic(self.project)
        if len(notes) < 6:
            return None
        note = self.pick(notes)
        note.unlink()
        return note.name

    def rename_note(self) -> str | None:
        note = self.pick(_notes(self.project))
        self.serial += 1
        folder = self.project / "content" / self.rng.choice([note.parent.name, "moved"])
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"renamed-{self.serial}.md"
        note.rename(target)
        return f"{note.name}->{target.relative_to(self.project / 'content')}"

    def claim(self) -> str | None:  # an essay's argument changes: its generated cards change
        essays = [p for p in _notes(self.project) if not p.name.startswith(("note-", "renamed-"))]
        essays = essays or [p for p in _notes(self.project) if "Central argument" in p.read_text(encoding="utf-8")]
        note = self.pick(essays)
        sentence = self.rng.choice(CLAIMS)
        if not _rewrite(note, lambda t: t.replace("## Central argument\n", f"## Central argument\n{sentence} ", 1)):
            return None
        return note.name

    def deck_description(self) -> str | None:
        deck = self.pick(sorted((self.project / "decks").glob("topic-*.yaml")))
        word = self.fresh()
        _rewrite(deck, lambda t: re.sub(r"^description: .*\n", "", t, flags=re.M) + f"description: About {word}.\n")
        return deck.name

    def settings(self) -> str | None:
        toml = self.project / "deckgen.toml"
        text = toml.read_text(encoding="utf-8")
        block = '\n[lint.rules]\nL16 = "off"\n'
        toml.write_text(text.replace(block, "") if block in text else text + block, encoding="utf-8")
        return "L16 off" if block not in text else "L16 back"

    def lock_spacing(self) -> str | None:
        lock = self.project / "deckgen.lock"
        if not lock.exists():
            return None
        text = lock.read_text(encoding="utf-8")
        line = next((row for row in text.splitlines() if row.startswith('{"card": ')), None)
        if line is None:
            return None
        lock.write_text(text.replace(line, line.replace(", ", ","), 1), encoding="utf-8")
        return None if text == lock.read_text(encoding="utf-8") else "one record"

    def image(self) -> str | None:  # a card that shows a picture (its file ships in the packages)
        note = self.pick(_synthetic(self.project))
        self.serial += 1
        folder = note.parent / "img"
        folder.mkdir(exist_ok=True)
        (folder / f"fig-{self.serial}.png").write_bytes(PNG + bytes([self.serial % 256]))
        _rewrite(
            note,
            lambda t: (
                t
                + f"\nQ: What does the diagram from revision {self.serial} show?\nA: ![a feedback loop](img/fig-{self.serial}.png)\n"
            ),
        )
        return f"{note.name}:fig-{self.serial}.png"

    def redraw(self) -> str | None:  # a picture's bytes change, no note does
        pictures = sorted((self.project / "content").rglob("fig-*.png"))
        if not pictures:
            return None
        picture = self.pick(pictures)
        picture.write_bytes(picture.read_bytes() + b"\x00")
        return picture.name

    def explicit_id(self) -> str | None:  # a card pinned with an id: line (its identity stays its own)
        note = self.pick(_synthetic(self.project))
        cards = [c for c in _cards(note.read_text(encoding="utf-8"))]
        if not cards:
            return None
        self.serial += 1
        card = self.rng.choice(cards)
        _rewrite(note, lambda t: t.replace(card, f"id: pinned-{self.serial}\n{card}", 1))
        return note.name

    def week(self) -> str | None:  # a track's week renamed, or a deck moved to a week of its own
        track = self.project / "decks" / "tracks" / "bench.yaml"
        text = track.read_text(encoding="utf-8")
        self.serial += 1
        moved = re.search(r"decks: \[(topic-\d+), ", text)
        if self.rng.random() < 0.5 or moved is None:
            track.write_text(re.sub(r"title: Week 1.*", f"title: Week 1, revision {self.serial}", text, count=1))
            return "week renamed"
        edited = text.replace(moved.group(0), "decks: [", 1)
        track.write_text(edited + f"  - title: Week for {self.serial}\n    decks: [{moved.group(1)}]\n")
        return f"{moved.group(1)} to a new week"

    def rename_deck(self) -> str | None:  # its cards ship under the new name (learners keep theirs where they are)
        deck = self.pick(sorted((self.project / "decks").glob("topic-*.yaml")))
        self.serial += 1
        _rewrite(deck, lambda t: re.sub(r"^deck: (.*?)( v\d+)?$", f"deck: \\1 v{self.serial}", t, count=1, flags=re.M))
        return deck.name

    def checkout(self) -> str | None:  # `git checkout` of an earlier commit: the sources and their lock
        saved = [copy for copy in self.saved if (copy / "deckgen.lock").exists()]
        if not saved:
            return None
        copy = self.rng.choice(saved)
        self._put_back(copy)
        shutil.copy2(copy / "deckgen.lock", self.project / "deckgen.lock")
        return copy.name

    def _generated(self) -> tuple[Path, str] | None:
        """An essay and the key of one of its generated cards the lock records, or None."""
        lock = self.project / "deckgen.lock"
        essays = [p for p in _notes(self.project) if "## Central argument" in p.read_text(encoding="utf-8")]
        essays = [p for p in essays if not p.name.startswith("note-")]
        if not essays or not lock.exists():
            return None
        note = self.pick(essays)
        found = re.search(r"^id: (.+)$", note.read_text(encoding="utf-8"), flags=re.MULTILINE)
        keys = (
            re.findall(rf'^\{{"card": "{re.escape(found.group(1))}/(g\.[^"]+)"', lock.read_text(), re.M)
            if found
            else []
        )
        return (note, self.rng.choice(keys)) if keys else None

    def curate(self) -> str | None:  # a generated card rejected, or the note's cap lowered, in its front matter
        chosen = self._generated()
        if chosen is None or "\ngenerate:" in chosen[0].read_text(encoding="utf-8"):
            return None
        note, key = chosen
        block = f"generate:\n  reject: [{key}]\n" if self.rng.random() < 0.6 else "generate:\n  cap: 1\n"
        _rewrite(note, lambda t: t.replace("---\n", "---\n" + block, 1))
        return f"{note.name}:{block.split(chr(10))[1].strip()}"

    def override(self) -> str | None:  # an authored card that rewrites a generated one (same key)
        chosen = self._generated()
        if chosen is None or f"id: {chosen[1]}\n" in chosen[0].read_text(encoding="utf-8"):
            return None
        note, key = chosen
        self.serial += 1
        card = f"id: {key}\nQ: Which claim did rewrite {self.serial} pin down?\nA: The one the curator preferred.\n"
        _rewrite(note, lambda t: t + ("\n" if "## Cards" in t else "\n## Cards\n\n") + card)
        return f"{note.name}:{key}"

    def generation(self) -> str | None:  # the project's generation settings
        toml = self.project / "deckgen.toml"
        text = toml.read_text(encoding="utf-8")
        block = self.rng.choice(["\n[generate]\ncap = 2\n", '\n[generate]\nskip = ["critique"]\n'])
        if "[generate]" in text:
            toml.write_text(re.sub(r"\n\[generate\]\n[^\n]*\n", "", text), encoding="utf-8")
            return "generation as shipped"
        toml.write_text(text + block, encoding="utf-8")
        return block.strip().replace("\n", " ")

    def cohort(self) -> str | None:  # a cohort with a page on the site: added, a hire added, or removed
        path = self.project / "decks" / "cohorts" / "spring.yaml"
        if path.exists() and self.rng.random() < 0.3:
            path.unlink()
            return "removed"
        path.parent.mkdir(exist_ok=True)
        self.serial += 1
        hire = f"  - {{name: hire {self.serial}, track: bench, start: 2026-03-{self.serial % 28 + 1:02d}}}\n"
        if not path.exists():
            path.write_text(f"title: Spring cohort\nsite: true\nhires:\n{hire}", encoding="utf-8")
            return "added"
        path.write_text(path.read_text(encoding="utf-8") + hire, encoding="utf-8")
        return "hire added"

    def draft(self) -> str | None:  # a draft card added to a note, or a waiting one approved or rejected
        waiting = [p for p in _notes(self.project) if "Status: draft\n" in p.read_text(encoding="utf-8")]
        if waiting and self.rng.random() < 0.6:
            note = self.pick(waiting)
            verdict = self.rng.choice(["approved", "rejected"])
            _rewrite(note, lambda t: t.replace("Status: draft\n", f"Status: {verdict}\n", 1))
            return f"{note.name}:{verdict}"
        note = self.pick(_synthetic(self.project))
        word = self.fresh()
        _rewrite(
            note,
            lambda t: (
                t + f"\nStatus: draft\nQ: Which draft about {word} waits for a curator?\nA: Its onboarding checklist.\n"
            ),
        )
        return f"{note.name}:draft"

    def swap_cards(self) -> str | None:  # two of a note's cards change places
        note = self.pick(_synthetic(self.project))
        cards = _cards(note.read_text(encoding="utf-8"))
        if len(cards) < 2:
            return None
        first, second = self.rng.sample(cards, 2)
        _rewrite(note, lambda t: t.replace(first, "\0").replace(second, first).replace("\0", second))
        return note.name

    def line_endings(self) -> str | None:  # saved with Windows line endings (or back), or with a byte-order mark
        note = self.pick(_notes(self.project))
        data = note.read_bytes()
        if self.rng.random() < 0.3:
            bom = b"\xef\xbb\xbf"
            note.write_bytes(data[3:] if data.startswith(bom) else bom + data)
            return f"{note.name}:BOM"
        note.write_bytes(data.replace(b"\r\n", b"\n") if b"\r\n" in data else data.replace(b"\n", b"\r\n"))
        return f"{note.name}:CRLF"

    def pace(self) -> str | None:  # a deck's new cards a day (an Anki preset), or a track's
        if self.rng.random() < 0.3:
            track = self.project / "decks" / "tracks" / "bench.yaml"
            pace = self.rng.choice([10, 15, 20, 25])
            _rewrite(track, lambda t: re.sub(r"^new_per_day: \d+$", f"new_per_day: {pace}", t, count=1, flags=re.M))
            return f"track {pace}"
        deck = self.pick(sorted((self.project / "decks").glob("topic-*.yaml")))
        pace = self.rng.choice([0, 5, 12])
        stripped = lambda t: re.sub(r"^new_per_day: .*\n", "", t, flags=re.M)  # noqa: E731
        _rewrite(deck, lambda t: stripped(t) + (f"new_per_day: {pace}\n" if pace else ""))
        return f"{deck.name}:{pace or 'none'}"

    def select(
        self,
    ) -> str | None:  # a deck manifest selects one more note by id or path (a note in two decks), or one fewer
        deck = self.pick(sorted((self.project / "decks").glob("topic-*.yaml")))
        text = deck.read_text(encoding="utf-8")
        extra = re.findall(r"^  - (?:id|path): .*\n", text, flags=re.M)
        if extra and self.rng.random() < 0.4:
            _rewrite(deck, lambda t: t.replace(self.rng.choice(extra), "", 1))
            return f"{deck.name}: one fewer"
        note = self.pick(_notes(self.project))
        text = note.read_text(encoding="utf-8")
        found = re.search(r"^id: (.+)$", text, flags=re.M)
        if found is None:
            return None
        rel = note.relative_to(self.project).as_posix()
        # by id only an essay (no edit removes one or changes its id: an id that selects nothing is an error)
        by_id = "synthetic]" not in text and self.rng.random() < 0.6
        line = f"  - id: {found.group(1)}\n" if by_id else f'  - path: "{rel}"\n'
        first = self.rng.random() < 0.5  # before the tag selector: the note's cards come first in the deck
        _rewrite(deck, lambda t: t.replace("notes:\n", "notes:\n" + line, 1) if first else _after_selectors(t, line))
        return f"{deck.name}:+{found.group(1)}{' first' if first else ''}"

    def front_matter(self) -> str | None:  # a note's title or author changed (its generated questions name them)
        note = self.pick(_notes(self.project))
        word = self.fresh()
        if self.rng.random() < 0.5:
            edited = _rewrite(
                note, lambda t: re.sub(r'^title: "?(.*?)"?$', f'title: "\\1, {word}"', t, count=1, flags=re.M)
            )
            return f"{note.name}:title" if edited else None
        author = self.rng.choice(["Marty Cagan", "Teresa Torres", "Ben Horowitz", "Julie Zhuo"])
        edited = _rewrite(note, lambda t: re.sub(r"^author: .*$", f"author: {author}", t, count=1, flags=re.M))
        return f"{note.name}:{author}" if edited else None

    def note_id(self) -> str | None:  # a note's id: changed (its cards are new to the lock; the old ones retire)
        note = self.pick(_synthetic(self.project))
        self.serial += 1
        edited = _rewrite(note, lambda t: re.sub(r"^id: (.*)$", f"id: \\1-r{self.serial}", t, count=1, flags=re.M))
        return note.name if edited else None

    def accents(self) -> str | None:  # an answer with accented letters, composed or decomposed (NFC or NFD)
        note = self.pick(_synthetic(self.project))
        word = self.rng.choice(["caf\u00e9", "cafe\u0301", "na\u00efve", "nai\u0308ve"])
        if not _rewrite(note, lambda t: re.sub(r"^A: (.*)$", f"A: {word} \\1", t, count=1, flags=re.MULTILINE)):
            return None
        return f"{note.name}:{word.encode('unicode_escape').decode()}"

    def delete_build(self) -> str | None:
        shutil.rmtree(self.project / "build", ignore_errors=True)
        return "build/"

    def delete_cache(self) -> str | None:
        shutil.rmtree(self.project / ".deckgen-cache", ignore_errors=True)
        return ".deckgen-cache/"

    def touch(self) -> str | None:
        note = self.pick(_notes(self.project))
        os.utime(note, (note.stat().st_atime, note.stat().st_mtime + 5))
        return note.name

    def save(self) -> None:
        self.serial += 1
        copy = self.project.parent / f"saved-{self.serial}"
        for name in ("content", "decks"):
            shutil.copytree(self.project / name, copy / name)
        shutil.copy2(self.project / "deckgen.toml", copy / "deckgen.toml")
        if (self.project / "deckgen.lock").exists():
            shutil.copy2(self.project / "deckgen.lock", copy / "deckgen.lock")
        self.saved.append(copy)

    def restore(self) -> str | None:  # `git checkout` of an earlier state of the sources (the lock stays)
        if not self.saved:
            return None
        index = self.rng.randrange(len(self.saved))
        self._put_back(self.saved[index])
        return f"state {index}"

    def _put_back(self, copy: Path) -> None:
        for name in ("content", "decks"):
            shutil.rmtree(self.project / name)
            shutil.copytree(copy / name, self.project / name)
        shutil.copy2(copy / "deckgen.toml", self.project / "deckgen.toml")

    def break_note(self) -> str | None:
        self.save()
        self.broken = self.saved.pop()
        note = self.pick(_notes(self.project))
        _rewrite(note, lambda t: t.replace("---\n", "---\ntitle: [unclosed\n", 1))
        return note.name

    def repair(self) -> None:
        assert self.broken is not None
        self._put_back(self.broken)
        self.broken = None

    EDITS = (
        "prose",
        "prose",
        "answer",
        "answer",
        "question",
        "add_card",
        "delete_card",
        "move_card",
        "retag",
        "add_note",
        "remove_note",
        "rename_note",
        "claim",
        "claim",
        "deck_description",
        "settings",
        "lock_spacing",
        "delete_build",
        "delete_cache",
        "touch",
        "restore",
        "checkout",
        "image",
        "redraw",
        "explicit_id",
        "week",
        "rename_deck",
        "curate",
        "cohort",
        "override",
        "generation",
        "break_note",
        "nothing",
        "draft",
        "swap_cards",
        "line_endings",
        "pace",
        "select",
        "front_matter",
        "note_id",
        "accents",
    )

    def nothing(self) -> str | None:
        return ""

    def edit(self) -> tuple[str, str]:
        """Apply one random edit that applies; (its name, its detail)."""
        while True:
            name = self.rng.choice(self.EDITS)
            detail = getattr(self, name)()
            if detail is not None:
                return name, detail


def _cold_copy(project: Path, cold: Path) -> None:
    shutil.rmtree(cold, ignore_errors=True)
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))


def killed(project: Path, when: int, after: float) -> None:
    """Start ``deckgen build`` and kill it (SIGKILL) ``after`` seconds in, wherever it is."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(when), "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "deckgen", "build"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        process.wait(timeout=after)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def run(root: Path, seed: int, steps: int = 10, *, kills: bool = False) -> list[Step]:
    """One seeded sequence of ``steps`` edits; AssertionError (with the steps so far) on the first difference.

    ``kills``: now and then a build is killed at a random moment before the step's build
    (timing-dependent, so not for the test suite's seeds: scripts/incremental_sequences.py --kills).
    """
    project = make_project(root / "project")
    cold = root / "cold"
    first = cli(project, START, "build")
    assert first.returncode == 0, first.stderr
    sequence = Sequence(project, seed)
    probes = random.Random(-seed)  # which extra checks run (apart, so that a seed's edits stay the same)
    last = START
    done: list[Step] = []
    for number in range(1, steps + 1):
        when = START + number * 86400
        clock = probes.random()
        if clock < 0.1:  # two builds in one second, or a clock (or a commit date) that went back
            when = last if clock < 0.05 else last - 3600
        last = when
        if sequence.broken is not None:
            sequence.repair()
            done.append(Step(number, "repair"))
        else:
            if sequence.rng.random() < 0.3:
                sequence.save()
            name, detail = sequence.edit()
            done.append(Step(number, name, detail))
        history = " ".join(map(str, done))
        before = output_hashes(project) if (project / "build").exists() else None
        _cold_copy(project, cold)
        if sequence.rng.random() < 0.35:  # lint first (its own fast path), on both
            _same(cli(project, when, "lint"), cli(cold, when, "lint"), f"seed {seed}, {history}: lint")
        if probes.random() < 0.25:  # what the next build would change
            _same(cli(project, when, "diff"), cli(cold, when, "diff"), f"seed {seed}, {history}: diff")
        if kills and probes.random() < 0.2:
            after = probes.uniform(0.05, 1.5)
            killed(project, when, after)  # (it may have written the lock: the cold copy takes it as it is now)
            done[-1].detail += f", a build killed after {after:.2f} s"
            history = " ".join(map(str, done))
            before = output_hashes(project) if (project / "build").exists() else None
            _cold_copy(project, cold)
        if probes.random() < 0.15:  # one deck built alone first: its cards recorded, the others' changes pending
            deck = probes.choice(sorted(p.stem for p in (project / "decks").glob("topic-*.yaml")))
            alone = cli(project, when, "build", deck)
            done[-1].detail += f", {deck} built alone first (exit {alone.returncode})"
            history = " ".join(map(str, done))
            before = output_hashes(project) if (project / "build").exists() else None
            _cold_copy(project, cold)  # the lock as that build left it
        built, cold_built = cli(project, when, "build"), cli(cold, when, "build")
        assert built.returncode == cold_built.returncode, (
            f"seed {seed}, {history}: exit {built.returncode} vs cold {cold_built.returncode}\n"
            f"{built.stderr}\n---\n{cold_built.stderr}"
        )
        assert built.stderr == cold_built.stderr, (
            f"seed {seed}, {history}: warnings differ\n--- incremental\n{built.stderr}\n--- cold\n{cold_built.stderr}"
        )
        if built.returncode != 0:
            assert sequence.broken is not None, f"seed {seed}, {history}: a valid edit failed\n{built.stderr}"
            if before is not None:
                assert output_hashes(project) == before, f"seed {seed}, {history}: a failed build wrote outputs"
            continue
        hashes, cold_hashes = output_hashes(project), output_hashes(cold)
        if hashes != cold_hashes:
            differ = sorted(k for k in hashes.keys() | cold_hashes.keys() if hashes.get(k) != cold_hashes.get(k))
            raise AssertionError(f"seed {seed}, {history}: outputs differ from a cold build's: {differ}")
        if probes.random() < 0.25:  # lint after the build (from the snapshot it recorded)
            _same(cli(project, when, "lint"), cli(cold, when, "lint"), f"seed {seed}, {history}: lint after")
    return done


def _same(ours: subprocess.CompletedProcess[str], cold: subprocess.CompletedProcess[str], what: str) -> None:
    """The same exit code and report (the project's path aside: the two live in different folders)."""
    assert (ours.returncode, ours.stdout.replace("/project", "/cold")) == (cold.returncode, cold.stdout), (
        f"{what} differs\n--- incremental\n{ours.stdout}{ours.stderr}\n--- cold\n{cold.stdout}{cold.stderr}"
    )
