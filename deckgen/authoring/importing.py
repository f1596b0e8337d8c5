"""``deckgen import``: write converted notes into the project, updating the note a file made before.

Every file is converted and checked first; only when all of them are good is anything
written (each file atomically), so a bad file in a batch leaves the project untouched.

Re-importing is a three-way merge, part by part (title, author, source, tags, aliases,
blurb, each ``##`` section): *base* is what the source said at the last import, recorded
in ``.deckgen-import/<note-id>.json`` (commit it, so a fresh clone has it); *ours* is the
note as the curator left it; *theirs* is what the source says now. A part only the source
changed takes the source's text; a part the curator changed keeps the curator's; where
both changed it, the two are merged line by line (a paragraph is a line; merge3, the
line merge of Breezy and Dulwich): each side's changed lines land, and where both
changed the same lines the curator's are kept and the conflict is reported. Sections the
curator added, their extra front matter (comments included) and ``## Cards`` always stay.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Literal

import yaml

from deckgen.authoring.importers import Imported, convert, detect_format
from deckgen.authoring.scaffold import slugify
from deckgen.core.archives import ArchiveError, check_entry, entry_path, read_entry
from deckgen.core.config import Config
from deckgen.core.errors import BinaryFileError, ContentError, DeckgenError, Finding
from deckgen.core.files import TooLargeError, atomic_write_bytes, atomic_write_text, read_bounded
from deckgen.core.model import Note
from deckgen.sources.layout import note_files
from deckgen.sources.media import IMAGE_TYPES, image_bytes
from deckgen.sources.notes import MAX_NOTE_BYTES, collect_notes, parse_note, read_text

MARKER = "CHECK:"  # what the importer could not be sure of; search the note for it
MAX_IMAGE_BYTES = 5_000_000
# Front matter keys the importer owns; every other key of an existing note is the curator's and is kept.
_OWNED = ("id", "title", "author", "source", "tags", "aliases", "imported")
BASE_DIR = ".deckgen-import"  # per note, what the source said at the last import: the merge base
_BASE_FORMAT = 1


@dataclass(frozen=True)
class Parts:
    """The parts of a note that an import can write, as the note parser reads them back."""

    title: str
    author: str
    source: str
    tags: tuple[str, ...]
    aliases: tuple[str, ...]
    blurb: str
    sections: tuple[tuple[str, str], ...]  # (heading, text), ``## Cards`` excluded

    @staticmethod
    def of(note: Note) -> Parts:
        """A parsed note's importable parts."""
        aliases = note.meta.get("aliases") or ()
        return Parts(
            note.title,
            note.author,
            note.source,
            tuple(note.tags),
            tuple(str(a) for a in aliases) if isinstance(aliases, list) else (),
            note.blurb,
            tuple((sec.heading, sec.text) for sec in note.sections),
        )

    def to_json(self, unsure: tuple[str, ...] = ()) -> str:
        """The base record's file text: stable, one key per line, so it diffs and merges in git.

        ``unsure``: what the import flagged '# CHECK:' (read by the next import only; none, no key).
        """
        data: dict[str, Any] = {"format": _BASE_FORMAT, **asdict(self)}
        if unsure:
            data["unsure"] = list(unsure)
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @staticmethod
    def from_json(text: str) -> Parts | None:
        """Read a base record; None when it is unreadable or from another format."""
        try:
            data = json.loads(text)
            if data.get("format") != _BASE_FORMAT:
                return None
            return Parts(
                str(data["title"]),
                str(data["author"]),
                str(data["source"]),
                tuple(str(t) for t in data["tags"]),
                tuple(str(a) for a in data["aliases"]),
                str(data["blurb"]),
                tuple((str(h), str(t)) for h, t in data["sections"]),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


@dataclass(frozen=True)
class Merged:
    """The outcome of a three-way merge: the parts to write and the conflicts kept as the curator's."""

    parts: Parts
    conflicts: tuple[str, ...]


def base_path(config: Config, note_id: str) -> Path:
    """Where the merge base of ``note_id`` is recorded."""
    return config.root / BASE_DIR / f"{note_id}.json"


def _merge_text(name: str, base: str | None, ours: str, theirs: str, conflicts: list[str]) -> str:
    """Three-way merge of one part, line by line (a paragraph is a line); the curator's lines win a conflict."""
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    if base is None:
        _conflict(conflicts, name, "no record of the last import", _first_new_line(ours, theirs))
        return ours
    from merge3 import Merge3

    merged: list[str] = []
    clashes: list[str] = []
    for group in Merge3(_lines(base), _lines(ours), _lines(theirs)).merge_groups():
        if group[0] == "conflict":  # both changed these lines: the curator's stay
            merged.extend(group[2])
            clashes.append(_first_new_line("".join(group[1]), "".join(group[3])))
        else:  # unchanged, ours, theirs or the same change on both sides
            merged.extend(group[1])
    if clashes:
        _conflict(conflicts, name, "the source changed it too", clashes[0])
    return "".join(merged)[:-1]  # (each line got a newline from _lines)


def _lines(text: str) -> list[str]:
    """``text``'s lines, each ending in a newline (so that a last line merges like the others)."""
    return [line + "\n" for line in text.split("\n")]


def _conflict(conflicts: list[str], name: str, why: str, line: str) -> None:
    line = line.strip()
    short = line if len(line) <= 60 else line[:57] + "..."
    conflicts.append(f"{name}: kept your text ({why}); the source now says {short!r}")


def _first_new_line(before: str, after: str) -> str:
    """The first line of ``after`` that ``before`` does not have: where a conflict's source text changed."""
    known = set(before.splitlines())
    return next((line for line in after.splitlines() if line.strip() and line not in known), after)


def _merge_list(base: tuple[str, ...] | None, ours: tuple[str, ...], theirs: tuple[str, ...]) -> tuple[str, ...]:
    """Set-wise three-way merge: the source's additions and removals, the curator's too."""
    if base is None:
        return tuple(dict.fromkeys([*ours, *theirs]))
    dropped = set(base) - set(theirs)
    kept = [item for item in ours if item not in dropped or item not in base]
    added = [item for item in theirs if item not in base and item not in kept]
    return tuple(dict.fromkeys([*kept, *added]))


def _merge_sections(
    base: tuple[tuple[str, str], ...] | None,
    ours: tuple[tuple[str, str], ...],
    theirs: tuple[tuple[str, str], ...],
    conflicts: list[str],
) -> tuple[tuple[str, str], ...]:
    """Sections by heading, in the curator's order; the source's new ones after their predecessor."""
    base_map = dict(base) if base is not None else None
    theirs_map = dict(theirs)
    merged: list[tuple[str, str]] = []
    for heading, text in ours:
        name = f"section '{heading}'"
        if heading in theirs_map:
            was = base_map.get(heading) if base_map is not None else None
            merged.append((heading, _merge_text(name, was, text, theirs_map[heading], conflicts)))
        elif base_map is not None and heading in base_map:
            if text == base_map[heading]:
                continue  # the source dropped it and the curator never touched it
            conflicts.append(f"{name}: kept your edited text; the source no longer has this section")
            merged.append((heading, text))
        else:
            merged.append((heading, text))  # the curator's own section
    have = {heading for heading, _ in ours}
    for index, (heading, text) in enumerate(theirs):
        if heading in have:
            continue
        if base_map is not None and heading in base_map:
            if text != base_map[heading]:
                conflicts.append(f"section '{heading}': you removed it; the source changed it (left out)")
            continue  # the curator removed (or renamed) it
        after = next((h for h, _ in reversed(theirs[:index]) if any(m == h for m, _ in merged)), None)
        position = next((i + 1 for i, (m, _) in enumerate(merged) if m == after), 0) if after else 0
        merged.insert(position, (heading, text))
        have.add(heading)
    return tuple(merged)


def merge_parts(base: Parts | None, ours: Parts, theirs: Parts) -> Merged:
    """Three-way merge of a note's importable parts (``base`` None: no record, so keep every difference)."""
    conflicts: list[str] = []

    def text(name: str, attr: str) -> str:
        was = getattr(base, attr) if base is not None else None
        return _merge_text(name, was, getattr(ours, attr), getattr(theirs, attr), conflicts)

    parts = Parts(
        title=text("title", "title"),
        author=text("author", "author"),
        source=text("source", "source"),
        tags=_merge_list(base.tags if base else None, ours.tags, theirs.tags),
        aliases=_merge_list(base.aliases if base else None, ours.aliases, theirs.aliases),
        blurb=text("blurb", "blurb"),
        sections=_merge_sections(base.sections if base else None, ours.sections, theirs.sections, conflicts),
    )
    return Merged(parts, tuple(conflicts))


@dataclass(frozen=True)
class ImportResult:
    """What importing one file did (or would do)."""

    source: str
    target: Path
    note_id: str
    status: Literal["created", "updated", "unchanged", "skipped"]  # skipped: a page of an export that is no note
    format: str
    unsure: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()  # parts both changed: the curator's text was kept
    diff: str = ""  # unified diff of the note file, old to new
    images: tuple[tuple[str, Path], ...] = ()  # (image as the source names it, where it is copied)


@dataclass
class _Planned:
    result: ImportResult
    text: str
    images: list[tuple[Path, Path]]
    base: tuple[Path, str] | None = None  # the merge base to record for the next import
    title: str = ""


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
    skipped: list[ImportResult] = []
    findings: list[Finding] = []
    seen_targets: dict[Path, str] = {}
    seen_titles: dict[str, str] = {}  # a planned note's title (lower case) -> the file and note it came from
    media: dict[Path, bytes] = {}  # images this batch will write, so two notes' 'diagram.png' both survive
    # An export's zip is unpacked into a private folder that lives only while the notes are planned:
    # planning reads every byte that will be written (notes and images) into memory.
    _vault_files.cache_clear()  # a vault's files as they are now, not as an earlier import in this process saw them
    with tempfile.TemporaryDirectory(prefix="deckgen-import-") as workdir:
        for item in _sources(sources, Path(workdir), findings, config.out_dir):
            shown = item.shown
            try:
                plan = _plan_one(
                    config,
                    item.path,
                    shown,
                    into,
                    notes,
                    taken,
                    media,
                    vault or item.root,
                    in_archive=item.root is not None,
                )
            except _NotANote as exc:
                skipped.append(ImportResult(shown, Path(), "", "skipped", exc.format, (exc.why,)))
                continue
            except DeckgenError as exc:
                findings.extend(exc.findings)
                continue
            if item.root is not None and item.archive:  # an image unpacked from the zip is named as inside the zip
                plan.result = dataclasses.replace(
                    plan.result,
                    images=tuple((_in_archive(src, item.root, item.archive), dest) for src, dest in plan.result.images),
                )
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
            title = " ".join(plan.title.lower().split())
            if title in seen_titles and plan.result.status == "created":
                # two files of one title in one import became two notes with no word (last session's left-alone
                # list): likely one essay exported twice, whose cards would then ship twice
                plan.result = dataclasses.replace(
                    plan.result,
                    unsure=(
                        *plan.result.unsure,
                        f"same title as {seen_titles[title]}: imported as a note of its own; if both are one essay,"
                        " keep one of the two notes",
                    ),
                )
            seen_titles.setdefault(title, f"{shown} ({config.rel(target)})")
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
            if plan.base is not None:
                path, record = plan.base
                if not path.exists() or path.read_text(encoding="utf-8") != record:
                    atomic_write_text(path, record)
    return [p.result for p in planned] + skipped


@dataclass(frozen=True)
class _Source:
    """One file to import, and the export (zip or folder) it came from, if any."""

    path: Path
    shown: str  # how messages name it: 'Export.zip/Reading notes/x.md' for a file unpacked from a zip
    root: Path | None = None  # the export's root (where images are looked for); None: a file named on its own
    archive: str = ""  # the zip it was unpacked from, as named on the command line


def _sources(sources: Sequence[Path], workdir: Path, findings: list[Finding], outputs: Path) -> list[_Source]:
    """Each file to import.

    A zip's notes are unpacked first; a folder's are found in it and its subfolders (hidden ones
    skipped). Both are exports: their pages without sections are skipped, and their root is
    where embedded images are looked for.
    """
    found: list[_Source] = []
    for index, source in enumerate(sources):
        if source.suffix.lower() == ".zip" and source.is_file():
            root = workdir / str(index)
            try:
                unpacked = unpack_notes(source, str(source), root)
            except DeckgenError as exc:
                findings.extend(exc.findings)
                continue
            found.extend(_Source(path, name, root, str(source)) for path, name in unpacked)
        elif source.is_dir():
            notes = _folder_notes(source, outputs)
            inside = source.resolve()
            escaping = [path for path in notes if not path.resolve().is_relative_to(inside)]
            for path in escaping:  # a shared folder's 'notes/x.md -> ~/.ssh/id_rsa' must not land in content/
                findings.append(
                    Finding(
                        str(path), 0, "links to a file outside the folder", "copy the note into the folder", "import"
                    )
                )
            if escaping:
                continue
            if not notes or len(notes) > MAX_ARCHIVE_ENTRIES:
                why = "holds no notes (.md or .txt files)" if not notes else f"holds over {MAX_ARCHIVE_ENTRIES:,} notes"
                findings.append(Finding(str(source), 0, why, "name the note files, or a folder of them", "import"))
                continue
            found.extend(_Source(path, str(path), source) for path in notes)
        else:
            found.append(_Source(source, str(source)))
    return found


def _folder_notes(folder: Path, outputs: Path) -> list[Path]:
    """The .md and .txt files in ``folder`` and its subfolders: hidden ones (.obsidian, .trash) and the build's skipped."""
    notes: list[Path] = []
    skip = outputs.resolve()
    for parent, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (Path(parent) / d).resolve() != skip)
        notes.extend(
            Path(parent) / n for n in sorted(names) if n.lower().endswith(NOTE_SUFFIXES) and not n.startswith(".")
        )
        if len(notes) > MAX_ARCHIVE_ENTRIES:
            break
    return notes


