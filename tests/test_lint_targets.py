"""`deckgen lint NOTE…`: the report of the notes a curator just edited, the whole library still checked."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_deckgen, write

NOTE = """---
id: {id}
title: {title}
author: Ada Okafor
source: https://example.org/harbours
---
Ada Okafor's essay on harbours.

## Cards

Q: {question}
A: Storms.
"""


def _project(project: Path) -> Path:
    write(
        project / "content/essays/harbours.md",
        NOTE.format(id="harbours", title="Harbours", question="Is it about storms?"),
    )
    write(project / "content/tides.md", NOTE.format(id="tides-2019", title="Tides", question="Does it cover tides?"))
    write(
        project / "content/calm.md", NOTE.format(id="calm", title="Calm", question="What do harbour masters plan for?")
    )
    return project


def test_lint_reports_only_the_named_notes_and_says_what_it_left_out(project: Path) -> None:
    _project(project)
    whole = run_deckgen("lint", cwd=project)
    assert (
        whole.returncode == 1 and "content/essays/harbours.md:" in whole.stdout and "content/tides.md:" in whole.stdout
    )
    one = run_deckgen("lint", "content/essays/harbours.md", cwd=project)
    assert one.returncode == 1  # its own error
    assert "content/essays/harbours.md:" in one.stdout and "content/tides.md" not in one.stdout
    shown = one.stdout.count("  error ")
    assert f"{shown} errors, 0 warnings in 1 file" in one.stdout
    hidden = whole.stdout.count("  error ") + whole.stdout.count("  warning ") - shown
    assert hidden > 0 and f"({hidden} more in other files: `deckgen lint` shows them)" in one.stdout
    # by id (the file is named otherwise), by folder, and a clean note: exit 0 although the library has errors
    by_id = run_deckgen("lint", "tides-2019", "-f", "json", cwd=project)
    assert {f["path"] for f in json.loads(by_id.stdout)["findings"]} == {"content/tides.md"}
    folder = run_deckgen("lint", "content/essays", cwd=project)
    assert "content/essays/harbours.md:" in folder.stdout and "content/tides.md" not in folder.stdout
    clean = run_deckgen("lint", str(project / "content/calm.md"), cwd=project)
    assert clean.returncode == 0 and clean.stdout.startswith("0 errors, 0 warnings"), clean.stdout


def test_lint_names_a_target_it_cannot_find(project: Path, tmp_path: Path) -> None:
    _project(project)
    outside = write(tmp_path / "elsewhere.md", "x")
    result = run_deckgen("lint", "harbour", str(outside), cwd=project)
    assert result.returncode == 1
    assert (
        "harbour: lint: no note, file or folder by that name — name a note file, a folder or a note id" in result.stderr
    )
    assert f"{outside}: lint: is not in this project" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_note_left_as_deckgen_new_wrote_it_is_flagged_until_filled_in(project: Path) -> None:
    # Before: 'deckgen new' then 'deckgen lint' said "0 errors, 0 warnings" for a note with nothing in it
    write(project / "decks/all.yaml", "deck: All\nnotes: all\n")
    assert run_deckgen("new", "Inspired", "--author", "Marty Cagan", cwd=project).returncode == 0
    path = project / "content/inspired.md"
    result = run_deckgen("lint", cwd=project)
    assert result.returncode == 0  # warnings: a draft may be committed
    assert "content/inspired.md:5:1: incomplete-note: the note has no source link" in result.stdout
    for line, heading in ((10, "Central argument"), (12, "Critique"), (14, "Why it matters for product")):
        assert f"content/inspired.md:{line}:1: incomplete-note: section '{heading}' is empty" in result.stdout
    assert "content/inspired.md:8:1: incomplete-note: the blurb is still the placeholder" in result.stdout
    text = path.read_text(encoding="utf-8").replace('source: ""', "source: https://svpg.com/inspired/")
    text = text.replace("What the essay is and why a new PM should read it.", "Cagan on empowered product teams.")
    for heading in ("Central argument", "Critique", "Why it matters for product"):
        text = text.replace(f"## {heading}\n", f"## {heading}\nCagan says something about {heading.lower()}.\n")
    path.write_text(text, encoding="utf-8")
    assert "incomplete-note" not in run_deckgen("lint", cwd=project).stdout


def test_lint_of_a_note_shows_the_near_duplicate_its_twin_in_another_file_carries(project: Path) -> None:
    """A PM lead's try: a card in the note they had just written asked what a card of an older note asks; the L16
    warning lands on the later card of the pair, in the older note, so `deckgen lint NEWNOTE` said only
    '(1 more in other files)'. The scoped lint shows it too."""
    question = "In Okafor's 'Harbours', what do harbour masters plan for each winter?"
    write(project / "content/a-new.md", NOTE.format(id="new-note", title="Harbours", question=question))
    write(project / "content/z-old.md", NOTE.format(id="old-note", title="Harbours", question=question + " "))
    whole = json.loads(run_deckgen("lint", "--format", "json", cwd=project).stdout)["findings"]
    pairs = [f for f in whole if f["rule"] == "L16"]
    assert pairs and all(f["path"] == "content/z-old.md" and "content/a-new.md:" in f["message"] for f in pairs)
    scoped = json.loads(run_deckgen("lint", "content/a-new.md", "--format", "json", cwd=project).stdout)["findings"]
    assert [f for f in scoped if f["rule"] == "L16"] == pairs
