"""Read note files: YAML front matter, ``##`` sections and ``## Cards`` blocks, with line numbers.

This is deckgen's only YAML reader. Everything it returns remembers where it came from,
so every later error can name ``file:line``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from deckgen.core.errors import BinaryFileError, ContentError, Finding, NoteContentError
from deckgen.core.files import TooLargeError, read_bounded, resolves_inside
from deckgen.core.model import CardBlock, FieldValue, Note, Section
from deckgen.core.sections import CARDS_HEADING
from deckgen.sources.layout import note_files

# libyaml is ~7x faster than the pure-Python loader and equally safe (no object tags).
SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

NOTE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}\Z")  # \Z: "$" would accept "id\n"
CARD_ID_RE = NOTE_ID_RE
MAX_NOTE_BYTES = 1_000_000
MAX_FRONT_MATTER_BYTES = 64_000
MAX_YAML_DEPTH = 20

# Keys a card block may use. A line starting with one of these (and a colon) starts a
# field; any other line continues the previous field, so answers may span lines.
# ``Status`` and ``Quote`` mark language-model drafts (deckgen/authoring/draft.py) awaiting review.
CARD_KEYS: tuple[str, ...] = ("id", "Q", "A", "C", "Extra", "Reverse", "Ignore", "Status", "Quote")
KNOWN_META_KEYS: tuple[str, ...] = (
    "id",
    "title",
    "author",
    "source",
    "tags",
    "year",
    "aliases",
    "generate",
    "status",
    "imported",
    "meta",
)
# The settings a note's ``generate:`` mapping takes (read by deckgen/cards/curation.py).
GENERATE_SETTINGS: tuple[str, ...] = ("skip", "only", "include", "reject", "accept", "review", "cap")
# Tags in this namespace are deckgen's own (``deckgen::retired`` marks retired cards, and every
# changelog tells learners to search ``tag:deckgen::retired``); a note may never carry one.
RESERVED_TAG_PREFIX = "deckgen::"
_KEY_LINE_RE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):(?:\s|$)")
_FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def read_bytes(path: Path, rel: str) -> bytes:
    """A source file's bytes, or a ContentError naming it."""
    _refuse_outside_link(path, rel)
    try:
        # stat before reading: a 4 GB file named *.md must not be loaded to find out it is too big
        return read_bounded(path, MAX_NOTE_BYTES)
    except TooLargeError as exc:
        raise ContentError(
            Finding(
                rel,
                0,
                f"file is {exc.size:,} bytes, over the {MAX_NOTE_BYTES:,} limit",
                "split the note into smaller notes",
            )
        ) from None
    except OSError as exc:
        raise ContentError(
            Finding(rel, 0, f"cannot read file: {exc.strerror or exc}", "check the path and permissions", "io")
        ) from None


def _refuse_outside_link(path: Path, rel: str) -> None:
    """A project file (``rel`` relative to the project) that is a link to a file outside it is not read: a cloned
    repository's 'content/notes.md -> ~/.aws/credentials' must not reach a deck. (A file named on the command line,
    such as an import's source, has its own path as ``rel`` and may be anywhere.)"""
    name = str(path)
    if not os.path.islink(name) or os.path.isabs(rel) or not name.endswith(os.sep + rel.replace("/", os.sep)):
        return
    if not resolves_inside(Path(name[: -len(rel) - 1]), path):
        raise ContentError(
            Finding(
                rel,
                0,
                f"is a link to {path.resolve()}, outside the project",
                "copy the note into the project instead of linking to it",
            )
        )


def read_text(path: Path, rel: str) -> str:
    """Decode a source file as UTF-8 (BOM allowed), refusing binary or huge files."""
    return decode_text(read_bytes(path, rel), rel)


