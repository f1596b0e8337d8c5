"""What each deck ships in this release: live notes, retired notes, version and date.

A deck's release number goes up only when what it ships changes (a note's ``mod``, a
retirement, the order, its name or description, or a note type's templates/CSS), so a
rebuild of unchanged sources gives the same number, date and bytes. The numbers live in
``deckgen.lock`` under ``releases``, keyed by the manifest's file name so a renamed deck
keeps counting and remembers its earlier names (its learners' cards stay under them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from deckgen.lock.identity import Lock, Stamped, card_guid, stable_hash
from deckgen.core.model import BuiltDeck, Card, DeckSpec, Note
from deckgen.anki.notetypes import note_type_for
from deckgen.anki.packaged import PackagedNote
from deckgen.lock.order import assign_positions
from deckgen.anki.render import escape, render_markdown
from deckgen.lock.retire import record_card, release_date, retired_fields, retired_tags

RELEASES_KEY = "releases"


@dataclass(frozen=True)
class ShipNote(PackagedNote):
    """One note as this release ships it: what ``package.write_apkg`` writes, plus the card's uid for reports."""

    uid: str = ""


@dataclass(frozen=True)
class DeckRelease:
    """One deck's package contents and release number."""

    spec: DeckSpec
    version: int
    time: int
    bumped: bool  # this build changes what the deck ships
    previous_names: tuple[str, ...]  # names the deck shipped under before, oldest first
    notes: tuple[ShipNote, ...]

    @property
    def date(self) -> str:
        """The release date, ``YYYY-MM-DD`` (UTC)."""
        return release_date(self.time)

    @property
    def description(self) -> str:
        """The deck description shown in Anki: the manifest's text plus release and date."""
        body = render_markdown(self.spec.description)
        stamp = f'<p class="dg-release">Release {self.version} · {escape(self.date)}</p>'
        return f"{body}\n{stamp}" if body else stamp


def guid_of(namespace: str, note_id: str, key: str, record: Mapping[str, Any] | None = None) -> str:
    """A card's GUID: from its place, or from the place it had before it moved to another note."""
    anchor = str((record or {}).get("anchor", ""))
    if anchor and "/" in anchor:
        anchor_note, anchor_key = anchor.split("/", 1)
        return card_guid(namespace, anchor_note, anchor_key)
    return card_guid(namespace, note_id, key)


def deck_history(lock: Lock) -> dict[str, dict[str, Any]]:
    """The lock's release records, by manifest slug."""
    value = lock.extra.get(RELEASES_KEY, {})
    return value if isinstance(value, dict) else {}


def record_decks(record: Mapping[str, Any]) -> list[str]:
    """Every deck a lock record's card shipped in (``decks`` when several, else ``deck``)."""
    names = record.get("decks") or ([record["deck"]] if record.get("deck") else [])
    return [str(name) for name in names]


def home_deck(deck_name: str, specs: Sequence[DeckSpec], lock: Lock) -> DeckSpec | None:
    """The manifest that builds (or built, under an earlier name) the deck ``deck_name``."""
    for spec in specs:
        if spec.name == deck_name:
            return spec
    history = deck_history(lock)
    for spec in specs:
        if deck_name in history.get(spec.slug, {}).get("names", []):
            return spec
    return None


