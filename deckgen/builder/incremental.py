"""A build or lint after an edit that changes nothing shipped: proven from the last build, not re-planned.

A build's outputs (every package, bundle, site page, changelog and deckgen.lock) depend on
a note file only through its cards and its front matter (id, title, author, source, tags,
meta, path); the prose and the draft blocks feed only the generator (whose output is the
cards) and lint. So after each full build a snapshot records, per note file, its content
hash and a *shipped fingerprint* of exactly what the outputs read from it (plus the number
of drafts waiting, which the build warns about), and the build's lint findings split into
each note's own and the project-wide ones.

When the next run finds that every input other than note files is unchanged (deckgen.toml,
deckgen.lock byte for byte, manifests, tracks, cohorts, images, the set of note files,
deckgen's code and settings, the output folder) and every changed note keeps its shipped
fingerprint, a full build would write exactly what is already there: only those notes are
parsed and linted again, and nothing but the caches is written. Anything else — a card
edited, added, deleted or moved, a note added or renamed, a hand-edited lock, a changed
image, a note that no longer parses, a lint error — and the caller runs the full plan,
which stays the only code that decides what ships.
"""

from __future__ import annotations

import hashlib
import operator
import os
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deckgen.builder.cache import (
    BuildState,
    InputScan,
    build_lock,
    build_options,
    inputs_digest,
    other_inputs,
    outputs_snapshot,
    project_digest,
    take_scan,
    write_state,
)
from deckgen.cards.load import Sources, load_some
from deckgen.core.config import generator_fingerprint
from deckgen.core.digests import known_digest, load_input_digests, remember_digest
from deckgen.core.diskcache import CACHE_DIR, PROJECT, NoteCache, code_fingerprint
from deckgen.core.errors import ContentError, Finding, LockError
from deckgen.core.model import BuildResult, Card, CardChange, Note
from deckgen.linter.run import (
    LintParts,
    LintReport,
    finish,
    lock_findings,
    media_store,
    near_duplicate_findings,
    note_findings,
    settings_for,
)
from deckgen.sources.layout import note_names
from deckgen.sources.notes import waiting_drafts

if TYPE_CHECKING:
    from deckgen.core.cardrules import LintSettings
    from deckgen.core.config import Config
    from deckgen.lock.records import Lock

SNAPSHOT = PROJECT + "last-build"
_VERSION = "3"  # the memo's digest column for the snapshot; its own key is inside the value
# The snapshot's near duplicates, in a row of their own (its digest: their hash, which the snapshot
# records): only `deckgen lint` and an edit to cards read them, not the build a prose edit replays.
NEAR = PROJECT + "last-build-near"
# More changed notes than this and the full plan is as cheap as proving them one by one.
_MAX_CHANGED = 50
# Notes replayed since the last full build, kept in a row of their own so that a replay writes
# a few entries, not the whole snapshot (20,000 notes: 0.2 s); past this many it is rewritten whole.
REPLAYED = PROJECT + "last-build-replayed"
_MAX_REPLAYED = 200
# note path -> (content hash, shipped fingerprint, frame fingerprint), its own findings
ReplayedRecord = dict[str, tuple[tuple[str, str, str], list[Finding]]]

# (inputs key, media digest, every note's path, content hash, shipped fingerprint and frame fingerprint
#  in a row (one list of strings: at 20,000 notes it decodes in half the time of an object of
#  triples), shared findings, note path -> its own findings, the near duplicates' row digest
#  ("" when not checked), files, cards, media, build warnings, output files as the build left them or None)
SnapshotRecord = tuple[
    str,
    str,
    list[str],
    list[Finding],
    dict[str, list[Finding]],
    str,
    int,
    int,
    list[str],
    list[str],
    dict[str, list[int]] | None,
]


