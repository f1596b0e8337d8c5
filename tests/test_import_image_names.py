"""An imported image never replaces another note's image. An attacker's try: when an image's name was taken, the
importer renamed it '<note id>-<name>' without checking that name too, so an export whose note 'Beta' embedded
'diagram.png' replaced the picture 'beta-diagram.png' another note showed, without a word. Fails on aef5a11."""

from __future__ import annotations

from pathlib import Path

from conftest import run_deckgen, write

PNG = b"\x89PNG\r\n\x1a\n"


def _note(title: str, image: str) -> str:
    return (
        f"---\ntitle: {title}\nauthor: Ann Author\nsource: https://example.com/{title.lower()}\n---\n# {title}\n\n"
        f"## Central argument\nText.\n\n![[{image}]]\n"
    )


def test_a_renamed_image_never_takes_another_notes_image(project: Path, tmp_path: Path) -> None:
    images = {"alpha": PNG + b"red", "victim": PNG + b"green", "beta": PNG + b"blue"}
    for name, image in (("alpha", "diagram.png"), ("victim", "beta-diagram.png"), ("beta", "diagram.png")):
        folder = tmp_path / f"src-{name}"
        write(folder / f"{name}.md", _note(name.title(), image))
        (folder / image).write_bytes(images[name])
        result = run_deckgen("import", str(folder / f"{name}.md"), cwd=project)
        assert result.returncode == 0, result.stderr
    media = project / "content" / "media"
    assert (media / "diagram.png").read_bytes() == images["alpha"]
    assert (media / "beta-diagram.png").read_bytes() == images["victim"]  # the victim keeps its picture
    beta = (project / "content" / "beta.md").read_text()
    shown = beta.split("](media/", 1)[1].split(")", 1)[0]
    assert shown not in ("diagram.png", "beta-diagram.png")
    assert (media / shown).read_bytes() == images["beta"]
    assert "](media/beta-diagram.png)" in (project / "content" / "victim.md").read_text()
