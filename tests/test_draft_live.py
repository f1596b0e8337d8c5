"""Opt-in: ``deckgen draft`` against a real OpenAI-compatible server (Ollama, llama.cpp, llama-cpp-python, vLLM).

Skipped unless DECKGEN_LLM_URL is set, e.g.::

    DECKGEN_LLM_URL=http://localhost:11434/v1 DECKGEN_LLM_MODEL=llama3.2 python -m pytest -m llm

Optional: DECKGEN_LLM_KEY, DECKGEN_LLM_FORMAT (json_schema, json_object or none; use
json_object for llama-cpp-python), DECKGEN_LLM_TIMEOUT (seconds; default 600: small CPU
models are slow) and DECKGEN_LLM_MAX_TOKENS (default 500, so a looping model stops).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import write
from test_draft_cli import DECK, NOTE, blocks_with

from deckgen.authoring.draft import quote_in_note, source_text
from deckgen.cards.generate import note_cards
from deckgen.sources.notes import parse_note

URL = os.environ.get("DECKGEN_LLM_URL", "")
pytestmark = [
    pytest.mark.llm,
    pytest.mark.skipif(not URL, reason="set DECKGEN_LLM_URL to a local OpenAI-compatible server"),
]


def test_a_real_model_drafts_cards_that_the_note_supports(cli: Callable[..., Any], project: Path) -> None:
    write(project / "content" / "norton.md", NOTE)
    write(project / "decks" / "essays.yaml", DECK)
    env = {
        "DECKGEN_AI_BASE_URL": URL,
        "DECKGEN_AI_MODEL": os.environ.get("DECKGEN_LLM_MODEL", "default"),
        "DECKGEN_AI_API_KEY": os.environ.get("DECKGEN_LLM_KEY", ""),
        "DECKGEN_AI_RESPONSE_FORMAT": os.environ.get("DECKGEN_LLM_FORMAT", "json_schema"),
        "DECKGEN_AI_TIMEOUT": os.environ.get("DECKGEN_LLM_TIMEOUT", "600"),
        "DECKGEN_AI_MAX_TOKENS": os.environ.get("DECKGEN_LLM_MAX_TOKENS", "500"),
    }
    before = (project / "content" / "norton.md").read_text(encoding="utf-8")
    result = cli("draft", "content/norton.md", "--max-cards", "2", cwd=project, env=env)
    text = (project / "content" / "norton.md").read_text(encoding="utf-8")
    if result.exit_code != 0:
        # a weak model may fail twice to follow the schema: that must be a clear error, note untouched
        assert "llm:" in result.stderr, result
        assert text == before
        return
    note = parse_note(text, "content/norton.md")
    drafts = blocks_with(text, "draft")
    assert len(drafts) <= 2
    for draft in drafts:  # every written draft is backed by a verbatim quote from the note
        assert quote_in_note(draft["Quote"], source_text(note)), draft
    assert len(note_cards(note)) == len(note_cards(parse_note(before, "content/norton.md")))  # nothing ships yet
    assert cli("build", cwd=project).exit_code == 0
