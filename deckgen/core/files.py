"""Atomic file writes: a reader sees the old file or the new one, never half of either.

Every file deckgen writes goes through here. Temp files and folders are named after their
target (``.NAME.XXXXXXXX.tmp`` beside ``NAME``), so a later run can find and remove exactly
the leftovers of its own outputs after a kill, and never sweeps anything else.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from pathlib import Path

# Fault injection for the kill-at-every-write-step test: DECKGEN_KILL_AT=N kills the
# process with SIGKILL at the N-th write step (1-based). Unset in normal use.
_steps = 0


def checkpoint() -> None:
    """One write step: a point where a real kill could land (only acts under DECKGEN_KILL_AT)."""
    global _steps
    wanted = os.environ.get("DECKGEN_KILL_AT")
    if not wanted:
        return
    _steps += 1
    if str(_steps) == wanted:
        os.kill(os.getpid(), signal.SIGKILL)


def temp_pattern(target: Path) -> str:
    """The glob matching every temp file or folder made for ``target`` (in its folder)."""
    return f".{target.name}.*.tmp"


def remove_leftovers(target: Path) -> None:
    """Delete the temp files and folders a killed run left for ``target`` (and nothing else)."""
    if not target.parent.is_dir():
        return
    for path in target.parent.glob(temp_pattern(target)):
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            pass


def staging_dir(target: Path) -> Path:
    """A fresh folder beside ``target`` to build it in, with normal (umask) permissions.

    mkdtemp makes folders 0700, which would leave a published site unreadable by a web server.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    os.chmod(path, 0o777 & ~_umask())
    return path


def temp_file(target: Path, suffix: str = ".tmp") -> Path:
    """A new empty private temp file beside ``target``, named after it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    return Path(name)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def publish(tmp_name: str, path: Path) -> None:
    """Give a finished temp file normal permissions (mkstemp makes it private) and rename it into place."""
    os.chmod(tmp_name, 0o666 & ~_umask())
    checkpoint()
    os.replace(tmp_name, path)
    checkpoint()


def atomic_write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to a temp file beside ``path``, flush it to disk, then rename it into place.

    ``durable=False`` skips the fsync, for caches that are safe to lose.
    """
    tmp_name = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        publish(tmp_name, path)
    except OSError as exc:
        # name the file being written, not its temp file (a failed write() names nothing at all)
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from None
    finally:
        if tmp_name and os.path.exists(tmp_name):
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


def resolves_inside(root: Path, path: Path) -> bool:
    """Whether ``path``, links followed, is ``root`` or below it (links in ``root`` followed too)."""
    return path.resolve().is_relative_to(root.resolve())


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


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    import ctypes
    import ctypes.util
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: the file system cannot exchange
        return False
    raise OSError(err, os.strerror(err), str(b))


def replace_dir(staging: Path, target: Path) -> None:
    """Put the finished folder ``staging`` at ``target``: a reader (or a kill) sees the old folder or the new one.

    Where the kernel can swap two paths atomically, there is no moment without ``target``;
    elsewhere the old folder is renamed aside first (a kill in between leaves no ``target``,
    which the next build notices and writes again).
    """
    checkpoint()
    if target.exists() and _exchange(staging, target):
        checkpoint()
        shutil.rmtree(staging, ignore_errors=True)  # now holds the old folder
        return
    old = target.parent / f".{target.name}.old.tmp"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
        checkpoint()
    staging.rename(target)
    checkpoint()
    shutil.rmtree(old, ignore_errors=True)