# files people try to import, and what to call them in the error
_OTHER_FORMATS = {
    ".rtf": "rich text (RTF)",
    ".rtfd": "rich text (RTF)",
    ".doc": "a Word document",
    ".docx": "a Word document",
    ".odt": "an OpenDocument text",
    ".pages": "a Pages document",
    ".pdf": "a PDF",
    ".html": "a web page",
    ".htm": "a web page",
    ".markdown": "Markdown under a suffix deckgen does not read ('.markdown')",
}
MAX_ARCHIVE_BYTES = 100 * 1024 * 1024  # an export's zip as downloaded
MAX_ARCHIVE_ENTRIES = 10_000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # every entry unpacked from one export, nested zips included
NOTE_SUFFIXES = (".md", ".txt")


@dataclass
class _Unpacked:
    """Bytes and files unpacked so far from one export, nested zips included: the limits are the export's, not each
    zip's (an attacker's try: twenty inner zips of 10,000 empty notes each unpacked 200,000 files)."""

    total: int = 0
    entries: int = 0


def unpack_notes(
    archive_path: Path, shown: str, root: Path, depth: int = 0, unpacked: _Unpacked | None = None
) -> list[tuple[Path, str]]:
    """Unpack an export's notes, and the images beside them, under ``root``: (note file, name to show), in order.

    Notion exports a workspace as a zip (a large one as a zip of zips); Obsidian users zip a
    vault folder. Only notes (.md, .txt), images and nested zips (one level) are unpacked, each
    checked against its declared size first (core.archives); everything else (a database's
    CSV, PDFs) is left in the zip. Unpacked files go under ``root`` only: a name that would
    leave it is an error, not a path.
    """

    def problem(message: str, fix: str = "export again, or unzip it and import the .md files") -> ContentError:
        return ContentError(Finding(shown, 0, message, fix, "import"))

    try:
        size = archive_path.stat().st_size
        if size > MAX_ARCHIVE_BYTES:
            raise problem(
                f"is {size:,} bytes, over the {MAX_ARCHIVE_BYTES:,} limit for an export",
                "export without files and media, or unzip it and import the notes",
            )
        notes: list[tuple[Path, str]] = []
        with zipfile.ZipFile(archive_path) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
            so_far = unpacked if unpacked is not None else _Unpacked()
            so_far.entries += len(infos)
            if so_far.entries > MAX_ARCHIVE_ENTRIES:
                raise problem(
                    f"brings the export to {so_far.entries:,} files (the zips inside it included), more than the "
                    f"{MAX_ARCHIVE_ENTRIES:,} of an export"
                    if depth
                    else f"holds {len(infos):,} files, more than the {MAX_ARCHIVE_ENTRIES:,} of an export"
                )
            wanted: list[tuple[zipfile.ZipInfo, PurePosixPath, int]] = []
            seen: set[PurePosixPath] = set()
            for info in infos:
                path = entry_path(info.filename)
                if path in seen:  # the second would overwrite the first, which would be lost (an attacker's try)
                    raise ArchiveError(f"entry '{info.filename}' appears twice in the zip")
                seen.add(path)
                suffix = path.suffix.lower()
                if suffix in NOTE_SUFFIXES:
                    limit = MAX_NOTE_BYTES + 1  # one byte over: the note's own reader reports the size
                elif suffix.lstrip(".") in IMAGE_TYPES:
                    limit = MAX_IMAGE_BYTES + 1
                elif suffix == ".zip" and depth == 0:
                    limit = MAX_ARCHIVE_BYTES
                else:
                    continue
                check_entry(info, limit)
                wanted.append((info, path, limit))
            so_far.total += sum(info.file_size for info, _, _ in wanted)
            if so_far.total > MAX_UNPACKED_BYTES:
                raise problem(
                    f"brings the export to {so_far.total:,} unpacked bytes (the zips inside it included), over the "
                    f"{MAX_UNPACKED_BYTES:,} limit for an export"
                    if depth
                    else f"unpacks to {so_far.total:,} bytes, over the {MAX_UNPACKED_BYTES:,} limit for an export"
                )
            for info, path, _ in wanted:
                target = root.joinpath(*path.parts)
                data = read_entry(archive, info)
                try:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                except OSError as exc:  # 'a.md' and 'a.md/b.md' in one zip; a name too long for the disk
                    raise ArchiveError(f"entry '{info.filename}' cannot be unpacked ({exc.strerror or exc})") from None
                if path.suffix.lower() == ".zip":
                    inner = target.with_name(target.name + ".d")
                    notes.extend(unpack_notes(target, f"{shown}/{path.as_posix()}", inner, depth + 1, so_far))
                    target.unlink()
                elif path.suffix.lower() in NOTE_SUFFIXES:
                    notes.append((target, f"{shown}/{path.as_posix()}"))
    except ArchiveError as exc:
        raise problem(str(exc)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError) as exc:
        raise problem(f"is not a readable zip file ({exc})") from None
    except OSError as exc:
        raise problem(f"cannot be read: {exc.strerror or exc}", "check the path") from None
    if depth == 0 and not notes:
        raise problem("holds no notes (.md or .txt files)", "export the pages as Markdown, then import the zip")
    return sorted(notes) if depth == 0 else notes


