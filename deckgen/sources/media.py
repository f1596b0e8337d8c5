"""Images referenced from notes: confined to the project, size-limited, packaged under unique names.

A note writes ``![alt](images/x.png)`` relative to its own folder or to the project root. The file must be a
regular image inside the project: no ``..``, no absolute path, no symlink that leads
outside, no URL. It ships as ``dg-<content hash>.<ext>``: Anki keeps every deck's media
in one flat folder, so a content-derived name never collides with another file and an
edited image gets a new name (and the card a new ``mod``) automatically.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from deckgen.core.errors import ContentError, Finding
from deckgen.core.files import TooLargeError, read_bounded

# Magic numbers: a file must be what its extension says (an ".png" holding HTML is refused).
IMAGE_TYPES: dict[str, tuple[bytes, ...]] = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
}
ImageResolver = Callable[[str], "str | None"]


def image_bytes(name: str, data: bytes) -> bool:
    """Whether ``data`` is what the image name's extension says (its magic number): never HTML or a script."""
    ext = name.rpartition(".")[2].lower()
    return ext in IMAGE_TYPES and data.startswith(IMAGE_TYPES[ext]) and (ext != "webp" or data[8:12] == b"WEBP")


_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_FIX = (
    "put the image inside the project (e.g. images/x.png) and link it relative to the note's folder or the project root"
)


@dataclass(frozen=True)
class MediaFile:
    """One image to package: its name inside Anki and the file it comes from."""

    name: str
    path: Path


@dataclass
class MediaStore:
    """Resolves image references of notes to packaged media; remembers what it resolved."""

    root: Path
    max_bytes: int = 2_000_000
    files: dict[str, MediaFile] = field(default_factory=dict)  # by packaged name
    _cache: dict[Path, MediaFile] = field(default_factory=dict)

    def resolve(self, note_path: str, src: str, line: int = 0) -> MediaFile:
        """The packaged image for ``src`` written in ``note_path``; ContentError if unsafe."""

        def fail(message: str, fix: str = _FIX) -> ContentError:
            return ContentError(Finding(note_path, line, message, fix, "media"))

        raw = src.strip()
        if _SCHEME_RE.match(raw) or raw.startswith("//"):
            kind = raw.split(":", 1)[0].lower() if ":" in raw else "remote"
            if kind in ("http", "https", "remote"):
                raise fail(
                    f"remote image '{raw}' would be loaded from the internet",
                    "download the image into the project and link the local file",
                )
            raise fail(f"image '{raw}' is a {kind}: URL, not a file", "link a local image file instead")
        rel = unquote(raw.split("#", 1)[0].split("?", 1)[0])
        if "\\" in rel or "\x00" in rel:
            raise fail(f"image path '{raw}' contains a backslash or NUL", "write paths with '/'")
        pure = PurePosixPath(rel)
        if pure.is_absolute() or rel.startswith("~"):
            raise fail(f"image path '{raw}' is absolute", "link the image relative to the note")
        if ".." in pure.parts:
            raise fail(f"image path '{raw}' goes up with '..'", "keep images in a folder beside or below the note")
        ext = pure.suffix.lower().lstrip(".")
        if ext not in IMAGE_TYPES:
            raise fail(
                f"'{raw}' is not a supported image type",
                "use .png, .jpg, .gif or .webp (SVG can carry scripts and is refused)",
            )
        root = self.root.resolve()
        # Relative to the note's folder first, then to the project root (shared images/ folder).
        resolved = None
        for base in ((self.root / note_path).parent, self.root):
            try:
                resolved = (base / rel).resolve(strict=True)
                break
            except (OSError, RuntimeError):
                continue
        if resolved is None:
            raise fail(
                f"image '{raw}' does not exist",
                "check the file name (paths are relative to the note's folder or the project root)",
            )
        if not resolved.is_relative_to(root):
            raise fail(
                f"image '{raw}' is a link to a file outside the project",
                "copy the image into the project instead of linking it",
            )
        if not resolved.is_file():
            raise fail(f"image '{raw}' is not a file", "link an image file")
        if resolved in self._cache:
            return self._cache[resolved]
        try:
            data = read_bounded(resolved, self.max_bytes)  # stat first: a huge file is never read
        except TooLargeError as exc:
            raise fail(
                f"image '{raw}' is {exc.size:,} bytes, over the {self.max_bytes:,} limit",
                "shrink the image, or raise [lint] media_max_bytes in deckgen.toml",
            ) from None
        except OSError as exc:
            raise fail(f"image '{raw}' cannot be read: {exc.strerror or exc}", "check the file's permissions") from None
        if not image_bytes(f"image.{ext}", data):
            raise fail(f"'{raw}' is not really a .{ext} image", "re-export the image in the format its name says")
        digest = hashlib.sha256(data).hexdigest()[:20]
        media = MediaFile(f"dg-{digest}.{'jpg' if ext == 'jpeg' else ext}", resolved)
        self.files[media.name] = media
        self._cache[resolved] = media
        return media

    def resolver(self, note_path: str) -> ImageResolver:
        """A resolver for render_markdown: src -> packaged name, or None when unsafe."""

        def resolve(src: str) -> str | None:
            try:
                return self.resolve(note_path, src).name
            except ContentError:
                return None

        return resolve
