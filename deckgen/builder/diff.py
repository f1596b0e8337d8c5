"""What a build changes, per deck: the report behind ``deckgen diff``, ``build --dry-run`` and the changelog.

Computed from the lockfile (what learners have) and the new plan (what they will get);
nothing here reads or writes files. Rendering is plain text or JSON-ready data.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any

from deckgen.builder.release import DeckRelease
from deckgen.core.model import CardChange, anki_card_count
from deckgen.lock.identity import MatchDecision
from deckgen.lock.records import CardRecord, Lock
from deckgen.lock.retire import DECKLESS, RETIRED_SEARCH

if TYPE_CHECKING:
    from deckgen.builder.bundles import TrackChange


@dataclass(frozen=True)
class CardDiff:
    """One card's change: its texts before and after (Markdown) and why it was matched."""

    uid: str
    front: str = ""
    back: str = ""
    old_front: str = ""
    old_back: str = ""
    reason: str = ""  # the match decision, when the card was matched by its content
    shipped_as: str = ""  # its DeckgenId in Anki when that is not ``uid`` (a card pinned with an id: in its note)
    cards: int = 1  # the Anki cards it makes (a Reverse card two, a cloze one per number): what the learner counts


@dataclass(frozen=True)
class Move:
    """Cards a learner already has in ``from_deck`` that this release lists under ``to_deck``."""

    from_deck: str
    to_deck: str
    uids: tuple[str, ...]

    @property
    def search(self) -> str:
        """The Anki Browse search that finds exactly these cards in the learner's collection."""
        return _cards_in_deck(self.from_deck, self.uids)


@dataclass(frozen=True)
class WeekMove:
    """Cards a track's learners have in one week's deck that the track's bundle now ships in another week's.

    The theme decks' move instructions do not reach them: a track learner's cards sit in the
    week decks, and Anki never moves a card they already have.
    """

    track: str  # the track's title
    from_week: str
    to_week: str
    uids: tuple[str, ...]

    @property
    def search(self) -> str:
        """The Anki Browse search that finds exactly these cards in a track learner's collection."""
        return _cards_in_deck(self.from_week, self.uids)


def _cards_in_deck(deck: str, uids: Iterable[str]) -> str:
    """The Browse search for the live cards of the notes of ``uids`` in ``deck``."""
    notes = sorted({uid.split("/", 1)[0] for uid in uids})
    ids = " OR ".join(f"DeckgenId:{escape_search(note)}/*" for note in notes)
    return f'"deck:{escape_search(deck)}" ({ids}) -{RETIRED_SEARCH}'


@dataclass(frozen=True)
class DeckDiff:
    """Everything one deck's release changes."""

    deck: str
    slug: str
    version: int
    date: str
    bumped: bool
    previous_names: tuple[str, ...]
    added: tuple[CardDiff, ...] = ()
    edited: tuple[CardDiff, ...] = ()
    retired: tuple[CardDiff, ...] = ()
    moves: tuple[Move, ...] = ()
    unchanged: tuple[str, ...] = ()
    merged: bool = False  # the previous release record merged two branches' releases
    left: tuple[Move, ...] = ()  # cards this release moves out of this deck into another (``to_deck``)
    restored: tuple[CardDiff, ...] = ()  # retired cards that ship again: learners' copies keep their history
    week_moves: tuple[WeekMove, ...] = ()  # of ``moves``, those a track's learners must make between week decks
    unchanged_cards: int = 0  # the Anki cards of ``unchanged`` (a Reverse card two, a cloze one per number)

    @property
    def restored_search(self) -> str:
        """The Anki Browse search for the restored cards a learner suspended when they were retired."""
        ids = " OR ".join(f'"DeckgenId:{escape_search(c.shipped_as or c.uid)}"' for c in self.restored)
        return f"is:suspended ({ids})"

    @property
    def renamed_from(self) -> tuple[str, ...]:
        """Earlier names of this deck that learners' existing cards still sit under."""
        return tuple(m.from_deck for m in self.moves if m.from_deck in self.previous_names)


@dataclass(frozen=True)
class Decision:
    """How a card found (or did not find) its earlier identity."""

    uid: str
    previous: str
    reason: str
    warning: str = ""


