"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def publish(tmp_name: str, path: Path) -> None:
    """Give a finished temp file normal permissions (mkstemp makes it private) and rename it into place."""
    os.chmod(tmp_name, 0o666 & ~_umask())
    os.replace(tmp_name, path)


def atomic_write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to a temp file beside ``path``, flush it to disk, then rename it into place.

    ``durable=False`` skips the fsync, for caches that are safe to lose.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        publish(tmp_name, path)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)


def atomic_write_text(path: Path, text: str) -> None:
    """UTF-8 text version of :func:`atomic_write_bytes`."""
    atomic_write_bytes(path, text.encode("utf-8"))


class TooLargeError(OSError):
    """A file is bigger than the caller's limit (checked with stat before reading)."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(f"{path}: {size:,} bytes, over the {limit:,} limit")
        self.size = size
        self.limit = limit


def read_bounded(path: Path, limit: int) -> bytes:
    """A regular file's bytes, refusing (before reading) files over ``limit`` bytes, FIFOs and devices."""
    with open(path, "rb", opener=_nonblocking_opener) as handle:
        stat = os.fstat(handle.fileno())
        if not _is_regular(stat.st_mode):
            raise IsADirectoryError(21, "not a regular file", str(path))
        if stat.st_size > limit:
            raise TooLargeError(path, stat.st_size, limit)
        data = handle.read(limit + 1)  # the file may grow between fstat and read
    if len(data) > limit:
        raise TooLargeError(path, len(data), limit)
    return data


def _is_regular(mode: int) -> bool:
    import stat

    return stat.S_ISREG(mode)


def _nonblocking_opener(name: str, flags: int) -> int:
    # O_NONBLOCK: opening a FIFO named like a note must not hang the build (it is then refused as not regular).
    return os.open(name, flags | getattr(os, "O_NONBLOCK", 0))
