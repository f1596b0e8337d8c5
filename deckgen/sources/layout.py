"""Which files are the project's inputs: notes, deck manifests, tracks and cohorts.

Listing only, no parsing: a build with nothing to do lists and hashes its inputs without
loading YAML or any parser.
"""

from __future__ import annotations

import operator
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from deckgen.core.errors import Finding

TRACKS_DIR = "tracks"
COHORTS_DIR = "cohorts"


def note_files(content_dir: Path) -> list[Path]:
    """Every note file below ``content_dir``, sorted for a stable order (the order of their paths' parts).

    What ``rglob("*.md")`` visits (symlinked folders are not entered, hidden ones are), listed
    with os.scandir on plain strings: its entries know a regular file without a stat call, and
    pathlib objects would cost more than the listing itself.
    """
    found = note_names(content_dir)
    # A build lists the notes several times (the no-op check, the replay, parsing, the
    # state it records): building the paths costs more than the listing, so an unchanged
    # listing reuses the paths made last time.
    key = str(content_dir)
    known = _LISTED.get(key)
    if known is not None and known[0] == found:
        return list(known[1])
    paths = [Path(name) for name in found]
    if len(_LISTED) >= 8:  # a process building many projects (the tests) keeps only recent ones
        _LISTED.clear()
    _LISTED[key] = (found, paths)
    return list(paths)


def note_names(content_dir: Path) -> list[str]:
    """:func:`note_files` as strings (each as os.path.join makes it), in the same order: no Path objects.

    Each folder's entries are sorted by name and walked depth first, which is the order of the
    paths' parts (a folder's notes come where its name sorts, and no file shares a name with a
    folder beside it): at 20,000 notes, a third of what building and sorting the parts cost.
    """
    return _walk(content_dir, _is_note, hidden_folders=True)


# Files a curator may mean as notes that deckgen never reads: only '.md' (lower case) is a note.
_NOTE_LIKE = (".txt", ".text", ".markdown", ".mdown", ".mkd", ".md.txt", ".rtf")


def unread_note_like(content_dir: Path) -> list[str]:
    """Files below ``content_dir`` that look like notes but are not read as notes ('.txt', '.MD', '.markdown' …).

    Walked like :func:`note_names` (hidden files and symlinked folders skipped); for lint, which warns.
    """
    return _walk(content_dir, _is_unread_note_like, hidden_folders=False)


def unread_findings(content_dir: Path, rel: Callable[[Path], str], decks_dir: Path | None = None) -> list[Finding]:
    """An ``unread-file`` warning for each of :func:`unread_note_like`'s files (``rel``: a path as the project names it),
    and for each note-like file in ``decks_dir`` (a note saved beside the deck manifests).

    For lint and for every build, the up-to-date one included: such a file is no input, so no cache knows of it, and a
    note saved as 'x.MD' or 'x.txt' would otherwise never ship without a word (a PM lead's try).
    """
    found = []
    for name in stray_notes(decks_dir, content_dir) if decks_dir is not None else []:
        found.append(
            Finding(
                rel(Path(name)),
                1,
                f"this file is not read: {rel(decks_dir or content_dir)}/ holds deck manifests, tracks and cohorts, "
                f"and notes are read only from {rel(content_dir)}/, so its cards never ship",
                f"if it is a note, run `deckgen import {rel(Path(name))}` and delete this file"
                if name.lower().endswith((".txt", ".text"))
                else f"if it is a note, move it into {rel(content_dir)}/",
                "unread-file",
                severity="warning",
            )
        )
    for name in unread_note_like(content_dir):
        path = Path(name)
        stem = path.name.split(".", 1)[0]
        if path.name.lower().endswith((".txt", ".text")):
            # a plain-text note in the seed format is imported, not renamed (renamed, it has no front matter)
            fix = (
                f"if it is a note, run `deckgen import {rel(path)}` (it writes '{stem}.md' with front matter) and "
                f"delete this file; else move it out of {rel(content_dir)}/"
            )
        else:
            fix = f"rename it to '{stem}.md' (if it is a note), or move it out of {rel(content_dir)}/"
        found.append(
            Finding(
                rel(path),
                1,
                "this file is not read: only files ending in '.md' are notes, so its cards never ship",
                fix,
                "unread-file",
                severity="warning",
            )
        )
    return found


def unread_warnings(content_dir: Path, rel: Callable[[Path], str], decks_dir: Path | None = None) -> list[str]:
    """:func:`unread_findings` as a build's warning lines."""
    return [str(finding) for finding in unread_findings(content_dir, rel, decks_dir)]


def stray_notes(decks_dir: Path, content_dir: Path) -> list[str]:
    """Files in ``decks_dir`` that look like notes ('.md', '.txt' …), which deckgen never reads there.

    None when one folder holds the other (the notes there are content's, listed as such).
    """
    decks, content = os.path.abspath(decks_dir), os.path.abspath(content_dir)
    if decks == content or decks.startswith(content + os.sep) or content.startswith(decks + os.sep):
        return []
    named = _walk(decks_dir, lambda name: _is_note(name) or _is_unread_note_like(name), hidden_folders=False)
    return [name for name in named if _reads_like_note(name)]


_NOTE_MARK_RE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n|^(?:## )?(?:Central argument|Cards)[ \t]*\r?$", re.M | re.I)


def _reads_like_note(name: str) -> bool:
    """Whether a file's first 64 KiB hold a note's front matter or one of its sections (a decks/README.md does not)."""
    try:
        with open(name, "rb") as handle:
            head = handle.read(1 << 16).decode("utf-8", "replace")
    except OSError:
        return False
    return _NOTE_MARK_RE.search(head) is not None


def _is_note(name: str) -> bool:
    return name.endswith(".md") and not name.startswith(".")


def _is_unread_note_like(name: str) -> bool:
    lowered = name.lower()
    like = lowered.endswith(_NOTE_LIKE) or (lowered.endswith(".md") and not name.endswith(".md"))
    return like and not name.startswith(".")


def _walk(content_dir: Path, keep: Callable[[str], bool], *, hidden_folders: bool) -> list[str]:
    """The regular files below ``content_dir`` whose names ``keep`` takes, depth first in name order
    (symlinked folders not entered; hidden ones only with ``hidden_folders``)."""
    if not content_dir.is_dir():
        return []
    found: list[str] = []
    stack = [_sorted_entries(str(content_dir))]
    while stack:
        for entry in stack[-1]:
            name = entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    if hidden_folders or not name.startswith("."):
                        stack.append(_sorted_entries(entry.path))
                        break  # its files first, then the rest of this folder
                    continue
                if keep(name) and entry.is_file():
                    found.append(entry.path)
            except OSError:
                continue
        else:
            stack.pop()
    return found


def _sorted_entries(folder: str) -> Iterator[os.DirEntry[str]]:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return iter(())  # unreadable folder: skipped, as rglob skips it
    entries.sort(key=_NAME)
    return iter(entries)


_NAME = operator.attrgetter("name")


# The last listing of each content folder: its names, and the paths made from them.
_LISTED: dict[str, tuple[list[str], list[Path]]] = {}


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