def _in_archive(unpacked: str, root: Path, label: str) -> str:
    """``/tmp/…/0/Vault/a.png`` -> ``vault.zip/Vault/a.png``: an unpacked file's name in the zip it came from."""
    path, root = Path(unpacked).resolve(), root.resolve()
    rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else unpacked
    return f"{label}/{rel.replace('.zip.d/', '.zip/')}"


class _NotANote(Exception):
    """A page of an export that is not a reading note (an index of links, a database's table page)."""

    def __init__(self, format: str, why: str) -> None:
        super().__init__(why)
        self.format = format
        self.why = why


def _plan_one(
    config: Config,
    source: Path,
    shown: str,
    into: Path,
    notes: list[Note],
    taken: set[str],
    media: dict[Path, bytes],
    vault: Path | None = None,
    *,
    in_archive: bool = False,
) -> _Planned:
    if not source.is_file():
        raise ContentError(Finding(shown, 0, "no such file", "check the path of the file to import", "import"))
    if source.suffix.lower() not in NOTE_SUFFIXES:
        kind = _OTHER_FORMATS.get(
            source.suffix.lower(), f"a '{source.suffix}' file" if source.suffix else "a file without a .txt or .md name"
        )
        raise ContentError(
            Finding(
                shown,
                0,
                f"is {kind}: deckgen imports plain text (.txt), Markdown (.md), a .zip export of them, or a folder",
                "save or export the note as plain text or Markdown and import that file",
                "import",
            )
        )
    try:
        text = read_text(source, shown)
    except BinaryFileError as exc:  # a Word file, a PDF, an export's zip
        raise ContentError(
            Finding(
                shown,
                0,
                "not a text file (it contains NUL bytes, as a Word file, a PDF or a zip does)",
                "export the note as Markdown (.md) or plain text (.txt) and import that",
                "import",
            )
        ) from exc
    if text.lstrip().startswith("{\\rtf"):
        raise ContentError(
            Finding(
                shown,
                1,
                "is rich text (RTF) saved under a plain-text name: its formatting codes would become the note",
                "save it as plain text (TextEdit: Format > Make Plain Text; Word: Save As > Plain Text) and import again",
                "import",
            )
        )
    fmt = detect_format(text, source.name)
    if fmt == "canonical":
        note = parse_note(text, shown)
        existing = next((n for n in notes if n.id == note.id), None)
        target = config.root / existing.path if existing else into / f"{note.id}.md"
        return _finish(config, shown, target, note.id, text, fmt, (), [])
    imported = convert(text, source, shown)
    if vault is not None and any(image.path is None for image in imported.images):
        imported = _found_in_vault(imported, source, vault)
    if in_archive and not imported.sections:
        # a file named on the command line is imported whatever it holds; an export's other pages are not notes
        raise _NotANote(fmt, "no sections (Central argument, Critique, …): not a reading note, not imported")
    existing = _previous(imported, notes, lambda note_id: _recorded_link(_read_record(base_path(config, note_id))))
    if existing is not None:
        note_id = existing.id
        target = config.root / existing.path
        previous_text = target.read_text(encoding="utf-8")
    else:
        note_id = _fresh_id(imported.title, taken)
        target = into / f"{note_id}.md"
        previous_text = ""
    # an image the note already has from an earlier import needs no CHECK when the source lacks it now
    imported = imported.settled(
        {
            image.name: None
            for image in imported.images
            if image.path is None
            and f"](media/{image.name})" in previous_text
            and (target.parent / "media" / image.name).is_file()
        }
    )
    flagged = imported.unsure  # every guess the source gives now, recorded for the next import
    recorded = _read_record(base_path(config, note_id)) if existing is not None else None
    if existing is not None:
        # a '# CHECK:' line the last import wrote too and the curator has since deleted was checked: not written again
        # (each re-import put it back, and lint's unchecked-import then warned again)
        before = _recorded_unsure(recorded)
        imported = dataclasses.replace(
            imported,
            unsure=tuple(
                u
                for u in imported.unsure
                if _is_field_note(u) or u not in before or f"# {MARKER} {u}" in previous_text.split("\n---", 1)[0]
            ),
        )
    theirs = Parts.of(parse_note(render_note(imported, note_id), shown))
    conflicts: tuple[str, ...] = ()
    if existing is not None:
        base = Parts.from_json(recorded) if recorded is not None else None
        merged = merge_parts(base, Parts.of(existing), theirs)
        conflicts = merged.conflicts
        new_text = render_note(imported, note_id, existing, previous_text, merged.parts)
    else:
        new_text = render_note(imported, note_id)
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
        dest = _free_media_name(target.parent / "media", image.name, note_id, data, media)
        if dest.name != image.name:  # another note's image has this name: keep both, this one prefixed by the note id
            new_text = new_text.replace(f"](media/{image.name})", f"](media/{dest.name})")
        media[dest] = data
        images.append((image.path, dest))
    if refused:
        raise ContentError(refused)
    unsure = imported.unsure
    if existing is not None and existing.author and not imported.author_certain:
        unsure = tuple(u for u in unsure if not u.startswith(("author ", "no author")))
    planned = _finish(config, shown, target, note_id, new_text, imported.format, unsure, images, conflicts)
    planned.base = (base_path(config, note_id), theirs.to_json(flagged))
    return planned


