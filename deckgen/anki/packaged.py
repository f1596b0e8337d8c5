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
class DeckPreset:
    """An Anki deck options preset shipped with a package (the learner must import presets to get it).

    Anki adds a package's preset only when the collection has none with this id and never
    updates one it has, so a new pace needs a new id (see deckgen.builder.bundles.pace_preset).
    """

    preset_id: int
    name: str
    new_per_day: int


@dataclass(frozen=True)
class PackagedDeck:
    """One Anki deck with its notes, in study order."""

    deck_id: int
    name: str
    description: str
    notes: tuple[PackagedNote, ...]
    preset: DeckPreset | None = None  # the deck options preset the deck uses; None: Anki's default
