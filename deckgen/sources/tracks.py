"""Onboarding tracks (``decks/tracks/*.yaml``): a role's decks in ordered weekly stages.

A track names decks by their manifest's file stem (or Anki deck name). Its bundle holds
the required decks only, one subdeck per stage (``PM Onboarding::Week 1 — Foundations``),
with new cards numbered in curriculum order. Cards keep the GUIDs of their decks, so a
learner who imports two tracks, or a deck and a track, never gets a duplicate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from deckgen.core.errors import ContentError, Finding
from deckgen.core.model import BuiltDeck, Card, DeckSpec
from deckgen.sources.layout import manifest_files, track_files
from deckgen.sources.notes import SafeLoader, load_yaml, read_text, shown_as_written, unknown_key_findings

TRACK_KEYS = ("track", "role", "description", "deck", "new_per_day", "stages")
STAGE_KEYS = ("title", "description", "decks", "optional")
DEFAULT_NEW_PER_DAY = 20  # Anki's default "New cards/day"
_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*\Z")  # \Z: "$" would accept a trailing newline


@dataclass(frozen=True)
class DeckRef:
    """A deck named by a stage, and the line that names it."""

    slug: str
    optional: bool
    line: int


@dataclass(frozen=True)
class Stage:
    """One week of a track: its title and the decks studied in it."""

    number: int  # 1-based
    title: str
    decks: tuple[DeckRef, ...]
    description: str = ""
    line: int = 0

    @property
    def required(self) -> tuple[str, ...]:
        """Slugs of the decks every learner on the track studies this week."""
        return tuple(d.slug for d in self.decks if not d.optional)

    @property
    def optional(self) -> tuple[str, ...]:
        """Slugs of the decks offered as extra reading this week (not in the bundle)."""
        return tuple(d.slug for d in self.decks if d.optional)


@dataclass(frozen=True)
class Track:
    """A parsed track file."""

    slug: str  # file stem: the bundle is build/tracks/<slug>.apkg
    title: str
    role: str
    path: str
    stages: tuple[Stage, ...]
    root_deck: str  # Anki parent deck of the stage subdecks
    description: str = ""
    new_per_day: int = DEFAULT_NEW_PER_DAY
    deck_line: int = 1  # line of 'deck:' (or 1), for errors about the parent deck

    def stage_deck_name(self, stage: Stage) -> str:
        """``PM Onboarding::Week 1 — Foundations``; zero-padded so Anki sorts 10+ weeks in order."""
        width = 2 if len(self.stages) >= 10 else 1
        return f"{self.root_deck}::Week {stage.number:0{width}d} — {stage.title}"


@dataclass(frozen=True)
class BuiltStage:
    """A stage with the cards it brings, each card only at its first stage in the track."""

    stage: Stage
    deck_name: str
    decks: tuple[BuiltDeck, ...]  # required decks, each trimmed to the cards new in this stage
    optional: tuple[BuiltDeck, ...]  # optional decks, whole

    @property
    def cards(self) -> tuple[Card, ...]:
        """The stage's new cards (required decks) in curriculum order."""
        return tuple(card for deck in self.decks for card in deck.cards)


@dataclass(frozen=True)
class BuiltTrack:
    """A track with its stages resolved to cards."""

    track: Track
    stages: tuple[BuiltStage, ...]

    @property
    def cards(self) -> tuple[Card, ...]:
        """Every card of the bundle in curriculum order."""
        return tuple(card for stage in self.stages for card in stage.cards)


