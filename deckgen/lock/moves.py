"""Cards that moved to another note (or whose note changed its ``id``) keep their identity.

A card's GUID comes from (namespace, note id, key), so a card cut from one note and
pasted into another would otherwise reach learners as a new card while the old one is
retired. After each note's own matching (identity.resolve_keys), a card that found no
earlier self in its note is matched to a card that disappeared from *another* note when
exactly one such pair shares the same explicit ``id:``, else the same answer (of three
words or more), else the same question. Only authored cards move. Nothing fuzzy is tried across notes: that would be a guess. The matched
card records an ``anchor`` (the place its GUID comes from) in the lockfile, and the old
record is kept as ``moved_to`` so its identity is never handed to another card.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from deckgen.core.model import Card, CardChange, ChangeStatus
from deckgen.core.text import normalize
from deckgen.lock.identity import BuiltCard, MatchDecision, guid_of
from deckgen.lock.records import CardRecord, Lock


@dataclass(frozen=True)
class Move:
    """A card now at ``uid`` that used to be the lock record ``previous_uid``."""

    uid: str
    previous_uid: str
    anchor: str
    reason: str


def _orphans(cards_by_note: Mapping[str, list[Card]], lock: Lock) -> dict[str, CardRecord]:
    """Live lock records whose card is gone from its note (they would be retired), by uid."""
    orphans = {}
    for note_id, records in lock.cards.items():
        present = {c.key for c in cards_by_note.get(note_id, [])}
        for key, record in records.items():
            if key not in present and record.live:
                orphans[f"{note_id}/{key}"] = record
    return orphans


def renames(decisions: Sequence[MatchDecision], lock: Lock) -> list[Move]:
    """Cards that just got an ``id:`` and were matched to the key they had before, as moves within their note."""
    moves = []
    for d in decisions:
        if d.previous_key and d.previous_key != d.key and "/" not in d.previous_key:
            previous = f"{d.note_id}/{d.previous_key}"
            record = lock.card(d.note_id, d.previous_key)
            moves.append(
                Move(f"{d.note_id}/{d.key}", previous, (record.anchor if record else "") or previous, d.reason)
            )
    return moves


def keep_shipped_ids(cards_by_note: dict[str, list[Card]], lock: Lock, pinned: Sequence[Move]) -> None:
    """Give each card pinned with an ``id:`` (in this build or an earlier one) the DeckgenId its Anki note holds.

    ``pinned``: this build's renames within a note (their cards have no record under the new
    key yet): each ships the DeckgenId its earlier record shipped, so pinning alone changes
    nothing learners have. Later builds read it from the card's record (``shipped_as``): it
    is state, never guessed from the anchor, so the build that pins and every build after it
    ship the same note (a card that moved away and came back also has an anchor in its own
    note, and ships its uid). A card that moves to another note gets a new record and ships
    its new uid: a move updates learners' copies anyway, and a DeckgenId stays within its note.
    """
    previous = {m.uid: m.previous_uid for m in pinned}
    for note_id, cards in cards_by_note.items():
        records = lock.cards.get(note_id, {})
        for index, card in enumerate(cards):
            was = previous.get(card.uid)
            if was is not None:
                old = lock.card_by_uid(was)
                shipped = (old.shipped_as if old is not None else "") or was
            else:
                record = records.get(card.key)
                if record is None or not record.shipped_as:
                    continue  # (almost every card)
                shipped = record.shipped_as
            if shipped != card.uid:
                cards[index] = replace(card, shipped_as=shipped)


def match_moves(
    cards_by_note: dict[str, list[Card]], lock: Lock, taken: Sequence[Move] = ()
) -> tuple[list[Move], list[MatchDecision]]:
    """Pair cards new to their note with cards gone from another note; never guess between two.

    ``taken`` are moves already decided (cards pinned with a new ``id:``): neither side is matched again.
    """
    # Only authored cards: a generated card's identity is its rule (two notes' "who wrote it?"
    # cards share an answer whenever they share an author, and are not the same card).
    claimed = {m.previous_uid for m in taken}
    placed = {m.uid for m in taken}
    orphans = {
        uid: r for uid, r in _orphans(cards_by_note, lock).items() if r.origin == "authored" and uid not in claimed
    }
    homeless = [
        c
        for cards in cards_by_note.values()
        for c in cards
        if c.key not in lock.cards.get(c.note_id, {}) and c.origin == "authored" and c.uid not in placed
    ]
    moves: list[Move] = []
    decisions: list[MatchDecision] = []
    rules: tuple[tuple[str, Callable[[Card], str | None], Callable[[str, CardRecord], str | None]], ...] = (
        (
            "the same id",
            lambda c: c.key if c.explicit_id else None,
            lambda uid, r: uid.split("/", 1)[1] if r.explicit else None,
        ),
        ("the same answer", lambda c: _telling(c.back), lambda uid, r: _telling(r.back)),
        (
            "the same question",
            lambda c: normalize(c.front) or None,
            lambda uid, r: normalize(r.front) or None,
        ),
    )
    for label, card_value, record_value in rules:
        moved = {m.uid for m in moves}
        used = {m.previous_uid for m in moves}
        waiting = [c for c in homeless if c.uid not in moved]
        free = {uid: r for uid, r in orphans.items() if uid not in used}
        if not free:
            break  # nothing vanished that a card could have moved from (every first build)
        # Indexes instead of nested scans: a library's first build has every card "new".
        wanted_of = {c.uid: card_value(c) for c in waiting}
        rivals = Counter(v for v in wanted_of.values() if v is not None)
        free_by_value: dict[str, list[str]] = {}
        for uid, record in free.items():
            value = record_value(uid, record)
            if value is not None:
                free_by_value.setdefault(value, []).append(uid)
        for card in waiting:
            wanted = wanted_of[card.uid]
            if wanted is None:
                continue
            # Only another note's card counts: a move within a note is resolve_keys' job.
            candidates = [
                uid for uid in free_by_value.get(wanted, []) if uid in free and uid.split("/", 1)[0] != card.note_id
            ]
            if len(candidates) == 1 and rivals[wanted] == 1:
                previous = candidates[0]
                anchor = free[previous].anchor or previous
                reason = f"moved from note '{previous.split('/', 1)[0]}' ({label})"
                moves.append(Move(card.uid, previous, anchor, reason))
                decisions.append(MatchDecision(card.note_id, card.key, previous, reason))
                free.pop(previous)
    return moves, decisions


def _telling(answer: str) -> str | None:
    """An answer distinctive enough to identify a card across notes: three words or more."""
    words = normalize(answer)
    return words if len(words.split()) >= 3 else None


def avoid_moved_keys(cards_by_note: dict[str, list[Card]], lock: Lock) -> None:
    """Rename a card whose key was left behind by a card that moved away, so no GUID is shared."""
    for note_id, cards in cards_by_note.items():
        records = lock.cards.get(note_id, {})
        taken = {c.key for c in cards} | set(records)
        for index, card in enumerate(cards):
            record = records.get(card.key)
            if record is not None and record.moved_to and not card.explicit_id:
                suffix = 2
                while f"{card.key}-{suffix}" in taken:
                    suffix += 1
                cards[index] = replace(card, key=f"{card.key}-{suffix}")
                taken.add(cards[index].key)


def apply_moves(
    moves: list[Move],
    lock: Lock,
    new_lock: Lock,
    built: dict[str, BuiltCard],
    changes: list[CardChange],
    namespace: str,
    now: int,
) -> None:
    """Give moved cards their anchor and a strictly newer ``mod``; keep the old records as ``moved_to``.

    A card pinned with an ``id:`` in its own note that ships exactly what it shipped before
    (same GUID, same fields: see :func:`keep_shipped_ids`) is unchanged: only its key in the lock is new.
    """
    by_uid = {m.uid: m for m in moves}
    for index, change in enumerate(changes):
        move = by_uid.get(change.uid)
        if move is None:
            continue
        old_note, old_key = move.previous_uid.split("/", 1)
        old = lock.cards[old_note][old_key]
        note_id, key = move.uid.split("/", 1)
        current = new_lock.cards[note_id][key]
        status: ChangeStatus
        if old_note == note_id and current.hash == old.hash:
            # renamed in place: the learner's note already holds all of it, in its place in the new-card queue
            record, status = replace(current, anchor=move.anchor, mod=old.mod, due=old.due, dues=old.dues), "unchanged"
        else:
            # The learner's note is the old one: only a newer mod updates it.
            record = replace(current, anchor=move.anchor, mod=max(current.mod, old.mod + 1, now))
            status = "edited"
        new_lock.put(note_id, key, record)
        built[move.uid] = replace(
            built[move.uid], guid=guid_of(namespace, note_id, key, record.anchor), mod=record.mod, status=status
        )
        new_lock.put(old_note, old_key, replace(old, moved_to=move.uid))
        changes[index] = replace(
            change,
            status=status,
            old_front=old.front,
            old_back=old.back,
            matched_from=move.previous_uid,
            reason=move.reason,
        )