def _read_record(path: Path) -> str | None:
    """The text of a note's base record (what its last import recorded), None when there is none."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _recorded_link(recorded: str | None) -> str | None:
    """The source link a base record's text holds, None when there is no readable record."""
    base = Parts.from_json(recorded) if recorded is not None else None
    return base.source if base is not None else None


def _recorded_unsure(recorded: str | None) -> frozenset[str]:
    """The guesses the last import of a note flagged '# CHECK:' (its base record's 'unsure'; none when unknown)."""
    try:
        data = json.loads(recorded) if recorded is not None else None
    except ValueError:
        return frozenset()
    found = data.get("unsure") if isinstance(data, dict) else None
    return frozenset(u for u in found if isinstance(u, str)) if isinstance(found, list) else frozenset()


def _free_media_name(folder: Path, name: str, note_id: str, data: bytes, media: dict[Path, bytes]) -> Path:
    """Where an imported image goes: its own name, else the note id before it, else a number too; never over a
    file with other bytes (on disk or planned by this import). An attacker's try: an export whose image took the
    prefixed name of another note's image ('beta-diagram.png') replaced that note's picture without a word."""
    for candidate in (name, f"{note_id}-{name}", *(f"{note_id}-{n}-{name}" for n in range(2, 1000))):
        dest = folder / candidate
        planned = media.get(dest)
        if planned is not None:
            if planned == data:
                return dest
            continue
        if not os.path.lexists(dest):
            return dest
        if dest.is_file() and not dest.is_symlink() and dest.read_bytes() == data:
            return dest
    raise ContentError(
        Finding(str(folder / name), 0, f"no free name for image '{name}' in {folder}", "rename the image", "import")
    )


