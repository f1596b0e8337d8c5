"""The typed records of ``deckgen.lock``, and the only code that reads or writes that file.

The lock holds, for every card that ever shipped, its identity and the time its shipped
content last changed (:class:`CardRecord`), each note type's frozen schema and template
time (:class:`NoteTypeRecord`), each deck's release counter (:class:`ReleaseRecord`) and
its changelog entries (:class:`ChangelogEntry`). Records are frozen: a build computes new
ones and puts them into a new :class:`Lock`; nothing edits a record in place.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deckgen.core.errors import Finding, LockError
from deckgen.core.model import filled

# 3: one record per line, the header naming the deckgen that wrote it. Format 2 (the same without that name) and
# format 1 (one JSON document) are read and rewritten on the next build. A deckgen that reads format 2 only
# refuses format 3 ('unknown format … upgrade deckgen'): a teammate's older deckgen cannot quietly undo a release.
LOCK_FORMAT = 3
_READ_FORMATS = (2, 3)
HEADER_ABOUT = (
    "deckgen.lock: every card's identity and change time, one record per line. Commit it with your notes. "
    "Never edit it by hand; after a merge run `deckgen build` (README: deckgen.lock and branches)"
)
KINDS = ("notetype", "release", "changelog", "card", "extra")
_ENTRY_RE = re.compile(r"^## Release (\d+)\b", re.MULTILINE)


@dataclass(frozen=True)
class CardRecord:
    """One card's identity and shipped state: what learners have of it."""

    hash: str  # of the shipped fields and tags
    mod: int  # when the shipped content last changed (the note's Anki ``mod``)
    front: str = ""  # Markdown question as last shipped (for matching and reports)
    back: str = ""
    deck: str = ""  # the deck it first ships in ("" when in no deck)
    decks: tuple[str, ...] = ()  # every deck it ships in, when more than one
    origin: str = "authored"  # "authored" or "generated"
    explicit: bool = False  # its key is an explicit ``id:``
    anchor: str = ""  # "note/key" its GUID comes from, when it moved from another note
    due: int | None = None  # its new-card position in ``deck``, kept for good
    dues: tuple[tuple[str, int], ...] = ()  # its positions in the other decks it ships in, by deck name
    reverse: bool = False  # it has a reverse card (a retired one must keep it)
    retired: int = 0  # when it was retired (0: live); the date its "Retired" badge shows
    retired_mod: int = 0  # when the retired note's shipped content last changed (0: at ``retired``)
    retired_hash: str = ""  # of the retired note as shipped, so a change to it gets a newer mod
    moved_to: str = ""  # the uid it moved to (its identity is not free for reuse)
    left: tuple[str, ...] = ()  # decks it shipped in and left while staying live in another deck
    # the DeckgenId learners' note holds when that is not its uid: a card pinned with an ``id:`` keeps the one it
    # shipped with (deckgen.lock.moves.keep_shipped_ids); always a uid of its own note
    shipped_as: str = ""

    @property
    def live(self) -> bool:
        """Neither retired nor moved to another note."""
        return not self.retired and not self.moved_to

    @property
    def shipped_mod(self) -> int:
        """The ``mod`` learners' copy of the card has: its content's, or its retired note's."""
        return max(self.mod, self.retired, self.retired_mod)

    def position_in(self, names: Iterable[str]) -> int | None:
        """Its stored new-card position in the deck known by any of ``names``, if any."""
        wanted = names if isinstance(names, (set, frozenset)) else set(names)
        if self.deck in wanted and self.due is not None:
            return self.due
        return next((due for name, due in self.dues if name in wanted), None)

    @property
    def all_decks(self) -> tuple[str, ...]:
        """Every deck the card shipped in (``decks`` when several, else ``deck``)."""
        return self.decks or ((self.deck,) if self.deck else ())

    def to_json(self) -> dict[str, Any]:
        """The record as stored: optional parts only when set."""
        data: dict[str, Any] = {
            "hash": self.hash,
            "mod": self.mod,
            "front": self.front,
            "back": self.back,
            "deck": self.deck,
            "origin": self.origin,
        }
        if self.decks:
            data["decks"] = list(self.decks)
        if self.explicit:
            data["explicit"] = True
        if self.anchor:
            data["anchor"] = self.anchor
        if self.due is not None:
            data["due"] = self.due
        if self.dues:
            data["dues"] = dict(self.dues)
        if self.reverse:
            data["reverse"] = True
        if self.retired:
            data["retired"] = self.retired
        if self.retired_mod:
            data["retired_mod"] = self.retired_mod
        if self.retired_hash:
            data["retired_hash"] = self.retired_hash
        if self.moved_to:
            data["moved_to"] = self.moved_to
        if self.left:
            data["left"] = list(self.left)
        if self.shipped_as:
            data["shipped_as"] = self.shipped_as
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CardRecord:
        """Parse a stored record (raises KeyError/ValueError/TypeError on a malformed one)."""
        # (one call per card of the lock: no generator unless there is something to convert)
        get = data.get
        decks, due, dues, left = get("decks"), get("due"), get("dues"), get("left")
        # Every field is given, so the record is filled in without its __init__: a frozen
        # dataclass sets each of its 18 fields through object.__setattr__ (~40% of a lock's parse).
        return filled(
            cls,
            hash=str(get("hash", "")),
            mod=_whole(get("mod", 0), "mod"),
            front=str(get("front", "")),
            back=str(get("back", "")),
            deck=str(get("deck") or ""),
            decks=tuple(map(str, decks)) if decks else (),
            origin=str(get("origin") or "authored"),
            explicit=bool(get("explicit")),
            anchor=str(get("anchor") or ""),
            due=_whole(due, "due") if due is not None else None,
            dues=tuple(sorted((str(k), _whole(v, "dues")) for k, v in dues.items())) if dues else (),
            reverse=bool(get("reverse")),
            retired=_whole(get("retired") or 0, "retired"),
            retired_mod=_whole(get("retired_mod") or 0, "retired_mod"),
            retired_hash=str(get("retired_hash") or ""),
            moved_to=str(get("moved_to") or ""),
            left=tuple(map(str, left)) if left else (),
            shipped_as=str(get("shipped_as") or ""),
        )


