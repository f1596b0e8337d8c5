"""Shortcuts of the cold build give exactly the answers of the full computations they skip.

Each one is checked against the slow, obvious path on random inputs (bench/compare_outputs.py
checks whole builds byte for byte against an older checkout).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deckgen.anki import render

FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Cloze and Anki syntax, Markdown starters, entities, quotes, unicode spaces, NUL and CR.
MARKUP = st.text(alphabet="ab {}:c1[]\\`*_<>&!~|#-+=.)\"'\n\t\r\x00\u00a0\u2028é9", max_size=40)


@FAST
@given(MARKUP)
def test_plain_text_renders_as_markdown_it_does(text: str) -> None:
    text = text.strip()
    if text and render._plain_text(text):
        assert render._paragraph(text) == render._markdown().render(text, {}).strip()


def _anki_syntax_by_markdown_it(text: str, cloze: bool) -> str:
    text = text.strip()
    if not text or not any(c in text for c in "\\[{}"):
        return ""
    atoms = render._atoms(render._markdown().render(text, {}).strip(), cloze)
    views = ["".join(v if role != "tag" else "\n" for role, v in atoms if role in ("text", "content", "tag"))]
    views += [f"[{v}]" for role, v in atoms if role == "hint"]
    for view in views:
        match = render._DANGER_RE.search(view)
        if match:
            return render.html.unescape(view[match.start() : match.start() + 16]).split("\n")[0]
    return ""


@FAST
@given(MARKUP, st.booleans())
def test_anki_syntax_is_unchanged_by_its_plain_text_shortcut(text: str, cloze: bool) -> None:
    assert render.anki_syntax(text, cloze) == _anki_syntax_by_markdown_it(text, cloze)


def test_anki_syntax_of_a_cloze_needs_no_markdown_parse() -> None:
    assert render.anki_syntax("Norton calls it a {{c1::craft trait}} problem.", cloze=True) == ""
    # without cloze, the deletion is Anki syntax shipped as text: its first 16 characters are named
    assert render.anki_syntax("Norton calls it a {{c1::craft trait}} problem.") == "{{c1::craft trai"
