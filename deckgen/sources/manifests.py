"""Deck manifests (``decks/*.yaml``): which notes go into which Anki deck, in what order."""

from __future__ import annotations

import difflib
import fnmatch
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from deckgen.core.errors import ContentError, Finding, Severity
from deckgen.core.model import BuiltDeck, Card, DeckSpec, Note, Selector
from deckgen.sources.layout import manifest_files
from deckgen.sources.notes import (
    SafeLoader,
    did_you_mean,
    load_yaml,
    read_text,
    reserved_tag,
    reserved_tag_finding,
    top_level_key_lines,
    unknown_key_findings,
)

MANIFEST_KEYS = ("deck", "description", "notes", "new_per_day")
SELECTOR_KINDS = ("id", "tag", "path")


def _selector_lines(text: str) -> list[int]:
    """Line of each item of the top-level ``notes:`` list, in order (1-based)."""
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if getattr(key, "value", None) == "notes" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def parse_manifest(text: str, rel: str) -> DeckSpec:
    """Parse one manifest; raise ContentError listing every problem."""
    data = load_yaml(text, rel)
    findings: list[Finding] = []
    if not isinstance(data, dict):
        raise ContentError(
            Finding(
                rel, 1, "a deck manifest must be a mapping", "write 'deck: Name' and 'notes: [...]' lines", "manifest"
            )
        )
    key_lines, duplicates = top_level_key_lines(text.split("\n"), 1)
    for key, line in duplicates:
        findings.append(Finding(rel, line, f"key '{key}' appears twice", "keep one of them", "duplicate-key"))
    findings.extend(unknown_key_findings(data, MANIFEST_KEYS, rel, key_lines, "key", rule="manifest"))
    name = data.get("deck")
    if not isinstance(name, str) or not name.strip() or any(not part.strip() for part in name.split("::")):
        findings.append(
            Finding(
                rel,
                key_lines.get("deck", 1),
                "'deck' must name the Anki deck",
                "write e.g. 'deck: PM Onboarding::Foundations'",
                "manifest",
            )
        )
        name = ""
    description = data.get("description", "") or ""
    if not isinstance(description, str):
        findings.append(
            Finding(
                rel,
                key_lines.get("description", 1),
                "'description' must be text",
                "write it on one line or as a '|' block",
                "manifest",
            )
        )
        description = ""
    pace = data.get("new_per_day")
    if pace is not None and (isinstance(pace, bool) or not isinstance(pace, int) or not 1 <= pace <= 500):
        findings.append(
            Finding(
                rel,
                key_lines.get("new_per_day", 1),
                f"'new_per_day' must be a whole number from 1 to 500, not {pace!r}",
                "write e.g. 'new_per_day: 10', or leave it out for Anki's default",
                "manifest",
            )
        )
        pace = None
    selectors = _parse_selectors(data.get("notes"), text, rel, key_lines.get("notes", 1), findings)
    if findings:
        raise ContentError(findings)
    return DeckSpec(
        name=name.strip(),
        slug=Path(rel).stem,
        path=rel,
        selectors=tuple(selectors),
        description=description.strip(),
        new_per_day=pace,
    )


def _parse_selectors(raw: Any, text: str, rel: str, line: int, findings: list[Finding]) -> list[Selector]:
    fix = "list notes as '- id: note-id', '- tag: a-tag', '- path: content/folder/*.md', or write 'notes: all'"
    if raw == "all":
        return [Selector("all", "*", line)]
    if not isinstance(raw, list) or not raw:
        findings.append(Finding(rel, line, "'notes' must list what the deck contains", fix, "manifest"))
        return []
    lines = _selector_lines(text)
    selectors: list[Selector] = []
    for index, item in enumerate(raw):
        item_line = lines[index] if index < len(lines) else line
        if item == "all":
            selectors.append(Selector("all", "*", item_line))
            continue
        if not isinstance(item, dict) or len(item) != 1:
            findings.append(Finding(rel, item_line, f"cannot read selector {item!r}", fix, "manifest"))
            continue
        ((kind, value),) = item.items()
        if kind not in SELECTOR_KINDS:
            hint = did_you_mean(str(kind), SELECTOR_KINDS).replace("known keys", "selectors")
            findings.append(Finding(rel, item_line, f"unknown selector '{kind}'", f"{hint}; {fix}", "manifest"))
            continue
        if not isinstance(value, (str, int)) or not str(value).strip():
            findings.append(Finding(rel, item_line, f"selector '{kind}' needs a value", fix, "manifest"))
            continue
        if kind == "tag" and reserved_tag(str(value).strip()):
            findings.append(reserved_tag_finding(str(value).strip(), rel, item_line))
            continue
        selectors.append(Selector(kind, str(value).strip(), item_line))
    return selectors


def load_manifests(decks_dir: Path, root: Path) -> list[DeckSpec]:
    """Every manifest in ``decks/``; one ContentError with all problems."""
    specs, findings = collect_manifests(decks_dir, root)
    if findings:
        raise ContentError(findings)
    return specs


