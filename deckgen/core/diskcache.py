"""The per-note memo in ``.deckgen-cache/`` at the project root: safe to delete, ignored (with a warning) when invalid.

Each note file's parse, generated cards, rendered fields and lint findings, keyed by the
file's bytes and a salt naming deckgen's version, the content of its code and the
settings, so an edit re-reads one note instead of all of them; deleting ``build/`` or
reinstalling the same deckgen keeps it. One SQLite row per entry, so a one-note edit
rewrites a few rows, not the whole memo. Caches are shared and restored (CI caches,
copied folders), so the file is untrusted: its schema must be exactly deckgen's, and each
value is JSON that is *data only*, rebuilt from an allow-list of deckgen's own frozen
dataclasses, every field checked against its type hint before use. Nothing in the file
can name code to run; anything unexpected means "no cache" and a warning.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import json
import os
import sqlite3
import stat
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from deckgen.core.digests import (
    CACHE_DIR,
    cache_dir,
    code_fingerprint,
    known_digest,
    make_cache_dir,
    save_code_memo,
)
from deckgen.core.errors import Finding
from deckgen.core.model import Card, CardBlock, DeckSpec, FieldValue, Note, Section, Selector

_NOTES = "notes.sqlite"
# 1 was a pickle (build/.deckgen-cache/notes.pickle), never read again: unpickling runs code;
# 2 was one JSON file under build/ (notes.json), rewritten whole on every change.
_FORMAT = 3
_MAX_BYTES = 256 * 1024 * 1024  # a cache bigger than this is not ours to load into memory
_MAX_DEPTH = 64

# The only types a cache file may rebuild. A class is looked up by name in this table,
# never imported by a name taken from the file.
# Re-exported: what callers imported from here before the digests had a module of their own.
__all__ = ["CACHE_DIR", "NoteCache", "cache_dir", "code_fingerprint", "decode", "encode", "known_digest"]

_CLASSES: dict[str, type] = {
    cls.__name__: cls for cls in (Section, FieldValue, CardBlock, Note, Card, Selector, DeckSpec, Finding)
}


class CacheFormatError(ValueError):
    """A cache value does not have the shape deckgen writes."""


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


# Typed values: a value whose type the caller names (a schema, such as ``list[Finding]``) is
# stored without tags, records as lists of their fields in order, and rebuilt in one pass
# that checks every value against the schema: several times faster than the tagged form.
# A value of no known schema uses the tagged form above.

_Codec = Callable[[Any], Any]


class _Codecs:
    """Encoder and decoder for one schema (a type hint over deckgen's records), each written when first used.

    A run often only reads or only writes a schema (a lint after a card edit decodes the
    snapshot and encodes the edited note): the other half would cost up to 6 ms each.
    """

    def __init__(self, hint: Any) -> None:
        self.hint = hint
        self._encode: _Codec | None = None
        self._decode: _Codec | None = None

    def encode(self, value: Any) -> Any:
        """``value`` as JSON-ready data (TypeError if it is not of the schema)."""
        if self._encode is None:
            self._encode = _encoder(self.hint)
        return self._encode(value)

    def decode(self, data: Any) -> Any:
        """The value ``data`` encodes (CacheFormatError if it is not of the schema)."""
        if self._decode is None:
            self._decode = _decoder(self.hint)
        return self._decode(data)


_CODECS: dict[Any, _Codecs] = {}


def _codecs(hint: Any) -> _Codecs:
    if hint not in _CODECS:
        _CODECS[hint] = _Codecs(hint)
    return _CODECS[hint]


# Schemas already looked up, by identity: hashing a typing expression (a Union, a Literal)
# runs Python code, three times per entry read, 12,000 times in a one-card edit's build. Each
# value holds its schema, so no id is reused while it is here; bounded, for schemas that a
# caller writes out anew on each call (``list[Row]``: a new, but cheaply hashed, object).
_BY_ID: dict[int, tuple[Any, _Codecs, str]] = {}


def _schema(hint: Any) -> tuple[_Codecs, str]:
    """``hint``'s codecs and the name its values are recorded under (see :func:`_schema_name`)."""
    known = _BY_ID.get(id(hint))
    if known is not None and known[0] is hint:
        return known[1], known[2]
    codecs, name = _codecs(hint), _schema_name(hint)
    if len(_BY_ID) < 64:
        _BY_ID[id(hint)] = (hint, codecs, name)
    return codecs, name


def _bad(what: str) -> CacheFormatError:
    return CacheFormatError(f"not {what}")


def _scalar_check(hint: Any) -> Callable[[Any], bool] | None:
    if hint is str:
        return lambda v: type(v) is str
    if hint is int:
        return lambda v: type(v) is int
    if hint is bool:
        return lambda v: type(v) is bool
    if hint is float:
        return lambda v: type(v) in (int, float)
    if hint is type(None):
        return lambda v: v is None
    if typing.get_origin(hint) is typing.Literal:
        allowed = typing.get_args(hint)
        return lambda v: type(v) in (str, int, bool) and v in allowed
    return None


def _encoder(hint: Any) -> _Codec:
    """A function turning a value of type ``hint`` into JSON-ready data (TypeError if it is not one)."""
    if hint is Any:
        return encode
    check = _scalar_check(hint)
    if check is not None:
        return _checked(check, lambda: TypeError(f"not a {hint}"))
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _first([_encoder(a) for a in args], TypeError, lambda: TypeError(f"not a {hint}"))
    if origin in (list, tuple) and (origin is list or (len(args) == 2 and args[1] is Ellipsis)):
        if args[0] in (str, int, bool):  # the commonest case, checked without a call per item
            kind = args[0]

            def scalars(value: Any) -> Any:
                if not _all_of(kind, _sequence(value)):
                    raise TypeError(f"not a {hint}")
                return list(value)

            return scalars
        item = _encoder(args[0])
        return lambda value: [item(v) for v in _sequence(value)]
    if origin is tuple:
        return _fixed_encoder(hint, args)
    if origin in (dict, Mapping, typing.Mapping):
        key, val = _encoder(args[0]), _encoder(args[1])
        if args[0] is str and args[1] in (str, int, bool):  # e.g. a note's meta_lines: no call per item
            kind = args[1]

            def scalar_values(value: Any) -> Any:
                value = _mapping(value)
                if not all(type(k) is str and type(v) is kind for k, v in value.items()):
                    raise TypeError(f"not a {hint}")
                return dict(value)

            return scalar_values
        if args[0] is str:

            def obj(value: Any) -> Any:
                out = {}
                for k, v in _mapping(value).items():
                    if type(k) is not str:
                        raise TypeError(f"not a {hint}")
                    out[k] = val(v)
                return out

            return obj
        return lambda value: [[key(k), val(v)] for k, v in _mapping(value).items()]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint) and _CLASSES.get(hint.__name__) is hint:
        return _record_encoder(hint)
    raise TypeError(f"no schema for {hint}")