# The largest whole number a lock holds: times, positions, release numbers and note type ids are far smaller, and
# every number here must fit the 64-bit integers of Anki's SQLite (a hand-edited 10**30 made the package writer fail).
_MAX_WHOLE = 2**53 - 1


def _whole(value: Any, what: str) -> int:
    """``value`` if it is a whole number from 0 to _MAX_WHOLE (as deckgen writes it), else ValueError."""
    if type(value) is not int or not 0 <= value <= _MAX_WHOLE:
        shown = repr(value) if len(repr(value)) <= 24 else repr(value)[:24] + "…"
        raise ValueError(f"'{what}' must be a whole number from 0 to {_MAX_WHOLE}, not {shown}")
    return value


@dataclass(frozen=True)
class NoteTypeSchema:
    """What Anki matches a note type by: id, kind, field and template names (frozen once shipped)."""

    id: int
    kind: str
    fields: tuple[str, ...]
    templates: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The schema as stored."""
        return {"id": self.id, "kind": self.kind, "fields": list(self.fields), "templates": list(self.templates)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> NoteTypeSchema:
        """Parse a stored schema."""
        return cls(
            _whole(data["id"], "id"),
            str(data.get("kind", "")),
            tuple(str(f) for f in data.get("fields", ())),
            tuple(str(t) for t in data.get("templates", ())),
        )


@dataclass(frozen=True)
class NoteTypeRecord:
    """A note type's templates/CSS hash and the time they last changed, and its shipped schema."""

    hash: str
    mod: int
    schema: NoteTypeSchema | None = None

    def to_json(self) -> dict[str, Any]:
        """The record as stored."""
        data: dict[str, Any] = {"hash": self.hash, "mod": self.mod}
        if self.schema is not None:
            data["schema"] = self.schema.to_json()
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> NoteTypeRecord:
        """Parse a stored record."""
        schema = data.get("schema")
        return cls(
            str(data.get("hash", "")),
            _whole(data.get("mod", 0), "mod"),
            NoteTypeSchema.from_json(schema) if isinstance(schema, Mapping) else None,
        )


