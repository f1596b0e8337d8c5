"""``build(config) -> BuildResult``: notes -> cards -> identities -> decks -> .apkg files."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from deckgen.config import Config
from deckgen.decks import assemble, collect_manifests, select_notes
from deckgen.errors import ContentError, Finding, LockError
from deckgen.files import atomic_write_text
from deckgen.generate import collect_cards, waiting_drafts
from deckgen.identity import (
    Lock, MatchDecision, Stamped, build_time, card_guid, carry_removed, read_lock, resolve_keys,
    stable_hash, stable_int, stamp, stamp_notetype,
)
from deckgen.model import BuildResult, BuiltDeck, Card, CardChange, DeckSpec, Note
from deckgen.notes import collect_notes
from deckgen.notetypes import NoteType, card_fields, note_type_for, note_types
from deckgen.render import render_markdown

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

    warnings = [d.warning for d in decisions if d.warning]
    warnings += [f"{n.path}: {waiting_drafts(n)} draft card(s) not built yet — set their Status to approved or rejected"
                 for n in notes if waiting_drafts(n)]
    deck_of: dict[str, str] = {}
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
        if spec in chosen:
            built.append(deck)
    if findings:
        raise ContentError(findings)

    new_lock = Lock(extra=dict(lock.extra))
    notetype_mods = {nt.id: stamp_notetype(nt.name, _notetype_hash(nt), lock, new_lock, timestamp) for nt in note_types()}
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
    for note_id, key, record in carry_removed(lock, new_lock, timestamp):
        changes.append(CardChange(f"{note_id}/{key}", "retired", old_front=record.get("front", ""), old_back=record.get("back", "")))
    return Plan(by_id, specs, built, stamped, fields, notetype_mods, lock, new_lock, decisions, changes, warnings, config.lock_path)


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
            or [Finding(config.rel(config.lock_path), 0, "note type templates or CSS changed", "run `deckgen build` locally and commit deckgen.lock", "locked")]
        )
    outputs: list[str] = []
    if not dry_run:
        nts = [(nt, plan.notetype_mods[nt.id]) for nt in note_types()]
        for deck in plan.decks:
            packaged = PackagedDeck(
                deck_id=stable_int("deck", deck.spec.name),
                name=deck.spec.name,
                description=render_markdown(deck.spec.description),
                notes=tuple(
                    PackagedNote(
                        guid=card_guid(config.namespace, card.note_id, card.key),
                        model_id=note_type_for(card).id,
                        fields=plan.fields[card.uid],
                        tags=card_tags(card),
                        mod=plan.stamped[card.uid].mod,
                        due=position,
                    )
                    for position, card in enumerate(deck.cards, 1)
                ),
            )
            target = config.out_dir / f"{deck.spec.slug}.apkg"
            write_apkg(target, [packaged], nts)
            outputs.append(str(target))
        if plan.lock_changed:
            atomic_write_text(config.lock_path, plan.new_lock_text)
    return BuildResult(
        outputs=tuple(outputs),
        decks=tuple(plan.decks),
        changes=tuple(plan.changes),
        lock_changed=plan.lock_changed,
        warnings=tuple(plan.warnings),
    )
