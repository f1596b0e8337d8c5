"""Content digests that decide what a build may skip: deckgen's own code, and input files.

Light on purpose (no records, no parsers): a build with nothing to do needs only these.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from deckgen.core.files import atomic_write_bytes

CACHE_DIR = ".deckgen-cache"


def make_cache_dir(folder: Path) -> None:
    """Create a cache folder that git ignores by itself (as .pytest_cache does): a project made
    before the memo moved to the project root ignores only build/, and must not commit it."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        atomic_write_bytes(ignore, b"# deckgen's caches: safe to delete, never committed\n*\n", durable=False)


def cache_dir(out_dir: Path) -> Path:
    """Where the caches of a build directory live."""
    return out_dir / CACHE_DIR


_CODE_SUFFIXES = (".py", ".css", ".js", ".html")
_CODE_MEMO = "code.json"


_FINGERPRINT: list[str] = []  # computed once per process
_UNSAVED: dict[Path, dict[str, list[Any]]] = {}  # code memos to write when a cache is written


def code_fingerprint(memo_dir: Path | None = None) -> str:
    """Changes whenever deckgen's code does: its version and the sha256 of every module and asset.

    Content, never file times: reinstalling the same version keeps every cache. With
    ``memo_dir``, a file whose size and mtime match the ones recorded there last time is
    not read again (its recorded hash is reused); a changed or new file is always hashed.
    """
    if _FINGERPRINT:
        return _FINGERPRINT[0]
    from deckgen import __version__

    package = Path(__file__).resolve().parent.parent
    files: list[tuple[str, int, int]] = []
    for folder, dirs, names in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if name.endswith(_CODE_SUFFIXES):
                info = os.stat(os.path.join(folder, name))
                rel = os.path.relpath(os.path.join(folder, name), package)
                files.append((rel, info.st_size, info.st_mtime_ns))
    memo = _read_code_memo(memo_dir / _CODE_MEMO) if memo_dir is not None else {}
    hashes: dict[str, list[Any]] = {}
    for rel, size, mtime in files:
        known = memo.get(rel)
        if known is not None and known[0] == size and known[1] == mtime:
            hashes[rel] = known
        else:
            hashes[rel] = [size, mtime, hashlib.sha256((package / rel).read_bytes()).hexdigest()]
    if memo_dir is not None and hashes != memo:
        _UNSAVED[memo_dir / _CODE_MEMO] = hashes  # written with the caches, by a command that succeeds
    text = "\n".join(f"{rel}:{entry[2]}" for rel, entry in hashes.items())
    _FINGERPRINT.append(hashlib.sha256(f"{__version__}\n{text}".encode()).hexdigest())
    return _FINGERPRINT[0]


def save_code_memo() -> None:
    """Record the code hashes computed by this process beside the caches just written."""
    for path, hashes in list(_UNSAVED.items()):
        try:
            make_cache_dir(path.parent)
            atomic_write_bytes(path, json.dumps(hashes).encode(), durable=False)
        except OSError:
            pass  # a read-only project only costs the hashing next time
        del _UNSAVED[path]


def _read_code_memo(path: Path) -> dict[str, list[Any]]:
    """Recorded (size, mtime, sha256) of deckgen's files; empty when missing or not that shape."""
    try:
        if path.stat().st_size > 1024 * 1024:
            return {}
        data = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        k: v
        for k, v in data.items()
        if isinstance(k, str)
        and isinstance(v, list)
        and len(v) == 3
        and type(v[0]) is int
        and type(v[1]) is int
        and isinstance(v[2], str)
    }


# Files hashed by this process: path -> (size, mtime, ctime, inode, sha256). A build hashes its
# inputs for the no-op check, reads its notes, and hashes its inputs again for the next
# build's check; with this, each input is read once.
_SEEN: dict[str, tuple[int, int, int, int, str]] = {}


def _identity(info: os.stat_result) -> tuple[int, int, int, int]:
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def known_digest(path: str, info: os.stat_result) -> str | None:
    """The sha256 of ``path`` if this process hashed it and it has not changed since."""
    seen = _SEEN.get(path)
    if seen is None:
        return None
    # field by field, no tuple made: this runs once per input (20,000 notes: 20,000 times)
    size, mtime, ctime, inode, digest = seen
    if size == info.st_size and mtime == info.st_mtime_ns and ctime == info.st_ctime_ns and inode == info.st_ino:
        return digest
    return None


def remember_digest(path: str, info: os.stat_result, digest: str) -> None:
    """Record the sha256 of ``path`` as read while it had the status ``info``."""
    _SEEN[path] = (*_identity(info), digest)


_INPUTS_MEMO = "inputs.json"
_INPUTS_DELTA = "inputs-delta.json"  # the entries that differ from inputs.json, written instead of all of it
_MAX_DELTA = 256  # more differences than this and inputs.json is written whole again
# Memo files this process has parsed, by path: the status they had (parsed again only when it changed).
_LOADED: dict[str, tuple[int, int, int, int]] = {}
# Per memo folder, the status of its inputs.json when parsed and its valid entries (what a delta is taken against).
_BASE: dict[str, tuple[tuple[int, int, int, int], dict[str, tuple[int, int, int, int, str]]]] = {}
_MAX_INPUTS_MEMO_BYTES = 64 * 1024 * 1024
# A file changed again within this long of being hashed could keep its size and (coarse) times:
# such "racily clean" entries are not carried to the next process, which hashes the file again
# (git's rule for its index).
_RACY_NS = 2_000_000_000