@dataclass(frozen=True)
class ReleaseRecord:
    """A deck's release counter, keyed in the lock by its manifest's slug."""

    digest: str  # of what the deck shipped in this release
    names: tuple[str, ...]  # every name the deck shipped under, oldest first
    time: int
    version: int
    merged: bool = False  # set by a merge of two branches that both released the deck

    def to_json(self) -> dict[str, Any]:
        """The record as stored."""
        data: dict[str, Any] = {"digest": self.digest, "names": list(self.names), "time": self.time}
        data["version"] = self.version
        if self.merged:
            data["merged"] = True
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ReleaseRecord:
        """Parse a stored record."""
        return cls(
            str(data.get("digest", "")),
            tuple(str(n) for n in data.get("names", ())),
            _whole(data.get("time", 0), "time"),
            _whole(data.get("version", 0), "version"),
            bool(data.get("merged")),
        )


@dataclass(frozen=True)
class ChangelogEntry:
    """One release's changelog entry for one deck (Markdown, starting ``## Release N``)."""

    text: str

    @property
    def version(self) -> int:
        """The release number the entry is about (0 when it names none)."""
        match = _ENTRY_RE.search(self.text)
        return int(match.group(1)) if match else 0


@dataclass
class Lock:
    """The parsed ``deckgen.lock``: a mutable collection of frozen records."""

    cards: dict[str, dict[str, CardRecord]] = field(default_factory=dict)  # by note id, then key
    notetypes: dict[str, NoteTypeRecord] = field(default_factory=dict)  # by note type name
    releases: dict[str, ReleaseRecord] = field(default_factory=dict)  # by manifest slug
    changelog: dict[str, tuple[ChangelogEntry, ...]] = field(default_factory=dict)  # by slug, newest first
    extra: dict[str, Any] = field(default_factory=dict)  # keys this version does not know, kept as they were
    # Read from a file known to be exactly what to_text writes (see read_lock): each card's
    # record and line, so an unchanged record is not serialised again.
    lines: dict[tuple[str, str], tuple[CardRecord, str]] = field(default_factory=dict, compare=False, repr=False)
    canonical: bool = field(default=False, compare=False, repr=False)
    file_format: int = field(default=LOCK_FORMAT, compare=False, repr=False)  # the format it was read in
    written_by: str = field(default="", compare=False, repr=False)  # the deckgen version its header names

    def card(self, note_id: str, key: str) -> CardRecord | None:
        """The record of card ``key`` of note ``note_id``, if any."""
        return self.cards.get(note_id, {}).get(key)

    def card_by_uid(self, uid: str) -> CardRecord | None:
        """The record of the card ``note/key``, if any."""
        note_id, _, key = uid.partition("/")
        return self.card(note_id, key)

    def put(self, note_id: str, key: str, record: CardRecord) -> None:
        """Set the record of card ``key`` of note ``note_id``."""
        self.cards.setdefault(note_id, {})[key] = record

    def records(self) -> Iterator[tuple[str, str, CardRecord]]:
        """Every card record as (note id, key, record), sorted."""
        for note_id, records in sorted(self.cards.items()):
            for key, record in sorted(records.items()):
                yield note_id, key, record

    def live(self, note_id: str) -> dict[str, CardRecord]:
        """The note's records that are neither retired nor moved to another note."""
        return {k: v for k, v in self.cards.get(note_id, {}).items() if v.live}

    def copy(self) -> Lock:
        """A copy whose containers can be changed without touching this one (records are frozen)."""
        return Lock(
            {n: dict(r) for n, r in self.cards.items()},
            dict(self.notetypes),
            dict(self.releases),
            dict(self.changelog),
            json.loads(json.dumps(self.extra)),
        )

    def to_text(self) -> str:
        """Serialise as one JSON record per line, sorted, so git merges edits to different cards line by line.

        Line 1 is the header; then note types, releases, changelog entries (newest first per
        deck), cards by uid, and keys this version does not know. Each line is a compact
        ``json.dumps`` (``indent=`` forces the pure-Python encoder: ~0.3 s for 10,000 cards).
        """
        dump = _compact
        lines = [dump({"format": LOCK_FORMAT, "about": HEADER_ABOUT, "deckgen": _version()})]
        for name, nt in sorted(self.notetypes.items()):
            lines.append(_line("notetype", name, nt.to_json()))
        for slug, release in sorted(self.releases.items()):
            lines.append(_line("release", slug, release.to_json()))
        for slug, entries in sorted(self.changelog.items()):
            for entry in entries:
                lines.append(_line("changelog", slug, {"text": entry.text}))
        known = self.lines
        for note_id, key, record in self.records():
            was = known.get((note_id, key))
            if was is not None and (was[0] is record or was[0] == record):  # most records are the very ones read
                lines.append(was[1])
            else:
                lines.append(_line("card", f"{note_id}/{key}", record.to_json()))
        for key, value in sorted(self.extra.items()):
            lines.append(_line("extra", key, {"value": value}))
        return "\n".join(lines) + "\n"


