"""deckgen's Anki note types, and how a card fills their fields.

The *schema* of a shipped note type (id, kind, field names and order, template names
and count) is frozen forever: any change makes Anki fork it into "Name+" for every
learner and stop delivering updates (CONTRIBUTING.md, "What Anki does on import").
``tests/test_notetypes.py`` pins it. Template text and CSS may change; their ``mod``
comes from the lockfile so the change reaches learners.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal
from urllib.parse import quote

from deckgen.anki.render import ImageResolver, escape, inert, render_markdown
from deckgen.core.model import Card, Note

QA_MODEL_ID = 1_607_392_301
CLOZE_MODEL_ID = 1_607_392_302


@dataclass(frozen=True)
class Template:
    """One card template: its frozen name and its (changeable) front and back HTML."""

    name: str
    qfmt: str
    afmt: str


@dataclass(frozen=True)
class NoteType:
    """A note type as shipped: frozen schema plus templates and CSS."""

    id: int
    name: str
    kind: Literal["standard", "cloze"]
    fields: tuple[str, ...]
    templates: tuple[Template, ...]
    css: str

    def schema(self) -> tuple[object, ...]:
        """The parts Anki uses to decide whether two note types are the same."""
        return (self.id, self.kind, self.fields, tuple(t.name for t in self.templates))


_HEADER = '<div class="dg-context">{{Context}}</div>\n{{#Status}}<div class="dg-status">{{Status}}</div>{{/Status}}\n'
_FOOTER = (
    '{{#Extra}}<div class="dg-extra">{{Extra}}</div>{{/Extra}}\n'
    '{{#Source}}<div class="dg-source">{{Source}}</div>{{/Source}}'
)


@lru_cache(maxsize=1)
def card_css() -> str:
    """The CSS shared by every deckgen note type."""
    return resources.files("deckgen.anki").joinpath("card.css").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def note_types() -> tuple[NoteType, NoteType]:
    """The two shipped note types: question/answer (with optional reverse) and cloze."""
    qa = NoteType(
        id=QA_MODEL_ID,
        name="deckgen Q/A",
        kind="standard",
        fields=("Question", "Answer", "Context", "Source", "Extra", "Status", "Reverse", "DeckgenId"),
        templates=(
            Template(
                "Forward",
                _HEADER + '<div class="dg-question">{{Question}}</div>',
                '{{FrontSide}}\n<hr id="answer">\n<div class="dg-answer">{{Answer}}</div>\n' + _FOOTER,
            ),
            Template(
                "Reverse",
                "{{#Reverse}}" + _HEADER + '<div class="dg-question">{{Answer}}</div>{{/Reverse}}',
                '{{FrontSide}}\n<hr id="answer">\n<div class="dg-answer">{{Question}}</div>\n' + _FOOTER,
            ),
        ),
        css=card_css(),
    )
    cloze = NoteType(
        id=CLOZE_MODEL_ID,
        name="deckgen Cloze",
        kind="cloze",
        fields=("Text", "Extra", "Context", "Source", "Status", "DeckgenId"),
        templates=(
            Template(
                "Cloze",
                _HEADER + '<div class="dg-cloze">{{cloze:Text}}</div>',
                _HEADER + '<div class="dg-cloze">{{cloze:Text}}</div>\n' + _FOOTER,
            ),
        ),
        css=card_css(),
    )
    return qa, cloze


def note_type_for(card: Card) -> NoteType:
    """The note type a card is shipped as."""
    qa, cloze = note_types()
    return cloze if card.kind == "cloze" else qa


def context_line(note: Note) -> str:
    """The small line above every question: essay and author."""
    return _context_line(note.title, note.author)


def source_html(note: Note) -> str:
    """The source as a link (http(s) only) or as plain text."""
    return _source_html(note.title, note.author, note.source)


# Every card of a note has the same context and source: each is escaped once per note, not per card.
@lru_cache(maxsize=64)
def _context_line(title: str, author: str) -> str:
    parts = [title] + ([author] if author else [])
    return escape(" · ".join(parts))


@lru_cache(maxsize=64)
def _source_html(title: str, author: str, source: str) -> str:
    label = escape(title + (f" — {author}" if author else ""))
    if source.startswith(("https://", "http://")):
        # characters a URL cannot hold raw (backslash, brackets, braces, quotes) are percent-encoded,
        # so no Anki or MathJax syntax survives in the attribute either
        href = html.escape(quote(source, safe=":/?#@!$&'()*+,;=%~-._"), quote=True)
        return inert(f'<a href="{href}">{label}</a>')
    return label


def card_fields(card: Card, note: Note, status: str = "", images: ImageResolver | None = None) -> tuple[str, ...]:
    """The HTML of every field of ``card``'s note type, in schema order (``images``: see render)."""
    common = {
        "Context": context_line(note),
        "Source": source_html(note),
        "Extra": render_markdown(card.extra, images),
        "Status": escape(status),
        "DeckgenId": escape(card.shipped_as or card.uid),
    }
    if card.kind == "cloze":
        values = {"Text": render_markdown(card.front, images, cloze=True), **common}
    else:
        values = {
            "Question": render_markdown(card.front, images),
            "Answer": render_markdown(card.back, images),
            "Reverse": "y" if card.reverse else "",
            **common,
        }
    return tuple(map(values.__getitem__, note_type_for(card).fields))
