"""Batch109's first run (judged blind, then used for development), and the co-author list named once.

- 'Building fast to create facts on the ground works, and …' was asked 'what does building fast to create fact on?' —
  'The ground works' (T0 from every judge): after an act and its purpose ('building fast to create'), the next word is
  the purpose's object, not the sentence's verb. 'Willingness to pay depends on …' keeps its verb. One development
  card goes (this one).
- An Obsidian note that names a co-author under both `author` and `coauthors` names them once.

Written in our own words; the tests fail on 078de52.
"""

from __future__ import annotations

from pathlib import Path

from noteutil import asked, harbour_note

from deckgen.authoring.importers import convert
from deckgen.authoring.importing import render_note
from deckgen.sources.notes import parse_note

NOTE = harbour_note(
    "okafor-batch109",
    """## Central argument
Okafor shows how harbour masters gain power.

## Why it matters for product
Dredging early to create berths on the north quay works, and is why rival harbours copy it.
""",
)

OBSIDIAN = """---
author: ["[[Ada Okafor]]", "[[Ben Lake]]"]
coauthors: ["[[Ben Lake]]"]
year: 2019
---
# Harbours Under Strain

> [!summary] Why boats crowd the same harbours.

## Central argument
Crowded harbours are a coordination failure, not a shortage of berths.
"""


def test_an_acts_purpose_object_is_no_verb() -> None:
    assert not any(q.startswith("what does dredging early") for q in asked(NOTE)), asked(NOTE)


def test_a_co_author_named_twice_is_named_once() -> None:
    path = Path("okafor-harbours.md")
    note = parse_note(render_note(convert(OBSIDIAN, path, path.name), "okafor-harbours"), "content/okafor-harbours.md")
    assert note.author == "Ada Okafor, Ben Lake" and note.byline == "Okafor and Lake"
