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
