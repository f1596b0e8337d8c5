"""Images in notes: packaged with the deck under unique names, confined to the project, size-limited."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from ankiutil import import_apkg, open_collection
from conftest import MINIMAL_TOML, write

from deckgen.builder.pipeline import build, lint_project
from deckgen.core.config import load_config
from deckgen.core.errors import ContentError
from deckgen.sources.media import MediaStore

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
GIF = b"GIF89a" + b"\x01" * 30


def note(note_id: str, answer: str) -> str:
    return (
        f"---\nid: {note_id}\ntitle: Essay {note_id}\n---\n## Cards\n\n"
        f"Q: In essay {note_id}, what does the figure show?\nA: {answer}\n"
    )


def make(root: Path, notes: dict[str, str], toml_extra: str = "") -> Path:
    write(root / "deckgen.toml", MINIMAL_TOML + toml_extra)
    for rel, text in notes.items():
        write(root / "content" / rel, text)
    write(root / "decks" / "d.yaml", "deck: D\nnotes: all\n")
    return root


def test_images_ship_with_unique_names_and_reach_anki(tmp_path: Path) -> None:
    root = make(
        tmp_path / "p",
        {
            "a/one.md": note("one", "![the loop](img/loop.png)"),
            "b/two.md": note("two", "![another loop](img/loop.png)"),  # same file name, different picture
            "b/three.md": note("three", "![shared](images/shared.gif)"),  # project-root relative
            "b/four.md": note("four", "![shared again](images/shared.gif)"),
        },
    )
    (root / "content/a/img").mkdir(parents=True)
    (root / "content/a/img/loop.png").write_bytes(PNG + b"A")
    (root / "content/b/img").mkdir(parents=True)
    (root / "content/b/img/loop.png").write_bytes(PNG + b"B")
    (root / "images").mkdir()
    (root / "images/shared.gif").write_bytes(GIF)
    assert lint_project(load_config(root))[0].errors == ()
    build(load_config(root))
    apkg = root / "build" / "d.apkg"
    col = open_collection(tmp_path / "c.anki2")
    try:
        import_apkg(col, Path(apkg))
        media = {p.name: p.read_bytes() for p in Path(col.media.dir()).iterdir()}
        assert sorted(media.values()) == sorted([PNG + b"A", PNG + b"B", GIF])  # three files, the shared one once
        assert all(re.fullmatch(r"dg-[0-9a-f]{20}\.(png|gif)", name) for name in media)
        for cid in col.find_cards(""):
            answer = col.get_card(cid).answer()
            (src,) = re.findall(r'<img src="([^"]+)"', answer)
            assert src in media
    finally:
        col.close()


def test_editing_an_image_updates_the_card(tmp_path: Path) -> None:
    text = note("one", "![the loop](loop.png)") + "\nQ: In essay one, what comes after the build step?\nA: Measuring.\n"
    root = make(tmp_path / "p", {"one.md": text})
    (root / "content/loop.png").write_bytes(PNG + b"v1")
    first = build(load_config(root), now=1_700_000_000)
    (root / "content/loop.png").write_bytes(PNG + b"v2")
    second = build(load_config(root), now=1_700_000_100)
    assert first.count("added") == 2 and second.count("edited") == 1 and second.count("unchanged") == 1


@pytest.mark.parametrize(
    "ref, words",
    [
        ("../outside.png", "goes up with '..'"),
        ("sub/%2e%2e/%2e%2e/outside.png", "goes up with '..'"),
        ("/etc/passwd.png", "is absolute"),
        ("link.png", "outside the project"),
        ("https://example.com/x.png", "remote image"),
        ("//example.com/x.png", "remote image"),
        ("data:image/png;base64,iVBORw0KGgo=", "data: URL"),
        ("missing.png", "does not exist"),
        ("fake.png", "not really a .png"),
        ("drawing.svg", "not a supported image type"),
        ("big.png", "over the 100 limit"),
    ],
)
def test_unsafe_images_are_errors_with_file_and_line(ref: str, words: str, tmp_path: Path) -> None:
    root = make(tmp_path / "p", {"one.md": note("one", f"![x]({ref})")}, "[lint]\nmedia_max_bytes = 100\n")
    (tmp_path / "outside.png").write_bytes(PNG)
    (root / "content/link.png").symlink_to(tmp_path / "outside.png")
    (root / "content/fake.png").write_bytes(b"<script>alert(1)</script>")
    (root / "content/drawing.svg").write_bytes(b"<svg onload=alert(1)></svg>")
    (root / "content/big.png").write_bytes(PNG + b"\x00" * 200)
    report, plan = lint_project(load_config(root))
    assert plan is None
    (finding,) = [f for f in report.errors if f.rule == "media"]
    assert finding.path == "content/one.md" and finding.line == 8 and words in finding.message and finding.fix
    with pytest.raises(ContentError):
        build(load_config(root))
    assert not (root / "build").exists()


def test_symlink_inside_the_project_is_fine(tmp_path: Path) -> None:
    (tmp_path / "p/content").mkdir(parents=True)
    (tmp_path / "p/content/real.png").write_bytes(PNG)
    (tmp_path / "p/content/alias.png").symlink_to(tmp_path / "p/content/real.png")
    store = MediaStore(tmp_path / "p")
    assert store.resolve("content/n.md", "alias.png").name == store.resolve("content/n.md", "real.png").name
    assert list(store.files) == [store.resolve("content/n.md", "real.png").name]


def test_lint_json_reports_media_problems(tmp_path: Path, cli) -> None:
    root = make(tmp_path / "p", {"one.md": note("one", "![x](https://example.com/x.png)")})
    result = cli("lint", "--format", "json", cwd=root)
    assert result.exit_code == 1
    rules = [f["rule"] for f in json.loads(result.stdout)["findings"]]
    assert "media" in rules


def test_track_bundles_and_site_carry_the_images(tmp_path: Path) -> None:
    root = make(tmp_path / "p", {"one.md": note("one", "![the loop](loop.png)")})
    (root / "content/loop.png").write_bytes(PNG)
    write(
        root / "decks/tracks/starter.yaml",
        "track: Starter\nrole: PM\ndeck: Onboarding\nstages:\n  - title: Week one\n    decks: [d]\n",
    )
    build(load_config(root))
    bundle = root / "build/tracks/starter.apkg"
    col = open_collection(tmp_path / "c.anki2")
    try:
        import_apkg(col, bundle)
        (name,) = [p.name for p in Path(col.media.dir()).iterdir()]
        assert all(f'src="{name}"' in col.get_card(cid).answer() for cid in col.find_cards("Answer:_*"))
    finally:
        col.close()
    page = (root / "build/site/decks/d.html").read_text(encoding="utf-8")
    assert f'src="{name}"' in page and (root / "build/site/decks" / name).read_bytes() == PNG
