"""Read every note and manifest and make each note's cards, per note and memoised by file content."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from deckgen.core.config import Config
from deckgen.core.digests import known_digest
from deckgen.core.diskcache import NoteCache
from deckgen.core.errors import ContentError, Finding, NoteContentError
from deckgen.core.model import Card, DeckSpec, Note
from deckgen.sources.manifests import collect_manifests
from deckgen.sources.notes import collect_notes, decode_text, parse_file, parse_note, read_bytes

# The types of the memo's entries, so they are stored compactly and checked in one pass:
# a note's parse, its rendered fields (the builder's memo), its lint findings and prompt stems.
NoteEntry = tuple[Literal["ok"], Note, list[Card], list[Finding]] | tuple[Literal["error"], list[Finding]]
SCHEMAS: dict[str, Any] = {
    "fields": dict[tuple[str, str], tuple[tuple[str, ...], str]],
    "lint": list[Finding],
    "stems": list[list[str]],  # each card's prompt stems, for near duplicates across notes
}


@dataclass
class Sources:
    """Everything that parsed, plus every problem met while parsing."""

    notes: list[Note] = field(default_factory=list)
    specs: list[DeckSpec] = field(default_factory=list)
    cards: dict[str, list[Card]] = field(default_factory=dict)  # by note id
    findings: list[Finding] = field(default_factory=list)
    files: int = 0
    cache: NoteCache | None = None  # per-note results of an earlier run, keyed by each file's bytes
    digests: dict[str, str] = field(default_factory=dict)  # note path -> content hash (with a cache)

    def remembered(
        self, kind: str, note: Note, compute: Callable[[], Any], valid: Callable[[Any], bool] = lambda value: True
    ) -> Any:
        """``compute()`` for ``note``, reused from the cache while the note's file is unchanged.

        Notes that show images are always recomputed: their results also depend on the image files.
        """
        digest = self.digests.get(note.path)
        cards = self.cards.get(note.id, [])
        if self.cache is None or digest is None or any("![" in t for c in cards for t in (c.front, c.back, c.extra)):
            return compute()
        key, schema = f"{kind}:{note.path}", SCHEMAS.get(kind)
        # typed only: an entry stored by its schema was checked item by item while decoding
        value = self.cache.get(key, digest, valid, schema, typed_only=schema is not None)
        if value is None:
            value = compute()
            self.cache.put(key, digest, value, schema)
        return value


def load_sources(config: Config, cache: NoteCache | None = None) -> Sources:
    """Parse every note and manifest and make every note's cards, collecting problems.

    With a ``cache``, a note file whose bytes are unchanged since the last build is not
    parsed or generated again.
    """
    settings = config.section("generate")
    digests: dict[str, str] = {}
    parse, cached_cards = (parse_checked, {}) if cache is None else _cached_parser(cache, settings, digests)
    notes, findings = collect_notes(config.content_dir, config.root, parse)
    specs, manifest_findings = collect_manifests(config.decks_dir, config.root)
    sources = Sources(notes=notes, specs=specs, findings=findings + manifest_findings, cache=cache, digests=digests)
    sources.files = len({f.path for f in sources.findings} | {n.path for n in notes} | {s.path for s in specs})
    fresh = [note for note in notes if note.path not in cached_cards]
    sources.cards, card_findings = collect_cards(fresh, settings) if fresh else ({}, [])
    for note in notes:
        if note.path in cached_cards:
            cards, note_findings = cached_cards[note.path]
            card_findings += note_findings
            if not note_findings:
                sources.cards[note.id] = cards
    sources.findings.extend(dict.fromkeys(card_findings))
    return sources


def load_some(config: Config, cache: NoteCache, files: list[tuple[Path, str]]) -> Sources:
    """Parse only ``files`` ((path, project-relative name) pairs) through the memo, as :func:`load_sources` would.

    For a build that already knows every other note is unchanged: manifests are not read,
    and a note that does not parse is a finding, not an exception.
    """
    digests: dict[str, str] = {}
    parse, cached_cards = _cached_parser(cache, config.section("generate"), digests)
    sources = Sources(cache=cache, digests=digests)
    for path, rel in files:
        try:
            note = parse(path, rel)
        except ContentError as exc:
            sources.findings.extend(exc.findings)
            continue
        cards, findings = cached_cards[rel]
        sources.notes.append(note)
        sources.findings.extend(findings)
        if not findings:  # as load_sources: a note whose cards have problems ships none
            sources.cards[note.id] = cards
    return sources


def _cached_parser(
    cache: NoteCache, settings: Any, digests: dict[str, str]
) -> tuple[Callable[[Path, str], Note], dict[str, tuple[list[Card], list[Finding]]]]:
    """A parse function that remembers each note's parse and cards by the file's content hash."""
    cards_by_path: dict[str, tuple[list[Card], list[Finding]]] = {}

    def parse(path: Path, rel: str) -> Note:
        raw, digest = None, None
        try:  # hashed a moment ago by the no-op check and unchanged since: no need to read it again
            info = os.stat(path)
            digest = known_digest(str(path), info)
        except OSError:
            pass
        if digest is None:
            raw = read_bytes(path, rel)
            digest = cache.key(raw)
        digests[rel] = digest
        entry: Any = cache.get(rel, digest, valid_note_entry, NoteEntry)
        if entry is None:
            if raw is None:
                raw = read_bytes(path, rel)
                if cache.key(raw) != digest:  # changed since it was hashed: go with what was read
                    digest = digests[rel] = cache.key(raw)
            try:
                note = parse_note(decode_text(raw, rel), rel)
            except ContentError as exc:
                entry = ("error", note_problems(exc))
            else:
                cards, findings = collect_cards([note], settings, cache)
                entry = ("ok", note, cards.get(note.id, []), findings)
            cache.put(rel, digest, entry, NoteEntry)
        if entry[0] == "error":
            raise ContentError(entry[1])
        cards_by_path[rel] = (entry[2], entry[3])
        parsed: Note = entry[1]
        return parsed

    return parse, cards_by_path


def note_problems(exc: ContentError) -> list[Finding]:
    """Every problem of a note that did not parse: its own and, when its card blocks could be read, its cards'."""
    if not isinstance(exc, NoteContentError):
        return exc.findings
    from deckgen.cards.generate import authored_cards

    return [*exc.findings, *authored_cards(exc.note)[1]]