@dataclass
class Snapshot:
    """What the last full build shipped from each note file, and its lint findings."""

    key: str  # every input but the note files (see :func:`inputs_key`)
    media_digest: str
    notes: dict[str, tuple[str, str, str]]  # note path -> (content hash, shipped and frame fingerprints)
    parts: LintParts
    media: list[str]  # project-relative images the build shipped
    warnings: list[str]  # the build's warnings, without the lint summary line
    outputs: dict[str, list[int]] | None  # size and mtime of every output file, as the build left them
    # notes replayed since that build (already in ``notes`` and ``parts``), stored apart from the record
    replayed: ReplayedRecord = field(default_factory=dict)
    # the digest of the near duplicates' row ("" when the build did not check them); ``parts.near``
    # is None until :meth:`with_near` reads them
    near_digest: str = ""

    def tie(self) -> str:
        """What names the full build this snapshot comes from (replayed notes are stored under it)."""
        return hashlib.sha256(repr((_VERSION, self.key, self.media_digest, self.outputs)).encode()).hexdigest()

    def with_replayed(self, replayed: ReplayedRecord) -> Snapshot:
        """This snapshot with notes replayed since its build; an entry that does not fit it is left out.

        A replay never changes what a note ships, so a replayed entry keeps the build's
        fingerprints: one that does not was replayed from another build (its note is then
        simply checked again, as a changed one).
        """
        notes, own, kept = dict(self.notes), dict(self.parts.own), {}
        for path, (entry, findings) in replayed.items():
            known = notes.get(path)
            if known is not None and known[1:] == entry[1:]:
                notes[path], own[path], kept[path] = entry, findings, (entry, findings)
        return replace(self, notes=notes, parts=replace(self.parts, own=own), replayed=kept)

    def with_near(self, cache: NoteCache) -> Snapshot | None:
        """This snapshot with its near duplicates read (None: its build checked none, or their row is gone)."""
        if self.parts.near is not None:
            return self
        if not self.near_digest:
            return None
        near = cache.get(NEAR, self.near_digest, lambda value: isinstance(value, list), list[Finding], typed_only=True)
        return None if near is None else replace(self, parts=replace(self.parts, near=near))

    def record(self) -> SnapshotRecord:
        """The snapshot as the memo stores it (its near duplicates apart: see :func:`_put_snapshot`)."""
        own = {path: findings for path, findings in self.parts.own.items() if findings}
        return (
            self.key,
            self.media_digest,
            [text for path, entry in self.notes.items() for text in (path, *entry)],
            self.parts.shared,
            own,
            self.near_digest,
            self.parts.files,
            self.parts.cards,
            self.media,
            self.warnings,
            self.outputs,
        )

    @classmethod
    def from_record(cls, record: SnapshotRecord) -> Snapshot:
        """The snapshot a memo entry holds."""
        key, media_digest, row, shared, own, near_digest, files, cards, media, warnings, outputs = record
        notes = dict(zip(row[0::4], zip(row[1::4], row[2::4], row[3::4])))
        parts = LintParts(shared, own, None, files, cards)
        return cls(key, media_digest, notes, parts, media, warnings, outputs, near_digest=near_digest)


def _valid(value: Any) -> bool:
    # The typed decoder checked every field against SnapshotRecord (the tagged form, which
    # does not, is refused: typed_only); what is left is the record's own consistency.
    return isinstance(value, tuple) and len(value) == 11 and len(value[2]) % 4 == 0


def shipped_fingerprint(note: Note, cards: list[Card]) -> str:
    """A hash of everything a build's outputs read from one note file (its prose and card blocks aside)."""
    view = replace(note, blurb="", sections=(), card_blocks=())  # read by the generator and lint only
    return hashlib.sha256(repr((view, cards, waiting_drafts(note))).encode()).hexdigest()


def frame_fingerprint(note: Note) -> str:
    """A hash of what the outputs and the whole-project checks read from a note file besides its cards."""
    view = replace(note, blurb="", sections=(), card_blocks=())
    return hashlib.sha256(repr((view, waiting_drafts(note))).encode()).hexdigest()


def fingerprints(note: Note, cards: list[Card]) -> tuple[str, str]:
    """:func:`shipped_fingerprint` and :func:`frame_fingerprint` of one note, its view written out once for both."""
    view = view_repr(note)
    drafts = repr(waiting_drafts(note))
    # the repr of a tuple is its items' reprs joined by ", " in parentheses
    shipped = hashlib.sha256(f"({view}, {cards_repr(cards)}, {drafts})".encode()).hexdigest()
    return shipped, hashlib.sha256(f"({view}, {drafts})".encode()).hexdigest()