@dataclass(frozen=True)
class DiffReport:
    """The whole report: decks, note type changes, match decisions and warnings."""

    decks: tuple[DeckDiff, ...]
    note_types: tuple[tuple[str, str], ...]  # (name, "added" | "changed")
    decisions: tuple[Decision, ...] = ()
    warnings: tuple[str, ...] = ()
    tracks: tuple[TrackChange, ...] = ()  # tracks whose weeks or pace change for learners who have their bundle

    @property
    def changed(self) -> bool:
        """Whether any deck ships something new."""
        return any(d.bumped for d in self.decks)

    def to_json(self) -> dict[str, Any]:
        """JSON-ready data (``deckgen diff --format json``)."""
        decks = []
        for deck in self.decks:
            data = asdict(deck)
            data["moves"] = [{**asdict(m), "search": m.search} for m in deck.moves]
            data["left"] = [{**asdict(m), "search": m.search} for m in deck.left]
            data["week_moves"] = [{**asdict(m), "search": m.search} for m in deck.week_moves]
            decks.append(data)
        return {
            "decks": decks,
            "note_types": [{"name": n, "change": c} for n, c in self.note_types],
            "decisions": [asdict(d) for d in self.decisions],
            "warnings": list(self.warnings),
            "tracks": [
                {**asdict(t), "renames": [{**asdict(r), "search": r.search} for r in t.renames]} for t in self.tracks
            ],
            "retired_search": RETIRED_SEARCH,
        }


def compare(
    releases: Sequence[DeckRelease],
    changes: Iterable[CardChange],
    decisions: Iterable[MatchDecision],
    lock: Lock,
    new_lock: Lock,
    warnings: Sequence[str] = (),
) -> DiffReport:
    """Build the report for ``releases`` from the plan's card changes and the two lockfiles."""
    decisions = list(decisions)
    reasons = {f"{d.note_id}/{d.key}": d.reason for d in decisions if d.previous_key and d.reason}
    by_uid = {c.uid: c for c in changes}
    decks: list[DeckDiff] = []
    for release in releases:
        live = [n.uid for n in release.notes if n.with_cards]
        added: list[CardDiff] = []
        restored: list[CardDiff] = []
        edited: list[CardDiff] = []
        unchanged: list[str] = []
        unchanged_extra = 0  # the Anki cards of the unchanged ones beyond one each
        moved: dict[str, list[str]] = {}
        name = release.spec.name
        # a deck's first release: every card is new to its learners, whatever the lock says
        first = release.spec.slug not in lock.releases and not release.previous_names
        for uid in live:
            change = by_uid.get(uid)
            if change is None:
                continue
            old = lock.card_by_uid(change.matched_from or uid)
            # a card recorded while its note was in no deck (or the deck's first release) is new to these learners
            deckless = old is not None and old.live and not old.all_decks
            cards = _anki_cards(new_lock.card_by_uid(uid), change.front)
            if (first or deckless) and change.status not in ("added", "restored"):
                added.append(CardDiff(uid, change.front, change.back, cards=cards))
            elif change.status in ("added", "restored", "edited"):
                card = CardDiff(
                    uid,
                    change.front,
                    change.back,
                    change.old_front,
                    change.old_back,
                    reasons.get(uid, change.reason),
                    cards=cards,
                )
                if change.status == "edited":
                    edited.append(card)
                elif change.status == "restored":  # Anki updates the learner's retired copy in place: not a new card
                    record = new_lock.card_by_uid(uid)
                    restored.append(replace(card, shipped_as=record.shipped_as if record else ""))
                else:
                    added.append(card)
            else:
                unchanged.append(uid)  # (most cards: the report names them only)
                # unchanged: what learners have is the old record's card (a Reverse or cloze one is rare)
                if old is not None and (old.reverse or "{{c" in old.front):
                    unchanged_extra += _anki_cards(old, old.front) - 1
            old_decks = old.all_decks if old and not old.retired else ()
            if old_decks and name not in old_decks:
                # a learner of this deck has the card in a deck it has now left
                new = new_lock.card_by_uid(uid)
                for old_deck in old_decks:
                    if new is None or old_deck not in new.all_decks:
                        moved.setdefault(old_deck, []).append(uid)
                        break
        retired = [
            CardDiff(
                n.uid,
                old_front=by_uid[n.uid].old_front,
                old_back=by_uid[n.uid].old_back,
                reason=by_uid[n.uid].reason,
                cards=_anki_cards(lock.card_by_uid(n.uid), by_uid[n.uid].old_front),
            )
            for n in release.notes
            if not n.with_cards and n.uid in by_uid and by_uid[n.uid].status == "retired"
        ]
        left: dict[str, list[str]] = {}
        for n in release.notes:
            if n.with_cards:
                continue
            record, old = new_lock.card_by_uid(n.uid), lock.card_by_uid(n.uid)
            if record is None or not record.live or not record.left:
                continue
            change = by_uid.get(n.uid)
            if change is not None and change.status == "edited":
                # a card that left this deck still updates its learners' copies (the package keeps it): its edit
                # is theirs too (a PM lead's trial: the changelog said 'your cards are not affected' while Anki
                # changed the moved card's answer)
                edited.append(
                    CardDiff(
                        n.uid,
                        change.front,
                        change.back,
                        change.old_front,
                        change.old_back,
                        reasons.get(n.uid, change.reason),
                        cards=_anki_cards(record, change.front),
                    )
                )
            names = [name for name in record.left if name == release.spec.name or name in release.previous_names]
            if names and (old is None or not set(names) & set(old.left)) and record.all_decks:
                left.setdefault(record.all_decks[0], []).append(n.uid)
        decks.append(
            DeckDiff(
                deck=release.spec.name,
                slug=release.spec.slug,
                version=release.version,
                date=release.date,
                bumped=release.bumped,
                previous_names=release.previous_names,
                added=tuple(added),
                edited=tuple(edited),
                retired=tuple(retired),
                moves=tuple(Move(src, release.spec.name, tuple(uids)) for src, uids in sorted(moved.items())),
                unchanged=tuple(unchanged),
                unchanged_cards=len(unchanged) + unchanged_extra,
                merged=release.merged,
                left=tuple(Move(release.spec.name, dest, tuple(uids)) for dest, uids in sorted(left.items())),
                restored=tuple(restored),
            )
        )
    note_types = tuple(
        (name, "added" if name not in lock.notetypes else "changed")
        for name, record in sorted(new_lock.notetypes.items())
        if name not in lock.notetypes or lock.notetypes[name].hash != record.hash
    )
    # A card matched by content in an earlier release is re-matched on every build; only
    # decisions that change something (a card, or a card's key: pinned with an id) or warn are news to the curator.
    all_decisions = tuple(
        Decision(f"{d.note_id}/{d.key}", _previous_uid(d), d.reason, d.warning)
        for d in decisions
        if d.warning
        or (d.previous_key and d.previous_key != d.key)
        or getattr(by_uid.get(f"{d.note_id}/{d.key}"), "status", "") != "unchanged"
    )
    move_warnings = [
        f"deck '{deck.deck}': {len(m.uids)} card(s) learners already have stay in deck '{m.from_deck}' "
        f"(Anki never moves existing cards on import); the changelog tells learners how to move them: "
        f"Browse, search {m.search}, select all, Change Deck"
        for deck in decks
        for m in deck.moves
    ] + [
        f"deck '{deck.deck}': {len(m.uids)} card(s) left it for deck '{m.to_deck}'; its package keeps them "
        "without cards to study, and its changelog tells learners to move them (Change Deck) or suspend them"
        for deck in decks
        for m in deck.left
    ]
    return DiffReport(
        tuple(decks),
        note_types,
        all_decisions,
        tuple(list(warnings) + move_warnings + _deckless(lock, list(by_uid.values()))),
    )


