"""``build(config) -> BuildResult``: notes -> cards -> identities -> decks -> .apkg files."""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import subprocess
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from deckgen.anki.notetypes import NoteType, note_type_for, note_types
from deckgen.anki.packaged import PackagedDeck, PackagedNote
from deckgen.builder.bundles import (
    PACES_KEY,
    TRACKS_KEY,
    TrackChange,
    bundle_path,
    pace_preset,
    publish_tracks,
    record_stages,
    resolve_tracks,
    stage_moves,
    track_changes,
    week_moves,
)
from deckgen.builder.cache import (
    BuildState,
    DeckWriter,
    build_lock,
    build_options,
    claim_outputs,
    outputs_snapshot,
    project_digest,
    read_state,
    restore_build,
    up_to_date,
    write_state,
)
from deckgen.builder.changelog import (
    INDEX_NAME,
    TRACK_KEY,
    changelog_path,
    record_entries,
    record_track_entries,
    track_changelog_path,
    write_changelogs,
)
from deckgen.builder.diff import DiffReport, compare
from deckgen.builder.incremental import (  # open_note_cache: re-exported, where callers found it before
    edited_replay,
    forget_snapshot,
    lint_summary,
    open_note_cache,
    record_snapshot,
    replay_build,
)
from deckgen.builder.patch import Reuse, remember_decks
from deckgen.builder.release import DeckRelease, plan_releases
from deckgen.builder.rendering import card_tags, rendered_cards
from deckgen.cards.load import Sources, load_sources
from deckgen.core.config import Config
from deckgen.core.diskcache import NoteCache, code_fingerprint
from deckgen.core.errors import ContentError, Finding, LockError
from deckgen.core.files import atomic_write_bytes, atomic_write_text
from deckgen.core.model import BuildResult, BuiltDeck, Card, CardChange, DeckSpec, Note, count_anki_cards
from deckgen.core.text import match_sides
from deckgen.linter.run import LintParts, LintReport, finish, lint_parts, lock_findings, media_store, settings_for
from deckgen.lock.guard import check_frozen_schema
from deckgen.lock.identity import (
    BuiltCard,
    MatchDecision,
    build_time,
    carry_removed,
    resolve_keys,
    stable_hash,
    stable_int,
    stamp,
    stamp_notetype,
)
from deckgen.lock.moves import apply_moves, avoid_moved_keys, keep_shipped_ids, match_moves, renames
from deckgen.lock.records import LOCK_FORMAT, CardRecord, Lock, lock_digest, read_lock
from deckgen.lock.retire import DECKLESS, release_date
from deckgen.sources.layout import track_files
from deckgen.sources.manifests import assemble, missing_manifests, note_index, select_notes
from deckgen.sources.notes import waiting_drafts
from deckgen.sources.tracks import BuiltTrack