# What a Note's dataclass repr writes, as one format; the prose and card blocks blanked (the fingerprints' view).
_NOTE_FIELDS = tuple(f.name for f in dataclass_fields(Note) if f.repr)
_NOTE_REPR = "Note(" + ", ".join(f"{name}=%r" for name in _NOTE_FIELDS) + ")"
_BLANKED: dict[str, object] = {"blurb": "", "sections": (), "card_blocks": ()}


def view_repr(note: Note) -> str:
    """``repr(replace(note, blurb="", sections=(), card_blocks=()))``, without making the copy (2,000 a cold build).

    ``tests/test_cold_build_fast_paths.py`` checks the two agree.
    """
    if type(note) is not Note:
        return repr(replace(note, **_BLANKED))  # type: ignore[arg-type]
    return _NOTE_REPR % tuple(_BLANKED[name] if name in _BLANKED else getattr(note, name) for name in _NOTE_FIELDS)


# What a Card's dataclass repr writes, as one format: "Card(note_id='a', key='q1', ...)".
_CARD_REPR = "Card(" + ", ".join(f"{f.name}=%r" for f in dataclass_fields(Card) if f.repr) + ")"
_card_values = operator.attrgetter(*(f.name for f in dataclass_fields(Card) if f.repr))


def cards_repr(cards: list[Card]) -> str:
    """``repr(cards)``, each card written by one format instead of the dataclass's guarded ``__repr__`` (8,000 a cold build).

    ``tests/test_cold_build_fast_paths.py`` checks the two agree.
    """
    if not all(type(card) is Card for card in cards):
        return repr(cards)
    return "[" + ", ".join([_CARD_REPR % _card_values(card) for card in cards]) + "]"


def split_inputs(config: Config, names: list[str] | None = None) -> tuple[list[Path], dict[str, str]]:
    """Every file a build reads besides notes and images, and the note files (their paths) by project-relative path.

    ``names``: the note files as this build already listed them (not listed again).
    """
    content, root = str(config.content_dir) + os.sep, str(config.root) + os.sep
    # What note_files lists; a file wrongly taken for a note only ever stops a replay (its bytes are
    # compared, and a snapshot is only recorded when every such file became a note). Strings, not
    # Path objects: this runs over every note on every edit (at 20,000 notes the Paths cost 0.3 s).
    notes: dict[str, str] = {}
    others = other_inputs(config)
    inside, cut, posix = content.startswith(root), len(root), os.sep == "/"
    for name in note_names(config.content_dir) if names is None else names:
        if name.startswith(content) and (inside or name.startswith(root)):
            notes[name[cut:] if posix else name[cut:].replace(os.sep, "/")] = name
        else:
            others.append(Path(name))
    return others, notes


def inputs_key(config: Config, others: list[Path], notes: dict[str, str]) -> str:
    """A digest of every input except note files' bytes and images: settings, lock, manifests, tracks, the options."""
    options = {**build_options(config, (), True), "out": str(config.out_dir), "notes": sorted(notes)}
    return inputs_digest(config.root, others, options)


def _media_digest(config: Config, media: list[str]) -> str:
    return inputs_digest(config.root, [config.root / name for name in media], {})


def note_digests(notes: dict[str, str]) -> dict[str, str]:
    """The sha256 of every note file, by project-relative path (reusing hashes this process made)."""
    digests: dict[str, str] = {}
    for rel, name in notes.items():
        info = os.stat(name)
        digest = known_digest(name, info)
        if digest is None:
            with open(name, "rb") as handle:
                digest = hashlib.sha256(handle.read()).hexdigest()
            remember_digest(name, info, digest)
        digests[rel] = digest
    return digests


def _scanned(scan: InputScan | None, notes: dict[str, str]) -> dict[str, str] | None:
    """The notes' hashes as this build's no-op check found them, if it hashed every one (else None)."""
    if scan is None:
        return None
    known = scan.digests
    try:
        return {rel: known[name] for rel, name in notes.items()}
    except KeyError:
        return None  # unreadable or oversized: note_digests says so


