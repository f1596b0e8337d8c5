"""The per-note memo under ``build/.deckgen-cache/``: safe to delete, ignored (with a warning) when invalid.

Each note file's parse, generated cards and per-card lint findings, keyed by the file's
bytes and a salt naming deckgen's code and settings, so an edit re-reads one note instead
of all of them. Caches are shared and restored (CI caches, copied build folders), so the
memo is plain JSON that is *data only*: values are rebuilt from an allow-list of deckgen's
own frozen dataclasses, every field checked against its type hint before use. Nothing in
the file can name code to run; anything unexpected means "no cache" and a warning.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from deckgen.core.errors import Finding
from deckgen.core.files import atomic_write_bytes
from deckgen.core.model import Card, CardBlock, DeckSpec, FieldValue, Note, Section, Selector

CACHE_DIR = ".deckgen-cache"
_NOTES = "notes.json"
_FORMAT = 2  # 1 was a pickle (notes.pickle), never read again: unpickling runs code
_MAX_BYTES = 256 * 1024 * 1024  # a cache bigger than this is not ours to load into memory
_MAX_DEPTH = 64

# The only types a cache file may rebuild. A class is looked up by name in this table,
# never imported by a name taken from the file.
_CLASSES: dict[str, type] = {
    cls.__name__: cls for cls in (Section, FieldValue, CardBlock, Note, Card, Selector, DeckSpec, Finding)
}


class CacheFormatError(ValueError):
    """A cache value does not have the shape deckgen writes."""


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


def encode(value: Any, depth: int = 0) -> Any:
    """A JSON-ready form of ``value`` (tagged where JSON has no type); TypeError for anything else."""
    if depth > _MAX_DEPTH:
        raise TypeError("value nested too deeply to cache")
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [encode(v, depth + 1) for v in value]
    if isinstance(value, tuple):
        return {"t": [encode(v, depth + 1) for v in value]}
    if isinstance(value, Mapping):
        return {"d": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()]}
    if isinstance(value, datetime.datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    if (
        dataclasses.is_dataclass(value)
        and type(value).__name__ in _CLASSES
        and type(value) is _CLASSES[type(value).__name__]
    ):
        return {
            "c": type(value).__name__,
            "f": {f.name: encode(getattr(value, f.name), depth + 1) for f in dataclasses.fields(value)},
        }
    raise TypeError(f"cannot cache a {type(value).__name__}")


def decode(data: Any, depth: int = 0) -> Any:
    """Rebuild a value written by :func:`encode`; CacheFormatError on anything else."""
    if depth > _MAX_DEPTH:
        raise CacheFormatError("nested too deeply")
    if data is None or isinstance(data, (bool, int, float, str)):
        return data
    if isinstance(data, list):
        return [decode(v, depth + 1) for v in data]
    if not isinstance(data, dict) or len(data) not in (1, 2):
        raise CacheFormatError("unexpected value")
    if set(data) == {"t"} and isinstance(data["t"], list):
        return tuple(decode(v, depth + 1) for v in data["t"])
    if set(data) == {"d"} and isinstance(data["d"], list):
        result: dict[Any, Any] = {}
        for pair in data["d"]:
            if not (isinstance(pair, list) and len(pair) == 2):
                raise CacheFormatError("malformed mapping")
            key = decode(pair[0], depth + 1)
            try:
                result[key] = decode(pair[1], depth + 1)
            except TypeError as exc:  # an unhashable key
                raise CacheFormatError(str(exc)) from None
        return result
    try:
        if set(data) == {"dt"} and isinstance(data["dt"], str):
            return datetime.datetime.fromisoformat(data["dt"])
        if set(data) == {"date"} and isinstance(data["date"], str):
            return datetime.date.fromisoformat(data["date"])
    except ValueError as exc:
        raise CacheFormatError(str(exc)) from None
    if set(data) == {"c", "f"} and isinstance(data["f"], dict) and data["c"] in _CLASSES:
        cls = _CLASSES[data["c"]]
        hints = _hints(cls)
        if set(data["f"]) != set(hints):
            raise CacheFormatError(f"{data['c']} with fields {sorted(data['f'])}")
        values = {name: decode(raw, depth + 1) for name, raw in data["f"].items()}
        for name, value in values.items():
            if not _conforms(value, hints[name]):
                raise CacheFormatError(f"{data['c']}.{name} has the wrong type")
        return cls(**values)
    raise CacheFormatError("unexpected value")


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        names = {f.name for f in dataclasses.fields(cls)}
        _HINTS[cls] = {k: v for k, v in typing.get_type_hints(cls).items() if k in names}
    return _HINTS[cls]


def _conforms(value: Any, hint: Any) -> bool:
    """Whether ``value`` has the type ``hint`` describes (the subset of typing deckgen's records use)."""
    if hint is Any:
        return True
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return value in args
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, a) for a in args)
    if hint is type(None):
        return value is None
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if origin is tuple:
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_conforms(v, args[0]) for v in value)
        return len(args) == len(value) and all(_conforms(v, a) for v, a in zip(value, args))
    if origin is list:
        return isinstance(value, list) and all(_conforms(v, args[0]) for v in value)
    if origin in (dict, Mapping, typing.Mapping):
        return isinstance(value, dict) and all(
            _conforms(k, args[0]) and _conforms(v, args[1]) for k, v in value.items()
        )
    if isinstance(hint, type):
        return isinstance(value, hint)
    return False