def _finish(
    config: Config,
    shown: str,
    target: Path,
    note_id: str,
    text: str,
    fmt: str,
    unsure: tuple[str, ...],
    images: list[tuple[Path, Path]],
    conflicts: tuple[str, ...] = (),
) -> _Planned:
    rel = config.rel(target)
    note = parse_note(text, rel)  # what we write must be a valid note; a failure here names the source's problem
    old = target.read_text(encoding="utf-8") if target.exists() else None
    status: Literal["created", "updated", "unchanged"] = (
        "created" if old is None else ("unchanged" if old == text else "updated")
    )
    diff = "".join(
        difflib.unified_diff(
            (old or "").splitlines(keepends=True), text.splitlines(keepends=True), f"a/{rel}", f"b/{rel}"
        )
    )
    copied = tuple((str(src), dest) for src, dest in images)
    return _Planned(
        ImportResult(shown, target, note_id, status, fmt, unsure, conflicts=conflicts, diff=diff, images=copied),
        text,
        images,
        title=note.title,
    )


MAX_VAULT_FILES = 50_000  # files indexed to find an embedded image by name, as Obsidian does


@functools.lru_cache(maxsize=4)
def _vault_files(vault: Path) -> dict[str, tuple[Path, ...]]:
    """Every file under ``vault`` by name (hidden folders such as .obsidian and .trash skipped)."""
    found: dict[str, list[Path]] = {}
    count = 0
    for folder, dirs, names in os.walk(vault):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            found.setdefault(name, []).append(Path(folder) / name)
            count += 1
            if count >= MAX_VAULT_FILES:
                return {name: tuple(paths) for name, paths in found.items()}
    return {name: tuple(paths) for name, paths in found.items()}


