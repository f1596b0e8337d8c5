"""Batch104's first run (judged blind, then used for development): Obsidian's 'coauthors' field.

'author: "[[Katie Salen]]"' with 'coauthors: ["[[Eric Zimmerman]]"]' imported as Salen alone, so every card said
'Salen's 'Rules of Play'' (and 'Dell'Acqua's' for a paper by three): the co-authors are authors too, and the cards name
them as for any list of authors ('Salen and Zimmerman', 'Dell'Acqua, Mollick and Lakhani'). Twenty fresh fixture
notes carry the field. Written in our own words; the test fails on 58d7b58.
"""

from __future__ import annotations

from pathlib import Path

from deckgen.authoring.importers import convert
from deckgen.authoring.importing import render_note
from deckgen.sources.notes import parse_note

OBSIDIAN = """---
author: "[[Ada Okafor]]"
coauthors: ["[[Ben Lake]]", "[[Cora Venn]]"]
year: 2019
tags: [harbours]
---
# Harbours Under Strain

> [!summary] Why boats crowd the same harbours.

## Central argument
Crowded harbours are a coordination failure, not a shortage of berths.
"""


def test_obsidian_coauthors_are_authors() -> None:
    path = Path("okafor-harbours.md")
    rendered = render_note(convert(OBSIDIAN, path, path.name), "okafor-harbours")
    note = parse_note(rendered, "content/okafor-harbours.md")
    assert note.author == "Ada Okafor, Ben Lake, Cora Venn"
    assert note.byline == "Okafor, Lake and Venn"
    assert "coauthors" not in rendered  # merged into the author, not kept as a field of its own