def read_snapshot(cache: NoteCache, *, near: bool = True) -> Snapshot | None:
    """The last full build's snapshot, if the memo holds a valid one (``near``: with its near duplicates)."""
    record = cache.get(SNAPSHOT, _VERSION, _valid, SnapshotRecord, typed_only=True)
    if record is None:
        return None
    snapshot = Snapshot.from_record(record)
    if near:
        snapshot = snapshot.with_near(cache) or snapshot
    replayed = cache.get(
        REPLAYED, snapshot.tie(), lambda value: isinstance(value, dict), ReplayedRecord, typed_only=True
    )
    return snapshot.with_replayed(replayed) if replayed else snapshot


@dataclass
class Replay:
    """A run that the last build's snapshot answers, with only the changed notes re-read."""

    snapshot: Snapshot  # updated: the changed notes' hashes and findings
    settings: LintSettings
    changed: list[str]  # note paths whose bytes changed
    inputs: list[Path | str]  # every file the build reads, images aside
    # notes whose cards changed (their frame did not), with those cards; only when asked for
    edited: list[tuple[Note, list[Card]]] = field(default_factory=list)
    sources: Sources = field(default_factory=Sources)  # the changed notes, as read

    @property
    def parts(self) -> LintParts:
        """The lint findings of the project as it is now."""
        return self.snapshot.parts


def try_replay(
    config: Config, cache: NoteCache, *, edits: bool = False, scan: InputScan | None = None, near: bool = False
) -> Replay | None:
    """A :class:`Replay` when only note files changed and none of them changes what ships; else None.

    ``edits``: a note whose cards changed but not its frame (front matter, drafts waiting)
    is kept in :attr:`Replay.edited` instead of refusing (`deckgen lint` checks those itself).
    ``scan``: this build's no-op check, whose listing and hashes are used instead of walking
    and hashing again. ``near``: the near duplicates are read even when the replay does not need
    them (a build needs them only for edited cards, or when they are errors); None without them.
    """
    snapshot = read_snapshot(cache, near=False)
    if snapshot is None:
        return None
    load_input_digests(config.root / CACHE_DIR)  # the last build's hashes: unchanged notes are not read again
    inputs, note_paths = split_inputs(config, None if scan is None else scan.notes)
    if set(note_paths) != set(snapshot.notes) or inputs_key(config, inputs, note_paths) != snapshot.key:
        return None
    try:
        digests = _scanned(scan, note_paths) or note_digests(note_paths)
    except OSError:
        return None  # a note vanished while we looked: the full build reports what is there
    if _media_digest(config, snapshot.media) != snapshot.media_digest:
        return None
    changed = [rel for rel, digest in digests.items() if snapshot.notes[rel][0] != digest]
    if len(changed) > _MAX_CHANGED:
        return None
    sources = load_some(config, cache, [(Path(note_paths[rel]), rel) for rel in changed])
    if sources.findings or len(sources.notes) != len(changed):
        return None  # a note that no longer parses, or whose cards have problems: the full build says so
    settings = settings_for(config)
    store = media_store(config, settings)
    notes = dict(snapshot.notes)
    own = dict(snapshot.parts.own)
    replayed = dict(snapshot.replayed)
    edited: list[tuple[Note, list[Card]]] = []
    for note in sources.notes:
        cards = sources.cards.get(note.id, [])
        if any("![" in text for card in cards for text in (card.front, card.back, card.extra)):
            return None  # images: what ships also depends on files outside the note
        fingerprint = shipped_fingerprint(note, cards)
        same = notes[note.path][1] == fingerprint  # it ships what the last build shipped from it
        if not same:
            if not edits or notes[note.path][2] != frame_fingerprint(note):
                return None  # a card changed: identities, releases and outputs need the full plan
            edited.append((note, cards))  # the snapshot keeps what the last build shipped from it
        own[note.path] = note_findings(sources, note, settings, store)
        if same:
            notes[note.path] = (sources.digests[note.path], fingerprint, notes[note.path][2])
            replayed[note.path] = (notes[note.path], own[note.path])
    if near or edited or settings.level("L16", "warning") == "error":
        # lint reports them, an edited card's question may change them, and as errors they stop the build
        with_near = snapshot.with_near(cache)
        if with_near is None:
            return None
        snapshot = with_near
    parts = replace(snapshot.parts, own=own)
    inputs_all: list[Path | str] = [*inputs, *note_paths.values()]
    updated = replace(snapshot, notes=notes, parts=parts, replayed=replayed)
    return Replay(updated, settings, changed, inputs_all, edited, sources)


