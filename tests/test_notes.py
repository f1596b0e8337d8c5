"""Parsing notes: front matter, sections, card syntax, and errors that name file:line."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deckgen.cards.generate import authored_cards, note_cards
from deckgen.core.errors import ContentError
from deckgen.sources.notes import find_note_file, parse_note

NOTE = """\
---
id: sample
title: A Sample Essay
author: Jane Q. Writer
source: https://example.com/a
tags: [one, two]
---
The blurb.

## Central argument
Writer argues that samples matter.

## Cards

Q: In Writer's 'A Sample Essay', why do samples matter?
A: They show the shape
   of the real thing.

id: pinned
Q: What is pinned?
A: This card.
Extra: Some *context*.
Reverse: yes

C: Samples show {{c1::the shape}} of the real thing.
"""


def test_parses_front_matter_sections_and_cards() -> None:
    note = parse_note(NOTE, "content/sample.md")
    assert (note.id, note.title, note.author, note.tags) == (
        "sample",
        "A Sample Essay",
        "Jane Q. Writer",
        ("one", "two"),
    )
    assert note.surname == "Writer"
    assert [s.heading for s in note.sections] == ["Central argument"]
    assert note.sections[0].line == 10
    assert note.blurb == "The blurb."
    cards, findings = authored_cards(note)
    assert findings == []
    assert [c.kind for c in cards] == ["basic", "basic", "cloze"]
    assert cards[0].back == "They show the shape\nof the real thing."
    assert cards[0].line == 15
    assert (cards[1].key, cards[1].explicit_id, cards[1].reverse, cards[1].extra) == (
        "pinned",
        True,
        True,
        "Some *context*.",
    )
    assert cards[2].front.startswith("Samples show {{c1::")


def test_card_key_ignores_position_and_formatting_of_the_question() -> None:
    note = parse_note(NOTE, "content/sample.md")
    reordered = NOTE.replace("## Cards\n\n", "## Cards\n\nQ: A new first card?\nA: Yes it is.\n\n")
    before = {c.front: c.key for c in authored_cards(note)[0]}
    after = {c.front: c.key for c in authored_cards(parse_note(reordered, "content/moved/sample.md"))[0]}
    for front, key in before.items():
        assert after[front] == key


def test_generated_author_card_is_added_unless_generation_is_off() -> None:
    note = parse_note(NOTE, "content/sample.md")
    assert "g.author" not in {c.key for c in note_cards(note)}  # trivia is opt-in
    assert "g.author" in {c.key for c in note_cards(note, settings={"include": ["author"]})}
    off = parse_note(NOTE.replace("tags: [one, two]", "tags: [one, two]\ngenerate: false"), "content/sample.md")
    assert "g.author" not in {c.key for c in note_cards(off, settings={"include": ["author"]})}


def test_a_title_in_curly_quotes_is_told_to_use_straight_ones() -> None:
    """A PM lead's try: 'title: “LNO Framework: Leverage…”' was told to 'quote values containing ':'', which it had."""
    with pytest.raises(ContentError) as info:
        parse_note("---\nid: x\ntitle: “LNO Framework: Leverage”\n---\n", "content/x.md")
    (finding,) = info.value.findings
    assert finding.line == 3 and finding.fix.startswith("curly quotes (“) do not quote a YAML value"), str(finding)


@pytest.mark.parametrize(
    ("front", "line", "fix"),
    [
        # the over-indented key is the front matter's last line: it was reported at line 2, where the mapping began
        ("id: x\ntitle: T\ngenerate:\nreject: [g.a.b]\n  accept: [g.c.d]\n", 6, "check this line's indentation"),
        ("id: x\ngenerate:\n  cap: 6\n    reject: [g.a.b]\n", 5, "check this line's indentation"),
        ("id: x\ntitle: 'Norton's Empathy'\n", 3, "this value is in single quotes and has an apostrophe inside"),
    ],
)
def test_yaml_mistakes_a_non_programmer_makes_are_located_and_explained(front: str, line: int, fix: str) -> None:
    """A PM lead's try: every indentation mistake, and an apostrophe inside single quotes, was told to 'quote values
    containing ':' or '#'', and an over-indented last key was reported at the front matter's first line. Fails on
    70e3cbe."""
    with pytest.raises(ContentError) as info:
        parse_note(f"---\n{front}---\n", "content/x.md")
    (finding,) = info.value.findings
    assert finding.line == line and finding.fix.startswith(fix), str(finding)


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("no front matter\n", 1, "no YAML front matter"),
        ("---\nid: x\ntitle: [unclosed\n---\n", 3, "invalid YAML"),
        ("---\ntitle: T\n---\n", 2, "no 'id'"),
        ("---\nid: Bad Id\ntitle: T\n---\n", 2, "not a valid note id"),
        ("---\nid: a\nid: b\ntitle: T\n---\n", 3, "appears twice"),
        ("---\nid: a\ntitle: T\n---\n## Cards\n\nQ: Only a question?\n", 7, "no answer"),
        ("---\nid: a\ntitle: T\n---\n## Cards\n\nA: An answer alone\n", 7, "no 'Q:'"),
        ("---\nid: a\ntitle: T\n---\n## Cards\n\nQuestion: wrong key\n", 7, "not a card field"),
        # pasted from a Notion list (a PM lead's try: 'text outside a card — a blank line ends a card')
        ("---\nid: a\ntitle: T\n---\n## Cards\n\n- Q: q?\n  A: a\n", 7, "a list marker before 'Q:'"),
        ("---\nid: a\ntitle: T\n---\n## Cards\n\nC: no deletion here\n", 7, "no deletion"),
        ("---\nid: a\ntitle: T\n---\n## Cards\n\nQ: q?\nA: a\nReverse: maybe\n", 9, "not yes or no"),
    ],
)
def test_errors_name_the_line_and_a_fix(text: str, line: int, needle: str) -> None:
    with pytest.raises(ContentError) as info:
        note = parse_note(text, "content/bad.md")
        cards, findings = authored_cards(note)
        if findings:
            raise ContentError(findings)
    finding = info.value.findings[0]
    assert finding.path == "content/bad.md"
    assert finding.line == line, str(finding)
    assert needle in finding.message
    assert finding.fix, "every error says how to fix it"
    assert str(finding).startswith(f"content/bad.md:{line}:")


