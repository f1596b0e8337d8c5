"""build/site/ as files: changelog link, no tracks, and a failed build leaving the old site alone."""

from __future__ import annotations

from pathlib import Path

from conftest import run_deckgen, write
from test_tracks import make_project


def test_site_links_a_changelog_the_build_wrote_and_renders_it_safely(project: Path) -> None:
    make_project(project)
    assert run_deckgen("build", cwd=project).returncode == 0
    note = project / "content/a.md"
    note.write_text(
        note.read_text() + "\nQ: In Essay a, what does the <script> tag do here?\nA: Nothing: it is shown as text.\n"
    )
    result = run_deckgen("build", cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "build/site"
    changelog = (site / "changelog.html").read_text(encoding="utf-8")
    assert "<h1>Changelog</h1>" in changelog and "Release 2" in changelog
    assert "the &lt;script&gt; tag" in changelog and "<script>" not in changelog
    assert 'href="changelog.html"' in (site / "index.html").read_text(encoding="utf-8")
    assert 'href="../changelog.html"' in (site / "tracks/test.html").read_text(encoding="utf-8")


def test_site_without_tracks_lists_the_decks(project: Path) -> None:
    make_project(project)
    (project / "decks/tracks/test.yaml").unlink()
    assert run_deckgen("build", cwd=project).returncode == 0
    index = (project / "build/site/index.html").read_text(encoding="utf-8")
    assert "Onboarding tracks" not in index and 'href="changelog.html"' in index  # the build's changelog
    # no word about tracks a project does not have ('Pick your track', 'Tracks already include …')
    assert "track" not in index.lower() and "Pick a deck, import it into Anki" in index
    for slug in ("alpha", "beta", "gamma"):
        assert f'href="decks/{slug}.html"' in index and (project / f"build/site/downloads/decks/{slug}.apkg").is_file()
    assert not (project / "build/tracks").exists()


def test_a_failed_build_keeps_the_previous_site(project: Path) -> None:
    make_project(project)
    assert run_deckgen("build", cwd=project).returncode == 0
    index = project / "build/site/index.html"
    before = index.read_text(encoding="utf-8")
    write(project / "content/e.md", "---\nid: e\ntitle: E\ntags: [alpha]\n---\n## Cards\n\nQ: In E, what?\nA: This.\n")
    write(project / "decks/tracks/test.yaml", "track: Broken\nrole: R\nstages: []\n")
    result = run_deckgen("build", cwd=project)
    assert result.returncode == 1 and "decks/tracks/test.yaml:3:1: track: 'stages' must list" in result.stderr
    assert index.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in (project / "build").iterdir() if not p.name.startswith(".")) == [
        "CHANGELOG.md",
        "alpha.apkg",
        "alpha.changelog.md",
        "beta.apkg",
        "beta.changelog.md",
        "gamma.apkg",
        "gamma.changelog.md",
        "site",
        "tracks",
    ]
