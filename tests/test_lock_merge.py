"""deckgen.lock on branches, with real git: the format merges, the merge driver and `deckgen lock resolve`.

Two branches start from one committed release; each edits a different note, adds a card
and builds (both release the same deck). Merging them with the driver gives no conflict;
without it (a fresh clone, as on a hosted merge button) git leaves conflict markers that
`deckgen lock resolve` removes. Either way one `deckgen build` on the merge makes
`deckgen build --locked` pass in a fresh clone, every identity of both branches is kept,
cards changed on a branch keep (at least) that branch's change time, and the deck gets a
release newer than both branches'.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import MINIMAL_TOML, REPO, run_deckgen, write

from deckgen.lock.merge import merge_locks, split_conflicts
from deckgen.lock.records import CardRecord, Lock, ReleaseRecord, parse_lock, read_lock

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

NOTE = """\
---
id: {id}
title: {title}
author: Ada Example
---
Blurb.

## Cards

{cards}
"""


def note(note_id: str, title: str, *cards: tuple[str, str]) -> str:
    body = "\n\n".join(f"Q: In Example's '{title}', {q}\nA: {a}" for q, a in cards)
    return NOTE.format(id=note_id, title=title, cards=body)


ALPHA = [("what is alpha?", "The first letter."), ("what follows alpha?", "Beta, the second letter.")]
GAMMA = [("what is gamma?", "The third letter."), ("what follows gamma?", "Delta, the fourth letter.")]


def git(cwd: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "PYTHONPATH": str(REPO),
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=env, text=True, capture_output=True)
    if check:
        assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done


def deckgen(cwd: Path, *args: str, when: int) -> subprocess.CompletedProcess[str]:
    done = run_deckgen(*args, cwd=cwd, env={"SOURCE_DATE_EPOCH": str(when)})
    return done


def built(cwd: Path, when: int, message: str) -> None:
    done = deckgen(cwd, "build", when=when)
    assert done.returncode == 0, done.stderr
    git(cwd, "add", "-A")
    git(cwd, "commit", "-q", "-m", message)


def two_branches(tmp_path: Path, driver: bool) -> Path:
    """A repo whose main has release 1; branches a and b each edit a note, add a card and build."""
    repo = tmp_path / "repo"
    write(repo / "deckgen.toml", MINIMAL_TOML)
    write(repo / ".gitignore", "build/\n")
    write(repo / "decks" / "main.yaml", "deck: Test::Letters\nnotes: all\n")
    write(repo / "content" / "alpha.md", note("alpha", "Alpha", *ALPHA))
    write(repo / "content" / "gamma.md", note("gamma", "Gamma", *GAMMA))
    git(repo, "init", "-q", "-b", "main")
    if driver:
        done = run_deckgen("lock", "install-merge-driver", cwd=repo)
        assert done.returncode == 0, done.stderr
        assert (repo / ".gitattributes").read_text() == "deckgen.lock merge=deckgen\n"
    built(repo, 1_700_000_000, "release 1")
    git(repo, "checkout", "-q", "-b", "a")
    write(
        repo / "content" / "alpha.md",
        note("alpha", "Alpha", ALPHA[0], ("what follows alpha?", "Beta."), ("what is a?", "Alpha, as a letter.")),
    )
    built(repo, 1_700_100_000, "a: edit alpha")
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-q", "-b", "b")
    write(
        repo / "content" / "gamma.md",
        note(
            "gamma",
            "Gamma",
            ("what is gamma?", "The third Greek letter."),
            GAMMA[1],
            ("what is g?", "Gamma, as a letter."),
        ),
    )
    built(repo, 1_700_200_000, "b: edit gamma")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "a")
    return repo


def check_merged(repo: Path, tmp_path: Path, name: str) -> Lock:
    """One build on the merge, committed; then `--locked` passes in a fresh clone. Returns the final lock."""
    branch_a = parse_lock(git(repo, "show", "a:deckgen.lock").stdout)
    branch_b = parse_lock(git(repo, "show", "b:deckgen.lock").stdout)
    built(repo, 1_700_300_000, "merge build")
    clone = tmp_path / f"clone-{name}"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    locked = deckgen(clone, "build", "--locked", when=1_700_400_000)
    assert locked.returncode == 0, locked.stderr
    final = read_lock(repo / "deckgen.lock")
    # every identity of both branches is kept, none retired: both branches' cards are in the notes
    for side in (branch_a, branch_b):
        for note_id, key, record in side.records():
            kept = final.card(note_id, key)
            assert kept is not None and kept.live, (note_id, key)
            assert kept.mod >= record.mod, "a change time never goes back"
    # the deck was released on both branches (release 2 each): the merge build makes release 3
    assert branch_a.releases["main"].version == branch_b.releases["main"].version == 2
    assert final.releases["main"].version == 3 and not final.releases["main"].merged
    log = "\n".join(e.text for e in final.changelog["main"])
    assert "Beta." in log and "The third Greek letter." in log, "both branches' changes are in the changelog"
    assert "what is a?" in log and "what is g?" in log
    return final


def test_merge_with_the_driver_and_without_it_then_one_build(tmp_path: Path) -> None:
    """With the driver: no conflict. Without (a fresh clone, a hosted merge button): `deckgen lock resolve`.

    Both end, after one build, in the same lock, and `--locked` passes in a fresh clone.
    """
    with_driver = two_branches(tmp_path / "d", driver=True)
    done = git(with_driver, "merge", "--no-edit", "b", check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "deckgen.lock merged" in done.stderr + done.stdout, "the driver says what it did"
    assert "<<<<<<<" not in (with_driver / "deckgen.lock").read_text()

    without = two_branches(tmp_path / "r", driver=False)
    done = git(without, "merge", "--no-edit", "b", check=False)
    assert done.returncode != 0 and "deckgen.lock" in done.stdout, "git's line merge conflicts on the release lines"
    build = deckgen(without, "build", when=1_700_300_000)
    assert build.returncode == 1 and "deckgen lock resolve" in build.stderr, "a conflicted lock is refused with the fix"
    resolved = run_deckgen("lock", "resolve", cwd=without)
    assert resolved.returncode == 0, resolved.stderr
    assert "released on both branches: main" in resolved.stderr
    git(without, "add", "deckgen.lock")
    git(without, "commit", "-q", "--no-edit")

    final_d = check_merged(with_driver, tmp_path / "d", "d")
    final_r = check_merged(without, tmp_path / "r", "r")
    assert final_d.to_text() == final_r.to_text()


def test_one_line_per_card_so_edits_to_different_cards_touch_different_lines(tmp_path: Path) -> None:
    repo = two_branches(tmp_path, driver=True)
    lines_a = git(repo, "show", "a:deckgen.lock").stdout.splitlines()
    lines_b = git(repo, "show", "b:deckgen.lock").stdout.splitlines()
    base = git(repo, "show", "a~1:deckgen.lock").stdout.splitlines()
    changed_a = {line.split(",")[0] for line in set(lines_a) - set(base)}
    changed_b = {line.split(",")[0] for line in set(lines_b) - set(base)}
    cards_a = {c for c in changed_a if c.startswith('{"card"')}
    cards_b = {c for c in changed_b if c.startswith('{"card"')}
    assert cards_a and cards_b and not cards_a & cards_b
    assert all(c.startswith('{"card": "alpha/') for c in cards_a)


def test_merge_keeps_newest_change_time_and_every_identity() -> None:
    old = CardRecord("h0", 100, "Q", "A", "D")
    ours = Lock()
    theirs = Lock()
    base = Lock()
    base.put("n", "k", old)
    ours.put("n", "k", CardRecord("h1", 200, "Q1", "A", "D"))
    theirs.put("n", "k", CardRecord("h2", 300, "Q2", "A", "D"))
    theirs.put("n", "new", CardRecord("h3", 300, "Q3", "A3", "D"))
    base.releases["d"] = ReleaseRecord("x", ("D",), 100, 1)
    ours.releases["d"] = ReleaseRecord("y", ("D",), 200, 2)
    theirs.releases["d"] = ReleaseRecord("z", ("D",), 300, 2)
    merged, report = merge_locks(base, ours, theirs)
    assert merged.card("n", "k") == CardRecord("h2", 300, "Q2", "A", "D")
    assert merged.card("n", "new") is not None
    assert report.both == ["n/k"] and report.from_theirs == 1
    assert merged.releases["d"] == ReleaseRecord("", ("D",), 300, 2, merged=True)


def test_split_conflicts_reads_both_sides_and_diff3_base() -> None:
    text = "a\n<<<<<<< HEAD\nours\n||||||| base\nold\n=======\ntheirs\n>>>>>>> b\nz\n"
    assert split_conflicts(text) == ("a\nold\nz\n", "a\nours\nz\n", "a\ntheirs\nz\n")


def _with_current_note_types(old_lock: str, tmp_path: Path) -> str:
    """The old-format fixture with the note types' hashes this deckgen ships.

    The fixture was written before a change to the card CSS; a lock whose note types
    differ is rightly refused by --locked, which is not what this test is about.
    """
    scratch = tmp_path / "scratch"
    write(scratch / "deckgen.toml", MINIMAL_TOML)
    write(scratch / "decks" / "main.yaml", "deck: Test::Letters\nnotes: all\n")
    write(scratch / "content" / "alpha.md", note("alpha", "Alpha", *ALPHA))
    built = deckgen(scratch, "build", when=1_700_000_000)
    assert built.returncode == 0, built.stderr
    current = read_lock(scratch / "deckgen.lock").notetypes
    for name, record in parse_lock(old_lock).notetypes.items():
        old_lock = old_lock.replace(record.hash, current[name].hash)
    return old_lock


def test_main_format_lock_is_migrated_by_the_next_build(tmp_path: Path) -> None:
    """A lock written by the previous format (one JSON document) is read, and rewritten one record per line."""
    project = tmp_path / "p"
    write(project / "deckgen.toml", MINIMAL_TOML)
    write(project / "decks" / "main.yaml", "deck: Test::Letters\nnotes: all\n")
    write(project / "content" / "alpha.md", note("alpha", "Alpha", *ALPHA))
    old_lock = _with_current_note_types((REPO / "tests" / "fixtures" / "lock-format-1.lock").read_text(), tmp_path)
    write(project / "deckgen.lock", old_lock)
    old = parse_lock(old_lock)
    locked = deckgen(project, "build", "--locked", when=1_700_500_000)
    assert locked.returncode == 0, locked.stderr
    assert "older deckgen's file format" in locked.stderr
    assert (project / "deckgen.lock").read_text() == old_lock, "--locked never rewrites the lock"
    done = deckgen(project, "build", when=1_700_500_000)
    assert done.returncode == 0, done.stderr
    assert "updated deckgen.lock" in done.stdout
    text = (project / "deckgen.lock").read_text()
    cards = sum(1 for _ in old.records())
    # header, 2 note types, 1 release, 1 changelog entry, one line per card
    assert text.startswith('{"about"') and len(text.splitlines()) == 1 + 2 + 1 + 1 + cards
    assert read_lock(project / "deckgen.lock") == old, "the records are unchanged by the migration"
    again = deckgen(project, "build", "--locked", when=1_700_600_000)
    assert again.returncode == 0 and "older file format" not in again.stderr


@pytest.mark.parametrize("edit", ["repeat", "swap", "respace"])
def test_a_hand_edited_lock_fails_locked_at_its_line(tmp_path: Path, edit: str) -> None:
    """A CI engineer's try: a lock line repeated (a botched manual merge), two lines swapped or re-spaced left the
    same records, so `build --locked` passed with 'deckgen.lock is in an older file format' (it was not) and the
    next plain build rewrote the lock. Now lint and --locked name the first line deckgen would write otherwise."""
    project = tmp_path / "p"
    write(project / "deckgen.toml", MINIMAL_TOML)
    write(project / "decks" / "main.yaml", "deck: Test::Letters\nnotes: all\n")
    write(project / "content" / "alpha.md", note("alpha", "Alpha", *ALPHA))
    assert deckgen(project, "build", when=1_700_500_000).returncode == 0
    lines = (project / "deckgen.lock").read_text().split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith('{"card"'))
    if edit == "repeat":
        lines.insert(at, lines[at])
    elif edit == "swap":
        lines[at], lines[at + 1] = lines[at + 1], lines[at]
    else:
        lines[at] = lines[at].replace(": ", ":  ", 1)
    edited = "\n".join(lines)
    (project / "deckgen.lock").write_text(edited)
    line = at + 2 if edit == "repeat" else at + 1  # the second copy of a repeated line
    linted = deckgen(project, "lint", when=1_700_500_000)
    said = f"deckgen.lock:{line}:1: lock-stale: deckgen.lock is out of step with the notes (the text is not what"
    assert said in linted.stdout, linted.stdout
    locked = deckgen(project, "build", "--locked", when=1_700_500_000)
    assert locked.returncode == 1 and f"deckgen.lock:{line}:1: locked: the text is not what" in locked.stderr
    assert "older file format" not in locked.stderr
    assert (project / "deckgen.lock").read_text() == edited, "--locked never rewrites the lock"
    assert deckgen(project, "build", when=1_700_500_000).returncode == 0
    assert deckgen(project, "build", "--locked", when=1_700_500_000).returncode == 0


def test_init_sets_up_the_merge_driver(tmp_path: Path) -> None:
    inside = tmp_path / "inside"
    inside.mkdir()
    git(inside, "init", "-q")
    done = run_deckgen("init", str(inside), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Configured git to merge deckgen.lock" in done.stdout
    assert (inside / ".gitattributes").read_text() == "deckgen.lock merge=deckgen\n"
    driver = git(inside, "config", "merge.deckgen.driver").stdout
    assert driver.strip().endswith("-m deckgen lock merge %O %A %B")
    assert git(inside, "check-attr", "merge", "deckgen.lock").stdout.strip() == "deckgen.lock: merge: deckgen"

    outside = tmp_path / "outside"
    done = run_deckgen("init", str(outside), cwd=tmp_path)
    assert done.returncode == 0 and "run `deckgen lock install-merge-driver`" in done.stdout
    assert (outside / ".gitattributes").exists()
