"""The rendered-fields memo knows a card by everything it holds: any change to a card renders it again."""

from __future__ import annotations

import dataclasses

from deckgen.builder.rendering import memo_key
from deckgen.core.model import Card


def test_every_field_of_a_card_is_in_its_memo_key() -> None:
    """Changing any one field of a card (texts, kind, origin, place, tags, ...) gives it another memo key."""
    card = Card("n1", "k1", "basic", "Q?", "A.", "x", False, "authored", "content/n1.md", 3, ("t",), (), False)
    other: dict[type, object] = {str: "other", int: 99, bool: True, tuple: ("other",)}
    seen = {memo_key(card)}
    for field in dataclasses.fields(Card):
        value = "cloze" if field.name == "kind" else other[type(getattr(card, field.name))]
        key = memo_key(dataclasses.replace(card, **{field.name: value}))
        assert key not in seen, field.name
        seen.add(key)
    assert memo_key(dataclasses.replace(card)) == memo_key(card)  # equal cards, one key
    assert card.uid == "n1/k1"  # a cached property, kept on the card once asked: not part of its key
    assert memo_key(card) == memo_key(dataclasses.replace(card))
