"""Markdown to safe HTML for card fields.

Anki renders fields with scripts enabled, so raw HTML in a note is never passed through:
markdown-it runs with ``html`` off (raw tags become text) and links are limited to
http(s) and mailto.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from markdown_it import MarkdownIt

_SAFE_LINK_RE = re.compile(r"^(https?:|mailto:)", re.IGNORECASE)
# Characters that can start Markdown syntax; text without any of them is rendered by
# escaping alone, which is ~50x cheaper than a full parse and gives identical output.
_MARKDOWN_CHARS_RE = re.compile(r"[\\`*_\[\]<>&!~|#\n]|^\s*([-+>]|\d+[.)])\s|^\s{4}|^[=-]+$")


def _validate_link(url: str) -> bool:
    return bool(_SAFE_LINK_RE.match(url.strip()))


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable("image")  # images are packaged as media by the build, never loaded remotely
    md.validateLink = _validate_link  # type: ignore[method-assign]
    return md


def escape(text: str) -> str:
    """Escape plain text for an HTML field, the same way markdown-it does."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def render_markdown(text: str) -> str:
    """Render Markdown to HTML; a single paragraph is returned without its ``<p>``."""
    text = text.strip()
    if not text:
        return ""
    if not _MARKDOWN_CHARS_RE.search(text):
        return escape(text)
    rendered = _markdown().render(text).strip()
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return rendered
