"""`deckgen import EXPORT.zip`: Notion's Markdown export (a zip, a large one a zip of zips) imported as it downloads.

The zip is untrusted: entries are size-checked before they are read, names that leave the
archive are refused, and nothing is unpacked outside a private temp folder.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, run_deckgen

from deckgen.core.errors import ContentError
from deckgen.sources.notes import parse_note

GOLD = FIXTURES / "gold"
JTBD = "christensen-jtbd 5b1f0c2e9a7d4e3f8c6b2a1d0e9f8a7b.md"
RICE = "mcbride-rice 0a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c.md"
FOLDER = "Know Your Customers Jobs to Be Done 5b1f0c2e9a7d4e3f8c6b2a1d0e9f8a7b"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _encrypted(data: bytes) -> bytes:
    """``data`` (a zip) with every entry flagged as encrypted, as 'zip -P' marks them."""
    raw = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.find(signature)
        while at != -1:
            raw[at + offset] |= 0x1
            at = raw.find(signature, at + 4)
    return bytes(raw)


def notion_export(tmp_path: Path) -> Path:
    """What Notion's 'Export → Markdown & CSV' of a 'Reading notes' page downloads: a zip holding a zip."""
    part = _zip(
        {
            "Reading notes 1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a.md": (
                b"# Reading notes\n\n[Jobs to be done](Reading%20notes/" + JTBD.encode() + b")\n"
            ),
            "Reading notes 1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a.csv": b"Name,Tags\nJobs,discovery\n",
            f"Reading notes/{JTBD}": (GOLD / JTBD).read_bytes(),
            f"Reading notes/{FOLDER}/milkshake.png": PNG,
            f"Reading notes/{RICE}": (GOLD / RICE).read_bytes(),
        }
    )
    path = tmp_path / "Export-8b7c6d5e-Part-1.zip"
    path.write_bytes(_zip({"Export-8b7c6d5e-Part-1.zip": part}))
    return path


