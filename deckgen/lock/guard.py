"""Refuse a schema change to a note type that has already shipped.

Anki matches a note type by id and *schema* (kind, field names and order, template names
and count). Any schema change makes every learner's import fork it into "Name+" and stop
delivering updates (CONTRIBUTING.md, "What Anki does on import"). The lockfile records each
shipped note type's schema; a build whose note types differ from it stops here, before
anything is written. Template text and CSS are not schema: they may change freely.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from deckgen.anki.notetypes import NoteType
from deckgen.core.errors import Finding, SchemaFrozenError
from deckgen.lock.identity import Lock


def schema_record(note_type: NoteType) -> dict[str, Any]:
    """The JSON the lockfile keeps of a note type's frozen schema."""
    return {
        "id": note_type.id,
        "kind": note_type.kind,
        "fields": list(note_type.fields),
        "templates": [t.name for t in note_type.templates],
    }


def check_frozen_schema(note_types: Iterable[NoteType], lock: Lock, new_lock: Lock) -> None:
    """Raise SchemaFrozenError if a shipped note type's schema changed; record every schema in ``new_lock``."""
    shipped = {
        int(r["schema"]["id"]): (name, r["schema"])
        for name, r in lock.notetypes.items()
        if isinstance(r.get("schema"), dict)
    }
    findings: list[Finding] = []
    for note_type in note_types:
        current = schema_record(note_type)
        by_name = lock.notetypes.get(note_type.name, {}).get("schema")
        old_name, old = shipped.get(note_type.id, (note_type.name, by_name))
        if isinstance(old, dict) and old != current:
            findings.append(_finding(note_type, old_name, old, current))
        new_lock.notetypes.setdefault(note_type.name, {})["schema"] = current
    if findings:
        raise SchemaFrozenError(findings)


def _finding(note_type: NoteType, old_name: str, old: dict[str, Any], new: dict[str, Any]) -> Finding:
    changed = [
        f"{part}: {_show(old.get(part))} -> {_show(new.get(part))}"
        for part in ("id", "kind", "fields", "templates")
        if old.get(part) != new.get(part)
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
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)
