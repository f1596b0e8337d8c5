"""scripts/blind_eval.py: what the judge sees cannot tell the sources apart, and unblinding counts right."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("blind_eval", REPO / "scripts" / "blind_eval.py")
assert _spec and _spec.loader
blind_eval = importlib.util.module_from_spec(_spec)
sys.modules["blind_eval"] = blind_eval  # dataclasses look their module up here
_spec.loader.exec_module(blind_eval)


def test_normalising_hides_typography_and_clozes_become_blanks() -> None:
    q, a = blind_eval.as_question_answer(
        "cloze", "In Rumelt’s ‘Good Strategy’, bad strategy mistakes {{c1::**goals**}} for strategy.", ""
    )
    assert q == "In Rumelt's 'Good Strategy', bad strategy mistakes [...] for strategy."
    assert a == "goals"
    assert blind_eval.as_question_answer("qa", "What is  *it*?", "A “thing” — really") == (
        "What is it?",
        'A "thing" - really',
    )


def test_curator_cards_file_is_read_as_written(tmp_path: Path) -> None:
    cards = tmp_path / "n.cards"
    cards.write_text("Q: What?\nA: That.\n\nC: A {{c1::b}} c.\n", encoding="utf-8")
    assert blind_eval.curator_cards(cards) == [("qa", "What?", "That."), ("cloze", "A {{c1::b}} c.", "")]


def test_score_counts_tiers_per_source_and_coverage(tmp_path: Path) -> None:
    rows = [
        {"id": "C001", "note": "a.txt", "question": "q", "answer": "a", "source": "generated", "origin": "g.x"},
        {"id": "C002", "note": "a.txt", "question": "q", "answer": "a", "source": "generated", "origin": "g.y"},
        {"id": "C003", "note": "a.txt", "question": "q", "answer": "a", "source": "curator", "origin": "curator-1"},
    ]
    (tmp_path / "key.json").write_text(json.dumps({"rows": rows}))
    judge = {
        "ratings": [{"id": "C001", "tier": 3}, {"id": "C002", "tier": 0}, {"id": "C003", "tier": 2}],
        "key_ideas": {"a.txt": [{"idea": "i1", "cards": ["C001", "C003"]}, {"idea": "i2", "cards": ["C002"]}]},
    }
    (tmp_path / "judge.json").write_text(json.dumps(judge))
    report = blind_eval.score(tmp_path)
    assert "| generated | 2 | 1 | 0 | 0 | 1 | 1/2 = 50% |" in report
    assert "| curator | 1 | 0 | 0 | 1 | 0 | 1/1 = 100% |" in report
    assert "| a.txt | 1/2 = 50% | 1 | 1/1 = 100% | 2 |" in report
    assert "generated cards: T0 per 50: 25.0" in report


def test_two_generators_share_one_table_and_are_scored_apart(tmp_path: Path) -> None:
    """A card both generators ship is one row credited to both; each generator's figures count its own rows."""
    rows = [
        {
            "id": "C001",
            "note": "a.txt",
            "source": "generated",
            "origin": "rules:g.x spacy:g.x",
            "generators": "rules+spacy",
        },
        {"id": "C002", "note": "a.txt", "source": "generated", "origin": "rules:g.y", "generators": "rules"},
        {"id": "C003", "note": "a.txt", "source": "generated", "origin": "spacy:g.z", "generators": "spacy"},
        {"id": "C004", "note": "a.txt", "source": "curator", "origin": "curator-1", "generators": ""},
    ]
    for row in rows:
        row.update(question="q", answer="a")
    (tmp_path / "key.json").write_text(json.dumps({"parsers": ["rules", "spacy"], "rows": rows}))
    judge = {
        "ratings": [
            {"id": "C001", "tier": 3},
            {"id": "C002", "tier": 0},
            {"id": "C003", "tier": 2},
            {"id": "C004", "tier": 3},
        ],
        "key_ideas": {"a.txt": [{"idea": "i1", "cards": ["C001"]}, {"idea": "i2", "cards": ["C003", "C004"]}]},
    }
    (tmp_path / "judge.json").write_text(json.dumps(judge))
    report = blind_eval.score(tmp_path)
    assert "| generated (rules) | 2 | 1 | 0 | 0 | 1 | 1/2 = 50% |" in report
    assert "| generated (spacy) | 2 | 0 | 0 | 1 | 1 | 2/2 = 100% |" in report
    assert "| curator | 1 | 0 | 0 | 0 | 1 | 1/1 = 100% |" in report
    assert "| a.txt | 1/2 = 50% | 1 | 2/2 = 100% | 2 | 1/1 = 100% | 2 |" in report


def test_another_checkout_joins_the_table_under_its_own_name(tmp_path: Path) -> None:
    """``--code NAME=DIR`` runs that checkout's generator; a card both ship is one row credited to both."""
    notes = tmp_path / "notes"
    notes.mkdir()
    seed = next((REPO / "tests/fixtures/fresh/batch1").glob("*.txt"))
    (notes / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (notes / seed.with_suffix(".cards").name).write_text("Q: What?\nA: That.\n", encoding="utf-8")
    generators = blind_eval.generator_args(["rules"], [f"again={REPO}"])
    assert [(g.name, g.code) for g in generators] == [("rules", None), ("again", REPO.resolve())]
    with pytest.raises(SystemExit):
        blind_eval.generator_args([], [f"bad={tmp_path}"])  # not a deckgen checkout
    blind_eval.prep(notes, tmp_path / "run", 1, generators)
    key = json.loads((tmp_path / "run/key.json").read_text())
    assert key["parsers"] == ["rules", "again"]
    made = [r for r in key["rows"] if r["source"] == "generated"]
    assert made and all(r["generators"] == "rules+again" for r in made)  # same code, same cards, one row each
