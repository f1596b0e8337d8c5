"""Random releases of real essays' *generated* cards through one learner's collection (the real Anki engine).

``random_releases.py`` edits authored cards with generation off. Here the cards come
from the generator: each release applies random edits to the essays' prose (a claim
added, a sentence dropped or reworded), to their curation (a generated card rejected, a
note's cap, generation off for a note, an authored card that rewrites a generated one by
its key), to the project's generation settings, or moves an essay to the other deck;
then it builds, imports every deck into the same collection, reviews a little, and checks:

- no lost review: every review-log entry and every card's scheduling survive the import;
- every note the packages ship live is in the collection once, with the packages' fields;
- no two live notes in the collection ask the same question (no duplicate under a new key);
- every note the learner has that no package ships live any more is tagged retired;
- ``deckgen build --locked`` passes on a fresh copy of the committed files.

``tests/test_random_generated.py`` runs a few seeds.
"""

from __future__ import annotations

import random
import re
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from ankiutil import import_apkg, open_collection, review
from random_releases import plain, play

from deckgen.api import build, load_config
from deckgen.core.errors import ContentError
from deckgen.core.model import BuildResult
from deckgen.lock.retire import RETIRED_TAG

REPO = Path(__file__).resolve().parents[1]
ESSAYS = (
    "essays/norton-empathy.md",
    "essays/graham-do-things-that-dont-scale.md",
    "essays/cagan-product-vs-feature-teams.md",
    "essays/andreessen-only-thing-that-matters.md",
    "frameworks/torres-opportunity-solution-tree.md",
)
SECTIONS = ("## Central argument\n", "## Critique\n", "## Why it matters for product\n")
CLAIMS = (
    "The author argues that a team should ship the smallest change that teaches it something.",
    "Good discovery is not a phase but a habit, because evidence decays quickly.",
    "A roadmap should never promise dates for work nobody has sized.",
    "If a metric cannot change a decision, then it is decoration rather than a measure.",
    "Onboarding is the product's first promise, so it deserves the best designers.",
)
TOML = '[project]\nname = "Generated"\nnamespace = "random-generated-0001"\n'
DECKS = {"a": "G::A", "b": "G::B"}


