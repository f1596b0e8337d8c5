"""``deckgen import``: write converted notes into the project, updating the note a file made before.

Every file is converted and checked first; only when all of them are good is anything
written (each file atomically), so a bad file in a batch leaves the project untouched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from deckgen.authoring.importers import Imported, convert, detect_format
from deckgen.authoring.scaffold import slugify
from deckgen.core.config import Config
from deckgen.core.errors import ContentError, DeckgenError, Finding
from deckgen.core.files import TooLargeError, atomic_write_bytes, atomic_write_text, read_bounded
from deckgen.core.model import Note
from deckgen.sources.media import IMAGE_TYPES
from deckgen.sources.notes import collect_notes, note_files, parse_note, read_text

MARKER = "CHECK:"  # what the importer could not be sure of; search the note for it
MAX_IMAGE_BYTES = 5_000_000
# Front matter keys the importer owns; every other key of an existing note is the curator's and is kept.
_OWNED = ("id", "title", "author", "source", "tags", "aliases", "imported")


@dataclass(frozen=True)
class ImportResult:
    """What importing one file did (or would do)."""

    source: str
    target: Path
    note_id: str
    status: Literal["created", "updated", "unchanged"]
    format: str
    unsure: tuple[str, ...] = ()
    images: tuple[tuple[str, Path], ...] = ()  # (image as the source names it, where it is copied)


@dataclass
class _Planned:
    result: ImportResult
    text: str
    images: list[tuple[Path, Path]]


def import_notes(
    config: Config,
    sources: Sequence[Path],
    into: Path | None = None,
    *,
    dry_run: bool = False,
    vault: Path | None = None,
) -> list[ImportResult]:
    """Convert ``sources`` into canonical notes in ``into`` (default: content/); return what happened.

    Images are copied only from each source's own folder tree (or from ``vault``, the root of
    an Obsidian vault whose attachment folder sits elsewhere), and only real image files.
    """
    into = into if into is not None else config.content_dir
    into = (into if into.is_absolute() else Path.cwd() / into).resolve()
    content = config.content_dir.resolve()
    if into != content and content not in into.parents:
        # build only reads notes below content/; a note elsewhere would silently never ship
        raise ContentError(
            Finding(
                str(into),
                0,
                "--into is outside the project's content folder",
                f"choose a folder inside {config.rel(content)}/",
                "import",
            )
        )
    notes, _ = collect_notes(config.content_dir, config.root)
    taken = {n.id for n in notes} | {p.stem for p in note_files(config.content_dir)}
    planned: list[_Planned] = []
    findings: list[Finding] = []
    seen_targets: dict[Path, str] = {}
    media: dict[Path, bytes] = {}  # images this batch will write, so two notes' 'diagram.png' both survive
    for source in sources:
        shown = str(source)
        try:
            plan = _plan_one(config, source, shown, into, notes, taken, media, vault)
        except DeckgenError as exc:
            findings.extend(exc.findings)
            continue
        target = plan.result.target.resolve()
        if target in seen_targets:
            findings.append(
                Finding(
                    shown,
                    0,
                    f"imports to the same note as {seen_targets[target]}",
                    "import each note from one file",
                    "import",
                )
            )
            continue
        seen_targets[target] = shown
        taken.add(plan.result.note_id)
        planned.append(plan)
    if findings:
        raise ContentError(findings)
    if not dry_run:
        for plan in planned:
            for _src, dest in plan.images:
                data = media[dest]  # the bytes checked when planning, not whatever is there now
                if not dest.exists() or dest.read_bytes() != data:
                    atomic_write_bytes(dest, data)
            if plan.result.status != "unchanged":
                atomic_write_text(plan.result.target, plan.text)
    return [p.result for p in planned]


def _plan_one(
    config: Config,
    source: Path,
    shown: str,
    into: Path,
    notes: list[Note],
    taken: set[str],
    media: dict[Path, bytes],
    vault: Path | None = None,
) -> _Planned:
    if not source.is_file():
        raise ContentError(Finding(shown, 0, "no such file", "check the path of the file to import", "import"))
    text = read_text(source, shown)
    fmt = detect_format(text, source.name)
    if fmt == "canonical":
        note = parse_note(text, shown)
        existing = next((n for n in notes if n.id == note.id), None)
        target = config.root / existing.path if existing else into / f"{note.id}.md"
        return _finish(config, shown, target, note.id, text, fmt, (), [])
    imported = convert(text, source, shown)
    existing = _previous(imported, notes)
    if existing is not None:
        note_id = existing.id
        target = config.root / existing.path
        previous_text = target.read_text(encoding="utf-8")
    else:
        note_id = _fresh_id(imported.title, taken)
        target = into / f"{note_id}.md"
        previous_text = ""
    new_text = render_note(imported, note_id, existing, previous_text)
    images = []
    boundary = (vault if vault is not None else source.parent).resolve()
    refused: list[Finding] = []
    for image in imported.images:
        if image.path is None:
            continue
        try:
            data = _image_bytes(image.path, boundary)
        except ValueError as exc:
            where = "--vault" if vault is not None else "the source's folder"
            refused.append(
                Finding(
                    shown,
                    _line_of(text, image.original),
                    f"image '{image.original}' not copied: {exc}",
                    f"copy the image into {where} ({boundary}), or name the vault root with --vault",
                    "import",
                )
            )
            continue
        dest = target.parent / "media" / image.name
        existing_bytes = media.get(dest, dest.read_bytes() if dest.exists() else None)
        if existing_bytes is not None and existing_bytes != data:
            # another note's image has this name: keep both, this one prefixed by the note id
            dest = dest.with_name(f"{note_id}-{image.name}")
            new_text = new_text.replace(f"](media/{image.name})", f"](media/{dest.name})")
        media[dest] = data
        images.append((image.path, dest))
    if refused:
        raise ContentError(refused)
    unsure = imported.unsure
    if existing is not None and existing.author and not imported.author_certain:
        unsure = tuple(u for u in unsure if not u.startswith(("author ", "no author")))
    return _finish(config, shown, target, note_id, new_text, imported.format, unsure, images)


def _finish(
    config: Config,
    shown: str,
    target: Path,
    note_id: str,
    text: str,
    fmt: str,
    unsure: tuple[str, ...],
    images: list[tuple[Path, Path]],
) -> _Planned:
    rel = config.rel(target)
    parse_note(text, rel)  # what we write must be a valid note; a failure here names the source's problem
    old = target.read_text(encoding="utf-8") if target.exists() else None
    status: Literal["created", "updated", "unchanged"] = (
        "created" if old is None else ("unchanged" if old == text else "updated")
    )
    copied = tuple((str(src), dest) for src, dest in images)
    return _Planned(ImportResult(shown, target, note_id, status, fmt, unsure, copied), text, images)


def _image_bytes(path: Path, boundary: Path) -> bytes:
    """The bytes of an image the source embeds; ValueError when it is outside ``boundary`` or not an image."""
    resolved = path.resolve()
    if not resolved.is_relative_to(boundary):
        raise ValueError("it is outside the folder being imported")
    ext = resolved.suffix.lower().lstrip(".")
    if ext not in IMAGE_TYPES:
        raise ValueError("only .png, .jpg, .gif and .webp images are copied")
    try:
        data = read_bounded(resolved, MAX_IMAGE_BYTES)
    except TooLargeError:
        raise ValueError(f"it is over {MAX_IMAGE_BYTES:,} bytes; shrink it first") from None
    except OSError as exc:
        raise ValueError(f"it cannot be read ({exc.strerror or exc})") from None
    if not data.startswith(IMAGE_TYPES[ext]) or (ext == "webp" and data[8:12] != b"WEBP"):
        raise ValueError(f"the file is not really a .{ext} image")
    return data


def _line_of(text: str, needle: str) -> int:
    """The 1-based line of ``text`` where ``needle`` first appears (0: not found)."""
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 0


def _previous(imported: Imported, notes: list[Note]) -> Note | None:
    """The note an earlier import of the same file made: same source file, else same link."""
    for note in notes:
        record = note.meta.get("imported")
        if isinstance(record, dict) and record.get("from") == imported.origin:
            return note
    if imported.source:
        for note in notes:
            if note.source == imported.source:
                return note
    return None


def _fresh_id(title: str, taken: set[str]) -> str:
    base = slugify(title)
    note_id, n = base, 2
    while note_id in taken:
        note_id, n = f"{base[:60]}-{n}", n + 1
    return note_id


def render_note(imported: Imported, note_id: str, existing: Note | None = None, previous_text: str = "") -> str:
    """The canonical note text: front matter (with CHECK markers), blurb, sections, kept cards."""
    author, author_note = imported.author, ""
    if existing and existing.author and not imported.author_certain:
        author = existing.author  # the curator already confirmed or corrected a guessed author
    elif not imported.author_certain:
        author_note = next((u for u in imported.unsure if u.startswith(("author ", "no author"))), "")
    tags = list(dict.fromkeys([*(existing.tags if existing else ()), *imported.tags]))
    record: dict[str, Any] = {"from": imported.origin, "format": imported.format}
    if imported.links:
        record["links"] = list(imported.links)
    if imported.meta:
        record["meta"] = imported.meta
    lines = ["---", _dump("id", note_id), _dump("title", imported.title)]
    lines.append(_dump("author", author) + (f"  # {MARKER} {author_note}" if author_note else ""))
    lines.append(_dump("source", imported.source) + ("" if imported.source else f"  # {MARKER} add the link"))
    lines.append(_dump("tags", tags))
    if imported.aliases:
        lines.append(_dump("aliases", list(imported.aliases)))
    lines.extend(_kept_front_matter(existing, previous_text))
    lines.append(_dump("imported", record))
    lines.extend(f"# {MARKER} {u}" for u in imported.unsure if not _is_field_note(u))
    lines.append("---")
    body = [imported.blurb] if imported.blurb else []
    for heading, text in imported.sections:
        body.append(f"## {heading}\n{text}".rstrip())
    cards = _cards_section(existing, previous_text)
    body.append(cards or "## Cards\n")
    return "\n".join(lines) + "\n" + "\n\n".join(body).rstrip() + "\n"


def _dump(key: str, value: Any) -> str:
    """One front matter entry: scalars and short lists on one line, mappings as blocks."""
    options: dict[str, Any] = {"sort_keys": False, "allow_unicode": True, "width": 1_000_000}
    if isinstance(value, list) and all(not isinstance(v, (list, dict)) for v in value):
        return f"{key}: " + str(yaml.safe_dump(value, default_flow_style=True, **options)).strip()
    return str(yaml.safe_dump({key: value}, default_flow_style=False, **options)).rstrip("\n")


def _is_field_note(message: str) -> bool:
    """Unsure notes about author or source sit beside those keys, not in the list below them."""
    return message.startswith(("author ", "no author", "no source", "no 'Source"))


def _kept_front_matter(existing: Note | None, text: str) -> list[str]:
    """The curator's own front matter entries (generate:, status: …), as written, comments included."""
    if existing is None or not text:
        return []
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), len(lines))
    starts = sorted((line - 1, key) for key, line in existing.meta_lines.items() if 0 < line - 1 < end)
    kept: list[str] = []
    for n, (start, key) in enumerate(starts):
        stop = starts[n + 1][0] if n + 1 < len(starts) else end
        if key not in _OWNED:
            kept.extend(ln for ln in lines[start:stop] if not ln.startswith(f"# {MARKER}"))
    return kept


def _cards_section(existing: Note | None, text: str) -> str:
    """The existing note's ``## Cards`` section, verbatim: the curator's cards survive a re-import."""
    if existing is None or not existing.cards_line:
        return ""
    lines = text.split("\n")
    start = existing.cards_line - 1
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "\n".join(lines[start:end]).rstrip() + "\n"
