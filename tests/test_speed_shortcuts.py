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


# --- the note memo's typed encoders: tuples and string-keyed dicts without a call per item ----
SCHEMAS = (
    tuple[str, str],
    tuple[tuple[str, ...], str],
    tuple[bool, tuple[str, ...], str, int],
    dict[str, int],
    dict[str, str],
    dict[str, tuple[str, int]],
    dict[tuple[str, str], tuple[tuple[str, ...], str]],
)
SCALAR = st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from(["", "a", "b"]) | st.just(1.5)
ANY = st.recursive(
    SCALAR,
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner) | st.dictionaries(SCALAR, inner, max_size=2),
    max_leaves=8,
)


def _reference(hint: object, value: object) -> object:
    """What the encoders gave before: each item through its own scalar check (TypeError if not of ``hint``)."""
    import typing

    if hint in (str, int, bool):
        if type(value) is not hint:
            raise TypeError
        return value
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if not isinstance(value, (list, tuple)) or not all(type(v) is args[0] for v in value):
            raise TypeError
        return list(value)
    if origin is tuple:
        if not isinstance(value, (list, tuple)) or len(value) != len(args):
            raise TypeError
        return [_reference(a, v) for a, v in zip(args, value)]
    assert origin is dict
    if not isinstance(value, dict):
        raise TypeError
    if args[0] is str:
        return {_reference(str, k): _reference(args[1], v) for k, v in value.items()}
    return [[_reference(args[0], k), _reference(args[1], v)] for k, v in value.items()]


def _values(hint: object) -> st.SearchStrategy[object]:
    """Values of ``hint``, and values that are almost of it (a wrong item here and there)."""
    import typing

    if hint in (str, int, bool):
        return st.from_type(hint) | ANY  # type: ignore[arg-type]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return st.lists(_values(args[0]), max_size=3).map(tuple) | ANY
    if origin is tuple:
        return st.tuples(*(_values(a) for a in args)) | st.lists(ANY, max_size=3) | ANY
    keys = st.one_of(SCALAR, st.tuples(SCALAR | st.text(max_size=2), SCALAR | st.text(max_size=2)))
    items = st.dictionaries(keys, _values(args[1]), max_size=3)
    return items | ANY


@FAST
@given(st.sampled_from(SCHEMAS).flatmap(lambda hint: st.tuples(st.just(hint), _values(hint))))
def test_typed_encoders_give_what_each_item_check_gave(case: tuple[object, object]) -> None:
    from deckgen.core.diskcache import _codecs

    hint, value = case
    try:
        expected = _reference(hint, value)
    except TypeError:
        try:
            _codecs(hint).encode(value)
        except TypeError:
            return
        raise AssertionError(f"{value!r} encoded as a {hint}") from None
    assert _codecs(hint).encode(value) == expected


def test_both_fingerprints_at_once_are_each_of_them() -> None:
    from pathlib import Path

    from deckgen.builder.incremental import fingerprints, frame_fingerprint, shipped_fingerprint
    from deckgen.cards.load import load_sources
    from deckgen.core.config import load_config

    sources = load_sources(load_config(Path(__file__).resolve().parents[1]))
    assert sources.notes
    for note in sources.notes:
        cards = sources.cards.get(note.id, [])
        assert fingerprints(note, cards) == (shipped_fingerprint(note, cards), frame_fingerprint(note))
        assert fingerprints(note, []) == (shipped_fingerprint(note, []), frame_fingerprint(note))
