"""``build(config) -> BuildResult``: notes -> cards -> identities -> decks -> .apkg files."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from deckgen.config import Config
from deckgen.changelog import write_changelog
from deckgen.decks import assemble, collect_manifests, select_notes
from deckgen.diff import DiffReport, compare
from deckgen.errors import ContentError, Finding, LockError
from deckgen.files import atomic_write_text
from deckgen.generate import collect_cards
from deckgen.guard import check_frozen_schema
from deckgen.identity import (
    Lock, MatchDecision, Stamped, build_time, carry_removed, read_lock, resolve_keys,
    stable_hash, stable_int, stamp, stamp_notetype,
)
from deckgen.moves import apply_moves, avoid_moved_keys, match_moves
from deckgen.model import BuildResult, BuiltDeck, Card, CardChange, DeckSpec, Note
from deckgen.notes import collect_notes
from deckgen.notetypes import NoteType, card_fields, note_type_for, note_types
from deckgen.release import DeckRelease, plan_releases

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
    releases: list[DeckRelease] = field(default_factory=list)
    report: DiffReport | None = None

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


def plan_build(config: Config, deck_names: Sequence[str] = (), now: int | None = None) -> Plan:
    """Parse, generate and stamp every card; choose the decks to build. Writes nothing."""
    # Gather every problem from every stage before giving up: the curator fixes them in one go.
    notes, findings = collect_notes(config.content_dir, config.root)
    specs, manifest_findings = collect_manifests(config.decks_dir, config.root)
    cards_by_note, card_findings = collect_cards(notes)
    findings += manifest_findings + card_findings
    if not specs and not manifest_findings:
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
    for note in notes:
        for card in cards_by_note[note.id]:
            values = card_fields(card, note)
            content_hash = stable_hash(note_type_for(card).id, values, card_tags(card))
            result = stamp(card, content_hash, deck_of.get(card.uid, ""), lock, new_lock, timestamp)
            stamped[card.uid] = result
            fields[card.uid] = values
            old = lock.cards.get(card.note_id, {}).get(card.key, {})
            changes.append(CardChange(card.uid, result.status, card.front, card.back, old.get("front", ""), old.get("back", "")))  # type: ignore[arg-type]
    apply_moves(moves, lock, new_lock, stamped, changes, timestamp)
    for note_id, key, record in carry_removed(lock, new_lock, timestamp):
        changes.append(CardChange(f"{note_id}/{key}", "retired", old_front=record.get("front", ""), old_back=record.get("back", "")))
    releases, release_warnings = plan_releases(
        config.namespace, specs, built, by_id, stamped, fields, card_tags, lock, new_lock, notetype_mods, timestamp, decks_of
    )
    warnings += release_warnings
    report = compare(releases, changes, decisions, lock, new_lock, warnings)
    return Plan(by_id, specs, built, stamped, fields, notetype_mods, lock, new_lock, decisions, changes,
                list(report.warnings), config.lock_path, releases, report)


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


def build(config: Config, deck_names: Sequence[str] = (), *, locked: bool = False, dry_run: bool = False, now: int | None = None) -> BuildResult:
    """Build every (or the named) deck into ``config.out_dir`` and update deckgen.lock."""
    from deckgen.package import PackagedDeck, PackagedNote, write_apkg  # genanki loads only when building

    plan = plan_build(config, deck_names, now)
    if locked and plan.lock_changed:
        raise LockError(
            [Finding(config.rel(config.lock_path), 0, f"{c.status}: {c.uid}", "run `deckgen build` locally and commit deckgen.lock", "locked")
             for c in plan.changes if c.status != "unchanged"]
            or [Finding(config.rel(config.lock_path), 0, "note type templates or CSS, card order, or a deck's name, description or release changed", "run `deckgen build` locally and commit deckgen.lock", "locked")]
        )
    outputs: list[str] = []
    if not dry_run:
        nts = [(nt, plan.notetype_mods[nt.id]) for nt in note_types()]
        for release in plan.releases:
            packaged = PackagedDeck(
                deck_id=stable_int("deck", release.spec.name),
                name=release.spec.name,
                description=release.description,
                notes=tuple(
                    PackagedNote(n.guid, n.model_id, n.fields, n.tags, n.mod, n.due, with_cards=n.with_cards)
                    for n in release.notes
                ),
            )
            target = config.out_dir / f"{release.spec.slug}.apkg"
            write_apkg(target, [packaged], nts)
            outputs.append(str(target))
        if plan.report is not None:
            design_changed = any(change == "changed" for _, change in plan.report.note_types)
            for deck_diff in plan.report.decks:
                if deck_diff.bumped:
                    write_changelog(config.out_dir, deck_diff, design_changed)
        if plan.lock_changed:
            atomic_write_text(config.lock_path, plan.new_lock_text)
    return BuildResult(
        outputs=tuple(outputs),
        decks=tuple(plan.decks),
        changes=tuple(plan.changes),
        lock_changed=plan.lock_changed,
        warnings=tuple(plan.warnings),
        report=plan.report,
    )