def _node_lines(text: str) -> dict[tuple[Any, ...], int]:
    """1-based line of every mapping key and sequence item, by its path from the root."""
    lines: dict[tuple[Any, ...], int] = {}
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError:
        return lines

    def walk(node: yaml.Node, path: tuple[Any, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                lines[path + (key.value,)] = key.start_mark.line + 1
                walk(value, path + (key.value,))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                lines[path + (index,)] = item.start_mark.line + 1
                walk(item, path + (index,))

    if root is not None:
        walk(root, ())
    return lines


def parse_track(
    text: str, rel: str, specs: Mapping[str, DeckSpec], default_root: str, unloaded: Mapping[str, str] | None = None
) -> Track:
    """Parse one track file against the known decks; raise ContentError listing every problem.

    ``unloaded``: the manifests in decks/ that did not load (file stem -> project-relative path), whose
    own errors are reported elsewhere: a reference to one says so instead of calling the deck unknown.
    """
    data = load_yaml(text, rel)
    if not isinstance(data, dict):
        raise ContentError(
            Finding(rel, 1, "a track must be a mapping", "write 'track: Title', 'role: …' and 'stages: [...]'", "track")
        )
    lines = _node_lines(text)
    findings: list[Finding] = []

    def at(*path: Any) -> int:
        return lines.get(path, lines.get(path[:-1], 1) if len(path) > 1 else 1)

    findings.extend(unknown_key_findings(data, TRACK_KEYS, rel, {str(k): at(k) for k in data}, "key", rule="track"))
    title = _text(data, "track", rel, at("track"), findings, required=True, example="track: Associate PM onboarding")
    role = _text(data, "role", rel, at("role"), findings, required=True, example="role: Associate Product Manager")
    description = _text(data, "description", rel, at("description"), findings)
    root = _text(data, "deck", rel, at("deck"), findings) or default_root
    if any(not part.strip() for part in root.split("::")):
        findings.append(
            Finding(
                rel,
                at("deck"),
                f"'deck' {root!r} is not a valid Anki deck name",
                "write e.g. 'deck: PM Onboarding'",
                "track",
            )
        )
    pace = data.get("new_per_day", DEFAULT_NEW_PER_DAY)
    if isinstance(pace, bool) or not isinstance(pace, int) or not 1 <= pace <= 500:
        findings.append(
            Finding(
                rel,
                at("new_per_day"),
                f"'new_per_day' must be a whole number from 1 to 500, not {shown_as_written(pace)}",
                "write e.g. 'new_per_day: 10'",
                "track",
            )
        )
        pace = DEFAULT_NEW_PER_DAY
    stages = _parse_stages(data.get("stages"), rel, at, specs, findings, unloaded or {})
    if findings:
        raise ContentError(findings)
    return Track(
        slug=Path(rel).stem,
        title=title,
        role=role,
        path=rel,
        stages=tuple(stages),
        root_deck=root.strip(),
        description=description,
        new_per_day=pace,
        deck_line=at("deck"),
    )


def _text(
    data: Mapping[str, Any],
    key: str,
    rel: str,
    line: int,
    findings: list[Finding],
    *,
    required: bool = False,
    example: str = "",
) -> str:
    value = data.get(key)
    if value is None:
        if required:
            findings.append(Finding(rel, 1, f"missing '{key}'", f"add a line '{example}'", "track"))
        return ""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not str(value).strip():
        findings.append(Finding(rel, line, f"'{key}' must be text", f"write e.g. '{example or key + ': …'}'", "track"))
        return ""
    return str(value).strip()


def _parse_stages(
    raw: Any, rel: str, at: Any, specs: Mapping[str, DeckSpec], findings: list[Finding], unloaded: Mapping[str, str]
) -> list[Stage]:
    fix = "list stages as '- title: Foundations' with 'decks: [deck-file-stem, …]' and optionally 'optional: [...]'"
    if not isinstance(raw, list) or not raw:
        findings.append(Finding(rel, at("stages"), "'stages' must list the track's weeks in order", fix, "track"))
        return []
    stages: list[Stage] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(raw):
        line = at("stages", index)
        if not isinstance(item, dict):
            findings.append(Finding(rel, line, f"cannot read stage {shown_as_written(item)}", fix, "track"))
            continue
        stage_lines = {str(k): at("stages", index, k) for k in item}
        findings.extend(unknown_key_findings(item, STAGE_KEYS, rel, stage_lines, "stage key", rule="track"))
        title = item.get("title")
        if not isinstance(title, str) or not title.strip() or "::" in title:
            findings.append(
                Finding(
                    rel,
                    at("stages", index, "title"),
                    f"stage {index + 1} needs a 'title' (text without '::')",
                    "write e.g. 'title: Foundations'",
                    "track",
                )
            )
            title = f"Stage {index + 1}"
        description = item.get("description", "") or ""
        if not isinstance(description, str):
            findings.append(
                Finding(
                    rel,
                    at("stages", index, "description"),
                    "a stage 'description' must be text",
                    "write it on one line or as a '|' block",
                    "track",
                )
            )
            description = ""
        refs: list[DeckRef] = []
        bad_ref = False
        for key, optional in (("decks", False), ("optional", True)):
            names = item.get(key, [])
            if names is None or names == []:
                continue
            if not isinstance(names, list):
                findings.append(
                    Finding(
                        rel,
                        at("stages", index, key),
                        f"'{key}' must be a list of decks",
                        "write e.g. 'decks: [onboarding]'",
                        "track",
                    )
                )
                continue
            for position, name in enumerate(names):
                ref_line = at("stages", index, key, position)
                slug = _resolve_deck(name, specs)
                if slug is None and isinstance(name, str) and name in unloaded:
                    findings.append(
                        Finding(
                            rel,
                            ref_line,
                            f"deck '{name}' did not load: {unloaded[name]} has errors",
                            f"fix {unloaded[name]} (its errors are listed with this one)",
                            "unknown-deck",
                        )
                    )
                    bad_ref = True
                    continue
                if slug is None:
                    known = ", ".join(sorted(specs)) or "(none: add decks/<name>.yaml first)"
                    findings.append(
                        Finding(
                            rel,
                            ref_line,
                            f"no deck named {name!r}",
                            f"use a deck file stem from decks/: {known}",
                            "unknown-deck",
                        )
                    )
                    bad_ref = True
                    continue
                if slug in seen:
                    findings.append(
                        Finding(
                            rel,
                            ref_line,
                            f"deck '{slug}' is already in stage {seen[slug]}",
                            "list each deck once per track",
                            "track",
                        )
                    )
                    continue
                seen[slug] = index + 1
                refs.append(DeckRef(slug, optional, ref_line))
        if not bad_ref and not any(not r.optional for r in refs):
            findings.append(
                Finding(
                    rel,
                    line,
                    f"stage '{title}' has no required deck",
                    "add 'decks: [deck-file-stem]' to the stage",
                    "track",
                )
            )
        stages.append(
            Stage(number=index + 1, title=title.strip(), decks=tuple(refs), description=description.strip(), line=line)
        )
    return stages


def _resolve_deck(name: Any, specs: Mapping[str, DeckSpec]) -> str | None:
    """A deck reference (file stem or Anki deck name) to the manifest's file stem."""
    if not isinstance(name, str):
        return None
    if name in specs:
        return name
    for slug, spec in specs.items():
        if spec.name == name:
            return slug
    return None


def load_tracks(decks_dir: Path, root: Path, specs: Iterable[DeckSpec], default_root: str) -> list[Track]:
    """Every track in ``decks/tracks/``; one ContentError with all problems."""
    by_slug = {spec.slug: spec for spec in specs}
    unloaded = {p.stem: p.relative_to(root).as_posix() for p in manifest_files(decks_dir) if p.stem not in by_slug}
    tracks: list[Track] = []
    findings: list[Finding] = []
    for path in track_files(decks_dir):
        rel = path.relative_to(root).as_posix()
        if not _SLUG_RE.match(path.stem):
            findings.append(
                Finding(
                    rel,
                    0,
                    f"track file name '{path.name}' is not a usable slug",
                    "rename it with lowercase letters, digits, '-', '_' or '.'",
                    "track",
                )
            )
            continue
        try:
            tracks.append(parse_track(read_text(path, rel), rel, by_slug, default_root, unloaded))
        except ContentError as exc:
            findings.extend(exc.findings)
    findings.extend(_shared_parent_findings(tracks))
    if findings:
        raise ContentError(findings)
    return tracks


def _shared_parent_findings(tracks: Iterable[Track]) -> list[Finding]:
    """Two tracks at different paces may not share a parent deck: Anki gives a deck one preset.

    The parent's preset caps everything studied from it, and each import with presets on
    switches the deck to the importing bundle's preset, so the second track's pace would
    silently replace the first's.
    """
    first: dict[str, Track] = {}
    findings: list[Finding] = []
    for track in tracks:
        key = track.root_deck.casefold()  # Anki matches deck names case-insensitively
        other = first.setdefault(key, track)
        if other is not track and other.new_per_day != track.new_per_day:
            findings.append(
                Finding(
                    track.path,
                    track.deck_line,
                    f"parent deck '{track.root_deck}' is also {other.path}'s, at {other.new_per_day} new cards a day "
                    f"(this track: {track.new_per_day}); Anki gives a deck one preset",
                    f"give this track its own parent deck, e.g. 'deck: {track.root_deck} — {track.title}'",
                    "track",
                )
            )
    return findings


def assemble_track(track: Track, decks: Mapping[str, BuiltDeck]) -> BuiltTrack:
    """Resolve a track's stages to cards; a card met again in a later stage stays at its first."""
    seen: set[str] = set()
    stages: list[BuiltStage] = []
    for stage in track.stages:
        required: list[BuiltDeck] = []
        for slug in stage.required:
            deck = decks[slug]
            fresh = tuple(card for card in deck.cards if card.uid not in seen)
            seen.update(card.uid for card in fresh)
            required.append(BuiltDeck(spec=deck.spec, cards=fresh))
        optional = tuple(decks[slug] for slug in stage.optional)
        stages.append(BuiltStage(stage, track.stage_deck_name(stage), tuple(required), optional))
    return BuiltTrack(track, tuple(stages))
