"""What goes into an .apkg, as plain data (no genanki import, so planning stays fast)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PackagedNote:
    """One Anki note ready to write."""

    guid: str
    model_id: int
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    mod: int
    due: int
    with_cards: bool = True  # False for retired notes: fields update, nothing to study


@dataclass(frozen=True)
class PackagedDeck:
    """One Anki deck with its notes, in study order."""

    deck_id: int
    name: str
    description: str
    notes: tuple[PackagedNote, ...]
