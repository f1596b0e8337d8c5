"""``deckgen cards NOTE --reject KEY / --accept KEY``: write a curation decision into the note for the curator.

The decision lives where it always did, in the note's ``generate:`` front matter (README:
"Curating generated cards"); this only spares a curator who is not at home in YAML from
writing it by hand. Only the ``generate:`` entry is rewritten (the rest of the note stays
byte for byte, comments included); the new text must parse and pass the same curation
checks a build runs before it replaces the file, atomically, with the file's BOM and line
endings kept.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from deckgen.cards.curation import Preview, preview
from deckgen.cards.generate import authored_cards
from deckgen.core.errors import ContentError, Finding
from deckgen.core.files import atomic_write_text
from deckgen.core.model import Card, Note
from deckgen.sources.notes import GENERATE_SETTINGS, SafeLoader, parse_note, read_text

Generators = Mapping[str, Callable[[Note], Iterable[Card]]]


@dataclass(frozen=True)
class Decision:
    """What ``--reject`` / ``--accept`` changed in one note."""

    rel: str
    rejected: tuple[str, ...]  # keys newly under reject
    accepted: tuple[str, ...]  # keys newly under accept
    written: bool  # False when the note already said so
    moved: tuple[str, ...] = ()  # of those, keys taken out of the other list (an accepted key now rejected, or back)


def decide(
    path: Path,
    rel: str,
    generators: Generators,
    project: Mapping[str, Any] | None,
    *,
    reject: Sequence[str] = (),
    accept: Sequence[str] = (),
) -> tuple[Decision, Preview]:
    """Add ``reject``/``accept`` keys to the note's ``generate:``; return the decision and the note's new preview.

    A key must be one of the note's generated cards (as ``deckgen cards`` lists them); a key
    both rejected and accepted is refused. Rejecting an accepted key moves it, and back.
    Raises ContentError (nothing written) for a bad key, a note that does not parse, or a
    note whose generation is off.
    """
    raw = path.read_bytes()
    text = read_text(path, rel)
    note = parse_note(text, rel)
    authored, problems = authored_cards(note)
    if problems:
        raise ContentError(problems)
    settings = _generate_settings(note, rel)
    _check_requested(note, rel, reject, accept, preview(note, authored, generators, project))
    lists = {what: [str(k) for k in settings.get(what) or []] for what in ("reject", "accept")}
    new_reject = [k for k in dict.fromkeys(reject) if k not in lists["reject"]]
    new_accept = [k for k in dict.fromkeys(accept) if k not in lists["accept"]]
    if not new_reject and not new_accept:
        return Decision(rel, (), (), False), preview(note, authored, generators, project)
    moved = tuple(k for k in new_reject if k in lists["accept"]) + tuple(k for k in new_accept if k in lists["reject"])
    lists["reject"] = [k for k in lists["reject"] if k not in new_accept] + new_reject
    lists["accept"] = [k for k in lists["accept"] if k not in new_reject] + new_accept
    for what in ("reject", "accept"):
        if lists[what]:
            settings[what] = lists[what]
        else:
            settings.pop(what, None)
    new_text = _with_generate(text, note, settings)
    new_note = parse_note(new_text, rel)  # the rewritten note must read back as written
    if _generate_settings(new_note, rel) != settings:
        raise ContentError(
            Finding(
                rel, note.meta_lines.get("generate", 2), "could not rewrite 'generate:'", "edit it by hand", "generate"
            )
        )
    new_authored, problems = authored_cards(new_note)
    if problems:
        raise ContentError(problems)
    result = preview(new_note, new_authored, generators, project)  # the build's own key checks
    out = new_text.replace("\n", "\r\n") if b"\r\n" in raw else new_text
    try:
        atomic_write_text(path, ("\ufeff" if raw.startswith(b"\xef\xbb\xbf") else "") + out)
    except OSError as exc:
        raise ContentError(
            Finding(rel, 0, f"cannot write the note: {exc.strerror or exc}", "make the note writable", "io")
        ) from None
    return Decision(rel, tuple(new_reject), tuple(new_accept), True, moved), result


def _check_requested(note: Note, rel: str, reject: Sequence[str], accept: Sequence[str], now: Preview) -> None:
    """Refuse a key no generated card of the note has (naming the closest), or a key asked both ways."""
    keys = sorted({v.card.key for v in now.verdicts})
    findings: list[Finding] = []
    for key in sorted(set(reject) & set(accept)):
        findings.append(Finding(rel, 0, f"'{key}' is both rejected and accepted", "give it one of the two", "generate"))
    written = {card.key: card for card in now.authored}
    for option, asked in (("--reject", reject), ("--accept", accept)):
        for key in dict.fromkeys(asked):
            if key in keys and key in written:
                # the generated card is replaced by the writer's own: the entry would change nothing (a PM lead's
                # trial: --reject wrote it, the card kept shipping, and nothing said why)
                findings.append(
                    Finding(
                        rel,
                        written[key].line,
                        f"{option} {key}: your card with this id in '## Cards' replaces the generated one, so"
                        f" {'rejecting' if option == '--reject' else 'accepting'} it would change nothing",
                        "to stop your card shipping, delete it (or write 'Status: rejected' under it)"
                        if option == "--reject"
                        else "your card ships as written",
                        "generate",
                    )
                )
                continue
            if key in keys:
                continue
            if key in written:  # a card of '## Cards': the writer decides it in the note itself
                card = written[key]
                what = (
                    "delete it (or write 'Status: rejected' under it)"
                    if option == "--reject"
                    else "it ships as written"
                )
                findings.append(
                    Finding(
                        rel,
                        card.line,
                        f"{option} {key}: this is a card you wrote in '## Cards', not a generated one",
                        what,
                        "generate",
                    )
                )
                continue
            close = difflib.get_close_matches(key, keys, n=1, cutoff=0.6)
            fix = f"did you mean {close[0]}?" if close else f"`deckgen cards {note.id}` lists its keys"
            message = f"{option} {key}: no generated card of this note has that key"
            findings.append(Finding(rel, 0, message, fix, "generate"))
    if findings:
        raise ContentError(findings)


def _generate_settings(note: Note, rel: str) -> dict[str, Any]:
    """The note's ``generate:`` as a mapping to add keys to (absent or true: empty)."""
    value = note.meta.get("generate", True)
    line = note.meta_lines.get("generate", 2)
    if value is True or value is None:
        return {}
    if value is False:
        raise ContentError(
            Finding(rel, line, "generation is off for this note ('generate: false')", "nothing to curate", "generate")
        )
    if not isinstance(value, dict) or any(str(k) not in GENERATE_SETTINGS for k in value):
        raise ContentError(
            Finding(
                rel, line, "'generate:' is not a mapping of its settings", "fix it first: `deckgen lint`", "generate"
            )
        )
    return dict(value)