def _fixed_encoder(hint: Any, args: tuple[Any, ...]) -> _Codec:
    """An encoder for a fixed-length tuple: ``str``/``int``/``bool`` items checked inline, the others by their encoders.

    A call per item (a scalar check each) was most of the cost of writing a note's rendered
    fields and generator candidates, which are tuples of strings.
    """
    size = len(args)
    if all(a is str for a in args):

        def strings(value: Any) -> Any:
            value = _sequence(value)
            if len(value) != size:
                raise TypeError("wrong length")
            if not _all_of(str, value):
                raise TypeError(f"not a {hint}")
            return list(value)

        return strings
    # in order, as each item's own encoder would be called: (position, scalar type or None, encoder or None)
    plan = [(i, a, None) if a in (str, int, bool) else (i, None, _encoder(a)) for i, a in enumerate(args)]

    def fixed(value: Any) -> Any:
        value = _sequence(value)
        if len(value) != size:
            raise TypeError("wrong length")
        out = list(value)
        for i, kind, item in plan:
            if item is None:
                if type(out[i]) is not kind:
                    raise TypeError(f"not a {hint}")
            else:
                out[i] = item(out[i])
        return out

    return fixed


def _record_encoder(cls: type) -> _Codec:
    """An encoder for one of deckgen's records, written out as Python for speed (as :func:`_record_decoder`).

    Scalar and tuple-of-string fields are checked inline, the others by their encoders:
    a call per scalar field was most of the cost of writing a cold build's note memo.
    """
    hints = _hints(cls)
    env: dict[str, Any] = {"cls": cls, "error": TypeError, "all": all, "list": list, "isinstance": isinstance}
    lines = ["def record(value):", "    if type(value) is not cls:", f"        raise error('not a {cls.__name__}')"]
    lines += [f"    v{i} = value.{name}" for i, name in enumerate(hints)]
    lines += _field_checks(
        list(_hints(cls).items()), cls.__name__, env, _encoder, "error", "isinstance({v}, (list, tuple))", "list"
    )
    lines.append(f"    return [{', '.join(f'v{i}' for i in range(len(hints)))}]")
    exec("\n".join(lines), env)  # noqa: S102 - our own source, made from our own type hints
    encoder: _Codec = env["record"]
    return encoder