class NoteCache:
    """Per-note-file results, keyed by the file's content hash and a salt (code + settings)."""

    def __init__(self, out_dir: Path, salt: str, warnings: list[str] | None = None) -> None:
        self.path = cache_dir(out_dir) / _NOTES
        self.salt = salt
        self.warnings = warnings
        self.entries: dict[str, tuple[str, Any]] = {}  # decoded values, in use this run
        self._raw: dict[str, tuple[str, Any]] = {}  # as read: decoded (and validated) on first use
        self.used: set[str] = set()
        self.dirty = False
        self._warned = False
        try:
            if self.path.is_file() and self.path.stat().st_size <= _MAX_BYTES:
                data = json.loads(self.path.read_bytes())
                if not isinstance(data, dict) or not isinstance(data.get("entries"), dict):
                    raise CacheFormatError("not a note cache")
                if data.get("format") == _FORMAT and data.get("salt") == salt:
                    for rel, entry in data["entries"].items():
                        if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], str)):
                            raise CacheFormatError("malformed entry")
                        self._raw[rel] = (entry[0], entry[1])
            elif self.path.exists():
                raise CacheFormatError("not a regular file of a sensible size")
        except (OSError, ValueError, RecursionError) as exc:
            self._warn(exc)

    def _warn(self, exc: BaseException) -> None:
        if self.warnings is not None and not self._warned:
            self.warnings.append(f"{self.path}: note cache is unreadable ({exc.__class__.__name__}); ignoring it")
        self._warned = True
        self.dirty = True  # rewrite it with good data

    @staticmethod
    def key(data: bytes) -> str:
        """The content hash that identifies one version of a file."""
        return hashlib.sha256(data).hexdigest()

    def get(self, rel: str, digest: str, valid: Callable[[Any], bool] = lambda value: True) -> Any | None:
        """The cached value for ``rel`` at this content, if any and of the shape ``valid`` accepts.

        Decoding only rebuilds deckgen's own record types; ``valid`` checks that the value is
        the shape its caller stored (a well-formed record in the wrong place is no better).
        """
        self.used.add(rel)
        entry = self.entries.get(rel)
        if entry is None and rel in self._raw:
            raw_digest, raw = self._raw.pop(rel)
            if raw_digest == digest:
                try:
                    value = decode(raw)
                    if not valid(value):
                        raise CacheFormatError(f"{rel}: not the shape this entry holds")
                    entry = self.entries[rel] = (raw_digest, value)
                except (CacheFormatError, RecursionError, TypeError, ValueError) as exc:
                    self._warn(exc)
        return entry[1] if entry and entry[0] == digest else None

    def put(self, rel: str, digest: str, value: Any) -> None:
        """Remember ``value`` for ``rel`` at this content."""
        self.used.add(rel)
        self._raw.pop(rel, None)
        self.entries[rel] = (digest, value)
        self.dirty = True

    def save(self) -> None:
        """Write the cache if anything changed, dropping files no longer seen."""
        stale = (set(self.entries) | set(self._raw)) - self.used
        for rel in stale:
            self.entries.pop(rel, None)
            self._raw.pop(rel, None)
        if not (self.dirty or stale):
            return
        out: dict[str, Any] = {rel: list(entry) for rel, entry in self._raw.items()}
        for rel, (digest, value) in self.entries.items():
            try:
                out[rel] = [digest, encode(value)]
            except TypeError:
                continue  # e.g. a front-matter value of a type the memo does not know: recompute next time
        data = json.dumps({"format": _FORMAT, "salt": self.salt, "entries": out}, separators=(",", ":"))
        try:
            atomic_write_bytes(self.path, data.encode("utf-8"), durable=False)
        except OSError:
            return  # a read-only build folder only costs speed (e.g. `deckgen lint` in a locked-down CI)
        self.dirty = False