def _deckless(lock: Lock, changes: Sequence[CardChange]) -> list[str]:
    """Warnings for notes whose cards this release retires because the note left every deck."""
    dropped: dict[str, list[str]] = {}
    for change in changes:
        if change.status == "retired" and change.reason == DECKLESS:
            old = lock.card_by_uid(change.uid)
            decks = dropped.setdefault(change.uid.split("/", 1)[0], [])
            decks.extend(d for d in (old.all_decks if old else ()) if d not in decks)
    return [
        f"note '{note_id}' is no longer in any deck, so its cards are retired from '{', '.join(decks)}' "
        f"(learners find them with {RETIRED_SEARCH}) — add it back to a deck manifest to restore them"
        for note_id, decks in sorted(dropped.items())
    ]


def _previous_uid(decision: MatchDecision) -> str:
    """The uid a card was matched to: in its own note, or a full uid when it moved between notes."""
    if not decision.previous_key:
        return ""
    return decision.previous_key if "/" in decision.previous_key else f"{decision.note_id}/{decision.previous_key}"


def _anki_cards(record: CardRecord | None, front: str) -> int:
    """The Anki cards a card makes, from its lock record (reverse) and question (cloze numbers)."""
    return anki_card_count(front, bool(record and record.reverse), cloze="{{c" in front)