def _checked(check: Callable[[Any], bool], error: Callable[[], Exception]) -> _Codec:
    """A scalar passed through unchanged when ``check`` accepts it."""

    def scalar(value: Any) -> Any:
        if not check(value):
            raise error()
        return value

    return scalar


def _first(options: list[_Codec], failure: type[Exception], error: Callable[[], Exception]) -> _Codec:
    """A union: the first option that does not raise ``failure``."""

    def union(value: Any) -> Any:
        for option in options:
            try:
                return option(value)
            except failure:
                continue
        raise error()

    return union


def _all_of(kind: type, values: list[Any] | tuple[Any, ...]) -> bool:
    """Whether every item's type is exactly ``kind`` (a subclass is not): ``all(type(v) is kind for v in values)``.

    Counted in C: the generator's call per item was most of the cost of checking the tuples of
    strings a cold build's memo writes (40,000 of them at 2,000 notes).
    """
    return list(map(type, values)).count(kind) == len(values)


def _sequence(value: Any) -> list[Any] | tuple[Any, ...]:
    if not isinstance(value, (list, tuple)):
        raise TypeError("not a sequence")
    return value


def _mapping(value: Any) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        raise TypeError("not a mapping")
    return value


def _decoder(hint: Any) -> _Codec:
    """A function rebuilding a value of type ``hint`` from :func:`_encoder`'s data; CacheFormatError otherwise."""
    if hint is Any:
        return decode
    check = _scalar_check(hint)
    if check is not None:
        return _checked(check, lambda: _bad(str(hint)))
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _first([_decoder(a) for a in args], CacheFormatError, lambda: _bad(str(hint)))
    if origin in (list, tuple) and (origin is list or (len(args) == 2 and args[1] is Ellipsis)):
        make = list if origin is list else tuple
        if args[0] is str:  # the commonest case, checked without a call per item

            def strings(data: Any) -> Any:
                if type(data) is not list or not _all_of(str, data):
                    raise _bad(str(hint))
                return make(data)

            return strings
        item = _decoder(args[0])

        def sequence(data: Any) -> Any:
            if type(data) is not list:
                raise _bad(str(hint))
            return make([item(v) for v in data])

        return sequence
    if origin is tuple:
        return _compiled_decoder("fixed", str(hint), list(enumerate(args)), "({})")
    if origin in (dict, Mapping, typing.Mapping):
        key, val = _decoder(args[0]), _decoder(args[1])
        if args[0] is str and args[1] in (str, int, bool):  # e.g. a note's meta_lines: no call per item
            kind = args[1]

            def scalars(data: Any) -> Any:
                if type(data) is not dict or not all(type(v) is kind for v in data.values()):
                    raise _bad(str(hint))
                return dict(data)

            return scalars
        if args[0] is str:

            def obj(data: Any) -> Any:
                if type(data) is not dict:
                    raise _bad(str(hint))
                return {k: val(v) for k, v in data.items()}  # JSON object keys are always strings

            return obj

        def pairs(data: Any) -> Any:
            if type(data) is not list or not all(type(p) is list and len(p) == 2 for p in data):
                raise _bad(str(hint))
            try:
                return {key(k): val(v) for k, v in data}
            except TypeError as exc:  # an unhashable key
                raise CacheFormatError(str(exc)) from None

        return pairs
    if isinstance(hint, type) and dataclasses.is_dataclass(hint) and _CLASSES.get(hint.__name__) is hint:
        return _record_decoder(hint)
    raise TypeError(f"no schema for {hint}")


