"""Card previews render Anki's template syntax the way Anki does, escaping nothing twice."""

from __future__ import annotations

import pytest

from deckgen.anki.cardview import TemplateError, cloze_ordinals, render_cloze, render_note, render_template
from deckgen.anki.notetypes import card_fields, note_type_for, note_types
from deckgen.core.model import Card, Note

NOTE = Note(id="n1", title="An <Essay> & more", path="content/n1.md", author="A. Writer")


def test_fields_sections_and_inverted_sections() -> None:
    fields = {"A": "<b>x</b>", "B": "", "C": " "}
    out = render_template("{{A}}|{{#A}}a{{/A}}|{{#B}}b{{/B}}|{{^B}}not-b{{/B}}|{{#C}}c{{/C}}", fields)
    # Values are inserted as they are (already safe HTML); whitespace-only counts as empty.
    assert out == "<b>x</b>|a||not-b|"


def test_front_side_and_unknown_syntax() -> None:
    assert render_template("{{FrontSide}}<hr>{{A}}", {"A": "back"}, front_side="front") == "front<hr>back"
    with pytest.raises(TemplateError):
        render_template("{{Missing}}", {"A": ""})
    with pytest.raises(TemplateError):
        render_template("{{#A}}never closed", {"A": "x"})
    with pytest.raises(TemplateError):
        render_template("{{hint:A}}", {"A": "x"})


def test_cloze_front_hides_active_and_shows_others() -> None:
    text = "{{c1::Alpha}} and {{c2::Beta::a letter}}"
    assert cloze_ordinals(text) == [1, 2]
    assert render_cloze(text, 1, answer=False) == '<span class="cloze">[...]</span> and Beta'
    assert render_cloze(text, 2, answer=False) == 'Alpha and <span class="cloze">[a letter]</span>'
    assert render_cloze(text, 2, answer=True) == 'Alpha and <span class="cloze">Beta</span>'


def test_question_card_escapes_raw_html_exactly_once() -> None:
    card = Card(
        note_id="n1",
        key="k",
        kind="basic",
        front="What does `<b>` do to <i>text</i>?",
        back="Makes it **bold** & strong",
    )
    cards = render_note(note_type_for(card), card_fields(card, NOTE))
    assert len(cards) == 1  # no Reverse: the reverse template's front is empty, so Anki makes no card
    front, back = cards[0].front, cards[0].back
    assert "<code>&lt;b&gt;</code>" in front and "&lt;i&gt;text&lt;/i&gt;" in front
    assert "&amp;lt;" not in front + back  # never escaped twice
    assert "An &lt;Essay&gt; &amp; more · A. Writer" in front
    assert back.startswith(front)  # {{FrontSide}}
    assert '<div class="dg-answer">Makes it <strong>bold</strong> &amp; strong</div>' in back


def test_reverse_card_and_cloze_note_make_one_card_each() -> None:
    reverse = Card(note_id="n1", key="r", kind="basic", front="Term", back="Meaning", reverse=True)
    forward, backward = render_note(note_type_for(reverse), card_fields(reverse, NOTE))
    assert '<div class="dg-question">Term</div>' in forward.front
    assert '<div class="dg-question">Meaning</div>' in backward.front
    assert '<div class="dg-answer">Term</div>' in backward.back
    cloze = Card(note_id="n1", key="c", kind="cloze", front="{{c1::One}} then {{c2::two}}", extra="More")
    rendered = render_note(note_types()[1], card_fields(cloze, NOTE))
    assert [c.ordinal for c in rendered] == [1, 2]
    assert '<span class="cloze">[...]</span> then two' in rendered[0].front
    assert "dg-extra" not in rendered[0].front and '<div class="dg-extra">More</div>' in rendered[0].back
    assert 'One then <span class="cloze">two</span>' in rendered[1].back