@dataclass
class Plan:
    """Everything a build would write, computed without writing anything."""

    notes: dict[str, Note]
    specs: list[DeckSpec]
    decks: list[BuiltDeck]
    cards: dict[str, BuiltCard]  # every card of the sources, by uid
    notetype_mods: dict[int, int]
    lock: Lock
    new_lock: Lock
    decisions: list[MatchDecision]
    changes: list[CardChange]
    warnings: list[str] = field(default_factory=list)
    lock_path: Path = Path("deckgen.lock")
    media_files: dict[str, Path] = field(default_factory=dict)  # packaged name -> source file
    releases: list[DeckRelease] = field(default_factory=list)  # per built deck: notes shipped, release number
    report: DiffReport | None = None  # what this build changes, for `deckgen diff` and the changelog
    sources: Sources | None = None  # what was read (set by lint_project, for the next build's snapshot)
    lint: LintParts | None = None  # the lint findings before they were finished (likewise)
    tracks: list[BuiltTrack] | None = None  # every track resolved against the plan's decks (a build of every deck)
    # by output name: packages the plan reused with the digest that proved them (see DeckWriter)
    proven: dict[str, tuple[PackagedDeck, list[tuple[NoteType, int]], str]] = field(default_factory=dict)
    # The warnings a build of the same sources with ``new_lock`` would print again (drafts waiting, a
    # selector's, retired cards whose deck no manifest builds), in their order. The others are about
    # this build's changes against ``lock`` (a card moved deck, an ambiguous match, a week renamed, a
    # note retired): once the new lock is written they are history, so a no-op, a restore or a replay
    # of this build prints only these (as a cold build with the new lock does).
    standing: list[str] = field(default_factory=list)
    # notes with cards that no deck selects (also in ``standing``): `deckgen lint` reports them too
    deckless: list[Finding] = field(default_factory=list)

    def media_for(self, cards: Iterable[Card]) -> list[tuple[str, Path]]:
        """The images ``cards`` show, as (packaged name, file) pairs for write_apkg."""
        if not self.media_files:  # no card of the plan shows an image (the commonest case): none to look up
            return []
        names = sorted({name for card in cards for name in self.cards[card.uid].media})
        return [(name, self.media_files[name]) for name in names]

    def packaged_note(self, namespace: str, card: Card, position: int) -> PackagedNote:
        """``card`` as written into a deck or bundle, ``position`` its place in the new-card queue."""
        built = self.cards[card.uid]
        return PackagedNote(
            guid=built.guid,
            model_id=note_type_for(card).id,
            fields=built.fields,
            tags=card_tags(card),
            mod=built.mod,
            due=position,
        )

    @property
    def fields(self) -> dict[str, tuple[str, ...]]:
        """Every card's rendered field values, by uid (what the site shows)."""
        return {uid: built.fields for uid, built in self.cards.items()}

    @functools.cached_property
    def new_lock_text(self) -> str:
        """The lockfile as it will be written."""
        return self.new_lock.to_text()

    @functools.cached_property
    def lock_changed(self) -> bool:
        """Whether deckgen.lock would be rewritten."""
        if self.lock.canonical and self.new_lock == self.lock:
            return False  # the file is exactly what these records serialise to: no need to write it out
        return self.old_lock_text != self.new_lock_text

    @functools.cached_property
    def old_lock_text(self) -> str:
        """deckgen.lock as it is on disk ('' when there is none), read once for the checks below."""
        return self.lock_path.read_text(encoding="utf-8") if self.lock_path.exists() else ""

    @functools.cached_property
    def lock_hand_edited(self) -> bool:
        """Whether deckgen.lock holds exactly the records this build keeps, in this version's format, but in text
        deckgen does not write: a line repeated, moved or re-spaced by hand or by a merge tool."""
        return (
            self.lock_changed
            and self.lock_path.exists()
            and self.lock.file_format == LOCK_FORMAT
            and self.new_lock == self.lock
        )

    @functools.cached_property
    def lock_edited_line(self) -> int:
        """The first line of a hand-edited deckgen.lock that differs from what deckgen writes (0 when not edited)."""
        if not self.lock_hand_edited:
            return 0
        old, new = self.old_lock_text.split("\n"), self.new_lock_text.split("\n")
        return next((n for n, (a, b) in enumerate(zip(old, new), 1) if a != b), min(len(old), len(new)) + 1)

    @property
    def lock_change_cause(self) -> str:
        """What changes in deckgen.lock when no card does, as precisely as the two locks tell: the card design,
        a deck's name, card order (an upgrading team was told 'note type templates or CSS, card order, or a
        deck's name, description or release' when only the card design had changed)."""
        old, new = self.lock, self.new_lock
        causes = []
        designs = sorted(n for n, r in new.notetypes.items() if n in old.notetypes and old.notetypes[n].hash != r.hash)
        if designs:
            causes.append(f"the card design (templates or CSS of {', '.join(repr(n) for n in designs)})")
        renamed = sorted(s for s, r in new.releases.items() if s in old.releases and old.releases[s].names != r.names)
        if renamed:
            causes.append(f"the name of deck {', '.join(repr(s) for s in renamed)}")
        if any(old.card(note_id, key) != record for note_id, key, record in new.records()):
            causes.append("card order")
        released = sorted(
            s for s, r in new.releases.items() if s not in renamed and (s not in old.releases or old.releases[s] != r)
        )
        if released and not causes:  # a deck's description, its pace, the notes it selects: the release says which
            causes.append(f"the release of deck {', '.join(repr(s) for s in released)}")
        for key, what in ((PACES_KEY, "the pace"), (TRACKS_KEY, "the week decks")):
            before, after = old.extra.get(key), new.extra.get(key)
            if before != after and isinstance(after, dict):
                earlier = before if isinstance(before, dict) else {}
                tracks = sorted(t for t in {*after, *earlier} if after.get(t) != earlier.get(t))
                causes.append(f"{what} of track {', '.join(repr(t) for t in tracks)}")
        if not causes:
            return "a deck's description or release"
        return ", ".join(causes[:-1]) + (" and " if len(causes) > 1 else "") + causes[-1]

    @functools.cached_property
    def lock_format_only(self) -> bool:
        """Whether the only change to deckgen.lock is its file format (a lock from an older deckgen)."""
        if not self.lock_changed or not self.lock_path.exists() or self.lock_hand_edited:
            return False
        # Records gain what this version keeps and older ones did not (a retired note's hash,
        # positions in a card's other decks) on the first build, with nothing shipped
        # changing: an upgrade, like the format.
        adopted = self.new_lock.copy()
        for note_id, key, record in self.new_lock.records():
            old = self.lock.card(note_id, key)
            if old is None:
                continue
            bare = replace(
                record,
                retired_hash=record.retired_hash if old.retired_hash else "",
                dues=record.dues if old.dues else (),
            )
            if bare == old:
                adopted.put(note_id, key, old)
        if PACES_KEY not in self.lock.extra:  # the tracks' paces, first recorded by this version
            adopted.extra.pop(PACES_KEY, None)
        return adopted == self.lock


HAND_EDITED = "the text is not what deckgen writes for these records: a line repeated, moved or re-spaced by hand"


