"""``build(config) -> BuildResult``: notes -> cards -> identities -> decks -> .apkg files."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from deckgen.build.bundles import bundle_path, publish_tracks, resolve_tracks
from deckgen.build.cache import (
    BuildState, DeckWriter, build_options, outputs_snapshot, project_digest, read_state,
    build_lock, claim_outputs, up_to_date, write_state,
)
from deckgen.core.diskcache import NoteCache, code_fingerprint
from deckgen.build.changelog import INDEX_NAME, changelog_path, record_entries, write_changelogs
from deckgen.core.config import Config
from deckgen.sources.manifests import assemble, select_notes
from deckgen.build.diff import DiffReport, compare
from deckgen.core.errors import ContentError, Finding, LockError
from deckgen.core.files import atomic_write_text
from deckgen.cards.generate import waiting_drafts
from deckgen.lock.guard import check_frozen_schema
from deckgen.cards.load import Sources, load_sources
from deckgen.lint.run import LintReport, finish, lint_sources, lock_findings, media_store, settings_for
from deckgen.lock.identity import (
    Lock, MatchDecision, Stamped, build_time, carry_removed, read_lock, resolve_keys,
    stable_hash, stable_int, stamp, stamp_notetype,
)
from deckgen.core.model import BuildResult, BuiltDeck, Card, CardChange, DeckSpec, Note
from deckgen.lock.moves import apply_moves, avoid_moved_keys, match_moves
from deckgen.anki.notetypes import NoteType, card_fields, note_type_for, note_types
from deckgen.anki.packaged import PackagedDeck, PackagedNote
from deckgen.build.release import DeckRelease, guid_of, plan_releases
from deckgen.anki.render import ImageResolver

BASE_TAG = "deckgen"


@dataclass
class Plan:
    """Everything a build would write, computed without writing anything."""

    notes: dict[str, Note]
    specs: list[DeckSpec]
    decks: list[BuiltDeck]
    stamped: dict[str, Stamped]  # by card uid
    fields: dict[str, tuple[str, ...]]
    notetype_mods: dict[int, int]
    lock: Lock
    new_lock: Lock
    decisions: list[MatchDecision]
    changes: list[CardChange]
    warnings: list[str] = field(default_factory=list)
    lock_path: Path = Path("deckgen.lock")
    media: dict[str, tuple[str, ...]] = field(default_factory=dict)  # packaged image names by card uid
    media_files: dict[str, Path] = field(default_factory=dict)  # packaged name -> source file
    releases: list[DeckRelease] = field(default_factory=list)  # per built deck: notes shipped, release number
    report: DiffReport | None = None  # what this build changes, for `deckgen diff` and the changelog

    def media_for(self, cards: Iterable[Card]) -> list[tuple[str, Path]]:
        """The images ``cards`` show, as (packaged name, file) pairs for write_apkg."""
        names = sorted({name for card in cards for name in self.media.get(card.uid, ())})
        return [(name, self.media_files[name]) for name in names]

    def packaged_note(self, namespace: str, card: Card, position: int) -> PackagedNote:
        """``card`` as written into a deck or bundle, ``position`` its place in the new-card queue."""
        return PackagedNote(
            guid=guid_of(namespace, card.note_id, card.key, self.new_lock.cards.get(card.note_id, {}).get(card.key)),
            model_id=note_type_for(card).id,
            fields=self.fields[card.uid],
            tags=card_tags(card),
            mod=self.stamped[card.uid].mod,
            due=position,
        )

    @functools.cached_property
    def new_lock_text(self) -> str:
        """The lockfile as it will be written."""
        return self.new_lock.to_json()

    @functools.cached_property
    def lock_changed(self) -> bool:
        """Whether deckgen.lock would be rewritten."""
        old = self.lock_path.read_text(encoding="utf-8") if self.lock_path.exists() else ""
        return old != self.new_lock_text


def card_tags(card: Card) -> tuple[str, ...]:
    """Tags shipped with a card: the note's tags plus ``deckgen`` (sorted, no repeats)."""
    return tuple(sorted({BASE_TAG, *card.tags}))


