"""Reading untrusted zip files: entries are checked against their declared sizes before they are read.

Two kinds of zip reach deckgen from outside: a hire's Anki export (``deckgen progress``) and a
Notion or Obsidian export of notes (``deckgen import``). Neither is ever extracted with
``zipfile``'s own ``extract``: an entry is read into memory only when its declared size is under
the caller's limit and not a hundredfold its compressed size, and reading stops the moment it
passes what the header declared (a lying header is a bomb too). Entry names are checked before
any of them is used as a path.
"""

from __future__ import annotations

import zipfile
from pathlib import PurePosixPath

MAX_RATIO = 100  # unzipped/zipped: text and SQLite pages compress well, but not a hundredfold
RATIO_FLOOR = 1024 * 1024  # below a MiB unzipped, the ratio is not checked (small entries compress well)


class ArchiveError(ValueError):
    """An entry that must not be read (too big, a bomb, a name that escapes the archive)."""


def check_entry(info: zipfile.ZipInfo, limit: int) -> None:
    """Refuse ``info`` when it is encrypted, unzips past ``limit`` bytes or a hundredfold its zipped size."""
    if info.flag_bits & 0x1:  # zipfile would ask for a password (a RuntimeError) when it is read
        raise ArchiveError(f"entry '{info.filename}' is encrypted (a password-protected zip)")
    if info.file_size > limit:
        raise ArchiveError(f"entry '{info.filename}' unzips to {info.file_size:,} bytes, over the {limit:,} limit")
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise ArchiveError(
            f"entry '{info.filename}' unzips {info.file_size // max(info.compress_size, 1):,} times larger than it is "
            "zipped (a zip bomb?)"
        )


def read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """An entry's bytes, refusing to read past its declared size."""
    chunks: list[bytes] = []
    total = 0
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(1024 * 1024)
            if not chunk:
                break
            total += len(chunk)
            if total > info.file_size:
                raise zipfile.BadZipFile(f"entry '{info.filename}' is larger than its header says")
            chunks.append(chunk)
    return b"".join(chunks)


def entry_path(name: str) -> PurePosixPath:
    """An entry's name as a relative path inside the archive; ArchiveError if it would leave it.

    Backslashes count as separators (zips written on Windows), and an absolute name, a drive
    letter or a '..' part is refused rather than cleaned, so no entry lands outside the folder
    it is unpacked into.
    """
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        raise ArchiveError(f"entry '{name}' points outside the archive")
    return path
