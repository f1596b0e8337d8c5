"""One learner through a team's ordinary year, in the real Anki engine and real git.

Releases: a note moves between decks, a track week is renamed, one deck is built alone,
two branches that both built are merged (with deckgen's merge driver), and an imported
note curated by hand is re-imported after its source changed. After every import: no
duplicate card, no lost review, no stale card that is not marked retired, and the
changelog lines this release adds say what happened.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from ankiutil import import_apkg, open_collection, review
from conftest import MINIMAL_TOML, run_deckgen, write
from test_lock_merge import git

from deckgen.lock.retire import RETIRED_TAG

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def note(note_id: str, tag: str, *cards: tuple[str, str]) -> str:
    body = "\n\n".join(f"Q: In Example's '{note_id.title()}', {q}\nA: {a}" for q, a in cards)
    return f"---\nid: {note_id}\ntitle: {note_id.title()}\nauthor: Ada Example\ntags: [{tag}]\n---\nBlurb.\n\n## Cards\n\n{body}\n"


CARDS = {
    "alpha": [("what is alpha?", "The first letter."), ("what follows alpha?", "Beta, the second letter.")],
    "beta": [("what is beta?", "The second letter."), ("what follows beta?", "Gamma, the third letter.")],
    "gamma": [("what is gamma?", "The third letter."), ("what follows gamma?", "Delta, the fourth letter.")],
}
TRACK = """track: Letters onboarding
role: Reader
deck: Letters
new_per_day: 10
stages:
  - title: {first}
    decks: [x]
  - title: Later letters
    decks: [y]