def parse_checked(path: Path, rel: str) -> Note:
    """:func:`parse_file`, whose error lists the note's card problems too (:func:`note_problems`)."""
    try:
        return parse_file(path, rel)
    except ContentError as exc:
        raise ContentError(note_problems(exc)) from None


def collect_cards(
    notes: list[Note], settings: Any, cache: NoteCache | None = None
) -> tuple[dict[str, list[Card]], list[Finding]]:
    """The generator's :func:`deckgen.cards.generate.collect_cards`, imported only when a note needs its cards made.

    The generator and curation modules are most of the cards stage's import time, and a
    build after an edit finds every other note's cards in the memo (and, with ``cache``,
    an edited note's generated candidates while its prose is unchanged).
    """
    from deckgen.cards.generate import collect_cards as generate

    return generate(notes, settings, cache)


def _all(items: Any, kind: type) -> bool:
    return isinstance(items, list | tuple) and all(isinstance(item, kind) for item in items)


def valid_note_entry(entry: Any) -> bool:
    """A memoised parse: ("error", findings) or ("ok", note, cards, findings)."""
    if not isinstance(entry, list | tuple) or not entry:
        return False
    if entry[0] == "error":
        return len(entry) == 2 and _all(entry[1], Finding)
    return (
        entry[0] == "ok"
        and len(entry) == 4
        and isinstance(entry[1], Note)
        and _all(entry[2], Card)
        and _all(entry[3], Finding)
    )


def valid_findings(value: Any) -> bool:
    """A memoised list of lint findings."""
    return _all(value, Finding)