def plan_build(
    config: Config,
    deck_names: Sequence[str] = (),
    now: int | None = None,
    sources: Sources | None = None,
    reuse: Reuse | None = None,
) -> Plan:
    """Parse (unless ``sources`` were already loaded), generate and stamp every card; choose the decks. Writes nothing.

    ``reuse``: the last full build's shipped rows, for the notes and decks they prove unchanged.
    """
    # Gather every problem from every stage before giving up: the curator fixes them in one go.
    sources = sources or load_sources(config)
    notes, specs, findings = sources.notes, sources.specs, list(sources.findings)
    cards_by_note = dict(sources.cards)
    findings += missing_manifests(config.rel(config.decks_dir), specs, findings)
    if findings:
        raise ContentError(findings)
    chosen = _choose_specs(specs, deck_names, config.decks_dir)
    by_id = {note.id: note for note in notes}
    lock = read_lock(config.lock_path, written_lock(config))
    _check_merged(config)
    if lock.file_format < LOCK_FORMAT and config.lock_path.exists():
        _check_not_downgraded(config)
    if not config.lock_path.exists():
        _check_not_deleted(config)
    timestamp = build_time() if now is None else now

    decisions: list[MatchDecision] = []
    for note_id, cards in cards_by_note.items():
        cards_by_note[note_id], note_decisions = resolve_keys(cards, lock, note_id)
        decisions.extend(note_decisions)

    avoid_moved_keys(cards_by_note, lock)
    pinned = renames(decisions, lock)  # cards just given an id: keep the identity they had
    keep_shipped_ids(cards_by_note, lock, pinned)  # ... and the note learners have
    moves, move_decisions = match_moves(cards_by_note, lock, pinned)
    moves = pinned + moves
    decisions.extend(move_decisions)
    if moves or deck_names:
        reuse = None  # identities cross notes, or a partial build: every card is stamped
    warnings = [d.warning for d in decisions if d.warning]
    waiting = {n.path: waiting_drafts(n) for n in notes}
    standing = [
        f"{path}: {count} draft card(s) not built yet — set their Status to approved or rejected"
        for path, count in waiting.items()
        if count
    ]
    decks_of: dict[str, list[str]] = {}  # every deck a card ships in (a note may be in several)
    built: list[BuiltDeck] = []
    assembled: dict[str, BuiltDeck] = {}
    index = note_index(notes)
    for spec in specs:
        selected, selector_findings = select_notes(spec, index)
        for finding in selector_findings:
            if finding.severity == "error":
                findings.append(finding)
            else:
                standing.append(str(finding))
        deck = assemble(spec, selected, cards_by_note)
        assembled[spec.name] = deck
        for card in deck.cards:
            if spec.name not in decks_of.setdefault(card.uid, []):
                decks_of[card.uid].append(spec.name)
        if spec in chosen:
            built.append(deck)
    if findings:
        raise ContentError(findings)
    deckless = _in_no_deck(notes, cards_by_note, decks_of, config.rel(config.decks_dir))
    standing += [str(finding) for finding in deckless]
    if reuse is not None:
        reuse.load(specs, built, lock)

    new_lock = Lock(releases=dict(lock.releases), changelog=dict(lock.changelog), extra=dict(lock.extra))
    new_lock.lines = lock.lines  # serialising the new lock reuses the lines of unchanged records
    notetype_mods = {
        nt.id: stamp_notetype(nt.name, _notetype_hash(nt), lock, new_lock, timestamp) for nt in note_types()
    }
    check_frozen_schema(note_types(), lock, new_lock)
    built_cards: dict[str, BuiltCard] = {}
    changes: list[CardChange] = []
    store = media_store(config)
    for note in notes:
        cards = cards_by_note[note.id]
        kept = (
            reuse.built(cards, [decks_of.get(card.uid, ()) for card in cards], lock, new_lock)
            if reuse is not None and note.path not in reuse.changed
            else None
        )
        if kept is not None:  # an unchanged note: its cards as the last build shipped them
            for result in kept:
                built_cards[result.uid] = result
                old = lock.card(result.card.note_id, result.card.key)
                assert old is not None
                card = result.card
                changes.append(CardChange(card.uid, "unchanged", card.front, card.back, old.front, old.back))
            continue
        for card, (values, content_hash, media) in zip(cards, rendered_cards(sources, note, cards, store)):
            result = stamp(
                card,
                values,
                content_hash,
                media,
                decks_of.get(card.uid, ()),
                config.namespace,
                lock,
                new_lock,
                timestamp,
            )
            built_cards[card.uid] = result
            old = lock.card(card.note_id, card.key)
            changes.append(
                CardChange(
                    card.uid,
                    result.status,
                    card.front,
                    card.back,
                    old.front if old else "",
                    old.back if old else "",
                )
            )
    apply_moves(moves, lock, new_lock, built_cards, changes, config.namespace, timestamp)
    changes = _retire_deckless(built_cards, {m.uid for m in moves}, lock, new_lock, changes, timestamp)
    reasons: dict[str, dict[str, tuple[tuple[str, str], str]]] = {}  # by note id (one review a note)
    for note_id, key, record in carry_removed(lock, new_lock, timestamp):
        # a generated card of a note still here: curation (or the rules) says why, so a team that only upgraded
        # deckgen is not told to fix notes that are fine
        why = ""
        if record.origin == "generated" and note_id in by_id:
            if note_id not in reasons:
                reasons[note_id] = _unshipped_reasons(by_id[note_id], config)
            why = _why_unshipped(reasons[note_id], key, record)
        changes.append(
            CardChange(f"{note_id}/{key}", "retired", old_front=record.front, old_back=record.back, reason=why)
        )
    if deck_names:
        released = [spec for spec in specs if spec.slug in lock.releases]
        built, sharing = _with_sharing_decks(released, built, assembled, decks_of, changes)
        warnings += sharing
    media_files = {name: store.files[name].path for c in built_cards.values() for name in c.media}
    releases, release_warnings = plan_releases(
        specs,
        built,
        by_id,
        built_cards,
        card_tags,
        lock,
        new_lock,
        config.namespace,
        notetype_mods,
        timestamp,
        reuse.unchanged_decks(built) if reuse is not None else None,
    )
    stage_warnings: list[str] = []
    tracks: list[BuiltTrack] | None = None
    track_news: list[TrackChange] = []
    if not deck_names:  # a renamed week warns like a renamed deck (issue 12 item 4); partial builds skip tracks
        tracks = resolve_tracks(config, specs, built)
        track_news = track_changes(tracks, lock.extra)
        stage_warnings = stage_moves(track_news)
        record_stages(tracks, new_lock.extra)
    warnings += _changed_note_ids(changes, by_id, lock)
    if deck_names:
        changes = _record_only_built(releases, lock, new_lock, changes)
    standing += release_warnings  # (about records the new lock keeps: every later build warns again)
    report = compare(releases, changes, decisions, lock, new_lock, warnings + standing + stage_warnings)
    if tracks is not None:  # before the entries are recorded: they are the changelog's text from now on
        report = week_moves(report, tracks, lock.extra.get(TRACKS_KEY))
    record_entries(report, lock, new_lock)
    if track_news:  # the track's learners are told in its changelog, kept in the lock like the decks'
        record_track_entries(track_news, lock, new_lock, release_date(timestamp))
        report = replace(report, tracks=tuple(track_news))
    return Plan(
        by_id,
        specs,
        built,
        built_cards,
        notetype_mods,
        lock,
        new_lock,
        decisions,
        changes,
        list(report.warnings),
        config.lock_path,
        media_files,
        releases,
        report,
        proven=dict(reuse.proven) if reuse is not None else {},
        tracks=tracks,
        standing=standing,
        deckless=deckless,
    )


