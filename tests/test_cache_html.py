"""HTML read back from a cache never reaches a package or a page unless deckgen could have written it.

The note memo keeps each note's rendered card fields, and each deck's shipped rows, in
.deckgen-cache/notes.sqlite: both go into packages and the site as they are. An attacker's try: a field
edited there to hold `<img src=x onerror=…>` shipped in three packages, their site downloads and two deck
pages. Such a value is now treated as a miss (the note is rendered again, the deck planned in full), so the
build gives exactly what a build without the cache gives. Fails on daf97b8.
"""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

from buildutil import output_hashes
from conftest import REPO, copy_project, run_deckgen

PAYLOAD = "<img src=x onerror=alert(document.domain)>"
NOTE = "content/essays/norton-empathy.md"


def _tamper(project: Path, key_prefix: str, old: str) -> int:
    db = sqlite3.connect(project / ".deckgen-cache" / "notes.sqlite")
    rows = db.execute("select key, value from entries where key like ?", (key_prefix + "%",)).fetchall()
    changed = 0
    for key, value in rows:
        if old in value:
            db.execute("update entries set value = ? where key = ?", (value.replace(old, PAYLOAD + old, 1), key))
            changed += 1
    db.commit()
    db.close()
    return changed


def _shipped_text(project: Path) -> str:
    text = []
    for path in sorted((project / "build").rglob("*")):
        if path.suffix == ".apkg":
            with zipfile.ZipFile(path) as archive:
                text.append(archive.read("collection.anki2").decode("latin-1"))
        elif path.suffix == ".html":
            text.append(path.read_text(encoding="utf-8"))
    return "\n".join(text)


def test_a_tampered_rendered_field_in_the_memo_is_rendered_again(tmp_path: Path) -> None:
    clean = copy_project(REPO, tmp_path / "clean")
    assert run_deckgen("build", cwd=clean).returncode == 0
    project = copy_project(REPO, tmp_path / "proj")
    assert run_deckgen("build", cwd=project).returncode == 0
    assert _tamper(project, f"fields:{NOTE}", "A set of concrete, learnable moves") == 1
    (project / ".deckgen-cache" / "last-build.json").unlink()  # the attacker's way past the copy of build/
    for path in (project / "build").iterdir():
        if path.is_dir():
            for inner in sorted(path.rglob("*"), reverse=True):
                inner.unlink() if not inner.is_dir() else inner.rmdir()
            path.rmdir()
        else:
            path.unlink()
    result = run_deckgen("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "onerror" not in _shipped_text(project)
    assert output_hashes(project) == output_hashes(clean)


def test_deck_rows_holding_html_deckgen_never_writes_are_not_used() -> None:
    # A deck's stored rows are also proven against the package digest the build state records, which an
    # attacker who edits both could recompute: the rows' own fields must be ones deckgen could have written.
    from deckgen.builder.patch import _valid_rows

    row = (
        "n/k",
        "guid",
        1,
        ("In Norton's essay, what is empathy?", "A set of moves", '<a href="https://x.org">x</a>'),
        ("deckgen",),
        1,
        0,
        True,
    )
    assert _valid_rows([row])
    for bad in (
        PAYLOAD,
        '<a href="javascript:alert(1)">x</a>',
        "\\(\\href{javascript:alert(1)}{x}\\)",
        "[sound:x.mp3]",
    ):
        assert not _valid_rows([(*row[:3], (row[3][0], bad, row[3][2]), *row[4:])]), bad


def test_safe_field_accepts_what_deckgen_renders_and_nothing_that_runs() -> None:
    from deckgen.anki.render import escape, render_markdown, safe_field

    sample = (
        '# H\n\nText *em* **strong** `code` [link](https://example.com "T") [m](mailto:a@b.c) ![alt](pic.png)\n'
        "line  \nbreak\n\n> quote\n\n- a\n- b\n\n3. x\n4. y\n\n```python\ncode <b>\n```\n\n---\n"
        "\\(x\\) [sound:a.mp3] {{c1::x}} <script>alert(1)</script> <img src=x onerror=alert(1)>\n"
    )
    assert safe_field(render_markdown(sample, images=lambda src: "dg-abc.png"))
    assert safe_field(render_markdown("{{c1::answer::hint}} and \\(", cloze=True), cloze=True)
    assert safe_field(escape("<b>\\(x\\) {{c1::y}} [sound:z]"))
    for bad in (
        "<script>alert(1)</script>",
        '<img src="x" alt="" onerror="alert(1)" />',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="https://x.org" onclick="alert(1)">x</a>',
        "<iframe src=https://x.org></iframe>",
        "\\(\\href{javascript:alert(1)}{x}\\)",
        "[sound:x.mp3]",
        "{{Question}}",
        "<p>unclosed <b</p>",
    ):
        assert not safe_field(bad), bad
