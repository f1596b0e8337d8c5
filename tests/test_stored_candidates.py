"""The generator's candidates kept per note in the memo, keyed by the note without its card blocks.

A card edit re-curates the stored candidates against the edited authored cards without
running (or importing) the generator; any other change to the note runs it again. Either
way `deckgen lint` and the build report and write what a run without any cache does.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import MINIMAL_TOML, REPO, run_deckgen, write

from deckgen.cards.generate import note_cards
from deckgen.core.diskcache import NoteCache
from deckgen.sources.notes import parse_note

NORTON = (REPO / "content" / "essays" / "norton-empathy.md").read_text(encoding="utf-8")
HOLLOWING = (
    "It gives product leaders a diagnostic: discovery run as a box to tick before development is\n"
    "the hollowing-out Norton describes. "
)
# Each edit is applied to the original note text.
EDITS = {
    # an authored answer reworded: the same generated cards ship
    "card": ("A: Dashboards, frameworks and process for its own sake.", "A: Dashboards and frameworks."),
    # an authored card that asked what a generated card asks is replaced: that generated card ships now
    "card-verdict": (
        "Q: In Norton's 'Empathy and Product Management', what does he mean by empathy as craft?\n"
        "A: A set of concrete, learnable moves — not an attitude or a personality trait.",
        "Q: Where did Ken Norton lead product?\nA: At Google Ventures.",
    ),
    "prose": ("a good first read for a new PM.", "a good first read for any new PM."),
    # a sentence that gives a generated card comes: the generator makes other cards (the hollowing-out sentence,
    # taken out here before, gives a card an authored one restates, which does not ship)
    "prose-generator": (
        HOLLOWING,
        HOLLOWING + "A *listening tour* is a week of customer calls before any roadmap work. ",
    ),
}


def _edited(name: str) -> str:
    old, new = EDITS[name]
    assert old in NORTON
    return NORTON.replace(old, new, 1)


def _generated(text: str, memo: NoteCache | None = None) -> list[tuple[str, str, str]]:
    note = parse_note(text, "content/norton.md")
    return [(c.key, c.front, c.back) for c in note_cards(note, settings={"include": ["author"]}, memo=memo)]


def test_stored_candidates_are_not_used_once_the_prose_changes(tmp_path: Path) -> None:
    """The memo's key covers the prose: a prose edit that changes the generator's cards gets the new cards."""
    memo = NoteCache(tmp_path, "salt")
    before, after = NORTON, _edited("prose-generator")
    assert _generated(after) != _generated(before), "the edit must change what the generator makes"
    assert _generated(before, memo) == _generated(before)
    assert any(key.startswith("candidates:") for key in memo.entries)
    assert _generated(after, memo) == _generated(after)
    assert _generated(before, memo) == _generated(before)


@pytest.mark.parametrize("edit", ["card", "card-verdict"])
def test_a_card_edit_is_curated_from_the_stored_candidates(edit: str, tmp_path: Path) -> None:
    """Same cards as without the memo, whether or not the edit changes which generated cards ship."""
    memo = NoteCache(tmp_path, "salt")
    assert _generated(NORTON, memo) == _generated(NORTON)
    stored = dict(memo.entries)
    after = _edited(edit)
    assert _generated(after, memo) == _generated(after)
    if edit == "card-verdict":
        assert _generated(after) != _generated(NORTON)  # a generated card ships that did not
    # the same record served both notes (its key is the prose's): the generator was not run for the edit
    assert [k for k in memo.entries if k.startswith("candidates:")] == [
        k for k in stored if k.startswith("candidates:")
    ]
    memo.save()
    again = NoteCache(tmp_path, "salt")
    assert _generated(after, again) == _generated(after)  # and read back from the file


def _project(root: Path) -> Path:
    write(root / "deckgen.toml", MINIMAL_TOML)
    write(root / "content" / "norton.md", NORTON)
    write(root / "content" / "other.md", NORTON.replace("id: norton-empathy", "id: other-essay"))
    write(root / "decks" / "d.yaml", "deck: D\nnotes: all\n")
    return root


def _lint_uncached(root: Path, where: Path) -> tuple[int, str]:
    """`deckgen lint` in a copy of ``root`` after ``rm -rf`` of every cache."""
    shutil.rmtree(where, ignore_errors=True)
    shutil.copytree(root, where)
    shutil.rmtree(where / ".deckgen-cache", ignore_errors=True)
    shutil.rmtree(where / "build" / ".deckgen-cache", ignore_errors=True)
    run = run_deckgen("lint", cwd=where)
    return run.returncode, run.stdout


def test_lint_after_each_kind_of_edit_matches_a_lint_without_cache(tmp_path: Path) -> None:
    root = _project(tmp_path / "proj")
    assert run_deckgen("build", cwd=root).returncode == 0
    for step, name in enumerate(("card", "card-verdict", "prose", "prose-generator", "card")):
        write(root / "content" / "norton.md", _edited(name))
        run = run_deckgen("lint", cwd=root, env={"PYTHONPROFILEIMPORTTIME": "1"})
        assert "Traceback" not in run.stderr, run.stderr
        assert (run.returncode, run.stdout) == _lint_uncached(root, tmp_path / "cold"), name
        imported_rules = "deckgen.cards.rules.ideas" in run.stderr
        if step == 0:  # curated from the candidates the build stored: no rule imported
            assert not imported_rules, name
            # printed without styles (stdout is a pipe): rich, which would print the same text, is not imported
            assert not re.search(r"\|\s+rich(\.|$)", run.stderr, re.M)
        if name == "prose-generator":
            assert imported_rules, name  # the generator ran again
    build = run_deckgen("build", cwd=root)
    assert build.returncode == 0, build.stderr
