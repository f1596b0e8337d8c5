"""Verified copies of output files kept in the project's cache, so a build after ``rm -rf build/`` reuses them.

One folder per kind of output (packages, site pages, the rest of a build's files), each
file named ``<key>.[<salt>.]<sha256 of its bytes, 32 hex>.<suffix>``: ``key`` says what the
file is made from (a digest of its inputs), the optional ``salt`` which code wrote it. The
cache is untrusted input: a kept file is used only when it is a regular file whose bytes
still hash to its name, and it is copied, never interpreted.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from deckgen.core.digests import make_cache_dir
from deckgen.core.files import atomic_write_bytes

# The stores in <project>/.deckgen-cache/, and the suffix of the files each keeps.
PACKAGES = "packages"  # every package and track bundle, by the digest of what it holds
SITE_PAGES = "site-pages"  # deck preview pages, by the digest of what they show
OUTPUT_FILES = "outputs"  # the rest of a build's files (changelogs, the site's other pages), by their sha256
SUFFIXES = {PACKAGES: ".apkg", SITE_PAGES: ".html", OUTPUT_FILES: ".kept"}


def unlink_quietly(path: Path) -> None:
    """Remove ``path`` if it can be removed (a cache file: failing to only costs space)."""
    try:
        path.unlink()
    except OSError:
        pass


def _linked(folder: Path) -> bool:
    """Whether ``folder`` or the cache folder holding it is a symbolic link."""
    return folder.is_symlink() or folder.parent.is_symlink()


class KeptFiles:
    """One folder of kept files (``folder`` None: no cache, every lookup misses and nothing is kept).

    ``max_bytes``: a larger file is not used; ``delete_damaged``: a file that fails its
    check is removed (it would fail every later build too) instead of only being skipped.
    """

    def __init__(
        self,
        folder: Path | None,
        suffix: str,
        *,
        salt: str = "",
        max_bytes: int | None = None,
        delete_damaged: bool = False,
    ) -> None:
        # A folder that is a link (or inside a linked cache folder) may point anywhere: a link committed to
        # the repository or restored from a CI cache would make prune() delete files outside the project.
        self.folder = None if folder is not None and _linked(folder) else folder
        self.suffix = suffix
        self.salt = salt
        self.max_bytes = max_bytes
        self.delete_damaged = delete_damaged
        self._listing: list[str] | None = None  # the folder's names, listed once (at the first lookup)

    def _prefix(self, key: str) -> str:
        return f"{key}.{self.salt}." if self.salt else f"{key}."

    def _names(self) -> list[str]:
        if self._listing is None:
            try:
                self._listing = sorted(os.listdir(self.folder)) if self.folder is not None else []
            except OSError:
                self._listing = []
        return self._listing

    def names(self, key: str) -> list[str]:
        """The kept files' names for ``key`` (written with this salt): normally one, or none."""
        prefix = self._prefix(key)
        return [
            n
            for n in self._names()
            if n.startswith(prefix) and n.endswith(self.suffix) and "." not in n[len(prefix) : -len(self.suffix)]
        ]

    def get(self, key: str, sha256: str | None = None) -> bytes | None:
        """The bytes kept for ``key`` if an intact copy is there (``sha256``: it must also have exactly that hash)."""
        for name in self.names(key):
            data = self.read(name, sha256)
            if data is not None:
                return data
        return None

    def read(self, name: str, sha256: str | None = None) -> bytes | None:
        """The bytes of the kept file ``name`` if it is intact (and, with ``sha256``, has exactly that hash)."""
        if self.folder is None or not name.endswith(self.suffix) or "/" in name or name.startswith("."):
            return None
        path = self.folder / name
        try:
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode) or (self.max_bytes is not None and info.st_size > self.max_bytes):
                raise ValueError("not a regular file of a sensible size")
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            if digest[:32] != name[: -len(self.suffix)].rpartition(".")[2]:
                raise ValueError("damaged")
        except (OSError, ValueError):
            if self.delete_damaged:
                self._forget(name)
            return None
        return data if sha256 is None or digest == sha256 else None

    def put(self, key: str, data: bytes) -> str | None:
        """Keep ``data`` for ``key`` and return its name (None if it could not be kept: that only costs speed).

        Copies of the same key written by other code (another salt) are no longer needed and go.
        """
        if self.folder is None:
            return None
        name = f"{self._prefix(key)}{hashlib.sha256(data).hexdigest()[:32]}{self.suffix}"
        try:
            make_cache_dir(self.folder.parent)
            self.folder.mkdir(exist_ok=True)
            if self.salt:
                for other in [n for n in self._names() if n.startswith(f"{key}.") and n != name]:
                    self._forget(other)
            atomic_write_bytes(self.folder / name, data, durable=False)
        except OSError:
            return None
        if name not in self._names():
            self._names().append(name)
        return name

    def prune(self, keys: Iterable[str]) -> None:
        """Remove every kept file whose key is not in ``keys`` (and temp files a killed build left)."""
        if self.folder is None:
            return
        keep = set(keys)
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name.partition(".")[0] not in keep or not name.endswith(self.suffix):
                unlink_quietly(self.folder / name)
        self._listing = None

    def _forget(self, name: str) -> None:
        assert self.folder is not None
        unlink_quietly(self.folder / name)
        if self._listing is not None and name in self._listing:
            self._listing.remove(name)
