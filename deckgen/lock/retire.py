"""Retired cards: how a card removed from the sources is shipped so learners can find it.

An ``.apkg`` import can neither delete nor suspend (CONTRIBUTING.md, "What Anki does on
import"), so a retired card is shipped as its note with **no card rows**:
a learner who already has the card gets the note updated in place — a "Retired" badge in
the ``Status`` field and the tag :data:`RETIRED_TAG`, so one search finds every retired
card — while a learner importing the deck for the first time gets a note with nothing to
study. The lockfile remembers each retirement (``"retired": <time>``), so the shipped
note and its ``mod`` never change again and the card's identity is never reused.
"""

from __future__ import annotations

import time

from deckgen.anki.notetypes import card_fields, note_type_for
from deckgen.core.model import Card, Note
from deckgen.lock.records import CardRecord

RETIRED_TAG = "deckgen::retired"
RETIRED_SEARCH = f"tag:{RETIRED_TAG}"
DECKLESS = "its note is no longer in any deck"  # why a card still in the notes is retired


def release_date(timestamp: int) -> str:
    """``YYYY-MM-DD`` (UTC) of a Unix time: what learners see as a release or retirement date."""
    return time.strftime("%Y-%m-%d", time.gmtime(timestamp))


def retired_status(retired_at: int) -> str:
    """The badge text shown at the top of a retired card."""
    return (
        f"Retired on {release_date(retired_at)}: this card is no longer part of the deck. "
        f"Suspend or delete it; the Browse search {RETIRED_SEARCH} finds every retired card."
    )


def record_card(note_id: str, key: str, record: CardRecord) -> Card:
    """Rebuild the card a lock record describes, as it was last shipped (Markdown texts)."""
    # Authored and generated Q/A cards always have an answer; only cloze cards have none.
    return Card(
        note_id=note_id,
        key=key,
        kind="cloze" if not record.back else "basic",
        front=record.front,
        back=record.back,
        reverse=record.reverse,
        shipped_as=record.shipped_as,
    )


def retired_fields(card: Card, note: Note | None, retired_at: int) -> tuple[int, tuple[str, ...]]:
    """The note type id and fields that mark ``card`` retired.

    The question and answer stay (the learner's card must keep rendering a real front and
    back), the ``Status`` field carries the notice. ``Reverse`` keeps its value so an
    existing reverse card never turns blank. A note whose file is gone has no context line.
    """
    source = note if note is not None else Note(id=card.note_id, title="", path="")
    values = card_fields(card, source, status=retired_status(retired_at))
    if note is None:
        names = note_type_for(card).fields
        values = tuple("" if name in ("Context", "Source") else value for name, value in zip(names, values))
    return note_type_for(card).id, values


def retired_tags(live_tags: tuple[str, ...]) -> tuple[str, ...]:
    """Tags shipped with a retired note: its last tags plus the retired tag."""
    return tuple(sorted({*live_tags, RETIRED_TAG}))
