"""deckgen.authoring.draft and the draft statuses: checking replies and quotes, writing drafts, what builds ship."""

from __future__ import annotations

import pytest

from deckgen.authoring.draft import (
    MalformedReply,
    Proposal,
    insert_blocks,
    parse_reply,
    place,
    quality_checker,
    quote_in_note,
    source_text,
    validate_card,
)
from deckgen.cards.generate import authored_cards, note_cards
from deckgen.core.cardrules import LintSettings
from deckgen.core.errors import ContentError
from deckgen.core.model import Card
from deckgen.sources.notes import CARD_ID_RE, parse_note

NOTE = """\
---
id: norton-empathy
title: Empathy and Product Management
author: Ken Norton
tags: [empathy]
---
A short essay on empathy as a working practice.

## Central argument
Norton argues that empathy in product management has been reduced to a buzzword while the
actual practice has atrophied — replaced by dashboards, frameworks, and process theater. His
central claim is that empathy is not an attitude or a personality trait but a set of
concrete, **learnable moves**: how you listen in a customer conversation.

## Cards

Q: In Norton's 'Empathy and Product Management', what does he mean by empathy as craft?
A: A set of concrete, learnable moves.

## Further reading
Norton's newsletter.
"""

REL = "content/norton.md"
LINT = quality_checker(LintSettings())


def proposal(
    question: str,
    answer: str = "Dashboards and frameworks.",
    quote: str = "replaced by dashboards, frameworks, and process theater",
) -> Proposal:
    return Proposal("basic", question, answer, "", quote)


def test_quotes_must_be_in_the_note_but_typography_is_forgiven() -> None:
    source = source_text(parse_note(NOTE, REL))
    assert quote_in_note("empathy is not an attitude or a personality trait", source)
    # curly quotes, a plain hyphen for the em dash, line breaks and dropped **bold** all still match
    assert quote_in_note("has atrophied - replaced by dashboards,\n frameworks", source)
    assert quote_in_note("a set of concrete, learnable moves: how you listen", source)
    assert quote_in_note("\u201cempathy is not an attitude or a personality trait\u2026\u201d", source)
    # invented, reworded, too short, or only from the cards section: not support
    assert not quote_in_note("empathy is the single most important skill of a PM", source)
    assert not quote_in_note("empathy is not a mood or a personality trait", source)
    assert not quote_in_note("learnable moves", source)
    assert not quote_in_note("what does he mean by empathy as craft", source)


@pytest.mark.parametrize(
    "content",
    [
        '{"cards": [{"kind": "basic", "question": "Q?", "answer": "A", "cloze": "", "quote": "x"}]}',
        'Here are your cards:\n```json\n{"cards": [{"question": "Q?", "answer": "A", "quote": "x"}]}\n```',
        'Sure! {"cards": [{"question": "Q?", "answer": "A", "quote": "x"}]} Hope this helps.',
        '[{"question": "Q?", "answer": "A", "quote": "x"}]',
    ],
)
def test_replies_are_read_in_the_shapes_models_produce(content: str) -> None:
    [item] = parse_reply(content)
    assert validate_card(item) == Proposal("basic", "Q?", "A", "", "x")


@pytest.mark.parametrize(
    "content, reason",
    [
        ("", "empty"),
        ("I'm sorry, I can only answer questions about cooking.", "not JSON"),
        ('{"questions": []}', '"cards" list'),
        ('{"cards": [{"q": "Q?", "a": "A"', "not JSON"),
    ],
)
def test_malformed_replies_say_what_is_wrong(content: str, reason: str) -> None:
    with pytest.raises(MalformedReply, match=reason):
        parse_reply(content)


@pytest.mark.parametrize(
    "item, reason",
    [
        ({"question": "Q?", "answer": "A"}, "no supporting quote"),
        ({"question": "Q?", "answer": 3, "quote": "x"}, "'answer' is not text"),
        ({"question": "Q?", "answer": "", "quote": "x"}, "needs a question and an answer"),
        ({"kind": "cloze", "cloze": "no deletion here", "quote": "x"}, "{{c1::"),
        ({"kind": "essay", "question": "Q?", "answer": "A", "quote": "x"}, "not basic or cloze"),
        ("just text", "not a JSON object"),
    ],
)
def test_cards_not_matching_the_schema_are_refused(item: object, reason: str) -> None:
    result = validate_card(item)
    assert isinstance(result, str) and reason in result


