"""One count of a deck's cards everywhere: what Anki shows the learner.

A card with ``Reverse: yes`` is two Anki cards, and a cloze card one per cloze number; the
site and ``deckgen plan`` counted them so while ``deckgen build`` counted the cards as
written, so a PM lead read 25 on the build and 26 on the site for the same deck.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import run_deckgen


def _deck_line(stdout: str, deck: str) -> int:
    match = re.search(rf"^{re.escape(deck)}: (\d+) cards", stdout, re.M)
    assert match, stdout
    return int(match.group(1))


def test_build_site_and_plan_count_a_reverse_and_a_two_cloze_card_as_anki_does(shipped: Path) -> None:
    note = shipped / "content" / "essays" / "norton-empathy.md"
    text = note.read_text(encoding="utf-8")
    card = "A: A set of concrete, learnable moves — not an attitude or a personality trait.\n"
    assert card in text
    cloze = "C: Norton says empathy is {{c1::a craft}} made of {{c2::learnable moves}}.\n\n"
    note.write_text(text.replace(card, card + "Reverse: yes\n", 1).replace("\nQ: ", "\n" + cloze + "Q: ", 1))

    built = run_deckgen("build", cwd=shipped)
    assert built.returncode == 0, built.stderr
    site = (shipped / "build" / "site" / "decks" / "foundations.html").read_text(encoding="utf-8")
    on_site = int(re.findall(r"(\d+) cards", site)[0])
    planned = run_deckgen("plan", "associate-pm", "--start", "2026-12-07", cwd=shipped)
    in_plan = int(re.search(r"Foundations \((\d+)\)", planned.stdout).group(1))  # type: ignore[union-attr]

    # 25 cards as written before the edit, one more written (the cloze): 26; Anki makes 28 of them
    assert _deck_line(built.stdout, "PM Onboarding::Foundations") == on_site == in_plan == 28
    # the no-op build reports the same figure from its record of the last build
    again = run_deckgen("build", cwd=shipped)
    assert _deck_line(again.stdout, "PM Onboarding::Foundations") == 28
