"""Helpers that drive the real Anki engine (the ``anki`` package from PyPI) in tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from anki import import_export_pb2 as ie
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.scheduler_pb2 import CardAnswer


@dataclass
class ImportLog:
    """Counts of what one import did, by the importer's own log kinds."""

    new: int
    updated: int
    duplicate: int
    conflicting: int
    other: dict[str, int]


def open_collection(path: Path) -> Collection:
    """Open (creating if needed) a collection file."""
    return Collection(str(path))


def import_apkg(col: Collection, apkg: Path) -> ImportLog:
    """Import with the options a learner sees pre-filled in Anki's import dialog."""
    options = ImportAnkiPackageOptions(
        merge_notetypes=False,
        update_notes=ie.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        update_notetypes=ie.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        with_scheduling=False,
        with_deck_configs=False,
    )
    response = col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options))
    col.models._clear_cache()  # the Python notetype cache is stale after an import
    log = response.log
    other = {
        kind: len(getattr(log, kind))
        for kind in ("first_field_match", "missing_notetype", "missing_deck", "empty_first_field")
    }
    return ImportLog(len(log.new), len(log.updated), len(log.duplicate), len(log.conflicting), other)


def review(col: Collection, deck_name: str, answers: int, rating: Any = CardAnswer.GOOD) -> list[int]:
    """Answer ``answers`` cards of ``deck_name`` with ``rating``; return the card ids answered."""
    deck_id = col.decks.id_for_name(deck_name)
    assert deck_id, f"deck {deck_name!r} not in collection"
    col.decks.select(deck_id)
    answered = []
    for _ in range(answers):
        queued = col.sched.get_queued_cards(fetch_limit=1).cards
        if not queued:
            break
        card = col.get_card(queued[0].card.id)
        card.start_timer()
        col.sched.answer_card(col.sched.build_answer(card=card, states=queued[0].states, rating=rating))
        answered.append(card.id)
    return answered


def snapshot(col: Collection) -> dict[str, Any]:
    """Notes by GUID with fields, tags, mod; cards with scheduling; revlog ids."""
    notes = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        notes[note.guid] = {
            "id": nid,
            "fields": dict(note.items()),
            "tags": list(note.tags),
            "mod": note.mod,
            "notetype": note.note_type()["name"],
        }
    cards = {}
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        cards[cid] = {
            "nid": card.nid,
            "ord": card.ord,
            "ivl": card.ivl,
            "due": card.due,
            "queue": card.queue,
            "type": card.type,
            "reps": card.reps,
            "deck": col.decks.name(card.did),
        }
    revlog = [row[0] for row in col.db.all("select id from revlog order by id")]
    return {"notes": notes, "cards": cards, "revlog": revlog}