def plan_releases(
    namespace: str,
    specs: Sequence[DeckSpec],
    built: Sequence[BuiltDeck],
    notes: Mapping[str, Note],
    stamped: Mapping[str, Stamped],
    fields: Mapping[str, tuple[str, ...]],
    tags_of: Callable[[Card], tuple[str, ...]],
    lock: Lock,
    new_lock: Lock,
    notetype_mods: Mapping[int, int],
    now: int,
    decks_of: Mapping[str, Sequence[str]] | None = None,
) -> tuple[list[DeckRelease], list[str]]:
    """Each built deck's notes (live in deck order, then retired) and release; record it in ``new_lock``.

    Retired cards are shipped (for ever) in the deck they were last in, so a learner
    who skips releases still gets them marked. Returns the releases and warnings.
    """
    warnings: list[str] = []
    retired_by_deck: dict[str, list[ShipNote]] = {}
    lost: dict[str, int] = {}
    for note_id, records in sorted(new_lock.cards.items()):
        for key, record in sorted(records.items()):
            retired_at = record.get("retired")
            if not retired_at:
                names = list((decks_of or {}).get(f"{note_id}/{key}", ()))
                if len(names) > 1 and not record.get("moved_to"):
                    record["decks"] = names  # retire it in every deck it shipped in
                else:
                    record.pop("decks", None)
                continue
            card = record_card(note_id, key, record)
            note = notes.get(note_id)
            model_id, values = retired_fields(card, note, int(retired_at))
            live_tags = tags_of(Card(note_id, key, card.kind, card.front, tags=note.tags if note else ()))
            shipped_note = ShipNote(guid_of(namespace, note_id, key, record), model_id, values,
                                    retired_tags(live_tags), int(retired_at), 0, with_cards=False, uid=card.uid)
            homes = {spec.slug: spec for spec in (home_deck(name, specs, lock) for name in record_decks(record)) if spec}
            for name in record_decks(record):
                if home_deck(name, specs, lock) is None:
                    lost[name] = lost.get(name, 0) + 1
            for slug in sorted(homes):
                retired_by_deck.setdefault(slug, []).append(shipped_note)
    for deck_name, count in sorted(lost.items()):
        warnings.append(
            f"{count} retired card(s) were last in deck '{deck_name or '(none)'}', which no manifest builds any more, "
            "so learners of that deck will not see them marked retired — keep a manifest for that deck (or rename it back)"
        )

    history = dict(deck_history(lock))
    releases: list[DeckRelease] = []
    for deck in built:
        positions = _positions(deck, lock, history.get(deck.spec.slug, {}).get("names", []))
        live = []
        for card in deck.cards:
            record = new_lock.cards[card.note_id][card.key]
            if record.get("deck") == deck.spec.name:
                record["due"] = positions[card.uid]  # the position this card keeps for good
            live.append(ShipNote(guid_of(namespace, card.note_id, card.key, record), note_type_for(card).id,
                                 fields[card.uid], tags_of(card), stamped[card.uid].mod, positions[card.uid], uid=card.uid))
        shipped = tuple(live + retired_by_deck.get(deck.spec.slug, []))
        digest = stable_hash(
            deck.spec.name, deck.spec.description, sorted(notetype_mods.items()),
            [(n.guid, n.mod, n.due, n.with_cards) for n in shipped],
        )
        old = history.get(deck.spec.slug, {})
        names = [str(n) for n in old.get("names", [])]
        bumped = old.get("digest") != digest
        version = int(old.get("version", 0)) + 1 if bumped else int(old.get("version", 1))
        when = now if bumped else int(old.get("time", now))
        previous = tuple(n for n in names if n != deck.spec.name)
        if deck.spec.name not in names:
            names.append(deck.spec.name)
        history[deck.spec.slug] = {"digest": digest, "names": names, "time": when, "version": version}
        releases.append(DeckRelease(deck.spec, version, when, bumped, previous, shipped))
    if history:
        new_lock.extra[RELEASES_KEY] = history
    return releases, warnings


def _positions(deck: BuiltDeck, lock: Lock, earlier_names: Sequence[str]) -> dict[str, int]:
    """New-card positions for the deck: earlier positions kept, new cards fitted between them."""
    names = {deck.spec.name, *earlier_names}
    stored = {}
    for card in deck.cards:
        old = lock.cards.get(card.note_id, {}).get(card.key, {})
        if "due" in old and old.get("deck") in names and not old.get("retired"):
            stored[card.uid] = int(old["due"])
    return assign_positions([card.uid for card in deck.cards], stored)
