"""Write reproducible ``.apkg`` files. The only module that imports genanki.

Same input, same bytes: note and note type times come from the lockfile, ids from a
counter seeded by them, zip entries carry fixed metadata, and the SQLite file goes
through a private temp file that is always deleted (genanki's ``write_to_file`` leaks one).
"""

from __future__ import annotations

import errno
import io
import itertools
import json
import os
import re
import sqlite3
import sys
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import genanki

from deckgen.anki.notetypes import NoteType
from deckgen.anki.packaged import DeckPreset, PackagedDeck, PackagedNote
from deckgen.core.files import publish, temp_file

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
# zlib level 1, not zipfile's default 6: measured on the 2,000-note bench's track bundle (a 5.1 MB
# collection), 0.046 s against 0.132 s to compress, for a package 12% larger (1.02 MB against 0.91 MB).
# Every package is written again on each card edit to its deck or bundle, so this is paid on the edit
# path; a learner downloads the package once. Anki reads any deflate level.
_DEFLATE_LEVEL = 1


class _Model(genanki.Model):  # type: ignore[misc]
    """A genanki model whose ``mod`` is the time its templates last changed, not the build time."""

    def __init__(self, note_type: NoteType, mod: int) -> None:
        super().__init__(
            model_id=note_type.id,
            name=note_type.name,
            fields=[{"name": name} for name in note_type.fields],
            templates=[{"name": t.name, "qfmt": t.qfmt, "afmt": t.afmt} for t in note_type.templates],
            css=note_type.css,
            model_type=genanki.Model.CLOZE if note_type.kind == "cloze" else genanki.Model.FRONT_BACK,
            sort_field_index=0,
        )
        self.mod = mod
        self.card_ords: dict[tuple[bool, ...], list[int]] = {}  # by which fields are non-empty
        self.cloze_ords: dict[tuple[str, ...], list[int]] = {}  # by field values (cloze notes)

    def to_json(self, timestamp: float, deck_id: int) -> dict[str, Any]:
        data: dict[str, Any] = super().to_json(timestamp, deck_id)
        data["mod"] = self.mod
        data["did"] = None  # not deck-specific: keeps bytes independent of deck order
        return data


class _Deck(genanki.Deck):  # type: ignore[misc]
    """A genanki deck whose notes are written as genanki writes them, without a genanki ``Note`` each.

    genanki's per-note objects cost more than the SQL they produce (tag and HTML validation,
    a cached property that imports asyncio's checks, a guid property): the rows here are
    exactly the ones ``genanki.Note.write_to_db`` inserts, in the same order, so the file
    has the same bytes. Which cards a note gets is still genanki's own decision.
    """

    def __init__(self, deck_id: int, name: str, description: str, notes: Sequence[PackagedNote]) -> None:
        super().__init__(deck_id=deck_id, name=name, description=description)
        self.packaged = notes

    def write_to_db(self, cursor: sqlite3.Cursor, timestamp: float, id_gen: Any) -> None:
        super().write_to_db(cursor, timestamp, id_gen)  # the deck and its models into ``col``
        note_sql = "INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?);"
        card_sql = "INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?);"
        execute = cursor.execute
        deck_id = self.deck_id
        models = self.models
        tag_lists: dict[tuple[str, ...], str] = {}  # a deck's notes share a few tag sets: each checked and joined once
        for note in self.packaged:
            model = models[note.model_id]
            key = tuple(note.tags)
            tags = tag_lists.get(key)
            if tags is None:
                for tag in key:
                    if " " in tag:  # genanki's _TagList check
                        raise ValueError(f'Tag "{tag}" contains a space; this is not allowed!')
                tags = tag_lists[key] = " " + " ".join(key) + " "
            note_id = next(id_gen)
            mod = int(note.mod)
            fields = note.fields
            execute(
                note_sql,
                (
                    note_id,
                    note.guid,
                    model.model_id,
                    mod,
                    -1,
                    tags,
                    "\x1f".join(fields),
                    fields[model.sort_field_index],
                    0,
                    0,
                    "",
                ),
            )
            # one note, then its cards, as genanki does: the interleaving decides SQLite's page layout (the bytes)
            if note.with_cards:
                due = note.due
                for ordinal in _card_ords(model, fields):
                    execute(
                        card_sql,
                        (next(id_gen), note_id, deck_id, ordinal, mod, -1, 0, 0, due, 0, 0, 0, 0, 0, 0, 0, 0, ""),
                    )