def _with_generate(text: str, note: Note, settings: Mapping[str, Any]) -> str:
    """``text`` with its front matter's ``generate:`` entry replaced by ``settings`` (added when absent)."""
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    if "generate" not in note.meta_lines:
        return "\n".join(lines[:end] + _entry(settings) + lines[end:])
    start = note.meta_lines["generate"] - 1
    starts = sorted(n - 1 for n in note.meta_lines.values() if start < n - 1 < end)
    stop = starts[0] if starts else end
    entry = _entry(settings, _setting_comments(lines[start + 1 : stop]))
    # comment lines written inside the entry stay, after it; a comment on its first line stays on it
    comments = [ln for ln in lines[start + 1 : stop] if ln.strip().startswith("#")]
    trailing = [ln for ln in lines[start + 1 : stop] if not ln.strip()]
    entry[0] += _inline_comment(lines[start], note.meta.get("generate"))
    return "\n".join(lines[:start] + entry + comments + trailing + lines[stop:])


def _inline_comment(line: str, value: Any) -> str:
    """The ``  # …`` at the end of ``line`` (the entry's first line), or ''.

    A '#' inside a value is not a comment, so the split must leave a line that still reads as
    the entry's key and value (for a one-line entry) or as the bare key (for a block).
    """
    for at in range(len(line)):
        if line[at] == "#" and at > 0 and line[at - 1] in " \t":
            try:
                head = yaml.load(line[:at], Loader=SafeLoader)  # noqa: S506 - SafeLoader/CSafeLoader only
            except yaml.YAMLError:
                continue
            if head in ({"generate": value}, {"generate": None}):
                return "  " + line[at:].strip()
    return ""


# (setting, None) -> the comment at the end of the setting's line; (setting, item) -> a list item's
Comments = dict[tuple[str, str | None], str]


def _setting_comments(lines: Sequence[str]) -> Comments:
    """The end-of-line comments of a ``generate:`` entry's lines ('cap: 5  # keep it short', '- g.x.y  # vague'),
    so that a rewrite by --reject/--accept keeps them (it dropped them)."""
    found: Comments = {}
    setting = ""
    for line in lines:
        key = re.match(r"^\s+([a-z_]+):", line)
        item = re.match(r"^\s+-\s+", line)
        if key:
            setting = key.group(1)
        if not (key or (item and setting)):
            continue
        for at in range(len(line)):
            if line[at] != "#" or line[at - 1] not in " \t":
                continue
            try:
                head = yaml.load(line[:at].strip(), Loader=SafeLoader)  # noqa: S506 - SafeLoader/CSafeLoader only
            except yaml.YAMLError:
                continue
            if key and isinstance(head, dict):
                found[(setting, None)] = line[at:].strip()
            elif item and isinstance(head, list) and len(head) == 1:
                found[(setting, str(head[0]))] = line[at:].strip()
            break
    return found


def _entry(settings: Mapping[str, Any], comments: Comments | None = None) -> list[str]:
    """``generate:`` and its settings, one per line, lists in flow style as the README writes them (one item a
    line where an item had a comment of its own, which stays with it; a setting's comment stays on its line)."""
    if not settings:
        return ["generate: true"]
    comments = comments or {}
    out = ["generate:"]
    for key in GENERATE_SETTINGS:
        if key not in settings:
            continue
        value = settings[key]
        after = f"  {comments[(key, None)]}" if (key, None) in comments else ""
        if isinstance(value, list) and any((key, str(item)) in comments for item in value):
            out.append(f"  {key}:{after}")
            for item in value:
                shown = yaml.safe_dump([item], default_flow_style=True, allow_unicode=True, width=1_000_000)
                kept = comments.get((key, str(item)))
                out.append(f"    - {shown.strip()[1:-1]}" + (f"  {kept}" if kept else ""))
            continue
        text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1_000_000)
        out.append(f"  {key}: {text.strip().removesuffix('...').strip()}{after}")
    return out
