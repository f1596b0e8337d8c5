"""Random multi-release histories through one learner's collection (the real Anki engine).

Each release applies random valid edits to a small project — a question or an answer
reworded, an ``id:`` added, a note file moved or renamed, a note's own ``id:`` changed, a
card moved to another note, cards reordered, a card split (the half that keeps the
question keeps the card), deleted or added — builds it, imports it into the same collection, reviews a little, and checks:

- no lost review: every review-log entry and every card's scheduling survive the import;
- no duplicate: one Anki note per card identity, and a card kept under edits keeps its note;
- every live card's fields are current; every removed card is tagged retired;
- ``deckgen build --locked`` passes on a fresh copy of the committed files.

``tests/test_random_releases.py`` runs a few seeds; ``scripts/random_releases.py`` many.
"""

from __future__ import annotations

import random
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ankiutil import import_apkg, open_collection, review

from deckgen.api import build, load_config
from deckgen.lock.retire import RETIRED_TAG

TOML = '[project]\nname = "Random"\nnamespace = "random-releases-0001"\n\n[generate]\nenabled = false\n'
WORDS = "market product customer team metric roadmap outcome pricing churn signal vision trade-off".split()


@dataclass
class RCard:
    """One card as the model knows it: its texts, an optional explicit id, and its Anki GUID once shipped."""

    serial: int
    question: str
    answer: str
    explicit: str = ""
    guid: str = ""


@dataclass
class RNote:
    note_id: str
    path: str
    tag: str = ""  # its deck's selector, t + the id's last character unless given (kept when the id changes)
    cards: list[RCard] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.tag = self.tag or f"t{self.note_id[-1]}"

    def text(self) -> str:
        blocks = []
        for card in self.cards:
            lines = ([f"id: {card.explicit}"] if card.explicit else []) + [f"Q: {card.question}", f"A: {card.answer}"]
            blocks.append("\n".join(lines))
        return (
            f"---\nid: {self.note_id}\ntitle: Essay on {self.note_id}\nauthor: Ada Lovelace\ntags: [{self.tag}]\n"
            f"---\nA blurb.\n\n## Cards\n\n" + "\n\n".join(blocks) + "\n"
        )