class _Fields:
    """What genanki's card-choosing methods read from a note: its model and field values."""

    __slots__ = ("fields", "model")

    def __init__(self, model: _Model, fields: Sequence[str]) -> None:
        self.model = model
        self.fields = list(fields)


def _card_ords(model: _Model, fields: tuple[str, ...]) -> list[int]:
    """The card ordinals genanki gives a note with ``fields`` (its own methods, in its own order)."""
    if model.model_type == genanki.Model.CLOZE:
        # a cloze note's cards depend on its field values: remembered per model (one per build), so a
        # track bundle does not search again the clozes of every note its decks' packages wrote
        known = model.cloze_ords.get(fields)
        if known is None:
            known = model.cloze_ords[fields] = [card.ord for card in genanki.Note._cloze_cards(_Fields(model, fields))]
        return known
    # a front/back note's cards depend only on which fields are empty
    key = tuple(map(bool, fields))
    ords = model.card_ords.get(key)
    if ords is None:
        ords = model.card_ords[key] = [card.ord for card in genanki.Note._front_back_cards(_Fields(model, fields))]
    return ords


class PackageWriter:
    """Writes the packages of one build, with one set of note types.

    The genanki models are built once for every package (genanki computes a model's ``req``
    by rendering its templates), and what they remember (which cards a note gets) serves
    every package: a track bundle, which ships the notes its decks' packages wrote, does
    not work out their cards again.
    """

    def __init__(self, note_types: Sequence[tuple[NoteType, int]]) -> None:
        self.note_types = list(note_types)
        self.models = {nt.id: _Model(nt, mod) for nt, mod in self.note_types}

    def write(self, target: Path, decks: Sequence[PackagedDeck], media: Sequence[tuple[str, Path]] = ()) -> None:
        """Write ``decks`` to ``target`` atomically; ``media`` is (name in package, file) pairs."""
        genanki_decks = []
        for deck in decks:
            gdeck = _Deck(deck.deck_id, deck.name, deck.description, deck.notes)
            for model in self.models.values():
                gdeck.add_model(model)
            genanki_decks.append(gdeck)
        seed = max([mod for _, mod in self.note_types] + [n.mod for d in decks for n in d.notes] + [0])
        target.parent.mkdir(parents=True, exist_ok=True)
        # Both temp files live beside the target, named after it: a killed build leaves nothing in
        # $TMPDIR, and the next build removes exactly these (core.files.remove_leftovers).
        db_path = temp_file(target, ".anki2.tmp")
        zip_path = temp_file(target)
        try:
            _write_collection(db_path, target, genanki_decks, decks, seed)
            with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                _add(archive, "collection.anki2", db_path.read_bytes())
                manifest = {str(index): name for index, (name, _) in enumerate(media)}
                _add(archive, "media", json.dumps(manifest, ensure_ascii=False).encode("utf-8"))
                for index, (_, path) in enumerate(media):
                    _add(archive, str(index), path.read_bytes())
            publish(str(zip_path), target)
        finally:
            db_path.unlink(missing_ok=True)
            zip_path.unlink(missing_ok=True)