def escape_search(text: str) -> str:
    """Escape Anki search wildcards and quotes so ``text`` matches literally."""
    out = text
    for char in ("\\", '"', "*", "_"):
        out = out.replace(char, "\\" + char)
    return out


def _side_by_side(label: str, old: str, new: str, width: int = 38) -> list[str]:
    """``label`` with the old and new text in two wrapped columns."""
    left = textwrap.wrap(" ".join(old.split()), width) or ["(empty)"]
    right = textwrap.wrap(" ".join(new.split()), width) or ["(empty)"]
    rows = max(len(left), len(right))
    lines = []
    for index in range(rows):
        prefix = f"{label:>8} " if index == 0 else " " * 9
        mid = " → " if index == 0 else "   "
        lines.append(
            f"      {prefix}{(left[index] if index < len(left) else ''):<{width}}{mid}{right[index] if index < len(right) else ''}".rstrip()
        )
    return lines


def render_text(report: DiffReport) -> str:
    """The human report: one block per deck, then note types, match decisions and warnings."""
    out: list[str] = []
    for deck in report.decks:
        head = f"{deck.deck} — release {deck.version}, {deck.date}"
        if not deck.bumped:
            head += " (nothing changes)"
        out.append(head)
        for card in deck.added:
            several = f" ({card.cards} cards in Anki)" if card.cards > 1 else ""
            out.append(f"  + added     {card.uid}: {_short(card.front)}{several}")
        for card in deck.edited:
            why = f"  [{card.reason}]" if card.reason else ""
            out.append(f"  ~ edited    {card.uid}{why}")
            if card.front != card.old_front:
                out.extend(_side_by_side("question", card.old_front, card.front))
            if card.back != card.old_back:
                out.extend(_side_by_side("answer", card.old_back, card.back))
            if card.front == card.old_front and card.back == card.old_back:
                out.append("      (context, source, extra or tags changed)")
        for card in deck.restored:
            out.append(f"  ^ restored  {card.uid}: {_short(card.front)} (learners' copies keep their history)")
        for card in deck.retired:
            why = f"  [{card.reason}]" if card.reason else ""
            out.append(f"  - retired   {card.uid}: {_short(card.old_front)}{why}")
        for move in deck.moves:
            out.append(
                f"  > moved     {len(move.uids)} card(s) from deck '{move.from_deck}' (learners' existing cards stay there)"
            )
        for move in deck.left:
            out.append(
                f"  < left      {len(move.uids)} card(s) to deck '{move.to_deck}' (learners of this deck keep them)"
            )
        in_anki = f" ({deck.unchanged_cards} cards in Anki)" if deck.unchanged_cards != len(deck.unchanged) else ""
        out.append(f"  = unchanged {len(deck.unchanged)}{in_anki}")
        if deck.bumped and not (deck.added or deck.edited or deck.restored or deck.retired or deck.moves or deck.left):
            # a release no card explains (a PM lead renamed a note file in a deck that selects notes by path)
            why = (  # the note types' change is known (an upgrade's new card design): name it alone
                "the card design (the note types' templates or CSS)"
                if any(change == "changed" for _, change in report.note_types)
                else "the order new cards arrive in, or the deck's name, description or card design"
            )
            out.append(f"  (a new release for {why}: no card's text or history changes)")
    for track in report.tracks:  # the bundle's own changes: its changelog tells the track's learners
        for rename in track.renames:
            out.append(
                f"Track '{track.title}': week deck '{rename.was}' is now '{rename.now}' ({', '.join(rename.decks)})"
            )
        if track.pace is not None:
            out.append(f"Track '{track.title}': pace {track.pace[0]} → {track.pace[1]} new cards a day")
    for name, change in report.note_types:
        what = (
            "new note type" if change == "added" else "templates or CSS changed; learners get them on their next import"
        )
        out.append(f"Note type '{name}': {what}")
    shown = [d for d in report.decisions if d.previous or d.warning]
    if shown:
        out.append("Match decisions:")
        for decision in shown:
            if decision.previous == decision.uid:
                out.append(f"  {decision.uid}: kept its identity ({decision.reason})")
            elif decision.previous:
                out.append(f"  {decision.uid}: is {decision.previous} ({decision.reason})")
            else:
                out.append(f"  {decision.uid}: new identity ({decision.reason})")
    for warning in report.warnings:
        out.append(f"warning: {warning}")
    if any(d.retired for d in report.decks):
        out.append(f"Retired cards: learners find them in Anki with the search {RETIRED_SEARCH}")
    return "\n".join(out)


def _short(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