def load_input_digests(memo_dir: Path) -> None:
    """Take the input hashes the last successful build recorded, so unchanged inputs are not read again.

    A cache: validated entry by entry, ignored when missing or corrupt. An entry is used only
    while the file's size, mtime, ctime and inode are exactly as recorded (see known_digest).
    Each memo file is parsed once per process while it stays the same file (a build asks
    from several places; at 20,000 notes one parse costs 0.1 s).
    """
    # The recent changes first: an entry of both files is the delta's (the base's is older).
    for name in (_INPUTS_DELTA, _INPUTS_MEMO):
        path = memo_dir / name
        try:
            identity = _identity(path.stat())
            if _LOADED.get(str(path)) == identity or identity[0] > _MAX_INPUTS_MEMO_BYTES:
                continue
            entries = _decode_memo(json.loads(path.read_bytes()))
        except (OSError, ValueError, RecursionError):
            continue
        if entries is None:
            continue
        if _SEEN:
            for key in entries.keys() - _SEEN.keys():
                _SEEN[key] = entries[key]
        else:
            _SEEN.update(entries)
        _LOADED[str(path)] = identity
        if name == _INPUTS_MEMO:
            _BASE[str(memo_dir)] = (identity, entries)


def read_input_memo(path: Path) -> dict[str, tuple[int, int, int, int, str]]:
    """The entries of an input-hash memo file (``inputs.json`` or its delta) by path; empty when not one."""
    try:
        return _decode_memo(json.loads(path.read_bytes())) or {}
    except (OSError, ValueError, RecursionError):
        return {}


# A memo file is one JSON object of four parallel columns, not an object per file: at 20,000
# notes it parses in half the time, and is checked column by column (in C) instead of entry by entry.
_MEMO_KEYS = {"prefix", "names", "stats", "sha256"}


def _encode_memo(entries: dict[str, tuple[int, int, int, int, str]], prefix: str) -> bytes:
    """``entries`` (every path below ``prefix``) as a memo file's bytes, sorted by path."""
    names = sorted(entries)
    return json.dumps(
        {
            "prefix": prefix,
            "names": [name[len(prefix) :] for name in names],
            "stats": [number for name in names for number in entries[name][:4]],
            "sha256": [entries[name][4] for name in names],
        }
    ).encode()


def _decode_memo(data: Any) -> dict[str, tuple[int, int, int, int, str]] | None:
    """A memo file's entries (size, mtime, ctime, inode, sha256) by path, or None when it is not one, whole."""
    if type(data) is not dict or data.keys() != _MEMO_KEYS:
        return None
    prefix, names, stats, hashes = data["prefix"], data["names"], data["stats"], data["sha256"]
    if type(prefix) is not str or type(names) is not list or type(stats) is not list or type(hashes) is not list:
        return None
    if len(stats) != 4 * len(names) or len(hashes) != len(names):
        return None
    if (
        set(map(type, names)) - {str}
        or set(map(type, stats)) - {int}
        or set(map(type, hashes)) - {str}
        or set(map(len, hashes)) - {64}
    ):
        return None
    paths = [prefix + name for name in names]
    return dict(zip(paths, zip(stats[0::4], stats[1::4], stats[2::4], stats[3::4], hashes)))


def save_input_digests(memo_dir: Path, under: Path) -> None:
    """Record the hashes of the files below ``under`` that this process hashed, for the next build.

    When this process loaded the memo and few entries differ from it (a one-note edit), only
    those are written, to a small delta file beside it: the memo is not rewritten whole.
    """
    prefix = str(under) + os.sep
    settled = time.time_ns() - _RACY_NS
    data = {
        name: entry
        for name, entry in _SEEN.items()
        if name.startswith(prefix) and entry[1] < settled and entry[2] < settled
    }
    base_path, delta_path = memo_dir / _INPUTS_MEMO, memo_dir / _INPUTS_DELTA
    base = _BASE.get(str(memo_dir))
    try:
        make_cache_dir(memo_dir)
        if base is not None and _identity_of(base_path) == base[0]:
            known = base[1]
            delta = {name: entry for name, entry in data.items() if known.get(name) != entry}
            gone = sum(1 for name in known if name not in data)
            if len(delta) + gone <= _MAX_DELTA:
                atomic_write_bytes(delta_path, _encode_memo(delta, prefix), durable=False)
                return
        # The delta goes first: a base written beside an older delta would take that delta's entries
        # (still self-checking by file status, so only ever a hash read again).
        _unlink_quietly(delta_path)
        atomic_write_bytes(base_path, _encode_memo(data, prefix), durable=False)
        identity = _identity_of(base_path)
        if identity is not None:  # what this process wrote is what it would parse: the next save's base
            _LOADED[str(base_path)] = identity
            _BASE[str(memo_dir)] = (identity, data)
    except OSError:
        pass  # a read-only project only costs the reading next time


def _identity_of(path: Path) -> tuple[int, int, int, int] | None:
    try:
        return _identity(path.stat())
    except OSError:
        return None


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