def collect_manifests(decks_dir: Path, root: Path) -> tuple[list[DeckSpec], list[Finding]]:
    """Every manifest that parses, and the problems of the others."""
    specs: list[DeckSpec] = []
    findings: list[Finding] = []
    for path in manifest_files(decks_dir):
        rel = path.relative_to(root).as_posix()
        try:
            specs.append(parse_manifest(read_text(path, rel), rel))
        except ContentError as exc:
            findings.extend(exc.findings)
    return specs, findings


def missing_manifests(decks_rel: str, specs: Iterable[DeckSpec], findings: Iterable[Finding]) -> list[Finding]:
    """The finding for a project without a deck manifest (none when a manifest exists or failed to parse)."""
    if any(True for _ in specs) or any(f.path.endswith((".yaml", ".yml")) for f in findings):
        return []
    return [
        Finding(decks_rel, 0, "no deck manifests found", "add decks/<name>.yaml with 'deck:' and 'notes:'", "manifest")
    ]


@dataclass(frozen=True)
class NoteIndex:
    """The notes in file order, and by tag: what manifests' selectors look up, sorted and indexed once per build."""

    ordered: list[Note]
    by_tag: dict[str, list[Note]]  # each tag's notes, in file order


def note_index(notes: Iterable[Note]) -> NoteIndex:
    """Index ``notes`` for :func:`select_notes` (a build selects for every manifest: 20 scans of every note before)."""
    ordered = sorted(notes, key=lambda n: n.path)
    by_tag: dict[str, list[Note]] = {}
    for note in ordered:
        for tag in dict.fromkeys(note.tags):  # a tag repeated in a note selects it once, as ``in`` did
            by_tag.setdefault(tag, []).append(note)
    return NoteIndex(ordered, by_tag)


def _selector_fix(selector: Selector, index: NoteIndex) -> str:
    """What to check for a selector that selects no note, with the closest one that would select some."""
    if selector.kind == "tag":
        return did_you_mean(selector.value, sorted(index.by_tag), "check the spelling against the notes' tags")
    if selector.kind == "path":
        # the same file pattern in each folder that holds notes ('content/framework/*.md' -> 'content/frameworks/*.md')
        head, _, tail = selector.value.rpartition("/")
        folders = sorted({note.path.rpartition("/")[0] for note in index.ordered})
        close = difflib.get_close_matches(head, folders, n=1, cutoff=0.85) if tail else []
        if close and any(fnmatch.fnmatchcase(note.path, f"{close[0]}/{tail}") for note in index.ordered):
            return f"did you mean '{close[0]}/{tail}'?"
        return (
            "no note file's path matches it: check the folder and pattern against content/ (e.g. content/essays/*.md)"
        )
    ids = [note.id for note in index.ordered]
    return did_you_mean(selector.value, ids, "check the spelling against the notes' front matter")


def select_notes(
    spec: DeckSpec, notes: Iterable[Note] | NoteIndex, unreadable: Collection[str] = ()
) -> tuple[list[Note], list[Finding]]:
    """The notes a manifest selects, in selector order then file order, without repeats.

    ``unreadable``: the ids written in notes that have errors of their own. An id selector naming one is not
    also reported as selecting nothing (nor its deck as empty): the note's own error says what to fix.
    """
    index = notes if isinstance(notes, NoteIndex) else note_index(notes)
    ordered = index.ordered
    chosen: dict[str, Note] = {}
    findings: list[Finding] = []
    waiting = False  # a selected note is unreadable for now
    for selector in spec.selectors:
        if selector.kind == "all":
            matched = ordered
        elif selector.kind == "id":
            matched = [n for n in ordered if n.id == selector.value]
        elif selector.kind == "tag":
            matched = index.by_tag.get(selector.value, [])
        else:
            matched = [n for n in ordered if fnmatch.fnmatchcase(n.path, selector.value)]
        if not matched and selector.kind == "id" and selector.value in unreadable:
            waiting = True
            continue
        if not matched:
            severity: Severity = "error" if selector.kind == "id" else "warning"
            findings.append(
                Finding(
                    spec.path,
                    selector.line,
                    f"{selector.kind} '{selector.value}' selects no note",
                    _selector_fix(selector, index),
                    "empty-selector",
                    severity=severity,
                )
            )
        for note in matched:
            chosen.setdefault(note.id, note)
    if not chosen and not waiting:
        findings.append(
            Finding(spec.path, spec.line, f"deck '{spec.name}' has no notes", "select at least one note", "empty-deck")
        )
    return list(chosen.values()), findings


def assemble(spec: DeckSpec, notes: list[Note], cards_by_note: dict[str, list[Card]]) -> BuiltDeck:
    """The deck's cards in learning order: note by note, each note's cards in file order."""
    cards = tuple(card for note in notes for card in cards_by_note.get(note.id, []))
    return BuiltDeck(spec=spec, cards=cards)
