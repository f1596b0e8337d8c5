"""Create a new content project (``deckgen init``) or a new note file (``deckgen new``)."""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from pathlib import Path

from deckgen.core.config import CONFIG_NAME, Config
from deckgen.core.errors import ConfigError, Finding, LockError
from deckgen.core.files import atomic_write_text
from deckgen.core.sections import PLACEHOLDER_BLURB
from deckgen.lock.merge import ATTRIBUTES_LINE, install_merge_driver
from deckgen.sources.layout import note_files
from deckgen.sources.notes import NOTE_ID_RE, parse_note, read_text

EXAMPLE_NOTE = """\
---
id: example-essay
title: An Example Essay
author: Ada Example
source: https://example.com/essay
tags: [example]
---
One or two sentences on what the essay is and why a new PM should read it.

## Central argument
The author argues that small, frequent releases teach a team more than big launches.

## Cards

Q: In Example's 'An Example Essay', what teaches a team more than big launches?
A: Small, frequent releases.
"""

DECK_MANIFEST = """\
# One deck that takes every note in content/, in file order.
deck: {name}
description: Every note in this project.
notes: all
"""


def slugify(text: str) -> str:
    """A note id from a title: lowercase ASCII words joined by '-' (at most 64 characters).

    An apostrophe joins its word ('Maker's Schedule' -> 'makers-schedule'): a PM lead's try got the permanent id
    'maker-s-schedule-manager-s-schedule'.
    """
    text = re.sub(r"(?<=\w)['’](?=\w)", "", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:64].strip("-")
    return slug or "note"


def init_project(target: Path, name: str | None = None) -> list[Path]:
    """Scaffold a project in ``target``; refuse to touch an existing project."""
    if (target / CONFIG_NAME).exists():
        raise ConfigError(
            Finding(
                str(target / CONFIG_NAME),
                0,
                "a deckgen project already exists here",
                "choose an empty directory",
                "init",
            )
        )
    project_name = name or target.resolve().name or "My decks"
    files = {
        target / CONFIG_NAME: (
            "[project]\n"
            f"name = {_toml_string(project_name)}\n"
            "# Part of every card's identity in Anki. Never change it after the first release.\n"
            f'namespace = "{uuid.uuid4().hex}"\n'
        ),
        target / "content" / "example-essay.md": EXAMPLE_NOTE,
        target / "decks" / "all.yaml": DECK_MANIFEST.format(name=_yaml_string(project_name)),
        target / ".gitignore": "build/\n.deckgen-cache/\n",  # outputs, and the note memo (safe to delete)
        # git merges deckgen.lock with deckgen's merge driver (README: deckgen.lock and branches)
        target / ".gitattributes": ATTRIBUTES_LINE + "\n",
    }
    for path in files:
        if path.exists():
            raise ConfigError(Finding(str(path), 0, "file already exists", "choose an empty directory", "init"))
    for path, text in files.items():
        atomic_write_text(path, text)
    return list(files)


def set_up_merge_driver(target: Path) -> str:
    """Configure deckgen's merge driver for deckgen.lock when ``target`` is in a git work tree; say what happened."""
    try:
        install_merge_driver(target)
    except LockError:
        return "Not a git repository yet: after `git init`, run `deckgen lock install-merge-driver` so git merges deckgen.lock"
    return (
        "Configured git to merge deckgen.lock with deckgen (each clone runs `deckgen lock install-merge-driver` once)"
    )


def new_note(config: Config, title: str, author: str = "", source: str = "", folder: str = "") -> Path:
    """Write a new note with a fresh id (the title's slug, made unique) and return its path."""
    if not title.strip():
        raise ConfigError(
            Finding("deckgen new", 0, "the title is empty", 'give a title: deckgen new "The Essay Title"', "usage")
        )
    content = config.content_dir.resolve()
    where = (config.content_dir / folder).resolve()
    if folder and (Path(folder).is_absolute() or not where.is_relative_to(content)):
        raise ConfigError(
            Finding(
                "deckgen new",
                0,
                f"--folder '{folder}' is outside {config.rel(config.content_dir)}/",
                "name a subfolder of the content folder, e.g. --folder essays",
                "usage",
            )
        )
    taken = set()
    for path in note_files(config.content_dir):
        rel = config.rel(path)
        try:
            taken.add(parse_note(read_text(path, rel), rel).id)
        except Exception:  # a broken note must not stop a new one being created
            taken.add(path.stem)
    base = slugify(title)
    note_id, n = base, 2
    while note_id in taken or (config.content_dir / folder / f"{note_id}.md").exists():
        note_id, n = f"{base[:60]}-{n}", n + 1
    assert NOTE_ID_RE.match(note_id)
    path = config.content_dir / folder / f"{note_id}.md"
    text = (
        "---\n"
        f"id: {note_id}\n"
        f"title: {_yaml_string(_one_line(title))}\n"
        f"author: {_yaml_string(_one_line(author))}\n"
        f"source: {_yaml_string(_one_line(source))}\n"
        "tags: []\n"
        "---\n"
        f"{PLACEHOLDER_BLURB}\n\n"
        "## Central argument\n\n"
        "## Critique\n\n"
        "## Why it matters for product\n\n"
        "## Cards\n\n"
    )
    atomic_write_text(path, text)
    return path


def deck_hint(config: Config, path: Path) -> str | None:
    """What to do when no deck's manifest selects the note at ``path`` (its cards would ship to no learner), or None.

    Names the content folders the decks read by path (``--folder`` puts a note there), else the id line to add.
    """
    from pathlib import PurePosixPath

    from deckgen.sources.manifests import collect_manifests, select_notes

    specs, _ = collect_manifests(config.decks_dir, config.root)  # a broken manifest is the build's to report
    rel = config.rel(path)
    note = parse_note(read_text(path, rel), rel)
    if not specs or any(select_notes(spec, [note])[0] for spec in specs):
        return None
    content = PurePosixPath(config.rel(config.content_dir))
    folders = sorted(
        {
            folder.relative_to(content).as_posix()
            for spec in specs
            for selector in spec.selectors
            if selector.kind == "path"
            and (folder := PurePosixPath(selector.value).parent) != content
            and folder.is_relative_to(content)
            and not any(mark in folder.as_posix() for mark in "*?[")
        }
    )
    where = (
        f", or create it in a folder a deck reads ({' or '.join(f'--folder {f}' for f in folders)})" if folders else ""
    )
    return (
        f"no deck in {config.rel(config.decks_dir)}/ selects {rel} yet, so its cards would ship to no learner: add"
        f" '- id: {note.id}' to a deck file{where}"
    )


def _one_line(value: str) -> str:
    """Front-matter values are one line: newlines and other whitespace runs become one space."""
    return " ".join(value.split())


def _yaml_string(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar, with every control character escaped.
    return json.dumps(value, ensure_ascii=False)


def _toml_string(value: str) -> str:
    return _yaml_string(value)