def _found_in_vault(imported: Imported, source: Path, vault: Path) -> Imported:
    """Images the note embeds by name (``![[diagram.png]]``) found anywhere in the vault, as Obsidian finds them.

    Of several files with the name, the one nearest the note wins (the longest shared folder path,
    then the shortest path), as in Obsidian's "shortest path" link format.
    """
    index = _vault_files(vault.resolve())
    here = source.resolve().parent.parts

    def nearness(path: Path) -> tuple[int, int, str]:
        shared = next((i for i, (a, b) in enumerate(zip(here, path.parts)) if a != b), min(len(here), len(path.parts)))
        return (-shared, len(path.parts), str(path))

    return imported.settled(
        {
            image.name: min(index[image.name], key=nearness)
            for image in imported.images
            if image.path is None and index.get(image.name)
        }
    )


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
    if not image_bytes(resolved.name, data):
        raise ValueError(f"the file is not really a .{ext} image")
    return data


def _line_of(text: str, needle: str) -> int:
    """The 1-based line of ``text`` where ``needle`` first appears (0: not found)."""
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 0


def _previous(imported: Imported, notes: list[Note], recorded_link: Callable[[str], str | None]) -> Note | None:
    """The note an earlier import of the same file made: same source file, else same link.

    Files of one name in several folders ('Books/Inspired/Summary.md', 'Books/Shape-Up/Summary.md': a PM lead's
    vault) each record only 'Summary.md': among the notes of that name, the one with the file's link (else its title)
    is its note, and one whose last import said another link (``recorded_link``: by note id, from its base record;
    None when there is none) is another file's (the first of them was overwritten).
    """
    named = [
        note
        for note in notes
        if isinstance(record := note.meta.get("imported"), dict) and record.get("from") == imported.origin
    ]
    linked = [note for note in notes if imported.source and note.source == imported.source]
    for note in named:
        if note in linked:
            return note
    if len(named) > 1:  # several files of this name: only its title tells which note is this one's
        titled = [note for note in named if note.title == imported.title]
        return titled[0] if len(titled) == 1 else (linked[0] if linked else None)
    if imported.source:  # a note of the name whose last import said another link is another file's
        named = [note for note in named if recorded_link(note.id) in (None, "", imported.source)]
    if named and not linked:
        return named[0]
    return linked[0] if linked else None


