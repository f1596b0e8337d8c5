"""``deckgen import`` copies only real images from the imported folder (or a named vault root),
says what it copied, and refuses everything else with a located error, writing nothing."""

from __future__ import annotations

from pathlib import Path

from conftest import run_deckgen, write

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24


def note(body: str) -> str:
    return f"---\ntitle: Essay\nauthor: Ann Author\nsource: https://example.com/e\n---\n# Essay\n\n## Central argument\nText.\n\n{body}\n"


def _nothing_written(project: Path) -> bool:
    return not (project / "content").exists() or not any((project / "content").rglob("*"))


def test_images_outside_the_source_folder_are_refused(project: Path, tmp_path: Path) -> None:
    secret = tmp_path / "home" / ".ssh" / "id_rsa"
    write(secret, "-----BEGIN OPENSSH PRIVATE KEY-----\n")
    (tmp_path / "home" / "photo.png").write_bytes(PNG)
    source = write(
        tmp_path / "home" / "notes" / "essay.md",
        note(f"![key]({secret})\n\n![up](../photo.png)\n\n![dots](../.ssh/id_rsa)"),
    )
    run = run_deckgen("import", str(source), cwd=project)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    text = " ".join(run.stderr.split())
    assert f"{source}:11:1: import: image '{secret}' not copied" in text
    assert "image '../photo.png' not copied: it is outside the folder being imported" in text
    assert "image '../.ssh/id_rsa' not copied" in text
    assert _nothing_written(project)


def test_files_that_are_not_images_are_refused(project: Path, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    write(folder / "passwords.png", "hunter2\n")
    write(folder / "notes.txt", "not an image\n")
    source = write(folder / "essay.md", note("![a](passwords.png)\n\n![b](notes.txt)"))
    run = run_deckgen("import", str(source), cwd=project)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    text = " ".join(run.stderr.split())
    assert "image 'passwords.png' not copied: the file is not really a .png image" in text
    assert "image 'notes.txt' not copied: only .png, .jpg, .gif and .webp images are copied" in text
    assert _nothing_written(project)


def test_a_named_vault_root_allows_its_attachment_folder(project: Path, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    (vault / "attachments").mkdir(parents=True)
    (vault / "attachments" / "diagram.png").write_bytes(PNG)
    source = write(vault / "notes" / "essay.md", note("![d](../attachments/diagram.png)"))
    refused = run_deckgen("import", str(source), cwd=project)
    assert refused.returncode == 1 and "--vault" in refused.stderr
    run = run_deckgen("import", str(source), "--vault", str(vault), cwd=project)
    assert run.returncode == 0, run.stderr
    assert "copied image" in run.stdout and "content/media/diagram.png" in run.stdout
    assert (project / "content" / "media" / "diagram.png").read_bytes() == PNG