"""
SOURCE = """Omega and Product
Source: https://example.com/omega ↗
Ada Example spent years on the last letter.
A short blurb.
Central argument
Example argues that omega is the last letter of the Greek alphabet.
Critique
The essay ignores other alphabets.
"""


class Learner:
    """One collection that imports every release and studies a little."""

    def __init__(self, path: Path) -> None:
        self.col = open_collection(path)

    def take(self, apkg: Path) -> None:
        revlog = set(self.col.db.list("select id from revlog"))
        log = import_apkg(self.col, apkg)
        assert log.conflicting == 0
        assert revlog <= set(self.col.db.list("select id from revlog")), "a review was lost"
        review(self.col, "Letters", 2)

    def live(self) -> dict[str, str]:
        """Question → answer of every card not marked retired; fails on a duplicate question."""
        seen: dict[str, str] = {}
        for nid in self.col.find_notes(""):
            n = self.col.get_note(nid)
            if "Question" not in n or RETIRED_TAG in n.tags:
                continue
            question = re.sub(r"<[^>]+>", "", n["Question"]).replace("&#x27;", "'")
            assert question not in seen, f"duplicate card: {question}"
            seen[question] = re.sub(r"<[^>]+>", "", n["Answer"])
        return seen

    def matches(self, repo: Path) -> None:
        """Every card in the notes is in the collection with its current answer; nothing else is live."""
        current = {}
        for path in (repo / "content").rglob("*.md"):
            text = path.read_text(encoding="utf-8")
            for q, a in re.findall(r"^Q: (.*)\nA: (.*)$", text, flags=re.M):
                current[q] = a
        live = self.live()
        for q, a in current.items():
            assert live.get(q) == a, (q, live.get(q), a)
        stale = set(live) - set(current)
        assert not stale, f"live cards no longer in the notes and not marked retired: {stale}"


def build(repo: Path, when: int, *args: str) -> str:
    done = run_deckgen("build", *args, cwd=repo, env={"SOURCE_DATE_EPOCH": str(when)})
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr


def latest(repo: Path, slug: str) -> str:
    return (repo / "build" / f"{slug}.changelog.md").read_text(encoding="utf-8").split("## Release")[1]


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message)


def test_a_learner_through_moves_renames_partial_builds_merges_and_reimports(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    write(repo / "deckgen.toml", MINIMAL_TOML.replace('include = ["author"]', "enabled = false"))
    write(repo / ".gitignore", "build/\n")
    write(repo / "decks" / "x.yaml", "deck: Letters::X\nnotes:\n  - tag: x\n  - path: content/imported/*\n")
    write(repo / "decks" / "y.yaml", "deck: Letters::Y\nnotes:\n  - tag: y\n")
    write(repo / "decks" / "tracks" / "letters.yaml", TRACK.format(first="First letters"))
    for note_id, tag in (("alpha", "x"), ("beta", "x"), ("gamma", "y")):
        write(repo / "content" / f"{note_id}.md", note(note_id, tag, *CARDS[note_id]))
    git(repo, "init", "-q", "-b", "main")
    assert run_deckgen("lock", "install-merge-driver", cwd=repo).returncode == 0
    learner = Learner(tmp_path / "learner.anki2")
    bundle = repo / "build" / "tracks" / "letters.apkg"
    try:
        build(repo, 1_700_000_000)
        commit(repo, "release 1")
        learner.take(bundle)
        learner.matches(repo)

        # a note moves from deck X to deck Y
        write(repo / "content" / "beta.md", note("beta", "y", *CARDS["beta"]))
        build(repo, 1_700_100_000)
        commit(repo, "beta moves to Y")
        assert "Moved to `Letters::Y` (2)" in latest(repo, "x")
        learner.take(bundle)
        learner.matches(repo)

        # a week of the track is renamed
        write(repo / "decks" / "tracks" / "letters.yaml", TRACK.format(first="The first letters"))
        out = build(repo, 1_700_200_000)
        commit(repo, "rename week 1")
        assert "First letters" in out and "Change Deck" in out
        learner.take(bundle)
        learner.matches(repo)

        # one deck is built alone: the other deck's edit stays pending
        write(
            repo / "content" / "alpha.md",
            note("alpha", "x", ("what is alpha?", "The first Greek letter."), CARDS["alpha"][1]),
        )
        write(
            repo / "content" / "gamma.md",
            note("gamma", "y", ("what is gamma?", "The third Greek letter."), CARDS["gamma"][1]),
        )
        build(repo, 1_700_300_000, "x")
        assert "The first Greek letter." in latest(repo, "x")
        diff = run_deckgen("diff", cwd=repo).stdout
        assert "gamma" in diff and "alpha/" not in diff, diff
        learner.take(repo / "build" / "x.apkg")
        assert learner.live()["In Example's 'Alpha', what is alpha?"] == "The first Greek letter."
        build(repo, 1_700_400_000)
        assert "The third Greek letter." in latest(repo, "y")
        commit(repo, "alpha and gamma reworded")
        learner.take(bundle)
        learner.matches(repo)

        # two branches that both built, merged with deckgen's merge driver
        git(repo, "checkout", "-q", "-b", "feature")
        write(
            repo / "content" / "alpha.md",
            note("alpha", "x", ("what is alpha?", "The first Greek letter."), ("what follows alpha?", "Beta.")),
        )
        build(repo, 1_700_500_000)
        commit(repo, "feature: alpha")
        git(repo, "checkout", "-q", "main")
        text = note("gamma", "y", ("what is gamma?", "The third Greek letter."), ("what follows gamma?", "Delta."))
        write(repo / "content" / "gamma.md", text)
        build(repo, 1_700_600_000)
        commit(repo, "main: gamma")
        merged = git(repo, "merge", "-q", "--no-edit", "feature", check=False)
        assert merged.returncode == 0, merged.stdout + merged.stderr  # the lock merged by the driver
        build(repo, 1_700_700_000)
        commit(repo, "merge build")
        clone = tmp_path / "clone"
        git(tmp_path, "clone", "-q", str(repo), str(clone))
        assert run_deckgen("build", "--locked", cwd=clone).returncode == 0
        learner.take(bundle)
        learner.matches(repo)

        # an imported note, curated by hand, re-imported after its source changed
        source = tmp_path / "omega.txt"
        source.write_text(SOURCE, encoding="utf-8")
        assert run_deckgen("import", str(source), "--into", "content/imported", cwd=repo).returncode == 0
        (imported,) = (repo / "content" / "imported").glob("*.md")
        curated = imported.read_text(encoding="utf-8").replace(
            "title: Omega and Product", "title: Omega, the Last Letter"
        )
        card = "Q: In Example's 'Omega', which letter is omega?\nA: The last Greek letter.\n"
        curated = curated.rstrip("\n") + "\n\n" + (card if "## Cards" in curated else "## Cards\n\n" + card)
        imported.write_text(curated, encoding="utf-8")
        build(repo, 1_700_800_000)
        learner.take(bundle)
        source.write_text(SOURCE.replace("ignores other alphabets", "ignores every other alphabet"), encoding="utf-8")
        again = run_deckgen("import", str(source), "--into", "content/imported", cwd=repo)
        assert again.returncode == 0, again.stderr
        text = imported.read_text(encoding="utf-8")
        assert "Omega, the Last Letter" in text and "which letter is omega?" in text  # the curator's work kept
        assert "ignores every other alphabet" in text  # the source's change applied
        build(repo, 1_700_900_000)
        learner.take(bundle)
        learner.matches(repo)
        assert learner.live()["In Example's 'Omega', which letter is omega?"] == "The last Greek letter."
    finally:
        learner.col.close()
