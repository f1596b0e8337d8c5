"""A byline of names and a year names the authors (issue 11: cards name the work and its author).

118 of the 412 seed-text notes in tests/fixtures/fresh imported with no author, most of them with a byline such as
'Dan McKinley, 2015.' or 'Marc Levinson · Princeton University Press · 2006': their cards said "According to the
note on 'Capitalism, Socialism and Democracy'" where the curator's named Schumpeter. With the byline rule, 85 do.
Each named case fails on a168fa2; the last three must stay authorless.
"""

from __future__ import annotations

import pytest
from noteutil import FRESH

from deckgen.authoring.importers import convert, infer_author


@pytest.mark.parametrize(
    ("blurb", "author"),
    [
        ("Ada Okafor, 2015. Written up from a talk.", "Ada Okafor"),
        ("Tomas J. Lindqvist, 1942.", "Tomas J. Lindqvist"),
        ("Ida Marsh · Harbour Press · 2006", "Ida Marsh"),
        (
            "Ida Marsh and Tomas Lindqvist, Tide Behaviour and Harbour Decision Processes, 1985.",
            "Ida Marsh and Tomas Lindqvist",
        ),
        (
            "Ada Okafor, Ida Marsh and Tomas Lindqvist, Harbour Interactions, January 1996.",
            "Ada Okafor, Ida Marsh and Tomas Lindqvist",
        ),
        ("Ida Marsh, Harbour Anthropology, 1998.", "Ida Marsh"),
        (
            "Two harbour keepers wrote it. Horst W. J. Okafor and Ida M. Marsh, Tide Sciences, 1973.",
            "Horst W. J. Okafor and Ida M. Marsh",
        ),
        ("New York, Random House, 1995.", ""),
        ("Harvard Business Review, 1968.", ""),
        ("Silicon Valley, 1990s.", ""),
    ],
)
def test_a_byline_with_a_year_names_the_authors(blurb: str, author: str) -> None:
    assert infer_author(blurb, "Some Title") == author


def test_the_schumpeter_note_of_batch69_gets_its_author() -> None:
    path = next((FRESH / "batch69").glob("schumpeter-*.txt"))
    assert convert(path.read_text(encoding="utf-8"), path, path.name).author == "Joseph A. Schumpeter"
