"""Markdown to safe HTML for card fields.

Anki renders fields with scripts enabled, so raw HTML in a note is never passed through:
markdown-it runs with ``html`` off (raw tags become text), links are limited to
http(s) and mailto, and an image is kept only when it is a local file the caller's
resolver accepts (deckgen.sources.media confines it to the project); otherwise its alt text shows.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # markdown-it loads on the first render: lint's checks and a replayed build never need it
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

ImageResolver = Callable[[str], str | None]

_SAFE_LINK_RE = re.compile(r"^(https?:|mailto:)", re.IGNORECASE)
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Characters that can start Markdown syntax; text without any of them is rendered by
# escaping alone, which is ~50x cheaper than a full parse and gives identical output.
_MARKDOWN_CHARS_RE = re.compile(r"[\\`*_\[\]<>&!~|#\n]|^\s*([-+>]|\d+[.)])\s|^\s{4}|^[=-]+$")
_BARE_MARKER_RE = re.compile(r"^\s*([-+*>]|\d+[.)])\s*$")  # a list item or quote with nothing in it


def _is_local(url: str) -> bool:
    """A relative path: no scheme, not absolute, not protocol-relative."""
    url = url.strip()
    return bool(url) and not _SCHEME_RE.match(url) and not url.startswith(("/", "\\"))


def _validate_link(url: str) -> bool:
    # Local paths parse (images need them); _confine then unwraps local *links*.
    return bool(_SAFE_LINK_RE.match(url.strip())) or _is_local(url)


def _confine(state: StateCore) -> None:
    """Keep only http(s)/mailto links and resolver-approved local images."""
    resolver: ImageResolver | None = state.env.get("images") if isinstance(state.env, dict) else None
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        kept: list[Token] = []
        dropped_links: list[bool] = []  # one entry per open link: was it unwrapped?
        for token in block.children:
            if token.type == "link_open":
                drop = not _SAFE_LINK_RE.match(str(token.attrGet("href") or ""))
                dropped_links.append(drop)
                if drop:
                    continue
            elif token.type == "link_close":
                if dropped_links and dropped_links.pop():
                    continue
            elif token.type == "image":
                src = str(token.attrGet("src") or "")
                name = resolver(src) if resolver is not None and _is_local(src) else None
                if name is None:
                    kept.extend(token.children or ())  # the alt text, as formatted text
                    continue
                token.attrSet("src", name)
            kept.append(token)
        block.children = kept


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _validate_link  # type: ignore[method-assign]
    md.core.ruler.push("deckgen_confine", _confine)
    return md


# What :func:`escape` changes: the characters html.escape and the quote replacement rewrite, and
# those :func:`inert` looks for (_SYNTAX_START_RE). Text without any is returned as it is
# (a card's id, most titles): the same string, without three replacements and a search.
_ESCAPED_RE = re.compile(r'[&<>"\\\[{}]')


def escape(text: str) -> str:
    """Escape plain text for an HTML field, the same way markdown-it does, and make it inert for Anki."""
    if not _ESCAPED_RE.search(text):
        return text
    return inert(html.escape(text, quote=False).replace('"', "&quot;"))


# --- Anki-interpreted syntax ----------------------------------------------------------------
#
# Anki reads more than HTML in a field: ``{{c1::…}}`` clozes, ``[sound:…]``, ``[anki:tts]``,
# ``[latex]``/``[$]``/``[$$]`` and MathJax ``\( \) \[ \]`` (whose ``\href`` accepts javascript:
# URLs). Clients differ: Anki up to 2.1.55 (and the mobile clients of that age) render the
# *inactive* clozes of a card as plain text, so pieces from both sides of a deletion join
# (``{{c1::a\\}}(\href…{{c1::b\\}})`` becomes ``a\(\href…b\)``). So the output is checked in
# the worst view every client could produce: every cloze marker removed and hints dropped,
# plus each hint on its own (hints are shown inside a tag). Only the characters that start
# one of these constructs in that view are changed, so other cards keep their exact bytes:
# a ``[`` or brace becomes its character reference (Anki matches these on the raw HTML), and
# a backslash before a bracket gets an empty element after it (MathJax reads the decoded
# text, and a delimiter cannot span an element).
_TAG_RE = re.compile(r"<[^>]*>")
_CLOZE_OPEN_RE = re.compile(r"\{\{c(\d{1,3})::")
MAX_CLOZE = 500  # Anki makes one card per number; beyond this nobody writes clozes on purpose
_DANGER_RE = re.compile(
    r"(?P<mathjax>\\(?=[()\[\]]))"
    r"|(?P<bracket>\[(?=sound:|/?anki:|/?latex\]|/?\$\$?\]))"
    r"|(?P<open>\{(?=\{))|(?P<close>\}(?=\}))",
    re.IGNORECASE,
)
_COLONS_RE = re.compile(r":(?=:)")
_SYNTAX_START_RE = re.compile(r"[\\\[{}]")  # a backslash, "[", "{" or "}"


def _atoms(rendered: str, cloze: bool) -> list[tuple[str, str]]:
    """Split HTML into (role, text) atoms: tag, text, content, hint, or a cloze marker (open/sep/close)."""
    atoms: list[tuple[str, str]] = []
    state = "text"  # text, content (inside a deletion) or hint (after its '::')
    for chunk in re.split(r"(<[^>]*>)", rendered):
        if not chunk:
            continue
        if chunk.startswith("<") and chunk.endswith(">"):
            atoms.append(("tag", chunk))
            continue
        position = 0
        while cloze and position < len(chunk):
            if state == "text":
                match = _CLOZE_OPEN_RE.search(chunk, position)
                while match and not 1 <= int(match.group(1)) <= MAX_CLOZE:
                    match = _CLOZE_OPEN_RE.search(chunk, match.start() + 1)
                if match is None:
                    break
                atoms.append(("text", chunk[position : match.start()]))
                atoms.append(("open", match.group(0)))
                position, state = match.end(), "content"
                continue
            close = chunk.find("}}", position)
            sep = chunk.find("::", position) if state == "content" else -1
            if close < 0 and sep < 0:
                break
            if sep >= 0 and (close < 0 or sep < close):
                atoms.append(("content", chunk[position:sep]))
                atoms.append(("sep", "::"))
                position, state = sep + 2, "hint"
            else:
                atoms.append((state, chunk[position:close]))
                atoms.append(("close", "}}"))
                position, state = close + 2, "text"
        atoms.append((state, chunk[position:]))
    if state != "text":
        # An unclosed deletion is no deletion at all: its markers become plain text.
        return _atoms(_escape_markers(rendered), cloze=False)
    return [a for a in atoms if a[1]]


def _escape_markers(rendered: str) -> str:
    return re.sub(r"\{(?=\{)", "&#123;", rendered)


def inert(rendered: str, cloze: bool = False) -> str:
    """``rendered`` HTML with every Anki-interpreted construct (MathJax, cloze, template, sound,
    TTS, LaTeX) turned into text, for every client; with ``cloze``, well-formed ``{{cN::…}}``
    deletions outside tags are kept (one level, no nesting)."""
    if not _SYNTAX_START_RE.search(rendered):  # every construct starts with one of these
        return rendered  # the common case: nothing Anki could read as syntax
    atoms = _atoms(rendered, cloze)
    marks: dict[tuple[int, int], str] = {}  # (atom, offset) -> "entity" or "break"

    def scan(indices: list[int], wrap: bool = False) -> None:
        # ``wrap``: a hint, which every client shows as "[hint]" with no tag in between
        where: list[tuple[int, int] | None] = [None] if wrap else []
        for index in indices:
            where.extend((index, offset) for offset in range(len(atoms[index][1])))
        text = "".join(atoms[index][1] for index in indices)
        if wrap:
            text, where = f"[{text}]", [*where, None]
        for match in _DANGER_RE.finditer(text):
            start = match.start()
            if where[start] is None:  # the client's own "[": escape the hint's first character
                start += 1
            spot = where[start]
            if spot is None:
                continue
            if match.lastgroup == "mathjax":
                if atoms[spot[0]][0] != "tag":  # MathJax reads text, never attributes
                    marks[spot] = "break"
            else:
                marks[spot] = "entity"

    # the old clients' inactive-cloze view: markers gone, hints dropped
    scan([i for i, (role, _) in enumerate(atoms) if role in ("text", "content", "tag")])
    for i, (role, value) in enumerate(atoms):
        if role == "hint":
            scan([i], wrap=True)
        if role in ("content", "hint"):  # a second '::' would end the text (or the hint) early
            for match in _COLONS_RE.finditer(value):
                marks[(i, match.start())] = "entity"
    if not marks:
        return "".join(value for _, value in atoms)
    out: list[str] = []
    touched = {index for index, _ in marks}
    for i, (_role, value) in enumerate(atoms):
        if i not in touched:
            out.append(value)
            continue
        chars = list(value)
        for offset, char in enumerate(chars):
            kind = marks.get((i, offset))
            if kind == "break":
                chars[offset] = char + "<span></span>"
            elif kind == "entity":
                chars[offset] = f"&#{ord(char)};"
        out.append("".join(chars))
    return "".join(out)


# Every tag render_markdown, escape and the note types' field helpers can write (markdown-it with raw HTML off,
# links confined to http(s)/mailto, images to packaged media names, inert's empty <span>): a field holding any
# other tag, or an attribute outside these, was not written by deckgen.
_FIELD_TAG_RE = re.compile(
    r"</?(?:p|em|strong|code|pre|blockquote|ul|ol|li|h[1-6]|span)>"
    r"|<(?:hr|br) />"
    r'|<p class="dg-release">'  # a deck description's release line (deckgen.builder.release)
    r'|<ol start="\d{1,9}">'
    r'|<code class="language-[^"<>\s]*">'
    r'|<a href="(?:https?:|mailto:)[^"<>]*"(?: title="[^"<>]*")?>|</a>'
    r'|<img src="[\w.-]+" alt="[^"<>]*"(?: title="[^"<>]*")? />'
)
_ANY_TAG_RE = re.compile(r"<[^<>]*>?")
_SUSPECT_RE = re.compile(r"[<>\\\[{}]")  # a tag, or a character Anki syntax starts with (see inert)


@lru_cache(maxsize=1 << 14)  # a note's context and source repeat on each of its cards, a deck's rows in its bundle
def safe_field(value: str, cloze: bool = False) -> bool:
    """Whether ``value`` is a field deckgen could have written: only the tags above, and already inert
    (:func:`inert` changes nothing, so no MathJax, cloze, template or sound syntax is left live).

    For a field read back from a cache or a kept package (untrusted input, like the notes): one that fails is
    never shipped as it is (deckgen renders it again, or writes the package again).
    """
    if not _SUSPECT_RE.search(value):  # most fields: text alone (a cache's whole library is read at times)
        return True
    if "<" in value and not all(_FIELD_TAG_RE.fullmatch(tag.group()) for tag in _ANY_TAG_RE.finditer(value)):
        return False
    return ">" not in _ANY_TAG_RE.sub("", value) and inert(value, cloze) == value


def anki_syntax(text: str, cloze: bool = False) -> str:
    """The first Anki-interpreted construct in Markdown ``text`` that deckgen ships as plain text ("" if none)."""
    text = text.strip()
    if not text or not _SYNTAX_START_RE.search(text):  # every construct starts with "\\", "[", "{" or "}"
        return ""
    atoms = _atoms(_paragraph(text) if _plain_text(text) else _markdown().render(text, {}).strip(), cloze)
    views = ["".join(value if role != "tag" else "\n" for role, value in atoms if role in ("text", "content", "tag"))]
    views += [f"[{value}]" for role, value in atoms if role == "hint"]
    for view in views:
        match = _DANGER_RE.search(view)
        if match:
            return html.unescape(view[match.start() : match.start() + 16]).split("\n")[0]
    return ""


def _plain_text(text: str) -> bool:
    """Whether stripped ``text`` holds no Markdown syntax, so markdown-it would render it as one escaped paragraph.

    Stricter than render_markdown's test: a bare list or quote marker ("+", "1.") is an empty
    list item or quote to markdown-it, and NUL and carriage returns are rewritten before parsing.
    """
    return (
        not _MARKDOWN_CHARS_RE.search(text)
        and not _BARE_MARKER_RE.match(text)
        and "\x00" not in text
        and "\r" not in text
    )


def _paragraph(text: str) -> str:
    """What markdown-it renders plain ``text`` (see :func:`_plain_text`) to, stripped: one escaped paragraph."""
    return "<p>" + html.escape(text, quote=False).replace('"', "&quot;") + "</p>"


def render_markdown(text: str, images: ImageResolver | None = None, cloze: bool = False) -> str:
    """Render Markdown to HTML; a single paragraph is returned without its ``<p>``.

    ``images`` maps an image's local path to its packaged media name (None: refuse it);
    without a resolver every image is shown as its alt text. ``cloze``: the text of a cloze
    note, whose well-formed deletions are kept (see :func:`inert`).
    """
    text = text.strip()
    if not text:
        return ""
    if not _MARKDOWN_CHARS_RE.search(text):
        # no "&", "<" or ">" (they are Markdown characters above): html.escape would change nothing
        return inert(text.replace('"', "&quot;"), cloze)
    rendered = _markdown().render(text, {"images": images}).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return inert(rendered, cloze)