def save_replay(cache: NoteCache, replay: Replay) -> None:
    """Remember the changed notes' new hashes and findings (the memo rows of other notes are kept)."""
    snapshot = replay.snapshot
    if len(snapshot.replayed) <= _MAX_REPLAYED:
        cache.put(REPLAYED, snapshot.tie(), snapshot.replayed, ReplayedRecord)  # the snapshot's row stays
    else:
        _put_snapshot(cache, snapshot)
    cache.save(prune=False)


def _put_snapshot(cache: NoteCache, snapshot: Snapshot | None) -> None:
    """Store ``snapshot`` whole (None: no snapshot), with no replayed notes apart (one transaction on save)."""
    if snapshot is None:
        cache.put(SNAPSHOT, "", None)  # a digest no run asks for
        cache.put(NEAR, "", None)
    else:
        near = snapshot.parts.near
        if near is not None:  # else not read this run: their row stays as it is
            snapshot = replace(snapshot, near_digest=hashlib.sha256(repr(near).encode()).hexdigest())
            cache.put(NEAR, snapshot.near_digest, near, list[Finding])
        cache.put(SNAPSHOT, _VERSION, snapshot.record(), SnapshotRecord)
    cache.put(REPLAYED, "", None)


def replayed_lint(config: Config, cache: NoteCache) -> LintReport | None:
    """`deckgen lint`'s report from the last build's snapshot, or None when it needs the full run.

    Cards edited, added or deleted in place (see :func:`edited_cards`) are checked here
    too: their notes' own findings, their near duplicates, and the lock's staleness from
    their records alone.
    """
    if not _first_try(config):
        return None
    replay = try_replay(config, cache, edits=True, near=True)
    if replay is None or replay.parts.near is None:
        return None
    if replay.edited:
        changed = edited_cards(config, replay)  # updates the parts: near duplicates, the number of cards
        if changed is None:
            return None
        report = replay.parts.report(replay.settings)
        stale = lock_findings(config.rel(config.lock_path), True, changed)
        report = finish([*report.findings, *stale], replay.settings, report.files, report.cards)
        if not report.errors:
            cache.save(prune=False)  # the edited notes' memo rows; the snapshot stays the last build's
    else:
        report = replay.parts.report(replay.settings)
        if not report.errors:
            save_replay(cache, replay)
    _REFUSED.discard(str(config.root))
    return report


def edited_cards(config: Config, replay: Replay) -> list[str] | None:
    """The uids a build would record as changed when cards were edited, added or deleted in place; else None.

    Cards cannot cross into or out of an unchanged note: the lock is the one the last full
    build wrote (:func:`try_replay` compared its bytes), so every live record of an
    unchanged note is one of its cards, and nothing is left there for a card to move from.
    So the edited notes are planned alone, with the build's own identity steps (keys,
    renames, moves between them, stamps, retirement) over their records only; the near
    duplicates involving their questions are found again against every other question
    (memoised stems), and :attr:`Replay.snapshot`'s lint parts updated to match. None
    (the full run) for anything this cannot vouch for: a note with whole-project findings,
    a note in no deck, a repeated note id, images, a memo row missing, no card changed.
    """
    from deckgen.builder.rendering import rendered_cards
    from deckgen.lock.identity import carry_removed, resolve_keys, stamp
    from deckgen.lock.moves import apply_moves, avoid_moved_keys, keep_shipped_ids, match_moves, renames
    from deckgen.lock.records import Lock, note_records

    snapshot = replay.snapshot
    order = {path: index for index, path in enumerate(snapshot.notes)}
    edited = sorted(replay.edited, key=lambda pair: order[pair[0].path])  # the build's order
    shared = {finding.path for finding in snapshot.parts.shared}
    lock = Lock()
    for note, _ in edited:
        if note.path in shared or note.id in lock.cards:
            return None
        try:
            records = note_records(config.lock_path, note.id)
        except (OSError, UnicodeError, ContentError, LockError):
            return None
        alive = [record for record in records.values() if record.live]
        if not alive or any(not record.deck for record in alive):
            return None  # in no deck: its cards are retired as deckless, which needs the manifests
        lock.cards[note.id] = records
    cards_by_note: dict[str, list[Card]] = {}
    decisions = []
    for note, cards in edited:
        cards_by_note[note.id], found = resolve_keys(cards, lock, note.id)
        decisions.extend(found)
    avoid_moved_keys(cards_by_note, lock)
    pinned = renames(decisions, lock)
    keep_shipped_ids(cards_by_note, lock, pinned)
    moves, _ = match_moves(cards_by_note, lock, pinned)
    store = media_store(config, replay.settings)
    new_lock = Lock()
    built = {}
    changes: list[CardChange] = []
    for note, _ in edited:  # stamped as plan_build stamps them (the time is not asked: only the status)
        cards = cards_by_note[note.id]
        for card, (values, content_hash, media) in zip(cards, rendered_cards(replay.sources, note, cards, store)):
            built[card.uid] = stamp(card, values, content_hash, media, (), config.namespace, lock, new_lock, 0)
            changes.append(CardChange(card.uid, built[card.uid].status))
    apply_moves(pinned + moves, lock, new_lock, built, changes, config.namespace, 0)
    changed = [change.uid for change in changes if change.status != "unchanged"]
    changed += [f"{note_id}/{key}" for note_id, key, _ in carry_removed(lock, new_lock, 0)]
    if not changed:
        return None  # no card changed after all: the full run tells what did
    parts = _edited_parts(config, replay, edited, lock, cards_by_note)
    if parts is None:
        return None
    replay.snapshot = replace(snapshot, parts=parts)
    return changed