def plan_build(config: Config, deck_names: Sequence[str] = (), now: int | None = None, sources: Sources | None = None) -> Plan:
    """Parse (unless ``sources`` were already loaded), generate and stamp every card; choose the decks. Writes nothing."""
    # Gather every problem from every stage before giving up: the curator fixes them in one go.
    sources = sources or load_sources(config)
    notes, specs, findings = sources.notes, sources.specs, list(sources.findings)
    cards_by_note = dict(sources.cards)
    if not specs and not any(f.path.endswith((".yaml", ".yml")) for f in findings):
        findings.append(Finding(config.rel(config.decks_dir), 0, "no deck manifests found", "add decks/<name>.yaml with 'deck:' and 'notes:'", "manifest"))
    if findings:
        raise ContentError(findings)
    chosen = _choose_specs(specs, deck_names)
    by_id = {note.id: note for note in notes}
    lock = read_lock(config.lock_path)
    timestamp = build_time() if now is None else now

    decisions: list[MatchDecision] = []
    for note_id, cards in cards_by_note.items():
        cards_by_note[note_id], note_decisions = resolve_keys(cards, lock, note_id)
        decisions.extend(note_decisions)

    avoid_moved_keys(cards_by_note, lock)
    moves, move_decisions = match_moves(cards_by_note, lock)
    decisions.extend(move_decisions)
    warnings = [d.warning for d in decisions if d.warning]
    warnings += [f"{n.path}: {waiting_drafts(n)} draft card(s) not built yet — set their Status to approved or rejected"
                 for n in notes if waiting_drafts(n)]
    deck_of: dict[str, str] = {}
    decks_of: dict[str, list[str]] = {}  # every deck a card ships in (a note may be in several)
    built: list[BuiltDeck] = []
    for spec in specs:
        selected, selector_findings = select_notes(spec, notes)
        for finding in selector_findings:
            if finding.severity == "error":
                findings.append(finding)
            else:
                warnings.append(str(finding))
        deck = assemble(spec, selected, cards_by_note)
        for card in deck.cards:
            deck_of.setdefault(card.uid, spec.name)
            if spec.name not in decks_of.setdefault(card.uid, []):
                decks_of[card.uid].append(spec.name)
        if spec in chosen:
            built.append(deck)
    if findings:
        raise ContentError(findings)

    new_lock = Lock(extra=dict(lock.extra))
    notetype_mods = {nt.id: stamp_notetype(nt.name, _notetype_hash(nt), lock, new_lock, timestamp) for nt in note_types()}
    check_frozen_schema(note_types(), lock, new_lock)
    stamped: dict[str, Stamped] = {}
    fields: dict[str, tuple[str, ...]] = {}
    changes: list[CardChange] = []
    store = media_store(config)
    media: dict[str, tuple[str, ...]] = {}
    for note in notes:
        # rendering is a pure function of the note's file (and images, which opt out of the memo)
        rendered: dict[tuple[str, str], tuple[tuple[str, ...], str]] = sources.remembered("fields", note, dict)
        for card in cards_by_note[note.id]:
            used: list[str] = []
            memo_key = (card.key, repr(card))
            memo = rendered.get(memo_key)
            if memo is None:
                values = card_fields(card, note, images=_recording(store.resolver(note.path), used))
                memo = rendered[memo_key] = (values, stable_hash(note_type_for(card).id, values, card_tags(card)))
                if sources.cache is not None:
                    sources.cache.dirty = True
            values, content_hash = memo
            if used:
                media[card.uid] = tuple(sorted(set(used)))
            result = stamp(card, content_hash, deck_of.get(card.uid, ""), lock, new_lock, timestamp)
            stamped[card.uid] = result
            fields[card.uid] = values
            old = lock.cards.get(card.note_id, {}).get(card.key, {})
            changes.append(CardChange(card.uid, result.status, card.front, card.back, old.get("front", ""), old.get("back", "")))  # type: ignore[arg-type]
    apply_moves(moves, lock, new_lock, stamped, changes, timestamp)
    for note_id, key, record in carry_removed(lock, new_lock, timestamp):
        changes.append(CardChange(f"{note_id}/{key}", "retired", old_front=record.get("front", ""), old_back=record.get("back", "")))
    media_files = {name: store.files[name].path for names in media.values() for name in names}
    releases, release_warnings = plan_releases(
        config.namespace, specs, built, by_id, stamped, fields, card_tags, lock, new_lock, notetype_mods, timestamp, decks_of
    )
    report = compare(releases, changes, decisions, lock, new_lock, warnings + release_warnings)
    record_entries(report, lock, new_lock)
    return Plan(by_id, specs, built, stamped, fields, notetype_mods, lock, new_lock, decisions, changes, list(report.warnings),
                config.lock_path, media, media_files, releases, report)