def test_a_notion_export_zip_imports_its_notes_and_images_and_skips_its_other_pages(
    project: Path, tmp_path: Path
) -> None:
    export = notion_export(tmp_path)
    before = set(os.listdir(tmp_path))
    result = run_deckgen("import", str(export), cwd=project)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"from {export}/Export-8b7c6d5e-Part-1.zip/Reading notes/{JTBD}, notion)" in out
    assert f"from {export}/Export-8b7c6d5e-Part-1.zip/Reading notes/{RICE}, notion)" in out
    assert "copied image" in out and "milkshake.png" in out
    assert "skipped" in out and "Reading notes 1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a.md: no sections" in out
    notes = sorted((project / "content").rglob("*.md"))
    assert len(notes) == 2  # the index page is not a note, the CSV is not read
    for path in notes:
        note = parse_note(path.read_text(encoding="utf-8"), str(path))
        assert note.sections and note.meta["imported"]["from"] in (JTBD, RICE)
    assert [p.read_bytes() for p in (project / "content").rglob("*.png")] == [PNG]
    assert set(os.listdir(tmp_path)) == before  # nothing unpacked beside the zip
    # Next month's export, with one note edited: the same notes are updated, none added
    edited = (GOLD / RICE).read_bytes().replace(b"## Critique", b"## Critique\n\nA new first line.", 1)
    assert edited != (GOLD / RICE).read_bytes()
    again = tmp_path / "Export-9c8d.zip"
    again.write_bytes(
        _zip(
            {
                f"Reading notes/{RICE}": edited,
                f"Reading notes/{JTBD}": (GOLD / JTBD).read_bytes(),
                f"Reading notes/{FOLDER}/milkshake.png": PNG,
            }
        )
    )
    second = run_deckgen("import", str(again), cwd=project)
    assert second.returncode == 0, second.stderr
    assert second.stdout.count("updated ") == 1 and second.stdout.count("unchanged ") == 1
    assert sorted((project / "content").rglob("*.md")) == notes
    # An export without the image the note already has (Notion leaves files out when asked to):
    # nothing to check, the note keeps its image
    third = tmp_path / "Export-no-files.zip"
    third.write_bytes(_zip({f"Reading notes/{JTBD}": (GOLD / JTBD).read_bytes()}))
    result = run_deckgen("import", str(third), cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("unchanged ") and "check" not in result.stdout


def test_a_hostile_zip_is_refused_whole_and_nothing_is_written(project: Path, tmp_path: Path) -> None:
    note = (GOLD / RICE).read_bytes()
    cases = {
        "escape.zip": ({"a.md": note, "../../outside.md": note}, "entry '../../outside.md' points outside the archive"),
        "absolute.zip": ({"/etc/evil.md": note}, "entry '/etc/evil.md' points outside the archive"),
        "bomb.zip": (
            {"big.md": b"a" * 3_000_000},
            "entry 'big.md' unzips to 3,000,000 bytes, over the 1,000,001 limit",
        ),
        "empty.zip": ({"data.csv": b"a,b\n"}, "holds no notes (.md or .txt files)"),
    }
    paths = []
    for name, (entries, _) in cases.items():
        path = tmp_path / name
        path.write_bytes(_zip(entries))
        paths.append(str(path))
    locked = tmp_path / "locked.zip"  # before: an internal error (zipfile's RuntimeError asking for the password)
    locked.write_bytes(_encrypted(_zip({"a.md": note})))
    paths.append(str(locked))
    clash = tmp_path / "clash.zip"
    clash.write_bytes(_zip({"a.md": note, "a.md/b.md": note}))
    paths.append(str(clash))
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    result = run_deckgen("import", *paths, str(broken), str(GOLD / RICE), cwd=project)
    assert result.returncode == 1
    for name, (_, message) in cases.items():
        assert f"{tmp_path / name}: import: {message}" in result.stderr
    assert f"{broken}: import: is not a readable zip file" in result.stderr
    assert f"{locked}: import: entry 'a.md' is encrypted (a password-protected zip)" in result.stderr
    assert f"{clash}: import: entry 'a.md/b.md' cannot be unpacked (File exists)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "content").exists()  # one bad file in the batch: nothing written, not even the good note
    assert not (tmp_path / "outside.md").exists() and not Path("/etc/evil.md").exists()


def test_a_zip_bomb_is_stopped_by_its_declared_ratio_before_it_is_read(project: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(_zip({"diagram.png": b"\x00" * 900_000, "note.md": (GOLD / RICE).read_bytes()}))
    ok = run_deckgen("import", "--dry-run", str(bomb), cwd=project)  # 900 kB of zeros: under the ratio floor
    assert ok.returncode == 0, ok.stderr
    bomb.write_bytes(_zip({"diagram.png": b"\x00" * 4_000_000, "note.md": (GOLD / RICE).read_bytes()}))
    result = run_deckgen("import", str(bomb), cwd=project)
    assert result.returncode == 1
    assert "entry 'diagram.png' unzips to 4,000,000 bytes, over the 5,000,001 limit" not in result.stderr
    assert "times larger than it is zipped (a zip bomb?)" in result.stderr


def test_obsidian_embeds_are_found_anywhere_in_the_vault_as_obsidian_finds_them(project: Path, tmp_path: Path) -> None:
    # Before: '![[four-risks.png]]' in Vault/Notes/ was "not found beside the source", even with --vault
    note = (GOLD / "cagan-four-risks.md").read_bytes()
    assert b"![[four-risks.png]]" in note
    other = PNG + b"an image of the same name, further from the note"
    vault = tmp_path / "Vault"
    for rel, data in {
        "Notes/cagan-four-risks.md": note,
        "Notes/img/four-risks.png": PNG,  # nearest the note: Obsidian's pick
        "Attachments/four-risks.png": other,
        ".trash/four-risks.png": b"not even an image",
    }.items():
        (vault / rel).parent.mkdir(parents=True, exist_ok=True)
        (vault / rel).write_bytes(data)
    alone = run_deckgen("import", "--dry-run", str(vault / "Notes/cagan-four-risks.md"), cwd=project)
    assert "check image 'four-risks.png' was not found beside the source" in alone.stdout  # no vault named
    named = run_deckgen("import", str(vault / "Notes/cagan-four-risks.md"), "--vault", str(vault), cwd=project)
    assert named.returncode == 0, named.stderr
    assert "check image" not in named.stdout and "copied image" in named.stdout
    assert (project / "content/media/four-risks.png").read_bytes() == PNG
    # zipped, the same vault needs no --vault: the zip is the vault, and images are named as in the zip
    archive = tmp_path / "vault.zip"
    archive.write_bytes(
        _zip({f"Vault/{p.relative_to(vault).as_posix()}": p.read_bytes() for p in vault.rglob("*") if p.is_file()})
    )
    zipped = run_deckgen("import", "--dry-run", str(archive), cwd=project)
    assert zipped.returncode == 0, zipped.stderr
    assert "check image" not in zipped.stdout and f"would copy image {archive}/Vault/" in zipped.stdout


def test_a_folder_imports_like_the_zip_of_it(project: Path, tmp_path: Path) -> None:
    # Before: "is a folder — name the note files in it", though the zip of the same folder imports
    export = notion_export(tmp_path)
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(export) as outer, zipfile.ZipFile(io.BytesIO(outer.read(outer.namelist()[0]))) as inner:
        inner.extractall(folder)
    (folder / ".trash").mkdir()
    (folder / ".trash" / RICE).write_bytes((GOLD / RICE).read_bytes())  # a deleted copy: never looked at
    result = run_deckgen("import", str(folder), cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("created ") == 2 and "copied image" in result.stdout
    assert f"skipped {folder}/Reading notes 1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a.md: no sections" in result.stdout
    again = run_deckgen("import", str(export), cwd=project)  # the zip of it finds the same notes
    assert again.returncode == 0 and again.stdout.count("unchanged ") == 2, again.stdout
    # the project itself: its notes are unchanged, and the build's changelogs are not notes to import
    (project / "build").mkdir()
    (project / "build/CHANGELOG.md").write_text("# Changes\n\n## Release 2\n- one card edited\n")
    itself = run_deckgen("import", "--dry-run", str(project), cwd=project)
    assert itself.returncode == 0 and "would create" not in itself.stdout and "build/" not in itself.stdout


def test_a_folder_with_a_link_to_a_file_outside_it_is_refused(project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "rice.md").write_bytes((GOLD / RICE).read_bytes())
    secret = tmp_path / "secret.md"
    secret.write_text("# Secret\n\n## Central argument\nthe keys\n")
    (folder / "innocent.md").symlink_to(secret)
    result = run_deckgen("import", str(folder), cwd=project)
    assert result.returncode == 1
    assert f"{folder / 'innocent.md'}: import: links to a file outside the folder" in result.stderr
    assert not (project / "content").exists()


def test_only_notes_images_and_nested_zips_are_unpacked(tmp_path: Path) -> None:
    from deckgen.authoring.importing import unpack_notes

    root = tmp_path / "unpacked"
    notes = unpack_notes(notion_export(tmp_path), "export.zip", root)
    assert [shown for _, shown in notes] == [  # in path order, folder by folder
        f"export.zip/Export-8b7c6d5e-Part-1.zip/Reading notes/{JTBD}",
        f"export.zip/Export-8b7c6d5e-Part-1.zip/Reading notes/{RICE}",
        "export.zip/Export-8b7c6d5e-Part-1.zip/Reading notes 1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a.md",
    ]
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    assert not [f for f in files if f.endswith((".csv", ".zip"))]  # the database's CSV never leaves the zip
    assert sum(f.endswith(".png") for f in files) == 1 and len(files) == 4


def test_the_unpacked_limit_is_the_exports_whole_nested_zips_included(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each nested zip was held to the limit on its own: a 10 KB export of zips of notes unpacked 760 MB. Here the
    limit is lowered to 1 MB and three inner zips of 500 KB each must be refused before the third is unpacked."""
    from deckgen.authoring import importing

    monkeypatch.setattr(importing, "MAX_UNPACKED_BYTES", 1_000_000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as outer:
        for part in range(3):
            inner = io.BytesIO()
            with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as zipped:
                zipped.writestr(f"note-{part}.md", "---\nid: n\ntitle: T\n---\n" + "word " * 100_000)
            outer.writestr(f"Part-{part}.zip", inner.getvalue())
    export = tmp_path / "export.zip"
    export.write_bytes(buffer.getvalue())
    root = tmp_path / "unpacked"
    with pytest.raises(ContentError) as info:
        importing.unpack_notes(export, "export.zip", root)
    (finding,) = info.value.findings
    assert finding.path == "export.zip/Part-1.zip" and "over the 1,000,000 limit for an export" in finding.message
    assert "the zips inside it included" in finding.message
    assert sum(p.stat().st_size for p in root.rglob("*.md")) <= 1_000_000