class History:
    """A random project and the learner who imports every release of it."""

    def __init__(self, root: Path, seed: int) -> None:
        self.root = root
        self.rng = random.Random(seed)
        self.serial = 0
        self.notes = [RNote(f"note{i}", f"content/n{i}.md", f"t{i}") for i in range(3)]
        for note in self.notes:
            for _ in range(3):
                note.cards.append(self._new_card())
        self.removed: list[RCard] = []
        self.log: list[str] = []
        (root / "content").mkdir(parents=True)
        (root / "decks").mkdir()
        (root / "deckgen.toml").write_text(TOML)
        (root / "decks" / "a.yaml").write_text("deck: R::A\nnotes:\n  - tag: t0\n  - tag: t1\n")
        (root / "decks" / "b.yaml").write_text("deck: R::B\nnotes:\n  - tag: t2\n")
        self.col = open_collection(root.parent / f"learner-{seed}.anki2")
        self.base = int(time.time()) - 1_000_000

    def _new_card(self) -> RCard:
        self.serial += 1
        topic, other = self.rng.sample(WORDS, 2)
        return RCard(
            self.serial,
            f"What does card {self.serial} say about {topic}?",
            f"The {other} matters most ({self.serial}).",
        )

    def write(self) -> None:
        for path in (self.root / "content").rglob("*.md"):
            path.unlink()
        for note in self.notes:
            target = self.root / note.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(note.text())

    def edit(self) -> None:
        """One to three random edits, at most one per note (several rewordings in one note are ambiguous by design)."""
        chosen = self.rng.sample(self.notes, self.rng.randint(1, 3))
        for note in list(chosen):
            kinds = ["question", "answer", "id", "move", "reorder", "delete", "add", "split", "rename", "cross"]
            kind = self.rng.choice(kinds)
            card = self.rng.choice(note.cards) if note.cards else None
            others = [n for n in self.notes if n not in chosen]  # (a note no other edit of this release touches)
            if kind == "question" and card:
                card.question = card.question.replace("What does", "What exactly does", 1)
                if "exactly exactly" in card.question:
                    card.question = card.question.replace("exactly exactly", "really")
            elif kind == "answer" and card:
                card.answer = card.answer.replace("The ", "Above all, the ", 1)
            elif kind == "id" and card and not card.explicit:
                card.explicit = f"pinned-{card.serial}"
            elif kind == "rename":  # the note's id: changed (its cards move to the renamed note, identities kept)
                self.serial += 1
                note.note_id = f"{note.note_id.split('-')[0]}-{self.serial}"
            elif kind == "cross" and card and len(note.cards) > 1 and others:  # a card moved to another note
                target = self.rng.choice(others)
                note.cards.remove(card)
                target.cards.append(card)
                chosen.append(target)  # (not edited again in this release)
                kind = f"cross to {target.note_id}"
            elif kind == "move":
                note.path = f"content/{self.rng.choice(['x', 'y', 'z'])}/{self.rng.choice(['n', 'm'])}{note.note_id}.md"
            elif kind == "reorder":
                self.rng.shuffle(note.cards)
            elif kind == "split" and card and " most (" in card.answer:
                # the half that keeps the question keeps the card; the other half is a new card
                card.answer = card.answer.replace(" most (", " (", 1)
                half = self._new_card()
                half.answer = f"It matters most ({half.serial})."
                note.cards.insert(note.cards.index(card) + 1, half)
            elif kind == "delete" and card and len(note.cards) > 1:
                note.cards.remove(card)
                self.removed.append(card)
            else:
                note.cards.append(self._new_card())
            self.log.append(f"{note.note_id}: {kind}")

    def release(self, number: int) -> None:
        """Write, build, import, review, and check every invariant."""
        self.write()
        config = load_config(self.root)
        result = build(config)  # the build time is the clock; release numbers keep times increasing
        before_revlog = set(self.col.db.list("select id from revlog"))
        before_cards = {row[0]: row[1:] for row in self.col.db.all("select id, ivl, due, queue, type from cards")}
        for output in result.outputs:
            if str(output).endswith(".apkg") and "/tracks/" not in str(output):
                log = import_apkg(self.col, Path(output))
                assert log.conflicting == 0, self.log
        after_cards = {row[0]: row[1:] for row in self.col.db.all("select id, ivl, due, queue, type from cards")}
        assert before_revlog <= set(self.col.db.list("select id from revlog")), ("lost reviews", self.log)
        assert all(after_cards.get(cid) == sched for cid, sched in before_cards.items()), (
            "scheduling changed",
            self.log,
        )
        self._check_notes()
        for deck in ("R::A", "R::B"):
            review(self.col, deck, 2)
        self._check_locked_in_a_fresh_copy(number)

    def _check_notes(self) -> None:
        notes = [self.col.get_note(nid) for nid in self.col.find_notes("")]
        guids = [n.guid for n in notes]
        assert len(guids) == len(set(guids)), ("duplicate notes", self.log)
        by_question: dict[str, list[object]] = {}
        for note in notes:
            by_question.setdefault(plain(note["Question"]), []).append(note)
        for rnote in self.notes:
            for card in rnote.cards:
                found = [n for n in notes if card.question in plain(n["Question"]) and RETIRED_TAG not in n.tags]
                assert len(found) == 1, ("live card missing or duplicated", card.question, self.log)
                assert card.answer in plain(found[0]["Answer"]), ("stale answer", card, self.log)
                if card.guid:
                    assert found[0].guid == card.guid, ("identity lost", card, self.log)
                card.guid = found[0].guid
        for card in self.removed:
            if card.guid:
                (gone,) = [n for n in notes if n.guid == card.guid]
                assert RETIRED_TAG in gone.tags, ("removed card not retired", card, self.log)

    def _check_locked_in_a_fresh_copy(self, number: int) -> None:
        clone = self.root.parent / f"clone-{number}"
        shutil.rmtree(clone, ignore_errors=True)
        # what a clone has: the committed files, not the outputs or the git-ignored cache (whose memo could hide a
        # note the lock does not match)
        shutil.copytree(self.root, clone, ignore=shutil.ignore_patterns("build", ".deckgen-cache"))
        build(load_config(clone), locked=True)  # raises LockError if the clone would change the lock
        shutil.rmtree(clone)

    def close(self) -> None:
        self.col.close()


def plain(html: str) -> str:
    """A field's text without its HTML tags and entities."""
    return re.sub(r"<[^>]+>", "", html).replace("&#x27;", "'").replace("&quot;", '"').replace("&amp;", "&")


class Playable(Protocol):
    def edit(self) -> None: ...
    def release(self, number: int) -> None: ...
    def close(self) -> None: ...


def play(history: Playable, releases: int) -> None:
    """``releases`` releases of ``history``, random edits between them (raises on a broken invariant)."""
    try:
        for number in range(releases):
            if number:
                history.edit()
            history.release(number)
            time.sleep(1.05)  # each release's build time must be newer than the last (Anki compares seconds)
    finally:
        history.close()


def run(root: Path, seed: int, releases: int) -> list[str]:
    """One random history of ``releases`` releases; returns the edits made (raises on a broken invariant)."""
    history = History(root, seed)
    play(history, releases)
    return history.log