def _fresh_id(title: str, taken: set[str]) -> str:
    base = slugify(title)
    note_id, n = base, 2
    while note_id in taken:
        note_id, n = f"{base[:60]}-{n}", n + 1
    return note_id


def render_note(
    imported: Imported,
    note_id: str,
    existing: Note | None = None,
    previous_text: str = "",
    parts: Parts | None = None,
) -> str:
    """The canonical note text: front matter (with CHECK markers), blurb, sections, kept cards.

    With ``parts`` (a re-import's merge result) those parts are written; a front matter
    entry whose value is the curator's is copied as the curator wrote it (comments included).
    """
    author, author_note = imported.author, ""
    if existing and existing.author and not imported.author_certain:
        author = existing.author  # the curator already confirmed or corrected a guessed author
    elif not imported.author_certain:
        author_note = next((u for u in imported.unsure if u.startswith(("author ", "no author"))), "")
    title, source = imported.title, imported.source
    tags = list(dict.fromkeys([*(existing.tags if existing else ()), *imported.tags]))
    aliases = list(imported.aliases)
    sections = list(imported.sections)
    blurb = imported.blurb
    if parts is not None:
        title, source, tags, aliases = parts.title, parts.source, list(parts.tags), list(parts.aliases)
        sections, blurb = list(parts.sections), parts.blurb
        if parts.author != author:
            author, author_note = parts.author, ""
    ours = Parts.of(existing) if existing is not None else None
    record: dict[str, Any] = {"from": imported.origin, "format": imported.format}
    if imported.links:
        record["links"] = list(imported.links)
    # 'year:' is a key of deckgen's own (kept for the curator, shown by nothing): the source's year goes there, not
    # under imported.meta (a PM lead's Obsidian note); a year the note has already is the curator's and stays
    year = next((str(v).strip() for k, v in imported.meta.items() if k.strip().lower() == "year"), None)
    readable = year is not None and year.isdigit() and 3 <= len(year) <= 4
    curators = existing is not None and "year" in existing.meta_lines
    year_line = _dump("year", int(year)) if readable and year is not None and not curators else ""
    # an unreadable year stays under imported.meta as written, unless the note has its own
    meta = {k: v for k, v in imported.meta.items() if k.strip().lower() != "year" or not (readable or curators)}
    if meta:
        record["meta"] = meta

    def entry(key: str, value: Any, fresh: str) -> str:
        mine = getattr(ours, key) if ours is not None else None
        if mine is not None and existing is not None and key in existing.meta_lines and value == mine:
            return _front_matter_entry(existing, previous_text, key) or fresh
        return fresh

    lines = ["---", *_comments_after(existing, previous_text, None), _dump("id", note_id)]
    lines += _comments_after(existing, previous_text, "id")
    lines += [entry("title", title, _dump("title", title)), *_comments_after(existing, previous_text, "title")]
    marked_author = _dump("author", author) + (f"  # {MARKER} {author_note}" if author_note else "")
    lines += [entry("author", author, marked_author), *_comments_after(existing, previous_text, "author")]
    marked_source = _dump("source", source) + ("" if source else f"  # {MARKER} add the link")
    lines += [entry("source", source, marked_source), *_comments_after(existing, previous_text, "source")]
    lines += [entry("tags", tuple(tags), _dump("tags", tags)), *_comments_after(existing, previous_text, "tags")]
    if aliases:
        lines.append(entry("aliases", tuple(aliases), _dump("aliases", aliases)))
    lines += _comments_after(existing, previous_text, "aliases")
    if year_line:
        lines.append(year_line)
    lines.extend(_kept_front_matter(existing, previous_text))
    lines.append(_dump("imported", record))
    lines += _comments_after(existing, previous_text, "imported")
    lines.extend(f"# {MARKER} {u}" for u in imported.unsure if not _is_field_note(u))
    lines.append("---")
    body = [blurb] if blurb else []
    for heading, text in sections:
        body.append(f"## {heading}\n{text}".rstrip())
    cards = _cards_section(existing, previous_text)
    body.append(cards or "## Cards\n")
    return "\n".join(lines) + "\n" + "\n\n".join(body).rstrip() + "\n"