# ``json.dumps`` with options builds an encoder per call: one shared encoder writes the same text.
_compact = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(", ", ": ")).encode
_string = json.encoder.encode_basestring  # what ``_compact`` writes for a string, without the dispatch


def _line(kind: str, name: str, body: Mapping[str, Any]) -> str:
    """One record: ``{"<kind>": "<name>", ...body}``, the kind first so a line says what it is."""
    rest = _compact(body)
    head = "{" + _compact(kind) + ": " + _string(name)
    return head + "}" if rest == "{}" else head + ", " + rest[1:]


def _lock_error(name: str, line: int, message: str, fix: str) -> LockError:
    return LockError(Finding(name, line, message, fix, "lock"))


CONFLICT_MARKERS = ("<<<<<<< ", "=======", ">>>>>>> ", "||||||| ")


def lock_lines(text: str) -> list[str]:
    """The lines of a lockfile: split at newlines only.

    Not ``str.splitlines``: a record may hold U+2028, U+0085 or other characters it splits
    at, which JSON leaves unescaped (``ensure_ascii=False``); a trailing CR (a CRLF checkout)
    is whitespace to the JSON parser.
    """
    rows = text.split("\n")
    if rows and not rows[-1]:
        rows.pop()
    if "\r" in text:  # a CRLF checkout: the lines without their CR, as the lock writes them
        rows = [row[:-1] if row.endswith("\r") else row for row in rows]
    return rows


def has_conflict_markers(text: str) -> bool:
    """Whether ``text`` holds git conflict markers (a merge that did not use deckgen's merge driver)."""
    return "<<<<<<< " in text and any(line.startswith("<<<<<<< ") for line in lock_lines(text))


