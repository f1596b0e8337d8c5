"""Batch118's first run (judged blind; then used for development): the import defect it showed.

A Notion note whose property line reads 'Author: Laszlo Bock, 2015' was imported with the year as a second author, so
every card named "Bock and 2015's 'Work Rules!'" (the central-claim card T1 from every judge). A bare year in the author
field is no author. Written in our own words; the test fails on ea6b099.
"""

from __future__ import annotations

from pathlib import Path

from deckgen.authoring.importers import convert
from deckgen.authoring.importing import render_note
from deckgen.sources.notes import parse_note

NOTION = """# Harbours Under Strain

Author: Ada Okafor, 2019
URL: https://example.org/harbours
Tags: operations, ports

<aside>
💡 Why boats crowd the same harbours.

</aside>

## Central argument

Crowded harbours are a coordination failure, not a shortage of berths.
"""


def test_a_year_in_the_author_field_is_no_author() -> None:
    path = Path("okafor-harbours 0123456789abcdef0123456789abcdef.md")
    note = parse_note(render_note(convert(NOTION, path, path.name), "okafor-harbours"), "content/okafor-harbours.md")
    assert note.author == "Ada Okafor" and note.byline == "Okafor", (note.author, note.byline)
