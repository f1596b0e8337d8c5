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

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

ImageResolver = Callable[[str], str | None]

_SAFE_LINK_RE = re.compile(r"^(https?:|mailto:)", re.IGNORECASE)
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_MATH_DELIMITER_RE = re.compile(r"\\([()\[\]])")
# Characters that can start Markdown syntax; text without any of them is rendered by
# escaping alone, which is ~50x cheaper than a full parse and gives identical output.
_MARKDOWN_CHARS_RE = re.compile(r"[\\`*_\[\]<>&!~|#\n]|^\s*([-+>]|\d+[.)])\s|^\s{4}|^[=-]+$")


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
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.validateLink = _validate_link  # type: ignore[method-assign]
    md.core.ruler.push("deckgen_confine", _confine)
    return md


def escape(text: str) -> str:
    """Escape plain text for an HTML field, the same way markdown-it does."""
    return _no_mathjax(html.escape(text, quote=False).replace('"', "&quot;"))


def _no_mathjax(rendered: str) -> str:
    # Anki's reviewer typesets \( \) and \[ \] with MathJax, whose \href accepts javascript:
    # URLs. An empty element between the backslash and the bracket keeps the text as
    # shown while MathJax no longer sees a delimiter (delimiters cannot span tags).
    if "\\" not in rendered:
        return rendered
    return _MATH_DELIMITER_RE.sub(lambda m: "\\<span></span>" + m.group(1), rendered)


def render_markdown(text: str, images: ImageResolver | None = None) -> str:
    """Render Markdown to HTML; a single paragraph is returned without its ``<p>``.

    ``images`` maps an image's local path to its packaged media name (None: refuse it);
    without a resolver every image is shown as its alt text.
    """
    text = text.strip()
    if not text:
        return ""
    if not _MARKDOWN_CHARS_RE.search(text):
        return escape(text)
    rendered = _no_mathjax(_markdown().render(text, {"images": images}).strip())
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return rendered