def lock_digest(text: str) -> str:
    """The sha256 of a lockfile's text, by which a build remembers the lock it wrote."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_lock(text: str, name: str = "deckgen.lock", *, canonical: bool = False) -> Lock:
    """Parse the text of a lockfile (either format); raises LockError (located) when it is not one.

    ``canonical``: the caller knows ``text`` is exactly what :meth:`Lock.to_text` writes for
    it (this deckgen wrote it), so its card lines may be reused.
    """
    if has_conflict_markers(text):
        line = next(i for i, row in enumerate(lock_lines(text), 1) if row.startswith("<<<<<<< "))
        raise _lock_error(
            name,
            line,
            "deckgen.lock has git conflict markers (the merge did not use deckgen's merge driver)",
            "run `deckgen lock resolve`: it merges both sides (every identity kept, the newest change times); "
            "then `deckgen build` and commit. `deckgen lock install-merge-driver` makes git do this itself",
        )
    try:
        header = json.loads(text.lstrip().split("\n", 1)[0])
    except json.JSONDecodeError:
        header = None  # format 1 starts with a lone "{"
    if isinstance(header, dict) and "format" in header:
        return _parse_lines(text, name, canonical)
    return _parse_document(text, name)


def _parse_lines(text: str, name: str, canonical: bool = False) -> Lock:
    """Format 2: one record per line."""
    rows = lock_lines(text)
    known = _parse_canonical(rows, canonical)
    if known is not None:
        return known
    lock = Lock(canonical=canonical)
    changelog: dict[str, list[ChangelogEntry]] = {}
    for number, row in enumerate(rows, 1):
        if not row.strip():
            continue
        try:
            data = json.loads(row)
            if not isinstance(data, dict):
                raise ValueError("a line must be one JSON object")
            if "format" in data:  # the header
                _check_header(data, name, number)
                lock.file_format, lock.written_by = data["format"], str(data.get("deckgen", ""))
                continue
            _add_record(lock, changelog, data, row if canonical else None)
        except (json.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError) as exc:
            raise _lock_error(
                name,
                number,
                f"deckgen.lock has a malformed record: {exc}",
                "restore it from git (`git checkout HEAD -- deckgen.lock`; after a merge, `deckgen lock resolve`)",
            ) from exc
    lock.changelog = {slug: tuple(entries) for slug, entries in changelog.items()}
    return lock


def _add_record(lock: Lock, changelog: dict[str, list[ChangelogEntry]], data: dict[str, Any], row: str | None) -> None:
    """Put one line's record (``data``, parsed) into ``lock``; a card keeps its ``row`` for to_text when given.

    Raises KeyError, ValueError, TypeError or AttributeError on a malformed record.
    """
    kind = "card" if "card" in data else next((k for k in KINDS if k in data), "")
    if not kind:
        raise ValueError(f"a record must name one of {', '.join(KINDS)}")
    key = str(data.pop(kind))
    if kind == "card":
        note_id, _, card_key = key.partition("/")
        if not note_id or not card_key:  # (a hand-written '"card": "x"' became a record of key '' in note 'x')
            raise ValueError(f"a card record is named 'note/key', not {key!r:.60}")
        record = CardRecord.from_json(data)
        lock.put(note_id, card_key, record)
        if row is not None:
            lock.lines[note_id, card_key] = (record, row)
    elif kind == "notetype":
        lock.notetypes[key] = NoteTypeRecord.from_json(data)
    elif kind == "release":
        lock.releases[key] = ReleaseRecord.from_json(data)
    elif kind == "changelog":
        changelog.setdefault(key, []).append(ChangelogEntry(str(data["text"])))
    else:
        lock.extra[key] = data.get("value")


def _parse_canonical(rows: list[str], canonical: bool = True) -> Lock | None:
    """A lock's lines decoded as one JSON array, each line one record; None on any surprise.

    One call of the JSON parser instead of one per card. Anything unexpected (a blank or
    malformed line, a line that is not one object, a header out of place), and the
    line-by-line parse reads the file again (and locates what is wrong). ``canonical``: the
    lock is known to be what :meth:`Lock.to_text` wrote, so each card keeps its line.
    """
    try:
        records = json.loads("[" + ",".join(rows) + "]")
    except ValueError:
        return None
    header = records[0] if records and len(records) == len(rows) else None
    if type(header) is not dict or header.get("format") != LOCK_FORMAT or not _readable_version(header):
        return None  # (an older format, or a newer deckgen's lock: the line-by-line parse says so, located)
    lock = Lock(canonical=canonical, written_by=str(header.get("deckgen", "")))
    changelog: dict[str, list[ChangelogEntry]] = {}
    try:
        for row, data in zip(rows[1:], records[1:]):
            if type(data) is not dict or "format" in data:
                return None
            _add_record(lock, changelog, data, row if canonical else None)
    except (AttributeError, KeyError, TypeError, ValueError):
        return None
    lock.changelog = {slug: tuple(entries) for slug, entries in changelog.items()}
    return lock


def _version() -> str:
    from deckgen import __version__

    return __version__


def _version_key(version: str) -> tuple[int, ...]:
    """'0.2.0' -> (0, 2, 0); the numeric release parts only ('0.3.0.dev1' -> (0, 3, 0))."""
    parts = []
    for part in version.split("."):
        digits = re.match(r"\d+", part)
        if digits is None:
            break
        parts.append(int(digits.group()))
        if digits.group() != part:
            break
    return tuple(parts)


def _readable_version(header: Mapping[str, Any]) -> bool:
    """Whether this deckgen is at least the one that wrote a format-3 header."""
    written = header.get("deckgen", "")
    return not isinstance(written, str) or _version_key(written) <= _version_key(_version())


def _check_header(header: Mapping[str, Any], name: str, number: int) -> None:
    """Refuse a lock this deckgen must not rewrite: an unknown format, or one a newer deckgen wrote."""
    if header.get("format") not in _READ_FORMATS:
        raise _lock_error(name, number, "deckgen.lock has an unknown format", "restore it from git, or upgrade deckgen")
    written = header.get("deckgen", "")
    if not isinstance(written, str) or not re.fullmatch(r"[0-9][0-9A-Za-z.+-]{0,40}", written or "0"):
        raise _lock_error(name, number, "deckgen.lock's header names no deckgen version", "restore it from git")
    if not _readable_version(header):
        raise _lock_error(
            name,
            number,
            f"deckgen.lock was written by deckgen {written}, newer than this deckgen {_version()}: building with it "
            "would undo that release for learners (retired cards back in study, the older card design)",
            f"upgrade deckgen to {written} or later (the version your CI pins), then build again",
        )


def _parse_document(text: str, name: str) -> Lock:
    """Format 1 (before one-record-per-line): one JSON document."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _lock_error(
            name,
            exc.lineno,
            f"deckgen.lock is not valid JSON: {exc}",
            "restore it from git (`git checkout HEAD -- deckgen.lock`); never delete it: it holds every card's identity",
        ) from exc
    if not isinstance(data, dict) or data.get("format") != 1:
        raise _lock_error(name, 1, "deckgen.lock has an unknown format", "restore it from git, or upgrade deckgen")
    try:
        cards = {
            str(note_id): {str(key): CardRecord.from_json(r) for key, r in records.items()}
            for note_id, records in (data.get("cards") or {}).items()
        }
        notetypes = {str(k): NoteTypeRecord.from_json(v) for k, v in (data.get("notetypes") or {}).items()}
        releases_data = data.get("releases")
        releases = (
            {str(k): ReleaseRecord.from_json(v) for k, v in releases_data.items()}
            if isinstance(releases_data, dict)
            else {}
        )
        changelog_data = data.get("changelog")
        changelog = (
            {str(k): tuple(ChangelogEntry(str(e)) for e in v) for k, v in changelog_data.items()}
            if isinstance(changelog_data, dict)
            else {}
        )
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise _lock_error(
            name,
            1,
            f"deckgen.lock has a malformed record: {exc}",
            "restore it from git (`git checkout HEAD -- deckgen.lock`)",
        ) from exc
    extra = {k: v for k, v in data.items() if k not in ("format", "cards", "notetypes", "releases", "changelog")}
    return Lock(cards, notetypes, releases, changelog, extra, file_format=1)