def test_all_problems_in_a_note_are_reported_at_once() -> None:
    text = "---\nid: a\ntitle: T\n---\n## Cards\n\nQ: one?\n\nA: lonely\n\nC: none\n"
    note = parse_note(text, "content/bad.md")
    _, findings = authored_cards(note)
    assert [f.line for f in findings] == [7, 9, 11]


def test_headings_inside_code_fences_are_not_sections() -> None:
    text = "---\nid: a\ntitle: T\n---\n## Real\n```\n## not a heading\n```\n"
    note = parse_note(text, "content/a.md")
    assert [s.heading for s in note.sections] == ["Real"]


def test_crlf_and_bom_are_accepted(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from deckgen.sources.notes import read_text

    path = tmp_path / "n.md"
    path.write_bytes("\ufeff".encode() + NOTE.replace("\n", "\r\n").encode())
    note = parse_note(read_text(path, "n.md"), "n.md")
    assert note.id == "sample" and len(note.card_blocks) == 3


@pytest.mark.parametrize(
    ("cards", "line", "fix"),
    [
        # a blank line inside an answer: the paragraph after it belongs to no card
        (
            "Q: What do teams get?\nA: Problems to solve.\n\nThe team decides how.\nAnd when.\n",
            10,
            "remove the blank line",
        ),
        (
            "Q: What do teams get?\nA: Problems to solve.\n\nThe team decides how.\nAnd when.\n",
            11,
            "remove the blank line",
        ),
        ("q: What do teams get?\n", 7, "write 'Q:' (fields are case-sensitive)"),
        ("Q: What do teams get?\nAnswer: Problems.\n", 7, "write 'A:' instead of 'Answer:'"),
        ("Front: What do teams get?\n", 7, "write 'Q:'"),
        ("Cloze: Teams get {{c1::problems}}.\n", 7, "write 'C:'"),
        ("Foo: bar\n", 7, "start each card with 'Q:'"),
        # a stray paragraph after another stray one is not an answer's continuation
        ("Q: q?\nA: a\n\nStray.\n\nAnother.\n", 12, "start each card with 'Q:'"),
    ],
)
def test_a_line_no_card_holds_gets_the_fix_its_shape_suggests(cards: str, line: int, fix: str) -> None:
    text = "---\nid: a\ntitle: T\n---\n## Cards\n\n" + cards
    try:
        findings = authored_cards(parse_note(text, "content/bad.md"))[1]
    except ContentError as error:
        findings = list(error.findings)
    finding = next(f for f in findings if f.line == line and f.rule == "card-syntax")
    assert fix in finding.fix, str(finding)


@pytest.mark.parametrize(
    ("heading", "section"),
    [("## Flashcards", "Flashcards"), ("## Card", "Card")],
)
def test_cards_under_another_heading_are_an_error_not_lost(heading: str, section: str) -> None:
    # before, these cards vanished: lint said 0 errors and `deckgen cards` showed 0 authored
    text = f"---\nid: a\ntitle: T\n---\nBlurb.\n\n## Central argument\nText.\n\n{heading}\n\nQ: What?\nA: That.\n"
    with pytest.raises(ContentError) as info:
        parse_note(text, "content/a.md")
    (finding,) = info.value.findings
    assert (finding.line, finding.rule) == (12, "card-syntax")
    assert f"card lines under '## {section}'" in finding.message and "'## Cards'" in finding.fix


@pytest.mark.parametrize("heading", ["### Cards", "##Cards", "# cards"])
def test_a_cards_heading_at_the_wrong_level_is_named_at_its_own_line(heading: str) -> None:
    """A PM lead's '### Cards' got an error naming '## Central argument', the section above, not the heading."""
    text = f"---\nid: a\ntitle: T\n---\nBlurb.\n\n## Central argument\nText.\n\n{heading}\n\nQ: What?\nA: That.\n"
    with pytest.raises(ContentError) as info:
        parse_note(text, "content/a.md")
    (finding,) = info.value.findings
    assert (finding.line, finding.rule) == (10, "card-syntax")
    assert finding.message == f"'{heading}' is not the cards heading, so the cards below it are not made"
    assert finding.fix.startswith("write '## Cards' on this line")


def test_prose_with_a_q_or_a_code_fence_is_not_taken_for_cards() -> None:
    body = "## Central argument\nQ: is a letter.\nThe A: side.\n\n```\nQ: in code\nA: still code\n```\n\n## Cards\n"
    assert parse_note(f"---\nid: a\ntitle: T\n---\n{body}", "content/a.md").sections


@pytest.mark.parametrize(
    ("title", "author", "expected"),
    [
        ("“Empathy and Product Management”", "“Ken Norton”", ("Empathy and Product Management", "Ken Norton")),
        ("‘Empathy and Product Management’", "«Ken Norton»", ("Empathy and Product Management", "Ken Norton")),
        ("'\"Worse Is Better\"'", "Richard P. Gabriel", ("Worse Is Better", "Richard P. Gabriel")),
        ('"Don\'t Make Me Think"', "Steve Krug", ("Don't Make Me Think", "Steve Krug")),
        ("\"'Do' and 'Don't'\"", "Ana 'Nick' K.", ("'Do' and 'Don't'", "Ana 'Nick' K.")),  # inner quotes stay
    ],
)
def test_quotes_around_a_whole_title_or_name_are_the_writers_not_the_works(
    title: str, author: str, expected: tuple[str, str]
) -> None:
    """'author: “Ken Norton”' made questions ask 'According to Norton”'s '“Empathy and Product Management”'':
    the cards put their own quotes around a title, and the name's closing quote stuck to the surname."""
    text = NOTE.replace("title: A Sample Essay", f"title: {title}").replace(
        "author: Jane Q. Writer", f"author: {author}"
    )
    note = parse_note(text, "content/sample.md")
    assert (note.title, note.author) == expected
    assert "”" not in note.surname and "»" not in note.surname


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("{{c1:craft}}", "{{c1::craft}}"),
        ("{{c1::craft}", "{{c1::craft}}"),
        ("{c2::craft}}", "{{c2::craft}}"),
        ("{{C1::craft}}", "{{c1::craft}}"),
        ("{{cl::a learnable craft}}", "{{c1::a learnable craft}}"),
        ("{{c 1::craft}}", "{{c1::craft}}"),
    ],
)
def test_a_cloze_typo_is_named_with_the_deletion_it_meant(written: str, meant: str) -> None:
    """Every near-miss deletion got the same 'cloze card has no deletion — mark the hidden part like
    {{c1::hidden words}}', leaving the writer to spot the missing colon or brace."""
    note = parse_note(f"---\nid: a\ntitle: T\n---\n## Cards\n\nC: Empathy is {written} in product work.\n", "c.md")
    _, findings = authored_cards(note)
    (finding,) = findings
    assert finding.message == f"cloze card has no deletion: '{written}' is not one"
    assert finding.fix.startswith(f"write {meant} ")