def _front_matter_entry(existing: Note, text: str, key: str) -> str:
    """The curator's own lines for one front matter key, as written (comment lines after it excluded)."""
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), len(lines))
    starts = sorted(line - 1 for line in existing.meta_lines.values() if 0 < line - 1 < end)
    start = existing.meta_lines[key] - 1
    stop = next((s for s in starts if s > start), end)
    own = [ln for ln in lines[start:stop] if not ln.startswith("#")]
    return "\n".join(own).rstrip()


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


def _comments_after(existing: Note | None, text: str, key: str | None) -> list[str]:
    """Comment lines the curator wrote after an owned key (``None``: before the first key), kept in place."""
    if existing is None or not text:
        return []
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), len(lines))
    starts = sorted(line - 1 for line in existing.meta_lines.values() if 0 < line - 1 < end)
    if key is None:
        start, stop = 1, (starts[0] if starts else end)
    elif key in existing.meta_lines:
        start = existing.meta_lines[key] - 1
        stop = next((s for s in starts if s > start), end)
    else:
        return []
    return [ln for ln in lines[start:stop] if ln.startswith("#") and not ln.startswith(f"# {MARKER}")]


def _cards_section(existing: Note | None, text: str) -> str:
    """The existing note's ``## Cards`` section, verbatim: the curator's cards survive a re-import."""
    if existing is None or not existing.cards_line:
        return ""
    lines = text.split("\n")
    start = existing.cards_line - 1
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "\n".join(lines[start:end]).rstrip() + "\n"
