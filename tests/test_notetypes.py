"""The shipped note types' schema is frozen forever: changing it forks every learner's note type."""

from __future__ import annotations

import re

from deckgen.anki.notetypes import CLOZE_MODEL_ID, QA_MODEL_ID, note_types

# The first release's schema. NEVER edit these literals: Anki matches note types by id and
# schema, and any difference leaves every learner with a "Name+" copy and no updates.
FROZEN = {
    1_607_392_301: (
        "standard",
        ("Question", "Answer", "Context", "Source", "Extra", "Status", "Reverse", "DeckgenId"),
        ("Forward", "Reverse"),
    ),
    1_607_392_302: (
        "cloze",
        ("Text", "Extra", "Context", "Source", "Status", "DeckgenId"),
        ("Cloze",),
    ),
}


def test_shipped_note_type_schema_is_frozen() -> None:
    shipped = {nt.id: (nt.kind, nt.fields, tuple(t.name for t in nt.templates)) for nt in note_types()}
    assert shipped == FROZEN


def test_model_ids_are_the_frozen_constants() -> None:
    assert (QA_MODEL_ID, CLOZE_MODEL_ID) == (1_607_392_301, 1_607_392_302)


def test_templates_reference_only_existing_fields() -> None:
    import re

    for nt in note_types():
        for template in nt.templates:
            for side in (template.qfmt, template.afmt):
                for ref in re.findall(r"\{\{[#/^]?(?:cloze:)?([A-Za-z]+)\}\}", side):
                    assert ref in nt.fields or ref == "FrontSide", (nt.name, ref)


def test_css_has_night_mode_and_mobile_rules() -> None:
    css = note_types()[0].css
    assert ".nightMode" in css and ".mobile" in css


def test_every_night_mode_rule_also_answers_to_night_mode_with_an_underscore() -> None:
    """A learner's try: the card turned dark under the body class `night_mode` (which some Anki clients set alone),
    but its Extra, cloze and status kept their light-mode colours: grey on near-black, nearly invisible."""
    css = note_types()[0].css
    for selectors in re.findall(r"([^{}]*)\{", css):
        parts = [s.strip() for s in selectors.split(",")]
        camel = {p for p in parts if p.startswith(".nightMode ")}  # the class on the body
        snake = {p.replace(".night_mode", ".nightMode") for p in parts if p.startswith(".night_mode ")}
        assert camel == snake, selectors