def test_a_front_matter_that_does_not_parse_still_has_its_body_checked() -> None:
    """A YAML error hid every other problem of the note: the writer fixed it, ran lint again, and only then
    learnt of the stray line and the misspelt field below it."""
    text = (
        "---\nid: a\ntitle: T: with a colon\n---\nBlurb.\n\n## Cards\n\n"
        "Q: What is empathy?\nA: A craft.\n\nA stray line.\nQuestion: Is this a field?\n"
    )
    with pytest.raises(ContentError) as info:
        parse_note(text, "content/a.md")
    assert [(f.line, f.rule) for f in info.value.findings] == [(3, "schema"), (12, "card-syntax"), (13, "card-syntax")]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=1, max_codepoint=0x2FF), max_size=40))
def test_the_byte_test_for_control_characters_agrees_with_the_pattern(text: str) -> None:
    """decode_text tests a note's bytes first (three times as fast as the pattern on every note of a cold build);
    it must flag exactly the texts the pattern flags."""
    from deckgen.sources import notes

    text = text.replace("\r", "")
    assert notes._has_control(text.encode("utf-8")) == bool(notes._CONTROL_RE.search(text))


def test_a_note_named_by_part_of_its_id_is_suggested(tmp_path: Path) -> None:
    """`deckgen cards lno` said only 'no note file or note id by this name' for the note 'doshi-lno-framework'."""
    for note_id in ("doshi-lno-framework", "norton-empathy"):
        (tmp_path / "content").mkdir(exist_ok=True)
        (tmp_path / "content" / f"{note_id}.md").write_text(f"---\nid: {note_id}\ntitle: T\n---\nBlurb.\n")
    with pytest.raises(ContentError) as info:
        find_note_file(tmp_path, tmp_path / "content", "lno", "cards")
    assert info.value.findings[0].fix == "did you mean 'doshi-lno-framework' (content/doshi-lno-framework.md)?"
    with pytest.raises(ContentError) as info:
        find_note_file(tmp_path, tmp_path / "content", "zz", "cards")
    assert info.value.findings[0].fix.startswith("give a path like")
