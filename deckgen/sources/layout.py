"""Which files are the project's inputs: notes, deck manifests, tracks and cohorts.

Listing only, no parsing: a build with nothing to do lists and hashes its inputs without
loading YAML or any parser.
"""

from __future__ import annotations

import os
from pathlib import Path

TRACKS_DIR = "tracks"
COHORTS_DIR = "cohorts"


def note_files(content_dir: Path) -> list[Path]:
    """Every note file below ``content_dir``, sorted for a stable order (the order of their paths' parts).

    What ``rglob("*.md")`` visits (symlinked folders are not entered, hidden ones are), listed
    with os.scandir on plain strings: its entries know a regular file without a stat call, and
    pathlib objects would cost more than the listing itself.
    """
    found = [parts for parts, _ in _note_parts(content_dir)]
    # A build lists the notes several times (the no-op check, the replay, parsing, the
    # state it records): building the paths costs more than the listing, so an unchanged
    # listing reuses the paths made last time.
    key = str(content_dir)
    known = _LISTED.get(key)
    if known is not None and known[0] == found:
        return list(known[1])
    paths = [content_dir.joinpath(*parts) for parts in found]
    if len(_LISTED) >= 8:  # a process building many projects (the tests) keeps only recent ones
        _LISTED.clear()
    _LISTED[key] = (found, paths)
    return list(paths)


def note_names(content_dir: Path) -> list[str]:
    """:func:`note_files` as strings, in the same order: no Path objects (a replay's check lists every note)."""
    return [name for _, name in _note_parts(content_dir)]


def _note_parts(content_dir: Path) -> list[tuple[tuple[str, ...], str]]:
    """The path parts (below ``content_dir``) and the path of every note file, sorted by their parts."""
    if not content_dir.is_dir():
        return []
    found: list[tuple[tuple[str, ...], str]] = []
    folders: list[tuple[str, tuple[str, ...]]] = [(str(content_dir), ())]
    while folders:
        folder, parts = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue  # unreadable folder: skipped, as rglob skips it
        for entry in entries:
            name = entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, (*parts, name)))
                elif name.endswith(".md") and not name.startswith(".") and entry.is_file():
                    found.append(((*parts, name), entry.path))  # the path as os.path.join makes it
            except OSError:
                continue
    found.sort()
    return found


# The last listing of each content folder: its parts, and the paths made from them.
_LISTED: dict[str, tuple[list[tuple[str, ...]], list[Path]]] = {}


def manifest_files(decks_dir: Path) -> list[Path]:
    """Deck manifests directly inside ``decks/`` (subfolders hold other things, e.g. tracks)."""
    if not decks_dir.is_dir():
        return []
    return sorted(p for p in decks_dir.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def track_files(decks_dir: Path) -> list[Path]:
    """Track files in ``decks/tracks/``, sorted."""
    return _yaml_files(decks_dir / TRACKS_DIR)


def cohort_files(decks_dir: Path) -> list[Path]:
    """Cohort files in ``decks/cohorts/``, sorted."""
    return _yaml_files(decks_dir / COHORTS_DIR)


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
