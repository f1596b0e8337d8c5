"""Domain errors. Every message reads ``path:line: what is wrong — how to fix``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from deckgen.core.model import Note

Severity = Literal["error", "warning"]
# control characters, and the invisible format characters that reorder or hide text (bidi overrides, zero widths)
_UNPRINTABLE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def printable(name: str) -> str:
    """A file or entry name as deckgen prints it: control and direction characters escaped (``\\x0a``, ``\\u202e``),
    so a name cannot split a line of output or reverse it."""
    return _UNPRINTABLE_RE.sub(_escaped, name) if _UNPRINTABLE_RE.search(name) else name


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass(frozen=True)
class Finding:
    """One problem found in a source file, with where it is and how to fix it."""

    path: str
    line: int
    message: str
    fix: str = ""
    rule: str = "schema"
    col: int = 1
    severity: Severity = "error"

    def location(self) -> str:
        """``path:line:col``, or just ``path`` when the line is unknown (0); a control or direction character in
        the path is shown escaped (a file named with a newline or U+202E must not split or reverse the line)."""
        path = printable(self.path)
        if self.line <= 0:
            return path
        return f"{path}:{self.line}:{self.col}"

    def __str__(self) -> str:
        text = f"{self.location()}: {self.rule}: {self.message}"
        return f"{text} — {self.fix}" if self.fix else text


class DeckgenError(Exception):
    """Base class: a problem with the user's content, configuration or environment."""

    def __init__(self, findings: Iterable[Finding] | Finding | str) -> None:
        if isinstance(findings, str):
            findings = [Finding(path="deckgen", line=0, message=findings)]
        elif isinstance(findings, Finding):
            findings = [findings]
        self.findings: list[Finding] = list(findings)
        super().__init__("\n".join(str(f) for f in self.findings))


class ConfigError(DeckgenError):
    """deckgen.toml or the environment is missing or invalid."""


class ContentError(DeckgenError):
    """One or more notes or manifests are invalid."""


class NoteContentError(ContentError):
    """A note's problems, found while its card blocks could still be read: ``note`` (provisional, never shipped)
    lets the cards stage add its cards' problems, so one report lists them all."""

    def __init__(self, findings: Iterable[Finding] | Finding | str, note: Note) -> None:
        super().__init__(findings)
        self.note = note


class BinaryFileError(ContentError):
    """A source file is not text (it holds NUL bytes): a Word file, a PDF, a zip."""


class LockError(DeckgenError):
    """deckgen.lock is unreadable, or `--locked` was given and it would change."""


class SchemaFrozenError(DeckgenError):
    """A shipped note type's schema would change; learners would get a forked note type."""


class LLMError(DeckgenError):
    """A language-model server could not be reached or gave no usable answer (``deckgen draft``)."""
