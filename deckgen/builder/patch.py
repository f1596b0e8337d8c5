"""A build after cards were edited in place: the last build's decks reused where none of their cards changed.

Every full build stores, per deck, the notes its package shipped (one memo row per deck,
keyed by the package's digest, rewritten only when the deck's package changes). When a
card edit stops the replay (:mod:`deckgen.builder.incremental`), the replay has proven
that every input but the edited note files is the last full build's (deckgen.lock byte for
byte, manifests, tracks, settings, code); the full plan then runs, but:

* a note file unchanged since that build takes its cards' shipped rows (GUID, rendered
  fields, tags, ``mod``) from the stored rows instead of rendering and stamping them again;
* a deck none of whose cards was planned again ships its stored live notes as they are
  (its positions and its release are the last build's).

A stored row is used only once proven to be what the last build shipped: its deck's rows
are hashed as the package writer hashes them (with the release number and date the lock
records) and must give the package digest the last build state records; its live rows
must be the deck's cards in the deck's order; and each card's record must be unchanged and
plain. Anything else (a row missing, malformed or stale, images, a card in several decks or
retired) plans that note or deck the full way. The plan is the one code that decides what
ships; this only hands it what it would compute again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from deckgen.core.diskcache import PROJECT, NoteCache
from deckgen.core.model import filled

if TYPE_CHECKING:
    from deckgen.anki.packaged import PackagedDeck
    from deckgen.builder.release import DeckRelease, ShipNote
    from deckgen.core.config import Config
    from deckgen.core.model import BuiltDeck, Card, DeckSpec
    from deckgen.lock.identity import BuiltCard
    from deckgen.lock.records import Lock

ROWS = PROJECT + "deck-rows:"  # + deck slug: the notes the deck's package shipped, by the package's digest
# (uid, guid, note type id, fields, tags, mod, due, with cards), in the package's order
Row = tuple[str, str, int, tuple[str, ...], tuple[str, ...], int, int, bool]


def _valid_rows(value: Any) -> bool:
    # the typed decoder checked every item against list[Row]; what is left is the rows' own consistency, and
    # fields deckgen could have written (the cache is untrusted: a deck whose rows fail is planned in full)
    from deckgen.anki.render import safe_field

    return isinstance(value, list) and all(safe_field(f, cloze=True) for row in value for f in row[3])


def remember_decks(cache: NoteCache, releases: Sequence[DeckRelease], digests: Mapping[str, str]) -> None:
    """Store each built deck's shipped notes under its package digest (``digests``: the writer's, by output name).

    A deck whose package is unchanged keeps its row: only changed decks are encoded again.
    """
    for release in releases:
        digest = digests.get(f"{release.spec.slug}.apkg")
        key = ROWS + release.spec.slug
        if digest is None or cache.holds(key, digest):
            continue
        rows = [(n.uid, n.guid, n.model_id, n.fields, n.tags, n.mod, n.due, n.with_cards) for n in release.notes]
        cache.put(key, digest, rows, list[Row])


@dataclass
class Reuse:
    """The last full build's shipped rows, for a plan whose only changed inputs are ``changed`` note files."""

    config: Config
    cache: NoteCache
    deck_digests: Mapping[str, str]  # the last build's package digests, by output name
    changed: frozenset[str]  # note paths whose bytes differ from the last full build's
    package: Callable[[DeckRelease], PackagedDeck]  # the package writer's deck (pipeline.packaged_deck)
    rows: dict[str, ShipNote] = field(default_factory=dict)  # by uid: live rows proven shipped
    live: dict[str, tuple[ShipNote, ...]] = field(default_factory=dict)  # by deck slug: its proven live rows
    kept: set[str] = field(default_factory=set)  # uids whose shipped row this plan took as it was
    # by output name: a deck's package as proven above, with its note types and digest (the writer need not hash it again)
    proven: dict[str, tuple[PackagedDeck, list[tuple[Any, int]], str]] = field(default_factory=dict)

    def load(self, specs: Sequence[DeckSpec], decks: Sequence[BuiltDeck], lock: Lock) -> None:
        """Read and prove every built deck's stored rows; a deck whose rows do not prove out is planned in full."""
        from deckgen.anki.notetypes import note_types
        from deckgen.builder.release import DeckRelease, ShipNote

        mods = {}
        for nt in note_types():
            record = lock.notetypes.get(nt.name)
            if record is None:
                return
            mods[nt.id] = record.mod
        nts = [(nt, mods[nt.id]) for nt in note_types()]
        for deck in decks:
            slug = deck.spec.slug
            old = lock.releases.get(slug)
            digest = self.deck_digests.get(f"{slug}.apkg")
            if old is None or digest is None or old.merged or deck.spec.name not in old.names:
                continue
            stored = self.cache.get(ROWS + slug, digest, _valid_rows, list[Row], typed_only=True)
            if stored is None:
                continue
            notes = tuple(
                filled(ShipNote, guid=g, model_id=m, fields=f, tags=t, mod=mod, due=due, with_cards=w, uid=uid)
                for uid, g, m, f, t, mod, due, w in stored
            )
            live = notes[: len(deck.cards)]
            if [n.uid for n in live] != [c.uid for c in deck.cards] or not all(n.with_cards for n in live):
                continue  # not this deck's cards in this deck's order
            previous = tuple(name for name in old.names if name != deck.spec.name)
            release = DeckRelease(deck.spec, old.version, old.time, False, previous, notes)
            if not self.shipped(release, nts, digest):
                continue  # not what the last build shipped in this deck
            self.live[slug] = live
            for note in live:
                self.rows.setdefault(note.uid, note)

    def shipped(self, release: DeckRelease, note_types: Sequence[tuple[Any, int]], digest: str) -> bool:
        """Whether ``release`` packaged is what the last build wrote in the package it recorded as ``digest``."""
        from deckgen.builder.cache import package_digest

        package = self.package(release)
        if package_digest([package], note_types) != digest:
            return False
        self.proven[f"{release.spec.slug}.apkg"] = (package, list(note_types), digest)
        return True

    def built(
        self, cards: Sequence[Card], decks: Sequence[Sequence[str]], lock: Lock, new_lock: Lock
    ) -> list[BuiltCard] | None:
        """The built cards of one unchanged note from its shipped rows, or None when any card needs stamping.

        The note's file is the last full build's and so is its lock record: stamping, then
        plan_releases, would give each card that very record again (the checks below are theirs:
        its text, deck, decks and positions as recorded), and the row shipped is what rendering
        gives again.
        """
        from deckgen.lock.identity import BuiltCard

        built = []
        records = lock.cards.get(cards[0].note_id, {}) if cards else {}
        for card, names in zip(cards, decks):
            row = self.rows.get(card.uid)
            old = records.get(card.key)
            if (
                row is None
                or old is None
                or card.note_id != cards[0].note_id
                or not names  # in no deck: retired as deckless by the plan
                or row.mod != old.mod
                or old.retired
                or old.front != card.front
                or old.back != card.back
                or old.deck != names[0]
                or old.origin != card.origin.split(":")[0]
                or old.explicit != card.explicit_id
                or old.reverse != card.reverse
                # the decks and positions plan_releases would give the record again (see there)
                or old.decks != (tuple(names) if len(names) > 1 else ())
                or any(name not in names or name == old.deck for name, _ in old.dues)
                or old.retired_mod
                or old.retired_hash
                or old.moved_to
                or old.left
                or "![" in card.front
                or "![" in card.back
                or "![" in card.extra  # images: what ships also depends on the files
            ):
                return None
            built.append(
                filled(
                    BuiltCard,
                    card=card,
                    guid=row.guid,
                    fields=row.fields,
                    content_hash=old.hash,
                    mod=old.mod,
                    status="unchanged",
                    media=(),
                    decks=tuple(names),
                )
            )
        for result in built:
            card = result.card
            new_lock.put(card.note_id, card.key, records[card.key])
            self.kept.add(card.uid)
        return built

    def unchanged_decks(self, decks: Iterable[BuiltDeck]) -> dict[str, tuple[ShipNote, ...]]:
        """By slug, the proven live rows of each deck whose every card this plan kept as shipped."""
        return {
            deck.spec.slug: self.live[deck.spec.slug]
            for deck in decks
            if deck.spec.slug in self.live and all(card.uid in self.kept for card in deck.cards)
        }