def note_records(path: Path, note_id: str) -> dict[str, CardRecord]:
    """The card records of one note in a lockfile this deckgen wrote, without parsing the others.

    Only for a file known to be exactly what :meth:`Lock.to_text` writes (one record per
    line, each card's line starting with its uid); LockError when a line is not a record.
    """
    # Searched as bytes and only the note's rows decoded: decoding the whole lock (2.7 MB at
    # 2,000 notes) was most of this function's 13 ms in a lint after a card edit.
    text = path.read_bytes()
    start = ("\n" + _line("card", note_id + "/", {})[:-2]).encode()  # '{"card": "<note id>/' (the key follows)
    records: dict[str, CardRecord] = {}
    at = text.find(start)
    while at >= 0:
        end = text.find(b"\n", at + 1)
        row = text[at + 1 : end if end >= 0 else len(text)]
        try:
            data = json.loads(row.decode("utf-8"))
            key = str(data.pop("card")).partition("/")[2]
            records[key] = CardRecord.from_json(data)
        except (json.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError) as exc:  # UnicodeError too
            raise _lock_error(
                path.name,
                text.count(b"\n", 0, at) + 2,
                f"deckgen.lock has a malformed record: {exc}",
                "restore it from git",
            ) from exc
        at = text.find(start, at + 1)
    return records


def read_lock(path: Path, written: str = "") -> Lock:
    """Read ``deckgen.lock``; a missing file is an empty lock.

    ``written`` is the :func:`lock_digest` of the text this deckgen last wrote there: when
    the file still has it, the lock is known canonical (``Lock.canonical``).
    """
    if not path.exists():
        return Lock()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise _lock_error(path.name, 0, f"deckgen.lock is not UTF-8 text: {exc}", "restore it from git") from exc
    return parse_lock(text, path.name, canonical=bool(written) and lock_digest(text) == written)