def _recording(resolve: ImageResolver, used: list[str]) -> ImageResolver:
    """Wrap an image resolver so the build knows which media each card ships."""
    def record(src: str) -> str | None:
        name = resolve(src)
        if name is not None:
            used.append(name)
        return name

    return record


def lint_project(
    config: Config, deck_names: Sequence[str] = (), now: int | None = None, *, warnings: bool = True,
    cache: NoteCache | None = None,
) -> tuple[LintReport, Plan | None]:
    """Every lint finding, including a stale lockfile; the build plan when the sources are clean.

    ``warnings=False`` (the build) may skip checks that can only warn, such as L16.
    """
    settings = settings_for(config)
    sources = load_sources(config, cache)
    report = lint_sources(config, sources, settings, near_duplicates=warnings or settings.level("L16", "warning") == "error")
    if report.errors:
        return report, None
    plan = plan_build(config, deck_names, now, sources)
    changed = [c.uid for c in plan.changes if c.status != "unchanged"]
    if plan.lock_changed and not changed:
        changed = ["note type templates or CSS, card order, or a deck's name, description or release"]
    stale = lock_findings(config.rel(config.lock_path), config.lock_path.exists(), changed)
    return finish([*report.findings, *stale], settings, report.files, report.cards), plan


def _choose_specs(specs: list[DeckSpec], names: Sequence[str]) -> list[DeckSpec]:
    if not names:
        return specs
    chosen: list[DeckSpec] = []
    for name in names:
        match = [s for s in specs if name in (s.slug, s.name, s.path)]
        if not match:
            known = ", ".join(s.slug for s in specs)
            raise ContentError(Finding("decks", 0, f"no deck named '{name}'", f"use one of: {known}", "unknown-deck"))
        chosen.extend(m for m in match if m not in chosen)
    return chosen


def _notetype_hash(note_type: NoteType) -> str:
    return stable_hash(note_type.css, [(t.name, t.qfmt, t.afmt) for t in note_type.templates])


def build(
    config: Config, deck_names: Sequence[str] = (), *, locked: bool = False, dry_run: bool = False, now: int | None = None,
    lint: bool = True, use_cache: bool = True, check_up_to_date: bool = True, on_wait: Callable[[str], None] | None = None,
) -> BuildResult:
    """:func:`_build` holding the output folder: a second build waits for the first (``on_wait`` is told)."""
    options = dict(locked=locked, dry_run=dry_run, now=now, lint=lint, use_cache=use_cache, check_up_to_date=check_up_to_date)
    if dry_run:
        return _build(config, deck_names, **options)  # type: ignore[arg-type]
    with build_lock(config, on_wait=on_wait):
        return _build(config, deck_names, **options)  # type: ignore[arg-type]


