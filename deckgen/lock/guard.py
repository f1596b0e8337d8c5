"""Refuse a schema change to a note type that has already shipped.

Anki matches a note type by id and *schema* (kind, field names and order, template names
and count). Any schema change makes every learner's import fork it into "Name+" and stop
delivering updates (CONTRIBUTING.md, "What Anki does on import"). The lockfile records each
shipped note type's schema; a build whose note types differ from it stops here, before
anything is written. Template text and CSS are not schema: they may change freely.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from deckgen.anki.notetypes import NoteType
from deckgen.core.errors import Finding, SchemaFrozenError
from deckgen.lock.records import Lock, NoteTypeRecord, NoteTypeSchema


def schema_record(note_type: NoteType) -> NoteTypeSchema:
    """What the lockfile keeps of a note type's frozen schema."""
    return NoteTypeSchema(
        note_type.id, note_type.kind, tuple(note_type.fields), tuple(t.name for t in note_type.templates)
    )


def check_frozen_schema(note_types: Iterable[NoteType], lock: Lock, new_lock: Lock) -> None:
    """Raise SchemaFrozenError if a shipped note type's schema changed; record every schema in ``new_lock``."""
    shipped = {r.schema.id: (name, r.schema) for name, r in lock.notetypes.items() if r.schema is not None}
    findings: list[Finding] = []
    for note_type in note_types:
        current = schema_record(note_type)
        named = lock.notetypes.get(note_type.name)
        old_name, old = shipped.get(note_type.id, (note_type.name, named.schema if named else None))
        if old is not None and old != current:
            findings.append(_finding(note_type, old_name, old, current))
        record = new_lock.notetypes.get(note_type.name) or NoteTypeRecord("", 0)
        new_lock.notetypes[note_type.name] = replace(record, schema=current)
    if findings:
        raise SchemaFrozenError(findings)


def _finding(note_type: NoteType, old_name: str, old: NoteTypeSchema, new: NoteTypeSchema) -> Finding:
    changed = [
        f"{part}: {_show(getattr(old, part))} -> {_show(getattr(new, part))}"
        for part in ("id", "kind", "fields", "templates")
        if getattr(old, part) != getattr(new, part)
    ]
    return Finding(
        "deckgen.lock",
        0,
        f"note type '{old_name}' has shipped, and this build would change its schema ({'; '.join(changed)}). "
        f"Every learner's Anki would fork it into '{old_name}+' and stop receiving updates to these cards",
        "undo the change in deckgen/anki/notetypes.py: field names and order, template names and count, kind and id "
        "are frozen once shipped. Template text and CSS may change; put new content in a reserved field (Extra, Status)",
        "schema-frozen",
    )


def _show(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)
