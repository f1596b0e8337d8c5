"""A cloned project cannot make deckgen write, replace or read folders outside it.

Found by trying the product as an attacker: a symbolic link committed as `build` (or `.deckgen-cache`,
`.deckgen-import`) or a `[paths]` entry such as `out = "../.."` made `deckgen build` on a fresh clone write
packages, a site and its records wherever it pointed; an absolute `[paths] content` was an internal error.
What the person running deckgen names (`--out`, `DECKGEN_OUT`, …) may still be anywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, run_deckgen


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    """A folder outside the project that nothing may touch."""
    folder = tmp_path / "victim"
    folder.mkdir()
    (folder / "keep.txt").write_text("precious\n")
    return folder


def _untouched(victim: Path) -> None:
    assert sorted(p.name for p in victim.iterdir()) == ["keep.txt"]
    assert (victim / "keep.txt").read_text() == "precious\n"


@pytest.mark.parametrize("folder", ["build", ".deckgen-cache"])
def test_a_linked_output_or_cache_folder_is_refused(shipped: Path, victim: Path, tmp_path: Path, folder: str) -> None:
    project = shipped
    (project / folder).symlink_to(victim)
    result = run_deckgen("build", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    shown = result.stdout + result.stderr
    assert f"'{folder}' is a symbolic link to {victim.resolve()}, outside the project" in shown
    _untouched(victim)
    assert not (project / "build").exists() or folder == "build"


def test_a_linked_import_record_folder_is_refused(shipped: Path, victim: Path, tmp_path: Path) -> None:
    project = shipped
    (project / ".deckgen-import").symlink_to(victim)
    note = REPO / "tests" / "fixtures" / "fresh" / "batch186" / "manski-the-reflection-problem.txt"
    result = run_deckgen("import", str(note), cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "'.deckgen-import' is a symbolic link" in result.stdout + result.stderr
    _untouched(victim)


@pytest.mark.parametrize(("key", "value"), [("out", "../victim"), ("content", "/etc"), ("decks", "../victim")])
def test_a_paths_entry_outside_the_project_is_a_located_error(
    shipped: Path, victim: Path, tmp_path: Path, key: str, value: str
) -> None:
    project = shipped
    toml = project / "deckgen.toml"
    lines = toml.read_text().splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith(f"{key} = "))
    lines[line - 1] = f'{key} = "{value}"'
    toml.write_text("\n".join(lines) + "\n")
    result = run_deckgen("build", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    shown = result.stdout + result.stderr
    assert f"deckgen.toml:{line}:1: config: [paths] {key} = '{value}' is outside the project" in shown
    _untouched(victim)


def test_a_folder_the_user_names_may_be_outside(shipped: Path, victim: Path, tmp_path: Path) -> None:
    project = shipped
    elsewhere = tmp_path / "elsewhere"
    result = run_deckgen("build", "--out", str(elsewhere), cwd=project)
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "onboarding.apkg").exists()
    by_variable = run_deckgen("build", cwd=project, env={"DECKGEN_OUT": str(tmp_path / "env-out")})
    assert by_variable.returncode == 0, by_variable.stderr
    assert (tmp_path / "env-out" / "onboarding.apkg").exists()
    _untouched(victim)


def test_a_link_inside_the_project_is_fine(shipped: Path) -> None:
    project = shipped
    (project / "out-real").mkdir()
    (project / "build").symlink_to(project / "out-real")
    result = run_deckgen("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "out-real" / "onboarding.apkg").exists()


def test_a_note_that_links_outside_the_project_is_not_read(shipped: Path, tmp_path: Path) -> None:
    """'content/notes.md -> a file elsewhere' was read and its text shipped in a deck (linked folders were never
    entered, linked files were). A link to a note inside the project is still a note."""
    secret = tmp_path / "secret.md"
    secret.write_text("---\nid: secret\ntitle: Private\n---\nA private blurb.\n\n## Cards\n\nQ: Secret?\nA: Yes.\n")
    (shipped / "content" / "notes.md").symlink_to(secret)
    for command in ("lint", "build"):
        result = run_deckgen(command, cwd=shipped)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert f"content/notes.md: schema: is a link to {secret.resolve()}, outside the project" in (
            result.stdout + result.stderr
        )
    assert not (shipped / "build").exists()
    (shipped / "content" / "notes.md").unlink()
    note = shipped / "content" / "essays" / "norton-empathy.md"
    (shipped / "shared").mkdir()
    kept = shipped / "shared" / "norton.md"  # inside the project, outside content/
    note.rename(kept)
    note.symlink_to(kept)
    built = run_deckgen("build", "--locked", cwd=shipped)
    assert built.returncode == 0, built.stderr