def _build(
    config: Config, deck_names: Sequence[str] = (), *, locked: bool = False, dry_run: bool = False, now: int | None = None,
    lint: bool = True, use_cache: bool = True, check_up_to_date: bool = True,
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
    if state is not None and now is None and check_up_to_date:
        cached = up_to_date(config, state, options)
        if cached is not None:
            return cached
    note_cache = open_note_cache(config, cache_warnings) if use_cache else None
    report, checked = lint_project(config, deck_names, now, warnings=False, cache=note_cache) if lint else (LintReport(()), plan_build(config, deck_names, now))
    if checked is None:
        raise ContentError(report.errors)  # the same checks as `deckgen lint`: no build on errors
    plan = checked
    plan.warnings[:0] = cache_warnings
    warned = [f for f in report.warnings if f.rule != "lock-stale"]
    if warned:
        plan.warnings.append(f"{len(warned)} lint warning{'s' if len(warned) != 1 else ''}: run `deckgen lint` to see them")
    # Tracks and the site need every deck: a build of named decks skips them. Resolved
    # before anything is written, so a bad track file leaves the build untouched.
    tracks = resolve_tracks(config, plan.specs, plan.decks) if not deck_names else None
    if locked and plan.lock_changed:
        raise LockError(
            [Finding(config.rel(config.lock_path), 0, f"{c.status}: {c.uid}", "run `deckgen build` locally and commit deckgen.lock", "locked")
             for c in plan.changes if c.status != "unchanged"]
            or [Finding(config.rel(config.lock_path), 0, "note type templates or CSS, card order, or a deck's name, description or release changed",
                        "run `deckgen build` locally and commit deckgen.lock", "locked")]
        )
    outputs: list[str] = []
    if not dry_run:
        planned = [config.out_dir / f"{release.spec.slug}.apkg" for release in plan.releases]
        if plan.report is not None:
            planned += [changelog_path(config.out_dir, d.slug) for d in plan.report.decks] + [config.out_dir / INDEX_NAME]
        if tracks is not None:
            planned += [bundle_path(config, built.track.slug) for built in tracks] + [config.out_dir / "site"]
        claim_outputs(config, planned)  # refuses to replace what deckgen did not write; cleans its own leftovers
        writer = DeckWriter(config.out_dir, state if use_cache else None)
        nts = [(nt, plan.notetype_mods[nt.id]) for nt in note_types()]
        for deck, release in zip(plan.decks, plan.releases):
            # live cards in manifest order, then the deck's retired cards (shipped without cards)
            packaged = PackagedDeck(
                deck_id=stable_int("deck", release.spec.name),
                name=release.spec.name,
                description=release.description,
                notes=release.notes,
            )
            target = config.out_dir / f"{release.spec.slug}.apkg"
            writer.write(target, [packaged], nts, media=plan.media_for(deck.cards))
            outputs.append(str(target))
        if plan.report is not None:  # before the site, which links the changelog
            write_changelogs(config.out_dir, plan.report, plan.new_lock)
        if tracks is not None:
            outputs.extend(str(p) for p in publish_tracks(config, plan, tracks, nts, writer.write))
        if plan.lock_changed:  # last: a kill before this leaves the old lock, and the next build redoes the release
            atomic_write_text(config.lock_path, plan.new_lock_text)
        result = BuildResult(tuple(outputs), tuple(plan.decks), tuple(plan.changes), plan.lock_changed, tuple(plan.warnings),
                             report=plan.report)
        if note_cache is not None:  # only a build that succeeded leaves a cache: a failed one writes nothing
            note_cache.save()
            media = sorted(config.rel(p) for p in plan.media_files.values())
            summary = {"outputs": list(result.outputs), "decks": [[d.spec.name, len(d.cards)] for d in plan.decks],
                       "warnings": [w for w in plan.warnings if w not in cache_warnings], "cards": len(plan.stamped),
                       "media": media}
            write_state(config.out_dir, BuildState(project_digest(config, options, media), outputs_snapshot(config.out_dir),
                                                   summary, writer.digests))
        return result
    return BuildResult(tuple(outputs), tuple(plan.decks), tuple(plan.changes), plan.lock_changed, tuple(plan.warnings),
                       report=plan.report)


def open_note_cache(config: Config, warnings: list[str]) -> NoteCache:
    """The per-note cache for this project's code and settings."""
    return NoteCache(config.out_dir, code_fingerprint() + repr(config.settings), warnings)