def _record_decoder(cls: type) -> _Codec:
    """A decoder for one of deckgen's records, filled in without its __init__.

    Frozen dataclasses set each field through object.__setattr__, which is most of the
    cost of rebuilding one: the decoder updates the new record's __dict__ instead.
    """
    hints = _hints(cls)
    fill = "new(cls)\n    value.__dict__.update({" + ", ".join(f"{name!r}: v{i}" for i, name in enumerate(hints)) + "})"
    return _compiled_decoder("record", cls.__name__, list(hints.items()), fill, cls)


def _compiled_decoder(kind: str, what: str, items: list[tuple[Any, Any]], make: str, cls: type | None = None) -> _Codec:
    """A decoder of a fixed-length JSON list (a record's fields, a tuple's items), written out as Python for speed.

    The source is made from the type hints of ``items`` ((name, hint) pairs; never from
    cache data): scalars and string tuples are checked inline, other values by their
    decoders. ``make`` is the expression building the value from ``v0, v1, …`` (``{}``
    stands for them, in order); the record form assigns ``value`` itself.
    """
    env: dict[str, Any] = {"cls": cls, "new": object.__new__, "bad": _bad, "tuple": tuple, "all": all}
    names = ", ".join(f"v{i}" for i in range(len(items)))
    lines = [
        f"def {kind}(data):",
        f"    if type(data) is not list or len(data) != {len(items)}:",
        f"        raise bad({what!r})",
        f"    {names}, = data" if items else "    pass",
    ]
    lines += _field_checks(items, what, env, _decoder, "bad", "type({v}) is list", "tuple")
    if kind == "record":
        lines += [f"    value = {make}", "    return value"]
    else:
        lines.append(f"    return {make.format(names + ',' if items else '')}")
    exec("\n".join(lines), env)  # noqa: S102 - our own source, made from our own type hints
    decoder: _Codec = env[kind]
    return decoder


def _field_checks(
    items: list[tuple[Any, Any]],
    what: str,
    env: dict[str, Any],
    codec: Callable[[Any], _Codec],
    fail: str,
    is_sequence: str,
    make: str,
) -> list[str]:
    """The lines of a generated codec that check and convert each item ``v<i>`` of ``items`` ((name, hint) pairs of ``what``).

    Scalars and tuples of strings are checked inline (``is_sequence`` tests a sequence
    ``{v}``, ``make`` converts it); the other fields go through ``codec(hint)``, bound in ``env``.
    """
    lines = []
    for i, (name, hint) in enumerate(items):
        field = f"{what}.{name}"
        if hint in (str, int, bool):
            lines += [f"    if type(v{i}) is not {hint.__name__}:", f"        raise {fail}({field!r})"]
        elif typing.get_origin(hint) is tuple and typing.get_args(hint) == (str, Ellipsis):
            lines += [
                f"    if not {is_sequence.format(v=f'v{i}')} or not all(type(x) is str for x in v{i}):",
                f"        raise {fail}({field!r})",
                f"    v{i} = {make}(v{i})",
            ]
        else:
            env[f"codec{i}"] = codec(hint)
            lines.append(f"    v{i} = codec{i}(v{i})")
    return lines


_SQL = {
    "meta": "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "entries": (
        "CREATE TABLE entries (key TEXT PRIMARY KEY, digest TEXT NOT NULL, schema TEXT NOT NULL, value TEXT NOT NULL)"
    ),
}
# The whole schema of a note cache, as sqlite_master lists it: anything else (a trigger, a
# view, another table or column) means the file is not ours and is not used.
_MASTER = {
    ("table", "meta", _SQL["meta"]),
    ("index", "sqlite_autoindex_meta_1", None),
    ("table", "entries", _SQL["entries"]),
    ("index", "sqlite_autoindex_entries_1", None),
}
_TAGGED = "-"  # the schema column of a value stored in the tagged form
PROJECT = "project:"  # the prefix of entries about the whole project rather than one note file