def safe_package(data: bytes, note_types: Sequence[NoteType]) -> bool:
    """Whether ``data`` is a package deckgen could have written, for one read back from the project's cache (untrusted
    input, like the notes): the entries a package holds, ``note_types``' own templates and CSS, and every note field,
    deck description and media name as deckgen writes them (:func:`deckgen.anki.render.safe_field`)."""
    from deckgen.anki.render import safe_field

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "collection.anki2" not in names or any(
                n not in ("collection.anki2", "media") and not n.isdigit() for n in names
            ):
                return False
            media = json.loads(archive.read("media")) if "media" in names else {}
            collection = archive.read("collection.anki2")
        if not isinstance(media, dict) or not all(
            isinstance(v, str) and _MEDIA_NAME_RE.fullmatch(v) for v in media.values()
        ):
            return False
        conn = sqlite3.connect(":memory:")
        try:
            conn.deserialize(collection)
            models_text, decks_text = conn.execute("SELECT models, decks FROM col").fetchone()
            ours = {(nt.css, tuple((t.qfmt, t.afmt) for t in nt.templates)) for nt in note_types}
            for model in json.loads(models_text).values():
                if (model["css"], tuple((t["qfmt"], t["afmt"]) for t in model["tmpls"])) not in ours:
                    return False
            if not all(safe_field(str(deck.get("desc", ""))) for deck in json.loads(decks_text).values()):
                return False
            return all(
                safe_field(field, cloze=True)
                for (fields,) in conn.execute("SELECT flds FROM notes")
                for field in fields.split("\x1f")
            )
        finally:
            conn.close()
    except (zipfile.BadZipFile, sqlite3.Error, ValueError, KeyError, TypeError, AttributeError, OSError):
        return False


_MEDIA_NAME_RE = re.compile(r"[\w.-]+")


def writer_version() -> str:
    """Everything besides a package's input that decides its bytes: the versions of the libraries that write it."""
    return (
        f"genanki {genanki.__version__}; sqlite {sqlite3.sqlite_version}; zlib {zlib.ZLIB_RUNTIME_VERSION}; "
        f"python {sys.version_info[0]}.{sys.version_info[1]}"
    )


def write_apkg(
    target: Path,
    decks: Sequence[PackagedDeck],
    note_types: Sequence[tuple[NoteType, int]],
    media: Sequence[tuple[str, Path]] = (),
) -> None:
    """Write ``decks`` to ``target`` atomically; ``media`` is (name in package, file) pairs."""
    PackageWriter(note_types).write(target, decks, media)


def _write_collection(
    db_path: Path, target: Path, genanki_decks: list[Any], decks: Sequence[PackagedDeck], seed: int
) -> None:
    """genanki's collection into the temp database; SQLite's own errors become OSError (a full disk is ENOSPC)."""
    try:
        conn = sqlite3.connect(db_path)
        try:
            # The file is disposable: skip the journal and fsyncs (research: 56 fsyncs per build).
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            package = genanki.Package(genanki_decks)
            package.write_to_db(conn.cursor(), seed, itertools.count(seed * 1000))
            _write_presets(conn, decks, seed)
            conn.commit()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        full = "full" in str(exc).lower()
        raise OSError(
            errno.ENOSPC if full else errno.EIO, os.strerror(errno.ENOSPC) if full else str(exc), str(target)
        ) from None


def _write_presets(conn: sqlite3.Connection, decks: Sequence[PackagedDeck], mod: int) -> None:
    """Add each deck's preset to the collection's ``dconf`` and point the deck at it (genanki has no API for this)."""
    presets: dict[int, DeckPreset] = {d.preset.preset_id: d.preset for d in decks if d.preset is not None}
    if not presets:
        return
    dconf_text, decks_text = conn.execute("SELECT dconf, decks FROM col").fetchone()
    dconf: dict[str, Any] = json.loads(dconf_text)
    deck_rows: dict[str, Any] = json.loads(decks_text)
    for preset in presets.values():
        # Anki's default preset (written by genanki) with our id, name and pace: every other option stays Anki's
        conf = json.loads(json.dumps(dconf["1"]))
        conf.update(id=preset.preset_id, name=preset.name, mod=mod, usn=-1)
        conf["new"]["perDay"] = preset.new_per_day
        dconf[str(preset.preset_id)] = conf
    for deck in decks:
        if deck.preset is not None:
            deck_rows[str(deck.deck_id)]["conf"] = deck.preset.preset_id
    conn.execute(
        "UPDATE col SET dconf = ?, decks = ?",
        (json.dumps(dconf, sort_keys=True), json.dumps(deck_rows, sort_keys=True)),
    )


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 3
    archive.writestr(info, data, compresslevel=_DEFLATE_LEVEL)
