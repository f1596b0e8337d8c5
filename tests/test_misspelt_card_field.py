"""A misspelt card field ('Exrta:') is an error at its line, not more of the answer.

Found by the PM-lead helper: 'Exrta: from the last section' under an answer shipped as the
answer's second line; lint only warned that the answer had two sentences.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_deckgen, write

NOTE = """\
---
id: n
title: Notes
author: Ada Example
---
Blurb.

## Cards

Q: In Example's 'Notes', what comes first?
A: Small, frequent releases.
{line}
"""


@pytest.mark.parametrize(
    ("line", "field"),
    [("Exrta: from the last section", "Extra"), ("extra: from the last section", "Extra"), ("Revers: yes", "Reverse")],
)
def test_a_misspelt_field_inside_a_card_is_named_with_the_field_it_meant(project: Path, line: str, field: str) -> None:
    write(project / "content" / "n.md", NOTE.format(line=line))
    write(project / "decks" / "all.yaml", "deck: Test::All\nnotes: all\n")
    done = run_deckgen("lint", cwd=project)
    assert done.returncode == 1
    key = line.split(":")[0]
    assert f"content/n.md:12:1: card-syntax: '{key}:' is not a card field, so this line is read as more of 'A:'" in (
        done.stdout + done.stderr
    )
    assert f"write '{field}:'" in done.stdout + done.stderr


def test_an_answer_line_that_only_looks_like_a_field_is_left_alone(project: Path) -> None:
    write(project / "content" / "n.md", NOTE.format(line="Example: shipping weekly."))
    write(project / "decks" / "all.yaml", "deck: Test::All\nnotes: all\n")
    done = run_deckgen("lint", cwd=project)
    assert "card-syntax" not in done.stdout + done.stderr


def test_a_cloze_right_below_an_answer_is_told_it_needs_a_blank_line(project: Path) -> None:
    # the commonest way to get 'C:' and 'Q:'/'A:' in one block is a missing blank line between two cards
    write(project / "content" / "n.md", NOTE.format(line="C: Ship {{c1::small}} and often."))
    write(project / "decks" / "all.yaml", "deck: Test::All\nnotes: all\n")
    done = run_deckgen("lint", cwd=project)
    assert "a card has both 'C:' (cloze) and 'Q:'/'A:'" in done.stdout + done.stderr
    assert "if these are two cards, put a blank line between them" in done.stdout + done.stderr