def _changed_note_ids(changes: Sequence[CardChange], notes: Mapping[str, Note], lock: Lock) -> list[str]:
    """A warning for each note that looks like one of the lock's under a new ``id:``: the note the lock knew is gone,
    and its generated cards come back, key for key, as new cards of a note the lock never saw. (Authored cards move
    across notes with their identity; generated ones never do, so learners would lose their history on them.)"""

    def generated(status: str) -> dict[str, set[str]]:
        by_note: dict[str, set[str]] = {}
        for change in changes:
            note_id, _, key = change.uid.partition("/")
            if change.status == status and key.startswith("g."):
                by_note.setdefault(note_id, set()).add(key)
        return by_note

    added, retired = generated("added"), generated("retired")
    gone = {old: keys for old, keys in retired.items() if old not in notes}
    warnings = []
    for new_id, keys in sorted(added.items()):
        if new_id in lock.cards or new_id not in notes:
            continue
        old_id, shared = max(
            ((old, keys & old_keys) for old, old_keys in gone.items()), key=lambda p: len(p[1]), default=("", set())
        )
        if len(shared) >= 2 or (shared and shared == keys == gone[old_id]):
            note = notes[new_id]
            warnings.append(
                f"{note.path}: note '{new_id}' looks like note '{old_id}' with a new id: its {len(shared)} generated"
                f" card(s) would be retired and added again, and learners lose their history on them — note ids are"
                f" permanent: write 'id: {old_id}' back"
            )
    return warnings


def _in_no_deck(
    notes: Sequence[Note], cards_by_note: Mapping[str, Sequence[Card]], decks_of: Mapping[str, object], decks: str
) -> list[Finding]:
    """``no-deck``: a note with cards that no deck selects (they are recorded, and ship to no learner)."""
    return [
        Finding(
            note.path,
            note.meta_lines.get("id", 1),
            f"note '{note.id}' is in no deck, so no learner gets its {len(cards)} card(s)",
            f"add '- id: {note.id}' to a deck file in {decks}/ (or leave it out of every deck on purpose)",
            "no-deck",
            severity="warning",
        )
        for note in notes
        if (cards := cards_by_note.get(note.id)) and not any(card.uid in decks_of for card in cards)
    ]


def _retire_deckless(
    cards: dict[str, BuiltCard], moved: set[str], lock: Lock, new_lock: Lock, changes: list[CardChange], now: int
) -> list[CardChange]:
    """Retire the cards of notes that left every deck, in the decks they shipped in, like deleted cards.

    Learners of those decks would otherwise keep them unmarked and never updated. The
    record keeps its decks (where the retired note ships); adding the note back to a
    manifest restores the card with its identity and history.
    """
    retired: dict[str, CardChange] = {}
    for uid, built in cards.items():
        if built.decks or uid in moved:
            continue  # (most cards: their record is not looked up)
        old = lock.card_by_uid(uid)
        if old is None or not old.all_decks or old.moved_to:
            continue
        if old.retired:  # retired earlier and still in no deck: nothing changes
            new_lock.put(built.card.note_id, built.card.key, old)
            retired[uid] = CardChange(uid, "unchanged", old.front, old.back, old.front, old.back)
            continue
        current = new_lock.card_by_uid(uid)
        assert current is not None
        new_lock.put(
            built.card.note_id,
            built.card.key,
            replace(current, deck=old.deck, decks=old.decks, dues=old.dues, retired=max(now, old.shipped_mod + 1)),
        )
        retired[uid] = CardChange(uid, "retired", old_front=old.front, old_back=old.back, reason=DECKLESS)
    return [retired.get(c.uid, c) for c in changes]


