"""The site after an edit is byte for byte a cold build's, while rendering and writing only what changed.

``write_site`` links the last site's files whose bytes are unchanged and renders a deck's
preview page only when what the page is made from changed (its digest) or the file was
touched since the last build. Reusing a stale page is the defect these tests catch.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from buildutil import CACHE_DIRS, output_hashes
from test_incremental_outputs import _delete_card, _notes, _rewrite, _run, make_library

FIRST, SECOND = 1767225600, 1767312000


def _answer(project: Path) -> None:
    _rewrite(_notes(project)[3], lambda text: text.replace("\nA: ", "\nA: Revised ", 1))


def _added_card(project: Path) -> None:
    _rewrite(_notes(project)[3], lambda text: text + "\nQ: Which point did this edit add?\nA: A new card on pricing.\n")


def _removed_card(project: Path) -> None:
    _rewrite(_notes(project)[3], _delete_card)


def _renamed_deck(project: Path) -> None:
    _rewrite(project / "decks" / "topic-01.yaml", lambda text: text.replace("Topic 01", "Topic One"))


def _cache_deleted(project: Path) -> None:
    shutil.rmtree(project / ".deckgen-cache")
    shutil.rmtree(project / "build" / ".deckgen-cache")
    _answer(project)


def _page_record_corrupt(project: Path) -> None:
    (project / "build" / ".deckgen-cache" / "site-pages.json").write_text('{"pages": {"decks/x": [1, 2]}', "utf-8")
    _answer(project)


def _page_edited_by_hand(project: Path) -> None:
    """A deck page changed after the build (same inputs): the next build must not keep it."""
    page = project / "build" / "site" / "decks" / "topic-00.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Card 1 of", "Card one of"), encoding="utf-8")
    _rewrite(_notes(project)[3], lambda text: text.replace("\nA: ", "\nA: Revised ", 1))  # a full build


def _build_deleted(project: Path) -> None:
    """`rm -rf build/` with the project's cache kept: deck pages come from the kept pages."""
    shutil.rmtree(project / "build")


def _kept_pages_tampered(project: Path) -> None:
    """Kept pages whose bytes no longer match their names are not used (the cache is untrusted)."""
    shutil.rmtree(project / "build")
    for page in (project / ".deckgen-cache" / "site-pages").iterdir():
        page.write_text(page.read_text(encoding="utf-8").replace("Card 1 of", "Card one of"), encoding="utf-8")


def _site(outputs: dict[str, str]) -> dict[str, str]:
    return {name: digest for name, digest in outputs.items() if name.startswith("build/site/")}


@pytest.mark.parametrize(
    "change",
    [
        _answer,
        _added_card,
        _removed_card,
        _renamed_deck,
        _cache_deleted,
        _page_record_corrupt,
        _page_edited_by_hand,
        _build_deleted,
        _kept_pages_tampered,
    ],
    ids=lambda change: change.__name__.strip("_"),
)
def test_the_site_after_a_change_is_what_a_cold_build_writes(tmp_path: Path, change: Callable[[Path], None]) -> None:
    project = make_library(tmp_path / "incremental", notes=40, decks=4)
    assert _run(project, FIRST, "build").returncode == 0
    change(project)
    cold = tmp_path / "cold"
    shutil.copytree(project, cold, ignore=shutil.ignore_patterns("build", *CACHE_DIRS))
    built, cold_built = _run(project, SECOND, "build"), _run(cold, SECOND, "build")
    assert built.returncode == cold_built.returncode == 0, built.stderr + cold_built.stderr
    assert "Traceback" not in built.stderr
    site, cold_site = _site(output_hashes(project)), _site(output_hashes(cold))
    assert any(name.startswith("build/site/decks/") for name in cold_site)
    assert site == cold_site


def _files(site: Path) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, p.read_bytes()) for p in site.rglob("*") if p.is_file()}


def test_a_one_card_edit_rewrites_only_the_files_that_changed(tmp_path: Path) -> None:
    """A file whose bytes are unchanged is the last site's file (a hard link), not a rewritten copy."""
    project = make_library(tmp_path / "incremental", notes=40, decks=4)
    assert _run(project, FIRST, "build").returncode == 0
    site = project / "build" / "site"
    before = _files(site)
    _answer(project)
    assert _run(project, SECOND, "build").returncode == 0
    after = _files(site)
    assert after.keys() == before.keys()
    same = {name for name in after if after[name][1] == before[name][1]}
    rewritten = {name for name in after if after[name][0] != before[name][0]}
    assert rewritten == set(after) - same  # exactly the files whose bytes changed were written
    decks = {name for name in after if name.startswith("decks/") and name.endswith(".html")}
    assert len(decks & rewritten) == 1 and len(decks) == 4  # the edited card's deck page, and only it


def test_a_build_after_rm_build_renders_no_deck_page(tmp_path: Path) -> None:
    """With build/ deleted and the project's cache kept, every deck page is a kept one (none rendered, none kept anew)."""
    project = make_library(tmp_path / "incremental", notes=40, decks=4)
    assert _run(project, FIRST, "build").returncode == 0
    kept = project / ".deckgen-cache" / "site-pages"
    before = {page.name: page.stat().st_mtime_ns for page in kept.iterdir()}
    assert len(before) == 4
    shutil.rmtree(project / "build")
    assert _run(project, FIRST, "build").returncode == 0
    assert {page.name: page.stat().st_mtime_ns for page in kept.iterdir()} == before
    pages = (project / "build" / "site" / "decks").glob("*.html")  # and the site holds exactly the kept bytes
    assert sorted(hashlib.sha256(page.read_bytes()).hexdigest()[:32] for page in pages) == sorted(
        name.split(".")[1] for name in before
    )