class History:
    """Five essays in two decks, their curation, and the learner who imports every release."""

    def __init__(self, root: Path, seed: int) -> None:
        self.root = root
        self.rng = random.Random(seed)
        self.log: list[str] = []
        self.curation: dict[str, dict[str, object]] = {}  # by file name: reject, cap, off
        self.generated: dict[str, int] = {}  # generated cards added, edited, retired ... over the history
        (root / "decks").mkdir(parents=True)
        for folder, deck in DECKS.items():
            (root / "content" / folder).mkdir(parents=True)
            (root / "decks" / f"{folder}.yaml").write_text(f'deck: {deck}\nnotes:\n  - path: "content/{folder}/*.md"\n')
        for index, essay in enumerate(ESSAYS):
            text = (REPO / "content" / essay).read_text(encoding="utf-8")
            (root / "content" / ("a" if index < 3 else "b") / Path(essay).name).write_text(text, encoding="utf-8")
        (root / "deckgen.toml").write_text(TOML)
        self.col = open_collection(root.parent / f"learner-{seed}.anki2")

    def notes(self) -> list[Path]:
        return sorted((self.root / "content").rglob("*.md"))

    def _note_id(self, note: Path) -> str:
        found = re.search(r"^id: (.+)$", note.read_text(encoding="utf-8"), flags=re.MULTILINE)
        assert found is not None
        return found.group(1)

    def _live_generated(self, note: Path) -> list[str]:
        """The keys of the note's generated cards that the lock records live."""
        lock = (self.root / "deckgen.lock").read_text(encoding="utf-8")
        pattern = rf'^\{{"card": "{re.escape(self._note_id(note))}/(g\.[^"]+)".*$'
        return [m.group(1) for m in re.finditer(pattern, lock, flags=re.M) if '"retired"' not in m.group(0)]

    def _write_curation(self, note: Path) -> None:
        state = self.curation.get(note.name, {})
        text = re.sub(r"^generate:(?: false)?\n(?:  .*\n)*", "", note.read_text(encoding="utf-8"), flags=re.M)
        if state.get("off"):
            block = "generate: false\n"
        else:
            lines = [f"  reject: [{', '.join(sorted(state['reject']))}]\n"] if state.get("reject") else []  # type: ignore[arg-type]
            lines += [f"  cap: {state['cap']}\n"] if state.get("cap") else []
            block = "generate:\n" + "".join(lines) if lines else ""
        note.write_text(text.replace("---\n", "---\n" + block, 1), encoding="utf-8")

    def edit(self) -> None:
        """One to three random edits."""
        for _ in range(self.rng.randint(1, 3)):
            note = self.rng.choice(self.notes())
            kind = self.rng.choice(
                ["claim", "claim", "drop", "reword", "reword", "reject", "cap", "off", "override", "move", "settings"]
            )
            text = note.read_text(encoding="utf-8")
            state = self.curation.setdefault(note.name, {})
            if kind == "claim":
                section = self.rng.choice([s for s in SECTIONS if s in text])
                note.write_text(text.replace(section, section + self.rng.choice(CLAIMS) + " ", 1), encoding="utf-8")
            elif kind == "drop":  # the first sentence of a section goes
                section = self.rng.choice([s for s in SECTIONS if s in text])
                note.write_text(re.sub(re.escape(section) + r"[^\n.]*\.\s", section, text, count=1), encoding="utf-8")
            elif kind == "reword":  # one word of the prose changes
                spots = [m.start() for m in re.finditer(r" the ", text.split("## Cards")[0])]
                if spots:
                    at = self.rng.choice(spots)
                    note.write_text(text[:at] + " this " + text[at + 5 :], encoding="utf-8")
            elif kind == "reject":
                keys = self._live_generated(note)
                if keys:
                    state.setdefault("reject", set()).add(self.rng.choice(keys))  # type: ignore[union-attr]
                    self._write_curation(note)
            elif kind == "cap":
                state["cap"] = None if state.get("cap") else self.rng.randint(1, 3)
                self._write_curation(note)
            elif kind == "off":
                state["off"] = not state.get("off")
                self._write_curation(note)
            elif kind == "override":  # an authored card that rewrites a generated one (same key)
                keys = [k for k in self._live_generated(note) if f"id: {k}\n" not in text]
                if keys:
                    key = self.rng.choice(keys)
                    card = (
                        f"id: {key}\nQ: Which idea did the curator rewrite as {key[2:]}?\nA: The one worth keeping.\n"
                    )
                    note.write_text(text + ("\n" if "## Cards" in text else "\n## Cards\n\n") + card, encoding="utf-8")
            elif kind == "move":  # (never a deck's last note: a deck with no notes is an error)
                if len(list(note.parent.glob("*.md"))) > 1:
                    other = "b" if note.parent.name == "a" else "a"
                    note.rename(self.root / "content" / other / note.name)
            else:
                toml = self.root / "deckgen.toml"
                block = '\n[generate]\nskip = ["critique"]\n'
                body = toml.read_text()
                toml.write_text(body.replace(block, "") if block in body else body + block)
            self.log.append(f"{note.name}: {kind}")

    def _build(self) -> BuildResult:
        """Build (the build time is the clock; releases are seconds apart), as a curator would.

        A rejected key that no generated card has any more (its sentence was reworded)
        stops the build with the note's line: the curator removes the key, as the error
        says, and builds again. Any other error is a failure.
        """
        try:
            return build(load_config(self.root))
        except ContentError as exc:
            stale = [re.search(r"no generated card has the key '([^']+)'", f.message) for f in exc.findings]
            if not all(stale):
                raise
            for finding, found in zip(exc.findings, stale):
                assert found is not None
                name = Path(finding.path).name
                self.curation[name]["reject"].discard(found.group(1))  # type: ignore[union-attr]
                self._write_curation(next(p for p in self.notes() if p.name == name))
                self.log.append(f"{name}: stale reject key {found.group(1)} removed")
            return build(load_config(self.root))

    def release(self, number: int) -> None:
        """Build, import, review, and check every invariant."""
        result = self._build()
        for change in result.changes:
            if "/g." in change.uid and change.status != "unchanged":
                self.generated[change.status] = self.generated.get(change.status, 0) + 1
        before_revlog = set(self.col.db.list("select id from revlog"))
        before_cards = {row[0]: row[1:] for row in self.col.db.all("select id, ivl, due, queue, type from cards")}
        for output in result.outputs:  # the packages this build wrote (the others are as the learner has them)
            if str(output).endswith(".apkg") and "/tracks/" not in str(output):
                log = import_apkg(self.col, Path(output))
                assert log.conflicting == 0, self.log
        live: dict[str, list[str]] = {}  # guid -> fields, of every note a package ships live
        for package in sorted((self.root / "build").glob("*.apkg")):
            live.update(_live_notes(package))
        after_cards = {row[0]: row[1:] for row in self.col.db.all("select id, ivl, due, queue, type from cards")}
        assert before_revlog <= set(self.col.db.list("select id from revlog")), ("lost reviews", self.log)
        assert all(after_cards.get(cid) == sched for cid, sched in before_cards.items()), ("scheduling", self.log)
        notes = [self.col.get_note(nid) for nid in self.col.find_notes("")]
        by_guid = {note.guid: note for note in notes}
        for guid, fields in live.items():
            assert guid in by_guid, ("a live note is missing", fields[0], self.log)
            assert list(by_guid[guid].fields) == fields, ("stale fields", fields[0], self.log)
        questions: dict[str, str] = {}
        for note in notes:
            if note.guid in live:
                first = plain(note.fields[0])
                assert first not in questions, ("the same question twice", first, self.log)
                questions[first] = note.guid
            else:
                assert RETIRED_TAG in note.tags, (
                    "a note no package ships live is not retired",
                    note.fields[0],
                    self.log,
                )
        for deck in DECKS.values():
            if self.col.decks.id_for_name(deck):
                review(self.col, deck, 2)
        clone = self.root.parent / f"clone-{number}"
        shutil.copytree(self.root, clone, ignore=shutil.ignore_patterns("build", ".deckgen-cache"))
        build(load_config(clone), locked=True)  # raises LockError if the clone would change the lock
        shutil.rmtree(clone)

    def close(self) -> None:
        self.col.close()


def _live_notes(apkg: Path) -> dict[str, list[str]]:
    """guid -> fields of the notes ``apkg`` ships with cards to study and no retired tag."""
    with zipfile.ZipFile(apkg) as archive, tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "collection.anki2"
        path.write_bytes(archive.read("collection.anki2"))
        db = sqlite3.connect(path)
        try:
            rows = db.execute("select guid, flds, tags from notes where id in (select nid from cards)").fetchall()
        finally:
            db.close()
    return {guid: flds.split("\x1f") for guid, flds, tags in rows if RETIRED_TAG not in tags.split()}


def run(root: Path, seed: int, releases: int) -> tuple[list[str], dict[str, int]]:
    """One random history of ``releases`` releases; returns the edits made and how many generated cards
    changed, by status (raises on a broken invariant)."""
    history = History(root, seed)
    play(history, releases)
    return history.log, history.generated
