"""The per-note memo under ``build/.deckgen-cache/``: safe to delete, ignored (with a warning) when corrupt.

Each note file's parse, generated cards and per-card lint findings, keyed by the file's
bytes and a salt naming deckgen's code and settings, so an edit re-reads one note instead
of all of them. The memo holds pickles. It lives in the project's own git-ignored build/
folder, is written only by deckgen, and is read only when its header names the exact
deckgen code that wrote it.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

from deckgen.core.files import atomic_write_bytes

CACHE_DIR = ".deckgen-cache"
_NOTES = "notes.pickle"


def cache_dir(out_dir: Path) -> Path:
    """Where the caches of a build directory live."""
    return out_dir / CACHE_DIR


def code_fingerprint() -> str:
    """Changes whenever deckgen's own code does (size and mtime of every module)."""
    package = Path(__file__).resolve().parent.parent
    parts = []
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".css", ".js", ".html") and "__pycache__" not in path.parts:
            stat = path.stat()
            parts.append(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class NoteCache:
    """Per-note-file results, keyed by the file's content hash and a salt (code + settings)."""

    def __init__(self, out_dir: Path, salt: str, warnings: list[str] | None = None) -> None:
        self.path = cache_dir(out_dir) / _NOTES
        self.salt = salt
        self.entries: dict[str, tuple[str, Any]] = {}
        self.used: set[str] = set()
        self.dirty = False
        if self.path.exists():
            try:
                header, entries = pickle.loads(self.path.read_bytes())
                if header == salt and isinstance(entries, dict):
                    self.entries = entries
            except Exception as exc:  # noqa: BLE001 - any corruption means "no cache", never a failed build
                if warnings is not None:
                    warnings.append(f"{self.path}: note cache is unreadable ({exc.__class__.__name__}); ignoring it")

    @staticmethod
    def key(data: bytes) -> str:
        """The content hash that identifies one version of a file."""
        return hashlib.sha256(data).hexdigest()

    def get(self, rel: str, digest: str) -> Any | None:
        """The cached value for ``rel`` at this content, if any."""
        self.used.add(rel)
        entry = self.entries.get(rel)
        return entry[1] if entry and entry[0] == digest else None

    def put(self, rel: str, digest: str, value: Any) -> None:
        """Remember ``value`` for ``rel`` at this content."""
        self.used.add(rel)
        self.entries[rel] = (digest, value)
        self.dirty = True

    def save(self) -> None:
        """Write the cache if anything changed, dropping files no longer seen."""
        stale = set(self.entries) - self.used
        for rel in stale:
            del self.entries[rel]
        if self.dirty or stale:
            try:
                atomic_write_bytes(
                    self.path, pickle.dumps((self.salt, self.entries), protocol=pickle.HIGHEST_PROTOCOL), durable=False
                )
            except OSError:
                return  # a read-only build folder only costs speed (e.g. `deckgen lint` in a locked-down CI)
            self.dirty = False
