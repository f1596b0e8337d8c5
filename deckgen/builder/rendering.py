"""A card as it ships: its tags and rendered field values, and the content hash its identity is stamped with."""

from __future__ import annotations

import dataclasses
import hashlib
import operator
from collections.abc import Sequence

from deckgen.anki.notetypes import card_fields, note_type_for
from deckgen.anki.render import ImageResolver, safe_field
from deckgen.cards.load import Sources
from deckgen.core.model import Card, Note
from deckgen.lock.identity import fields_hash
from deckgen.sources.media import MediaStore

BASE_TAG = "deckgen"

# (field values, content hash, packaged names of the images it shows) of one card
Rendered = tuple[tuple[str, ...], str, tuple[str, ...]]
# a card's field values as one tuple, in C (a dataclass repr is a Python call per card, behind a recursion guard)
_card_values = operator.attrgetter(*(f.name for f in dataclasses.fields(Card)))


def card_tags(card: Card) -> tuple[str, ...]:
    """Tags shipped with a card: the note's tags plus ``deckgen`` (sorted, no repeats)."""
    return tuple(sorted({BASE_TAG, *card.tags}))


def rendered_cards(sources: Sources, note: Note, cards: Sequence[Card], store: MediaStore) -> list[Rendered]:
    """Each of ``note``'s ``cards`` rendered, with its content hash and images (memoised per note file)."""
    # rendering is a pure function of the note's file (and images, which opt out of the memo)
    memo: dict[tuple[str, str], tuple[tuple[str, ...], str]] = sources.remembered(
        "fields", note, dict, _valid_fields_memo
    )
    rendered: list[Rendered] = []
    for card in cards:
        used: list[str] = []
        key = memo_key(card)
        known = memo.get(key)
        if known is None:
            values = card_fields(card, note, images=_recording(store.resolver(note.path), used))
            known = memo[key] = (values, fields_hash(note_type_for(card).id, values, card_tags(card)))
            if sources.cache is not None:
                sources.cache.dirty = True
        rendered.append((known[0], known[1], tuple(sorted(set(used)))))
    return rendered


def memo_key(card: Card) -> tuple[str, str]:
    """What the rendered-fields memo knows a card by: its key and a hash of everything it holds."""
    # the repr of its field values, hashed: the repr itself repeats the card's texts, which made
    # half of the memo's bytes to store, read and decode on every build
    return card.key, hashlib.sha256(repr(_card_values(card)).encode("utf-8")).hexdigest()


def _recording(resolve: ImageResolver, used: list[str]) -> ImageResolver:
    """Wrap an image resolver so the build knows which media each card ships."""

    def record(src: str) -> str | None:
        name = resolve(src)
        if name is not None:
            used.append(name)
        return name

    return record


def _valid_fields_memo(value: object) -> bool:
    """A note's rendered-fields memo: {(key, sha256 of the repr of the card's values): (field values, content hash)}.

    Its shape was checked by the memo's typed decoder (``SCHEMAS["fields"]``, item by item). The cache is
    untrusted input, and these values go into packages and pages as they are: each must be HTML deckgen could
    have written (:func:`deckgen.anki.render.safe_field`), else the note is rendered again.
    """
    return isinstance(value, dict) and all(safe_field(v, cloze=True) for values, _ in value.values() for v in values)
