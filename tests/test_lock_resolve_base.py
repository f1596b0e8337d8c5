"""`deckgen lock resolve` after a merge in git's default conflict style (no base in the file) takes the base from
git's index, so it merges as the merge driver does. An upgrading team's try: with the default style it reported
a card 'changed on both branches' that one branch alone had changed and a deck 'released on both branches' that
one branch alone had released, and the next build shipped a release with nothing in it; with diff3 markers (or
the driver) it did not. Fails on aef5a11."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO, copy_project
from test_lock_merge import deckgen, git


def _branch_history(root: Path) -> None:
    git(root, "init", "-q", "-b", "main")
    assert deckgen(root, "build", when=1_800_000_000).returncode == 0
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    # a: a Norton card (Foundations, Onboarding); b: a Torres card (Discovery alone). The release lines of
    # discovery and foundations are neighbours in the lock, so git leaves them in one conflict
    for branch, note, old, new, when in (
        (
            "a",
            "norton-empathy",
            "It is a box ticked before development",
            "It is a box ticked before building",
            1_800_100_000,
        ),
        (
            "b",
            "torres-opportunity-solution-tree",
            "Experiments that test whether it works",
            "Experiments that test if it works",
            1_800_200_000,
        ),
    ):
        git(root, "checkout", "-q", "-b", branch, "main")
        path = next(root.rglob(f"{note}.md"))
        assert old in path.read_text()
        path.write_text(path.read_text().replace(old, new))
        assert deckgen(root, "build", when=when).returncode == 0
        git(root, "add", "-A")
        git(root, "commit", "-qm", branch)


def _resolved(root: Path, style: str) -> tuple[str, str]:
    git(root, "checkout", "-q", "a")
    git(root, "checkout", "-q", "-B", f"m-{style}", "a")
    merged = git(root, "-c", f"merge.conflictStyle={style}", "merge", "-q", "b", check=False)
    assert merged.returncode != 0 and "deckgen.lock" in merged.stdout + merged.stderr, merged.stdout
    result = deckgen(root, "lock", "resolve", when=1_800_300_000)
    assert result.returncode == 0, result.stderr
    text = (root / "deckgen.lock").read_text()
    git(root, "merge", "--abort")
    return result.stdout + result.stderr, text


def test_resolve_in_the_default_conflict_style_merges_as_with_diff3(tmp_path: Path) -> None:
    root = copy_project(REPO, tmp_path / "team")
    shutil.rmtree(root / "build", ignore_errors=True)
    _branch_history(root)
    default_report, default_lock = _resolved(root, "merge")
    diff3_report, diff3_lock = _resolved(root, "diff3")
    assert default_lock == diff3_lock
    assert default_report == diff3_report
    assert "discovery" not in default_report.split("released on both branches:", 1)[-1].split("\n")[0], default_report


def test_a_lock_a_failed_merge_driver_left_unmerged_is_refused_then_resolved_from_the_index(tmp_path: Path) -> None:
    """A platform engineer's trial: the merge driver's recorded Python had moved, git said CONFLICT and left
    deckgen.lock unmerged with no markers (one branch's lock); `lock resolve` said 'nothing to resolve' and the
    next build renumbered the other branch's published releases. Now the build refuses it and `lock resolve`
    merges both sides from git's index, as the driver would have. Fails on 44b45f1."""
    root = copy_project(REPO, tmp_path / "team")
    shutil.rmtree(root / "build", ignore_errors=True)
    _branch_history(root)
    _, expected = _resolved(root, "diff3")  # no driver: markers, resolved
    (root / ".gitattributes").write_text("deckgen.lock merge=deckgen\n")
    git(root, "config", "merge.deckgen.driver", f"{tmp_path}/venv-gone/bin/python3 -m deckgen lock merge %O %A %B")
    git(root, "checkout", "-q", "-B", "m-broken", "a")
    merged = git(root, "merge", "-q", "b", check=False)
    assert merged.returncode != 0
    assert "<<<<<<<" not in (root / "deckgen.lock").read_text()  # the failed driver left one side, no markers
    build = deckgen(root, "build", when=1_800_300_000)
    assert build.returncode == 1 and "deckgen.lock is still unmerged in git" in build.stderr, build.stderr
    assert "deckgen lock resolve" in build.stderr and "Traceback" not in build.stderr
    resolved = deckgen(root, "lock", "resolve", when=1_800_300_000)
    assert resolved.returncode == 0, resolved.stderr
    assert (root / "deckgen.lock").read_text() == expected