def _with_sharing_decks(
    released: Sequence[DeckSpec],
    built: list[BuiltDeck],
    assembled: Mapping[str, BuiltDeck],
    decks_of: Mapping[str, Sequence[str]],
    changes: Sequence[CardChange],
) -> tuple[list[BuiltDeck], list[str]]:
    """The decks a partial build writes: those named, and every released deck holding a card one of them changes.

    A card has one record in deckgen.lock. Were a card changed in one deck recorded while
    another deck that holds it kept the old text, that deck's next build would find nothing
    to announce (its changelog would say 'your cards are not affected') and ``deckgen diff``
    would show nothing pending. So the decks that share a changed card ship it together;
    repeated until no written deck holds a changed card that an unwritten one also holds.
    ``released``: the decks learners already have (a deck's first release lists all its cards
    whatever the lock says). Returns the decks in manifest order and a warning naming each
    deck added.
    """
    names = {deck.spec.name for deck in built}
    can_add = {spec.name for spec in released}
    changed = [c.uid for c in changes if c.status != "unchanged" and c.uid in decks_of]
    shared: dict[str, int] = {}
    while True:
        more: dict[str, int] = {}
        for uid in changed:
            holders = decks_of[uid]
            if names.intersection(holders):
                for name in holders:
                    if name not in names and name in can_add:
                        more[name] = more.get(name, 0) + 1
        if not more:
            break
        names.update(more)
        shared.update(more)
    if not shared:
        return built, []
    decks = [deck for deck in assembled.values() if deck.spec.name in names]
    warnings = [
        f"also building deck '{deck.spec.name}' ({deck.spec.path}): it holds {shared[deck.spec.name]} card(s) "
        "this build changes, and every deck that holds a card ships its change together"
        for deck in decks
        if deck.spec.name in shared
    ]
    return decks, warnings


def _record_only_built(
    releases: Sequence[DeckRelease], lock: Lock, new_lock: Lock, changes: list[CardChange]
) -> list[CardChange]:
    """A partial build records in the lock only the cards it ships; every other change stays pending.

    Cards of decks this build does not write keep their old records (or none, if new), so
    ``deckgen diff`` still shows their changes and the build that writes their deck
    announces them. Returns the changes this build makes.
    """
    shipped = {n.uid for release in releases for n in release.notes}
    for note_id, key, record in list(new_lock.records()):
        uid = f"{note_id}/{key}"
        if uid in shipped or (record.moved_to and record.moved_to in shipped):
            continue  # written now (a card that moved into a built deck gives up its old place too)
        old = lock.card(note_id, key)
        if old is not None:
            new_lock.put(note_id, key, old)
        else:
            del new_lock.cards[note_id][key]
            if not new_lock.cards[note_id]:
                del new_lock.cards[note_id]
    return [c for c in changes if c.uid in shipped]


def lint_project(
    config: Config,
    deck_names: Sequence[str] = (),
    now: int | None = None,
    *,
    warnings: bool = True,
    cache: NoteCache | None = None,
    state: BuildState | None = None,
) -> tuple[LintReport, Plan | None]:
    """Every lint finding, including a stale lockfile; the build plan when the sources are clean.

    ``warnings=False`` (the build) may skip checks that can only warn, such as L16. ``state``:
    the last build's, whose shipped decks a plan after a card edit reuses where unchanged.
    """
    settings = settings_for(config)
    sources = load_sources(config, cache)
    near = warnings or settings.level("L16", "warning") == "error"
    # after a card edit the refused replay linted the edited notes; the rest is the last build's
    replay = edited_replay(config, sources) if cache is not None and not deck_names and now is None else None
    reuse = None
    if replay is None:
        parts = lint_parts(config, sources, settings, near_duplicates=near)
    else:
        parts = replay.parts
        if state is not None and cache is not None:  # every input but the changed notes is the last build's
            reuse = Reuse(config, cache, state.deck_digests, frozenset(replay.changed), partial(packaged_deck, config))
    report = parts.report(settings, near_duplicates=near)
    if report.errors:
        return report, None
    plan = plan_build(config, deck_names, now, sources, reuse)
    # the notes in no deck are the plan's to find: kept with the whole-project findings (a replayed lint repeats
    # them), in place of any a replay's parts carried from the last build
    shared = [f for f in parts.shared if f.rule != "no-deck"] + plan.deckless
    plan.sources, plan.lint = sources, replace(parts, shared=shared)
    changed = [c.uid for c in plan.changes if c.status != "unchanged"]
    # A changed card changes its record, so the lock cannot differ in format only: that
    # check copies and compares the whole lock, and is left for a build that changes no card.
    if not changed and plan.lock_hand_edited:
        changed = [HAND_EDITED]
    elif not changed and plan.lock_format_only:
        changed = ["the file format (an older deckgen's: this one names itself in the lock's first line): nothing else"]
    elif plan.lock_changed and not changed:
        changed = [plan.lock_change_cause]
    stale = lock_findings(config.rel(config.lock_path), config.lock_path.exists(), changed, plan.lock_edited_line)
    findings = [*(f for f in report.findings if f.rule != "no-deck"), *stale, *plan.deckless]
    return finish(findings, settings, report.files, report.cards), plan


