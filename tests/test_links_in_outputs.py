"""A symbolic link inside build/ (committed in a cloned repository, or planted in a restored CI cache) never makes a
build write outside the project: the build refuses with a located error and writes nothing there (a link inside
the project's .deckgen-cache/ is left alone and not written through: tests/test_cache_links.py). An attacker's try: links at build/tracks, build/.deckgen-cache and build/site/decks (on the path that copies
build/ back from the cache) all had deckgen write packages, pages and state files into the folder they pointed
to. Fails on aef5a11 (and ca811e9)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, copy_project, run_deckgen


@pytest.mark.parametrize("link", ["build/tracks", "build/.deckgen-cache", "build/site"])
def test_a_link_in_a_fresh_output_folder_is_refused(tmp_path: Path, link: str) -> None:
    project, outside = copy_project(REPO, tmp_path / "proj"), tmp_path / "outside"
    outside.mkdir()
    (project / link).parent.mkdir(parents=True, exist_ok=True)
    (project / link).symlink_to(outside, target_is_directory=True)
    result = run_deckgen("build", cwd=project)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert f"{link}: " in result.stderr and "symbolic link" in result.stderr, result.stderr
    assert list(outside.iterdir()) == []


def test_a_link_planted_before_build_is_copied_back_is_refused(tmp_path: Path) -> None:
    project, outside = copy_project(REPO, tmp_path / "proj"), tmp_path / "outside"
    outside.mkdir()
    assert run_deckgen("build", cwd=project).returncode == 0
    shutil.rmtree(project / "build")
    (project / "build" / "site").mkdir(parents=True)
    (project / "build" / "site" / "decks").symlink_to(outside, target_is_directory=True)
    result = run_deckgen("build", cwd=project)
    assert result.returncode == 1, result.stdout
    assert "build/site/decks: " in result.stderr and "symbolic link" in result.stderr, result.stderr
    assert list(outside.iterdir()) == []


def test_a_link_that_is_not_deckgens_is_left_alone_and_the_root_is_no_output_folder(tmp_path: Path) -> None:
    """A CI engineer's try: a shared artifacts folder holding an unrelated link ('other/link', 'latest') made every
    build fail and say to delete it, and `--out "$OUT/"` with OUT unset walked '/' and said `rm /sbin`. Fails on
    b926877."""
    project, artifacts = copy_project(REPO, tmp_path / "proj"), tmp_path / "artifacts"
    (artifacts / "other").mkdir(parents=True)
    (artifacts / "other" / "link").symlink_to(project / "deckgen.toml")
    (artifacts / "latest").symlink_to(artifacts / "other", target_is_directory=True)
    result = run_deckgen("build", "--out", str(artifacts), cwd=project)
    assert result.returncode == 0, result.stderr
    assert (artifacts / "site").is_dir() and (artifacts / "other" / "link").is_symlink()
    assert (artifacts / "latest").is_symlink()
    (artifacts / "tracks").rename(artifacts / "tracks-real")
    (artifacts / "tracks").symlink_to(artifacts / "tracks-real", target_is_directory=True)
    refused = run_deckgen("build", "--out", str(artifacts), cwd=project)  # where deckgen writes: still refused
    assert refused.returncode == 1 and "tracks' is a symbolic link where deckgen writes" in refused.stderr
    root = run_deckgen("build", "--out", "/", cwd=project)
    assert root.returncode == 1 and "the output folder is the file system's root" in root.stderr, root.stderr
    assert "rm /" not in root.stderr