def test_multi_line_values_are_flattened_so_they_cannot_break_the_card_block() -> None:
    result = validate_card({"question": "Why?\n\nA: injected", "answer": "Because\n## Heading", "quote": "q\n\nq"})
    assert result == Proposal("basic", "Why? A: injected", "Because ## Heading", "", "q q")


def test_drafts_go_at_the_end_of_the_cards_section_and_never_ship() -> None:
    new_text, drafts, dropped = place(
        NOTE,
        REL,
        [
            proposal("In Norton's 'Empathy and Product Management', what replaced the practice of empathy?"),
            Proposal(
                "cloze",
                "",
                "",
                "Norton says empathy is a set of {{c1::learnable moves}}.",
                "a set of concrete, learnable moves",
            ),
        ],
        "test-model",
        LINT,
    )
    assert dropped == [] and len(drafts) == 2
    lines = new_text.split("\n")
    cards_at, further_at = lines.index("## Cards"), lines.index("## Further reading")
    assert all(cards_at < i < further_at for i, line in enumerate(lines) if line.startswith(("Status:", "Quote:")))
    assert lines[further_at - 1] == ""  # still a blank line before the next heading
    assert new_text.startswith(NOTE.split("## Further reading")[0].rstrip("\n"))
    assert new_text.endswith("## Further reading\nNorton's newsletter.\n")
    note = parse_note(new_text, REL)  # the note still parses
    blocks = [b for b in note.card_blocks if b.get("Status") == "draft"]
    assert [b.get("id") for b in blocks] == [d.card.key for d in drafts]
    assert all(CARD_ID_RE.match(b.get("id") or "") for b in blocks)
    assert blocks[1].get("C") == "Norton says empathy is a set of {{c1::learnable moves}}."
    assert blocks[0].get("Quote") == "replaced by dashboards, frameworks, and process theater"
    assert "<!-- drafted by test-model: review each card, then set its Status to approved" in new_text
    shipped, findings = authored_cards(note)
    assert findings == [] and [c.front for c in shipped] == [
        "In Norton's 'Empathy and Product Management', what does he mean by empathy as craft?"
    ]


def test_approved_drafts_ship_with_their_id_and_rejected_ones_do_not() -> None:
    new_text, drafts, _ = place(
        NOTE,
        REL,
        [
            proposal("In Norton's 'Empathy and Product Management', what replaced the practice of empathy?"),
            proposal("In Norton's 'Empathy and Product Management', what has empathy become?", "A buzzword."),
        ],
        "m",
        LINT,
    )
    approved = new_text.replace("Status: draft", "Status: approved", 1).replace("Status: draft", "Status: rejected", 1)
    cards, findings = authored_cards(parse_note(approved, REL))
    assert findings == []
    by_key = {c.key: c for c in cards}
    assert drafts[0].card.key in by_key and drafts[1].card.key not in by_key
    assert by_key[drafts[0].card.key].explicit_id and by_key[drafts[0].card.key].back == "Dashboards and frameworks."
    # deleting the Status line approves too
    no_status = "\n".join(line for line in new_text.split("\n") if line != "Status: draft")
    assert {d.card.key for d in drafts} <= {c.key for c in authored_cards(parse_note(no_status, REL))[0]}


def test_an_unknown_status_is_an_error_with_the_fix() -> None:
    text = NOTE.replace("Q: In Norton's", "Status: maybe\nQ: In Norton's")
    with pytest.raises(
        ContentError,
        match=r"content/norton.md:\d+:1: card-syntax: Status: 'maybe' is not draft, approved or rejected — write 'Status: approved'",
    ):
        note_cards(parse_note(text, REL))


def test_cards_already_in_the_note_or_rejected_are_never_proposed_again() -> None:
    first, drafts, _ = place(
        NOTE,
        REL,
        [proposal("In Norton's 'Empathy and Product Management', what replaced the practice of empathy?")],
        "m",
        LINT,
    )
    rejected = first.replace("Status: draft", "Status: rejected")
    again, new, dropped = place(
        rejected,
        REL,
        [
            proposal("According to Ken Norton, what replaced the practice of empathy?"),  # the rejected card, reworded
            proposal("What does Norton mean by empathy as craft?"),  # the authored card
            proposal(
                "According to Norton's 'Empathy and Product Management', what has happened to empathy in product "
                "management?",
                "Reduced to a buzzword while the actual practice has atrophied",
            ),  # a generated card
            proposal("In Norton's 'Empathy and Product Management', what has empathy become?", "A buzzword."),
        ],
        "m",
        LINT,
    )
    assert [d.card.front for d in new] == ["In Norton's 'Empathy and Product Management', what has empathy become?"]
    assert len(dropped) == 3 and all("already has this card" in d.reason for d in dropped)
    assert again.count("Status: rejected") == 1 and again.count("Status: draft") == 1