def decode_text(raw: bytes, rel: str) -> str:
    """Decode a source file's bytes as UTF-8 (BOM allowed), refusing binary or huge files."""
    if len(raw) > MAX_NOTE_BYTES:
        raise ContentError(
            Finding(
                rel,
                0,
                f"file is {len(raw):,} bytes, over the {MAX_NOTE_BYTES:,} limit",
                "split the note into smaller notes",
            )
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        # Windows Notepad's 'Unicode': every other byte NUL, which the check below would call binary
        raise ContentError(
            Finding(
                rel,
                1,
                "the file is saved as UTF-16 text, not UTF-8",
                "re-save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8)",
            )
        )
    if b"\x00" in raw:
        raise BinaryFileError(
            Finding(rel, 0, "file looks binary (contains NUL bytes)", "only Markdown text files belong in content/")
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            Finding(rel, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})", "re-save the file as UTF-8")
        ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _has_control(raw) and (control := _CONTROL_RE.search(text)):
        at = control.start()
        raise ContentError(
            Finding(
                rel,
                text.count("\n", 0, at) + 1,
                f"an invisible control character (U+{ord(control.group()):04X}) that a terminal or a card may act on",
                "delete it; such characters come with text copied out of a terminal or a PDF",
                col=at - text.rfind("\n", 0, at),
            )
        )
    if _INVISIBLE_UTF8_RE.search(raw) and (hidden := _INVISIBLE_RE.search(text)):
        at = hidden.start()
        raise ContentError(
            Finding(
                rel,
                text.count("\n", 0, at) + 1,
                f"an invisible character (U+{ord(hidden.group()):04X} {_INVISIBLE[hidden.group()]}): a card would"
                " show or compare differently from what you see",
                "delete it; such characters come with text pasted from a web page, Notion or a chat",
                col=at - text.rfind("\n", 0, at),
            )
        )
    return text


# C0 and C1 control characters but tab and line ends: a note shipped them raw into cards, changelogs and the
# terminal ('\x1b[2J' clears the screen of whoever prints the changelog)
_CONTROL_RE = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# the same test on the bytes, three times as fast (every note is read on a cold build): C0 by deleting them, and C1
# (U+0080-U+009F, in UTF-8 0xC2 0x80-0x9F) only when a 0xC2 byte is there at all
_C0_BYTES = bytes([*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_C1_UTF8_RE = re.compile(rb"\xc2[\x80-\x9f]")


# Format characters that show nothing yet make two equal-looking texts differ ('Loops\u200b.' is not 'Loops.') or
# reorder what a card shows (bidirectional overrides). Not the zero-width joiner (emoji sequences) or non-joiner
# (Persian, Indic scripts), nor a byte-order mark at the file's start (read as UTF-8 with BOM).
_INVISIBLE = {
    "\u200b": "zero-width space",
    "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space",
    "\u202a": "left-to-right embedding",
    "\u202b": "right-to-left embedding",
    "\u202c": "pop directional formatting",
    "\u202d": "left-to-right override",
    "\u202e": "right-to-left override",
}
_INVISIBLE_RE = re.compile("[" + "".join(_INVISIBLE) + "]")
_INVISIBLE_UTF8_RE = re.compile(b"|".join(re.escape(c.encode()) for c in _INVISIBLE))


def _looks_utf16(raw: bytes) -> bool:
    """Text in UTF-16 without a byte-order mark: ASCII letters with a NUL byte before or after each."""
    head = raw[:200]
    even, odd = head[0::2], head[1::2]
    return len(head) >= 8 and (
        (odd.count(0) == len(odd) and even.count(0) == 0) or (even.count(0) == len(even) and odd.count(0) == 0)
    )


def _has_control(raw: bytes) -> bool:
    return len(raw.translate(None, _C0_BYTES)) != len(raw) or (b"\xc2" in raw and _C1_UTF8_RE.search(raw) is not None)


def _check_yaml_shape(text: str, rel: str, first_line: int) -> None:
    """Refuse aliases (a few lines can expand to billions of nodes) and absurd nesting."""
    # Every anchor needs '&', every alias '*', and every collection at least one indicator of
    # its own ('-', ':', '?', '[' or '{'); text without the first two and with no more
    # indicators than the depth limit cannot fail, so the event scan is skipped for it.
    if "&" not in text and "*" not in text and sum(map(text.count, "-:?[{")) <= MAX_YAML_DEPTH:
        return
    depth = 0
    for event in yaml.parse(text, Loader=SafeLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ContentError(
                Finding(
                    rel,
                    first_line + (event.start_mark.line if event.start_mark else 0),
                    "YAML anchors and aliases (&name, *name) are not supported",
                    "write the value out in full",
                    "schema",
                )
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise ContentError(
                    Finding(
                        rel,
                        first_line + (event.start_mark.line if event.start_mark else 0),
                        f"YAML is nested more than {MAX_YAML_DEPTH} levels deep",
                        "flatten the structure",
                        "schema",
                    )
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def shown_as_written(value: Any) -> str:
    """A value as it was written in YAML (``{from: 2026-03-01}``), not as Python shows it."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {shown_as_written(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(map(shown_as_written, value)) + "]"
    return repr(value) if isinstance(value, str) else str(value)


def load_yaml(text: str, rel: str, first_line: int = 1) -> Any:
    """Parse YAML safely; errors name the file and line (``first_line`` is text's line 1)."""
    try:
        _check_yaml_shape(text, rel, first_line)
        return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - SafeLoader/CSafeLoader only
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        # '[a, b' or '{a: 1' left open: the error comes where the text goes on, often the next line; where the
        # list began is where to look
        flow = (
            "sequence"
            if "flow sequence" in (exc.context or "")
            else "mapping"
            if "flow mapping" in (exc.context or "")
            else ""
        )
        if mark and exc.context_mark and (mark.index >= len(text.rstrip()) or flow):
            mark = exc.context_mark  # hit the end of the text: where the unclosed thing began is more useful
        line = first_line + (mark.line if mark else 0)
        close = "]" if flow == "sequence" else "}"
        at = text.split("\n")[mark.line] if mark and mark.line < text.count("\n") + 1 else ""
        curly = next((q for q in "“”‘’" if q in at), "")
        raise ContentError(
            Finding(
                rel,
                line,
                f"invalid YAML: {exc.problem or exc}",
                f"the {'list' if flow == 'sequence' else 'mapping'} that starts here needs its closing '{close}', "
                "and an item containing ':' or '#' needs quotes"
                if flow
                else f"curly quotes ({curly}) do not quote a YAML value: use straight ones (\"…\" or '…')"
                if curly
                else _yaml_fix(exc.problem or "", at),
                col=mark.column + 1 if mark else 1,
            )
        ) from exc
    except yaml.YAMLError as exc:
        raise ContentError(Finding(rel, first_line, f"invalid YAML: {exc}", "fix the YAML syntax")) from exc
    except RecursionError as exc:
        raise ContentError(Finding(rel, first_line, "YAML is nested too deeply", "flatten the structure")) from exc


def _yaml_fix(problem: str, line: str) -> str:
    """The fix for a YAML error, from what PyYAML found and the line it found it on (a PM lead's try: every
    indentation mistake and an apostrophe inside single quotes were told to quote values containing ':' or '#')."""
    if re.search(r":\s*'[^']*'[^\s#,\]}]", line):
        return 'this value is in single quotes and has an apostrophe inside: put it in double quotes ("Norton\'s …")'
    if "expected key" in problem or "mapping values are not allowed" in problem:
        return (
            "check this line's indentation against the lines above: the keys of one mapping start in the same "
            "column (a key under 'generate:' is indented by two spaces, as all its others); a value containing ': ' "
            "needs quotes"
        )
    return "fix the YAML syntax (quote values containing ':' or '#')"


def top_level_key_lines(lines: Iterable[str], first_line: int) -> tuple[dict[str, int], list[tuple[str, int]]]:
    """Map each top-level YAML key to its line; also return keys that appear twice."""
    seen: dict[str, int] = {}
    duplicates: list[tuple[str, int]] = []
    for offset, line in enumerate(lines):
        match = _KEY_LINE_RE.match(line)
        if match:
            key = match.group(1)
            if key in seen:
                duplicates.append((key, first_line + offset))
            else:
                seen[key] = first_line + offset
    return seen, duplicates


def _refuse_conflict(lines: list[str], rel: str) -> None:
    """A merge left unresolved ('<<<<<<<' … '=======' … '>>>>>>>') would ship both versions and the markers."""
    start = next((n for n, line in enumerate(lines) if line.startswith("<<<<<<<")), None)
    if start is None:
        return
    end = next((n for n in range(start + 1, len(lines)) if lines[n].startswith(">>>>>>>")), None)
    if end is None:
        return
    raise ContentError(
        Finding(
            rel,
            start + 1,
            f"an unresolved git merge conflict (lines {start + 1}-{end + 1})",
            "keep the text you want and delete the '<<<<<<<', '=======' and '>>>>>>>' lines, then commit",
        )
    )


# what `deckgen import` could not be sure of: 'author: X  # CHECK: author inferred …', '# CHECK: …' (its MARKER)
_CHECK_COMMENT_RE = re.compile(r"(?:^|\s)#\s*CHECK:\s*(.*)$")


def parse_note(text: str, rel: str) -> Note:
    """Parse one note's text; raise ContentError listing every problem found."""
    lines = text.split("\n")
    findings: list[Finding] = []
    if "<<<<<<<" in text:
        _refuse_conflict(lines, rel)
    if not lines or lines[0].strip() != "---":
        raise ContentError(
            Finding(
                rel,
                1,
                "note has no YAML front matter",
                "start the file with a '---' line, then id: and title:, then '---'",
            )
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        raise ContentError(
            Finding(rel, 1, "front matter is never closed", "add a line with '---' after the front matter")
        ) from None
    fm_text = "\n".join(lines[1:end])
    if len(fm_text) > MAX_FRONT_MATTER_BYTES:
        raise ContentError(
            Finding(rel, 2, "front matter is too large", "keep front matter to metadata; move text into the body")
        )
    try:
        meta = load_yaml(fm_text, rel, first_line=2) if fm_text.strip() else {}
    except ContentError as exc:
        # the front matter cannot be read: the body is still checked, so the note's problems come in one go
        body = _parse_body(lines, end + 1, rel, findings)
        if findings:
            raise ContentError([*exc.findings, *findings]) from None
        # its cards too: the cards stage checks them on this stand-in
        stand_in = Note("", "", rel, blurb=body.blurb, sections=body.sections, card_blocks=body.card_blocks)
        raise NoteContentError(exc.findings, stand_in) from None
    if not isinstance(meta, dict):
        raise ContentError(
            Finding(rel, 2, "front matter must be a mapping of keys to values", "write it as 'key: value' lines")
        )
    key_lines, duplicates = top_level_key_lines(lines[1:end], first_line=2)
    for key, line in duplicates:
        findings.append(
            Finding(rel, line, f"front matter key '{key}' appears twice", "keep one of them", "duplicate-key")
        )

    findings.extend(
        unknown_key_findings(
            meta,
            KNOWN_META_KEYS,
            rel,
            key_lines,
            "front-matter key",
            own_keys=True,
            settings_of=dict.fromkeys(GENERATE_SETTINGS, "generate"),
        )
    )
    if "meta" in meta and not isinstance(meta["meta"], (dict, type(None))):
        findings.append(
            Finding(
                rel,
                key_lines.get("meta", 2),
                "'meta' must be a mapping of your own keys",
                "indent your keys under 'meta:', e.g. 'meta:' then '  reviewer: ana'",
                "bad-type",
            )
        )

    note_id = meta.get("id")
    if note_id is None:
        findings.append(
            Finding(
                rel,
                2,
                "front matter has no 'id'",
                "add a line like 'id: my-note' (lowercase letters, digits, - _ .)",
                "missing-id",
            )
        )
        note_id = ""
    elif not isinstance(note_id, str) or not NOTE_ID_RE.match(note_id):
        findings.append(
            Finding(
                rel,
                key_lines.get("id", 2),
                f"id {note_id!r} is not a valid note id",
                "use lowercase letters, digits, '-', '_' or '.', at most 64 characters",
                "bad-id",
            )
        )
        note_id = str(note_id)
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        findings.append(
            Finding(
                rel,
                key_lines.get("title", 2),
                "front matter has no text 'title'",
                "add a line like 'title: The essay's title'",
                "missing-title",
            )
        )
        title = ""
    author = _text_field(meta, "author", rel, key_lines, findings)
    source = _text_field(meta, "source", rel, key_lines, findings)
    tags = _tags_field(meta, rel, key_lines, findings)

    body_start = end + 1
    head_findings = len(findings)
    body = _parse_body(lines, body_start, rel, findings)
    note = Note(
        id=note_id,
        title=unwrap_quotes(title.strip()),
        path=rel,
        author=author,
        source=source,
        tags=tags,
        blurb=body.blurb,
        blurb_line=body.blurb_line,
        sections=body.sections,
        card_blocks=body.card_blocks,
        meta=meta,
        meta_lines=key_lines,
        cards_line=body.cards_line,
        unchecked=tuple(
            (number, found.group(1).strip())
            for number, line in enumerate(lines[1:end], 2)
            if "CHECK:" in line and (found := _CHECK_COMMENT_RE.search(line))
        ),
    )
    if len(findings) > head_findings:
        raise ContentError(findings)
    if findings:  # only the front matter's: the cards stage checks the cards too (on this note, never shipped)
        raise NoteContentError(findings, note)
    return note


def did_you_mean(key: str, known: Iterable[str], otherwise: str | None = None) -> str:
    """``did you mean 'x'?`` for the closest known name; else ``otherwise`` (default: the list of known names)."""
    names = list(known)
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return otherwise if otherwise is not None else "known keys: " + ", ".join(names)


def unknown_key_findings(
    data: dict[Any, Any],
    known: Iterable[str],
    rel: str,
    key_lines: dict[str, int],
    what: str,
    *,
    own_keys: bool = False,
    rule: str = "unknown-key",
    settings_of: Mapping[str, str] | None = None,
) -> list[Finding]:
    """An error per key not in ``known``: a typo must never silently change what ships.

    ``settings_of`` maps a key that is a setting of another key to that key ('reject' to
    'generate'): written at the top level, the fix says where it goes.
    """
    names = tuple(known)
    findings = []
    for key in data:
        if str(key) in names:
            continue
        parent = (settings_of or {}).get(str(key))
        if parent is not None:
            fix = (
                f"'{key}' is a setting of '{parent}': indent it under '{parent}:' (e.g. '{parent}:' then '  {key}: …')"
            )
            findings.append(Finding(rel, key_lines.get(str(key), 1), f"unknown {what} '{key}'", fix, rule))
            continue
        fix = did_you_mean(str(key), names)
        if own_keys:
            fix += "; keep keys of your own under 'meta:' (deckgen never reads it)"
        findings.append(Finding(rel, key_lines.get(str(key), 1), f"unknown {what} '{key}'", fix, rule))
    return findings


def reserved_tag(tag: str) -> bool:
    """Whether ``tag`` is in deckgen's own namespace (Anki compares tags case-insensitively)."""
    lowered = tag.lower()
    return lowered == RESERVED_TAG_PREFIX[:-2] or lowered.startswith(RESERVED_TAG_PREFIX)


def reserved_tag_finding(tag: str, rel: str, line: int) -> Finding:
    """The error for a reserved tag: learners' cleanup search would select live cards."""
    return Finding(
        rel,
        line,
        f"tag {tag!r} is reserved: deckgen tags retired cards '{RESERVED_TAG_PREFIX}retired' and learners "
        f"suspend or delete whatever 'tag:{RESERVED_TAG_PREFIX}retired' finds",
        f"use a tag outside the '{RESERVED_TAG_PREFIX}' namespace",
        "reserved-tag",
    )


def _text_field(meta: dict[str, Any], key: str, rel: str, key_lines: dict[str, int], findings: list[Finding]) -> str:
    value = meta.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, (str, int, float)):
        findings.append(
            Finding(rel, key_lines.get(key, 2), f"'{key}' must be text", f"write '{key}: …' on one line", "bad-type")
        )
        return ""
    return unwrap_quotes(str(value).strip())


# quotes a writer puts around a whole title or name ('title: “Empathy and Product Management”'): the cards put
# their own around a title, and a name's closing quote ended up in 'Norton”'s'
_WRAPPING_QUOTES = {"“": "”", "‘": "’", "«": "»", "„": "“", '"': '"', "'": "'"}


def unwrap_quotes(text: str) -> str:
    """``“Title”`` -> ``Title``; a quote inside (``'Don't Make Me Think'``) or only at one end is kept."""
    close = _WRAPPING_QUOTES.get(text[:1])
    if close and len(text) > 2 and text.endswith(close) and text[0] not in text[1:-1] and close not in text[1:-1]:
        return text[1:-1].strip()
    return text


def _tags_field(meta: dict[str, Any], rel: str, key_lines: dict[str, int], findings: list[Finding]) -> tuple[str, ...]:
    value = meta.get("tags", [])
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    if not isinstance(value, list) or not all(isinstance(t, (str, int)) for t in value):
        findings.append(
            Finding(
                rel,
                key_lines.get("tags", 2),
                "'tags' must be a list of words",
                "write 'tags: [strategy, discovery]'",
                "bad-type",
            )
        )
        return ()
    tags = tuple(str(t).strip() for t in value if str(t).strip())
    for tag in tags:
        if reserved_tag(tag):
            findings.append(reserved_tag_finding(tag, rel, key_lines.get("tags", 2)))
        if any(ch.isspace() for ch in tag):
            findings.append(
                Finding(
                    rel,
                    key_lines.get("tags", 2),
                    f"tag {tag!r} contains a space",
                    "use '-' or '_' instead of spaces",
                    "bad-tag",
                )
            )
    return tags


def _iter_headings(lines: list[str], start: int) -> Iterator[tuple[int, int, str]]:
    """Yield (index, level, text) for ATX headings outside fenced code blocks."""
    fence: str | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        # a fence holds ``` or ~~~ and a heading starts with '#': most lines are neither, and skip both patterns
        fence_match = _FENCE_RE.match(line) if "```" in line or "~~~" in line else None
        if fence_match:
            marker = fence_match.group(1)
            fence = None if fence == marker else (fence or marker)
            continue
        if fence:
            continue
        match = _HEADING_RE.match(line) if line.startswith("#") else None
        if match:
            yield index, len(match.group(1)), match.group(2).strip()


class _Body(NamedTuple):
    blurb: str
    blurb_line: int  # 0 when there is no blurb
    sections: tuple[Section, ...]
    cards_line: int
    card_blocks: tuple[CardBlock, ...]


def _parse_body(lines: list[str], start: int, rel: str, findings: list[Finding]) -> _Body:
    """Split the body into blurb, ``##`` sections and the ``## Cards`` blocks."""
    headings = [(i, text) for i, level, text in _iter_headings(lines, start) if level == 2]
    first = headings[0][0] if headings else len(lines)
    blurb_lines = [ln for ln in lines[start:first] if not ln.startswith("# ")]
    blurb = "\n".join(blurb_lines).strip()
    blurb_line = next((i + 1 for i in range(start, first) if lines[i].strip() and not lines[i].startswith("# ")), 0)
    sections: list[Section] = []
    card_blocks: list[CardBlock] = []
    cards_line = 0
    for n, (index, heading) in enumerate(headings):
        stop = headings[n + 1][0] if n + 1 < len(headings) else len(lines)
        if heading.strip().lower() == CARDS_HEADING:
            if cards_line:
                findings.append(
                    Finding(
                        rel,
                        index + 1,
                        "a second '## Cards' section",
                        "put all cards under one '## Cards' heading",
                        "duplicate-cards",
                    )
                )
            cards_line = index + 1
            card_blocks.extend(parse_card_blocks(lines[index + 1 : stop], index + 2, rel, findings))
        else:
            text = "\n".join(lines[index + 1 : stop]).strip()
            sections.append(Section(heading=heading, text=text, line=index + 1))
            stray = _card_lines_at(lines, index + 1, stop)
            if stray is not None:
                findings.append(
                    _misheaded_cards(lines, index + 1, stray, rel)
                    or Finding(
                        rel,
                        stray + 1,
                        f"card lines under '## {heading.strip()}': only the '## Cards' section makes cards",
                        "put them under a '## Cards' heading (two #, the word Cards)",
                        "card-syntax",
                    )
                )
    stray = _card_lines_at(lines, start, first)  # cards written in the blurb, before any section
    if stray is not None:
        findings.append(
            _misheaded_cards(lines, start, stray, rel)
            or Finding(
                rel,
                stray + 1,
                "card lines outside a section: only the '## Cards' section makes cards",
                "put them under a '## Cards' heading (two #, the word Cards)",
                "card-syntax",
            )
        )
    return _Body(blurb, blurb_line, tuple(sections), cards_line, tuple(card_blocks))


_CARDS_LIKE_RE = re.compile(r"^\s*#+\s*cards\s*#*\s*$", re.IGNORECASE)


def _misheaded_cards(lines: list[str], start: int, stray: int, rel: str) -> Finding | None:
    """The finding for cards under a heading meant as '## Cards' ('### Cards', '##Cards'), at that heading's line."""
    for i in range(stray - 1, start - 1, -1):
        if _CARDS_LIKE_RE.match(lines[i]):
            return Finding(
                rel,
                i + 1,
                f"'{lines[i].strip()}' is not the cards heading, so the cards below it are not made",
                "write '## Cards' on this line (two #, a space, the word Cards)",
                "card-syntax",
            )
    return None


_QUESTION_LINE_RE = re.compile(r"^Q:\s*\S")
_ANSWER_LINE_RE = re.compile(r"^A:\s*\S")
_CLOZE_LINE_RE = re.compile(r"^C:.*\{\{c\d+::")


def _card_lines_at(lines: list[str], start: int, stop: int) -> int | None:
    """The index of the first card in ``lines[start:stop]`` (a 'Q:' line with an 'A:' line right below it, or a
    'C:' line with a deletion), outside code fences; None when there is none."""
    fenced = False
    for i in range(start, stop):
        line = lines[i]
        if _FENCE_RE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        if _CLOZE_LINE_RE.match(line):
            return i
        if _QUESTION_LINE_RE.match(line) and i + 1 < stop and _ANSWER_LINE_RE.match(lines[i + 1]):
            return i
    return None


def parse_card_blocks(lines: list[str], first_line: int, rel: str, findings: list[Finding]) -> list[CardBlock]:
    """Parse ``Key: value`` blocks separated by blank lines; ``first_line`` is lines[0]'s number."""
    blocks: list[CardBlock] = []
    current: dict[str, list[Any]] = {}
    current_key: str | None = None
    block_line = 0

    def flush() -> None:
        nonlocal current, current_key
        if current:
            blocks.append(
                CardBlock(
                    line=block_line,
                    fields={k: FieldValue("\n".join(v[1:]).strip(), v[0]) for k, v in current.items()},
                )
            )
        current, current_key = {}, None

    last_in_card = False  # the last line with text belonged to a card
    stray_after_card = False  # the lines outside a card began right after one (a blank line inside an answer)
    for offset, raw in enumerate(lines):
        number = first_line + offset
        line = raw.rstrip()
        if not line.strip():
            flush()
            stray_after_card = stray_after_card and last_in_card
            continue
        if line.lstrip().startswith("<!--") and not current:
            continue  # comments between cards are the curator's own notes
        match = _KEY_LINE_RE.match(line)
        key = match.group(1) if match else None
        if key in CARD_KEYS:
            if not current:
                block_line = number
            if key in current:
                findings.append(
                    Finding(
                        rel, number, f"card has two '{key}:' lines", "separate cards with a blank line", "card-syntax"
                    )
                )
            current[key] = [number, line[len(key) + 1 :].strip()]
            current_key = key
            last_in_card, stray_after_card = True, False
        elif current_key is None:
            stray_after_card = stray_after_card or last_in_card
            last_in_card = False
            findings.append(_stray_line(rel, number, key, stray_after_card, line))
        else:
            misspelt = _misspelt_field(key)
            if key and misspelt:
                findings.append(
                    Finding(
                        rel,
                        number,
                        f"'{key}:' is not a card field, so this line is read as more of '{current_key}:'",
                        f"write '{misspelt}:'{' (fields are case-sensitive)' if key.lower() == misspelt.lower() else ''}",
                        "card-syntax",
                    )
                )
            current[current_key].append(line.strip())
            last_in_card = True
    flush()
    return blocks


# The fields a line inside a card may mean to start, beside the question and answer (whose misspellings under 'Q:'
# are reported by the card check: 'card has a question but no answer')
_SECONDARY_FIELDS = ("Extra", "Reverse", "Ignore", "Status", "Quote")


def _misspelt_field(key: str | None) -> str | None:
    """The card field ``key`` (a line's 'Word:') most likely misspells ('Exrta', 'extra', 'Reverse'), if any."""
    if not key or len(key) < 4 or key in CARD_KEYS:
        return None
    for field in _SECONDARY_FIELDS:
        if key.lower() == field.lower():
            return field
    close = difflib.get_close_matches(key.lower(), [f.lower() for f in _SECONDARY_FIELDS], n=1, cutoff=0.8)
    return next((f for f in _SECONDARY_FIELDS if close and f.lower() == close[0]), None)


# What people write for a card field, lowercased: 'q:', 'Question:', 'Back:' …
FIELD_SPELLINGS = {k.lower(): k for k in CARD_KEYS} | {
    "question": "Q",
    "front": "Q",
    "answer": "A",
    "back": "A",
    "cloze": "C",
}


_BULLETED_FIELD_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(\w+):")
EMPHASISED_FIELD_RE = re.compile(r"^\s*(\*\*|__|\*|_)(\w+)(?::\1|\1:)")


def _stray_line(rel: str, number: int, key: str | None, after_card: bool, line: str = "") -> Finding:
    """The error for a line of the Cards section that no card holds, with the fix its shape suggests."""
    general = "start each card with 'Q:' (and 'A:'), or 'C:' for a cloze; fields: " + ", ".join(CARD_KEYS)
    emphasised = EMPHASISED_FIELD_RE.match(line)
    if emphasised and FIELD_SPELLINGS.get(emphasised.group(2).lower()):
        # '**Q:** …' as Notion and Obsidian users type it (a PM lead's try was told 'a blank line ends a card')
        mark, word = emphasised.group(1), emphasised.group(2)
        return Finding(
            rel,
            number,
            f"'{emphasised.group(0).strip()}' is emphasised, so this is text, not a card field",
            f"write '{FIELD_SPELLINGS[word.lower()]}:' with no '{mark}' around it",
            "card-syntax",
        )
    bulleted = _BULLETED_FIELD_RE.match(line)
    if bulleted and bulleted.group(1) in CARD_KEYS:
        # '- Q: …' from a Notion or Obsidian list: read as text, then every line after it too
        return Finding(
            rel,
            number,
            f"a list marker before '{bulleted.group(1)}:', so this is text, not a card",
            "write the card's lines without '- ' or a number in front (and without indenting the lines below)",
            "card-syntax",
        )
    field = FIELD_SPELLINGS.get(key.lower()) if key else None
    if key and field:
        case = " (fields are case-sensitive)" if key.lower() == field.lower() else ""
        return Finding(rel, number, f"'{key}:' is not a card field", f"write '{field}:'{case}", "card-syntax")
    if key:
        return Finding(rel, number, f"'{key}:' is not a card field", general, "card-syntax")
    if after_card:
        fix = (
            "a blank line ends a card: to go on with the answer, remove the blank line (or put the text under 'Extra:')"
        )
        return Finding(rel, number, "text outside a card", fix, "card-syntax")
    return Finding(rel, number, "text outside a card", general, "card-syntax")


def waiting_drafts(note: Note) -> int:
    """How many of a note's card blocks are drafts the curator has not decided on yet."""
    return sum(1 for block in note.card_blocks if (block.get("Status") or "").strip().lower() == "draft")


def load_notes(content_dir: Path, root: Path) -> list[Note]:
    """Parse every note below ``content_dir``; raise one ContentError with all problems."""
    notes, findings = collect_notes(content_dir, root)
    if findings:
        raise ContentError(findings)
    return notes


def parse_file(path: Path, rel: str) -> Note:
    """Read and parse one note file."""
    return parse_note(read_text(path, rel), rel)


def collect_notes(
    content_dir: Path, root: Path, parse: Callable[[Path, str], Note] = parse_file
) -> tuple[list[Note], list[Finding]]:
    """Parse every note that parses (with ``parse``, e.g. a caching one); return them with the problems of the others."""
    notes: list[Note] = []
    findings: list[Finding] = []
    # each path's project-relative name, cut from its string: what relative_to(root).as_posix() gives
    # for a path below the root (on POSIX a path's string is its posix form), without two Path objects
    prefix = str(root).rstrip(os.sep) + os.sep
    for path in note_files(content_dir):
        name = str(path)
        rel = name[len(prefix) :] if os.sep == "/" and name.startswith(prefix) else path.relative_to(root).as_posix()
        try:
            notes.append(parse(path, rel))
        except ContentError as exc:
            findings.extend(exc.findings)
    seen: dict[str, Note] = {}
    for note in notes:
        if note.id in seen:
            # the error goes to the newer file (a note copied as a template keeps the old one's id): changing the id
            # of a note that already shipped would give its cards new identities
            older, newer = sorted((seen[note.id], note), key=lambda n: _modified(root / n.path))
            seen[note.id] = older
            findings.append(
                Finding(
                    newer.path,
                    newer.meta_lines.get("id", 2),
                    f"note id '{newer.id}' is also used by {older.path}",
                    "give each note its own id (ids are permanent: change this note's, the newer of the two)",
                    "duplicate-id",
                )
            )
        else:
            seen[note.id] = note
    return [n for n in notes if seen.get(n.id) is n], findings


def _modified(path: Path) -> int:
    """When ``path`` was last written (0 when it cannot be read): of two notes, the later one is the newer."""
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def find_note_file(root: Path, content_dir: Path, target: str, rule: str) -> Path:
    """The note file ``target`` names: a path (from the working folder or the project root) or a note id.

    Only files inside the project: commands that look a note up may rewrite it. Raises a
    ContentError (with ``rule``) when nothing matches.
    """
    for candidate in (Path(target), root / target):
        if candidate.is_file():
            if not candidate.resolve().is_relative_to(root.resolve()):
                raise ContentError(
                    Finding(target, 0, "this file is outside the project", f"use notes below {root}", rule)
                )
            return candidate
    ids: dict[str, str] = {}  # id -> the note's path from the project root
    stems: dict[str, list[Path]] = {}
    for path in note_files(content_dir):
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        stems.setdefault(path.stem, []).append(path)
        try:
            text = read_text(path, rel)
        except ContentError:
            continue
        try:
            note_id = parse_note(text, rel).id
        except ContentError:
            # a note with problems is still the note its id names: the caller reports them
            note_id = _written_id(text)
        if note_id == target:
            return path
        if note_id:
            ids.setdefault(note_id, rel)
    if len(stems.get(target, ())) == 1:
        return stems[target][0]  # the file's name without .md
    # a misspelling ('norton-empaty'), else a part of an id ('lno' for 'doshi-lno-framework')
    close = (
        difflib.get_close_matches(target, sorted(ids), n=1, cutoff=0.6)
        or [note_id for note_id in sorted(ids) if len(target) > 1 and target.lower() in note_id][:3]
    )
    meant = " or ".join(f"'{note_id}' ({ids[note_id]})" for note_id in close)
    raise ContentError(
        Finding(
            target,
            0,
            "no note file or note id by this name",
            f"did you mean {meant}?" if close else "give a path like content/my-note.md, or a note's id",
            rule,
        )
    )


def written_ids(root: Path, findings: Iterable[Finding]) -> set[str]:
    """The ids spelled out in the notes these error findings are about (read line by line: they may not parse)."""
    ids: set[str] = set()
    for rel in sorted({f.path for f in findings if f.severity == "error" and f.path.endswith(".md")}):
        try:
            text = read_text(root / rel, rel)
        except (OSError, ContentError):
            continue
        if note_id := _written_id(text):
            ids.add(note_id)
    return ids


_WRITTEN_ID_RE = re.compile(r"^id:[ \t]*(['\"]?)([^'\"\s#]+)\1[ \t]*(?:#.*)?$")


def _written_id(text: str) -> str:
    """The ``id:`` a note's front matter spells out, read line by line (for a note that does not parse)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return ""
    for line in lines[1:]:
        if line.strip() in ("---", "..."):
            break
        match = _WRITTEN_ID_RE.match(line)
        if match:
            return match.group(2)
    return ""
