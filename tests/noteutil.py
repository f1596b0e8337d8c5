"""Shared test helpers: the cards the default generator makes for a note written inline in a test, or for a
fresh fixture note imported as `deckgen import` does."""

from __future__ import annotations

from pathlib import Path

from deckgen.authoring.importers import convert
from deckgen.authoring.importing import render_note
from deckgen.cards.generate import note_cards
from deckgen.core.model import Card
from deckgen.sources.notes import parse_note

FRESH = Path(__file__).resolve().parent / "fixtures" / "fresh"


def generated_cards(text: str, path: str = "content/invented.md", cap: int = 30) -> dict[str, tuple[str, str]]:
    """Each generated card of the note ``text`` as key -> (front, back), with the per-note cap at ``cap``."""
    note = parse_note(text, path)
    return {c.key: (c.front, c.back) for c in note_cards(note, settings={"cap": cap}) if c.origin != "authored"}


def asked(text: str) -> dict[str, str]:
    """Each generated question of the note ``text`` without its context ('what is X?') -> its answer."""
    return {front.split("', ", 1)[-1]: back for front, back in generated_cards(text).values()}


def imported_cards(batch: str, pattern: str, note_id: str) -> list[Card]:
    """The generated cards (default settings) of the fresh note of ``batch`` whose file name matches ``pattern``,
    imported as `deckgen import` does under the id ``note_id``."""
    path = next((FRESH / batch).glob(pattern))
    note = parse_note(render_note(convert(path.read_text(encoding="utf-8"), path, path.name), note_id), path.name)
    return [c for c in note_cards(note) if c.origin != "authored"]


def imported_pairs(batch: str, pattern: str, note_id: str) -> list[tuple[str, str]]:
    """(front, back) of :func:`imported_cards`: what a shape test of a fresh batch looks through."""
    return [(c.front, c.back) for c in imported_cards(batch, pattern, note_id)]


def never_asked(
    batch: str, pattern: str, question: str = "", answer: str = "", *, others: bool = False
) -> list[tuple[str, str]]:
    """The (front, back) pairs of a fresh note (see :func:`imported_pairs`), asserting that none asks a question
    holding ``question`` or gives an answer holding ``answer`` (a refused shape) and, with ``others``, that the note
    still gives other cards (a refusal can leave a note none)."""
    pairs = imported_pairs(batch, pattern, f"{pattern.split('-')[0].strip('*')}-{batch}")
    assert pairs or not others, f"{pattern} of {batch} still gives its other cards"
    refused = [(f, b) for f, b in pairs if (question and question in f) or (answer and answer in b)]
    assert not refused, refused
    return pairs


def not_asked(batch: str, pattern: str, question: str = "", answer: str = "") -> list[tuple[str, str]]:
    """:func:`never_asked` for a note that keeps other generated cards."""
    return never_asked(batch, pattern, question, answer, others=True)


def central_asked(text: str, note_id: str = "central") -> dict[str, str]:
    """:func:`asked` of an Okafor harbour note (:func:`harbour_note`) whose central argument is ``text``."""
    return asked(harbour_note(note_id, f"## Central argument\n{text}\n"))


def critique_asked(text: str, note_id: str = "critique") -> dict[str, str]:
    """:func:`asked` of an Okafor harbour note (:func:`harbour_note`) whose critique is ``text``."""
    return asked(harbour_note(note_id, f"## Critique\n{text}\n"))


def harbour_note(note_id: str, body: str, title: str = "Harbours Under Strain") -> str:
    """An invented note by Ada Okafor on crowded harbours: the front matter and blurb, then ``body`` (its sections)."""
    return (
        f"---\nid: {note_id}\ntitle: {title}\nauthor: Ada Okafor\n---\nOkafor's lectures on crowded harbours.\n\n{body}"
    )


def scoring_note(note_id: str, *items: str) -> str:
    """An invented note by Ines Calloway on a model for scoring product ideas: its central argument is ``items``,
    one bulleted definition each ('**Reach** is …')."""
    bullets = "".join(f"- {item}\n" for item in items)
    return (
        f"---\nid: {note_id}\ntitle: Scoring Ideas\nauthor: Ines Calloway\n---\n"
        f"Calloway describes a scoring model for ranking product ideas.\n\n## Central argument\n{bullets}"
    )
