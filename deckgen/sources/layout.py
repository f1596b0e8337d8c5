"""Which files are the project's inputs: notes, deck manifests, tracks and cohorts.

Listing only, no parsing: a build with nothing to do lists and hashes its inputs without
loading YAML or any parser.
"""

from __future__ import annotations

from pathlib import Path

TRACKS_DIR = "tracks"
COHORTS_DIR = "cohorts"


def note_files(content_dir: Path) -> list[Path]:
    """Every note file below ``content_dir``, sorted for a stable order."""
    if not content_dir.is_dir():
        return []
    return sorted(p for p in content_dir.rglob("*.md") if p.is_file() and not p.name.startswith("."))


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