def _edited_parts(
    config: Config, replay: Replay, edited: list[tuple[Note, list[Card]]], lock: Lock, keyed: dict[str, list[Card]]
) -> LintParts | None:
    """The snapshot's lint parts with the edited notes' near duplicates found again and the cards counted again.

    ``lock``: the edited notes' records, whose live ones are exactly their cards at the last
    build; ``keyed``: their cards now, by note id, with the keys identity gave them.
    """
    parts = replay.snapshot.parts
    live = {note.id: lock.live(note.id) for note, _ in edited}
    cards = parts.cards + sum(len(cards) - len(live[note.id]) for note, cards in edited)
    paths = {note.path for note, _ in edited}
    if parts.near is None or (
        # every question as the last build shipped it, and none in a near duplicate then (whose lines may
        # have moved): the pairs are the last build's
        all(
            sorted(card.key for card in keyed[note.id]) == sorted(live[note.id])
            and all(live[note.id][card.key].front == card.front for card in keyed[note.id])
            for note, _ in edited
        )
        and not any(f.path in paths or any(f"at {path}:" in f.message for path in paths) for f in parts.near)
    ):
        return replace(parts, cards=cards)
    near = _edited_near(config, replay, edited)
    return None if near is None else replace(parts, near=near, cards=cards)