class NoteCache:
    """Per-note-file results, keyed by the file's content hash and a salt (code + settings).

    Lives in ``<project>/.deckgen-cache/notes.sqlite``, one row per entry; only the rows
    that changed are written back.
    """

    def __init__(self, root: Path, salt: str, warnings: list[str] | None = None, *, lazy: bool = False) -> None:
        """``lazy``: read each entry when first asked for (a run that needs a few notes), not all at once."""
        self.path = root / CACHE_DIR / _NOTES
        self._lazy = lazy
        self._unread: set[str] = set()  # keys in the file not read yet (lazy)
        self._listed = True  # False: a lazy cache of a valid file, whose keys were not listed
        self._asked: set[str] = set()  # keys a lazy, unlisted cache has looked up in the file
        self._prefixes: set[str] = set()  # prefixes whose keys it has all read (prefetch)
        self.salt = f"{_FORMAT}:{salt}"
        self.warnings = warnings
        self.entries: dict[str, tuple[str, Any]] = {}  # decoded values, in use this run
        self._raw: dict[str, tuple[str, str, str]] = {}  # as read (digest, schema, JSON): decoded on first use
        self._schemas: dict[str, Any] = {}  # key -> the schema its caller named
        self._keys: set[str] = set()  # every key in the file
        self._pending: set[str] = set()  # put this run: written on save
        self.used: set[str] = set()
        # Set by a caller that added to a memo (a dict) it got: such dicts are written back on save.
        self.dirty = False
        self._sizes: dict[str, int] = {}  # key -> len of a dict value when it was read
        self._reset = True  # the file is missing, another salt's or unusable: start it afresh on save
        self._warned = False
        try:
            self._load()
        except (OSError, ValueError, RecursionError, sqlite3.Error) as exc:
            self._raw.clear()
            self._unread.clear()
            self._keys.clear()
            self._reset = True
            self._warn(exc)

    def _load(self) -> None:
        try:
            info = os.lstat(self.path)
        except FileNotFoundError:
            return
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_BYTES:
            raise CacheFormatError("not a regular file of a sensible size")
        with _connect(self.path, create=False) as db:
            master = {tuple(row) for row in db.execute("SELECT type, name, sql FROM sqlite_master")}
            if master != _MASTER:
                raise CacheFormatError("not a note cache")
            salt = db.execute("SELECT value FROM meta WHERE name = 'salt'").fetchone()
            if salt is None or salt[0] != self.salt:
                return  # another deckgen, code or settings: every entry is stale
            if self._lazy:
                # Keys are not listed (at 20,000 notes that alone took 0.2 s): any key may be in
                # the file until asked for (see _may_hold); _keys holds the ones read.
                self._listed = False
            else:
                for key, digest, schema, value in db.execute("SELECT key, digest, schema, value FROM entries"):
                    if not (type(key) is str and type(digest) is str and type(schema) is str and type(value) is str):
                        raise CacheFormatError("malformed entry")
                    self._raw[key] = (digest, schema, value)
        self._keys = set(self._raw) | self._unread
        self._reset = False

    def _may_hold(self, rel: str) -> bool:
        """Whether the file of a lazy cache whose keys were not listed may hold ``rel`` (not looked up yet)."""
        return (
            not self._listed
            and rel not in self._asked
            and rel not in self._raw
            and rel not in self._pending
            and not any(rel.startswith(prefix) for prefix in self._prefixes)
        )

    def _fetch(self, rel: str) -> None:
        """Read one entry of a lazy cache into ``_raw`` (only while the file still has this cache's salt)."""
        self._unread.discard(rel)
        self._asked.add(rel)
        try:
            with _connect(self.path, create=False) as db:
                row = db.execute(
                    "SELECT e.digest, e.schema, e.value FROM entries AS e, meta AS m"
                    " WHERE e.key = ? AND m.name = 'salt' AND m.value = ?",
                    (rel, self.salt),
                ).fetchone()
        except (OSError, sqlite3.Error) as exc:
            self._warn(exc)
            return
        if row is not None and all(type(v) is str for v in row):
            self._raw[rel] = (row[0], row[1], row[2])
            self._keys.add(rel)

    def prefetch(self, prefix: str) -> None:
        """Read every unread entry whose key starts with ``prefix`` in one query (a lazy cache about to ask for many)."""
        if self._listed and not any(key.startswith(prefix) for key in self._unread):
            return
        try:
            with _connect(self.path, create=False) as db:
                rows = db.execute(
                    "SELECT e.key, e.digest, e.schema, e.value FROM entries AS e, meta AS m"
                    " WHERE substr(e.key, 1, ?) = ? AND m.name = 'salt' AND m.value = ?",
                    (len(prefix), prefix, self.salt),
                ).fetchall()
        except (OSError, sqlite3.Error) as exc:
            self._warn(exc)
            return
        for row in rows:
            if all(type(v) is str for v in row) and (row[0] in self._unread or self._may_hold(row[0])):
                self._unread.discard(row[0])
                self._asked.add(row[0])
                self._keys.add(row[0])
                self._raw[row[0]] = (row[1], row[2], row[3])
        if not self._listed:  # every key with this prefix was just read: none is looked up again
            self._prefixes.add(prefix)

    def _warn(self, exc: BaseException) -> None:
        if self.warnings is not None and not self._warned:
            self.warnings.append(f"{self.path}: note cache is unreadable ({exc.__class__.__name__}); ignoring it")
        self._warned = True

    @staticmethod
    def key(data: bytes) -> str:
        """The content hash that identifies one version of a file."""
        return hashlib.sha256(data).hexdigest()

    def get(
        self,
        rel: str,
        digest: str,
        valid: Callable[[Any], bool] = lambda value: True,
        schema: Any = None,
        *,
        typed_only: bool = False,
    ) -> Any | None:
        """The cached value for ``rel`` at this content, if any and of the shape ``valid`` accepts.

        Decoding only rebuilds deckgen's own record types (checked against ``schema``, the
        value's type, when the caller names one); ``valid`` checks that the value is the
        shape its caller stored (a well-formed record in the wrong place is no better).
        ``typed_only``: a value deckgen always stores in its schema's form is refused in the
        tagged form, whose decoding does not check the schema.
        """
        self.used.add(rel)
        if schema is not None:
            self._schemas[rel] = schema
        entry = self.entries.get(rel)
        if entry is None and (rel in self._unread or self._may_hold(rel)):
            self._fetch(rel)
        if entry is None and rel in self._raw:
            raw_digest, form, text = self._raw.pop(rel)
            if raw_digest == digest:
                try:
                    data = json.loads(text)
                    if form == _TAGGED and not typed_only:
                        value = decode(data)
                    elif schema is not None and form == (codecs := _schema(schema))[1]:
                        value = codecs[0].decode(data)
                    else:
                        raise CacheFormatError(f"{rel}: stored as {form[:40]!r}")
                    if not valid(value):
                        raise CacheFormatError(f"{rel}: not the shape this entry holds")
                    entry = self.entries[rel] = (raw_digest, value)
                    if isinstance(value, dict):
                        self._sizes[rel] = len(value)
                except (CacheFormatError, RecursionError, TypeError, ValueError) as exc:
                    self._warn(exc)
                    self._pending.add(rel)  # replaced by a good value (or dropped) on save
        return entry[1] if entry and entry[0] == digest else None

    def holds(self, rel: str, digest: str) -> bool:
        """Whether the entry for ``rel`` is at ``digest`` (stored or put this run), without decoding it."""
        entry = self.entries.get(rel)
        if entry is not None:
            return entry[0] == digest
        if rel in self._unread or self._may_hold(rel):
            self._fetch(rel)
        raw = self._raw.get(rel)
        return raw is not None and raw[0] == digest

    def put(self, rel: str, digest: str, value: Any, schema: Any = None) -> None:
        """Remember ``value`` (of type ``schema``, when given) for ``rel`` at this content."""
        self.used.add(rel)
        if schema is not None:
            self._schemas[rel] = schema
        self._raw.pop(rel, None)
        self._unread.discard(rel)
        self.entries[rel] = (digest, value)
        self._pending.add(rel)

    def _row(self, rel: str) -> tuple[str, str, str, str] | None:
        """(key, digest, schema, JSON) of an entry in use, or None when it cannot be stored."""
        digest, value = self.entries[rel]
        schema = self._schemas.get(rel)
        try:
            if schema is not None:
                try:
                    codecs = _schema(schema)
                    return rel, digest, codecs[1], _dumps(codecs[0].encode(value))
                except TypeError:
                    pass  # not of its schema after all: the tagged form below
            return rel, digest, _TAGGED, _dumps(encode(value))
        except (TypeError, ValueError, RecursionError):
            return None  # e.g. a front-matter value of a type the memo does not know: recompute next time

    def save(self, prune: bool = True) -> None:
        """Write the entries that changed, dropping those of files no longer seen (unless not ``prune``).

        A run that looked at only some notes (an incremental build) passes ``prune=False``:
        the entries it did not use belong to notes that are still there.
        """
        # An entry stays while its file does: `deckgen lint` keeps the rendered fields of a build;
        # project-wide entries stay until replaced (a build that skips near duplicates keeps lint's).
        stale = (
            {k for k in self._keys - self.used if k.partition(":")[2] not in self.used and not k.startswith(PROJECT)}
            if prune
            else set()
        )
        rows = []
        for rel in sorted(self._pending):
            row = self._row(rel) if rel in self.entries else None
            if row is None:
                stale.add(rel)
            else:
                rows.append(row)
        if self.dirty:  # memos got from the file that gained entries since
            for rel, size in sorted(self._sizes.items()):
                if rel not in self._pending and len(self.entries[rel][1]) != size:
                    row = self._row(rel)
                    if row is not None:
                        rows.append(row)
        stale &= self._keys
        if not (rows or stale or self._reset):
            return
        try:
            self._write(rows, stale)
        except (OSError, sqlite3.Error):
            return  # a read-only or busy project only costs speed (e.g. `deckgen lint` in a locked-down CI)
        save_code_memo()
        self._keys = (self._keys - stale) | {row[0] for row in rows}
        self._sizes = {rel: len(value) for rel, (_, value) in self.entries.items() if isinstance(value, dict)}
        self._pending.clear()
        self._reset = self.dirty = False

    def _write(self, rows: list[tuple[str, str, str, str]], stale: set[str]) -> None:
        make_cache_dir(self.path.parent)
        if self._reset:
            if self._warned or self._keys:  # a file that is not ours (or not valid): start a new one
                self._unlink()
            else:
                try:  # another salt's cache, or none: reuse a valid file, else start afresh
                    with _connect(self.path, create=False) as db:
                        if {tuple(r) for r in db.execute("SELECT type, name, sql FROM sqlite_master")} != _MASTER:
                            raise CacheFormatError("not a note cache")
                except (sqlite3.Error, CacheFormatError, OSError):
                    self._unlink()
        with _connect(self.path, create=True) as db:
            db.execute("BEGIN IMMEDIATE")
            if self._reset:
                for sql in _SQL.values():
                    db.execute(sql.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"))
                db.execute("DELETE FROM entries")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('salt', ?)", (self.salt,))
            else:
                salt = db.execute("SELECT value FROM meta WHERE name = 'salt'").fetchone()
                if salt is None or salt[0] != self.salt:  # another deckgen wrote it meanwhile: leave it
                    db.execute("ROLLBACK")
                    return
            db.executemany("DELETE FROM entries WHERE key = ?", [(k,) for k in sorted(stale)])
            db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)", rows)
            db.execute("COMMIT")

    def _unlink(self) -> None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass


@functools.lru_cache(maxsize=64)  # a handful of schemas
def _schema_name(schema: Any) -> str:
    """How a schema is recorded beside a value (its repr names deckgen's record types).

    Memoised: the repr of a typing expression is rebuilt on every call, and a build asks
    for it once per entry read or written (measured: 0.1-0.2 s of a 2,000-note build).
    """
    return repr(schema).replace("deckgen.core.model.", "").replace("deckgen.core.errors.", "")


# ``json.dumps`` with options builds an encoder per call (10,000 entries in a cold build): one shared
# encoder writes the same text.
_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode


@contextmanager
def _connect(path: Path, create: bool) -> Iterator[sqlite3.Connection]:
    """A connection to a note cache that trusts nothing in the file's schema (closed on exit)."""
    from urllib.parse import quote

    uri = f"file:{quote(str(path))}?mode={'rwc' if create else 'ro'}"
    db = sqlite3.connect(uri, uri=True, timeout=5.0, isolation_level=None)
    try:
        db.execute("PRAGMA trusted_schema = OFF")  # no functions or virtual tables from the file's schema
        db.execute("PRAGMA cell_size_check = ON")  # a corrupt page is an error, not a wrong answer
        if create:
            db.execute("PRAGMA synchronous = NORMAL")
        yield db
    finally:
        db.close()