def _check_not_downgraded(config: Config) -> None:
    """Refuse a lock in an older deckgen's format when git's history already holds one in this format.

    A teammate on a deckgen before 0.2.0 whose merge driver cannot read the upgraded lock is left with their branch's
    older lock, no conflict markers; merged to main it would take every deck's releases back, and the older format
    alone reads as a team not upgraded yet (a team's try). Asked of git only for a lock in an older format.
    """
    found = _git(
        config,
        "log",
        "-1",
        "--full-history",  # every side of a merge: the default followed the side that kept the older lock (a trial)
        "--format=%h",
        "-G",
        f'"format": {LOCK_FORMAT}[,}}]',
        "--",
        config.rel(config.lock_path),
    )
    if found is None:
        return
    commit = found.stdout.strip() if found.returncode == 0 else ""
    if not commit and found.returncode == 0 and _shallow(config):
        # a CI checkout of one commit (actions/checkout's default) has no history to ask: the check cannot pass there
        # (a CI engineer's try: the downgraded lock went through `build --locked` with a warning)
        raise LockError(
            Finding(
                config.rel(config.lock_path),
                1,
                "deckgen.lock is in an older deckgen's format, and this clone's git history is too shallow to tell a "
                "team that has not upgraded yet from a lock a deckgen before 0.2.0 put back",
                "build with this deckgen where the history is whole and commit the lock it writes; in CI, fetch the "
                "whole history (actions/checkout: 'fetch-depth: 0')",
                "lock",
            )
        )
    if commit:
        raise LockError(
            Finding(
                config.rel(config.lock_path),
                1,
                f"deckgen.lock is in an older deckgen's format, but commit {commit} already held it in this version's: "
                "a deckgen before 0.2.0 has replaced the upgraded lock (a merge by a teammate who has not upgraded?), "
                "and building on it would take the decks' releases back",
                f"restore the last upgraded lock (commit {commit} changed one: `git log -p -- deckgen.lock`; then "
                "`git show <commit>:deckgen.lock > deckgen.lock`), merge again with this deckgen, build and commit",
                "lock",
            )
        )


def _check_merged(config: Config) -> None:
    """Refuse a lock git still holds unmerged: the merge driver did not run (its command failed), so the file is
    one branch's lock, and a build from it renumbered the other branch's published releases (a platform
    engineer's trial: main's release 8 became 9, and 8 another edit)."""
    from deckgen.lock.merge import unmerged_lock

    if unmerged_lock(config.lock_path):
        raise LockError(
            Finding(
                config.rel(config.lock_path),
                0,
                "deckgen.lock is still unmerged in git: the merge did not merge it (the merge driver's command"
                " failed?), so it holds one branch's lock only",
                "run `deckgen lock resolve` (it merges both branches' locks from git's index), then `deckgen build`;"
                " `deckgen lock install-merge-driver` sets the driver up again for this Python",
                "lock",
            )
        )


def _check_not_deleted(config: Config) -> None:
    """Refuse to start a new deckgen.lock when git still tracks the one deleted from the working tree.

    A PM lead's try: with deckgen.lock deleted by mistake, lint said 'run `deckgen build`' and a dry run showed every
    deck at release 1; only the real build, once written, said to restore it. Asked of git only when there is no
    lock; a lock removed with `git rm` (starting over on purpose) is not in git's index and is not refused.
    """
    name = config.rel(config.lock_path)
    tracked = _git(config, "ls-files", "--error-unmatch", "--", name)
    if tracked is not None and tracked.returncode == 0:
        raise LockError(
            Finding(
                name,
                0,
                "deckgen.lock is deleted but git still tracks it: a build now would start every deck again at release "
                "1 and leave learners' retired cards unmarked",
                f"restore it with `git checkout -- {name}` (to start the decks over on purpose, `git rm {name}` first)",
                "lock",
            )
        )


def _shallow(config: Config) -> bool:
    """Whether the project's git clone holds only part of its history (``git clone --depth``)."""
    shallow = _git(config, "rev-parse", "--is-shallow-repository")
    return shallow is not None and shallow.returncode == 0 and shallow.stdout.strip() == "true"


