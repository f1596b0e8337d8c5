"""What each deck ships in this release: live notes, retired notes, version and date.

A deck's release number goes up only when what it ships changes (a note's ``mod``, a
retirement, the order, its name or description, or a note type's templates/CSS), so a
rebuild of unchanged sources gives the same number, date and bytes. The numbers live in
``deckgen.lock`` under ``releases``, keyed by the manifest's file name so a renamed deck
keeps counting and remembers its earlier names (its learners' cards stay under them).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from deckgen.anki.notetypes import note_type_for
from deckgen.anki.packaged import PackagedNote
from deckgen.anki.render import escape, render_markdown
from deckgen.core.model import BuiltDeck, Card, DeckSpec, Note
from deckgen.lock.identity import BuiltCard, guid_of, stable_hash
from deckgen.lock.order import assign_positions
from deckgen.lock.records import CardRecord, Lock, ReleaseRecord
from deckgen.lock.retire import record_card, release_date, retired_fields, retired_tags


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
    merged: bool = False  # the last release record came from merging two branches' releases

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


def home_decks(specs: Sequence[DeckSpec], lock: Lock) -> dict[str, DeckSpec]:
    """By deck name, the manifest that builds (or built, under an earlier name) that deck."""
    homes: dict[str, DeckSpec] = {}
    for spec in specs:
        homes.setdefault(spec.name, spec)  # a current name wins over any earlier one
    earlier: dict[str, DeckSpec] = {}
    for spec in specs:
        old = lock.releases.get(spec.slug)
        for name in old.names if old is not None else ():
            earlier.setdefault(name, spec)
    for name, spec in earlier.items():
        homes.setdefault(name, spec)
    return homes


def plan_releases(
    specs: Sequence[DeckSpec],
    built: Sequence[BuiltDeck],
    notes: Mapping[str, Note],
    cards: Mapping[str, BuiltCard],
    tags_of: Callable[[Card], tuple[str, ...]],
    lock: Lock,
    new_lock: Lock,
    namespace: str,
    notetype_mods: Mapping[int, int],
    now: int,
    reuse: Mapping[str, tuple[ShipNote, ...]] | None = None,
) -> tuple[list[DeckRelease], list[str]]:
    """Each built deck's notes (live in deck order, then retired) and release; record it in ``new_lock``.

    Retired cards are shipped (for ever) in the deck they were last in, so a learner
    who skips releases still gets them marked. Returns the releases and warnings.
    ``reuse``: by deck slug, the live notes the last build shipped in a deck none of whose
    cards changed since (nor their positions, see :mod:`deckgen.builder.patch`), taken as they are.
    """
    warnings: list[str] = []
    homes = home_decks(specs, lock)
    retired_by_deck: dict[str, list[ShipNote]] = {}
    lost: dict[str, int] = {}
    leaving: list[tuple[str, str]] = []  # live cards that left a deck, in the lock's order
    for note_id, key, record in list(new_lock.records()):
        if not record.retired:
            built_card = cards.get(f"{note_id}/{key}")
            names = built_card.decks if built_card is not None else ()
            # retire it in every deck it shipped in
            decks = names if len(names) > 1 and not record.moved_to else ()
            # positions only for the other decks it is still in (a deck it left forgets it)
            dues = (
                tuple((name, due) for name, due in record.dues if name in decks and name != record.deck)
                if record.dues
                else ()
            )
            left = _left_decks(lock.card(note_id, key), names, homes) if names and not record.moved_to else ()
            if decks != record.decks or dues != record.dues or left != record.left:
                new_lock.put(note_id, key, replace(record, decks=decks, dues=dues, left=left))
            if left and built_card is not None and not record.moved_to:
                leaving.append((note_id, key))
            continue
        card = record_card(note_id, key, record)
        note = notes.get(note_id)
        model_id, values = retired_fields(card, note, record.retired)
        live_tags = tags_of(Card(note_id, key, card.kind, card.front, tags=note.tags if note else ()))
        tags = retired_tags(live_tags)
        # The retired note's content can still change (its note file edited or deleted): then it
        # needs a newer mod, or learners never get it. A record without a hash adopts the current one.
        shipped_hash = stable_hash(model_id, values, tags)
        if record.retired_hash != shipped_hash:
            changed = bool(record.retired_hash)
            record = replace(
                record,
                retired_hash=shipped_hash,
                retired_mod=max(now, record.shipped_mod + 1) if changed else record.retired_mod,
            )
            new_lock.put(note_id, key, record)
        shipped_note = ShipNote(
            guid_of(namespace, note_id, key, record.anchor),
            model_id,
            values,
            tags,
            record.retired_mod or record.retired,
            0,
            with_cards=False,
            uid=card.uid,
        )
        shipped_in = {homes[name].slug for name in record.all_decks if name in homes}
        for name in record.all_decks:
            if name not in homes:
                lost[name] = lost.get(name, 0) + 1
        for slug in sorted(shipped_in):
            retired_by_deck.setdefault(slug, []).append(shipped_note)
    for deck_name, count in sorted(lost.items()):
        warnings.append(
            f"{count} retired card(s) were last in deck '{deck_name or '(none)'}', which no manifest builds any more, "
            "so learners of that deck will not see them marked retired — keep a manifest for that deck (or rename it back)"
        )

    # A card that left a deck but lives on in another keeps shipping in the deck it left as its
    # note without cards, with its live content and mod (the same GUID ships live elsewhere, so
    # it cannot be marked retired): that deck's learners keep getting its updates, newcomers
    # get nothing to study, and the changelog tells learners to move or suspend it.
    # (collected above: the only records whose ``left`` is set once the loop above has run)
    for note_id, key in leaving:
        record = new_lock.cards[note_id][key]
        built_card = cards[f"{note_id}/{key}"]
        card = built_card.card
        shipped_note = ShipNote(
            built_card.guid,
            note_type_for(card).id,
            built_card.fields,
            tags_of(card),
            built_card.mod,
            0,
            with_cards=False,
            uid=card.uid,
        )
        for slug in sorted({homes[name].slug for name in record.left if name in homes}):
            retired_by_deck.setdefault(slug, []).append(shipped_note)

    history = dict(lock.releases)
    releases: list[DeckRelease] = []
    for deck in built:
        old = history.get(deck.spec.slug)
        kept = reuse.get(deck.spec.slug) if reuse else None
        positions = _positions(deck, lock, old.names if old else ()) if kept is None else {}
        live = list(kept or ())
        for card in deck.cards if kept is None else ():
            uid = card.uid
            record = new_lock.cards[card.note_id][card.key]
            position = positions[uid]
            # the position this card keeps for good, in each deck it ships in, so a rebuild from
            # the lock alone (a fresh clone) computes the same positions
            if record.deck == deck.spec.name:
                if record.due != position:
                    new_lock.put(card.note_id, card.key, replace(record, due=position))
            elif dict(record.dues).get(deck.spec.name) != position:
                dues = tuple(sorted({**dict(record.dues), deck.spec.name: position}.items()))
                new_lock.put(card.note_id, card.key, replace(record, dues=dues))
            shipped = cards[uid]
            live.append(
                ShipNote(
                    shipped.guid,
                    note_type_for(card).id,
                    shipped.fields,
                    tags_of(card),
                    shipped.mod,
                    position,
                    uid=uid,
                )
            )
        notes_shipped = tuple(live + retired_by_deck.get(deck.spec.slug, []))  # live first, then retired
        digest = stable_hash(
            deck.spec.name,
            deck.spec.description,
            sorted(notetype_mods.items()),
            [(n.guid, n.mod, n.due, n.with_cards) for n in notes_shipped],
        )
        known = list(old.names) if old else []
        bumped = old is None or old.digest != digest
        version = (old.version if old else 0) + 1 if bumped else (old.version if old else 1)
        # a release is never dated before the one it follows (a CI engineer's try: SOURCE_DATE_EPOCH from an old commit
        # put 'Release 22 — 2001-09-09' above 'Release 21 — 2026-12-04'), as a card's change time never goes back
        when = max(now, old.time) if bumped and old is not None else now if old is None else old.time
        previous = tuple(n for n in known if n != deck.spec.name)
        if deck.spec.name not in known:
            known.append(deck.spec.name)
        history[deck.spec.slug] = ReleaseRecord(digest, tuple(known), when, version)
        releases.append(
            DeckRelease(deck.spec, version, when, bumped, previous, notes_shipped, bool(old and old.merged))
        )
    new_lock.releases = history
    return releases, warnings


def _left_decks(old: CardRecord | None, now_in: Sequence[str], homes: Mapping[str, DeckSpec]) -> tuple[str, ...]:
    """Decks (by the name it shipped under) a live card has left; a renamed deck is not left."""
    if old is None or not old.live:
        return ()
    if not old.left and all(name in now_in for name in old.all_decks):
        return ()  # still in every deck it shipped in (the commonest case, answered without the homes)
    here = {homes[name].slug for name in now_in if name in homes}
    left = []
    for name in (*old.left, *old.all_decks):
        home = homes.get(name)
        if home is not None and home.slug not in here and name not in left:
            left.append(name)
    return tuple(left)


def _positions(deck: BuiltDeck, lock: Lock, earlier_names: Sequence[str]) -> dict[str, int]:
    """New-card positions for the deck: earlier positions kept, new cards fitted between them.

    A card pinned with an ``id:`` in its own note keeps the place it had under its earlier key.
    """
    names = {deck.spec.name, *earlier_names}
    stored = {}
    cards = lock.cards
    for card in deck.cards:
        old = cards.get(card.note_id, {}).get(card.key)
        if old is None and card.shipped_as:  # pinned in this build: shipped as (and placed as) its earlier self
            old = lock.card_by_uid(card.shipped_as)
        due = old.position_in(names) if old is not None and not old.retired else None
        if due is not None:
            stored[card.uid] = due
    return assign_positions([card.uid for card in deck.cards], stored)