def _edited_near(config: Config, replay: Replay, edited: list[tuple[Note, list[Card]]]) -> list[Finding] | None:
    """L16 as the full run finds it: the snapshot's pairs between other notes, and every pair of an edited question."""
    from deckgen.cards.load import SCHEMAS
    from deckgen.linter.run import pair_findings, stems_of, valid_stems
    from deckgen.quality.neardup import Pair, similarity

    snapshot, threshold, cache = replay.snapshot, replay.settings.near_duplicate, replay.sources.cache
    ours = {note.path: cards for note, cards in edited}
    kept = [
        finding
        for finding in snapshot.parts.near or []
        if finding.path not in ours and not any(f"at {path}:" in finding.message for path in ours)
    ]
    if not 0 < threshold <= 1:
        return kept
    if cache is None:
        return None
    cache.prefetch("stems:")  # a lazy memo: one query, not one per note
    stems: list[frozenset[str]] = []
    note_stems: list[list[str]] | None
    owner: list[tuple[str, int]] = []  # each prompt's (note path, place among its note's cards), in the build's order
    mine: list[int] = []
    for path, (digest, _, _) in snapshot.notes.items():
        if path in ours:
            note_stems = stems_of([card.front for card in ours[path]])
            mine += range(len(stems), len(stems) + len(note_stems))
        else:
            note_stems = cache.get(f"stems:{path}", digest, valid_stems, SCHEMAS["stems"], typed_only=True)
            if note_stems is None:
                return None  # not memoised (a note with images): the full run
        owner += [(path, index) for index in range(len(note_stems))]
        stems += [frozenset(stem) for stem in note_stems]
    fresh = set(mine)
    pairs: list[Pair] = []
    for i in mine:  # as the near-duplicate memo compares changed prompts with the rest
        for j, other in enumerate(stems):
            if j != i and not (j in fresh and j < i):  # a pair of two edited prompts is found once
                score = similarity(stems[i], other, threshold)
                if score is not None:
                    pairs.append(Pair(min(i, j), max(i, j), score))
    pairs.sort(key=lambda pair: (pair.first, pair.second))
    # the other side of each pair, read from its note (through the memo)
    others = sorted({owner[k][0] for pair in pairs for k in (pair.first, pair.second)} - set(ours))
    loaded = load_some(config, cache, [(config.root / path, path) for path in others])
    if loaded.findings or len(loaded.notes) != len(others):
        return None
    notes = {note.id: note for note in [*(note for note, _ in edited), *loaded.notes]}
    by_path = {**ours, **{note.path: loaded.cards.get(note.id, []) for note in loaded.notes}}
    involved = sorted({k for pair in pairs for k in (pair.first, pair.second)})
    local = {k: place for place, k in enumerate(involved)}
    try:
        cards = [by_path[owner[k][0]][owner[k][1]] for k in involved]
    except IndexError:
        return None  # a memo row that is not this note's cards after all
    found = [Pair(local[pair.first], local[pair.second], pair.similarity) for pair in pairs]
    return kept + pair_findings(cards, notes, replay.settings, found)


def record_snapshot(
    config: Config,
    cache: NoteCache,
    sources: Sources,
    parts: LintParts,
    media: list[str],
    warnings: list[str],
    outputs: dict[str, list[int]] | None,
) -> None:
    """After a full build (or None ``outputs``: nothing built), what the next run may replay from."""
    old = read_snapshot(cache, near=False)
    previous = old.notes if old is not None else {}
    notes: dict[str, tuple[str, str, str]] = {}
    for note in sources.notes:
        digest = sources.digests.get(note.path)
        if digest is None:
            forget_snapshot(cache)
            return
        known = previous.get(note.path)
        notes[note.path] = (
            known
            if known is not None and known[0] == digest
            else (digest, *fingerprints(note, sources.cards.get(note.id, [])))
        )
    inputs, files = split_inputs(config)
    if sorted(files) != sorted(notes):
        forget_snapshot(cache)  # a note file that did not become a note: nothing to replay from
        return
    if parts.near is None:  # `deckgen lint` after the next edit needs them; pairs of unchanged notes are memoised
        parts = replace(parts, near=near_duplicate_findings(sources, settings_for(config)))
    key = inputs_key(config, inputs, files)
    _put_snapshot(cache, Snapshot(key, _media_digest(config, media), notes, parts, media, warnings, outputs))


def forget_snapshot(cache: NoteCache) -> None:
    """No replay from the memo: the last build was not a full one (partial, unlinted, or failed to record)."""
    _put_snapshot(cache, None)


def open_note_cache(config: Config, warnings: list[str], *, lazy: bool = False) -> NoteCache:
    """The per-note cache for this project's code and settings (``lazy``: for a replay, which reads a few rows)."""
    # the spaCy and model versions too: upgrading the nlp extra regenerates every note's cards
    salt = code_fingerprint(config.root / CACHE_DIR) + repr(config.settings) + generator_fingerprint(config.settings)
    return NoteCache(config.root, salt, warnings, lazy=lazy)


def lint_summary(report: LintReport) -> list[str]:
    """The build's one line about lint warnings, if any (a stale lock aside: the build is about to fix it; and a
    note in no deck: the build says so in full)."""
    warned = [f for f in report.warnings if f.rule not in ("lock-stale", "no-deck")]
    if not warned:
        return []
    return [f"{len(warned)} lint warning{'s' if len(warned) != 1 else ''}: run `deckgen lint` to see them"]


# Projects whose replay this process has just tried and refused: the caller's fallback (the
# CLI's entry point, then the API, then the pipeline) does not try again. Consumed on use.
_REFUSED: set[str] = set()


