"""A note's front-matter errors and its card errors come in one report.

Found by the PM-lead helper: a misspelt front-matter key ('auther:') hid the same note's card
errors (a question with no answer, a broken cloze), so the PM lead fixed one, rebuilt, and only
then met the next. Build, lint and ``deckgen cards`` now list them together, each at its line,
and still write nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_deckgen, write

NOTE = """\
---
id: x
title: X
{meta}
---
Blurb.

## Cards

Q: In Example's 'X', what is it?

C: In Example's 'X', Norton says {{{{c1::craft
"""

CARD_ERRORS = (
    "content/x.md:10:1: card-syntax: card has a question but no answer",
    "content/x.md:12:1: card-syntax: cloze card has no deletion",
)


@pytest.mark.parametrize(
    ("meta", "front_matter_error"),
    [
        ("auther: Ada", "content/x.md:4:1: unknown-key: unknown front-matter key 'auther'"),
        ("author: [Ada", "content/x.md:4"),  # front matter that is not YAML at all
    ],
)
@pytest.mark.parametrize("command", [("build",), ("lint",), ("cards", "content/x.md")])
def test_front_matter_and_card_errors_are_reported_together(
    project: Path, command: tuple[str, ...], meta: str, front_matter_error: str
) -> None:
    write(project / "content" / "x.md", NOTE.format(meta=meta))
    write(project / "decks" / "all.yaml", "deck: Test::All\nnotes: all\n")
    for _ in range(2):  # the second time from the build's memo of the note
        done = run_deckgen(*command, cwd=project)
        assert done.returncode == 1
        out = done.stdout + done.stderr
        assert front_matter_error in out, out
        for error in CARD_ERRORS:
            assert error in out, out
        assert "Traceback" not in out
    assert not (project / "build").exists() or not list((project / "build").glob("*.apkg"))


def test_card_lines_as_a_pm_lead_types_them_get_the_fix_they_need(tmp_path: Path) -> None:
    """A PM lead's try: an indented 'A:' line was told "write 'A:' instead of 'A:'" at the question's line; '**Q:**'
    (as Notion and Obsidian users type it) was told 'a blank line ends a card'; an empty 'A:' was told to add the
    'A:' line that was there. Each now says what is wrong, at its own line. Fails on 368af27."""
    root = tmp_path / "p"
    write(
        root / "deckgen.toml",
        '[project]\nname = "T"\nnamespace = "test-namespace-0001"\n\n[generate]\nenabled = false\n',
    )
    write(root / "decks" / "all.yaml", "deck: All\nnotes: all\n")
    cards = "Q: What is one?\n   A: The first.\n\nQ: What is three?\nA:\n\nQ: What is four?\n**A**: The fourth.\n"
    write(root / "content" / "a.md", f"---\nid: a\ntitle: Alpha\n---\nText.\n\n## Cards\n\n{cards}")
    out = run_deckgen("lint", cwd=root).stdout
    assert (
        "a.md:10:1: card-syntax: the 'A:' line is indented, so it is read as more of the question — start the line "
        "with 'A:' (no spaces before it)" in out
    ), out
    assert "a.md:13:1: card-syntax: card has an empty answer — write the answer after 'A:'" in out
    assert "a.md:16:1: card-syntax: '**A**:' is emphasised, so it is read as more of the question" in out
    assert "instead of 'A:'" not in out
    write(
        root / "content" / "a.md", "---\nid: a\ntitle: Alpha\n---\nText.\n\n## Cards\n\n**Q:** What is two?\nA: Two.\n"
    )
    out = run_deckgen("lint", cwd=root).stdout
    assert (
        "a.md:9:1: card-syntax: '**Q:**' is emphasised, so this is text, not a card field — write 'Q:' with no '**'"
        in out
    )
    assert "a blank line ends a card" not in out
