"""A generated card a build retires says why, where the notes alone do not: curation's verdict, or that no rule
generates it any more. An upgrading team's try: after upgrading deckgen (no note edited) `deckgen diff` listed
'- retired norton-empathy/g.diagnostic.hollowing-out' with an empty reason, and the build told them to fix the
notes before publishing; only `deckgen cards` showed that an authored card now asks the same. Fails on e3a07c9.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO, copy_project, run_deckgen

NOTE = "cagan-product-vs-feature-teams"  # a shipped note with a generated card that ships


def test_a_retired_generated_card_names_its_reason_in_diff_and_build(tmp_path: Path) -> None:
    project = copy_project(REPO, tmp_path / "proj")
    shown = run_deckgen("cards", NOTE, "--shipping", "--format", "json", cwd=project)
    assert shown.returncode == 0, shown.stderr
    key = next(card["key"] for card in json.loads(shown.stdout) if card["key"].startswith("g."))
    assert run_deckgen("cards", NOTE, "--reject", key, cwd=project).returncode == 0
    diff = run_deckgen("diff", cwd=project)
    assert diff.returncode == 0, diff.stderr
    line = next(row for row in diff.stdout.splitlines() if "- retired" in row and key in row)
    assert "[rejected: rejected in the note's front matter]" in line, diff.stdout
    as_json = json.loads(run_deckgen("diff", "--format", "json", cwd=project).stdout)
    retired = [card for deck in as_json["decks"] for card in deck["retired"] if card["uid"].endswith(key)]
    assert retired and all(card["reason"] == "rejected: rejected in the note's front matter" for card in retired)
    built = run_deckgen("build", cwd=project)
    assert built.returncode == 0, built.stderr
    assert "[rejected: rejected in the note's front matter]" in built.stderr


def test_a_card_no_rule_generates_any_more_says_so(tmp_path: Path) -> None:
    project = copy_project(REPO, tmp_path / "proj")
    note = next((project / "content").rglob(f"{NOTE}.md"))
    sentence = 'And the three-way split can turn into a status badge ("we\'re a real product\nteam") instead of a tool for diagnosing what is missing.'
    assert sentence in note.read_text()
    note.write_text(note.read_text().replace(sentence, ""))  # the sentence the generated card asks about goes
    diff = run_deckgen("diff", cwd=project)
    assert diff.returncode == 0, diff.stderr
    line = next(
        (row for row in diff.stdout.splitlines() if "- retired" in row and "g.claim.three-way-split" in row), ""
    )
    assert "[no longer generated from the note" in line, diff.stdout