def _first_try(config: Config) -> bool:
    """False (once) right after a refused replay of this project in this process."""
    name = str(config.root)
    if name in _REFUSED:
        _REFUSED.discard(name)
        return False
    _REFUSED.add(name)  # until it succeeds: an exception on the way counts as refused
    return True


def replayed_build(config: Config, state: BuildState) -> BuildResult | None:
    """A plain `deckgen build` (every deck, linted) answered by :func:`replay_build`, holding the project.

    Never waits for another build: when one is running, the full build waits for it.
    """
    with build_lock(config, wait=0):
        cache_warnings: list[str] = []
        cache = open_note_cache(config, cache_warnings, lazy=True)
        return replay_build(config, cache, state, cache_warnings)


def replay_build(config: Config, cache: NoteCache, state: BuildState, cache_warnings: list[str]) -> BuildResult | None:
    """The build after edits that change nothing shipped, or None for the full build.

    The outputs are already byte for byte what the full build would write: re-lint the
    changed notes, record their hashes, write nothing else. The caller holds the build lock.
    """
    scan = take_scan(config, state)  # consumed here, whatever happens next
    if not _first_try(config):
        return None
    replay = try_replay(config, cache, edits=True, scan=scan)
    if replay is not None and replay.edited:  # cards changed: the full build, with their lint done here
        if edited_cards(config, replay) is not None:
            cache.save(prune=False)  # the edited notes' parse and rendered fields: the full build reads them
            _EDITED[str(config.root)] = replay
        return None
    if replay is None or not replay_state(state, replay.snapshot, outputs_snapshot(config.out_dir)):
        return None
    settings = replay.settings
    report = replay.parts.report(settings, near_duplicates=settings.level("L16", "warning") == "error")
    if report.errors:
        return None  # the full build stops on them, with its own report
    warnings = [*replay.snapshot.warnings, *lint_summary(report)]
    save_replay(cache, replay)
    summary = {**state.summary, "warnings": warnings}
    options = build_options(config, (), True)
    if scan is not None and scan.options == options and scan.media == replay.snapshot.media:
        digest = scan.digest  # the very files and hashes the replay checked
    else:
        files = [*replay.inputs, *(config.root / name for name in replay.snapshot.media)]
        digest = project_digest(config, options, replay.snapshot.media, files)
    write_state(config.out_dir, BuildState(digest, state.outputs, summary, state.deck_digests), config.root)
    _REFUSED.discard(str(config.root))
    return BuildResult(
        outputs=(),
        decks=(),
        changes=(),
        lock_changed=False,
        warnings=tuple([*cache_warnings, *warnings]),
        up_to_date=tuple((name, count) for name, count in summary.get("decks", [])),
        unchanged=int(summary.get("cards", 0)),
    )


# Per project, a refused replay whose only reason was cards edited in place (see
# :func:`edited_cards`): its lint findings, for the full build that follows in this
# process (:func:`edited_parts`). Consumed on use.
_EDITED: dict[str, Replay] = {}


def edited_parts(config: Config, sources: Sources) -> LintParts | None:
    """The lint findings of ``sources`` as a refused replay of this project found them, if it checked these very notes.

    The replay's notes must be the ones just loaded, byte for byte, and every other input
    the snapshot's (a file may have changed in between); else None and lint runs in full.
    """
    replay = edited_replay(config, sources)
    return None if replay is None else replay.parts


def edited_replay(config: Config, sources: Sources) -> Replay | None:
    """:func:`edited_parts`'s refused replay itself: its lint parts, and the notes (:attr:`Replay.changed`) it proved
    the only inputs changed since the last full build."""
    replay = _EDITED.pop(str(config.root), None)
    if replay is None or sources.findings:
        return None
    expected = {path: note[0] for path, note in replay.snapshot.notes.items()}
    expected.update(replay.sources.digests)  # the changed notes, as the replay read them
    if {note.path: sources.digests.get(note.path) for note in sources.notes} != expected:
        return None
    inputs, notes = split_inputs(config)
    return replay if inputs_key(config, inputs, notes) == replay.snapshot.key else None


def replay_state(state: BuildState, snapshot: Snapshot, outputs: dict[str, list[int]]) -> bool:
    """Whether the output folder is exactly what the snapshot's build left (and the build state describes)."""
    return snapshot.outputs is not None and snapshot.outputs == outputs == state.outputs
