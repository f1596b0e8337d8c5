"""The generator's per-note word indexes answer exactly what the whole-text searches they replace answered.

`_common_word` and `_proper_name` used to search the note's whole text for every capitalised word of every
candidate card (quadratic in the note's size: 31 s of lint for a 900 KB note). They now ask two sets built once
per note; here both are compared with the original patterns on random text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from deckgen.cards.rules import ideas
from deckgen.core.model import Note, Section

PIECES = [
    "a",
    "ab",
    "goo",
    "Goo",
    "goo-gle",
    "Goo-gle",
    "Go",
    "Google",
    "G",
    "A",
    ",",
    " ",
    "  ",
    "\n",
    "'",
    "’",
    "-",
    "é",
    "É",
    "_",
    "1",
    "(",
    ".",
    "x,y",
]


def _note(text: str) -> Note:
    return Note(id="n", title="T", path="n.md", sections=(Section("S", text, 1), Section("R", "end", 2)))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.lists(st.sampled_from(PIECES), min_size=1, max_size=4))
def test_the_indexes_agree_with_the_patterns(pieces: list[str], word_pieces: list[str]) -> None:
    text = "".join(pieces)
    note = _note(text)
    joined = " ".join(s.text for s in note.sections)
    candidates = {"".join(word_pieces), *joined.split()}
    for token in joined.split():
        candidates.update(token[:end] for end in range(1, len(token) + 1))
    for word in candidates:
        if not word.strip() or word.lower() in ("a", "an", "the"):
            continue  # an article is always an ordinary word, whatever the text
        expected = not re.search(rf"\b[a-z,]+\s+{re.escape(word)}\b", joined)
        assert ideas._common_word(word, note) == expected, (word, joined)
        if " " not in word and word[:1].isupper() and word[1:].islower():
            found = re.search(rf"\b{re.escape(word.lower())}\b", joined)
            assert ideas._proper_name(word, note) == (not found), (word, joined)
        if re.fullmatch(r"[A-Z][a-z-]{2,}", word):  # what _grammatical_question asks of a lowered name
            after_space = bool(re.search(rf"(?<=[a-z,] ){word}\b", joined))
            assert (word in ideas._note_words(note).after_lower_space) == after_space, (word, joined)
            lowered = word.lower()
            assert ideas._whole_word_in(lowered, note) == bool(re.search(rf"\b{lowered}\b", joined)), (word, joined)
