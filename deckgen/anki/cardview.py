"""Render a card's front and back from its note type's templates, as Anki would.

Supports the template syntax deckgen's note types use: ``{{Field}}``, ``{{#Field}}…{{/Field}}``,
``{{^Field}}…{{/Field}}``, ``{{FrontSide}}``, ``{{cloze:Field}}`` and ``{{text:Field}}``.
Field values are already safe HTML (deckgen.anki.render escaped them), so they are inserted as
they are: escaping them again would show ``&lt;b&gt;`` where the author wrote ``<b>``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from deckgen.anki.notetypes import NoteType

_TAG_RE = re.compile(r"\{\{\s*([#^/]?)\s*(.*?)\s*\}\}", re.DOTALL)
_CLOZE_RE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_HTML_TAG_RE = re.compile(r"<[^>]*>")
# Anki treats a field as empty when only whitespace (and line breaks) remain.
_EMPTY_RE = re.compile(r"^(?:\s|&nbsp;|<br\s*/?>|<div>\s*</div>)*$", re.IGNORECASE)


class TemplateError(ValueError):
    """A template uses syntax deckgen cannot render (a bug in deckgen's own note types)."""


@dataclass(frozen=True)
class RenderedCard:
    """One Anki card of a note: which template (and cloze number), front and back HTML."""

    template: str
    ordinal: int  # cloze number, or template position + 1
    front: str
    back: str


def is_empty(value: str) -> bool:
    """Whether Anki would treat a field value as empty."""
    return bool(_EMPTY_RE.match(value))


@dataclass(frozen=True)
class _Var:
    name: str
    field: str = ""  # the field it reads, after its filters (split once, when the template is parsed)
    filters: tuple[str, ...] = ()  # applied last to first

    @staticmethod
    def of(name: str) -> _Var:
        filters, _, field = name.rpartition(":")
        return _Var(name, field, tuple(reversed([f for f in filters.split(":") if f])))


@dataclass(frozen=True)
class _Section:
    name: str
    inverted: bool
    children: list[_Node]


_Node = str | _Var | _Section


@functools.lru_cache(maxsize=64)
def _parse(template: str) -> list[_Node]:
    """Template text to a tree of text, field references and (inverted) sections (cached: a few templates serve every card)."""
    root: list[_Node] = []
    stack: list[tuple[str, list[_Node]]] = [("", root)]
    position = 0
    for match in _TAG_RE.finditer(template):
        stack[-1][1].append(template[position : match.start()])
        position = match.end()
        sigil, name = match.group(1), match.group(2)
        if sigil in ("#", "^"):
            children: list[_Node] = []
            stack[-1][1].append(_Section(name, sigil == "^", children))
            stack.append((name, children))
        elif sigil == "/":
            if len(stack) == 1 or stack[-1][0] != name:
                raise TemplateError(f"unexpected {{{{/{name}}}}}")
            stack.pop()
        else:
            stack[-1][1].append(_Var.of(name))
    if len(stack) != 1:
        raise TemplateError(f"{{{{#{stack[-1][0]}}}}} is never closed")
    stack[-1][1].append(template[position:])
    return root


def render_cloze(text: str, ordinal: int, answer: bool) -> str:
    """Anki's ``{{cloze:…}}``: the active deletion hidden (front) or highlighted (back)."""

    def replace(match: re.Match[str]) -> str:
        number, content, hint = int(match.group(1)), match.group(2), match.group(3)
        if number != ordinal:
            return content
        if answer:
            return f'<span class="cloze">{content}</span>'
        return f'<span class="cloze">[{hint if hint else "..."}]</span>'

    return _CLOZE_RE.sub(replace, text)


def cloze_ordinals(text: str) -> list[int]:
    """The cloze numbers used in ``text``, ascending: one Anki card each."""
    return sorted({int(n) for n, _, _ in _CLOZE_RE.findall(text)})


def render_template(
    template: str, fields: Mapping[str, str], *, front_side: str = "", ordinal: int = 1, answer: bool = False
) -> str:
    """Fill ``template`` with ``fields`` (safe HTML, inserted unescaped)."""
    return _walk(_parse(template), fields, front_side, ordinal, answer)


# Module functions, not closures: a recursive closure is a reference cycle per call, garbage
# that only the cyclic collector frees (the build pauses it; a site preview renders thousands).
def _value(var: _Var, fields: Mapping[str, str], front_side: str, ordinal: int, answer: bool) -> str:
    if var.name == "FrontSide":
        return front_side
    field = var.field
    if field not in fields:
        raise TemplateError(f"unknown field {field!r}")
    text = fields[field]
    for filter_name in var.filters:
        if filter_name == "cloze":
            text = render_cloze(text, ordinal, answer)
        elif filter_name == "text":
            text = _HTML_TAG_RE.sub("", text)
        else:
            raise TemplateError(f"unsupported filter {filter_name!r}")
    return text


def _walk(nodes: Sequence[_Node], fields: Mapping[str, str], front_side: str, ordinal: int, answer: bool) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, _Var):
            out.append(_value(node, fields, front_side, ordinal, answer))
        elif is_empty(fields.get(node.name, "")) == node.inverted:
            out.append(_walk(node.children, fields, front_side, ordinal, answer))
    return "".join(out)


@functools.lru_cache(maxsize=16)
def _cloze_fields(qfmt: str) -> list[str]:
    return re.findall(r"\{\{cloze:(\w+)\}\}", qfmt)


def render_note(note_type: NoteType, values: Sequence[str]) -> list[RenderedCard]:
    """Every card Anki would make from a note: one per template with a non-empty front, or per cloze number."""
    fields = dict(zip(note_type.fields, values))
    cards: list[RenderedCard] = []
    if note_type.kind == "cloze":
        template = note_type.templates[0]
        text = " ".join(fields.get(name, "") for name in _cloze_fields(template.qfmt))
        for ordinal in cloze_ordinals(text) or [1]:
            front = render_template(template.qfmt, fields, ordinal=ordinal)
            back = render_template(template.afmt, fields, front_side=front, ordinal=ordinal, answer=True)
            cards.append(RenderedCard(template.name, ordinal, front, back))
        return cards
    for position, template in enumerate(note_type.templates, 1):
        front = render_template(template.qfmt, fields)
        if is_empty(_HTML_TAG_RE.sub("", front)):
            continue  # Anki does not generate a card whose front is empty
        back = render_template(template.afmt, fields, front_side=front, answer=True)
        cards.append(RenderedCard(template.name, position, front, back))
    return cards
