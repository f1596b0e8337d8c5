"""Shared test helper: the sha256 of every file a build wrote, to compare two builds byte for byte."""

from __future__ import annotations

import hashlib
from pathlib import Path

CACHE_DIRS = {".deckgen-cache"}  # caches may differ between builds that ship the same bytes


def output_hashes(project: Path) -> dict[str, str]:
    """sha256 of every file the build wrote under build/ (caches aside) and of the lock."""
    hashes = {}
    for path in sorted((project / "build").rglob("*")):
        rel = path.relative_to(project)
        if path.is_file() and not CACHE_DIRS & set(rel.parts):
            hashes[rel.as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    hashes["deckgen.lock"] = hashlib.sha256((project / "deckgen.lock").read_bytes()).hexdigest()
    return hashes
