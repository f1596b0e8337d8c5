"""Curation never costs a learner a card's history (a PM lead's try, in the real Anki engine).

- A generated card whose sentence was reworded keeps its first key; rejected under its new key and then taken back,
  it came back as a new card beside the learner's old one, and the build said the card had been retired because
  the note's text changed rather than because it was rejected.
- A curator who rewrites a generated card as their own card, asking its very question (the obvious way), gave
  learners a new card and retired the reviewed one, without a word on how to keep it.

Both fail on 41d3520.
"""

from __future__ import annotations

import re
from pathlib import Path

from ankiutil import import_apkg, open_collection, review, snapshot
from conftest import run_deckgen, write

NOTE = """---
id: aggregation-theory
title: Aggregation Theory
author: Ben Thompson
source: https://stratechery.com/2015/aggregation-theory/
tags: [strategy]
---
Ben Thompson's 2015 post on why the largest internet companies win.

## Central argument
The internet made distribution free. Value now goes to **aggregators**: companies that own the relationship with the user.

The central claim is that winning on the internet comes from controlling demand, not supply.

## Critique
The theory explains winners after the fact.

## Why it matters for product
A PM should ask who owns the user relationship in their market.

## Cards
"""


def _build(project: Path, epoch: int) -> str:
    built = run_deckgen("build", cwd=project, env={"SOURCE_DATE_EPOCH": str(epoch)})
    assert built.returncode == 0, built.stderr
    return built.stdout + built.stderr


def test_curation_keeps_the_history_of_a_reworded_generated_card(project: Path, tmp_path: Path) -> None:
    write(project / "deckgen.toml", '[project]\nname = "Test"\nnamespace = "test-namespace-0001"\n')  # no trivia
    write(project / "decks" / "all.yaml", "deck: All\nnotes: all\n")
    note = write(project / "content" / "agg.md", NOTE)
    _build(project, 1700000000)
    col = open_collection(tmp_path / "learner.anki2")
    try:
        assert import_apkg(col, project / "build" / "all.apkg").new == 1
        review(col, "All", 1)
        reviews = snapshot(col)["revlog"]
        assert reviews

        note.write_text(note.read_text().replace("winning on the internet", "success on the internet"))
        assert "0 added, 1 edited" in _build(project, 1700100000)  # the card keeps its first key
        assert (import_apkg(col, project / "build" / "all.apkg").new, len(snapshot(col)["notes"])) == (0, 1)

        rejected = run_deckgen("cards", "content/agg.md", "--reject", "g.source.success-internet", cwd=project)
        assert rejected.returncode == 0, rejected.stderr
        out = _build(project, 1700200000)
        assert "1 retired" in out and "[rejected: rejected in the note's front matter]" in out, out
        import_apkg(col, project / "build" / "all.apkg")

        note.write_text(re.sub(r"generate:\n  reject:[^\n]*\n", "", note.read_text()))  # the curator changes their mind
        assert "generate:" not in note.read_text()
        out = _build(project, 1700300000)
        assert "0 added" in out and "restored" in out, out
        assert import_apkg(col, project / "build" / "all.apkg").new == 0
        assert len(snapshot(col)["notes"]) == 1 and snapshot(col)["revlog"] == reviews

        # rewritten as the curator's own card, asking the same question with a better answer
        note.write_text(
            note.read_text() + "\nQ: According to Thompson's 'Aggregation Theory', where does success on the "
            "internet come from?\nA: From controlling demand: owning the user relationship, not the supply.\n"
        )
        out = _build(project, 1700400000)
        assert "0 added, 1 edited, 0 retired" in out, out
        log = import_apkg(col, project / "build" / "all.apkg")
        assert (log.new, log.updated) == (0, 1)
        after = snapshot(col)
        assert len(after["notes"]) == 1 and after["revlog"] == reviews
        (fields,) = [n["fields"] for n in after["notes"].values()]
        assert fields["Answer"] == "From controlling demand: owning the user relationship, not the supply."
        assert "0 added, 0 edited, 0 retired, 1 unchanged" in _build(project, 1700500000)  # and it stays put
    finally:
        col.close()
