"""One rulebook: the generator's gate is lint's own rules (deckgen.core.cardrules) at stricter settings.

A card the gate lets through never draws a lint error of the rules the gate enforces (nor
an L2 length warning), at lint's default settings: generated cards ship lint-clean by
construction, not by two implementations happening to agree.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from deckgen.cards.generate import authored_cards
from deckgen.cards.rules.text import GATE_RULES, hard_problems
from deckgen.core.cardrules import LintSettings, check_card
from deckgen.core.errors import ConfigError
from deckgen.core.model import Card, Note
from deckgen.quality.settings import lint_settings
from deckgen.sources.notes import parse_note

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]


def _notes() -> list[Note]:
    return [parse_note(p.read_text(encoding="utf-8"), p.name) for p in sorted((ROOT / "content").rglob("*.md"))]


def _curator_cards() -> list[tuple[str, str, str]]:
    """(kind, front, back) of the fresh batches' curator cards: other writers, other shapes."""
    cards: list[tuple[str, str, str]] = []
    for path in sorted((FIXTURES / "fresh").glob("batch[1-6]/*.cards")):  # measured batches; batch7 is held back
        question = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("Q:"):
                question = line[2:].strip()
            elif line.startswith("A:") and question:
                cards.append(("basic", question, line[2:].strip()))
            elif line.startswith("C:"):
                cards.append(("cloze", line[2:].strip(), ""))
    return cards


def _variants(kind: str, front: str, back: str) -> list[tuple[str, str, str]]:
    """The card and the ways a generator gets one wrong: padded, truncated, echoed, yes/no, statement."""
    if kind == "cloze":
        found = re.search(r"\{\{c\d+::(.*?)\}\}", front)
        shown = [front + " " + found.group(1)] if found else []
        return [(kind, v, "") for v in [front, front + " " + front, front + " " + " ".join(["word"] * 30), *shown]]
    return [
        (kind, front, back),
        (kind, "Is " + front[0].lower() + front[1:], back),
        (kind, front.rstrip("?") + ".", back),
        (kind, front, front),
        (kind, front, "No"),
        (kind, front, back + " " + back + " " + back),
        (kind, front + " " + back, back),
        (kind, front + " " + " ".join(["more"] * 12), back),
        (kind, front, ""),
    ]


def test_a_card_the_gate_passes_draws_no_lint_finding_of_the_gate_rules() -> None:
    checked = passed = 0
    notes = _notes()
    pairs = [(note, (c.kind, c.front, c.back)) for note in notes for c in authored_cards(note)[0]]
    pairs += [(notes[i % len(notes)], card) for i, card in enumerate(_curator_cards())]
    for note, (kind0, front0, back0) in pairs:
        if True:
            for kind, front, back in _variants(kind0, front0, back0):
                candidate = Card(
                    note_id=note.id, key="k", kind="cloze" if kind == "cloze" else "basic", front=front, back=back
                )
                checked += 1
                if hard_problems(candidate, note):
                    continue
                passed += 1
                # errors of the gate's rules, and L2 (length) at any severity; an answer of 16-25 words
                # keeps lint's L1 warning (the gate's limit is lint's error limit, 25)
                lint = [
                    i
                    for i in check_card(candidate, note, LintSettings())
                    if i.rule in GATE_RULES and (i.severity == "error" or i.rule == "L2")
                ]
                assert not lint, (front, back, lint)
    assert checked > 500 and 0 < passed < checked, (checked, passed)


def test_the_gate_reports_lint_rule_ids() -> None:
    note = _notes()[0]
    card = Card(note_id=note.id, key="k", kind="basic", front="Does it matter?", back="Yes")
    assert {p.split(":")[0] for p in hard_problems(card, note)} >= {"L4"}


def test_the_gate_strictness_is_not_a_project_lint_setting() -> None:
    with pytest.raises(ConfigError, match="unknown setting 'strict'"):
        lint_settings({"strict": 1})