def test_ids_stay_unique_when_two_drafts_start_alike() -> None:
    _, drafts, _ = place(
        NOTE,
        REL,
        [
            proposal("In Norton's 'Empathy and Product Management', what replaced the practice of empathy in teams?"),
            proposal(
                "In Norton's 'Empathy and Product Management', how has the practice of empathy atrophied?",
                "It was replaced.",
            ),
        ],
        "m",
        LINT,
    )
    keys = [d.card.key for d in drafts]
    assert len(set(keys)) == 2 and all(CARD_ID_RE.match(k) for k in keys)


def test_a_note_without_cards_section_gets_one() -> None:
    text = NOTE.split("## Cards")[0]
    new_text, drafts, _ = place(
        text, REL, [proposal("In Norton's 'Empathy and Product Management', what replaced empathy?")], "m", LINT
    )
    assert new_text.startswith(text.rstrip("\n") + "\n\n## Cards\n\n<!-- drafted by m")
    assert new_text.endswith("Quote: replaced by dashboards, frameworks, and process theater\n")
    assert [b.get("id") for b in parse_note(new_text, REL).card_blocks] == [drafts[0].card.key]


def test_insert_when_the_cards_section_runs_straight_into_the_next_heading() -> None:
    text = NOTE.replace(
        "A: A set of concrete, learnable moves.\n\n## Further", "A: A set of concrete, learnable moves.\n## Further"
    )
    note = parse_note(text, REL)
    new_text = insert_blocks(text, note, ["Status: draft", "Q: Why?", "A: Because."])
    assert (
        "A: A set of concrete, learnable moves.\n\nStatus: draft\nQ: Why?\nA: Because.\n\n## Further reading"
        in new_text
    )


def test_findings_are_written_as_comments_above_the_draft() -> None:
    new_text, drafts, _ = place(
        NOTE,
        REL,
        [
            proposal(
                "Is empathy a craft?",
                "Yes, according to the essay it is a set of learnable moves you practise daily in every meeting.",
            )
        ],
        "m",
        LINT,
    )
    rules = {f.rule for f in drafts[0].findings}
    assert {"L4", "L1"} <= rules
    assert (
        "<!-- L4 error: yes/no question (starts with 'is') — ask for the content: 'What…', 'Why…', 'How…' -->\nStatus: draft\n"
        in new_text
    )
    assert new_text.index("<!-- L1 warning: answer has 18 words (more than 15)") < new_text.index("Status: draft")


def test_drafts_get_the_projects_quality_rules_and_severities() -> None:
    note = parse_note(NOTE, REL)
    yes_no = Card(
        note_id=note.id,
        key="k",
        kind="basic",
        front="In Norton's 'Empathy and Product Management', is empathy a trait?",
        back="No.",
    )
    assert "L4" in {f.rule for f in LINT(yes_no, note)}
    assert "L4" not in {f.rule for f in quality_checker(LintSettings(levels={"L4": "off"}))(yes_no, note)}
    good = Card(
        note_id=note.id,
        key="k",
        kind="basic",
        front="In Norton's 'Empathy and Product Management', what replaced empathy?",
        back="Dashboards.",
    )
    assert LINT(good, note) == []


def test_a_draft_like_a_card_of_another_note_is_flagged_l16() -> None:
    note = parse_note(NOTE, REL)
    elsewhere = Card(
        note_id="cagan-teams",
        key="q-1",
        kind="basic",
        path="content/cagan.md",
        line=12,
        front="What replaced the practice of empathy in product teams, per Norton?",
        back="Dashboards.",
    )
    draft = Card(
        note_id=note.id,
        key="k",
        kind="basic",
        path=REL,
        front="In Norton's 'Empathy and Product Management', what replaced the practice of empathy in product teams?",
        back="Dashboards.",
    )
    [finding] = [f for f in quality_checker(LintSettings(), [elsewhere])(draft, note) if f.rule == "L16"]
    assert "like the one at content/cagan.md:12" in finding.message and finding.severity == "warning"
    same_note = Card(note_id=note.id, key="q-2", kind="basic", front=elsewhere.front, back="x")
    assert "L16" not in {f.rule for f in quality_checker(LintSettings(), [same_note])(draft, note)}