def _git(config: Config, *args: str) -> subprocess.CompletedProcess[str] | None:
    """``git ARGS`` run in the project, or None when git cannot be run (not installed, timed out)."""
    try:
        return subprocess.run(["git", *args], cwd=config.root, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None


# why a retired generated card whose note is still here no longer ships, when curation gives no verdict for its key
NOT_GENERATED = "no longer generated from the note: its text or this deckgen's rules changed (`deckgen cards NOTE`)"


def _why_unshipped(reasons: Mapping[str, tuple[tuple[str, str], str]], key: str, record: CardRecord) -> str:
    """Why a retired generated card no longer ships: curation's verdict on its key, or on the one card that asks what
    it asked (a card kept its first key when its sentence was reworded: a PM lead's try rejected it under the new one
    and was told the note's text had changed); else :data:`NOT_GENERATED`."""
    if key in reasons:
        return reasons[key][1]
    sides = match_sides(record.front, record.back)
    found = [why for asked, why in reasons.values() if asked == sides]
    return found[0] if len(found) == 1 else NOT_GENERATED


def _unshipped_reasons(note: Note, config: Config) -> dict[str, tuple[tuple[str, str], str]]:
    from deckgen.cards.generate import unshipped_reasons

    return unshipped_reasons(note, config.section("generate"))


def _choose_specs(specs: list[DeckSpec], names: Sequence[str], decks_dir: Path) -> list[DeckSpec]:
    if not names:
        return specs
    chosen: list[DeckSpec] = []
    for name in names:
        match = [s for s in specs if name in (s.slug, s.name, s.path)]
        if not match:
            known = ", ".join(s.slug for s in specs)
            if name in {path.stem for path in track_files(decks_dir)}:
                # an onboarding manager's try: 'deckgen build associate-pm' for a track's bundle
                raise ContentError(
                    Finding(
                        "decks",
                        0,
                        f"'{name}' is a track, not a deck: its bundle is built by a whole `deckgen build`",
                        f"run `deckgen build` (naming decks builds only them: {known})",
                        "unknown-deck",
                    )
                )
            raise ContentError(Finding("decks", 0, f"no deck named '{name}'", f"use one of: {known}", "unknown-deck"))
        chosen.extend(m for m in match if m not in chosen)
    return chosen


def _notetype_hash(note_type: NoteType) -> str:
    return stable_hash(note_type.css, [(t.name, t.qfmt, t.afmt) for t in note_type.templates])


def build(
    config: Config,
    deck_names: Sequence[str] = (),
    *,
    locked: bool = False,
    dry_run: bool = False,
    now: int | None = None,
    lint: bool = True,
    use_cache: bool = True,
    check_up_to_date: bool = True,
    on_wait: Callable[[str], None] | None = None,
) -> BuildResult:
    """:func:`_build` holding the output folder: a second build waits for the first (``on_wait`` is told)."""
    held = contextlib.nullcontext() if dry_run else build_lock(config, on_wait=on_wait)  # a dry run writes nothing
    with held, gc_paused():
        return _build(
            config,
            deck_names,
            locked=locked,
            dry_run=dry_run,
            now=now,
            lint=lint,
            use_cache=use_cache,
            check_up_to_date=check_up_to_date,
        )


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection during a build.

    A build allocates hundreds of thousands of long-lived objects (notes, cards, lock
    records), which make CPython's collector rescan the heap again and again, for almost no
    garbage: a cold 2,000-note build leaves 620 unreachable objects (keep it so: no
    recursive closures per card). Measured in-process at 2,000 notes: a one-note edit
    4.6-5.6 s CPU paused vs 8.3 s collected, a cold build 9.5-10.4 s vs 11.4-12.5 s, peak
    RSS +3-6 MiB. Reference counting still frees everything else.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _build(
    config: Config,
    deck_names: Sequence[str] = (),
    *,
    locked: bool = False,
    dry_run: bool = False,
    now: int | None = None,
    lint: bool = True,
    use_cache: bool = True,
    check_up_to_date: bool = True,
) -> BuildResult:
    """Build every (or the named) deck into ``config.out_dir`` and update deckgen.lock.

    Work is skipped where the cache under ``build/`` proves it would change nothing
    (``use_cache=False`` rebuilds everything; ``check_up_to_date=False`` when the caller
    has just found the build out of date). ``lint=False`` skips the lint gate; only
    tests use it, to prove rendering is safe on its own.
    """
    cache_warnings: list[str] = []
    options = build_options(config, deck_names, lint)
    state = read_state(config.out_dir, cache_warnings) if use_cache and not dry_run else None
    # build/ deleted: copied back if nothing changed. A caller that passes check_up_to_date=False
    # (deckgen.api.build, the CLI's fast path) has already tried this for a build of every deck.
    if state is None and use_cache and not dry_run and now is None and (check_up_to_date or deck_names):
        restored = restore_build(config, options, cache_warnings)
        if restored is not None:
            return restored
    if state is not None and now is None and check_up_to_date:
        cached = up_to_date(config, state, options)
        if cached is not None:
            return cached
    note_cache = open_note_cache(config, cache_warnings) if use_cache else None
    if note_cache is not None and state is not None and lint and not deck_names and now is None:
        replayed = replay_build(config, note_cache, state, cache_warnings)
        if replayed is not None:
            return replayed
    report, checked = (
        lint_project(config, deck_names, now, warnings=False, cache=note_cache, state=state)
        if lint
        else (LintReport(()), plan_build(config, deck_names, now))
    )
    if checked is None:
        raise ContentError(report.errors)  # the same checks as `deckgen lint`: no build on errors
    plan = checked
    build_warnings = list(plan.standing)  # what the next build replays, without the cache's and lint's lines
    plan.warnings[:0] = cache_warnings
    linted = lint_summary(report)  # one line at most: how many lint warnings
    plan.warnings += linted
    # Tracks and the site need every deck: a build of named decks skips them. Resolved
    # before anything is written, so a bad track file leaves the build untouched.
    # (the plan resolved them against these very specs and decks: the track files are not read and parsed again)
    tracks = (
        (plan.tracks if plan.tracks is not None else resolve_tracks(config, plan.specs, plan.decks))
        if not deck_names
        else None
    )
    if locked and not config.lock_path.exists():
        # one finding, not one 'added' line per card (an upgrading team's fresh clone of notes committed without it)
        raise LockError(
            [
                Finding(
                    config.rel(config.lock_path),
                    0,
                    "there is no deckgen.lock to check this build against",
                    "restore the deckgen.lock your decks were published with (commit it beside the notes); "
                    "for a project never built, run `deckgen build` locally and commit the lock it writes",
                    "locked",
                )
            ]
        )
    if locked and plan.lock_format_only:
        # the records are current: only the file format is old, which --locked must not fail on
        plan.warnings.append(
            f"{config.rel(config.lock_path)} is in an older deckgen's file format; the next `deckgen build` "
            "rewrites it in this version's (commit it: a teammate's older deckgen then asks to be upgraded)"
        )
    elif locked and plan.lock_changed:
        raise LockError(
            [
                Finding(
                    config.rel(config.lock_path),
                    0,
                    f"{c.status}: {c.uid}",
                    "run `deckgen build` locally and commit deckgen.lock",
                    "locked",
                )
                for c in plan.changes
                if c.status != "unchanged"
            ]
            or [
                Finding(
                    config.rel(config.lock_path),
                    plan.lock_edited_line,
                    HAND_EDITED if plan.lock_hand_edited else f"{plan.lock_change_cause} changed",
                    "run `deckgen build` locally and commit deckgen.lock",
                    "locked",
                )
            ]
        )
    outputs: list[str] = []
    lock_written = plan.lock_changed and not (locked and plan.lock_format_only)
    if not dry_run:
        planned = [config.out_dir / f"{release.spec.slug}.apkg" for release in plan.releases]
        if plan.report is not None:
            planned += [changelog_path(config.out_dir, d.slug) for d in plan.report.decks] + [
                config.out_dir / INDEX_NAME
            ]
        if tracks is not None:
            planned += [bundle_path(config, built.track.slug) for built in tracks] + [config.out_dir / "site"]
            planned += [  # a track's changelog once it has an entry (a renamed week, a new pace)
                track_changelog_path(config.out_dir, built.track.slug)
                for built in tracks
                if plan.new_lock.changelog.get(TRACK_KEY + built.track.slug)
            ]
        claim_outputs(config, planned)  # refuses to replace what deckgen did not write; cleans its own leftovers
        writer = DeckWriter(
            config.out_dir, state if use_cache else None, config.root if use_cache else None, proven=plan.proven
        )
        nts = [(nt, plan.notetype_mods[nt.id]) for nt in note_types()]
        for deck, release in zip(plan.decks, plan.releases):
            target = config.out_dir / f"{release.spec.slug}.apkg"
            writer.write(target, [packaged_deck(config, release)], nts, media=plan.media_for(deck.cards))
            outputs.append(str(target))
        if plan.report is not None:  # before the site, which links the changelog
            titles = [(built.track.slug, built.track.title) for built in tracks or ()]
            write_changelogs(config.out_dir, plan.report, plan.new_lock, titles)
        if tracks is not None:
            outputs.extend(
                str(p)
                for p in publish_tracks(config, plan, tracks, nts, writer.write, config.root if use_cache else None)
            )
        lock_existed = config.lock_path.exists()
        if lock_written:  # last: a kill before this leaves the old lock, and the next build redoes the release
            atomic_write_text(config.lock_path, plan.new_lock_text)
        if lock_written or not (plan.lock_changed or plan.lock.canonical):
            remember_lock(config, plan.new_lock_text)  # what the file now holds, byte for byte
        result = BuildResult(
            tuple(outputs),
            tuple(plan.decks),
            tuple(plan.changes),
            lock_written,
            tuple(plan.warnings),
            report=plan.report,
            kept=tuple(writer.untouched),
            lock_created=lock_written and not lock_existed,
        )
        if note_cache is not None:  # only a build that succeeded leaves a cache: a failed one writes nothing
            media = sorted(config.rel(p) for p in plan.media_files.values())
            current = lock_written or not plan.lock_changed  # else the next build must still migrate the lock
            outputs_now = outputs_snapshot(config.out_dir) if current else {}
            recorded = current and lint and not deck_names and plan.sources is not None and plan.lint is not None
            if recorded and plan.sources is not None and plan.lint is not None:
                record_snapshot(config, note_cache, plan.sources, plan.lint, media, build_warnings, outputs_now)
            else:
                forget_snapshot(note_cache)
            note_cache.save()
            if recorded:  # saved apart: a cold build does not hold every deck's rows and every note's entries at once
                remember_decks(note_cache, plan.releases, writer.digests)
                note_cache.save(prune=False)
            summary = {
                "outputs": list(result.outputs),
                "decks": [[d.spec.name, count_anki_cards(d.cards)] for d in plan.decks],
                "warnings": [*plan.standing, *linted],  # what a no-op or a restore prints
                "cards": len(plan.cards),
                "media": media,
                "planned": [p.relative_to(config.out_dir).as_posix() for p in planned],  # what a restore copies back
            }
            if current:
                write_state(
                    config.out_dir,
                    BuildState(project_digest(config, options, media), outputs_now, summary, writer.digests),
                    config.root,
                )
        return result
    return BuildResult(
        tuple(outputs), tuple(plan.decks), tuple(plan.changes), lock_written, tuple(plan.warnings), report=plan.report
    )


def packaged_deck(config: Config, release: DeckRelease) -> PackagedDeck:
    """A deck's package: its live cards in manifest order, then its retired cards (shipped without cards)."""
    return PackagedDeck(
        deck_id=stable_int("deck", release.spec.name),
        name=release.spec.name,
        description=release.description,
        notes=release.notes,
        preset=(  # a deck that declares a pace ships it as an Anki preset (issue 12 item 9)
            pace_preset(config.namespace, f"deck:{release.spec.slug}", release.spec.name, release.spec.new_per_day)
            if release.spec.new_per_day
            else None
        ),
    )


LOCK_WRITTEN = ".deckgen-cache/lock-written.json"


def written_lock(config: Config) -> str:
    """The digest of the lock text this deckgen (this code) last wrote or verified, or "" if unknown."""
    try:
        data = json.loads((config.out_dir / LOCK_WRITTEN).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    digest = data.get("sha256") if isinstance(data, dict) and data.get("code") == code_fingerprint() else None
    return digest if isinstance(digest, str) else ""  # else (another deckgen may write differently) the slow way


def remember_lock(config: Config, text: str) -> None:
    """Record that deckgen.lock holds ``text``, exactly what this code writes for its records."""
    record = {"code": code_fingerprint(), "sha256": lock_digest(text)}
    atomic_write_bytes(config.out_dir / LOCK_WRITTEN, json.dumps(record).encode(), durable=False)
